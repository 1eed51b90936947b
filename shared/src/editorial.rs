//! The editorial back office's request and answer bodies (CECOP staff):
//! items as editors write them (every status, every language), their
//! revisions and diffs, scheduling, and the live preview of a Markdown body.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/preview`: Markdown to render.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PreviewRequest {
    /// A body as editors write it: CommonMark with tables, strikethrough
    /// and footnotes; at most 200,000 characters.
    #[cfg_attr(feature = "server", schema(max_length = 200000))]
    pub markdown: String,
}

/// A rendered body, as readers will get it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Preview {
    /// The HTML, sanitised by the same rules as every published body.
    pub html: String,
    /// Words a reader will read (markup excluded).
    pub words: u64,
}

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::{
    ArticleKind, Attachment, ContentStatus, CountryCode, EventKind, Language, Organiser, Photo,
    Slug, Theme, Visibility, string_enum,
};

string_enum!(
    /// The three collections editors write in, as they appear in paths
    /// (`/api/v1/editorial/{collection}`).
    Collection {
        Articles => "articles",
        Events => "events",
        Stories => "stories",
    }
);

string_enum!(
    /// Where a translation stands against the default language's text.
    TranslationState {
        /// The default language itself, or a translation written after
        /// its text last changed.
        Current => "current",
        /// Written before the default language's text last changed: it
        /// needs re-translating.
        Outdated => "outdated",
        /// One of the site's languages the item has no version in yet.
        Missing => "missing",
    }
);

string_enum!(
    /// What a save did.
    SaveAction {
        /// The state the item had before the back office first changed it
        /// (imported content).
        Imported => "imported",
        Created => "created",
        Edited => "edited",
        /// A new revision equal to an older one.
        Restored => "restored",
        Published => "published",
        Scheduled => "scheduled",
        Unpublished => "unpublished",
        Archived => "archived",
        /// Brought back from the archive, as a draft.
        Unarchived => "unarchived",
    }
);

string_enum!(
    /// One piece of a text diff.
    DiffOp {
        Equal => "equal",
        Insert => "insert",
        Delete => "delete",
    }
);

/// A document (or any JSON object) as `field path → value as text`, in a
/// stable order: what revision diffs, their lists of changed fields and the
/// editor's conflict screen compare. Nested objects become dotted paths
/// (`translations.fr.body`, `event.venue`); a list of strings is one field,
/// its items joined by `, `; other lists and scalars are one field each, as
/// JSON; `null` and empty lists are no field.
pub fn document_fields(document: &serde_json::Value) -> BTreeMap<String, String> {
    use serde_json::Value;
    fn walk(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&path, value, out);
                }
            }
            Value::Null => {}
            Value::Array(items) if items.is_empty() => {}
            Value::String(text) => {
                out.insert(prefix.to_owned(), text.clone());
            }
            Value::Array(items) if items.iter().all(Value::is_string) => {
                let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                out.insert(prefix.to_owned(), items.join(", "));
            }
            other => {
                out.insert(prefix.to_owned(), other.to_string());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk("", document, &mut out);
    out
}

/// The languages the site is translated into: an editor's language tabs.
pub const SITE_LANGUAGES: [&str; 4] = ["en", "fr", "es", "it"];

/// One language version of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TranslationText {
    /// At most 300 characters.
    pub title: String,
    /// One or two sentences of plain text, at most 1,000 characters.
    #[serde(default)]
    pub summary: String,
    /// Markdown (CommonMark with tables, strikethrough and footnotes), at
    /// most 200,000 characters; links must be `http(s)`, `mailto:`, or
    /// relative.
    #[serde(default)]
    pub body: String,
}

/// What only articles have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleFields {
    pub kind: ArticleKind,
}

/// What only events have. Times are as the clocks show them where the event
/// happens, in `time_zone`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EventFields {
    pub kind: EventKind,
    #[cfg_attr(feature = "server", schema(value_type = String, pattern = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$", example = "2024-12-11T09:00:00"))]
    pub starts_local: NaiveDateTime,
    #[cfg_attr(feature = "server", schema(value_type = String, pattern = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$", example = "2024-12-11T17:00:00"))]
    pub ends_local: NaiveDateTime,
    /// An IANA time zone, e.g. `Europe/Brussels`.
    pub time_zone: String,
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
}

/// What only #COOPTALES stories have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StoryFields {
    /// The cooperative the story is about.
    pub cooperative: String,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub photo: Option<Photo>,
}

/// Everything an editor writes about an item but its slug. Exactly one of
/// `article`, `event` and `story` is present: the one of its collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ItemContent {
    #[serde(default = "public")]
    pub visibility: Visibility,
    /// The language written first; its translation is required and others
    /// fall back to it.
    #[serde(default = "Language::english")]
    pub default_lang: Language,
    /// Title, summary and body per language (`en`, `fr`, …).
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, TranslationText>))]
    pub translations: BTreeMap<Language, TranslationText>,
    #[serde(default)]
    pub country: Option<CountryCode>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub tags: Vec<Slug>,
    /// Member organisations the item is about, by slug.
    #[serde(default)]
    pub members: Vec<Slug>,
    #[serde(default)]
    pub eu_funded: bool,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleFields>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventFields>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryFields>,
}

fn public() -> Visibility {
    Visibility::Public
}

/// An item as editors write it: the body of a revision, and what `PATCH`
/// (a JSON Merge Patch, RFC 7396) applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDocument {
    pub slug: Slug,
    #[serde(flatten)]
    pub content: ItemContent,
}

/// `POST /api/v1/editorial/{collection}`: a new item, a draft. Without a
/// slug, one is made from the default language's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewItem {
    #[serde(default)]
    pub slug: Option<Slug>,
    #[serde(flatten)]
    pub content: ItemContent,
}

/// The schema of a flattened document: [`ItemContent`]'s object with
/// `slug` beside its members, as one flat object (the server refuses
/// members it does not know), rather than the `allOf` a derive makes.
#[cfg(feature = "server")]
fn document_schema(
    required: bool,
    description: &str,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::PartialSchema;
    use utoipa::openapi::schema::{AdditionalProperties, OneOfBuilder, Schema, Type};
    use utoipa::openapi::{ObjectBuilder, Ref, RefOr};
    let mut schema = ItemContent::schema();
    if let RefOr::T(Schema::Object(object)) = &mut schema {
        let slug: RefOr<Schema> = if required {
            Ref::from_schema_name("Slug").into()
        } else {
            OneOfBuilder::new()
                .item(ObjectBuilder::new().schema_type(Type::Null))
                .item(Ref::from_schema_name("Slug"))
                .into()
        };
        object.properties.insert("slug".into(), slug);
        if required {
            object.required.push("slug".into());
        }
        object.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
        object.description = Some(description.into());
    }
    schema
}

#[cfg(feature = "server")]
impl utoipa::PartialSchema for ItemDocument {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        document_schema(
            true,
            "An item as editors write it: the body of a revision, and what `PATCH` (a JSON \
             Merge Patch, RFC 7396) applies to. Exactly one of `article`, `event` and `story` \
             is present: the one of its collection.",
        )
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for ItemDocument {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        <ItemContent as utoipa::ToSchema>::schemas(schemas);
    }
}

#[cfg(feature = "server")]
impl utoipa::PartialSchema for NewItem {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        document_schema(
            false,
            "`POST /api/v1/editorial/{collection}`: a new item, a draft. Without a slug, one is \
             made from the default language's title. Exactly one of `article`, `event` and \
             `story` is present: the one of its collection.",
        )
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for NewItem {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        <ItemContent as utoipa::ToSchema>::schemas(schemas);
    }
}

/// One language of an item and where its translation stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LanguageStatus {
    pub lang: Language,
    pub state: TranslationState,
}

/// An item in the back office, whatever its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EditorialItem {
    pub id: i64,
    pub collection: Collection,
    /// As readers experience it: a scheduled item whose time has come is
    /// `published`.
    pub status: ContentStatus,
    /// When the item was or is to be published; `null` for a draft never
    /// scheduled or published.
    pub publish_at: Option<DateTime<Utc>>,
    /// The IANA time zone the editor scheduled in, when they did.
    pub publish_zone: Option<String>,
    /// Goes up by one on every save; the `ETag` is `"v{version}"` and the
    /// revision holding this state has this number.
    pub version: i64,
    /// True once the item has been public: it can then only be archived,
    /// not deleted.
    pub ever_published: bool,
    pub created_at: DateTime<Utc>,
    /// Display name of who created it (`null` for imported content or a
    /// deleted account).
    pub created_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<String>,
    /// The site's languages and any other the item has, with where each
    /// translation stands.
    pub languages: Vec<LanguageStatus>,
    /// Where readers find it in the API once public, e.g.
    /// `/api/v1/articles/{slug}`.
    pub public_path: String,
    pub document: ItemDocument,
}

/// An item in the back office's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EditorialSummary {
    pub id: i64,
    pub collection: Collection,
    pub slug: Slug,
    /// In the default language.
    pub title: String,
    pub status: ContentStatus,
    pub publish_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub languages: Vec<LanguageStatus>,
    /// Who created it in the back office; none for imported content.
    pub created_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: Option<String>,
}

/// `POST …/schedule`: when to publish, as the editor's clock shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleRequest {
    /// Local date and time in `time_zone`; must be in the future. A time a
    /// daylight-saving change skips is refused; one it repeats means its
    /// first occurrence.
    #[cfg_attr(feature = "server", schema(value_type = String, pattern = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$", example = "2027-03-28T09:00:00"))]
    pub local: NaiveDateTime,
    /// An IANA time zone, e.g. `Europe/Brussels`.
    pub time_zone: String,
}

/// One saved state of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ItemRevision {
    /// The item's version this revision holds.
    pub number: i64,
    pub action: SaveAction,
    /// The item's status after this save.
    pub status: ContentStatus,
    /// Display name of who saved (`null` for imported content or a deleted
    /// account).
    pub saved_by: Option<String>,
    pub saved_at: DateTime<Utc>,
    /// The fields this save changed (`translations.fr.body`, `slug`, …).
    pub changed: Vec<String>,
}

/// A revision with the document it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ItemRevisionDetail {
    #[serde(flatten)]
    pub revision: ItemRevision,
    pub document: ItemDocument,
}

/// One piece of a text diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DiffSegment {
    pub op: DiffOp,
    pub text: String,
}

/// One field that differs between two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FieldDiff {
    /// The field's path in the document, e.g. `translations.fr.title`.
    pub field: String,
    /// Its value in the older revision, as text (`null`: absent there).
    pub before: Option<String>,
    /// Its value in the newer revision, as text (`null`: absent there).
    pub after: Option<String>,
    /// Word by word, how `before` became `after`.
    pub segments: Vec<DiffSegment>,
}

/// `GET …/revisions/{from}/diff/{to}`: field by field, what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RevisionDiff {
    pub from: i64,
    pub to: i64,
    pub changes: Vec<FieldDiff>,
}

/// An item as readers will get it, whatever its status now: an article,
/// an event or a story (the shape of its collection's public detail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum PublishedItem {
    Article(crate::Article),
    Event(crate::Event),
    Story(crate::Story),
}

/// `POST …/preview-links`: how long the link works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviewLinkRequest {
    /// Hours until the link stops working: 1 to 720 (30 days); 72 when
    /// absent.
    #[serde(default = "three_days")]
    #[cfg_attr(feature = "server", schema(minimum = 1, maximum = 720))]
    pub hours: u32,
}

fn three_days() -> u32 {
    72
}

/// A shareable preview link, as listed (its token is shown only once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PreviewLink {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    /// Display name of who made it (`null` for a deleted account).
    pub created_by: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// True while the link still opens the preview.
    pub active: bool,
}

/// A preview link just made: the only time its token is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreatedPreviewLink {
    pub link: PreviewLink,
    /// The secret part of the link; kept only as a hash.
    pub token: String,
    /// The page to send a colleague to, e.g. `/preview/{token}`.
    pub path: String,
}
