//! Password-reset links (`handlers::auth::password_reset`): stored as the
//! SHA-256 of their token, used once, expiring.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{password_resets, users};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = password_resets)]
pub struct NewReset {
    pub user_id: i64,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, reset: &NewReset) -> QueryResult<usize> {
    diesel::insert_into(password_resets::table)
        .values(reset)
        .execute(conn)
}

/// When this user was last sent a link that is still usable.
pub fn latest_usable(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    password_resets::table
        .filter(password_resets::user_id.eq(user_id))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now))
        .select(diesel::dsl::max(password_resets::created_at))
        .get_result(conn)
}

/// The address of the account an unused, unexpired link is for.
pub fn usable_email(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<cecop_shared::Email>> {
    password_resets::table
        .inner_join(users::table)
        .filter(password_resets::token_hash.eq(token_hash))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now))
        .select(users::email)
        .get_result(conn)
        .optional()
}

/// Uses the link with this token hash, if it is unused and unexpired, and
/// ends every other link of its user: the user id, or `None`. Of two
/// concurrent uses one wins (the conditional update counts one row).
pub fn redeem(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<i64>> {
    let usable = password_resets::table
        .filter(password_resets::token_hash.eq(token_hash))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(now));
    let Some(user_id) = usable
        .select(password_resets::user_id)
        .get_result::<i64>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let won = diesel::update(usable)
        .set(password_resets::used_at.eq(now))
        .execute(conn)?;
    if won == 0 {
        return Ok(None);
    }
    diesel::update(
        password_resets::table
            .filter(password_resets::user_id.eq(user_id))
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(now))
    .execute(conn)?;
    Ok(Some(user_id))
}

/// Deletes links that expired before `before`.
pub fn purge(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(password_resets::table.filter(password_resets::expires_at.lt(before)))
        .execute(conn)
}
