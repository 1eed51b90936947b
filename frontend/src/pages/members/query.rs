//! The directory's state lives in the URL query (`?country=IT&kind=…&q=…&page=2`)
//! so that back/forward, reloads and shared links all show the same list.
//! This module converts between that query and a [`MemberFilter`].

use cecop_shared::PageRequest;

use crate::api::members::MemberFilter;

/// Reads the filter from the URL query, given a lookup of its (decoded)
/// parameters. Values that do not parse (an unknown country, `page=0`) are
/// ignored rather than sent on, as a person editing the address would expect.
pub fn filter_from_query<'a>(param: impl Fn(&str) -> Option<&'a str>) -> MemberFilter {
    MemberFilter {
        country: param("country").and_then(|code| code.parse().ok()),
        kind: param("kind").and_then(|kind| kind.parse().ok()),
        q: param("q").and_then(normalise_search),
        page: param("page")
            .and_then(|page| page.parse().ok())
            .filter(|page| (1..=PageRequest::PAGE_MAX).contains(page))
            .unwrap_or(1),
    }
}

/// A search as typed: trimmed, and `None` when nothing is left.
pub fn normalise_search(q: &str) -> Option<String> {
    let q = q.trim();
    (!q.is_empty()).then(|| q.to_owned())
}

/// The directory address showing `filter`; page 1 and unset filters are left out.
pub fn members_href(filter: &MemberFilter) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(country) = filter.country {
        pairs.push(("country", country.to_string()));
    }
    if let Some(kind) = filter.kind {
        pairs.push(("kind", kind.as_str().to_owned()));
    }
    if let Some(q) = &filter.q {
        pairs.push(("q", q.clone()));
    }
    if filter.page > 1 {
        pairs.push(("page", filter.page.to_string()));
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    if query.is_empty() {
        "/members".to_owned()
    } else {
        format!("/members?{}", query.join("&"))
    }
}

/// Percent-encodes a query value: everything but RFC 3986 unreserved characters.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use cecop_shared::MemberKind;

    use super::*;

    /// The lookup the router's query map provides, over a fixed list.
    fn query<'a>(pairs: &'a [(&str, &'a str)]) -> impl Fn(&str) -> Option<&'a str> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

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
            members_href(&filter),
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
        assert_eq!(members_href(&filter), "/members");
    }

    #[test]
    fn reserved_characters_are_escaped() {
        let filter = MemberFilter {
            q: Some("a&b=ç?".into()),
            ..MemberFilter::default()
        };
        assert_eq!(members_href(&filter), "/members?q=a%26b%3D%C3%A7%3F");
    }
}
