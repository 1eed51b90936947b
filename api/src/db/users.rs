//! Queries over users: lookup by e-mail or id, creation, password changes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{members, users};

/// A user as stored, with the slug of their organisation.
#[derive(Debug, Clone, Queryable)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub password_hash: String,
    pub disabled: bool,
    pub organisation: Option<String>,
}

type UserColumns = (
    users::id,
    users::email,
    users::display_name,
    users::role,
    users::password_hash,
    users::disabled,
    diesel::dsl::Nullable<members::slug>,
);

fn columns() -> UserColumns {
    (
        users::id,
        users::email,
        users::display_name,
        users::role,
        users::password_hash,
        users::disabled,
        members::slug.nullable(),
    )
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .left_join(members::table)
        .filter(users::email.eq(email))
        .select(columns())
        .first(conn)
        .optional()
}

pub fn find_by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<UserRow>> {
    users::table
        .left_join(members::table)
        .filter(users::id.eq(id))
        .select(columns())
        .first(conn)
        .optional()
}

/// A new user row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub member_id: Option<i64>,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Inserts a user and returns its id.
pub fn insert(conn: &mut DbConnection, user: &NewUser) -> QueryResult<i64> {
    diesel::insert_into(users::table)
        .values(user)
        .returning(users::id)
        .get_result(conn)
}

pub fn set_password_hash(
    conn: &mut DbConnection,
    id: i64,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((users::password_hash.eq(hash), users::updated_at.eq(now)))
        .execute(conn)
}
