//! `DELETE /api/v1/users/{id}/sessions`: an admin signs a user out everywhere.

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use super::act_on_user;
use crate::auth::audit::AuditAction;
use crate::auth::{AdminUser, ClientInfo};
use crate::db::{Db, sessions};
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
    act_on_user(
        &db,
        admin,
        client,
        &id,
        AuditAction::UserSessionsEnded,
        |conn, user| {
            let ended = sessions::revoke_user(conn, user.id, Utc::now().naive_utc())?;
            Ok(format!("tokens={ended}"))
        },
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
