//! `POST /api/v1/auth/refresh`: a used refresh token for a new pair.

use actix_web::{HttpResponse, post, web};
use cecop_shared::{RefreshRequest, TokenPair};
use chrono::Utc;

use super::issue;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{AuthState, ClientInfo, session_tokens};
use crate::db::{Db, sessions, users};
use crate::error::ApiError;
use crate::error::responses::BadRefreshRequest;
use crate::handlers::NO_STORE;
use crate::handlers::body::Body;

enum Outcome {
    Issued(TokenPair),
    /// A token was presented twice: someone else may hold it.
    Reused,
    Invalid,
}

/// Exchange a refresh token for a new access token and refresh token.
///
/// Each refresh token works once. Presenting one that was already used ends
/// the whole session (every token issued since that login), in case it was
/// stolen.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new token pair.", body = TokenPair),
        BadRefreshRequest,
        (status = 401, description = "The refresh token is unknown, expired, revoked or reused.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    Body(request): Body<RefreshRequest>,
    client: ClientInfo,
    db: web::Data<Db>,
    auth: web::Data<AuthState>,
) -> Result<HttpResponse, ApiError> {
    let hash = session_tokens::sha256_hex(&request.refresh_token);
    let keys = auth.keys.clone();
    let outcome = db
        .run(move |conn| {
            crate::db::write::<_, ApiError, _>(conn, |conn| {
                let now = Utc::now().naive_utc();
                let Some(row) = sessions::find_by_hash(conn, &hash)? else {
                    return Ok(Outcome::Invalid);
                };
                if row.revoked_at.is_some() || row.expires_at <= now {
                    return Ok(Outcome::Invalid);
                }
                let max_age = chrono::Duration::days(session_tokens::SESSION_MAX_DAYS);
                let started = sessions::family_started(conn, &row.family)?.unwrap_or(now);
                if started + max_age <= now {
                    sessions::revoke_family(conn, &row.family, now)?;
                    return Ok(Outcome::Invalid);
                }
                if row.used_at.is_some() || sessions::mark_used(conn, row.id, now)? == 0 {
                    sessions::revoke_family(conn, &row.family, now)?;
                    let event = Event {
                        actor: Some(format!("user:{}", row.user_id)),
                        target: Some(("user", row.user_id.to_string())),
                        ..Event::new(AuditAction::RefreshReused)
                    };
                    audit::record(conn, &client, event)?;
                    return Ok(Outcome::Reused);
                }
                let enabled = users::find_by_id(conn, row.user_id)?.is_some_and(|u| !u.disabled);
                if !enabled {
                    return Ok(Outcome::Invalid);
                }
                Ok(Outcome::Issued(issue(
                    conn,
                    &keys,
                    row.user_id,
                    row.family,
                )?))
            })
        })
        .await?;
    match outcome {
        Outcome::Issued(pair) => Ok(HttpResponse::Ok().insert_header(NO_STORE).json(pair)),
        Outcome::Reused => Err(ApiError::Unauthorized(
            "This refresh token was already used; the session has been ended. Sign in again."
                .into(),
        )),
        Outcome::Invalid => Err(ApiError::Unauthorized(
            "The refresh token is invalid or has expired.".into(),
        )),
    }
}
