//! Sign-in throttling that an attacker cannot turn against an account's
//! owner (OWASP Authentication Cheat Sheet, "Account lockout"): failures
//! are counted per account *and* client address, so guessing from one
//! address slows down that address alone, with growing delays rather than a
//! lock; a per-address limit caps spraying many accounts from one place.
//!
//! An attempt reserves its place ([`reserve`]) before the password is
//! checked, in one write transaction over the locked throttle rows, so a
//! parallel burst gets no more guesses than attempts made one at a time. A
//! success clears its own (account, address) throttle and gives its place
//! back ([`succeeded`]). The rows live in the database (`db::throttles`), so
//! the limits hold across every instance. An admin can clear an account's
//! throttles ([`unlock`]).

use chrono::{Duration, NaiveDateTime, Utc};

use crate::db::throttles::{self, ThrottleRow};
use crate::db::{self, DbConnection};
use crate::error::ApiError;

/// Failures for one account from one address before delays begin.
pub const FREE_PER_ACCOUNT: i32 = 5;
/// The first delay after the free failures; each further failure doubles it.
pub const FIRST_DELAY_SECS: i64 = 5;
/// The longest delay between two attempts at one account from one address.
pub const MAX_DELAY_SECS: i64 = 15 * 60;
/// An (account, address) throttle with no attempt for this long starts over.
pub const IDLE_RESET_SECS: i64 = 60 * 60;
/// Failures allowed from one address, over all accounts, in the window.
pub const PER_SOURCE: i32 = 50;
/// The per-address window.
pub const WINDOW_SECS: i64 = 15 * 60;

/// Wrong second-factor codes for one account, from every address together,
/// before delays begin for all of them: whoever holds the password cannot
/// out-guess a six-digit code by spreading guesses over many addresses.
pub const FREE_CODES_PER_ACCOUNT: i32 = 10;

/// The per-address row's account.
const ANY_ACCOUNT: &str = "";
/// The source of an account's row over every address (no address is `*`).
const EVERY_SOURCE: &str = "*";

/// A reserved attempt: which throttles to settle once the password is known.
#[derive(Debug, Clone)]
pub struct Reservation {
    account: String,
    source: String,
    /// Whether the account's row over every address counted it too.
    account_wide: bool,
}

/// The delay before the next attempt after `failures` of them, the first
/// `free` of which cost nothing.
fn delay_after_free(failures: i32, free: i32) -> Duration {
    if failures < free {
        return Duration::zero();
    }
    let doublings = u32::try_from(failures - free).unwrap_or(0).min(20);
    Duration::seconds((FIRST_DELAY_SECS << doublings).min(MAX_DELAY_SECS))
}

/// The delay before the next attempt at one account from one address.
fn delay_after(failures: i32) -> Duration {
    delay_after_free(failures, FREE_PER_ACCOUNT)
}

/// The throttles' account for a user's second-factor codes.
pub fn second_factor_account(user_id: i64) -> String {
    format!("2fa:{user_id}")
}

fn limited(until: NaiveDateTime, now: NaiveDateTime, limit: i32) -> ApiError {
    ApiError::RateLimited {
        retry_after: u64::try_from((until - now).num_seconds().max(1)).unwrap_or(1),
        limit: u64::try_from(limit).unwrap_or_default(),
    }
}

/// Counts an attempt at `account` from `source` before its password is
/// checked, or refuses it with a 429 saying when to try again.
pub fn reserve(
    conn: &mut DbConnection,
    account: &str,
    source: &str,
) -> Result<Reservation, ApiError> {
    reserve_with(conn, account, source, false)
}

/// Counts a second-factor code for a user from `source` before it is
/// checked, as [`reserve`] does for passwords, and also over every address:
/// after [`FREE_CODES_PER_ACCOUNT`] wrong codes, from anywhere, each further
/// code waits a growing delay.
pub fn reserve_second_factor(
    conn: &mut DbConnection,
    user_id: i64,
    source: &str,
) -> Result<Reservation, ApiError> {
    reserve_with(conn, &second_factor_account(user_id), source, true)
}

fn reserve_with(
    conn: &mut DbConnection,
    account: &str,
    source: &str,
    account_wide: bool,
) -> Result<Reservation, ApiError> {
    let started = Utc::now().naive_utc();
    throttles::ensure(conn, account, source, started)?;
    throttles::ensure(conn, ANY_ACCOUNT, source, started)?;
    if account_wide {
        throttles::ensure(conn, account, EVERY_SOURCE, started)?;
    }
    db::write(conn, |conn| {
        let pair = throttles::lock(conn, account, source)?;
        let any = throttles::lock(conn, ANY_ACCOUNT, source)?;
        let wide = if account_wide {
            throttles::lock(conn, account, EVERY_SOURCE)?
        } else {
            None
        };
        // The clock is read once the rows are locked: an attempt that read
        // it earlier but locked later must not find a "future" time left by
        // the one before it.
        let now = Utc::now().naive_utc();
        let mut pair = pair.unwrap_or_else(|| ThrottleRow::fresh(account, source, now));
        let mut any = any.unwrap_or_else(|| ThrottleRow::fresh(ANY_ACCOUNT, source, now));
        if pair.next_at > now {
            return Err(limited(pair.next_at, now, FREE_PER_ACCOUNT));
        }
        let mut wide = account_wide
            .then(|| wide.unwrap_or_else(|| ThrottleRow::fresh(account, EVERY_SOURCE, now)));
        if let Some(wide) = &wide
            && wide.next_at > now
        {
            return Err(limited(wide.next_at, now, FREE_CODES_PER_ACCOUNT));
        }
        if any.window_start + Duration::seconds(WINDOW_SECS) <= now {
            any.failures = 0;
            any.window_start = now;
        }
        if any.failures >= PER_SOURCE {
            let until = any.window_start + Duration::seconds(WINDOW_SECS);
            return Err(limited(until, now, PER_SOURCE));
        }
        if pair.last_at + Duration::seconds(IDLE_RESET_SECS) <= now {
            pair.failures = 0;
            pair.window_start = now;
        }
        pair.failures += 1;
        pair.last_at = now;
        let delay = delay_after(pair.failures);
        if delay > Duration::zero() {
            pair.next_at = now + delay;
        }
        any.failures += 1;
        any.last_at = now;
        if let Some(wide) = &mut wide {
            if wide.last_at + Duration::seconds(IDLE_RESET_SECS) <= now {
                wide.failures = 0;
                wide.window_start = now;
            }
            wide.failures += 1;
            wide.last_at = now;
            let delay = delay_after_free(wide.failures, FREE_CODES_PER_ACCOUNT);
            if delay > Duration::zero() {
                wide.next_at = now + delay;
            }
            throttles::save(conn, wide)?;
        }
        throttles::save(conn, &pair)?;
        throttles::save(conn, &any)?;
        Ok(Reservation {
            account: account.to_owned(),
            source: source.to_owned(),
            account_wide,
        })
    })
}

/// The password (or code) was right: the account's throttle from this
/// address is forgotten, and the address gets its place back. (A right code
/// also clears the account's row over every address: only its owner could
/// have given it.)
pub fn succeeded(conn: &mut DbConnection, reservation: &Reservation) -> Result<(), ApiError> {
    throttles::clear(conn, &reservation.account, &reservation.source)?;
    if reservation.account_wide {
        throttles::clear(conn, &reservation.account, EVERY_SOURCE)?;
    }
    if let Some(mut any) = throttles::lock(conn, ANY_ACCOUNT, &reservation.source)? {
        any.failures = (any.failures - 1).max(0);
        throttles::save(conn, &any)?;
    }
    Ok(())
}

/// The attempt could not be decided (the server was too busy to check the
/// password): it gives its place back instead of counting as a failure.
pub fn release(conn: &mut DbConnection, reservation: &Reservation) -> Result<(), ApiError> {
    db::write(conn, |conn| {
        let mut rows = vec![
            (
                reservation.account.as_str(),
                reservation.source.as_str(),
                FREE_PER_ACCOUNT,
            ),
            (ANY_ACCOUNT, reservation.source.as_str(), FREE_PER_ACCOUNT),
        ];
        if reservation.account_wide {
            rows.push((
                reservation.account.as_str(),
                EVERY_SOURCE,
                FREE_CODES_PER_ACCOUNT,
            ));
        }
        for (account, source, free) in rows {
            if let Some(mut row) = throttles::lock(conn, account, source)? {
                row.failures = (row.failures - 1).max(0);
                if account != ANY_ACCOUNT {
                    let delay = delay_after_free(row.failures, free);
                    row.next_at = row.next_at.min(row.last_at + delay);
                }
                throttles::save(conn, &row)?;
            }
        }
        Ok(())
    })
}

/// Clears every throttle of an account (an admin's unlock); returns how many
/// addresses were throttled.
pub fn unlock(conn: &mut DbConnection, account: &str) -> Result<usize, ApiError> {
    Ok(throttles::clear_account(conn, account)?)
}

/// Forgets throttles that would count nothing any more.
pub fn purge(conn: &mut DbConnection, now: NaiveDateTime) -> Result<usize, ApiError> {
    let idle = Duration::seconds(IDLE_RESET_SECS.max(WINDOW_SECS));
    Ok(throttles::purge_idle(conn, now - idle)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_after_the_free_failures_and_double_up_to_the_cap() {
        assert_eq!(delay_after(4), Duration::zero());
        assert_eq!(delay_after(5), Duration::seconds(5));
        assert_eq!(delay_after(6), Duration::seconds(10));
        assert_eq!(delay_after(9), Duration::seconds(80));
        assert_eq!(delay_after(13), Duration::seconds(MAX_DELAY_SECS));
        assert_eq!(delay_after(i32::MAX), Duration::seconds(MAX_DELAY_SECS));
    }
}
