//! `DELETE /api/v1/invitations/{id}`: an admin withdraws an invitation.

use actix_web::{HttpResponse, delete, web};
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AdminUser, ClientInfo};
use crate::db::{Db, invitations};
use crate::error::ApiError;
use crate::error::responses::{BadId, NotAdmin, NotSignedIn};
use crate::handlers::users::user_id;

/// Withdraw an invitation (admins only): its link stops working at once.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The invitation's id.", minimum = 1)),
    responses(
        (status = 204, description = "Withdrawn."),
        BadId, NotSignedIn, NotAdmin,
        (status = 404, description = "No invitation has this id.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "It was accepted or withdrawn already; `detail` says which.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[delete("/invitations/{id}")]
pub async fn revoke_invitation(
    AdminUser(admin): AdminUser,
    id: web::Path<String>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = user_id(&id)?;
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let now = Utc::now().naive_utc();
            let row = invitations::find(conn, id)?
                .ok_or_else(|| ApiError::NotFound("No invitation has this id.".into()))?;
            if invitations::revoke(conn, id, now)? == 0 {
                return Err(ApiError::Conflict {
                    field: "status".into(),
                    message: format!("the invitation is {}", row.status(now)),
                });
            }
            let event = Event {
                actor: Some(admin.actor()),
                target: Some(("invitation", id.to_string())),
                ..Event::new(AuditAction::InvitationRevoked)
            };
            audit::record(conn, &client, event)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
