//! `DELETE /api/v1/users/{id}/sessions`: an admin signs a user out everywhere.

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use super::user_id;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::{Db, sessions, users};
use crate::error::ApiError;
use crate::error::responses::{BadId, NoSuchUser, NotAdmin, NotSignedIn};

/// End every session of a user (admins only): a stolen laptop, someone
/// leaving. Their access tokens stop working at once; they can sign in
/// again (disable the account to prevent that).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id.", minimum = 1)),
    responses(
        (status = 204, description = "Every session of the user has ended."),
        BadId, NotSignedIn, NotAdmin, NoSuchUser
    )
)]
#[delete("/users/{id}/sessions")]
pub async fn end_user_sessions(
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
            let ended = sessions::revoke_user(conn, id, Utc::now().naive_utc())?;
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("user", id.to_string())),
                detail: Some(format!("tokens={ended}")),
                ..Event::new(AuditAction::UserSessionsEnded)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
