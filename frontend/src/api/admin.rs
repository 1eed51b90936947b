//! Administration: user accounts (`/api/v1/users`), invitations
//! (`/api/v1/invitations`) and the audit log
//! (`/api/v1/audit`). Admins only; the server enforces it.

use cecop_shared::{
    AuditEntry, CreateInvitationRequest, CreateUserRequest, Invitation, Page, UpdateUserRequest,
    User,
};
use gloo_net::http::Method;

use super::authorized::Authorized;
use super::{ApiError, to_json};

/// How many rows an admin table shows per page.
pub const ADMIN_PER_PAGE: u32 = 25;

/// One page of users; `query` holds the filters (`role`, `q`) and `page`.
pub async fn list_users(
    session: impl Authorized,
    query: &[(&str, String)],
) -> Result<Page<User>, ApiError> {
    session.call_json(Method::GET, "/users", query, None).await
}

/// Creates a user account.
pub async fn create_user(
    session: impl Authorized,
    request: &CreateUserRequest,
) -> Result<User, ApiError> {
    let body = to_json(request)?;
    session
        .call_json(Method::POST, "/users", &[], Some(body))
        .await
}

/// Changes the fields of a user that `update` carries.
pub async fn update_user(
    session: impl Authorized,
    id: i64,
    update: &UpdateUserRequest,
) -> Result<User, ApiError> {
    let body = to_json(update)?;
    session
        .call_json(Method::PATCH, &format!("/users/{id}"), &[], Some(body))
        .await
}

/// Deletes a user account.
pub async fn delete_user(session: impl Authorized, id: i64) -> Result<(), ApiError> {
    session
        .call(Method::DELETE, &format!("/users/{id}"), &[], None)
        .await
        .map(drop)
}

/// Clears a user's sign-in throttles, so they may sign in again at once.
pub async fn unlock_user(session: impl Authorized, id: i64) -> Result<(), ApiError> {
    session
        .call(Method::POST, &format!("/users/{id}/unlock"), &[], None)
        .await
        .map(drop)
}

/// Ends every session of a user (they must sign in again).
pub async fn end_user_sessions(session: impl Authorized, id: i64) -> Result<(), ApiError> {
    session
        .call(Method::DELETE, &format!("/users/{id}/sessions"), &[], None)
        .await
        .map(drop)
}

/// Removes a user's two-factor sign-in (a lost phone); their sessions end.
pub async fn reset_two_factor(session: impl Authorized, id: i64) -> Result<(), ApiError> {
    session
        .call(
            Method::DELETE,
            &format!("/users/{id}/two-factor"),
            &[],
            None,
        )
        .await
        .map(drop)
}

/// One page of the audit log; `query` holds the filters and `page`.
pub async fn list_audit(
    session: impl Authorized,
    query: &[(&str, String)],
) -> Result<Page<AuditEntry>, ApiError> {
    session.call_json(Method::GET, "/audit", query, None).await
}

/// One page of invitations, newest first.
pub async fn list_invitations(session: impl Authorized) -> Result<Page<Invitation>, ApiError> {
    let query = [("per_page", ADMIN_PER_PAGE.to_string())];
    session
        .call_json(Method::GET, "/invitations", &query, None)
        .await
}

/// Invites someone by e-mail to create an account.
pub async fn create_invitation(
    session: impl Authorized,
    request: &CreateInvitationRequest,
) -> Result<Invitation, ApiError> {
    let body = to_json(request)?;
    session
        .call_json(Method::POST, "/invitations", &[], Some(body))
        .await
}

/// Withdraws an invitation; its link stops working.
pub async fn revoke_invitation(session: impl Authorized, id: i64) -> Result<(), ApiError> {
    session
        .call(Method::DELETE, &format!("/invitations/{id}"), &[], None)
        .await
        .map(drop)
}
