//! `DELETE /api/v1/users/{id}`.

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use super::user_id;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::{Db, api_tokens, users};
use crate::error::ApiError;
use crate::error::responses::{BadId, NoSuchUser, NotAdmin, NotSignedIn};

/// Delete a user (admins only; not oneself). Their sessions end, and so do
/// the API tokens they created, except those an admin made the
/// organisation's (`survives_creator`), which keep working.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The user's id.", minimum = 1)),
    responses(
        (status = 204, description = "Deleted."),
        BadId, NotSignedIn, NotAdmin, NoSuchUser,
        (status = 409, description = "Admins cannot delete themselves.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[delete("/users/{id}")]
pub async fn delete_user(
    AdminUser(admin): AdminUser,
    id: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    if id == admin.id {
        return Err(ApiError::Conflict {
            field: "id".into(),
            message: "you cannot delete yourself".into(),
        });
    }
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let tokens_revoked = api_tokens::revoke_created_by(conn, id, Utc::now().naive_utc())?;
            if users::delete(conn, id)? == 0 {
                return Err(ApiError::NotFound("No user has this id.".into()));
            }
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("user", id.to_string())),
                detail: Some(format!("tokens_revoked={tokens_revoked}")),
                ..Event::new(AuditAction::UserDeleted)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
