//! Content rows as stored, decoded into domain types (a bad stored value
//! fails where it is read: see `db::types`), and the rows to insert.

use cecop_shared::{
    Attachment, ContentStatus, CountryCode, Language, Organiser, Photo, Slug, Visibility,
};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::kinds::{ItemKind, ItemType};
use crate::db::schema::{content_items, content_translations, story_consents};
use crate::db::types::{Json, Zone};

/// An item as stored, decoded into domain types (a bad stored value fails
/// here, once: see `db::types`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = content_items)]
pub struct ContentRow {
    pub id: i64,
    pub item_type: ItemType,
    pub slug: Slug,
    pub kind: Option<ItemKind>,
    pub status: ContentStatus,
    pub visibility: Visibility,
    pub publish_at: NaiveDateTime,
    pub default_lang: Language,
    pub country: Option<CountryCode>,
    pub eu_funded: bool,
    pub illustrative: bool,
    pub attachments: Json<Vec<Attachment>>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: Option<Zone>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub online_url: Option<String>,
    pub registration_url: Option<String>,
    pub organisers: Json<Vec<Organiser>>,
    pub cooperative: Option<String>,
    pub sector: Option<String>,
    pub quote: Option<String>,
    pub photo: Option<Json<Photo>>,
    pub consent_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Up by one on every save: the ETag, and the number of the revision
    /// holding this state.
    pub version: i64,
    /// The version at which the default language's text last changed.
    pub source_version: i64,
    pub first_published_at: Option<NaiveDateTime>,
    pub publish_zone: Option<Zone>,
    pub updated_by: Option<i64>,
}

/// The columns an editor writes (everything but type, status and
/// bookkeeping), as inserted and as updated: `None` clears a column.
/// JSON columns hold the serialised documents.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = content_items, treat_none_as_null = true)]
pub struct ItemFields {
    pub slug: Slug,
    pub kind: Option<ItemKind>,
    pub visibility: Visibility,
    pub default_lang: Language,
    pub country: Option<CountryCode>,
    pub eu_funded: bool,
    pub illustrative: bool,
    pub attachments: String,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: Option<Zone>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub online_url: Option<String>,
    pub registration_url: Option<String>,
    pub organisers: String,
    pub cooperative: Option<String>,
    pub sector: Option<String>,
    pub quote: Option<String>,
    pub photo: Option<String>,
}

/// A new item; translations, themes, tags and members are inserted beside
/// it.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = content_items)]
pub struct NewContent {
    pub item_type: ItemType,
    #[diesel(embed)]
    pub fields: ItemFields,
    pub status: ContentStatus,
    pub publish_at: NaiveDateTime,
    pub first_published_at: Option<NaiveDateTime>,
    pub consent_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub updated_by: Option<i64>,
}

/// One language version of an item.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = content_translations)]
pub struct Translation {
    pub content_id: i64,
    pub lang: Language,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_html: String,
    /// The item's version when this text was last written: older than the
    /// item's `source_version` means outdated.
    pub written_version: i64,
}

/// A translation without its body, for lists.
#[derive(Debug, Clone, Queryable)]
pub struct TranslationHead {
    pub content_id: i64,
    pub lang: Language,
    pub title: String,
    pub summary: String,
}

/// A stored consent record for a story.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = story_consents)]
pub struct NewConsent {
    pub given_at: NaiveDateTime,
    pub given_by: String,
    pub wording: String,
}
