//! The import record: one item as a JSON object, as `seed/content.json` and
//! `cecop-api import --articles` read it, and what it becomes once checked.

use cecop_shared::{Attachment, CountryCode, Language, Organiser, Photo, Slug, Theme, Visibility};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use crate::db::content::{NewConsent, NewContent, Translation};

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
