//! `/api/v1/returns`: CECOP staff's review of the members' data returns.
//! The members' own side is `handlers::my::returns`.

pub mod get;
pub mod list;
pub mod missing;
pub mod review;

use cecop_shared::{
    CampaignState, DataReturn, MemberRef, PreviousValues, ReturnState, ReturnSummary, Revision,
};

use crate::db::DbConnection;
use crate::db::returns::{self as db, ReturnRow, RevisionRow};
use crate::error::ApiError;
use crate::returns::to_values;

pub fn summary(row: &ReturnRow, value_count: i64) -> ReturnSummary {
    ReturnSummary {
        id: Some(row.id),
        year: row.year,
        campaign_state: row.campaign_state,
        member: MemberRef {
            slug: row.member_slug.clone(),
            name: row.member_name.clone(),
        },
        state: row.state,
        reason: row.reason.clone(),
        value_count: u32::try_from(value_count).unwrap_or_default(),
        submitted_at: row.submitted_at.map(|t| t.and_utc()),
        reviewed_at: row.reviewed_at.map(|t| t.and_utc()),
        updated_at: Some(row.updated_at.and_utc()),
    }
}

fn to_revision(row: RevisionRow) -> Revision {
    Revision {
        at: row.at.and_utc(),
        actor: row.actor,
        actor_name: row.actor_name,
        action: row.action,
        from_state: row.from_state,
        to_state: row.to_state,
        reason: row.reason,
        changes: row.changes.0,
    }
}

/// The member's latest approved values before `year`, for comparison.
pub fn previous(
    conn: &mut DbConnection,
    member_id: i64,
    year: i32,
) -> Result<Option<PreviousValues>, ApiError> {
    match db::previous_approved(conn, member_id, year)? {
        Some((id, year)) => Ok(Some(PreviousValues {
            year,
            values: to_values(&db::values(conn, id)?),
        })),
        None => Ok(None),
    }
}

/// A return with its values, warnings, last year's values and history.
pub fn detail(conn: &mut DbConnection, row: &ReturnRow) -> Result<DataReturn, ApiError> {
    let values = to_values(&db::values(conn, row.id)?);
    let previous = previous(conn, row.member_id, row.year)?;
    let revisions = db::revisions(conn, row.id)?
        .into_iter()
        .map(to_revision)
        .collect();
    Ok(assemble(
        summary(row, values.len() as i64),
        values,
        previous,
        revisions,
    ))
}

/// The view of a return nobody has started: empty, a draft.
pub fn not_started(
    conn: &mut DbConnection,
    year: i32,
    campaign_state: CampaignState,
    member_id: i64,
    member: MemberRef,
) -> Result<DataReturn, ApiError> {
    let summary = ReturnSummary {
        id: None,
        year,
        campaign_state,
        member,
        state: ReturnState::Draft,
        reason: None,
        value_count: 0,
        submitted_at: None,
        reviewed_at: None,
        updated_at: None,
    };
    let previous = previous(conn, member_id, year)?;
    Ok(assemble(summary, Vec::new(), previous, Vec::new()))
}

fn assemble(
    summary: ReturnSummary,
    values: Vec<cecop_shared::ReturnValue>,
    previous: Option<PreviousValues>,
    revisions: Vec<Revision>,
) -> DataReturn {
    let warnings = previous
        .as_ref()
        .map(|p| cecop_shared::returns::warnings(&values, &p.values, p.year))
        .unwrap_or_default();
    DataReturn {
        summary,
        values,
        warnings,
        previous,
        revisions,
    }
}

/// The id in `/returns/{id}`, or a 400 naming it.
pub fn parse_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::invalid("id", "must be a positive whole number"))
}
