//! Bulk import of many members' returns from one CSV file — the migration
//! path for figures collected before this platform (spreadsheets sent by
//! e-mail), how the demo data is loaded, and how benchmarks load data.
//!
//! Columns: `year`, `member` (slug), then the value columns of
//! [`super::csv`]. Each (year, member) pair is one return: it is created if
//! missing, its values are replaced by the file's, and it is put in the
//! state the caller chooses (historical data: `approved`). The whole file is
//! checked first; with any refused row nothing is written. The writes then
//! run in one transaction, so an interrupted import leaves no trace.

use std::collections::{BTreeMap, HashMap, HashSet};

use cecop_shared::returns::Cell;
use cecop_shared::{ReturnState, ReturnValue, RevisionAction};
use chrono::Utc;

use super::{Actor, Step, diff, revision, to_rows, to_values};
use crate::db::DbConnection;
use crate::db::members;
use crate::db::returns::{self as db, NewReturn, StateChange};

/// What a bulk import did, or why it did nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkReport {
    /// Returns written (created or replaced).
    pub returns: usize,
    /// Values written.
    pub values: usize,
    /// (line, reason) for every refused row; when not empty nothing was written.
    pub refused: Vec<(u64, String)>,
}

/// One return to write: its campaign and member ids and its values.
struct Group {
    campaign_id: i64,
    member_id: i64,
    first_line: u64,
    values: Vec<ReturnValue>,
}

/// The returns a file holds, by (year, member), or every refusal.
type Checked = Result<BTreeMap<(i32, String), Group>, Vec<(u64, String)>>;

/// Checks the whole file; gives the returns to write or every refusal.
fn check(conn: &mut DbConnection, data: &[u8]) -> anyhow::Result<Checked> {
    let records = super::csv::read(data, &["year", "member"])
        .map_err(|e| anyhow::anyhow!("{}", e.problem().detail.unwrap_or_default()))?;
    let mut campaigns: HashMap<i32, Option<i64>> = HashMap::new();
    let mut member_ids: HashMap<String, Option<i64>> = HashMap::new();
    let mut groups: BTreeMap<(i32, String), Group> = BTreeMap::new();
    let mut seen: HashSet<(i32, String, Cell)> = HashSet::new();
    let mut refused = Vec::new();
    for record in records {
        let [year, member] = [&record.extra[0], &record.extra[1]];
        let Some(year) = year
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
        else {
            refused.push((
                record.line,
                format!("year {year:?} is not a year between 2000 and 2100"),
            ));
            continue;
        };
        let campaign_id = match campaigns.get(&year) {
            Some(id) => *id,
            None => {
                let id = db::campaign(conn, year)?.map(|c| c.id);
                campaigns.insert(year, id);
                id
            }
        };
        let Some(campaign_id) = campaign_id else {
            refused.push((
                record.line,
                format!("there is no {year} campaign; create it first"),
            ));
            continue;
        };
        let member_id = match member_ids.get(member) {
            Some(id) => *id,
            None => {
                let id = members::id_by_slug(conn, member)?;
                member_ids.insert(member.clone(), id);
                id
            }
        };
        let Some(member_id) = member_id else {
            refused.push((record.line, format!("member {member:?} does not exist")));
            continue;
        };
        let value = match super::csv::parse_row(&record.fields) {
            Ok(value) => value,
            Err((_, message)) => {
                refused.push((record.line, message));
                continue;
            }
        };
        if !seen.insert((year, member.clone(), value.cell())) {
            refused.push((
                record.line,
                format!(
                    "{} is given twice for {member} in {year}",
                    value.cell().field()
                ),
            ));
            continue;
        }
        groups
            .entry((year, member.clone()))
            .or_insert_with(|| Group {
                campaign_id,
                member_id,
                first_line: record.line,
                values: Vec::new(),
            })
            .values
            .push(value);
    }
    for ((year, member), group) in &groups {
        for error in cecop_shared::returns::validate(&group.values) {
            refused.push((
                group.first_line,
                format!("{member} {year}: {}", error.message),
            ));
        }
    }
    if refused.is_empty() {
        Ok(Ok(groups))
    } else {
        refused.sort();
        Ok(Err(refused))
    }
}

/// Imports the file: checks every row, then writes every return in one
/// transaction with a revision each. `state_of(year, member)` gives the
/// state (and reason) each return is left in; `illustrative` marks them
/// as demo data. `progress` hears about each phase.
pub fn import(
    conn: &mut DbConnection,
    data: &[u8],
    actor: &Actor,
    illustrative: bool,
    state_of: impl Fn(i32, &str) -> (ReturnState, Option<String>),
    mut progress: impl FnMut(&str),
) -> anyhow::Result<BulkReport> {
    let groups = match check(conn, data)? {
        Ok(groups) => groups,
        Err(refused) => {
            return Ok(BulkReport {
                refused,
                ..BulkReport::default()
            });
        }
    };
    let total: usize = groups.values().map(|g| g.values.len()).sum();
    progress(&format!(
        "checked {total} values in {} returns; writing them in one transaction",
        groups.len()
    ));
    crate::db::write::<_, anyhow::Error, _>(conn, |conn| {
        let mut report = BulkReport::default();
        for ((year, member), group) in &groups {
            let now = Utc::now().naive_utc();
            let (state, reason) = state_of(*year, member);
            let existing = db::find_member_return(conn, group.campaign_id, group.member_id)?;
            let (id, from, before) = match existing {
                Some(row) => (
                    row.id,
                    Some(row.state),
                    to_values(&db::values(conn, row.id)?),
                ),
                None => {
                    let id = db::insert_return(
                        conn,
                        &NewReturn {
                            campaign_id: group.campaign_id,
                            member_id: group.member_id,
                            state,
                            illustrative,
                            created_at: now,
                            updated_at: now,
                        },
                    )?;
                    (id, None, Vec::new())
                }
            };
            let mut values = group.values.clone();
            values.sort_by_key(ReturnValue::cell);
            db::replace_values(conn, id, &to_rows(id, &values))?;
            let submitted = matches!(
                state,
                ReturnState::Submitted | ReturnState::Approved | ReturnState::Returned
            );
            let reviewed = matches!(state, ReturnState::Approved | ReturnState::Returned);
            let moved = db::set_state(
                conn,
                id,
                from.unwrap_or(state),
                &StateChange {
                    state,
                    reason: reason.clone(),
                    submitted_at: submitted.then_some(now),
                    reviewed_at: reviewed.then_some(now),
                    updated_at: now,
                },
            )?;
            if moved == 0 {
                anyhow::bail!("the return {id} changed while importing");
            }
            let step = Step {
                action: RevisionAction::Imported,
                from,
                to: state,
                reason,
            };
            let changes = diff(&before, &values);
            db::add_revision(conn, &revision(id, actor, step, &changes, now)?)
                .map_err(anyhow::Error::from)?;
            report.returns += 1;
            report.values += values.len();
        }
        Ok(report)
    })
}
