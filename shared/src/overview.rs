//! The network's headline figures, as shown on the home page.

use serde::{Deserialize, Serialize};

use crate::CountryCode;

/// Headline figures computed from the active members' records — never typed in.
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
    /// Active members that declared figures.
    pub members_with_figures: u64,
    /// Active members whose figures are illustrative (demo data, not facts).
    /// When non-zero, the totals above are partly illustrative.
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
