//! The event list's controls: the Upcoming / Past tabs (links, so each is
//! an address of its own) and the filter form (kind and a text search).

use cecop_shared::EventKind;
use leptos::prelude::*;

use crate::components::choice_select::ChoiceSelect;
use crate::components::filter_form::FilterForm;
use crate::i18n::use_i18n;
use crate::pages::events::query::EventsQuery;
use crate::query::{ListQuery, use_apply};

/// Two links; the one showing marked `aria-current` (WCAG 1.3.1, 4.1.2).
#[component]
pub fn WhenTabs(query: Memo<EventsQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    let tab = move |upcoming: bool, words: fn(&crate::i18n::Strings) -> &'static str| {
        let current = move || (query.read().0.upcoming == upcoming).then_some("page");
        view! {
            <li>
                <a href=move || query.read().when(upcoming).href() aria-current=current>
                    {move || words(i18n.t())}
                </a>
            </li>
        }
    };
    view! {
        <nav class="tabs" aria-label=move || p().events_when_label>
            <ul>
                {tab(true, |t| t.publishing.events_upcoming)}
                {tab(false, |t| t.publishing.events_past)}
            </ul>
        </nav>
    }
}

/// The kind menu and the search.
#[component]
pub fn EventFilters(query: Memo<EventsQuery>) -> impl IntoView {
    let apply = use_apply(query);
    let on_search = {
        let apply = apply.clone();
        Callback::new(move |q: Option<String>| apply(&|s| s.0.q = q.clone()))
    };
    let on_kind = Callback::new(move |kind: Option<EventKind>| apply(&|s| s.0.kind = kind));
    view! {
        <FilterForm
            label=|t| t.publishing.events_filters_label
            search_label=|t| t.publishing.events_search
            search_hint=|t| t.publishing.events_search_hint
            q=Signal::derive(move || query.read().0.q.clone())
            on_search
            clear_href=Signal::derive(move || query.read().cleared())
        >
            <ChoiceSelect
                id="filter-kind"
                label=|t| t.publishing.filter_event_kind
                all=Some(|t| t.filter_all_kinds)
                choices=EventKind::ALL
                name=|t, kind| t.publishing.event_kind(kind)
                selected=Signal::derive(move || query.read().0.kind)
                on_change=on_kind
            />
        </FilterForm>
    }
}
