//! Queries over API tokens. The secret never reaches the database: lookups
//! are by its SHA-256 hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use cecop_shared::Slug;

use super::DbConnection;
use super::schema::{api_tokens, members};
use super::types::Scopes;

/// A token as stored, with its organisation's slug.
#[derive(Debug, Clone, Queryable)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub prefix: String,
    pub scopes: Scopes,
    pub member_id: Option<i64>,
    pub organisation: Option<Slug>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub survives_creator: bool,
}

type Columns = (
    api_tokens::id,
    api_tokens::name,
    api_tokens::prefix,
    api_tokens::scopes,
    api_tokens::member_id,
    diesel::dsl::Nullable<members::slug>,
    api_tokens::created_at,
    api_tokens::expires_at,
    api_tokens::last_used_at,
    api_tokens::revoked_at,
    api_tokens::survives_creator,
);

fn columns() -> Columns {
    (
        api_tokens::id,
        api_tokens::name,
        api_tokens::prefix,
        api_tokens::scopes,
        api_tokens::member_id,
        members::slug.nullable(),
        api_tokens::created_at,
        api_tokens::expires_at,
        api_tokens::last_used_at,
        api_tokens::revoked_at,
        api_tokens::survives_creator,
    )
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = api_tokens)]
pub struct NewToken {
    pub name: String,
    pub prefix: String,
    pub token_hash: String,
    pub scopes: String,
    pub member_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, token: &NewToken) -> QueryResult<i64> {
    diesel::insert_into(api_tokens::table)
        .values(token)
        .returning(api_tokens::id)
        .get_result(conn)
}

pub fn find_by_hash(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<TokenRow>> {
    api_tokens::table
        .left_join(members::table)
        .filter(api_tokens::token_hash.eq(hash))
        .select(columns())
        .get_result(conn)
        .optional()
}

pub fn find_by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<TokenRow>> {
    api_tokens::table
        .left_join(members::table)
        .filter(api_tokens::id.eq(id))
        .select(columns())
        .get_result(conn)
        .optional()
}

/// Tokens of one organisation, or all tokens when `member_id` is `None`;
/// newest first.
pub fn list(conn: &mut DbConnection, member_id: Option<i64>) -> QueryResult<Vec<TokenRow>> {
    let mut query = api_tokens::table
        .left_join(members::table)
        .select(columns())
        .into_boxed();
    if let Some(member_id) = member_id {
        query = query.filter(api_tokens::member_id.eq(member_id));
    }
    query
        .order_by((api_tokens::created_at.desc(), api_tokens::id.desc()))
        .load(conn)
}

pub fn revoke(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Revokes the working tokens this user created that do not survive their
/// creator (the user was disabled, deleted or moved); returns how many.
pub fn revoke_created_by(
    conn: &mut DbConnection,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        api_tokens::table
            .filter(api_tokens::created_by.eq(user_id))
            .filter(api_tokens::survives_creator.eq(false))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Whether the token keeps working when its creator leaves.
pub fn set_survives_creator(conn: &mut DbConnection, id: i64, keep: bool) -> QueryResult<usize> {
    diesel::update(api_tokens::table.filter(api_tokens::id.eq(id)))
        .set(api_tokens::survives_creator.eq(keep))
        .execute(conn)
}

/// Records use, at most once a minute per token, so reads do not turn into
/// a write per request.
pub fn touch(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let stale = now - chrono::Duration::minutes(1);
    diesel::update(
        api_tokens::table.filter(api_tokens::id.eq(id)).filter(
            api_tokens::last_used_at
                .is_null()
                .or(api_tokens::last_used_at.lt(stale)),
        ),
    )
    .set(api_tokens::last_used_at.eq(now))
    .execute(conn)
}
