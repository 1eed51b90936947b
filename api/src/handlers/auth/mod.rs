//! Sessions: `POST /api/v1/auth/login`, `/refresh` and `/logout`; and a
//! forgotten password replaced by e-mail (`/password-reset`).

pub mod login;
pub mod logout;
pub mod password_reset;
pub mod refresh;
pub mod two_factor;

use cecop_shared::TokenPair;
use chrono::{Duration, Utc};

use crate::auth::ClientInfo;
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::session_tokens::{self, Keys, REFRESH_TTL_DAYS, SESSION_MAX_DAYS};
use crate::db::DbConnection;
use crate::db::sessions::{self, NewRefresh};
use crate::error::ApiError;

/// Starts a session for a user whose credentials were all checked: a new
/// refresh-token family, its device row, and the `auth.login` audit entry.
/// Run inside a `db::write`.
fn start_session(
    conn: &mut DbConnection,
    keys: &Keys,
    user_id: i64,
    client: &ClientInfo,
) -> Result<TokenPair, ApiError> {
    let now = Utc::now().naive_utc();
    sessions::purge_expired(conn, now - Duration::days(7))?;
    let family = session_tokens::random_string(22);
    let pair = issue(conn, keys, user_id, family.clone())?;
    sessions::start(
        conn,
        &sessions::NewSession {
            family,
            public_id: session_tokens::random_string(16),
            user_id,
            created_at: now,
            last_used_at: now,
            user_agent: client.user_agent.clone(),
            address: client.ip.clone(),
        },
    )?;
    let event = Event {
        actor: Some(format!("user:{user_id}")),
        target: Some(("user", user_id.to_string())),
        ..Event::new(AuditAction::Login)
    };
    audit::record(conn, client, event)?;
    Ok(pair)
}

/// What ties a second-step challenge to the password it followed: a new
/// password ends the challenges issued before it.
fn challenge_binding(password_hash: &str) -> String {
    session_tokens::sha256_hex(password_hash)[..16].to_owned()
}

/// Issues an access token and a new refresh token in `family` (a new family
/// on login, the same one on refresh).
fn issue(
    conn: &mut DbConnection,
    keys: &Keys,
    user_id: i64,
    family: String,
) -> Result<TokenPair, ApiError> {
    let refresh = session_tokens::new_refresh_token();
    let access_token = keys.issue_access(user_id, &family)?;
    let now = Utc::now().naive_utc();
    // Each refresh token lives 30 days, but never past the session's end.
    let started = sessions::family_started(conn, &family)?.unwrap_or(now);
    let expires_at =
        (now + Duration::days(REFRESH_TTL_DAYS)).min(started + Duration::days(SESSION_MAX_DAYS));
    sessions::insert(
        conn,
        &NewRefresh {
            user_id,
            family,
            token_hash: session_tokens::sha256_hex(&refresh),
            expires_at,
            created_at: now,
        },
    )?;
    Ok(TokenPair {
        access_token,
        token_type: "Bearer".into(),
        expires_in: keys.access_ttl(),
        refresh_token: refresh,
    })
}
