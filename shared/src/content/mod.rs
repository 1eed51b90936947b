//! Published content: articles, events and #COOPTALES stories, and search
//! hits across them. Every item carries the language it is served in; the
//! API picks it from `?lang=` or `Accept-Language` and falls back to the
//! item's default language.

mod vocabulary;

pub use vocabulary::{
    ArticleKind, ContentStatus, EventKind, Language, OrganiserRole, SearchKind, Theme, Visibility,
};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{CountryCode, Slug};

/// A downloadable file that belongs to an item (e.g. one PDF per language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub title: String,
    /// The language of the file.
    pub lang: Language,
    /// Where the file is kept in the media store.
    pub media: String,
}

/// Who organises an event: a name, and the member organisation when it is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Organiser {
    pub name: String,
    /// The member organisation, when the organiser is a CECOP member.
    pub member: Option<Slug>,
    pub role: OrganiserRole,
}

/// A story's photograph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Photo {
    /// Where the image is kept in the media store.
    pub media: String,
    /// What the photograph shows, for people who cannot see it.
    pub alt: String,
}

/// A member organisation an item is related to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MemberRef {
    pub slug: Slug,
    pub name: String,
}

/// What every item carries, in the language it is served in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ItemMeta {
    /// URL identifier, unique within its kind of item.
    pub slug: Slug,
    /// The language of `title`, `summary` and `body_html` in this response.
    pub lang: Language,
    /// The item's own language, used when the requested one is missing.
    pub default_lang: Language,
    /// Every language the item is available in.
    pub languages: Vec<Language>,
    pub title: String,
    /// One or two sentences, plain text.
    pub summary: String,
    /// When the item was (or is to be) published.
    pub published_at: DateTime<Utc>,
    pub themes: Vec<Theme>,
    pub tags: Vec<String>,
    pub visibility: Visibility,
    /// True when the item must carry the EU-funding notice.
    pub eu_funded: bool,
    /// True when the item is demo content, not a fact.
    pub illustrative: bool,
}

/// An article in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    #[serde(flatten)]
    pub meta: ItemMeta,
    pub kind: ArticleKind,
    /// The country the article is about, if one.
    pub country: Option<CountryCode>,
}

/// An article with its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// The body, rendered from Markdown to sanitised HTML.
    pub body_html: String,
    pub attachments: Vec<Attachment>,
    /// Member organisations the article is about.
    pub members: Vec<MemberRef>,
}

/// An event in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EventSummary {
    #[serde(flatten)]
    pub meta: ItemMeta,
    pub kind: EventKind,
    /// Start, as an instant.
    pub starts_at: DateTime<Utc>,
    /// End, as an instant.
    pub ends_at: DateTime<Utc>,
    /// The IANA time zone the event happens in, e.g. `Europe/Brussels`.
    pub time_zone: String,
    /// Start as the clocks show it where the event happens.
    #[cfg_attr(feature = "server", schema(value_type = String,
        pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", example = "2024-12-11T09:00:00"))]
    pub starts_local: NaiveDateTime,
    /// End as the clocks show it where the event happens.
    #[cfg_attr(feature = "server", schema(value_type = String,
        pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", example = "2024-12-11T09:00:00"))]
    pub ends_local: NaiveDateTime,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub country: Option<CountryCode>,
    /// Where to join an online event.
    pub online_url: Option<String>,
}

/// An event with its description and organisers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Event {
    #[serde(flatten)]
    pub summary: EventSummary,
    /// The description, rendered from Markdown to sanitised HTML.
    pub body_html: String,
    pub organisers: Vec<Organiser>,
    pub registration_url: Option<String>,
    pub attachments: Vec<Attachment>,
    pub members: Vec<MemberRef>,
}

/// A #COOPTALES story in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StorySummary {
    #[serde(flatten)]
    pub meta: ItemMeta,
    /// The cooperative the story is about.
    pub cooperative: String,
    pub country: Option<CountryCode>,
    pub sector: Option<String>,
    /// A short quote from the story.
    pub quote: Option<String>,
    pub photo: Option<Photo>,
}

/// A #COOPTALES story with its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Story {
    #[serde(flatten)]
    pub summary: StorySummary,
    /// The story, rendered from Markdown to sanitised HTML.
    pub body_html: String,
    pub members: Vec<MemberRef>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub kind: SearchKind,
    pub slug: Slug,
    pub title: String,
    /// The language of `title` and `snippet`.
    pub lang: Language,
    /// A passage around the match as HTML: text is escaped and the matched
    /// words are wrapped in `<mark>`; no other markup appears.
    pub snippet: String,
    /// Publication time for content; `null` for member organisations.
    pub published_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_items_serialise_flat() {
        let meta = ItemMeta {
            slug: "a".parse().unwrap_or_else(|_| unreachable!()),
            lang: Language::english(),
            default_lang: Language::english(),
            languages: vec![Language::english()],
            title: "T".into(),
            summary: "S".into(),
            published_at: DateTime::<Utc>::UNIX_EPOCH,
            themes: vec![Theme::Entrepreneurship],
            tags: vec![],
            visibility: Visibility::Public,
            eu_funded: false,
            illustrative: false,
        };
        let json = serde_json::to_value(ArticleSummary {
            meta,
            kind: ArticleKind::News,
            country: None,
        })
        .unwrap_or_default();
        assert_eq!(json["slug"], "a");
        assert_eq!(json["kind"], "news");
        assert_eq!(json["themes"][0], "entrepreneurship");
    }
}
