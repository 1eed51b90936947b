//! `DELETE /api/v1/users/{id}/two-factor`: an admin removes a user's
//! two-factor sign-in (a lost phone and lost recovery codes).

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use super::act_on_user;
use crate::auth::audit::AuditAction;
use crate::auth::{AdminUser, ClientInfo, rate_limit};
use crate::db::{Db, sessions, throttles, two_factor};
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
    act_on_user(
        &db,
        admin,
        client,
        &id,
        AuditAction::UserTwoFactorReset,
        |conn, user| {
            if two_factor::remove(conn, user.id)? == 0 {
                return Err(ApiError::NotFound(
                    "This user has no two-factor sign-in.".into(),
                ));
            }
            throttles::clear_account(conn, &rate_limit::second_factor_account(user.id))?;
            let ended = sessions::revoke_user(conn, user.id, Utc::now().naive_utc())?;
            Ok(format!("tokens={ended}"))
        },
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
