//! The closed vocabularies content is described in: languages, themes,
//! kinds, statuses, visibilities, organiser roles and search-hit kinds.

use std::fmt;
use std::str::FromStr;

use crate::{ParseError, serde_via_str, string_enum};

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
}
