//! Sessions: one refresh-token family per login, rotated on every use (the
//! token itself never reaches the database, only its SHA-256 hash), and the
//! signed-in device each belongs to (`sessions`: when, from where, which
//! browser), which its user can list and sign out.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{refresh_tokens, sessions};

/// A stored refresh token.
#[derive(Debug, Clone, Queryable)]
pub struct RefreshRow {
    pub id: i64,
    pub user_id: i64,
    pub family: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    /// The successor issued when it was used, sealed (`session_tokens::seal`).
    pub successor_sealed: Option<String>,
    /// A fingerprint of the client that used it.
    pub used_by: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefresh {
    pub user_id: i64,
    pub family: String,
    pub token_hash: String,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, token: &NewRefresh) -> QueryResult<usize> {
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(conn)
}

pub fn find_by_hash(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<RefreshRow>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::family,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            refresh_tokens::revoked_at,
            refresh_tokens::successor_sealed,
            refresh_tokens::used_by,
        ))
        .get_result(conn)
        .optional()
}

/// Marks a token used by this client, only if it is still unused: the
/// returned count is 0 when a concurrent request used it first.
pub fn mark_used(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
    client: &str,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id))
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set((
        refresh_tokens::used_at.eq(now),
        refresh_tokens::used_by.eq(client),
    ))
    .execute(conn)
}

/// Keeps the successor a used token was exchanged for, sealed.
pub fn set_successor(conn: &mut DbConnection, id: i64, sealed: &str) -> QueryResult<usize> {
    diesel::update(refresh_tokens::table.filter(refresh_tokens::id.eq(id)))
        .set(refresh_tokens::successor_sealed.eq(sealed))
        .execute(conn)
}

/// Revokes every token of a family (logout, or reuse of a used token).
pub fn revoke_family(
    conn: &mut DbConnection,
    family: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// True while the session (a family) of this user has a token that is
/// neither revoked nor expired: what keeps its access tokens valid.
pub fn is_active(
    conn: &mut DbConnection,
    user_id: i64,
    family: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        refresh_tokens::table
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null())
            .filter(refresh_tokens::expires_at.gt(now)),
    ))
    .get_result(conn)
}

/// Revokes every session of a user (after a password change).
pub fn revoke_user(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// When a session (family) began: its first token's creation.
pub fn family_started(conn: &mut DbConnection, family: &str) -> QueryResult<Option<NaiveDateTime>> {
    refresh_tokens::table
        .filter(refresh_tokens::family.eq(family))
        .select(diesel::dsl::min(refresh_tokens::created_at))
        .get_result(conn)
}

/// Deletes tokens that expired before `before`: dead rows, kept a while
/// only so that a late reuse is still recognised as one; and the devices of
/// sessions no token is left of.
pub fn purge_expired(conn: &mut DbConnection, before: NaiveDateTime) -> QueryResult<usize> {
    let purged =
        diesel::delete(refresh_tokens::table.filter(refresh_tokens::expires_at.lt(before)))
            .execute(conn)?;
    diesel::delete(sessions::table.filter(diesel::dsl::not(diesel::dsl::exists(
        refresh_tokens::table.filter(refresh_tokens::family.eq(sessions::family)),
    ))))
    .execute(conn)?;
    Ok(purged)
}

/// A signed-in device.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = sessions)]
pub struct NewSession {
    pub family: String,
    pub public_id: String,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
    pub last_used_at: NaiveDateTime,
    pub user_agent: Option<String>,
    pub address: Option<String>,
}

/// A session as its user sees it.
#[derive(Debug, Clone, Queryable)]
pub struct SessionRow {
    pub family: String,
    pub public_id: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: NaiveDateTime,
    pub user_agent: Option<String>,
    pub address: Option<String>,
}

pub fn start(conn: &mut DbConnection, session: &NewSession) -> QueryResult<usize> {
    diesel::insert_into(sessions::table)
        .values(session)
        .execute(conn)
}

/// A refresh: the session was used now, from this device.
pub fn touch(
    conn: &mut DbConnection,
    family: &str,
    now: NaiveDateTime,
    user_agent: Option<&str>,
    address: Option<&str>,
) -> QueryResult<usize> {
    diesel::update(sessions::table.filter(sessions::family.eq(family)))
        .set((
            sessions::last_used_at.eq(now),
            sessions::user_agent.eq(user_agent),
            sessions::address.eq(address),
        ))
        .execute(conn)
}

/// A user's sessions that still have a live token, most recently used first.
pub fn list_active(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Vec<SessionRow>> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(diesel::dsl::exists(
            refresh_tokens::table
                .filter(refresh_tokens::family.eq(sessions::family))
                .filter(refresh_tokens::revoked_at.is_null())
                .filter(refresh_tokens::expires_at.gt(now)),
        ))
        .select((
            sessions::family,
            sessions::public_id,
            sessions::created_at,
            sessions::last_used_at,
            sessions::user_agent,
            sessions::address,
        ))
        .order_by(sessions::last_used_at.desc())
        .load(conn)
}

/// The family of the user's session with this public id.
pub fn family_of(
    conn: &mut DbConnection,
    user_id: i64,
    public_id: &str,
) -> QueryResult<Option<String>> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::public_id.eq(public_id))
        .select(sessions::family)
        .get_result(conn)
        .optional()
}

/// Revokes every session of a user but `keep`; the number of tokens revoked.
pub fn revoke_user_except(
    conn: &mut DbConnection,
    user_id: i64,
    keep: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::family.ne(keep))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}
