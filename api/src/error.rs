//! The API's one error type and how each kind becomes an RFC 9457
//! `application/problem+json` response.
//!
//! Policy: errors caused by the request are 4xx and say what to fix, naming the
//! parameter; failures of ours are an opaque 500 (or 503 when the database is
//! unreachable) whose cause is logged with the request id, never returned.

pub mod responses;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use cecop_shared::messages::Code;
use cecop_shared::{FieldError, Problem, ProblemKind};

/// The media type of every error body (RFC 9457 §3).
pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: one named parameter is invalid; `code` says why, when it can.
    #[error("invalid parameter {field}: {message}")]
    InvalidParameter {
        field: String,
        message: String,
        code: Option<Code>,
    },
    /// 400: the query string or path could not be parsed at all.
    #[error("malformed request: {0}")]
    Malformed(String),
    /// 401: no valid credentials; answered with `WWW-Authenticate: Bearer`.
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// 403: the credentials do not allow this operation.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// 404: the record or route does not exist.
    #[error("{0}")]
    NotFound(String),
    /// 409: a unique value is taken; names the field.
    #[error("conflict on {field}: {message}")]
    Conflict { field: String, message: String },
    /// 409: the record is still used where the errors say (a media item
    /// in articles), so it cannot go.
    #[error("in use: {0:?}")]
    InUse(Vec<FieldError>),
    /// 412: `If-Match` names a stale version; carries the current one.
    #[error("stale version; current is {}", .0.etag)]
    PreconditionFailed(Box<cecop_shared::CurrentVersion>),
    /// 428: a write that must name the version it changes did not.
    #[error("no If-Match")]
    PreconditionRequired,
    /// 422: the body parsed but some values are invalid; names each field.
    #[error("validation failed: {0:?}")]
    Validation(Vec<FieldError>),
    /// 413: the body is larger than the operation accepts (bytes).
    #[error("body over {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// 415: the body is not in a format the operation reads.
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    /// 429: too many attempts; retry after this many seconds.
    #[error("rate limited for {retry_after} s")]
    RateLimited { retry_after: u64, limit: u64 },
    /// 503: the database is unreachable or the pool is exhausted.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// 500: anything unexpected. The cause is logged, not returned.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, message: impl ToString) -> Self {
        Self::InvalidParameter {
            field: field.into(),
            message: message.to_string(),
            code: None,
        }
    }

    /// [`invalid`](Self::invalid) with a code; the message is its English text.
    pub fn invalid_because(field: impl Into<String>, code: Code) -> Self {
        Self::InvalidParameter {
            field: field.into(),
            message: code.to_string(),
            code: Some(code),
        }
    }

    fn kind(&self) -> ProblemKind {
        match self {
            Self::InvalidParameter { .. } | Self::Malformed(_) => ProblemKind::InvalidParameter,
            Self::Unauthorized(_) => ProblemKind::Unauthorized,
            Self::Forbidden(_) => ProblemKind::Forbidden,
            Self::NotFound(_) => ProblemKind::NotFound,
            Self::Conflict { .. } | Self::InUse(_) => ProblemKind::Conflict,
            Self::PreconditionFailed(_) => ProblemKind::PreconditionFailed,
            Self::PreconditionRequired => ProblemKind::PreconditionRequired,
            Self::Validation(_) => ProblemKind::ValidationFailed,
            Self::PayloadTooLarge { .. } => ProblemKind::PayloadTooLarge,
            Self::UnsupportedMediaType(_) => ProblemKind::UnsupportedMediaType,
            Self::RateLimited { .. } => ProblemKind::RateLimited,
            Self::Unavailable(_) => ProblemKind::Unavailable,
            Self::Internal(_) => ProblemKind::Internal,
        }
    }

    /// The body for this error; internal causes stay out of it.
    pub fn problem(&self) -> Problem {
        let kind = self.kind();
        match self {
            Self::InvalidParameter {
                field,
                message,
                code,
            } => Problem {
                errors: vec![match code {
                    Some(code) => code.clone().field_error(field),
                    None => FieldError::new(field, message),
                }],
                ..Problem::new(kind, format!("{field}: {message}"))
            },
            Self::Malformed(message)
            | Self::NotFound(message)
            | Self::Unauthorized(message)
            | Self::Forbidden(message)
            | Self::UnsupportedMediaType(message) => Problem::new(kind, message),
            Self::Conflict { field, message } => Problem {
                errors: vec![FieldError::new(field, message)],
                ..Problem::new(kind, format!("{field}: {message}"))
            },
            Self::InUse(errors) => Problem {
                errors: errors.clone(),
                ..Problem::new(
                    kind,
                    format!(
                        "Still used: {}. Take it out of those first.",
                        errors
                            .iter()
                            .map(|e| e.message.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                )
            },
            Self::Validation(errors) => Problem {
                errors: errors.clone(),
                ..Problem::new(
                    kind,
                    validation_detail(errors, errors.iter().map(|e| e.message.as_str())),
                )
            },
            Self::PreconditionFailed(current) => Problem {
                current: Some((**current).clone()),
                ..Problem::new(
                    kind,
                    format!(
                        "Someone saved this record since you read it: the current version is {}{}. \
                         Read it again, and send its ETag in If-Match to write over it.",
                        current.etag,
                        current
                            .saved_by
                            .as_deref()
                            .map(|who| format!(", saved by {who}"))
                            .unwrap_or_default()
                    ),
                )
            },
            Self::PreconditionRequired => Problem::new(
                kind,
                "Send the version you are changing in If-Match (the ETag of your last read), \
                 so that no one's save is silently overwritten.",
            ),
            Self::PayloadTooLarge { limit } => Problem::new(
                kind,
                format!("The request body is larger than this operation accepts ({limit} bytes)."),
            ),
            Self::RateLimited { retry_after, .. } => Problem::new(
                kind,
                format!("Too many attempts; try again in {retry_after} seconds."),
            ),
            Self::Unavailable(_) => Problem::new(kind, "The service is busy; try again shortly."),
            Self::Internal(_) => {
                Problem::new(kind, "An unexpected error occurred; it has been logged.")
            }
        }
    }

    /// [`problem`](Self::problem) with the detail of a validation problem
    /// in `lang`, when every error has a code with a text in it; `title`,
    /// `type` and each error's English `message` stay as they are.
    pub fn problem_in(&self, lang: &str) -> Problem {
        let mut problem = self.problem();
        if let Self::Validation(errors) = self
            && lang != "en"
        {
            let texts: Option<Vec<String>> = errors.iter().map(|e| e.localised(lang)).collect();
            if let Some(texts) = texts {
                problem.detail = Some(validation_detail(errors, texts.iter().map(String::as_str)));
            }
        }
        problem
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.kind().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(cause) => tracing::error!(error = ?cause, "internal error"),
            Self::Unavailable(cause) => tracing::warn!(%cause, "unavailable"),
            _ => {}
        }
        let mut response = problem_response(&self.problem());
        let headers = response.headers_mut();
        match self {
            // RFC 9110 §11.6.1: a 401 says how to authenticate.
            Self::Unauthorized(_) => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            // RFC 9110 §10.2.3 and the IETF RateLimit header fields draft.
            Self::RateLimited { retry_after, limit } => {
                for (name, value) in [
                    ("retry-after", *retry_after),
                    ("ratelimit-limit", *limit),
                    ("ratelimit-remaining", 0),
                    ("ratelimit-reset", *retry_after),
                ] {
                    if let Ok(value) = HeaderValue::from_str(&value.to_string()) {
                        headers.insert(header::HeaderName::from_static(name), value);
                    }
                }
            }
            // Busy for a moment, not down: a second is a fair first wait.
            Self::Unavailable(_) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            _ => {}
        }
        response
    }
}

/// The detail of a validation problem: each field and its error's text
/// (`texts`, one per error), "field: text; field: text".
fn validation_detail<'a>(errors: &[FieldError], texts: impl Iterator<Item = &'a str>) -> String {
    errors
        .iter()
        .zip(texts)
        .map(|(e, text)| format!("{}: {text}", e.field))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Serialises a problem with its status and media type.
pub fn problem_response(problem: &Problem) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(problem).unwrap_or_else(|_| "{}".to_owned());
    HttpResponse::build(status)
        .content_type(PROBLEM_JSON)
        .body(body)
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match err {
            // Two requests creating the same record at once (e.g. the first
            // save of a data return): the loser is told to retry, not a 500.
            Error::DatabaseError(
                DatabaseErrorKind::UniqueViolation | DatabaseErrorKind::SerializationFailure,
                _,
            ) => Self::Conflict {
                field: "request".into(),
                message: "The record was changed by another request at the same time; \
                          try again."
                    .into(),
            },
            // SQLite's busy timeout ran out behind another writer: the
            // database is overloaded, not broken.
            Error::DatabaseError(DatabaseErrorKind::Unknown, info)
                if info.message() == "database is locked" =>
            {
                Self::Unavailable(info.message().to_owned())
            }
            err => Self::Internal(err.into()),
        }
    }
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(err: diesel::r2d2::PoolError) -> Self {
        Self::Unavailable(err.to_string())
    }
}

impl From<tokio::sync::AcquireError> for ApiError {
    fn from(err: tokio::sync::AcquireError) -> Self {
        Self::Unavailable(err.to_string())
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        Self::Internal(anyhow::anyhow!("blocking task failed: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_causes_never_reach_the_body() {
        let err = ApiError::Internal(anyhow::anyhow!("SELECT secret FROM pg_shadow"));
        let body = serde_json::to_string(&err.problem()).unwrap_or_default();
        assert!(!body.contains("secret"), "{body}");
        assert_eq!(err.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn a_coded_validation_problem_has_its_detail_in_the_language_asked() {
        let coded = ApiError::Validation(vec![
            Code::TooLong { max: 2000 }.field_error("description"),
            Code::ControlCharacters.field_error("description"),
        ]);
        let french = coded.problem_in("fr");
        assert_eq!(
            french.detail.as_deref(),
            Some(
                "description: doit compter au plus 2\u{202f}000 caractères; \
                 description: ne doit pas contenir de caractères de contrôle"
            )
        );
        assert_eq!(french.errors[0].message, "must be at most 2,000 characters");
        assert_eq!(french.title, coded.problem().title);
        assert_eq!(coded.problem_in("en"), coded.problem());
        // One error without a code keeps the whole detail English.
        let mixed = ApiError::Validation(vec![
            Code::Required.field_error("name"),
            FieldError::new("website", "must be an address"),
        ]);
        assert_eq!(mixed.problem_in("it"), mixed.problem());
    }

    #[test]
    fn invalid_parameters_are_named() {
        let problem = ApiError::invalid("per_page", "must be between 1 and 100").problem();
        assert_eq!(problem.status, 400);
        assert_eq!(problem.errors[0].field, "per_page");
        assert!(problem.is(ProblemKind::InvalidParameter));
    }
}
