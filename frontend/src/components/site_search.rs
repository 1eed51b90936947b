//! The header's search form: a few words lead to the search page
//! (`/search?q=…`). Without the app, the same form is a plain GET to that page.
//! The page's address for the words comes in as `href`, from the app root:
//! the search page owns its query format, and components sit below pages.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::i18n::tr;

/// A search landmark with a (visually hidden) label on its box (WCAG 1.3.1, 4.1.2).
#[component]
pub fn SiteSearch(
    /// The search page's address for the words typed.
    href: fn(&str) -> String,
) -> impl IntoView {
    let navigate = use_navigate();
    let input = NodeRef::<html::Input>::new();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let words = input.get().map(|input| input.value()).unwrap_or_default();
        navigate(&href(&words), Default::default());
    };
    view! {
        <form
            class="site-search"
            role="search"
            action="/search"
            method="get"
            aria-label=tr(|t| t.publishing.site_search_label)
            on:submit=on_submit
        >
            <label for="site-search-q" class="visually-hidden">
                {tr(|t| t.publishing.site_search_label)}
            </label>
            <input id="site-search-q" name="q" type="search" autocomplete="off" node_ref=input />
            <button type="submit" class="button button-light" data-testid="site-search-submit">
                {tr(|t| t.filter_submit)}
            </button>
        </form>
    }
}
