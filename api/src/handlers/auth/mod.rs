//! Sessions: `POST /api/v1/auth/login`, `/refresh` and `/logout`; and a
//! forgotten password replaced by e-mail (`/password-reset`).

pub mod login;
pub mod logout;
pub mod password_reset;
pub mod refresh;

use cecop_shared::TokenPair;
use chrono::{Duration, Utc};

use crate::auth::session_tokens::{self, Keys, REFRESH_TTL_DAYS, SESSION_MAX_DAYS};
use crate::db::DbConnection;
use crate::db::sessions::{self, NewRefresh};
use crate::error::ApiError;

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
