//! Every HTTP call the app makes goes through this module: one file per API
//! resource, all sharing [`get_json`] (anonymous reads) and [`send`] (any
//! method, optional bearer token, optional JSON body), which turn a response
//! into the expected value or an [`ApiError`]. Calls that need a signed-in
//! user take an [`authorized::Authorized`] caller (the app passes its
//! [`crate::session::Session`]), which adds the token and refreshes it when
//! needed.
//!
//! The API reports failures as RFC 9457 problem details
//! (`application/problem+json`, [`Problem`]); those are decoded so pages can
//! show the server's own explanation.

pub mod account;
pub mod admin;
pub mod articles;
pub mod auth;
pub mod authorized;
pub mod editorial;
pub mod events;
pub mod member_admin;
pub mod members;
pub mod overview;
pub mod portal;
pub mod returns;
pub mod search;
pub mod statistics;
pub mod stories;
pub mod upload;

use cecop_shared::Problem;
use gloo_net::http::{Method, Request, Response};
use serde::de::DeserializeOwned;
use web_sys::RequestCache;

/// Where the API is mounted, on the same origin as the app.
pub const API_BASE: &str = "/api/v1";

/// Why an API call did not produce the expected value.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with an error and an RFC 9457 problem body.
    Problem(Problem),
    /// Too many attempts (HTTP 429): try again after this many seconds
    /// (the `Retry-After` header, RFC 9110 §10.2.3).
    RateLimited(u64),
    /// The server answered with an error status but no readable problem body.
    Status(u16),
    /// No answer: the network, DNS or the server is down, or the request was aborted.
    Network(String),
    /// A success answer whose body is not the expected JSON.
    Decode(String),
}

impl ApiError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(problem) => Some(problem.status),
            ApiError::RateLimited(_) => Some(429),
            ApiError::Status(status) => Some(*status),
            ApiError::Network(_) | ApiError::Decode(_) => None,
        }
    }

    /// True when the server said the resource does not exist (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// The message the server gave for one field of a 422, if any, in
    /// `lang` when its code has a text there (else the server's English).
    pub fn field_message(&self, field: &str, lang: &str) -> Option<String> {
        match self {
            ApiError::Problem(problem) => problem
                .errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.text(lang)),
            _ => None,
        }
    }
}

/// GETs `API_BASE + path` with the given query parameters and decodes the
/// JSON body into `T` on 2xx; any other outcome becomes an [`ApiError`].
pub async fn get_json<T: DeserializeOwned>(
    path: &str,
    query: &[(&str, String)],
) -> Result<T, ApiError> {
    let response = send(Method::GET, path, query, None, None).await?;
    decode(response).await
}

/// [`get_json`] that asks the browser to check with the server before
/// using a cached answer (`cache: no-cache`; the server answers 304 while
/// its `ETag` still matches). For the answers that change when a campaign
/// is published — the years on offer and their figures — which the server
/// lets caches keep for a minute: a visitor must not see a year's
/// statistics announced but missing.
pub async fn get_json_fresh<T: DeserializeOwned>(
    path: &str,
    query: &[(&str, String)],
) -> Result<T, ApiError> {
    let request = Request::get(&format!("{API_BASE}{path}"))
        .header("Accept", "application/json, application/problem+json")
        .header("Accept-Language", &page_language())
        .query(query.iter().map(|(name, value)| (*name, value.as_str())))
        .cache(RequestCache::NoCache)
        .build()
        .map_err(|err| ApiError::Network(err.to_string()))?;
    decode(finish(request).await?).await
}

/// Sends one request to `API_BASE + path`: `bearer` becomes the
/// `Authorization` header and `body` (already JSON) the request body. A 2xx
/// answer is returned as is; anything else becomes an [`ApiError`].
pub async fn send(
    method: Method,
    path: &str,
    query: &[(&str, String)],
    bearer: Option<&str>,
    body: Option<&str>,
) -> Result<Response, ApiError> {
    send_with(method, path, query, bearer, &[], body).await
}

/// [`send`] with more request headers (`If-Match`).
pub async fn send_with(
    method: Method,
    path: &str,
    query: &[(&str, String)],
    bearer: Option<&str>,
    headers: &[(&str, String)],
    body: Option<&str>,
) -> Result<Response, ApiError> {
    let url = format!("{API_BASE}{path}");
    let mut builder = Request::get(&url)
        .method(method)
        .header("Accept", "application/json, application/problem+json")
        .header("Accept-Language", &page_language())
        .query(query.iter().map(|(name, value)| (*name, value.as_str())));
    if let Some(token) = bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let request = match body {
        Some(json) => builder
            .header("Content-Type", "application/json")
            .body(json.to_owned()),
        None => builder.build(),
    }
    .map_err(|err| ApiError::Network(err.to_string()))?;
    finish(request).await
}

/// The language the page is shown in (`<html lang>`), for `Accept-Language`:
/// the server writes a problem's `detail` in it where it has a translation,
/// so a message the app does not translate itself still matches the page,
/// not the browser's settings.
pub fn page_language() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .filter(|lang| !lang.is_empty())
        .unwrap_or_else(|| "en".to_owned())
}

/// Sends a built request: a 2xx answer as is, anything else an [`ApiError`].
async fn finish(request: Request) -> Result<Response, ApiError> {
    let response = request
        .send()
        .await
        .map_err(|err| ApiError::Network(err.to_string()))?;
    if response.ok() {
        return Ok(response);
    }
    let retry_after = response.headers().get("Retry-After");
    let body = response.text().await.unwrap_or_default();
    Err(error_from(response.status(), retry_after.as_deref(), &body))
}

/// The error an answer with a non-2xx `status` and this `body` stands for
/// (for requests made without `fetch`, see [`upload`]).
pub fn error_from(status: u16, retry_after: Option<&str>, body: &str) -> ApiError {
    if status == 429 {
        let wait = retry_after
            .and_then(|value| value.trim().parse::<u64>().ok())
            .unwrap_or(60);
        return ApiError::RateLimited(wait);
    }
    match serde_json::from_str::<Problem>(body) {
        Ok(problem) => ApiError::Problem(problem),
        Err(_) => ApiError::Status(status),
    }
}

/// Decodes a success answer's JSON body.
pub async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    response
        .json::<T>()
        .await
        .map_err(|err| ApiError::Decode(err.to_string()))
}

/// Serialises a request body.
pub fn to_json<T: serde::Serialize>(body: &T) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|err| ApiError::Decode(err.to_string()))
}
