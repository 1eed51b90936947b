//! Every HTTP call the app makes goes through this module: one file per API
//! resource, all sharing [`get_json`], which turns a response into the
//! expected type or an [`ApiError`].
//!
//! The API reports failures as RFC 9457 problem details
//! (`application/problem+json`, [`Problem`]); those are decoded so pages can
//! show the server's own explanation.

pub mod members;
pub mod overview;

use cecop_shared::Problem;
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

/// Where the API is mounted, on the same origin as the app.
const API_BASE: &str = "/api/v1";

/// Why an API call did not produce the expected value.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with an error and an RFC 9457 problem body.
    Problem(Problem),
    /// The server answered with an error status but no readable problem body.
    Status(u16),
    /// No answer: the network, DNS or the server is down, or the request was aborted.
    Network(String),
    /// A success answer whose body is not the expected JSON.
    Decode(String),
}

impl ApiError {
    /// True when the server said the resource does not exist (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        match self {
            ApiError::Problem(problem) => problem.status == 404,
            ApiError::Status(status) => *status == 404,
            ApiError::Network(_) | ApiError::Decode(_) => false,
        }
    }
}

/// GETs `API_BASE + path` with the given query parameters and decodes the
/// JSON body into `T` on 2xx; any other outcome becomes an [`ApiError`].
pub async fn get_json<T: DeserializeOwned>(
    path: &str,
    query: &[(&str, String)],
) -> Result<T, ApiError> {
    let url = format!("{API_BASE}{path}");
    let response = Request::get(&url)
        .header("Accept", "application/json, application/problem+json")
        .query(query.iter().map(|(name, value)| (*name, value.as_str())))
        .send()
        .await
        .map_err(|err| ApiError::Network(err.to_string()))?;
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|err| ApiError::Decode(err.to_string()));
    }
    let status = response.status();
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(problem)),
        Err(_) => Err(ApiError::Status(status)),
    }
}
