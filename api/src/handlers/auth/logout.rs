//! `POST /api/v1/auth/logout`: ends the session a refresh token belongs to.

use actix_web::{HttpResponse, post, web};
use cecop_shared::RefreshRequest;
use chrono::Utc;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, session_tokens};
use crate::db::{Db, sessions};
use crate::error::ApiError;
use crate::error::responses::BadRefreshRequest;
use crate::handlers::body::Body;

/// Sign out: revoke the session of this refresh token.
///
/// Always answers 204, whether or not the token was valid, so it reveals
/// nothing. Access tokens already issued expire on their own within 15 minutes.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out."),
        BadRefreshRequest
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    Body(request): Body<RefreshRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let hash = session_tokens::sha256_hex(&request.refresh_token);
    db.run(move |conn| {
        if let Some(row) = sessions::find_by_hash(conn, &hash)?
            && sessions::revoke_family(conn, &row.family, Utc::now().naive_utc())? > 0
        {
            let event = Event {
                actor: Some(format!("user:{}", row.user_id)),
                target: Some(("user", row.user_id.to_string())),
                ..Event::new(AuditAction::Logout)
            };
            audit::record(conn, &client, event)?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
