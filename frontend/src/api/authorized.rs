//! What an authenticated call needs from whoever holds the access token.
//!
//! The API layer sits below the session: it knows how to send a request, not
//! who is signed in or how tokens are kept and refreshed. So the calls that
//! need a signed-in user take any [`Authorized`] caller, and
//! [`crate::session::Session`] is the one the app passes; the session in turn
//! uses this module's plain [`super::send`] and [`super::auth`] calls. The
//! dependency runs one way, session to API.

use gloo_net::http::{Method, Response};
use serde::de::DeserializeOwned;

use super::{ApiError, decode};

/// A caller that can add a valid access token to a request.
pub trait Authorized: Copy + 'static {
    /// An authenticated request to `API_BASE + path` with these extra
    /// headers: adds the access token and, when the server answers 401,
    /// refreshes it and tries once more.
    async fn call_with(
        self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        headers: &[(&str, String)],
        body: Option<String>,
    ) -> Result<Response, ApiError>;

    /// [`call_with`](Self::call_with) without extra headers.
    async fn call(
        self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
    ) -> Result<Response, ApiError> {
        self.call_with(method, path, query, &[], body).await
    }

    /// The access token, for a request [`call`](Self::call) cannot make (an
    /// upload with progress, [`super::upload`]); refreshed first when there is
    /// none, or when `stale` (the server just refused it).
    async fn bearer(self, stale: bool) -> Result<String, ApiError>;

    /// [`call`](Self::call), decoding the JSON answer.
    async fn call_json<T: DeserializeOwned>(
        self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
    ) -> Result<T, ApiError> {
        decode(self.call(method, path, query, body).await?).await
    }
}
