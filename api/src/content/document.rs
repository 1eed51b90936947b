//! An item as editors write it ([`ItemDocument`]): checked into the rows
//! that store it ([`check`]), and read back from them ([`read`]). The back
//! office's writes and the import (`content::import`) both go through
//! [`check`], so an item is held to one set of rules however it got in.

use std::collections::{BTreeMap, HashMap, HashSet};

use cecop_shared::{
    ArticleFields, EventFields, FieldError, ItemContent, ItemDocument, Language, Slug, StoryFields,
    Theme, TranslationText,
};
use chrono::{NaiveDateTime, TimeZone, Utc};

use crate::content::markdown::{self, BODY_MAX_CHARS};
use crate::db::DbConnection;
use crate::db::content::{self, ContentRow, ItemFields, ItemKind, ItemType, Translation};
use crate::db::types::Zone;
use crate::handlers::prose_errors;

pub const TITLE_MAX: usize = 300;
pub const SUMMARY_MAX: usize = 1_000;
/// Short texts beside the body: a venue, a city, a quote, a sector.
pub const LINE_MAX: usize = 300;
pub const QUOTE_MAX: usize = 1_000;
pub const TAGS_MAX: usize = 20;
pub const LIST_MAX: usize = 40;

/// A document checked into its rows.
#[derive(Debug, Clone)]
pub struct Checked {
    pub fields: ItemFields,
    /// One per language, the default one first, bodies rendered.
    pub translations: Vec<Translation>,
    pub themes: Vec<Theme>,
    pub tags: Vec<String>,
    pub member_ids: Vec<i64>,
}

/// Member organisation ids by slug (for `members` and organisers).
pub type MemberIds = HashMap<String, i64>;

/// Every problem with a one-line text: empty when required, too long,
/// control characters, line breaks.
pub fn line_errors(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "must not be empty"));
    }
    if value.contains(['\n', '\r']) {
        errors.push(FieldError::new(field, "must be one line"));
    }
    errors.extend(prose_errors(field, value, max));
}

pub fn optional_line(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>, max: usize) {
    if let Some(value) = value {
        line_errors(errors, field, value, max);
    }
}

pub fn url_errors(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) {
    if let Some(value) = value {
        let ok = url::Url::parse(value)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
        if !ok {
            errors.push(FieldError::new(
                field,
                "must be an http:// or https:// address",
            ));
        }
    }
}

/// Local wall-clock time in a zone → UTC. An hour that a DST change skips is
/// refused; one it repeats means its first occurrence.
pub fn to_utc(local: NaiveDateTime, zone: chrono_tz::Tz) -> Option<NaiveDateTime> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc).naive_utc())
}

/// UTC → the wall-clock time in a zone.
pub fn to_local(utc: NaiveDateTime, zone: chrono_tz::Tz) -> NaiveDateTime {
    zone.from_utc_datetime(&utc).naive_local()
}

/// Parses an IANA time zone, naming `field` when it is not one.
pub fn zone(field: &str, name: &str) -> Result<chrono_tz::Tz, FieldError> {
    name.parse::<chrono_tz::Tz>().map_err(|_| {
        FieldError::new(
            field,
            format!("{name:?} is not an IANA time zone (e.g. Europe/Brussels)"),
        )
    })
}

fn translation_errors(errors: &mut Vec<FieldError>, lang: &Language, t: &TranslationText) {
    let at = |part: &str| format!("translations.{lang}.{part}");
    line_errors(errors, &at("title"), &t.title, TITLE_MAX);
    errors.extend(prose_errors(&at("summary"), &t.summary, SUMMARY_MAX));
    errors.extend(prose_errors(&at("body"), &t.body, BODY_MAX_CHARS));
}

/// Links and images in the bodies that readers must not be sent to
/// (`javascript:`, `data:`…). Rendering drops them whatever happens; the
/// back office refuses them so the editor is told, while the import (old
/// sites' content) lets rendering drop them.
pub fn link_errors(content: &ItemContent) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (lang, t) in &content.translations {
        for link in markdown::unsafe_links(&t.body) {
            errors.push(FieldError::new(
                format!("translations.{lang}.body"),
                format!(
                    "links and images must be http(s), mailto: or relative addresses, not {link:?}"
                ),
            ));
        }
    }
    errors
}

/// Checks a document as an item of `item_type` and builds its rows, or
/// says everything that is wrong with it, each error naming its field.
pub fn check(
    item_type: ItemType,
    slug: &Slug,
    content: &ItemContent,
    members: &MemberIds,
) -> Result<Checked, Vec<FieldError>> {
    let mut errors = Vec::new();
    if !content.translations.contains_key(&content.default_lang) {
        errors.push(FieldError::new(
            format!("translations.{}", content.default_lang),
            "the default language's translation is required",
        ));
    }
    if content.translations.len() > LIST_MAX {
        errors.push(FieldError::new(
            "translations",
            format!("at most {LIST_MAX} translations"),
        ));
    }
    for (lang, t) in &content.translations {
        translation_errors(&mut errors, lang, t);
    }
    if content.tags.len() > TAGS_MAX {
        errors.push(FieldError::new("tags", format!("at most {TAGS_MAX} tags")));
    }
    let mut member_ids = Vec::new();
    for slug in &content.members {
        match members.get(slug.as_str()) {
            Some(id) if !member_ids.contains(id) => member_ids.push(*id),
            Some(_) => {}
            None => errors.push(FieldError::new(
                "members",
                format!("no member organisation has slug {slug}"),
            )),
        }
    }
    if content.attachments.len() > LIST_MAX {
        errors.push(FieldError::new(
            "attachments",
            format!("at most {LIST_MAX} attachments"),
        ));
    }
    for a in &content.attachments {
        line_errors(&mut errors, "attachments.title", &a.title, TITLE_MAX);
        line_errors(&mut errors, "attachments.media", &a.media, TITLE_MAX);
    }
    let sections = [
        (ItemType::Article, "article", content.article.is_some()),
        (ItemType::Event, "event", content.event.is_some()),
        (ItemType::Story, "story", content.story.is_some()),
    ];
    for (of, name, present) in sections {
        if of == item_type && !present {
            errors.push(FieldError::new(name, format!("{of}s need `{name}`")));
        } else if of != item_type && present {
            errors.push(FieldError::new(name, format!("is for {of}s only")));
        }
    }
    let mut fields = ItemFields {
        slug: slug.clone(),
        kind: None,
        visibility: content.visibility,
        default_lang: content.default_lang.clone(),
        country: content.country,
        eu_funded: content.eu_funded,
        illustrative: content.illustrative,
        attachments: to_json(&content.attachments),
        starts_at: None,
        ends_at: None,
        time_zone: None,
        venue: None,
        city: None,
        online_url: None,
        registration_url: None,
        organisers: "[]".into(),
        cooperative: None,
        sector: None,
        quote: None,
        photo: None,
    };
    if let (ItemType::Article, Some(article)) = (item_type, &content.article) {
        fields.kind = Some(ItemKind::Article(article.kind));
    }
    if let (ItemType::Event, Some(event)) = (item_type, &content.event) {
        event_fields(&mut errors, &mut fields, event, members);
    }
    if let (ItemType::Story, Some(story)) = (item_type, &content.story) {
        story_fields(&mut errors, &mut fields, story);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let default = content.default_lang.clone();
    let mut translations: Vec<Translation> = content
        .translations
        .iter()
        .map(|(lang, t)| Translation {
            content_id: 0,
            lang: lang.clone(),
            title: t.title.trim().to_owned(),
            summary: t.summary.trim().to_owned(),
            body: t.body.clone(),
            body_html: markdown::to_safe_html(&t.body),
            written_version: 1,
        })
        .collect();
    translations.sort_by_key(|t| t.lang != default);
    let mut themes = content.themes.clone();
    themes.sort();
    themes.dedup();
    let mut tags: Vec<String> = content.tags.iter().map(ToString::to_string).collect();
    tags.sort();
    tags.dedup();
    Ok(Checked {
        fields,
        translations,
        themes,
        tags,
        member_ids,
    })
}

fn event_fields(
    errors: &mut Vec<FieldError>,
    fields: &mut ItemFields,
    event: &EventFields,
    members: &MemberIds,
) {
    fields.kind = Some(ItemKind::Event(event.kind));
    match zone("event.time_zone", &event.time_zone) {
        Ok(tz) => {
            fields.time_zone = Some(Zone(tz));
            fields.starts_at = to_utc(event.starts_local, tz);
            fields.ends_at = to_utc(event.ends_local, tz);
            for (field, at) in [
                ("event.starts_local", fields.starts_at),
                ("event.ends_local", fields.ends_at),
            ] {
                if at.is_none() {
                    errors.push(FieldError::new(
                        field,
                        format!("that local time does not exist in {tz} (a clock change skips it)"),
                    ));
                }
            }
        }
        Err(e) => errors.push(e),
    }
    if event.ends_local < event.starts_local {
        errors.push(FieldError::new(
            "event.ends_local",
            "must not be before starts_local",
        ));
    }
    optional_line(errors, "event.venue", event.venue.as_deref(), LINE_MAX);
    optional_line(errors, "event.city", event.city.as_deref(), LINE_MAX);
    url_errors(errors, "event.online_url", event.online_url.as_deref());
    url_errors(
        errors,
        "event.registration_url",
        event.registration_url.as_deref(),
    );
    if event.organisers.len() > LIST_MAX {
        errors.push(FieldError::new(
            "event.organisers",
            format!("at most {LIST_MAX} organisers"),
        ));
    }
    for organiser in &event.organisers {
        line_errors(errors, "event.organisers.name", &organiser.name, TITLE_MAX);
        if let Some(slug) = &organiser.member
            && !members.contains_key(slug.as_str())
        {
            errors.push(FieldError::new(
                "event.organisers.member",
                format!("no member organisation has slug {slug}"),
            ));
        }
    }
    fields.venue = event.venue.clone();
    fields.city = event.city.clone();
    fields.online_url = event.online_url.clone();
    fields.registration_url = event.registration_url.clone();
    fields.organisers = to_json(&event.organisers);
}

fn story_fields(errors: &mut Vec<FieldError>, fields: &mut ItemFields, story: &StoryFields) {
    line_errors(errors, "story.cooperative", &story.cooperative, TITLE_MAX);
    optional_line(errors, "story.sector", story.sector.as_deref(), LINE_MAX);
    if let Some(quote) = &story.quote {
        errors.extend(prose_errors("story.quote", quote, QUOTE_MAX));
    }
    if let Some(photo) = &story.photo {
        line_errors(errors, "story.photo.media", &photo.media, TITLE_MAX);
        line_errors(errors, "story.photo.alt", &photo.alt, TITLE_MAX);
    }
    fields.cooperative = Some(story.cooperative.trim().to_owned());
    fields.sector = story.sector.clone();
    fields.quote = story.quote.clone();
    fields.photo = story.photo.as_ref().map(to_json);
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// A slug made from a title: accents folded, every run of other characters
/// a hyphen, cut at a word within the longest slug; `item` when nothing is
/// left.
pub fn slug_from(title: &str) -> Slug {
    let folded = crate::search_text::fold(title);
    let mut slug = String::new();
    for word in folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
    {
        let extra = usize::from(!slug.is_empty()) + word.len();
        if slug.len() + extra > Slug::MAX_LEN - 4 {
            if slug.is_empty() {
                slug.push_str(&word[..Slug::MAX_LEN - 4]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        slug.push_str("item");
    }
    // Only a-z, 0-9 and single hyphens between words are left.
    slug.parse()
        .unwrap_or_else(|_| unreachable!("{slug:?} is a slug"))
}

/// The first slug `taken` says is free: `base`, else `base-2`, `base-3`…
/// (the base cut at a word to leave room for the number). For new items
/// and new member organisations alike.
pub fn free_slug<E>(
    base: &Slug,
    mut taken: impl FnMut(&Slug) -> Result<bool, E>,
) -> Result<Slug, E> {
    let mut candidate = base.clone();
    let mut n: u64 = 2;
    while taken(&candidate)? {
        let suffix = format!("-{n}");
        let mut stem = base.as_str();
        while stem.len() + suffix.len() > Slug::MAX_LEN {
            stem = stem
                .rsplit_once('-')
                .map_or(&stem[..Slug::MAX_LEN - suffix.len()], |(s, _)| s);
        }
        // `stem` is a slug's prefix ending in a letter or digit, so this parses.
        candidate = format!("{stem}{suffix}")
            .parse()
            .unwrap_or_else(|_| unreachable!("{stem}{suffix} is a slug"));
        n += 1;
    }
    Ok(candidate)
}

/// The document an item's rows hold.
pub fn read(conn: &mut DbConnection, row: &ContentRow) -> Result<ItemDocument, anyhow::Error> {
    let translations: BTreeMap<Language, TranslationText> = content::translations(conn, row.id)?
        .into_iter()
        .map(|t| {
            (
                t.lang,
                TranslationText {
                    title: t.title,
                    summary: t.summary,
                    body: t.body,
                },
            )
        })
        .collect();
    let themes = content::themes(conn, &[row.id])?
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let tags = content::tags(conn, &[row.id])?
        .into_iter()
        .map(|(_, t)| t.parse())
        .collect::<Result<Vec<Slug>, _>>()?;
    let members = content::related_members(conn, row.id)?
        .into_iter()
        .map(|(slug, _)| slug)
        .collect();
    let mut document = ItemDocument {
        slug: row.slug.clone(),
        content: ItemContent {
            visibility: row.visibility,
            default_lang: row.default_lang.clone(),
            translations,
            country: row.country,
            themes,
            tags,
            members,
            eu_funded: row.eu_funded,
            illustrative: row.illustrative,
            attachments: row.attachments.0.clone(),
            article: None,
            event: None,
            story: None,
        },
    };
    let corrupt = || anyhow::anyhow!("{} {}: stored fields do not fit", row.item_type, row.slug);
    match (row.item_type, row.kind) {
        (ItemType::Article, Some(ItemKind::Article(kind))) => {
            document.content.article = Some(ArticleFields { kind });
        }
        (ItemType::Event, Some(ItemKind::Event(kind))) => {
            let (Some(start), Some(end), Some(Zone(tz))) =
                (row.starts_at, row.ends_at, row.time_zone)
            else {
                return Err(corrupt());
            };
            document.content.event = Some(EventFields {
                kind,
                starts_local: to_local(start, tz),
                ends_local: to_local(end, tz),
                time_zone: tz.name().to_owned(),
                venue: row.venue.clone(),
                city: row.city.clone(),
                online_url: row.online_url.clone(),
                registration_url: row.registration_url.clone(),
                organisers: row.organisers.0.clone(),
            });
        }
        (ItemType::Story, None) => {
            document.content.story = Some(StoryFields {
                cooperative: row.cooperative.clone().ok_or_else(corrupt)?,
                sector: row.sector.clone(),
                quote: row.quote.clone(),
                photo: row.photo.as_ref().map(|p| p.0.clone()),
            });
        }
        _ => return Err(corrupt()),
    }
    Ok(document)
}

/// A document as (field path, value as text) pairs, in a stable order:
/// what a diff compares and what `changed` lists (see
/// [`cecop_shared::document_fields`]).
pub fn fields(document: &ItemDocument) -> Vec<(String, String)> {
    serde_json::to_value(document)
        .map(|value| cecop_shared::document_fields(&value).into_iter().collect())
        .unwrap_or_default()
}

/// The fields that differ between two documents.
pub fn changed(before: &ItemDocument, after: &ItemDocument) -> Vec<String> {
    let before: BTreeMap<String, String> = fields(before).into_iter().collect();
    let after: BTreeMap<String, String> = fields(after).into_iter().collect();
    let keys: HashSet<&String> = before.keys().chain(after.keys()).collect();
    let mut changed: Vec<String> = keys
        .into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect();
    changed.sort();
    changed
}

/// True when the default language's text differs between two documents
/// (or the default language itself changed): translations written before
/// become outdated.
pub fn source_changed(before: &ItemDocument, after: &ItemDocument) -> bool {
    let source = |d: &ItemDocument| {
        (
            d.content.default_lang.clone(),
            d.content.translations.get(&d.content.default_lang).cloned(),
        )
    };
    source(before) != source(after)
}

/// A field error list as import reasons: "field message".
pub fn reasons(errors: Vec<FieldError>) -> Vec<String> {
    errors
        .into_iter()
        .map(|e| format!("{} {}", e.field, e.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_made_from_titles() {
        for (title, slug) in [
            ("Coopératives & the EU: 2024!", "cooperatives-the-eu-2024"),
            ("  Ça va?  ", "ca-va"),
            ("!!!", "item"),
            ("Ελληνικά", "item"),
        ] {
            assert_eq!(slug_from(title).as_str(), slug, "{title}");
        }
        let long = slug_from(&"word ".repeat(40));
        assert!(long.as_str().len() <= Slug::MAX_LEN - 4, "{long}");
        assert!(!long.as_str().ends_with('-'));
        let one = slug_from(&"a".repeat(200));
        assert_eq!(one.as_str().len(), Slug::MAX_LEN - 4);
    }

    #[test]
    fn a_free_slug_numbers_the_base_and_always_fits() {
        let base: Slug = "same-title".parse().unwrap_or_else(|_| unreachable!());
        let taken = ["same-title", "same-title-2"];
        let free = free_slug::<()>(&base, |s| Ok(taken.contains(&s.as_str())));
        assert_eq!(free.map(|s| s.to_string()), Ok("same-title-3".to_owned()));
        // A base of the longest length gives way to the number, at a word.
        let long: Slug = format!("{}-end", "w".repeat(Slug::MAX_LEN - 4))
            .parse()
            .unwrap_or_else(|_| unreachable!());
        let mut seen = 0;
        let free = free_slug::<()>(&long, |_| {
            seen += 1;
            Ok(seen < 12_000)
        });
        let free = free.unwrap_or_else(|_| unreachable!());
        assert!(free.as_str().len() <= Slug::MAX_LEN, "{free}");
        assert!(free.as_str().ends_with("-12000"), "{free}");
    }
}
