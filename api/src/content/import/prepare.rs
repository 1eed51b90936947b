//! Checking an import record as an item of one type and turning it into
//! rows: every problem is reported, not only the first.

use std::collections::{HashMap, HashSet};

use cecop_shared::{ArticleKind, EventKind, Language};
use chrono::{NaiveDateTime, TimeZone, Utc};

use super::record::{ItemRecord, Prepared};
use crate::content::markdown;
use crate::db::content::{ItemKind, ItemType, NewConsent, NewContent, Translation};
use crate::db::types::Zone;

const TITLE_MAX: usize = 300;
const SUMMARY_MAX: usize = 1_000;
const BODY_MAX: usize = crate::content::markdown::BODY_MAX_CHARS;
const TAGS_MAX: usize = 20;
const TRANSLATIONS_MAX: usize = 40;

fn check_text(errors: &mut Vec<String>, field: &str, value: &str, max: usize, required: bool) {
    if required && value.trim().is_empty() {
        errors.push(format!("{field} must not be empty"));
    }
    if value.chars().count() > max {
        errors.push(format!("{field} must be at most {max} characters"));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        errors.push(format!("{field} must not contain control characters"));
    }
}

fn check_url(errors: &mut Vec<String>, field: &str, value: Option<&str>) {
    if let Some(value) = value {
        let ok = url::Url::parse(value)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
        if !ok {
            errors.push(format!("{field} must be an http:// or https:// address"));
        }
    }
}

/// Local wall-clock time in a zone → UTC. An hour that a DST change skips is
/// refused; one it repeats means its first occurrence.
fn to_utc(local: NaiveDateTime, zone: chrono_tz::Tz) -> Option<NaiveDateTime> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc).naive_utc())
}

fn translation(lang: &Language, title: &str, summary: &str, body: &str) -> Translation {
    Translation {
        content_id: 0,
        lang: lang.clone(),
        title: title.trim().to_owned(),
        summary: summary.trim().to_owned(),
        body: body.to_owned(),
        body_html: markdown::to_safe_html(body),
    }
}

impl ItemRecord {
    /// Checks the record as an item of `item_type` and builds its rows, or
    /// says everything that is wrong with it.
    pub fn prepare(
        self,
        item_type: ItemType,
        member_ids: &HashMap<String, i64>,
        now: NaiveDateTime,
    ) -> Result<Prepared, Vec<String>> {
        let mut errors = Vec::new();
        check_text(&mut errors, "title", &self.title, TITLE_MAX, true);
        check_text(&mut errors, "summary", &self.summary, SUMMARY_MAX, false);
        check_text(&mut errors, "body", &self.body, BODY_MAX, false);
        let kind = match (item_type, self.kind.as_deref()) {
            (ItemType::Article, Some(k)) => k
                .parse::<ArticleKind>()
                .map(|k| Some(ItemKind::Article(k)))
                .map_err(|e| format!("kind {e}")),
            (ItemType::Event, Some(k)) => k
                .parse::<EventKind>()
                .map(|k| Some(ItemKind::Event(k)))
                .map_err(|e| format!("kind {e}")),
            (ItemType::Story, None) => Ok(None),
            (ItemType::Story, Some(_)) => Err("kind is not used for stories".to_owned()),
            (_, None) => Err("kind is required".to_owned()),
        }
        .unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if self.tags.len() > TAGS_MAX {
            errors.push(format!("at most {TAGS_MAX} tags"));
        }
        let mut ids = Vec::new();
        for slug in &self.members {
            match member_ids.get(slug.as_str()) {
                Some(id) if !ids.contains(id) => ids.push(*id),
                Some(_) => {}
                None => errors.push(format!("members: no member organisation has slug {slug}")),
            }
        }
        for organiser in &self.organisers {
            check_text(
                &mut errors,
                "organisers.name",
                &organiser.name,
                TITLE_MAX,
                true,
            );
            if let Some(slug) = &organiser.member
                && !member_ids.contains_key(slug.as_str())
            {
                errors.push(format!(
                    "organisers: no member organisation has slug {slug}"
                ));
            }
        }
        if self.translations.len() > TRANSLATIONS_MAX {
            errors.push(format!("at most {TRANSLATIONS_MAX} translations"));
        }
        let mut languages = HashSet::from([self.lang.clone()]);
        for t in &self.translations {
            if !languages.insert(t.lang.clone()) {
                errors.push(format!("translations: language {} appears twice", t.lang));
            }
            check_text(&mut errors, "translations.title", &t.title, TITLE_MAX, true);
            check_text(
                &mut errors,
                "translations.summary",
                &t.summary,
                SUMMARY_MAX,
                false,
            );
            check_text(&mut errors, "translations.body", &t.body, BODY_MAX, false);
        }
        for a in &self.attachments {
            check_text(&mut errors, "attachments.title", &a.title, TITLE_MAX, true);
            check_text(&mut errors, "attachments.media", &a.media, TITLE_MAX, true);
        }
        check_url(&mut errors, "online_url", self.online_url.as_deref());
        check_url(
            &mut errors,
            "registration_url",
            self.registration_url.as_deref(),
        );

        let is = |t: ItemType| item_type == t;
        let event_fields = self.starts_at.is_some()
            || self.ends_at.is_some()
            || self.time_zone.is_some()
            || self.venue.is_some()
            || self.city.is_some()
            || self.online_url.is_some()
            || self.registration_url.is_some()
            || !self.organisers.is_empty();
        if event_fields && !is(ItemType::Event) {
            errors.push("event fields (starts_at, venue, organisers…) are for events only".into());
        }
        let story_fields = self.cooperative.is_some()
            || self.sector.is_some()
            || self.quote.is_some()
            || self.photo.is_some()
            || self.consent.is_some();
        if story_fields && !is(ItemType::Story) {
            errors.push("story fields (cooperative, quote, consent…) are for stories only".into());
        }
        let (mut starts_at, mut ends_at, mut time_zone) = (None, None, None);
        if is(ItemType::Event) {
            match (self.starts_at, self.ends_at, self.time_zone.as_deref()) {
                (Some(start), Some(end), Some(zone)) => match zone.parse::<chrono_tz::Tz>() {
                    Ok(tz) => {
                        time_zone = Some(Zone(tz));
                        starts_at = to_utc(start, tz);
                        ends_at = to_utc(end, tz);
                        if starts_at.is_none() || ends_at.is_none() {
                            errors.push(format!(
                                "starts_at/ends_at: that local time does not exist in {zone}"
                            ));
                        }
                        if end < start {
                            errors.push("ends_at must not be before starts_at".into());
                        }
                    }
                    Err(_) => errors.push(format!(
                        "time_zone {zone:?} is not an IANA time zone (e.g. Europe/Brussels)"
                    )),
                },
                _ => errors.push("events need starts_at, ends_at and time_zone".into()),
            }
        }
        if is(ItemType::Story) {
            match &self.cooperative {
                Some(c) => check_text(&mut errors, "cooperative", c, TITLE_MAX, true),
                None => errors.push("stories need a cooperative".into()),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut translations = vec![translation(
            &self.lang,
            &self.title,
            &self.summary,
            &self.body,
        )];
        translations.extend(
            self.translations
                .iter()
                .map(|t| translation(&t.lang, &t.title, &t.summary, &t.body)),
        );
        let json = |value: serde_json::Result<String>| value.unwrap_or_else(|_| "[]".into());
        let mut themes = self.themes.clone();
        themes.dedup();
        let mut tags: Vec<String> = self.tags.iter().map(ToString::to_string).collect();
        tags.sort();
        tags.dedup();
        Ok(Prepared {
            item: NewContent {
                item_type,
                slug: self.slug.clone(),
                kind,
                status: self.status,
                visibility: self.visibility,
                publish_at: self.published_at.naive_utc(),
                default_lang: self.lang.clone(),
                country: self.country,
                eu_funded: self.eu_funded,
                illustrative: self.illustrative,
                attachments: json(serde_json::to_string(&self.attachments)),
                starts_at,
                ends_at,
                time_zone,
                venue: self.venue,
                city: self.city,
                online_url: self.online_url,
                registration_url: self.registration_url,
                organisers: json(serde_json::to_string(&self.organisers)),
                cooperative: self.cooperative,
                sector: self.sector,
                quote: self.quote,
                photo: self
                    .photo
                    .map(|p| serde_json::to_string(&p).unwrap_or_default()),
                consent_id: None,
                created_at: now,
                updated_at: now,
            },
            translations,
            themes,
            tags,
            member_ids: ids,
            consent: self.consent.map(|c| NewConsent {
                given_at: c.given_at.naive_utc(),
                given_by: c.given_by,
                wording: c.wording,
            }),
        })
    }
}
