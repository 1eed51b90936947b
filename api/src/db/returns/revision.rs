//! A return's revisions: who moved it or changed it, when and why.

use cecop_shared::{ReturnState, RevisionAction, ValueChange};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::return_revisions;
use crate::db::types::Json;

/// A revision as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = return_revisions)]
pub struct RevisionRow {
    pub return_id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub actor_name: Option<String>,
    pub action: RevisionAction,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub reason: Option<String>,
    pub changes: Json<Vec<ValueChange>>,
}

/// A revision to record; `changes` is the JSON array of `ValueChange`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = return_revisions)]
pub struct NewRevision {
    pub return_id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub actor_name: Option<String>,
    pub action: RevisionAction,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub reason: Option<String>,
    pub changes: String,
}

pub fn add_revision(conn: &mut DbConnection, row: &NewRevision) -> QueryResult<usize> {
    diesel::insert_into(return_revisions::table)
        .values(row)
        .execute(conn)
}

/// A return's revisions, newest first.
pub fn revisions(conn: &mut DbConnection, return_id: i64) -> QueryResult<Vec<RevisionRow>> {
    return_revisions::table
        .filter(return_revisions::return_id.eq(return_id))
        .order_by(return_revisions::id.desc())
        .select(RevisionRow::as_select())
        .load(conn)
}
