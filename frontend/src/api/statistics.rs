//! The data collection's public side: campaigns (`/api/v1/campaigns`), the
//! indicator catalogue (`/api/v1/indicators`) and the published statistics
//! (`/api/v1/statistics`, `/api/v1/statistics/series`, and their `.csv`
//! twins, which the dashboard links to rather than fetches).

use cecop_shared::{Campaign, Dimension, Indicator, IndicatorInfo, Statistics, StatisticsSeries};

use super::{API_BASE, ApiError, get_json, get_json_fresh};
use crate::i18n::Lang;
use crate::query::href_with;

/// Every campaign, newest year first. Fresh: a campaign that was just
/// opened or published shows at once.
pub async fn list_campaigns() -> Result<Vec<Campaign>, ApiError> {
    get_json_fresh("/campaigns", &[]).await
}

/// The indicators, named in `lang`.
pub async fn list_indicators(lang: Lang) -> Result<Vec<IndicatorInfo>, ApiError> {
    get_json("/indicators", &[("lang", lang.code().to_owned())]).await
}

/// What one statistics request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatisticsQuery {
    /// The year; `None` for the series across every published year.
    pub year: Option<i32>,
    pub indicators: Vec<Indicator>,
    pub group_by: Vec<Dimension>,
}

impl StatisticsQuery {
    /// The query parameters, as the API names them.
    fn params(&self) -> Vec<(&'static str, String)> {
        let join = |items: Vec<&str>| items.join(",");
        vec![
            ("year", self.year.map(|y| y.to_string()).unwrap_or_default()),
            (
                "indicator",
                join(self.indicators.iter().map(|i| i.as_str()).collect()),
            ),
            (
                "group_by",
                join(self.group_by.iter().map(|d| d.as_str()).collect()),
            ),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .collect()
    }

    /// The address of the same figures as CSV.
    pub fn csv_href(&self) -> String {
        let path = if self.year.is_some() {
            "/statistics.csv"
        } else {
            "/statistics/series.csv"
        };
        href_with(&format!("{API_BASE}{path}"), &self.params())
    }
}

/// One year's statistics. A year without a published campaign is an error
/// whose [`is_not_found`](ApiError::is_not_found) is true.
pub async fn get_statistics(query: &StatisticsQuery) -> Result<Statistics, ApiError> {
    get_json_fresh("/statistics", &query.params()).await
}

/// The same figures for every published year, oldest first.
pub async fn get_series(query: &StatisticsQuery) -> Result<StatisticsSeries, ApiError> {
    get_json_fresh("/statistics/series", &query.params()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_links_name_the_same_figures() {
        let query = StatisticsQuery {
            year: Some(2023),
            indicators: vec![Indicator::Workers],
            group_by: vec![Dimension::Sector, Dimension::CoopType],
        };
        assert_eq!(
            query.csv_href(),
            "/api/v1/statistics.csv?year=2023&indicator=workers&group_by=sector%2Ccoop_type"
        );
        let series = StatisticsQuery {
            year: None,
            indicators: vec![Indicator::WomenShare],
            group_by: vec![],
        };
        assert_eq!(
            series.csv_href(),
            "/api/v1/statistics/series.csv?indicator=women_share"
        );
    }
}
