//! The network's headline figures, as shown on the home page.

use serde::{Deserialize, Serialize};

use crate::CountryCode;

/// Headline figures computed from data — never typed in. Each active member
/// counts with its latest approved data return of a published campaign, or,
/// when it has none, with the figures it declared on its profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Overview {
    /// Active member organisations.
    pub member_count: u64,
    /// Distinct countries of the active members.
    pub country_count: u64,
    /// Cooperatives (enterprises) the active members declare, summed.
    pub enterprise_count: u64,
    /// Workers in those cooperatives, summed.
    pub worker_count: u64,
    /// Workers who are members of their cooperative, summed over members that declare it.
    pub worker_member_count: u64,
    /// Active members counted with figures from either source.
    pub members_with_figures: u64,
    /// Active members whose figures come from an approved data return.
    pub members_from_returns: u64,
    /// Active members whose figures come from their declared profile (no approved return).
    pub members_from_declared: u64,
    /// The newest reference year among the approved returns used, if any.
    pub latest_return_year: Option<i32>,
    /// Active members whose figures (declared or from a return) are
    /// illustrative demo data, not facts. When non-zero, the totals above
    /// are partly illustrative.
    pub members_with_illustrative_figures: u64,
    /// Active members per country, most members first, then by code.
    pub countries: Vec<CountryCount>,
}

/// How many active members one country has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CountryCount {
    pub country: CountryCode,
    pub member_count: u64,
}
