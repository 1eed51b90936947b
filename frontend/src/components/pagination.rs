//! Previous/next links and "page X of Y" under a paged list.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// A navigation landmark with links to the neighbouring pages. At either end
/// of the list the missing link keeps its place, greyed out and hidden from
/// assistive technology, so the controls do not jump between pages.
#[component]
pub fn Pagination(
    /// The current page, from 1.
    page: u32,
    /// How many pages there are.
    total_pages: u32,
    /// The address of the previous page, if there is one.
    prev_href: Option<String>,
    /// The address of the next page, if there is one.
    next_href: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let prev = move || i18n.t().pagination_previous;
    let next = move || i18n.t().pagination_next;
    view! {
        <nav class="pagination" aria-label=tr(|t| t.pagination_label)>
            {page_link(prev_href, prev, "prev")}
            <span class="page-status">{move || (i18n.t().page_of)(page, total_pages)}</span>
            {page_link(next_href, next, "next")}
        </nav>
    }
}

/// A link to a neighbouring page, or its greyed-out stand-in.
fn page_link(
    href: Option<String>,
    text: impl Fn() -> &'static str + Send + Sync + 'static,
    rel: &'static str,
) -> AnyView {
    match href {
        Some(href) => view! {
            <a href=href rel=rel class="page-link">
                {text}
            </a>
        }
        .into_any(),
        None => view! {
            <span class="page-link disabled" aria-hidden="true">
                {text}
            </span>
        }
        .into_any(),
    }
}
