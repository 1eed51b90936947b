//! The signed-in user's own account (`/api/v1/me`, `/api/v1/me/password`,
//! `/api/v1/me/sessions`).

use cecop_shared::{ChangePasswordRequest, Me, SignedInSession};
use gloo_net::http::Method;

use super::authorized::Authorized;
use super::{ApiError, to_json};

/// Who is signed in.
pub async fn get_me(session: impl Authorized) -> Result<Me, ApiError> {
    session.call_json(Method::GET, "/me", &[], None).await
}

/// Changes the password; the server then ends every session of the user.
pub async fn change_password(
    session: impl Authorized,
    current: &str,
    new: &str,
) -> Result<(), ApiError> {
    let body = to_json(&ChangePasswordRequest {
        current_password: current.to_owned(),
        new_password: new.to_owned(),
    })?;
    session
        .call(Method::POST, "/me/password", &[], Some(body))
        .await
        .map(drop)
}

/// The sessions (devices) signed in to this account.
pub async fn list_sessions(session: impl Authorized) -> Result<Vec<SignedInSession>, ApiError> {
    session
        .call_json(Method::GET, "/me/sessions", &[], None)
        .await
}

/// Signs out one session (a device).
pub async fn end_session(session: impl Authorized, id: &str) -> Result<(), ApiError> {
    session
        .call(Method::DELETE, &format!("/me/sessions/{id}"), &[], None)
        .await
        .map(drop)
}

/// Signs out every session but this one.
pub async fn end_other_sessions(session: impl Authorized) -> Result<(), ApiError> {
    session
        .call(Method::POST, "/auth/logout-others", &[], None)
        .await
        .map(drop)
}
