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
    /// login attempt).
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

/// True when an entry of `action` about this record was appended since
/// `since` (to record a repeated event once a minute, not once a request).
pub fn recorded_since(
    conn: &mut DbConnection,
    action: &str,
    target: (&str, &str),
    since: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        audit_log::table
            .filter(audit_log::action.eq(action))
            .filter(audit_log::at.gt(since))
            .filter(audit_log::target_type.eq(target.0))
            .filter(audit_log::target_id.eq(target.1)),
    ))
    .get_result(conn)
}

/// A stored entry.
#[derive(Debug, Clone, Queryable)]
pub struct EntryRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: Option<String>,
    pub action: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub subject: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub detail: Option<String>,
}

/// Admin list filters; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// An action, or a prefix ending in `.` (`auth.`).
    pub action: Option<String>,
    pub actor: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

fn filtered(filter: &AuditFilter) -> audit_log::BoxedQuery<'static, super::Backend> {
    let mut query = audit_log::table.into_boxed();
    if let Some(action) = &filter.action {
        query = if action.ends_with('.') {
            query.filter(audit_log::action.like(format!("{action}%")))
        } else {
            query.filter(audit_log::action.eq(action.clone()))
        };
    }
    if let Some(actor) = &filter.actor {
        query = query.filter(audit_log::actor.eq(actor.clone()));
    }
    if let Some(kind) = &filter.target_type {
        query = query.filter(audit_log::target_type.eq(kind.clone()));
    }
    if let Some(id) = &filter.target_id {
        query = query.filter(audit_log::target_id.eq(id.clone()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::at.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_log::at.lt(to));
    }
    query
}

/// One page, newest first, and the total matching.
pub fn list(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<EntryRow>, i64)> {
    conn.transaction(|conn| {
        let total = filtered(filter).count().get_result(conn)?;
        let rows = filtered(filter)
            .select((
                audit_log::id,
                audit_log::at,
                audit_log::actor,
                audit_log::action,
                audit_log::target_type,
                audit_log::target_id,
                audit_log::subject,
                audit_log::ip,
                audit_log::user_agent,
                audit_log::detail,
            ))
            .order_by((audit_log::at.desc(), audit_log::id.desc()))
            .offset(offset)
            .limit(limit)
            .load(conn)?;
        Ok((rows, total))
    })
}
