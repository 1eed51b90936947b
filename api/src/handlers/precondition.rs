//! [`IfMatch`]: the version a write means to change (RFC 9110 §13.1.1).
//! Writes to records two people may edit at once require it, so no save
//! silently overwrites another: none is a 428, a stale one a 412.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};

use crate::content::editorial::Precondition;
use crate::error::ApiError;
use crate::representation::tags::base_tag;

/// The entity tags of `If-Match`, or `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfMatch(pub Precondition);

/// Parses `If-Match` values: `*`, or a comma-separated list of entity tags.
/// Weak tags (`W/"…"`) never match a write (strong comparison), so they
/// are kept as they are and match nothing. The tag of a compressed answer
/// (`"v3-gzip"`, what a browser's `fetch` hands over after reading it)
/// names the same version as the plain one, and is read as it.
pub fn parse(values: &[&str]) -> Option<Precondition> {
    let mut tags = Vec::new();
    for value in values {
        for tag in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if tag == "*" {
                return Some(Precondition::Any);
            }
            tags.push(base_tag(tag).into_owned());
        }
    }
    (!tags.is_empty()).then_some(Precondition::Tags(tags))
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let values: Option<Vec<&str>> = req
            .headers()
            .get_all(header::IF_MATCH)
            .map(|v| v.to_str().ok())
            .collect();
        ready(match values {
            None => Err(ApiError::invalid(
                "If-Match",
                "must be entity tags in visible ASCII",
            )),
            Some(values) => parse(&values)
                .map(IfMatch)
                .ok_or(ApiError::PreconditionRequired),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_values_are_read() {
        assert_eq!(parse(&[]), None);
        assert_eq!(parse(&[" , "]), None);
        assert_eq!(parse(&["\"v1\", *"]), Some(Precondition::Any));
        assert_eq!(
            parse(&["\"v1\", W/\"v2\"", "\"v3\""]),
            Some(Precondition::Tags(vec![
                "\"v1\"".into(),
                "W/\"v2\"".into(),
                "\"v3\"".into()
            ]))
        );
        // A compressed answer's tag names the same version; a weak one
        // still matches nothing.
        assert_eq!(
            parse(&["\"v4-gzip\", \"v5-br\", W/\"v6-gzip\""]),
            Some(Precondition::Tags(vec![
                "\"v4\"".into(),
                "\"v5\"".into(),
                "W/\"v6\"".into()
            ]))
        );
    }
}
