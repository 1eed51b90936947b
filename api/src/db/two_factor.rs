//! Two-factor sign-in rows: a user's sealed TOTP secret (pending until
//! confirmed) and their one-use recovery codes, stored as hashes. The
//! policy lives in `auth::two_factor`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{recovery_codes, two_factor};

/// A user's authenticator as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = two_factor)]
pub struct FactorRow {
    pub user_id: i64,
    pub sealed_secret: String,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub last_step: i64,
}

pub fn find(conn: &mut DbConnection, user_id: i64) -> QueryResult<Option<FactorRow>> {
    two_factor::table
        .find(user_id)
        .select(FactorRow::as_select())
        .get_result(conn)
        .optional()
}

/// Whether the user has a confirmed authenticator (sign-in asks for a code).
pub fn is_enabled(conn: &mut DbConnection, user_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        two_factor::table
            .filter(two_factor::user_id.eq(user_id))
            .filter(two_factor::confirmed_at.is_not_null()),
    ))
    .get_result(conn)
}

/// Which of these users have a confirmed authenticator.
pub fn enabled_among(conn: &mut DbConnection, user_ids: &[i64]) -> QueryResult<Vec<i64>> {
    two_factor::table
        .filter(two_factor::user_id.eq_any(user_ids))
        .filter(two_factor::confirmed_at.is_not_null())
        .select(two_factor::user_id)
        .load(conn)
}

/// Starts (or starts over) an enrolment with a new sealed secret, unless
/// the user already has a confirmed one: the count is 0 then.
pub fn begin(
    conn: &mut DbConnection,
    user_id: i64,
    sealed_secret: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        two_factor::table
            .filter(two_factor::user_id.eq(user_id))
            .filter(two_factor::confirmed_at.is_null()),
    )
    .execute(conn)?;
    if find(conn, user_id)?.is_some() {
        return Ok(0);
    }
    diesel::insert_into(two_factor::table)
        .values((
            two_factor::user_id.eq(user_id),
            two_factor::sealed_secret.eq(sealed_secret),
            two_factor::created_at.eq(now),
            two_factor::last_step.eq(0_i64),
        ))
        .execute(conn)
}

/// Records that a code for `step` was accepted, only if no code for this or
/// a later step was: 0 when the code was used already (or concurrently).
pub fn accept_step(conn: &mut DbConnection, user_id: i64, step: i64) -> QueryResult<usize> {
    diesel::update(
        two_factor::table
            .filter(two_factor::user_id.eq(user_id))
            .filter(two_factor::last_step.lt(step)),
    )
    .set(two_factor::last_step.eq(step))
    .execute(conn)
}

/// Confirms a pending enrolment; 0 when there is none (or it was confirmed).
pub fn confirm(conn: &mut DbConnection, user_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        two_factor::table
            .filter(two_factor::user_id.eq(user_id))
            .filter(two_factor::confirmed_at.is_null()),
    )
    .set(two_factor::confirmed_at.eq(now))
    .execute(conn)
}

/// Removes the user's authenticator and recovery codes; the number of
/// authenticators removed (0 or 1).
pub fn remove(conn: &mut DbConnection, user_id: i64) -> QueryResult<usize> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    diesel::delete(two_factor::table.filter(two_factor::user_id.eq(user_id))).execute(conn)
}

/// Replaces the user's recovery codes by these hashes.
pub fn replace_recovery_codes(
    conn: &mut DbConnection,
    user_id: i64,
    hashes: &[String],
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    // One statement per code: batch inserts are not available over the
    // two-backend connection.
    let mut inserted = 0;
    for hash in hashes {
        inserted += diesel::insert_into(recovery_codes::table)
            .values((
                recovery_codes::code_hash.eq(hash),
                recovery_codes::user_id.eq(user_id),
                recovery_codes::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(inserted)
}

/// Uses one of the user's recovery codes, only if it is theirs and unused:
/// 1 when it was, 0 otherwise (a concurrent use included).
pub fn use_recovery_code(
    conn: &mut DbConnection,
    user_id: i64,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        recovery_codes::table
            .filter(recovery_codes::code_hash.eq(hash))
            .filter(recovery_codes::user_id.eq(user_id))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now))
    .execute(conn)
}

/// How many of the user's recovery codes are still unused.
pub fn recovery_codes_left(conn: &mut DbConnection, user_id: i64) -> QueryResult<i64> {
    recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}
