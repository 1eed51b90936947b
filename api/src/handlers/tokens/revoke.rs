//! `DELETE /api/v1/tokens/{id}`: revoke a token at once.

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use super::{managed_member_id, token_id};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, CurrentUser};
use crate::db::Db;
use crate::db::api_tokens as db;
use crate::error::ApiError;
use crate::error::responses::{BadId, NotSignedIn, NotTokenManager};

/// Revoke an API token; it stops working immediately.
///
/// Tokens another organisation owns are reported as not found.
#[utoipa::path(
    tag = "tokens",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The token's id.", minimum = 1)),
    responses(
        (status = 204, description = "Revoked (or already revoked)."),
        BadId, NotSignedIn, NotTokenManager,
        (status = 404, description = "No such token among yours.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[delete("/tokens/{id}")]
pub async fn revoke_token(
    user: CurrentUser,
    id: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = token_id(&id)?;
    db.run(move |conn| {
        let managed = managed_member_id(conn, &user)?;
        let row = db::find_by_id(conn, id)?
            .filter(|row| managed.is_none() || row.member_id == managed)
            .ok_or_else(|| {
                ApiError::NotFound("No API token with this id is yours to manage.".into())
            })?;
        crate::db::write(conn, |conn| {
            if db::revoke(conn, row.id, Utc::now().naive_utc())? > 0 {
                let event = Event {
                    actor: Some(user.actor()),
                    target: Some(("api_token", row.id.to_string())),
                    ..Event::new(AuditAction::TokenRevoked)
                };
                audit::record(conn, &client, event)?;
            }
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
