//! URL-safe identifiers for public records (`legacoop-sociali`).

use std::fmt;
use std::str::FromStr;

use crate::{ParseError, serde_via_str};

/// A lowercase, hyphen-separated identifier used in URLs: 1 to 80 characters
/// of `a-z`, `0-9` and single `-` between them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "server", derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub struct Slug(String);

impl Slug {
    /// The longest slug accepted.
    pub const MAX_LEN: usize = 80;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Slug {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ParseError::new("must not be empty"));
        }
        if s.len() > Self::MAX_LEN {
            return Err(ParseError::new(format!(
                "must be at most {} characters",
                Self::MAX_LEN
            )));
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if !s.chars().all(allowed) {
            return Err(ParseError::new(
                "may contain only lowercase letters a-z, digits and hyphens",
            ));
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(ParseError::new(
                "hyphens must separate words: none at the ends, never two in a row",
            ));
        }
        Ok(Self(s.to_owned()))
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

serde_via_str!(Slug);
crate::sql_text!(Slug);

#[cfg(feature = "server")]
impl utoipa::PartialSchema for Slug {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "A URL identifier: lowercase letters, digits and single hyphens between them.",
            ))
            .pattern(Some("^[a-z0-9]+(-[a-z0-9]+)*$"))
            .min_length(Some(1))
            .max_length(Some(80))
            .examples(["legacoop-sociali"])
            .into()
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for Slug {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_words_joined_by_single_hyphens() {
        for ok in ["a", "coceta", "legacoop-sociali", "agci-p-l-2024"] {
            assert_eq!(ok.parse::<Slug>().map(|s| s.to_string()), Ok(ok.to_owned()));
        }
    }

    #[test]
    fn refuses_everything_else() {
        let too_long = "a".repeat(Slug::MAX_LEN + 1);
        for bad in [
            "", "Coceta", "a_b", "-a", "a-", "a--b", "é", "a b", "../x", &too_long,
        ] {
            assert!(bad.parse::<Slug>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn deserialising_validates() {
        assert!(serde_json::from_str::<Slug>("\"ok-slug\"").is_ok());
        assert!(serde_json::from_str::<Slug>("\"Not OK\"").is_err());
    }
}
