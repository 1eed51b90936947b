//! Login rate limits, counted from the audit log's failed attempts so they
//! hold across every instance sharing the database (no per-process state).

use chrono::{Duration, Utc};

use crate::auth::audit::AuditAction;
use crate::db::DbConnection;
use crate::db::audit;
use crate::error::ApiError;

/// The audit action that failed logins record.
pub const LOGIN_FAILED: &str = AuditAction::LoginFailed.as_str();
/// Window over which failures are counted.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failed attempts allowed per account in the window.
pub const PER_ACCOUNT: i64 = 5;
/// Failed attempts allowed per client address in the window.
pub const PER_IP: i64 = 20;

/// Refuses a login attempt when the account or the address has failed too
/// often recently. Counting happens before the password is checked, so a
/// correct password does not get through a lock either.
pub fn check_login(conn: &mut DbConnection, ip: &str, email: &str) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    let since = now - Duration::seconds(WINDOW_SECS);
    let by_account = audit::count_by_subject(conn, LOGIN_FAILED, email, since)?;
    let by_ip = audit::count_by_ip(conn, LOGIN_FAILED, ip, since)?;
    if by_account < PER_ACCOUNT && by_ip < PER_IP {
        return Ok(());
    }
    let limit = if by_account >= PER_ACCOUNT {
        PER_ACCOUNT
    } else {
        PER_IP
    };
    let oldest = audit::oldest_since(conn, LOGIN_FAILED, ip, email, since)?.unwrap_or(now);
    let retry_after = (oldest + Duration::seconds(WINDOW_SECS) - now)
        .num_seconds()
        .max(1);
    Err(ApiError::RateLimited {
        retry_after: u64::try_from(retry_after).unwrap_or(1),
        limit: u64::try_from(limit).unwrap_or_default(),
    })
}
