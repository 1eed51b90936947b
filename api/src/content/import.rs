//! Getting content in: one record format for the demo content
//! (`seed/content.json`) and for `cecop-api import --articles FILE.jsonl`, the
//! migration path from an existing site. Every record is validated into
//! domain types first; a run writes all of its records in one transaction or
//! nothing at all.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use cecop_shared::{
    ArticleKind, Attachment, CountryCode, EventKind, Language, Organiser, Photo, Slug, Theme,
    Visibility,
};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::Deserialize;

use super::markdown;
use crate::db::DbConnection;
use crate::db::content::{self, ItemKind, ItemType, NewConsent, NewContent, Translation};
use crate::db::search::{self, DocType};
use crate::db::types::Zone;

const TITLE_MAX: usize = 300;
const SUMMARY_MAX: usize = 1_000;
const BODY_MAX: usize = 200_000;
const TAGS_MAX: usize = 20;
const TRANSLATIONS_MAX: usize = 40;

/// A language version other than the default one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationRecord {
    pub lang: Language,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
}

/// Who gave consent to publish a story, when, and to what wording.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentRecord {
    pub given_at: DateTime<Utc>,
    pub given_by: String,
    pub wording: String,
}

/// One item as imported. Fields of other item types must be absent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRecord {
    pub slug: Slug,
    #[serde(default)]
    pub kind: Option<String>,
    pub status: cecop_shared::ContentStatus,
    pub published_at: DateTime<Utc>,
    #[serde(default = "public")]
    pub visibility: Visibility,
    #[serde(default = "Language::english")]
    pub lang: Language,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub country: Option<CountryCode>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub tags: Vec<Slug>,
    #[serde(default)]
    pub members: Vec<Slug>,
    #[serde(default)]
    pub eu_funded: bool,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub translations: Vec<TranslationRecord>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    // Events.
    #[serde(default)]
    pub starts_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub ends_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub online_url: Option<String>,
    #[serde(default)]
    pub registration_url: Option<String>,
    #[serde(default)]
    pub organisers: Vec<Organiser>,
    // Stories.
    #[serde(default)]
    pub cooperative: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub photo: Option<Photo>,
    #[serde(default)]
    pub consent: Option<ConsentRecord>,
}

fn public() -> Visibility {
    Visibility::Public
}

/// A record checked and turned into rows, ready to insert.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub item: NewContent,
    pub translations: Vec<Translation>,
    pub themes: Vec<Theme>,
    pub tags: Vec<String>,
    pub member_ids: Vec<i64>,
    pub consent: Option<NewConsent>,
}

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

/// Inserts a prepared item and indexes it for search; returns its id.
pub fn insert(conn: &mut DbConnection, prepared: Prepared) -> diesel::QueryResult<i64> {
    let mut item = prepared.item;
    if let Some(consent) = &prepared.consent {
        item.consent_id = Some(content::insert_consent(conn, consent)?);
    }
    let id = content::insert(
        conn,
        &item,
        &prepared.translations,
        &prepared.themes,
        &prepared.tags,
        &prepared.member_ids,
    )?;
    let entries: Vec<(String, String, String)> = prepared
        .translations
        .iter()
        .map(|t| {
            let text = format!("{} {}", t.summary, markdown::to_plain_text(&t.body));
            (t.lang.to_string(), t.title.clone(), text)
        })
        .collect();
    search::index(conn, DocType::Content, id, &entries)?;
    Ok(id)
}

/// Member ids by slug, for resolving `members` and organisers.
pub fn member_ids(conn: &mut DbConnection) -> diesel::QueryResult<HashMap<String, i64>> {
    use crate::db::schema::members;
    use diesel::prelude::*;
    let rows: Vec<(String, i64)> = members::table
        .select((members::slug, members::id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The outcome of one line of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineOutcome {
    Imported { line: usize, slug: Slug },
    Refused { line: usize, reasons: Vec<String> },
}

impl std::fmt::Display for LineOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Imported { line, slug } => write!(f, "line {line}: imported {slug}"),
            Self::Refused { line, reasons } => {
                write!(f, "line {line}: refused: {}", reasons.join("; "))
            }
        }
    }
}

/// What an import did: `imported` is 0 whenever any line was refused.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub refused: usize,
}

/// Imports articles from JSON Lines (blank lines are skipped). The file is
/// read twice: once to validate every line (nothing is held in memory but
/// the slugs, so millions of lines work), and, when no line was refused, once
/// more to insert all of them in one transaction. `report` gets one outcome
/// per line as it is decided.
pub fn import_articles<R: BufRead>(
    conn: &mut DbConnection,
    mut open: impl FnMut() -> std::io::Result<R>,
    now: NaiveDateTime,
    mut report: impl FnMut(&LineOutcome),
) -> anyhow::Result<ImportReport> {
    let members = member_ids(conn)?;
    let mut seen: HashSet<Slug> = HashSet::new();
    let mut result = ImportReport::default();
    let parse = |raw: &str| -> Result<ItemRecord, Vec<String>> {
        let de = &mut serde_json::Deserializer::from_str(raw);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            if path == "." {
                vec![format!("not a valid article record: {}", e.inner())]
            } else {
                vec![format!("{path}: {}", e.inner())]
            }
        })
    };
    for (index, line) in open()?.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let outcome = match parse(&line).and_then(|r| r.prepare(ItemType::Article, &members, now)) {
            Ok(prepared) => {
                let slug = prepared.item.slug.clone();
                if !seen.insert(slug.clone()) {
                    Err(vec![format!("slug {slug} appears on an earlier line")])
                } else if content::slug_taken(conn, ItemType::Article, &slug)? {
                    Err(vec![format!("an article with slug {slug} already exists")])
                } else {
                    Ok(())
                }
            }
            Err(reasons) => Err(reasons),
        };
        if let Err(reasons) = outcome {
            result.refused += 1;
            report(&LineOutcome::Refused {
                line: index + 1,
                reasons,
            });
        }
    }
    if result.refused > 0 {
        return Ok(result);
    }
    crate::db::write::<_, anyhow::Error, _>(conn, |conn| {
        for (index, line) in open()?.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let prepared = parse(&line)
                .and_then(|r| r.prepare(ItemType::Article, &members, now))
                .map_err(|reasons| {
                    anyhow::anyhow!("line {}: changed while importing: {reasons:?}", index + 1)
                })?;
            let slug = prepared.item.slug.clone();
            insert(conn, prepared)?;
            result.imported += 1;
            report(&LineOutcome::Imported {
                line: index + 1,
                slug,
            });
        }
        Ok(())
    })?;
    Ok(result)
}

/// The demo content file: articles, events and stories.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoContent {
    articles: Vec<ItemRecord>,
    events: Vec<ItemRecord>,
    stories: Vec<ItemRecord>,
}

const CONTENT_JSON: &str = include_str!("../../seed/content.json");

/// Inserts the demo content in one transaction; returns how many items. Fails
/// loudly on any invalid record: the file ships with the binary.
pub fn seed_demo_content(conn: &mut DbConnection, now: NaiveDateTime) -> anyhow::Result<usize> {
    let demo: DemoContent = serde_json::from_str(CONTENT_JSON)?;
    crate::db::write::<_, anyhow::Error, _>(conn, |conn| {
        let members = member_ids(conn)?;
        let mut count = 0;
        for (item_type, records) in [
            (ItemType::Article, demo.articles),
            (ItemType::Event, demo.events),
            (ItemType::Story, demo.stories),
        ] {
            for record in records {
                let slug = record.slug.to_string();
                let prepared = record.prepare(item_type, &members, now).map_err(|e| {
                    anyhow::anyhow!("demo {} {slug}: {}", item_type.as_str(), e.join("; "))
                })?;
                insert(conn, prepared)?;
                count += 1;
            }
        }
        Ok(count)
    })
}
