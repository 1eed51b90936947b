//! Invitations (`handlers::invitations`): the account an admin invites
//! someone to, and the hash of the token that accepts it.

use cecop_shared::{Email, InvitationStatus, Role, Slug, UiLanguage};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::{invitations, members};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = invitations)]
pub struct NewInvitation {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub member_id: Option<i64>,
    pub language: UiLanguage,
    pub token_hash: String,
    pub invited_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

/// An invitation as stored, with its organisation's slug.
#[derive(Debug, Clone, Queryable)]
pub struct InvitationRow {
    pub id: i64,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub member_id: Option<i64>,
    pub organisation: Option<Slug>,
    pub language: UiLanguage,
    pub invited_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

impl InvitationRow {
    pub fn status(&self, now: NaiveDateTime) -> InvitationStatus {
        if self.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if self.revoked_at.is_some() {
            InvitationStatus::Revoked
        } else if self.expires_at <= now {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        }
    }
}

#[diesel::dsl::auto_type]
fn columns() -> _ {
    (
        invitations::id,
        invitations::email,
        invitations::display_name,
        invitations::role,
        invitations::member_id,
        members::slug.nullable(),
        invitations::language,
        invitations::invited_by,
        invitations::created_at,
        invitations::expires_at,
        invitations::accepted_at,
        invitations::revoked_at,
    )
}

pub fn insert(conn: &mut DbConnection, invitation: &NewInvitation) -> QueryResult<i64> {
    diesel::insert_into(invitations::table)
        .values(invitation)
        .returning(invitations::id)
        .get_result(conn)
}

pub fn find(conn: &mut DbConnection, id: i64) -> QueryResult<Option<InvitationRow>> {
    invitations::table
        .left_join(members::table)
        .filter(invitations::id.eq(id))
        .select(columns())
        .get_result(conn)
        .optional()
}

pub fn find_by_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<InvitationRow>> {
    invitations::table
        .left_join(members::table)
        .filter(invitations::token_hash.eq(token_hash))
        .select(columns())
        .get_result(conn)
        .optional()
}

/// Newest first, and the total.
pub fn list(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<InvitationRow>, i64)> {
    let total = invitations::table.count().get_result(conn)?;
    let rows = invitations::table
        .left_join(members::table)
        .select(columns())
        .order_by(invitations::id.desc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows, total))
}

/// Revokes the still-open invitations to an address (a new one replaces
/// them, or an admin withdraws one).
pub fn revoke_open_for(
    conn: &mut DbConnection,
    email: &Email,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        invitations::table
            .filter(invitations::email.eq(email))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(now))
    .execute(conn)
}

/// Revokes one invitation if it is still open; the count is 0 otherwise.
pub fn revoke(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        invitations::table
            .filter(invitations::id.eq(id))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null()),
    )
    .set(invitations::revoked_at.eq(now))
    .execute(conn)
}

/// Marks an invitation accepted if it is still pending; the count is 0
/// when another acceptance, a revocation or the clock came first.
pub fn accept(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        invitations::table
            .filter(invitations::id.eq(id))
            .filter(invitations::accepted_at.is_null())
            .filter(invitations::revoked_at.is_null())
            .filter(invitations::expires_at.gt(now)),
    )
    .set(invitations::accepted_at.eq(now))
    .execute(conn)
}
