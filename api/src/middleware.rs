//! Cross-cutting response shaping: every error is problem+json (including the
//! ones actix produces itself, such as 405 or 413), a validation problem's
//! detail speaks the caller's language where it can, and every response
//! carries the request id that its log lines carry.

use std::collections::{BTreeMap, HashMap};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::{HttpMessage, web};
use cecop_shared::messages::LANGUAGES;
use cecop_shared::{Language, Problem, ProblemKind};
use tracing_actix_web::RequestId;

use crate::content::language::Preferences;
use crate::error::{ApiError, PROBLEM_JSON, problem_response};

/// Methods each documented path template accepts, from the OpenAPI document:
/// the `Allow` header of a 405 (RFC 9110 §15.5.6).
#[derive(Debug, Default, Clone)]
pub struct AllowedMethods(HashMap<String, String>);

impl AllowedMethods {
    /// The methods of each path of an OpenAPI document (JSON), read without
    /// building the rest of it.
    pub fn from_document(json: &str) -> anyhow::Result<Self> {
        #[derive(serde::Deserialize)]
        struct Document {
            paths: BTreeMap<String, BTreeMap<String, serde::de::IgnoredAny>>,
        }
        let document: Document = serde_json::from_str(json)
            .map_err(|e| anyhow::anyhow!("the built-in OpenAPI document is invalid: {e}"))?;
        let map = document
            .paths
            .into_iter()
            .map(|(path, operations)| {
                let methods: Vec<String> = ["get", "put", "post", "delete", "patch"]
                    .into_iter()
                    .filter(|m| operations.contains_key(*m))
                    .map(str::to_uppercase)
                    .collect();
                (path, methods.join(", "))
            })
            .collect();
        Ok(Self(map))
    }
}

impl AllowedMethods {
    /// The methods of the documented path template that `path` fills in, if
    /// any (`{name}` stands for one non-empty segment).
    pub fn for_path(&self, path: &str) -> Option<&str> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        self.0.iter().find_map(|(template, methods)| {
            let parts: Vec<&str> = template.split('/').collect();
            let fits = parts.len() == segments.len()
                && parts.iter().zip(&segments).all(|(part, seg)| {
                    (part.starts_with('{') && part.ends_with('}') && !seg.is_empty()) || part == seg
                });
            fits.then_some(methods.as_str())
        })
    }
}

/// Replaces the body of any error response that is not problem+json yet.
pub fn errors_to_problems<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (req, original) = res.into_parts();
    let kind = match status.as_u16() {
        404 => Some(ProblemKind::NotFound),
        405 => Some(ProblemKind::MethodNotAllowed),
        400 => Some(ProblemKind::InvalidParameter),
        413 => Some(ProblemKind::PayloadTooLarge),
        415 => Some(ProblemKind::UnsupportedMediaType),
        s if s >= 500 => Some(ProblemKind::Internal),
        _ => None,
    };
    let mut problem = match kind {
        Some(kind) => Problem::new(kind, status.canonical_reason().unwrap_or("Error")),
        None => Problem {
            type_: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: None,
            instance: None,
            errors: Vec::new(),
            current: None,
        },
    };
    problem.instance = Some(req.path().to_owned());
    let mut response = problem_response(&problem);
    for (name, value) in original.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.headers_mut().insert(name.clone(), value.clone());
        }
    }
    if status.as_u16() == 405 {
        let allowed = req
            .match_pattern()
            .and_then(|pattern| {
                req.app_data::<web::Data<AllowedMethods>>()
                    .and_then(|m| m.0.get(&pattern).cloned())
            })
            .unwrap_or_else(|| "GET".to_owned());
        problem.detail = Some(format!("This resource accepts: {allowed}."));
        response = problem_response(&problem);
        if let Ok(value) = HeaderValue::from_str(&allowed) {
            response.headers_mut().insert(header::ALLOW, value);
        }
    }
    let res = ServiceResponse::new(req, response.map_into_boxed_body());
    Ok(ErrorHandlerResponse::Response(res.map_into_right_body()))
}

/// Answers `HEAD` like `GET` (RFC 9110 §9.3.2: every general-purpose server
/// supports both). Routes are declared for `GET`; the HTTP layer, which
/// decoded a `HEAD`, sends the headers of the answer without its body.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> actix_web::Result<ServiceResponse<impl MessageBody>> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

/// Writes the `detail` of a validation problem in the language
/// `Accept-Language` prefers (RFC 9110 §12.5.4) among those field errors are
/// translated into, when every error has a code; English otherwise. Only
/// `detail` changes: `errors[].message` stays English for integrators'
/// code, and `title` and `type` stay as they are.
pub async fn localise_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> actix_web::Result<ServiceResponse<BoxBody>> {
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let res = next.call(req).await?;
    let error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>());
    let Some(error @ ApiError::Validation(errors)) = error else {
        return Ok(res.map_into_boxed_body());
    };
    if !errors.iter().all(|e| e.localised("en").is_some()) {
        return Ok(res.map_into_boxed_body());
    }
    let available: Vec<Language> = LANGUAGES.iter().filter_map(|l| l.parse().ok()).collect();
    let english = Language::english();
    let lang = Preferences::new(None, accept.as_deref()).choose(&available, &english);
    let body = (lang != &english)
        .then(|| serde_json::to_string(&error.problem_in(lang.as_str())).ok())
        .flatten();
    let (req, mut response) = res.into_parts();
    // The body depends on the header from here on, even when it is English.
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    let response = match body {
        Some(body) => response.set_body(BoxBody::new(body)),
        None => response.map_into_boxed_body(),
    };
    Ok(ServiceResponse::new(req, response))
}

/// Echoes the request id of the tracing span as `X-Request-Id`, so a person
/// reporting an error can quote it and operators can find its log lines.
pub async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> actix_web::Result<ServiceResponse<BoxBody>> {
    let id = req.extensions().get::<RequestId>().map(ToString::to_string);
    let mut res = next.call(req).await?.map_into_boxed_body();
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_methods_come_from_the_documented_routes() {
        let generated = crate::routes::openapi().to_json().unwrap_or_default();
        let allowed = AllowedMethods::from_document(&generated).unwrap_or_default();
        assert_eq!(
            allowed.for_path("/api/v1/articles"),
            Some("GET"),
            "{allowed:?}"
        );
        assert_eq!(allowed.for_path("/api/v1/members"), Some("GET, POST"));
        assert_eq!(
            allowed.for_path("/api/v1/members/coceta"),
            Some("GET, PATCH")
        );
        assert_eq!(allowed.for_path("/api/v1/members/coceta/x"), None);
        assert_eq!(
            allowed.for_path("/api/v1/editorial/articles/7"),
            Some("GET, DELETE, PATCH")
        );
        assert_eq!(allowed.for_path("/healthz"), Some("GET"));
    }
}
