//! Sign-in throttle rows: failures per (account, client address) and per
//! address (`account = ''`). The policy lives in `auth::rate_limit`; these
//! are its reads and writes, meant to run inside one `db::write`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::login_throttles;

/// One throttle as stored.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = login_throttles)]
pub struct ThrottleRow {
    pub account: String,
    pub source: String,
    pub failures: i32,
    pub window_start: NaiveDateTime,
    pub last_at: NaiveDateTime,
    pub next_at: NaiveDateTime,
}

impl ThrottleRow {
    /// A throttle that has counted nothing yet.
    pub fn fresh(account: &str, source: &str, now: NaiveDateTime) -> Self {
        Self {
            account: account.to_owned(),
            source: source.to_owned(),
            failures: 0,
            window_start: now,
            last_at: now,
            next_at: now,
        }
    }
}

/// Creates the throttle for this key unless it exists. Run it before the
/// transaction that [`lock`]s it, not inside: two first attempts at once may
/// both insert, and the loser's unique violation must not abort anything.
/// (diesel's `ON CONFLICT` is not available over the two-backend connection.)
pub fn ensure(
    conn: &mut DbConnection,
    account: &str,
    source: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use diesel::result::{DatabaseErrorKind, Error};
    let exists = login_throttles::table
        .filter(login_throttles::account.eq(account))
        .filter(login_throttles::source.eq(source))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if exists {
        return Ok(());
    }
    match diesel::insert_into(login_throttles::table)
        .values(ThrottleRow::fresh(account, source, now))
        .execute(conn)
    {
        Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The throttle for this key (made by [`ensure`]), locked until the
/// transaction ends so that concurrent attempts are counted one after
/// another: on PostgreSQL the touching `UPDATE` takes the row lock, and the
/// read after it sees what a concurrent attempt committed; on SQLite the
/// `db::write` transaction already holds the database's write lock. `None`
/// when the row is gone (an unlock in between).
pub fn lock(
    conn: &mut DbConnection,
    account: &str,
    source: &str,
) -> QueryResult<Option<ThrottleRow>> {
    let key = login_throttles::account
        .eq(account)
        .and(login_throttles::source.eq(source));
    diesel::update(login_throttles::table.filter(key))
        .set(login_throttles::failures.eq(login_throttles::failures))
        .execute(conn)?;
    login_throttles::table
        .filter(key)
        .select(ThrottleRow::as_select())
        .get_result(conn)
        .optional()
}

/// Stores a throttle read by [`lock`].
pub fn save(conn: &mut DbConnection, row: &ThrottleRow) -> QueryResult<usize> {
    let key = login_throttles::account
        .eq(&row.account)
        .and(login_throttles::source.eq(&row.source));
    diesel::update(login_throttles::table.filter(key))
        .set(row)
        .execute(conn)
}

/// Forgets one throttle (a successful sign-in clears its own).
pub fn clear(conn: &mut DbConnection, account: &str, source: &str) -> QueryResult<usize> {
    diesel::delete(
        login_throttles::table
            .filter(login_throttles::account.eq(account))
            .filter(login_throttles::source.eq(source)),
    )
    .execute(conn)
}

/// Forgets every throttle of an account, from every address (an admin's
/// unlock); returns how many there were.
pub fn clear_account(conn: &mut DbConnection, account: &str) -> QueryResult<usize> {
    diesel::delete(login_throttles::table.filter(login_throttles::account.eq(account)))
        .execute(conn)
}

/// Forgets throttles idle since before `before`: they would count nothing.
pub fn purge_idle(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_throttles::table.filter(login_throttles::last_at.lt(before))).execute(conn)
}
