//! The member portal: API tokens (`/api/v1/tokens`) and the user's own
//! organisation profile (`/api/v1/my/organisation`).

use cecop_shared::{
    ApiToken, CreateTokenRequest, CreatedApiToken, Member, ProfileUpdate, UpdateApiTokenRequest,
};
use gloo_net::http::Method;

use super::authorized::Authorized;
use super::{ApiError, to_json};

/// The tokens the user may manage, newest first as the server orders them.
pub async fn list_tokens(session: impl Authorized) -> Result<Vec<ApiToken>, ApiError> {
    session.call_json(Method::GET, "/tokens", &[], None).await
}

/// Creates a token; the answer holds its secret, shown this once.
pub async fn create_token(
    session: impl Authorized,
    request: &CreateTokenRequest,
) -> Result<CreatedApiToken, ApiError> {
    let body = to_json(request)?;
    session
        .call_json(Method::POST, "/tokens", &[], Some(body))
        .await
}

/// Revokes a token.
pub async fn revoke_token(session: impl Authorized, id: i64) -> Result<(), ApiError> {
    session
        .call(Method::DELETE, &format!("/tokens/{id}"), &[], None)
        .await
        .map(drop)
}

/// Makes a token the organisation's (it survives its creator), or its
/// creator's again (admins).
pub async fn set_token_owner(
    session: impl Authorized,
    id: i64,
    survives_creator: bool,
) -> Result<ApiToken, ApiError> {
    let body = to_json(&UpdateApiTokenRequest {
        survives_creator: Some(survives_creator),
    })?;
    session
        .call_json(Method::PATCH, &format!("/tokens/{id}"), &[], Some(body))
        .await
}

/// The signed-in member user's organisation.
pub async fn get_my_organisation(session: impl Authorized) -> Result<Member, ApiError> {
    session
        .call_json(Method::GET, "/my/organisation", &[], None)
        .await
}

/// Updates the organisation's public profile.
pub async fn update_my_organisation(
    session: impl Authorized,
    update: &ProfileUpdate,
) -> Result<Member, ApiError> {
    let body = to_json(update)?;
    session
        .call_json(Method::PUT, "/my/organisation", &[], Some(body))
        .await
}
