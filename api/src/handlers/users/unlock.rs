//! `POST /api/v1/users/{id}/unlock`: clear a user's sign-in throttles.

use actix_web::{HttpResponse, post, web};

use super::user_id;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo, rate_limit};
use crate::db::{Db, users};
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
    let id = user_id(&id)?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let user = users::find_by_id(conn, id)?
                .ok_or_else(|| ApiError::NotFound("No user has this id.".into()))?;
            let cleared = rate_limit::unlock(conn, user.email.as_str())?;
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("user", id.to_string())),
                detail: Some(format!("throttles={cleared}")),
                ..Event::new(AuditAction::UserUnlocked)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
