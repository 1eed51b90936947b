//! RFC 9457 problem details: the body of every error response.

use serde::{Deserialize, Serialize};

use crate::messages::Params;

/// The kinds of problem the API reports. Each has a stable `type` URI that
/// clients may match on; titles are for people and may be reworded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// 400: a query parameter or the request is malformed or out of range.
    InvalidParameter,
    /// 401: no valid credentials were presented.
    Unauthorized,
    /// 403: the credentials do not allow this operation.
    Forbidden,
    /// 404: no such record or route.
    NotFound,
    /// 405: the route exists but not with this method.
    MethodNotAllowed,
    /// 422: a body parsed but its values are invalid.
    ValidationFailed,
    /// 413: the request body is larger than the operation accepts.
    PayloadTooLarge,
    /// 415: the body is not in a format the operation reads (not JSON).
    UnsupportedMediaType,
    /// 409: the request conflicts with existing data (e.g. a taken e-mail).
    Conflict,
    /// 412: `If-Match` names a version that is no longer the current one;
    /// `current` says which is and who saved it.
    PreconditionFailed,
    /// 428: a write that must say which version it changes (`If-Match`)
    /// did not.
    PreconditionRequired,
    /// 429: too many attempts; retry after the time in `Retry-After`.
    RateLimited,
    /// 503: a dependency (the database) is unavailable.
    Unavailable,
    /// 500: an unexpected failure; details are logged, never returned.
    Internal,
}

impl ProblemKind {
    /// Base of every problem `type` URI.
    pub const TYPE_BASE: &'static str = "https://cecop.coop/problems/";

    pub fn slug(self) -> &'static str {
        match self {
            Self::InvalidParameter => "invalid-parameter",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::ValidationFailed => "validation-failed",
            Self::PayloadTooLarge => "payload-too-large",
            Self::UnsupportedMediaType => "unsupported-media-type",
            Self::Conflict => "conflict",
            Self::PreconditionFailed => "precondition-failed",
            Self::PreconditionRequired => "precondition-required",
            Self::RateLimited => "rate-limited",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            Self::InvalidParameter => 400,
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::ValidationFailed => 422,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::Conflict => 409,
            Self::PreconditionFailed => 412,
            Self::PreconditionRequired => 428,
            Self::RateLimited => 429,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::InvalidParameter => "Invalid request parameter",
            Self::Unauthorized => "Authentication required",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed => "Method not allowed",
            Self::ValidationFailed => "Validation failed",
            Self::PayloadTooLarge => "Payload too large",
            Self::UnsupportedMediaType => "Unsupported media type",
            Self::Conflict => "Conflict",
            Self::PreconditionFailed => "Precondition failed",
            Self::PreconditionRequired => "Precondition required",
            Self::RateLimited => "Too many requests",
            Self::Unavailable => "Service unavailable",
            Self::Internal => "Internal error",
        }
    }

    pub fn type_uri(self) -> String {
        format!("{}{}", Self::TYPE_BASE, self.slug())
    }
}

/// An RFC 9457 problem details object, served as `application/problem+json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Problem {
    /// Stable URI identifying the kind of problem.
    #[serde(rename = "type")]
    pub type_: String,
    /// Short, human-readable summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The request path this occurrence relates to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// For validation problems: which fields or parameters are wrong, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For a stale `If-Match` (412): the version that is current now, and
    /// who saved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<CurrentVersion>,
}

/// The current version of a record another write got to first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CurrentVersion {
    /// The version number, for records that count their saves (articles,
    /// events, stories); `null` for others.
    pub version: Option<i64>,
    /// The entity tag to send in `If-Match` to write over it.
    pub etag: String,
    /// Display name of who saved it (`null` when unknown).
    pub saved_by: Option<String>,
    pub saved_at: chrono::DateTime<chrono::Utc>,
}

/// One invalid field or parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The parameter or field name, e.g. `per_page`.
    pub field: String,
    /// What is wrong with it, in English.
    pub message: String,
    /// What is wrong, as a stable snake_case code (e.g. `exceeds_workers`),
    /// for clients that show their own text; the codes and their
    /// parameters are listed in `docs/api.md`. Absent when the error has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The code's named values, e.g. `{"cell": "women_workers.worker.industry",
    /// "value": 12, "workers": 10}`. Absent when there are none.
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub params: Params,
}

impl FieldError {
    /// An error naming `field` and what is wrong with it.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            code: None,
            params: Params::new(),
        }
    }

    /// An error with a stable `code` and its `params` beside the English
    /// `message` (see [`crate::messages`]).
    pub fn coded(
        field: impl Into<String>,
        code: impl Into<String>,
        params: Params,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code: Some(code.into()),
            params,
            ..Self::new(field, message)
        }
    }
}

impl Problem {
    pub fn new(kind: ProblemKind, detail: impl Into<String>) -> Self {
        Self {
            type_: kind.type_uri(),
            title: kind.title().to_owned(),
            status: kind.status(),
            detail: Some(detail.into()),
            instance: None,
            errors: Vec::new(),
            current: None,
        }
    }

    /// True when this problem is of the given kind.
    pub fn is(&self, kind: ProblemKind) -> bool {
        self.type_ == kind.type_uri()
    }
}
