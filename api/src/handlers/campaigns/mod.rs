//! `/api/v1/campaigns`: the yearly data collections. Anyone may list them
//! (the statistics page picks its years from them); admins manage them.

pub mod create;
pub mod delete;
pub mod list;
pub mod update;

use cecop_shared::{Campaign, CampaignRequest, CampaignState, FieldError};
use chrono::Utc;

use crate::db::returns::{CampaignFields, CampaignRow};
use crate::error::ApiError;

pub fn to_campaign(row: CampaignRow) -> Campaign {
    Campaign {
        year: row.year,
        opens_on: row.opens_on,
        closes_on: row.closes_on,
        state: row.state,
        updated_at: row.updated_at.and_utc(),
    }
}

/// The year from a path segment, naming it when it is not a plausible year.
pub fn parse_year(raw: &str) -> Result<i32, ApiError> {
    // JSON Schema's integers include `2024.0`; so do these.
    let whole = raw.strip_suffix(".0").unwrap_or(raw);
    whole
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| ApiError::invalid("year", "must be a year between 2000 and 2100"))
}

/// Checks a campaign request: a plausible year, and opening before closing.
fn validate(request: &CampaignRequest, state: CampaignState) -> Result<CampaignFields, ApiError> {
    let mut errors = Vec::new();
    if !(2000..=2100).contains(&request.year) {
        errors.push(FieldError::new(
            "year",
            "must be a year between 2000 and 2100",
        ));
    }
    if request.closes_on < request.opens_on {
        errors.push(FieldError::new("closes_on", "must not be before opens_on"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(CampaignFields {
        year: request.year,
        opens_on: request.opens_on,
        closes_on: request.closes_on,
        state,
        updated_at: Utc::now().naive_utc(),
    })
}
