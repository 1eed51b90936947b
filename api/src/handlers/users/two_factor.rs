//! `DELETE /api/v1/users/{id}/two-factor`: an admin removes a user's
//! two-factor sign-in (a lost phone and lost recovery codes).

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use super::user_id;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo, rate_limit};
use crate::db::{Db, sessions, throttles, two_factor, users};
use crate::error::ApiError;
use crate::error::responses::{BadId, NotAdmin, NotSignedIn};

/// Remove a user's two-factor sign-in (admins only), once you have made
/// sure who is asking: their authenticator secret and recovery codes are
/// deleted, their sessions end, and their code throttles are cleared. They
/// sign in with the password alone and can turn it on again (and must, as
/// an admin, where the server requires it).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id.", minimum = 1)),
    responses(
        (status = 204, description = "Removed; the user's sessions have ended."),
        BadId, NotSignedIn, NotAdmin,
        (status = 404, description = "No such user, or the user has no two-factor sign-in.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[delete("/users/{id}/two-factor")]
pub async fn reset_two_factor(
    AdminUser(admin): AdminUser,
    id: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            users::find_by_id(conn, id)?
                .ok_or_else(|| ApiError::NotFound("No user has this id.".into()))?;
            if two_factor::remove(conn, id)? == 0 {
                return Err(ApiError::NotFound(
                    "This user has no two-factor sign-in.".into(),
                ));
            }
            throttles::clear_account(conn, &rate_limit::second_factor_account(id))?;
            let ended = sessions::revoke_user(conn, id, Utc::now().naive_utc())?;
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("user", id.to_string())),
                detail: Some(format!("tokens={ended}")),
                ..Event::new(AuditAction::UserTwoFactorReset)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
