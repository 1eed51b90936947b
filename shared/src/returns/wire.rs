//! The request and response bodies of the data collection: campaigns,
//! returns and their values, history, CSV import reports and the
//! catalogue as the API serves it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{CampaignState, Cell, CoopType, Indicator, ReturnState, RevisionAction, Sector, Unit};
use crate::{FieldError, MemberRef, string_enum};

/// A yearly data collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Campaign {
    /// The reference year the figures are about.
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub state: CampaignState,
    pub updated_at: DateTime<Utc>,
}

/// `POST /api/v1/campaigns` and `PUT /api/v1/campaigns/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CampaignRequest {
    /// The reference year (2000–2100); for `PUT`, the year in the path.
    #[cfg_attr(feature = "server", schema(minimum = 2000, maximum = 2100))]
    #[serde(deserialize_with = "whole_year")]
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// Defaults to `planned` on creation.
    #[serde(default)]
    pub state: Option<CampaignState>,
}

/// JSON Schema counts `2024.0` as an integer; so does this field.
fn whole_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let v = f64::deserialize(d)?;
    if v.fract() == 0.0 && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&v) {
        // Whole and in range, so the conversion is exact.
        Ok(v as i32)
    } else {
        Err(serde::de::Error::custom("must be a whole number"))
    }
}

/// One number of a return: an indicator for one cooperative type in one sector.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnValue {
    pub indicator: Indicator,
    pub coop_type: CoopType,
    pub sector: Sector,
    /// A non-negative whole number; for `turnover_eur`, euros with at most two decimals.
    #[cfg_attr(feature = "server", schema(minimum = 0))]
    pub value: f64,
}

impl ReturnValue {
    pub fn cell(&self) -> Cell {
        Cell {
            indicator: self.indicator,
            coop_type: self.coop_type,
            sector: self.sector,
        }
    }
}

/// `PUT /api/v1/my/returns/{year}`: the complete set of values. Cells left
/// out are not reported (and removed if they were).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnValuesUpdate {
    pub values: Vec<ReturnValue>,
}

/// `POST …/return` and `POST …/reopen`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// Why, for the member (1–2,000 characters, not only spaces).
    #[cfg_attr(
        feature = "server",
        schema(min_length = 1, max_length = 2000, pattern = r"\S")
    )]
    pub reason: String,
}

/// One value that a change altered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ValueChange {
    pub indicator: Indicator,
    pub coop_type: CoopType,
    pub sector: Sector,
    /// The value before; `null` when the cell was not reported.
    pub old: Option<f64>,
    /// The value after; `null` when the cell was removed.
    pub new: Option<f64>,
}

/// One entry of a return's history: who did what, when, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Revision {
    pub at: DateTime<Utc>,
    /// Who: `user:<id>` or `token:<prefix>` (or `cli` for the command line).
    pub actor: String,
    /// The person's name, when the actor is a user.
    pub actor_name: Option<String>,
    pub action: RevisionAction,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub reason: Option<String>,
    pub changes: Vec<ValueChange>,
}

/// A member's values for an earlier year, for comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PreviousValues {
    pub year: i32,
    pub values: Vec<ReturnValue>,
}

/// A data return in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReturnSummary {
    /// `null` for a return not started yet (nothing saved).
    pub id: Option<i64>,
    pub year: i32,
    pub campaign_state: CampaignState,
    pub member: MemberRef,
    pub state: ReturnState,
    /// Why the return was sent back or reopened, when it was.
    pub reason: Option<String>,
    /// How many values are reported.
    pub value_count: u32,
    pub submitted_at: Option<DateTime<Utc>>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A data return with its values, warnings, history and last year's values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DataReturn {
    #[serde(flatten)]
    pub summary: ReturnSummary,
    pub values: Vec<ReturnValue>,
    /// Changes of more than 50 % against the previous approved year.
    pub warnings: Vec<FieldError>,
    /// The member's latest approved return before this year, if any.
    pub previous: Option<PreviousValues>,
    /// Newest first.
    pub revisions: Vec<Revision>,
}

string_enum!(
    /// What a CSV import did, or would do, with one row.
    ImportOutcome {
        /// A value for a cell that had none.
        Imported => "imported",
        /// A new value for a cell that had another.
        Updated => "updated",
        /// The same value the cell already had.
        Unchanged => "unchanged",
        /// Not usable; `message` says why.
        Refused => "refused",
    }
);

/// One row of a CSV import report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub outcome: ImportOutcome,
    /// The cell, `indicator.coop_type.sector`, when the row named one.
    pub field: Option<String>,
    pub message: Option<String>,
}

/// What a CSV import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub dry_run: bool,
    /// True when the values were written (never in a dry run, never with a refused row).
    pub written: bool,
    pub imported: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub refused: u32,
    pub rows: Vec<ImportRow>,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IndicatorInfo {
    pub indicator: Indicator,
    /// The name in the requested language.
    pub name: String,
    pub description: String,
    pub unit: Unit,
    /// True for the shares computed from reported indicators.
    pub derived: bool,
    /// Decimal places values have.
    pub decimals: u32,
}
