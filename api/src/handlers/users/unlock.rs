//! `POST /api/v1/users/{id}/unlock`: clear a user's sign-in throttles.

use actix_web::{HttpResponse, post, web};

use super::act_on_user;
use crate::auth::audit::AuditAction;
use crate::auth::{AdminUser, ClientInfo, rate_limit};
use crate::db::Db;
use crate::error::ApiError;
use crate::error::responses::{BadId, NoSuchUser, NotAdmin, NotSignedIn};

/// Let a user sign in again at once (admins only): forgets the failed
/// attempts counted against their account from every address, for a
/// person who shares an address with someone guessing at it (an office
/// network, a proxy without `CECOP_TRUSTED_PROXIES`).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id.", minimum = 1)),
    responses(
        (status = 204, description = "Cleared; the user may sign in at once."),
        BadId, NotSignedIn, NotAdmin, NoSuchUser
    )
)]
#[post("/users/{id}/unlock")]
pub async fn unlock_user(
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
        AuditAction::UserUnlocked,
        |conn, user| {
            let cleared = rate_limit::unlock(conn, user.email.as_str())?;
            Ok(format!("throttles={cleared}"))
        },
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
