//! The directory's state in the URL query (`?country=IT&kind=…&q=…&page=2`):
//! converts between that query and a [`MemberFilter`] (see [`crate::query`]).

use crate::api::members::MemberFilter;
use crate::query::{ListQuery, href_with, normalise_search, page_value, parse_opt, parse_page};

/// Reads the filter from the URL query, given a lookup of its (decoded)
/// parameters. Values that do not parse (an unknown country, `page=0`) are
/// ignored rather than sent on.
pub fn filter_from_query<'a>(param: impl Fn(&str) -> Option<&'a str>) -> MemberFilter {
    MemberFilter {
        country: parse_opt(param("country")),
        kind: parse_opt(param("kind")),
        q: param("q").and_then(normalise_search),
        page: parse_page(param("page")),
    }
}

impl ListQuery for MemberFilter {
    fn href(&self) -> String {
        href_with(
            "/members",
            &[
                (
                    "country",
                    self.country.map(|c| c.to_string()).unwrap_or_default(),
                ),
                (
                    "kind",
                    self.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                ),
                ("q", self.q.clone().unwrap_or_default()),
                ("page", page_value(self.page)),
            ],
        )
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
    use cecop_shared::MemberKind;

    use super::*;
    use crate::query::lookup as query;

    #[test]
    fn a_full_query_round_trips() {
        let filter = filter_from_query(query(&[
            ("country", "it"),
            ("kind", "promotion_body"),
            ("q", "  coop sociali "),
            ("page", "3"),
        ]));
        assert_eq!(filter.country.map(|c| c.to_string()), Some("IT".into()));
        assert_eq!(filter.kind, Some(MemberKind::PromotionBody));
        assert_eq!(filter.q.as_deref(), Some("coop sociali"));
        assert_eq!(filter.page, 3);
        assert_eq!(
            filter.href(),
            "/members?country=IT&kind=promotion_body&q=coop%20sociali&page=3"
        );
    }

    #[test]
    fn bad_values_are_dropped_and_page_one_is_implicit() {
        let filter = filter_from_query(query(&[
            ("country", "ZZ"),
            ("kind", "x"),
            ("q", " "),
            ("page", "0"),
        ]));
        assert_eq!(filter, MemberFilter::default());
        assert_eq!(filter.href(), "/members");
    }

    #[test]
    fn reserved_characters_are_escaped() {
        let filter = MemberFilter {
            q: Some("a&b=ç?".into()),
            ..MemberFilter::default()
        };
        assert_eq!(filter.href(), "/members?q=a%26b%3D%C3%A7%3F");
    }
}
