//! Queries over users: lookup by e-mail or id, creation, password changes.

use cecop_shared::{Email, Role, Slug, UiLanguage};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{members, users};

/// A user as stored, with the slug of their organisation.
#[derive(Debug, Clone, Queryable)]
pub struct UserRow {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub password_hash: String,
    pub disabled: bool,
    pub organisation: Option<Slug>,
    pub member_id: Option<i64>,
    pub created_at: NaiveDateTime,
}

type UserColumns = (
    users::id,
    users::email,
    users::display_name,
    users::role,
    users::password_hash,
    users::disabled,
    diesel::dsl::Nullable<members::slug>,
    users::member_id,
    users::created_at,
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
        users::member_id,
        users::created_at,
    )
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table
        .left_join(members::table)
        .filter(users::email.eq(email))
        .select(columns())
        .get_result(conn)
        .optional()
}

pub fn find_by_id(conn: &mut DbConnection, id: i64) -> QueryResult<Option<UserRow>> {
    users::table
        .left_join(members::table)
        .filter(users::id.eq(id))
        .select(columns())
        .get_result(conn)
        .optional()
}

/// A new user row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub member_id: Option<i64>,
    pub password_hash: String,
    pub disabled: bool,
    /// The language of the e-mail sent to them.
    pub language: UiLanguage,
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

/// The language of the messages sent to a user.
pub fn language_of(conn: &mut DbConnection, id: i64) -> QueryResult<Option<UiLanguage>> {
    users::table
        .filter(users::id.eq(id))
        .select(users::language)
        .get_result(conn)
        .optional()
}

/// The enabled users of a member organisation, with their languages: who
/// is told about its data return.
pub fn recipients_of(
    conn: &mut DbConnection,
    member_id: i64,
) -> QueryResult<Vec<(Email, UiLanguage)>> {
    users::table
        .filter(users::member_id.eq(member_id))
        .filter(users::disabled.eq(false))
        .select((users::email, users::language))
        .order_by(users::id.asc())
        .load(conn)
}

/// Admin list filters.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub role: Option<Role>,
    /// Case-insensitive text in the e-mail or display name.
    pub text: Option<String>,
}

fn filtered(filter: &UserFilter) -> users::BoxedQuery<'static, super::Backend> {
    let mut query = users::table.into_boxed();
    if let Some(role) = &filter.role {
        query = query.filter(users::role.eq(*role));
    }
    if let Some(text) = &filter.text {
        let pattern = super::members::like_pattern(text);
        query = query.filter(
            super::members::lower(users::email)
                .like(pattern.clone())
                .escape('\\')
                .or(super::members::lower(users::display_name)
                    .like(pattern)
                    .escape('\\')),
        );
    }
    query
}

/// One page of users by e-mail, and the total matching.
pub fn list(
    conn: &mut DbConnection,
    filter: &UserFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<UserRow>, i64)> {
    conn.transaction(|conn| {
        let total = filtered(filter).count().get_result(conn)?;
        let ids: Vec<i64> = filtered(filter)
            .select(users::id)
            .order_by(users::email.asc())
            .offset(offset)
            .limit(limit)
            .load(conn)?;
        let rows = users::table
            .left_join(members::table)
            .filter(users::id.eq_any(ids))
            .select(columns())
            .order_by(users::email.asc())
            .load(conn)?;
        Ok((rows, total))
    })
}

/// Fields an admin changes.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
pub struct UserChanges {
    pub display_name: String,
    pub role: Role,
    pub member_id: Option<i64>,
    pub disabled: bool,
    pub updated_at: NaiveDateTime,
}

pub fn update(conn: &mut DbConnection, id: i64, changes: &UserChanges) -> QueryResult<usize> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(changes)
        .execute(conn)
}

/// Deletes a user. Tokens they created that survive them (an admin's
/// decision; the others are revoked first, `api_tokens::revoke_created_by`)
/// keep working and no longer name their creator.
pub fn delete(conn: &mut DbConnection, id: i64) -> QueryResult<usize> {
    use super::schema::{api_tokens, refresh_tokens, sessions};
    diesel::update(api_tokens::table.filter(api_tokens::created_by.eq(id)))
        .set(api_tokens::created_by.eq(None::<i64>))
        .execute(conn)?;
    diesel::delete(refresh_tokens::table.filter(refresh_tokens::user_id.eq(id))).execute(conn)?;
    diesel::delete(sessions::table.filter(sessions::user_id.eq(id))).execute(conn)?;
    diesel::delete(users::table.filter(users::id.eq(id))).execute(conn)
}
