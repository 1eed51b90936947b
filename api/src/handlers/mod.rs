//! Request handlers, one file per action (`<resource>/<action>.rs`). Handlers
//! parse input into domain types, call the `db` layer on a blocking thread,
//! and shape the response; they hold no SQL and no status-code policy (that
//! is `crate::error`).

pub mod account;
pub mod articles;
pub mod audit;
pub mod auth;
pub mod body;
pub mod campaigns;
pub mod content;
pub mod csp;
pub mod docs;
pub mod editorial;
pub mod events;
pub mod feeds;
pub mod health;
pub mod invitations;

pub mod media;
pub mod members;
pub mod my;
pub mod overview;
pub mod pagination;
pub mod precondition;
pub mod returns;
pub mod search;
pub mod statistics;
pub mod stories;
pub mod tokens;
pub mod users;

use crate::error::ApiError;

/// `Cache-Control` for public, anonymous reads: shared caches may keep them
/// briefly; clients revalidate after that.
pub const PUBLIC_CACHE: (&str, &str) = ("Cache-Control", "public, max-age=60");

/// `Cache-Control` for public reads that must change the moment staff act
/// (statistics when a campaign is published, the campaigns themselves):
/// caches may keep them but revalidate every time, which the `ETag` makes
/// a cheap 304.
pub const REVALIDATE: (&str, &str) = ("Cache-Control", "public, no-cache");

/// `Cache-Control` for answers about or for the caller alone (their account,
/// session tokens, API tokens, staff and admin views, a return being
/// edited): no cache, shared or private, may store them (RFC 9111 §5.2.2.5).
pub const NO_STORE: (&str, &str) = ("Cache-Control", "no-store");

/// `Cache-Control` for a public read whose view includes members-only
/// material: kept by no cache, and never by a shared one.
pub const PRIVATE_NO_STORE: (&str, &str) = ("Cache-Control", "private, no-store");

/// Parses an optional query parameter, naming it when it is invalid.
pub fn parse_param<T>(name: &str, raw: Option<&str>) -> Result<Option<T>, ApiError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match raw {
        None => Ok(None),
        Some(value) => value
            .parse()
            .map(Some)
            .map_err(|e| ApiError::invalid(name, e)),
    }
}

/// What is wrong with a longer text as people write it (a description, a
/// body): more than `max` characters, or control characters other than line
/// breaks and tabs (PostgreSQL text cannot hold NUL, and nobody types the
/// others). Empty when nothing is.
pub fn prose_errors(field: &str, text: &str, max: usize) -> Vec<cecop_shared::FieldError> {
    use cecop_shared::messages::Code;
    let mut errors = Vec::new();
    if text.chars().count() > max {
        let max = u64::try_from(max).unwrap_or(u64::MAX);
        errors.push(Code::TooLong { max }.field_error(field));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        errors.push(Code::ControlCharacters.field_error(field));
    }
    errors
}

/// Validates free-text search input: bounded length, no control characters
/// (PostgreSQL text cannot hold NUL, and nobody types a control character).
pub fn parse_text(
    name: &str,
    raw: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, ApiError> {
    if raw.is_some_and(|t| t.chars().any(char::is_control)) {
        return Err(ApiError::invalid(
            name,
            "must not contain control characters",
        ));
    }
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > max_chars {
        return Err(ApiError::invalid(
            name,
            format!("must be at most {max_chars} characters"),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(ApiError::invalid(
            name,
            "must not contain control characters",
        ));
    }
    Ok(Some(text.to_owned()))
}
