//! Published statistics: aggregates of the approved returns of published
//! campaigns, with the response coverage behind them.

use serde::{Deserialize, Serialize};

use crate::returns::{Campaign, CoopType, Indicator, Sector};
use crate::{CountryCode, Slug, string_enum};

string_enum!(
    /// What statistics can be broken down by.
    Dimension {
        Country => "country",
        Sector => "sector",
        CoopType => "coop_type",
        Member => "member",
    }
);

/// How many members the figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Coverage {
    /// Members with an approved return in the campaign.
    pub responding_members: u32,
    /// Active members of the network.
    pub total_members: u32,
    /// Of the responding members, those whose breakdown is illustrative demo data.
    pub illustrative_returns: u32,
}

/// One aggregate: an indicator's value for one combination of the
/// `group_by` dimensions (the dimensions not grouped by are left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StatisticsRow {
    /// The reference year.
    pub year: i32,
    pub indicator: Indicator,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coop_type: Option<CoopType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Slug>,
    /// The member's name, when grouped by member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_name: Option<String>,
    /// A sum for reported indicators; a percentage (one decimal) for shares.
    pub value: f64,
    /// Members whose approved returns contribute to this value.
    pub responding_members: u32,
}

/// `GET /api/v1/statistics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Statistics {
    pub campaign: Campaign,
    pub group_by: Vec<Dimension>,
    pub coverage: Coverage,
    pub rows: Vec<StatisticsRow>,
}

/// One year of a series, with its coverage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SeriesYear {
    pub year: i32,
    pub coverage: Coverage,
}

/// `GET /api/v1/statistics/series`: the same aggregates for every published year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StatisticsSeries {
    pub group_by: Vec<Dimension>,
    /// Oldest first.
    pub years: Vec<SeriesYear>,
    pub rows: Vec<StatisticsRow>,
}
