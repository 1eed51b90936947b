//! The event list's state in the URL query (`?when=past&kind=…&q=…&page=2`;
//! upcoming events are the default and leave `when` out).

use crate::api::events::EventFilter;
use crate::query::{ListQuery, href_with, normalise_search, page_value, parse_opt, parse_page};

/// The event list's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventsQuery(pub EventFilter);

impl EventsQuery {
    /// Reads the state from the URL query; values that do not parse are ignored.
    pub fn from_query<'a>(param: impl Fn(&str) -> Option<&'a str>) -> Self {
        Self(EventFilter {
            upcoming: param("when") != Some("past"),
            kind: parse_opt(param("kind")),
            q: param("q").and_then(normalise_search),
            page: parse_page(param("page")),
            ..EventFilter::default()
        })
    }

    /// The same filters over upcoming (`true`) or past events, from page 1.
    pub fn when(&self, upcoming: bool) -> Self {
        let mut next = self.on_page(1);
        next.0.upcoming = upcoming;
        next
    }

    /// The address with the kind and search cleared (the tab stays).
    pub fn cleared(&self) -> Option<String> {
        (self.0.kind.is_some() || self.0.q.is_some())
            .then(|| Self::default().when(self.0.upcoming).href())
    }
}

impl ListQuery for EventsQuery {
    fn href(&self) -> String {
        let f = &self.0;
        href_with(
            "/events",
            &[
                ("when", if f.upcoming { "" } else { "past" }.to_owned()),
                (
                    "kind",
                    f.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
                ),
                ("q", f.q.clone().unwrap_or_default()),
                ("page", page_value(f.page)),
            ],
        )
    }

    fn on_page(&self, page: u32) -> Self {
        let mut next = self.clone();
        next.0.page = page;
        next
    }
}

#[cfg(test)]
mod tests {
    use cecop_shared::EventKind;

    use super::*;
    use crate::query::lookup as query;

    #[test]
    fn upcoming_is_the_default_and_past_is_kept_in_the_url() {
        let q = EventsQuery::from_query(query(&[("when", "upcoming")]));
        assert!(q.0.upcoming);
        assert_eq!(q.href(), "/events");
        let q = EventsQuery::from_query(query(&[
            ("when", "past"),
            ("kind", "webinar"),
            ("page", "2"),
        ]));
        assert!(!q.0.upcoming);
        assert_eq!(q.0.kind, Some(EventKind::Webinar));
        assert_eq!(q.href(), "/events?when=past&kind=webinar&page=2");
        assert_eq!(q.when(true).href(), "/events?kind=webinar");
        assert_eq!(q.cleared().as_deref(), Some("/events?when=past"));
    }
}
