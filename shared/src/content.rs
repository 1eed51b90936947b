//! Published content: articles, events and #COOPTALES stories, and search
//! hits across them. Every item carries the language it is served in; the
//! API picks it from `?lang=` or `Accept-Language` and falls back to the
//! item's default language.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{CountryCode, ParseError, Slug, serde_via_str, string_enum};

/// A content language: an ISO 639-1 code in lowercase (`en`, `fr`, `sv`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "server", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub struct Language(String);

impl Language {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// English, the language every item falls back to when it has no other.
    pub fn english() -> Self {
        Self("en".to_owned())
    }
}

impl FromStr for Language {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseError::new(
                "must be a two-letter ISO 639-1 language code in lowercase, e.g. `fr`",
            ))
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_str!(Language);
crate::sql_text!(Language);

#[cfg(feature = "server")]
impl utoipa::PartialSchema for Language {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[a-z]{2}$"))
            .description(Some("ISO 639-1 language code, lowercase."))
            .examples(["fr"])
            .into()
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for Language {}

string_enum!(
    /// CECOP's three themes, as its site groups content.
    Theme {
        EmploymentSocialInclusion => "employment_social_inclusion",
        Entrepreneurship => "entrepreneurship",
        SustainableGrowth => "sustainable_growth",
    }
);

string_enum!(
    /// What an article is.
    ArticleKind {
        News => "news",
        PressRelease => "press_release",
        PositionPaper => "position_paper",
        Publication => "publication",
        ConsultationResponse => "consultation_response",
    }
);

string_enum!(
    /// What an event is.
    EventKind {
        Conference => "conference",
        Webinar => "webinar",
        MutualLearningSession => "mutual_learning_session",
        PolicyDebate => "policy_debate",
        Visit => "visit",
    }
);

string_enum!(
    /// Where an item is in its editorial life. Only `published` items, and
    /// `scheduled` ones whose publication time has passed, are public.
    ContentStatus {
        Draft => "draft",
        Scheduled => "scheduled",
        Published => "published",
        Archived => "archived",
    }
);

string_enum!(
    /// Who may read an item.
    Visibility {
        /// Everyone.
        Public => "public",
        /// Signed-in users and tokens with `members:read` only.
        MembersOnly => "members_only",
    }
);

string_enum!(
    /// An organiser's part in an event.
    OrganiserRole {
        Organiser => "organiser",
        CoOrganiser => "co_organiser",
    }
);

string_enum!(
    /// What a search hit is.
    SearchKind {
        Article => "article",
        Event => "event",
        Story => "story",
        Member => "member",
    }
);

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
    fn languages_are_two_lowercase_letters() {
        assert!("fr".parse::<Language>().is_ok());
        for bad in ["", "FR", "fra", "f1", "é"] {
            assert!(bad.parse::<Language>().is_err(), "{bad:?}");
        }
    }

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
