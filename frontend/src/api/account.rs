//! The signed-in user's own account (`/api/v1/me`, `/api/v1/me/password`).

use cecop_shared::{ChangePasswordRequest, Me};
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
