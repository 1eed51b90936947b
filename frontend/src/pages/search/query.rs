//! The search page's state in the URL query (`?q=…&kind=…&page=2`).

use cecop_shared::SearchKind;

use crate::query::{ListQuery, href_with, normalise_search, page_value, parse_opt, parse_page};

/// What is searched for, and which page of hits is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The words; nothing is searched while there are none.
    pub q: Option<String>,
    pub kind: Option<SearchKind>,
    pub page: u32,
}

impl SearchQuery {
    /// Reads the state from the URL query; values that do not parse are ignored.
    pub fn from_query<'a>(param: impl Fn(&str) -> Option<&'a str>) -> Self {
        Self {
            q: param("q").and_then(normalise_search),
            kind: parse_opt(param("kind")),
            page: parse_page(param("page")),
        }
    }
}

impl ListQuery for SearchQuery {
    fn href(&self) -> String {
        href_with(
            "/search",
            &[
                ("q", self.q.clone().unwrap_or_default()),
                (
                    "kind",
                    self.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                ),
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

/// The search page's address for `words`, as the header's search form uses it.
pub fn search_href(words: &str) -> String {
    SearchQuery {
        q: normalise_search(words),
        kind: None,
        page: 1,
    }
    .href()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lookup;

    #[test]
    fn a_search_round_trips() {
        let pairs = [("q", " long-term care "), ("kind", "event"), ("page", "2")];
        let q = SearchQuery::from_query(lookup(&pairs));
        assert_eq!(q.kind, Some(SearchKind::Event));
        assert_eq!(q.href(), "/search?q=long-term%20care&kind=event&page=2");
        assert_eq!(search_href("  "), "/search");
    }
}
