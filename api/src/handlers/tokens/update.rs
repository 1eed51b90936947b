//! `PATCH /api/v1/tokens/{id}`: decide who owns a token (admins).

use actix_web::{HttpResponse, patch, web};
use cecop_shared::{ApiToken, UpdateApiTokenRequest};

use super::{to_view, token_id};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::Db;
use crate::db::api_tokens as db;
use crate::error::ApiError;
use crate::error::responses::{BadIdOrBody, NotAdmin, NotSignedIn};
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

/// Make a token the organisation's, or its creator's again (admins only).
///
/// A token belongs to the person who created it: it is revoked when they
/// are disabled, deleted or moved to another organisation. With
/// `survives_creator` an admin makes it the organisation's own (a nightly
/// sync that must not stop when a staff member leaves).
#[utoipa::path(
    tag = "tokens",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The token's id.", minimum = 1)),
    request_body = UpdateApiTokenRequest,
    responses(
        (status = 200, description = "The token as it now is.", body = ApiToken),
        BadIdOrBody, NotSignedIn, NotAdmin,
        (status = 404, description = "No such token.", body = cecop_shared::Problem,
            content_type = "application/problem+json")
    )
)]
#[patch("/tokens/{id}")]
pub async fn update_token(
    AdminUser(admin): AdminUser,
    id: web::Path<String>,
    Body(request): Body<UpdateApiTokenRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = token_id(&id)?;
    let token = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let row = db::find_by_id(conn, id)?
                    .ok_or_else(|| ApiError::NotFound("No API token has this id.".into()))?;
                if let Some(keep) = request.survives_creator
                    && keep != row.survives_creator
                {
                    db::set_survives_creator(conn, id, keep)?;
                    let event = Event {
                        actor: Some(admin.actor()),
                        target: Some(("api_token", id.to_string())),
                        detail: Some(format!("survives_creator={keep}")),
                        ..Event::new(AuditAction::TokenUpdated)
                    };
                    audit::record(conn, &client, event)?;
                }
                let row = db::find_by_id(conn, id)?
                    .ok_or_else(|| ApiError::NotFound("No API token has this id.".into()))?;
                Ok(to_view(row))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(token))
}
