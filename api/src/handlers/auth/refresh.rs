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
/// Each refresh token works once. The same client presenting it again
/// within 30 seconds (two tabs, a retry after a lost answer) gets the same
/// successor, while that one is unused. Presented again otherwise, it ends
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
    let presented = request.refresh_token;
    let hash = session_tokens::sha256_hex(&presented);
    let fingerprint =
        session_tokens::client_fingerprint(client.ip.as_deref(), client.user_agent.as_deref());
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
                let used_first = row.used_at.is_none()
                    && sessions::mark_used(conn, row.id, now, &fingerprint)? == 1;
                if !used_first {
                    // Used already: by this client a moment ago (two tabs, a
                    // retry), it gets the same successor; else it is theft.
                    let row = sessions::find_by_hash(conn, &hash)?.unwrap_or(row);
                    if let Some(pair) =
                        same_successor(conn, &keys, &row, &presented, &fingerprint, now)?
                    {
                        return Ok(Outcome::Issued(pair));
                    }
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
                sessions::touch(
                    conn,
                    &row.family,
                    now,
                    client.user_agent.as_deref(),
                    client.ip.as_deref(),
                )?;
                let pair = issue(conn, &keys, row.user_id, row.family)?;
                let sealed = session_tokens::seal(&pair.refresh_token, &presented);
                sessions::set_successor(conn, row.id, &sealed)?;
                Ok(Outcome::Issued(pair))
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

/// How long a used refresh token still gives its successor to the client
/// that used it.
const GRACE_SECS: i64 = 30;

/// The successor of a used token, with a fresh access token, when the same
/// client presents it again within the grace and the successor is unused.
fn same_successor(
    conn: &mut crate::db::DbConnection,
    keys: &session_tokens::Keys,
    row: &sessions::RefreshRow,
    presented: &str,
    fingerprint: &str,
    now: chrono::NaiveDateTime,
) -> Result<Option<TokenPair>, ApiError> {
    let recent = row
        .used_at
        .is_some_and(|at| now - at <= chrono::Duration::seconds(GRACE_SECS));
    if !recent || row.used_by.as_deref() != Some(fingerprint) {
        return Ok(None);
    }
    let Some(successor) = row
        .successor_sealed
        .as_deref()
        .and_then(|sealed| session_tokens::unseal(sealed, presented))
    else {
        return Ok(None);
    };
    let next = sessions::find_by_hash(conn, &session_tokens::sha256_hex(&successor))?;
    let live =
        next.is_some_and(|n| n.used_at.is_none() && n.revoked_at.is_none() && n.expires_at > now);
    if !live {
        return Ok(None);
    }
    Ok(Some(TokenPair {
        access_token: keys.issue_access(row.user_id, &row.family)?,
        token_type: "Bearer".into(),
        expires_in: keys.access_ttl(),
        refresh_token: successor,
    }))
}
