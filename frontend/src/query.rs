//! List state in the URL query (`?kind=news&q=care&page=2`), shared by every
//! filtered, paged list: back/forward, reloads and shared links then all
//! show the same list. Each list has a query type implementing [`ListQuery`];
//! this module builds and reads addresses and navigates when a filter changes.
//! It sits at the crate root, below the pages, the components and the API
//! calls, since all three build addresses with it.

use cecop_shared::PageRequest;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// A list's state as the URL holds it.
pub trait ListQuery: Clone + PartialEq + Send + Sync + 'static {
    /// The address showing this state; page 1 and unset filters are left out.
    fn href(&self) -> String;

    /// The same state on another page.
    fn on_page(&self, page: u32) -> Self;
}

/// `path?name=value&…` for the non-empty values, percent-encoded.
pub fn href_with(path: &str, params: &[(&str, String)]) -> String {
    let query = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The `page` parameter's value: empty for page 1, which is implicit.
pub fn page_value(page: u32) -> String {
    if page > 1 {
        page.to_string()
    } else {
        String::new()
    }
}

/// Reads a `page` parameter; anything but a page number the API accepts is page 1.
pub fn parse_page(raw: Option<&str>) -> u32 {
    raw.and_then(|page| page.parse().ok())
        .filter(|page| (1..=PageRequest::PAGE_MAX).contains(page))
        .unwrap_or(1)
}

/// Reads an optional enum parameter; a value that does not parse is ignored,
/// as a person editing the address would expect.
pub fn parse_opt<T: std::str::FromStr>(raw: Option<&str>) -> Option<T> {
    raw.and_then(|value| value.parse().ok())
}

/// A search as typed: trimmed, and `None` when nothing is left.
pub fn normalise_search(q: &str) -> Option<String> {
    let q = q.trim();
    (!q.is_empty()).then(|| q.to_owned())
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

/// A function that applies a change to the current state, back on page 1,
/// and navigates there unless that is where the list already is. Filtering
/// keeps the reader where they are on the page (no scroll to the top).
pub fn use_apply<Q: ListQuery>(query: Memo<Q>) -> impl Fn(&dyn Fn(&mut Q)) + Clone + 'static {
    let navigate = use_navigate();
    move |change: &dyn Fn(&mut Q)| {
        let current = query.get_untracked();
        let mut next = current.on_page(1);
        change(&mut next);
        if next != current {
            navigate(
                &next.href(),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    }
}

/// Test aid: the lookup the router's query map provides, over a fixed list.
#[cfg(test)]
pub fn lookup<'a>(pairs: &'a [(&str, &'a str)]) -> impl Fn(&str) -> Option<&'a str> {
    move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_are_left_out_and_the_rest_escaped() {
        assert_eq!(href_with("/news", &[("q", String::new())]), "/news");
        assert_eq!(
            href_with("/news", &[("q", "a&b=ç?".into()), ("page", page_value(2))]),
            "/news?q=a%26b%3D%C3%A7%3F&page=2"
        );
        assert_eq!(page_value(1), "");
    }

    #[test]
    fn only_valid_page_numbers_are_read() {
        assert_eq!(parse_page(Some("3")), 3);
        assert_eq!(parse_page(Some("0")), 1);
        assert_eq!(parse_page(Some("x")), 1);
        assert_eq!(parse_page(None), 1);
    }

    #[test]
    fn searches_are_trimmed() {
        assert_eq!(normalise_search("  care "), Some("care".into()));
        assert_eq!(normalise_search("   "), None);
    }
}
