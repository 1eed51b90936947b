//! The review queue's state in the URL query
//! (`/admin/returns?campaign=2024&state=submitted&member=coceta&page=2`).

use cecop_shared::{ReturnState, Slug};

use crate::query::{ListQuery, href_with, page_value, parse_opt, parse_page};

/// The filters and page of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewQuery {
    /// The campaign's year.
    pub campaign: Option<i32>,
    pub state: Option<ReturnState>,
    pub member: Option<Slug>,
    pub page: u32,
}

impl Default for ReviewQuery {
    fn default() -> Self {
        Self {
            campaign: None,
            state: None,
            member: None,
            page: 1,
        }
    }
}

/// How many returns a page of the queue shows.
pub const PER_PAGE: u32 = 25;

impl ReviewQuery {
    /// Reads the state; values that do not parse are ignored.
    pub fn from_query<'a>(param: impl Fn(&str) -> Option<&'a str>) -> Self {
        Self {
            campaign: parse_opt::<i32>(param("campaign")).filter(|y| (2000..=2100).contains(y)),
            state: parse_opt(param("state")),
            member: parse_opt(param("member")),
            page: parse_page(param("page")),
        }
    }

    /// The parameters, as the URL and the API both name them.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "campaign",
                self.campaign.map(|y| y.to_string()).unwrap_or_default(),
            ),
            (
                "state",
                self.state
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
            ),
            (
                "member",
                self.member
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            ),
            ("page", page_value(self.page)),
        ]
    }

    /// The API query: the set parameters and the page size.
    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = self.params();
        params.retain(|(_, value)| !value.is_empty());
        params.push(("per_page", PER_PAGE.to_string()));
        params
    }

    /// The address with every filter cleared, when any is set.
    pub fn cleared(&self) -> Option<String> {
        (self.campaign.is_some() || self.state.is_some() || self.member.is_some())
            .then(|| Self::default().href())
    }
}

impl ListQuery for ReviewQuery {
    fn href(&self) -> String {
        href_with("/admin/returns", &self.params())
    }

    fn on_page(&self, page: u32) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lookup as query;

    #[test]
    fn filters_round_trip_through_the_url() {
        let q = ReviewQuery::from_query(query(&[
            ("campaign", "2024"),
            ("state", "submitted"),
            ("member", "coceta"),
            ("page", "2"),
        ]));
        assert_eq!(q.state, Some(ReturnState::Submitted));
        assert_eq!(
            q.href(),
            "/admin/returns?campaign=2024&state=submitted&member=coceta&page=2"
        );
        assert_eq!(q.cleared().as_deref(), Some("/admin/returns"));
        let ignored = ReviewQuery::from_query(query(&[("state", "lost"), ("member", "No Slug")]));
        assert_eq!(ignored, ReviewQuery::default());
        assert_eq!(ignored.cleared(), None);
        assert_eq!(
            ReviewQuery::default().api_params(),
            [("per_page", "25".to_owned())]
        );
    }
}
