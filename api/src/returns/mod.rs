//! The data-collection workflow over the `db::returns` queries: saving a
//! return's values with a revision, moving it through its review, and the
//! rules of who may do what when. Used by the HTTP handlers and the CLI, so
//! both keep the same rules. Callers run these inside one transaction.

pub mod bulk;
pub mod csv;
mod values;

use values::to_rows;
pub use values::{diff, from_amount, to_amount, to_values};

use cecop_shared::returns::Transition;
use cecop_shared::{CampaignState, ReturnState, ReturnValue, RevisionAction, ValueChange};
use chrono::{NaiveDateTime, Utc};

use crate::db::DbConnection;
use crate::db::returns::{self as db, CampaignRow, NewReturn, NewRevision, ReturnRow};
use crate::error::ApiError;

/// Who makes a change, as revisions and the audit log name them.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `user:<id>`, `token:<prefix>` or `cli`.
    pub id: String,
    /// The person's display name, for users.
    pub name: Option<String>,
}

impl Actor {
    pub fn of(principal: &crate::auth::Principal) -> Self {
        Self {
            id: principal.actor(),
            name: match principal {
                crate::auth::Principal::User(user) => Some(user.display_name.clone()),
                crate::auth::Principal::Token(_) => None,
            },
        }
    }
}

/// Another request moved the return between our read and our write.
fn changed_meanwhile() -> ApiError {
    state_conflict("The return was changed by another request at the same time; reload it.".into())
}

fn state_conflict(message: String) -> ApiError {
    ApiError::Conflict {
        field: "state".into(),
        message,
    }
}

/// Refuses changes to a campaign that is not open.
pub fn require_open(year: i32, state: CampaignState) -> Result<(), ApiError> {
    if state == CampaignState::Open {
        Ok(())
    } else {
        Err(ApiError::Conflict {
            field: "campaign".into(),
            message: format!(
                "The {year} campaign is {state}; returns can be changed only while it is open."
            ),
        })
    }
}

/// Refuses changes to a return the member may not edit now (campaign not
/// open, or the return submitted or approved); gives its state.
pub fn require_editable(row: &ReturnRow) -> Result<ReturnState, ApiError> {
    let (state, campaign) = (row.state, row.campaign_state);
    require_open(row.year, campaign)?;
    if !state.editable() {
        return Err(state_conflict(format!(
            "The return is {state}; it can be edited only as a draft or after it was returned."
        )));
    }
    Ok(state)
}

/// The member's return for this campaign, created as an empty draft when
/// it has none yet.
pub fn ensure_return(
    conn: &mut DbConnection,
    campaign: &CampaignRow,
    member_id: i64,
) -> Result<ReturnRow, ApiError> {
    if let Some(row) = db::find_member_return(conn, campaign.id, member_id)? {
        return Ok(row);
    }
    let now = Utc::now().naive_utc();
    let id = db::insert_return(
        conn,
        &NewReturn {
            campaign_id: campaign.id,
            member_id,
            state: ReturnState::Draft,
            illustrative: false,
            created_at: now,
            updated_at: now,
        },
    )?;
    db::find_return(conn, id)?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("return {id} vanished")))
}

/// What a revision records besides who, when and the value changes.
#[derive(Debug, Clone)]
pub struct Step {
    pub action: RevisionAction,
    pub from: Option<ReturnState>,
    pub to: ReturnState,
    pub reason: Option<String>,
}

/// A revision row for a return.
pub fn revision(
    return_id: i64,
    actor: &Actor,
    step: Step,
    changes: &[ValueChange],
    at: NaiveDateTime,
) -> Result<NewRevision, ApiError> {
    Ok(NewRevision {
        return_id,
        at,
        actor: actor.id.clone(),
        actor_name: actor.name.clone(),
        action: step.action,
        from_state: step.from,
        to_state: step.to,
        reason: step.reason,
        changes: serde_json::to_string(changes).map_err(|e| ApiError::Internal(e.into()))?,
    })
}

/// Replaces a return's values after checking that the member may edit it
/// (campaign open, return a draft or returned) and that the values are
/// valid. Records a revision with every change; saving the same values
/// again changes nothing. Gives the changes.
pub fn save_values(
    conn: &mut DbConnection,
    row: &ReturnRow,
    values: &[ReturnValue],
    actor: &Actor,
    action: RevisionAction,
) -> Result<Vec<ValueChange>, ApiError> {
    let state = require_editable(row)?;
    let errors = cecop_shared::returns::validate(values);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let current = to_values(&db::values(conn, row.id)?);
    let changes = diff(&current, values);
    if changes.is_empty() {
        return Ok(changes);
    }
    let now = Utc::now().naive_utc();
    if db::touch(conn, row.id, state, now)? == 0 {
        return Err(changed_meanwhile());
    }
    db::replace_values(conn, row.id, &to_rows(row.id, values))?;
    let step = Step {
        action,
        from: Some(state),
        to: state,
        reason: None,
    };
    db::add_revision(conn, &revision(row.id, actor, step, &changes, now)?)?;
    Ok(changes)
}

/// Moves a return through its review, or refuses with a 409 naming its
/// current state. Submitting needs valid, non-empty values; sending back
/// and reopening need a reason; changes other than approval need the
/// campaign open (approval may follow the campaign's close).
pub fn transition(
    conn: &mut DbConnection,
    row: &ReturnRow,
    transition: Transition,
    actor: &Actor,
    reason: Option<String>,
) -> Result<ReturnState, ApiError> {
    let (state, campaign) = (row.state, row.campaign_state);
    let Some(next) = transition.apply(state) else {
        let allowed = match transition {
            Transition::Submit => "a draft or a returned return",
            Transition::Approve | Transition::Return => "a submitted return",
            Transition::Reopen => "an approved return",
        };
        return Err(state_conflict(format!(
            "The return is {state}; only {allowed} can be {}.",
            past(transition)
        )));
    };
    match transition {
        Transition::Approve if matches!(campaign, CampaignState::Open | CampaignState::Closed) => {}
        Transition::Approve => {
            return Err(ApiError::Conflict {
                field: "campaign".into(),
                message: format!(
                    "The {} campaign is {campaign}; returns can be approved only while it is open or closed.",
                    row.year
                ),
            });
        }
        _ => require_open(row.year, campaign)?,
    }
    if transition == Transition::Submit {
        let values = to_values(&db::values(conn, row.id)?);
        if values.is_empty() {
            return Err(ApiError::Validation(vec![cecop_shared::FieldError::new(
                "values",
                "An empty return cannot be submitted; enter at least one value.",
            )]));
        }
        let errors = cecop_shared::returns::validate(&values);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
    }
    let now = Utc::now().naive_utc();
    let (submitted_at, reviewed_at) = match transition {
        Transition::Submit => (Some(now), None),
        _ => (row.submitted_at, Some(now)),
    };
    let kept_reason = match transition {
        Transition::Return | Transition::Reopen => reason.clone(),
        _ => None,
    };
    let change = db::StateChange {
        state: next,
        reason: kept_reason,
        submitted_at,
        reviewed_at,
        updated_at: now,
    };
    if db::set_state(conn, row.id, state, &change)? == 0 {
        return Err(changed_meanwhile());
    }
    let action = match transition {
        Transition::Submit => RevisionAction::Submitted,
        Transition::Approve => RevisionAction::Approved,
        Transition::Return => RevisionAction::Returned,
        Transition::Reopen => RevisionAction::Reopened,
    };
    let step = Step {
        action,
        from: Some(state),
        to: next,
        reason,
    };
    db::add_revision(conn, &revision(row.id, actor, step, &[], now)?)?;
    Ok(next)
}

fn past(transition: Transition) -> &'static str {
    match transition {
        Transition::Submit => "submitted",
        Transition::Approve => "approved",
        Transition::Return => "returned",
        Transition::Reopen => "reopened",
    }
}

/// A reason as given: trimmed, 1–2,000 characters, no control characters
/// other than line breaks.
pub fn parse_reason(reason: &str) -> Result<String, ApiError> {
    let reason = reason.trim();
    let bad = reason.is_empty()
        || reason.chars().count() > 2000
        || reason
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if bad {
        return Err(ApiError::Validation(vec![cecop_shared::FieldError::new(
            "reason",
            "must be 1 to 2,000 characters of text",
        )]));
    }
    Ok(reason.to_owned())
}
