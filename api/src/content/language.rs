//! Which language to serve an item in: `?lang=` first, then the languages of
//! `Accept-Language` by preference, then the item's default language.

use cecop_shared::Language;

/// The caller's languages, most preferred first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preferences(Vec<Language>);

impl Preferences {
    /// From an explicit `?lang=` (already validated) and the `Accept-Language`
    /// header (RFC 9110 §12.5.4). Unparseable ranges are ignored, as the RFC
    /// allows; `*` and `q=0` ranges add nothing.
    pub fn new(explicit: Option<Language>, accept_language: Option<&str>) -> Self {
        let mut ranked: Vec<(u16, usize, Language)> = Vec::new();
        for (position, range) in accept_language.unwrap_or_default().split(',').enumerate() {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag
                .split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if quality <= 0.0 || !(0.0..=1.0).contains(&quality) {
                continue;
            }
            if let Ok(lang) = primary.parse::<Language>() {
                // Quality has three decimals at most (RFC 9110 §12.4.2).
                let weight = (quality * 1000.0).round() as u16;
                ranked.push((weight, position, lang));
            }
        }
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut languages: Vec<Language> = explicit.into_iter().collect();
        for (_, _, lang) in ranked {
            if !languages.contains(&lang) {
                languages.push(lang);
            }
        }
        Self(languages)
    }

    /// The language to serve, given those available and the default.
    pub fn choose<'a>(&self, available: &'a [Language], default: &'a Language) -> &'a Language {
        self.0
            .iter()
            .find_map(|wanted| available.iter().find(|a| *a == wanted))
            .unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Language {
        code.parse().unwrap_or_else(|_| Language::english())
    }

    #[test]
    fn explicit_wins_then_quality_then_order() {
        let prefs = Preferences::new(None, Some("it;q=0.5, fr-BE, es;q=0.8, de;q=0"));
        let available = [lang("en"), lang("es"), lang("it")];
        assert_eq!(prefs.choose(&available, &available[0]), &lang("es"));
        let prefs = Preferences::new(Some(lang("it")), Some("fr-BE, es;q=0.8"));
        assert_eq!(prefs.choose(&available, &available[0]), &lang("it"));
    }

    #[test]
    fn falls_back_to_the_default() {
        let prefs = Preferences::new(Some(lang("de")), Some("nl, *;q=0.1, garbage;;q=x"));
        let available = [lang("fr"), lang("en")];
        assert_eq!(prefs.choose(&available, &available[0]), &lang("fr"));
    }
}
