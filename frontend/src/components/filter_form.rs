//! The filter form above a list: a search landmark holding the list's menus
//! (as children) and a search box that searches after a pause in typing or
//! on submit, plus a "clear all filters" link while any filter is set.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use crate::components::data_table::Text;
use crate::i18n::{tr, use_i18n};
use crate::query::normalise_search;

/// How long typing must pause before the search runs.
const SEARCH_DELAY: Duration = Duration::from_millis(400);

/// A labelled search landmark; every control has a visible label (WCAG 1.3.1, 3.3.2).
#[component]
pub fn FilterForm(
    /// The landmark's name ("Filter news").
    label: Text,
    /// The search box's label.
    search_label: Text,
    /// The search box's placeholder.
    search_hint: Text,
    /// The search words the URL holds.
    #[prop(into)]
    q: Signal<Option<String>>,
    /// Runs with the words typed (`None` once cleared).
    on_search: Callback<Option<String>>,
    /// Where "Clear all filters" leads; no link while this is `None`.
    #[prop(optional, into)]
    clear_href: MaybeProp<String>,
    /// The search box before the menus (where the words are the point).
    #[prop(optional)]
    search_first: bool,
    /// The menus.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let mut search_soon = debounce(SEARCH_DELAY, move |q: String| {
        on_search.run(normalise_search(&q));
    });
    let input = NodeRef::<html::Input>::new();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = input.get() {
            on_search.run(normalise_search(&input.value()));
        }
    };
    let field = view! {
        <div class="field field-search">
            <label for="filter-q">{move || search_label(t())}</label>
            <div class="search-row">
                <input
                    id="filter-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    node_ref=input
                    placeholder=move || search_hint(t())
                    prop:value=move || q.get().unwrap_or_default()
                    on:input=move |ev| search_soon(event_target_value(&ev))
                />
                <button type="submit" class="button">
                    {tr(|t| t.filter_submit)}
                </button>
            </div>
        </div>
    }
    .into_any();
    // The visual order is the reading and tab order (WCAG 1.3.2, 2.4.3).
    let (before, after) = if search_first {
        (Some(field), None)
    } else {
        (None, Some(field))
    };
    view! {
        <form class="filters" role="search" aria-label=move || label(t()) on:submit=on_submit>
            {before}
            {children()}
            {after}
        </form>
        {move || {
            clear_href
                .get()
                .map(|href| {
                    view! {
                        <p class="clear-filters">
                            <a href=href>{tr(|t| t.filter_clear)}</a>
                        </p>
                    }
                })
        }}
    }
}
