//! Sessions (`/api/v1/auth/*`): sign in, exchange a refresh token, sign out;
//! a forgotten password reset by e-mail, and an invitation accepted.
//! These carry no access token; [`crate::session`] decides when to call them.

use cecop_shared::{
    AcceptInvitationRequest, AcceptedInvitation, LoginChallenge, LoginRequest,
    PasswordResetConfirmation, PasswordResetRequest, RefreshRequest, TokenPair, TwoFactorSignIn,
};
use gloo_net::http::Method;

use super::{ApiError, decode, send, to_json};

/// What a right password leads to.
pub enum LoginOutcome {
    /// Signed in.
    Session(TokenPair),
    /// The account uses two-factor sign-in: a code must follow.
    Challenge(LoginChallenge),
}

/// Signs in with an e-mail address and a password.
pub async fn login(email: &str, password: &str) -> Result<LoginOutcome, ApiError> {
    let body = to_json(&LoginRequest {
        email: email.to_owned(),
        password: password.to_owned(),
    })?;
    let response = send(Method::POST, "/auth/login", &[], None, Some(&body)).await?;
    if response.status() == 202 {
        return Ok(LoginOutcome::Challenge(decode(response).await?));
    }
    Ok(LoginOutcome::Session(decode(response).await?))
}

/// The second step of a sign-in: the challenge and a code (from the
/// authenticator app, or a recovery code).
pub async fn two_factor(challenge: &str, code: &str) -> Result<TokenPair, ApiError> {
    let body = to_json(&TwoFactorSignIn {
        challenge: challenge.to_owned(),
        code: code.to_owned(),
    })?;
    decode(send(Method::POST, "/auth/two-factor", &[], None, Some(&body)).await?).await
}

/// Exchanges a (one-use) refresh token for a new pair.
pub async fn refresh(refresh_token: &str) -> Result<TokenPair, ApiError> {
    let body = to_json(&RefreshRequest {
        refresh_token: refresh_token.to_owned(),
    })?;
    decode(send(Method::POST, "/auth/refresh", &[], None, Some(&body)).await?).await
}

/// Ends the session the refresh token belongs to.
pub async fn logout(refresh_token: &str) -> Result<(), ApiError> {
    let body = to_json(&RefreshRequest {
        refresh_token: refresh_token.to_owned(),
    })?;
    send(Method::POST, "/auth/logout", &[], None, Some(&body)).await?;
    Ok(())
}

/// Asks for a password-reset link by e-mail (the answer is the same whether
/// or not an account has the address).
pub async fn request_password_reset(email: &str) -> Result<(), ApiError> {
    let body = to_json(&PasswordResetRequest {
        email: email.to_owned(),
    })?;
    send(Method::POST, "/auth/password-reset", &[], None, Some(&body)).await?;
    Ok(())
}

/// Sets a new password with a reset link's token.
pub async fn confirm_password_reset(token: &str, new_password: &str) -> Result<(), ApiError> {
    let body = to_json(&PasswordResetConfirmation {
        token: token.to_owned(),
        new_password: new_password.to_owned(),
    })?;
    send(
        Method::POST,
        "/auth/password-reset/confirm",
        &[],
        None,
        Some(&body),
    )
    .await?;
    Ok(())
}

/// Accepts an invitation by choosing a password; the account's address.
pub async fn accept_invitation(
    token: &str,
    password: &str,
) -> Result<AcceptedInvitation, ApiError> {
    let body = to_json(&AcceptInvitationRequest {
        token: token.to_owned(),
        password: password.to_owned(),
    })?;
    decode(
        send(
            Method::POST,
            "/auth/accept-invitation",
            &[],
            None,
            Some(&body),
        )
        .await?,
    )
    .await
}
