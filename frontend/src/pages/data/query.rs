//! The dashboard's state in the URL query (`/data?year=2023&indicator=women_share`).
//! Both are optional: the newest published year and the workers are the
//! defaults, and are left out of the address.

use cecop_shared::Indicator;

use crate::query::{href_with, parse_opt};

/// The year and indicator the URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataQuery {
    pub year: Option<i32>,
    pub indicator: Option<Indicator>,
}

/// The indicator charted when the URL names none.
pub const DEFAULT_INDICATOR: Indicator = Indicator::Workers;

impl DataQuery {
    /// Reads the state; values that do not parse (or years the API would
    /// refuse) are ignored.
    pub fn from_query<'a>(param: impl Fn(&str) -> Option<&'a str>) -> Self {
        Self {
            year: parse_opt::<i32>(param("year")).filter(|y| (2000..=2100).contains(y)),
            indicator: parse_opt(param("indicator")),
        }
    }

    /// The address showing this state.
    pub fn href(&self) -> String {
        href_with(
            "/data",
            &[
                ("year", self.year.map(|y| y.to_string()).unwrap_or_default()),
                (
                    "indicator",
                    self.indicator
                        .filter(|i| *i != DEFAULT_INDICATOR)
                        .map(|i| i.as_str().to_owned())
                        .unwrap_or_default(),
                ),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lookup as query;

    #[test]
    fn the_url_keeps_the_year_and_a_chosen_indicator() {
        let q = DataQuery::from_query(query(&[("year", "2023"), ("indicator", "women_share")]));
        assert_eq!(q.year, Some(2023));
        assert_eq!(q.indicator, Some(Indicator::WomenShare));
        assert_eq!(q.href(), "/data?year=2023&indicator=women_share");
        let default = DataQuery::from_query(query(&[("indicator", "workers"), ("year", "1900")]));
        assert_eq!(default.year, None);
        assert_eq!(default.href(), "/data");
        assert_eq!(
            DataQuery::from_query(query(&[("indicator", "nope")])).indicator,
            None
        );
    }
}
