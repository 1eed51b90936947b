//! Appending security events to the audit log from handlers.

use chrono::Utc;

use super::ClientInfo;
use crate::db::DbConnection;
use crate::db::audit::{self, NewEntry};

/// An event about to be recorded.
#[derive(Debug, Clone, Default)]
pub struct Event<'a> {
    pub action: &'a str,
    pub actor: Option<String>,
    pub target: Option<(&'a str, String)>,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

pub fn record(
    conn: &mut DbConnection,
    client: &ClientInfo,
    event: Event<'_>,
) -> diesel::QueryResult<()> {
    let (target_type, target_id) = match event.target {
        Some((kind, id)) => (Some(kind.to_owned()), Some(id)),
        None => (None, None),
    };
    audit::append(
        conn,
        &NewEntry {
            at: Utc::now().naive_utc(),
            actor: event.actor,
            action: event.action.to_owned(),
            target_type,
            target_id,
            subject: event.subject,
            ip: client.ip.clone(),
            user_agent: client.user_agent.clone(),
            detail: event.detail,
        },
    )
    .map(|_| ())
}
