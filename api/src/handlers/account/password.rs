//! `POST /api/v1/me/password`: change one's own password.

use actix_web::{HttpResponse, post, web};
use cecop_shared::ChangePasswordRequest;
use cecop_shared::messages::Code;
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AuthState, ClientInfo, CurrentUser, password, rate_limit};
use crate::db::{Db, sessions, users};
use crate::error::ApiError;
use crate::error::responses::NotSignedIn;
use crate::handlers::body::Body;

/// Change the signed-in user's password.
///
/// Needs the current password. The new one must have at least 12 characters,
/// not be a common password and not contain the e-mail address. Every
/// session of the user ends, so other devices must sign in again. Wrong
/// current passwords are throttled like failed sign-ins (429).
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Changed; all sessions ended."),
        (status = 400, description = "The body is not a password change.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        (status = 422, description = "The current password is wrong or the new one is refused; \
            `errors` names the field.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong current passwords; see `Retry-After`.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/me/password")]
pub async fn change_password(
    user: CurrentUser,
    Body(request): Body<ChangePasswordRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let ChangePasswordRequest {
        current_password,
        new_password,
    } = request;
    if let Err(code) = password::check_policy(&new_password, user.email.as_str()) {
        return Err(ApiError::Validation(vec![code.field_error("new_password")]));
    }
    if current_password.chars().count() > password::MAX_CHARS {
        return Err(ApiError::Validation(vec![
            Code::WrongPassword.field_error("current_password"),
        ]));
    }
    // The current password is guessed at like a sign-in: the same throttle
    // (account and address), so a stolen access token cannot try many.
    let account = user.email.as_str().to_owned();
    let source = client.ip.clone().unwrap_or_default();
    let (reservation, stored) = db
        .run(move |conn| {
            let reservation = rate_limit::reserve(conn, &account, &source)?;
            let stored = users::find_by_id(conn, user.id)?
                .ok_or_else(|| ApiError::Unauthorized("The account no longer exists.".into()))?;
            Ok((reservation, stored.password_hash))
        })
        .await?;
    if !auth.hasher.verify(current_password, Some(stored)).await? {
        return Err(ApiError::Validation(vec![
            Code::WrongPassword.field_error("current_password"),
        ]));
    }
    let hash = auth.hasher.hash(new_password).await?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let now = Utc::now().naive_utc();
            rate_limit::succeeded(conn, &reservation)?;
            users::set_password_hash(conn, user.id, &hash, now)?;
            sessions::revoke_user(conn, user.id, now)?;
            let event = Event {
                actor: Some(user.actor()),
                target: Some(("user", user.id.to_string())),
                ..Event::new(AuditAction::PasswordChanged)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
