//! The directory's filter form: country, kind and a name search. Every change
//! becomes a navigation to the matching URL (see `query`), and any change of
//! filter starts again from page 1.

use std::time::Duration;

use cecop_shared::{CountryCode, MemberKind};
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::api::members::MemberFilter;
use crate::components::member_card::kind_label;
use crate::i18n::use_i18n;
use crate::intl;
use crate::pages::members::query::{members_href, normalise_search};

/// How long typing must pause before the search runs.
const SEARCH_DELAY: Duration = Duration::from_millis(400);

/// A search landmark with a visible label on every control (WCAG 1.3.1, 3.3.2).
#[component]
pub fn MemberFilters(
    /// The filter the URL currently asks for.
    filter: Memo<MemberFilter>,
    /// The countries that have members (empty until known).
    countries: Signal<Vec<CountryCode>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let navigate = use_navigate();
    // Navigates to `change(current filter)` on page 1, unless that is where we are.
    let apply = move |change: &dyn Fn(&mut MemberFilter)| {
        let current = filter.get_untracked();
        let mut next = MemberFilter {
            page: 1,
            ..current.clone()
        };
        change(&mut next);
        if next != current {
            // Filtering keeps the reader where they are on the page.
            navigate(
                &members_href(&next),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let search = {
        let apply = apply.clone();
        move |q: String| apply(&|f| f.q = normalise_search(&q))
    };
    let mut search_soon = debounce(SEARCH_DELAY, search.clone());
    let q_input = NodeRef::<html::Input>::new();

    let on_country = {
        let apply = apply.clone();
        move |ev| {
            let country = event_target_value(&ev).parse::<CountryCode>().ok();
            apply(&|f| f.country = country);
        }
    };
    let on_kind = move |ev| {
        let kind = event_target_value(&ev).parse::<MemberKind>().ok();
        apply(&|f| f.kind = kind);
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if let Some(input) = q_input.get() {
            search(input.value());
        }
    };

    // Country names sorted in the current language; a country asked for in the
    // URL stays listed even before (or without) the overview.
    let country_options = move || {
        let lang = i18n.lang();
        let mut codes = countries.get();
        if let Some(selected) = filter.read().country
            && !codes.contains(&selected)
        {
            codes.push(selected);
        }
        let mut named: Vec<(String, CountryCode)> = codes
            .into_iter()
            .map(|code| (intl::country_name(lang, code), code))
            .collect();
        named.sort_by(|(a, _), (b, _)| intl::compare(lang, a, b));
        named
            .into_iter()
            .map(|(name, code)| {
                view! {
                    // prop:selected, not the attribute: the attribute stops
                    // working once the user has picked an option, and the
                    // menu must follow back/forward navigation.
                    <option
                        value=code.as_str().to_owned()
                        prop:selected=move || filter.read().country == Some(code)
                    >
                        {name}
                    </option>
                }
            })
            .collect_view()
    };
    let kind_options = move || {
        MemberKind::ALL
            .iter()
            .map(|&kind| {
                view! {
                    <option value=kind.as_str() prop:selected=move || filter.read().kind == Some(kind)>
                        {move || kind_label(t(), kind)}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <form class="filters" role="search" aria-label=move || t().filters_label on:submit=on_submit>
            <div class="field">
                <label for="filter-country">{move || t().filter_country}</label>
                <select id="filter-country" name="country" on:change=on_country>
                    <option value="" prop:selected=move || filter.read().country.is_none()>
                        {move || t().filter_all_countries}
                    </option>
                    {country_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-kind">{move || t().filter_kind}</label>
                <select id="filter-kind" name="kind" on:change=on_kind>
                    <option value="" prop:selected=move || filter.read().kind.is_none()>
                        {move || t().filter_all_kinds}
                    </option>
                    {kind_options}
                </select>
            </div>
            <div class="field field-search">
                <label for="filter-q">{move || t().filter_search}</label>
                <div class="search-row">
                    <input
                        id="filter-q"
                        name="q"
                        type="search"
                        autocomplete="off"
                        node_ref=q_input
                        placeholder=move || t().filter_search_hint
                        prop:value=move || filter.read().q.clone().unwrap_or_default()
                        on:input=move |ev| search_soon(event_target_value(&ev))
                    />
                    <button type="submit" class="button">
                        {move || t().filter_submit}
                    </button>
                </div>
            </div>
        </form>
        {move || {
            let active = filter.with(|f| f.country.is_some() || f.kind.is_some() || f.q.is_some());
            active
                .then(|| {
                    view! {
                        <p class="clear-filters">
                            <a href="/members">{move || t().filter_clear}</a>
                        </p>
                    }
                })
        }}
    }
}
