//! The signed-in user's own account (`/api/v1/me`, `/api/v1/me/password`,
//! `/api/v1/me/sessions`, `/api/v1/me/two-factor`).

use cecop_shared::{
    ChangePasswordRequest, Me, RecoveryCodes, SignedInSession, TwoFactorCode, TwoFactorSetup,
    TwoFactorSetupRequest, TwoFactorStatus,
};
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

/// The user's two-factor sign-in.
pub async fn two_factor_status(session: impl Authorized) -> Result<TwoFactorStatus, ApiError> {
    session
        .call_json(Method::GET, "/me/two-factor", &[], None)
        .await
}

/// Begins turning two-factor sign-in on: a new secret for the app.
pub async fn set_up_two_factor(
    session: impl Authorized,
    password: &str,
) -> Result<TwoFactorSetup, ApiError> {
    let body = to_json(&TwoFactorSetupRequest {
        password: password.to_owned(),
    })?;
    session
        .call_json(Method::POST, "/me/two-factor/setup", &[], Some(body))
        .await
}

/// The code actions: `confirm` (turn on) and `recovery-codes` (replace
/// them) answer new recovery codes.
pub async fn two_factor_codes(
    session: impl Authorized,
    action: &str,
    code: &str,
) -> Result<RecoveryCodes, ApiError> {
    let body = to_json(&TwoFactorCode {
        code: code.to_owned(),
    })?;
    session
        .call_json(
            Method::POST,
            &format!("/me/two-factor/{action}"),
            &[],
            Some(body),
        )
        .await
}

/// Turns two-factor sign-in off.
pub async fn disable_two_factor(session: impl Authorized, code: &str) -> Result<(), ApiError> {
    let body = to_json(&TwoFactorCode {
        code: code.to_owned(),
    })?;
    session
        .call(Method::POST, "/me/two-factor/disable", &[], Some(body))
        .await
        .map(drop)
}
