//! Sessions (`/api/v1/auth/*`): sign in, exchange a refresh token, sign out.
//! These carry no access token; [`crate::session`] decides when to call them.

use cecop_shared::{LoginRequest, RefreshRequest, TokenPair};
use gloo_net::http::Method;

use super::{ApiError, decode, send, to_json};

/// Signs in with an e-mail address and a password.
pub async fn login(email: &str, password: &str) -> Result<TokenPair, ApiError> {
    let body = to_json(&LoginRequest {
        email: email.to_owned(),
        password: password.to_owned(),
    })?;
    decode(send(Method::POST, "/auth/login", &[], None, Some(&body)).await?).await
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
