//! The audit log: an append-only record of who did what, when, from where.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConnection;
use super::schema::audit_log;

/// One entry to append.
#[derive(Debug, Clone, Default, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewEntry {
    pub at: NaiveDateTime,
    /// `user:<id>` or `token:<prefix>`; none for anonymous attempts.
    pub actor: Option<String>,
    /// What happened, e.g. `auth.login_failed`.
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    /// Who the action was about when there is no actor yet (the e-mail of a
    /// login attempt); what per-account rate limits count.
    pub subject: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub detail: Option<String>,
}

pub fn append(conn: &mut DbConnection, entry: &NewEntry) -> QueryResult<usize> {
    diesel::insert_into(audit_log::table)
        .values(entry)
        .execute(conn)
}

/// How many entries of `action` from this IP since `since`.
pub fn count_by_ip(
    conn: &mut DbConnection,
    action: &str,
    ip: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::ip.eq(ip))
        .filter(audit_log::at.gt(since))
        .count()
        .get_result(conn)
}

/// How many entries of `action` about this subject since `since`.
pub fn count_by_subject(
    conn: &mut DbConnection,
    action: &str,
    subject: &str,
    since: NaiveDateTime,
) -> QueryResult<i64> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::subject.eq(subject))
        .filter(audit_log::at.gt(since))
        .count()
        .get_result(conn)
}

/// The oldest matching entry's time in the window, to compute `Retry-After`.
pub fn oldest_since(
    conn: &mut DbConnection,
    action: &str,
    ip: &str,
    subject: &str,
    since: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::ip.eq(ip).or(audit_log::subject.eq(subject)))
        .filter(audit_log::at.gt(since))
        .select(diesel::dsl::min(audit_log::at))
        .first(conn)
}
