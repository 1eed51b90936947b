//! The dashboard's two menus: the year (among the published ones) and the
//! indicator (the API's catalogue, named in the interface language, with
//! its definition under the menu). Choosing navigates, so the URL holds
//! the choice.

use cecop_shared::Indicator;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::api::statistics::list_indicators;
use crate::i18n::{tr, use_i18n};
use crate::pages::data::query::DataQuery;

/// A group of two labelled menus (WCAG 1.3.1, 3.3.2).
#[component]
pub fn DataPickers(
    /// The published years, newest first.
    published: Vec<i32>,
    query: Memo<DataQuery>,
    /// The year and indicator shown (the URL's, or the defaults).
    year: Memo<i32>,
    indicator: Memo<Indicator>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let navigate = use_navigate();
    let catalogue = LocalResource::new(move || list_indicators(i18n.lang()));
    let go = move |next: DataQuery| {
        if next != query.get_untracked() {
            navigate(
                &next.href(),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let go_year = go.clone();
    let on_year = move |ev| {
        if let Ok(chosen) = event_target_value(&ev).parse::<i32>() {
            go_year(DataQuery {
                year: Some(chosen),
                ..query.get_untracked()
            });
        }
    };
    let on_indicator = move |ev| {
        if let Ok(chosen) = event_target_value(&ev).parse::<Indicator>() {
            go(DataQuery {
                indicator: Some(chosen),
                ..query.get_untracked()
            });
        }
    };
    // A year typed into the address that is not published is still listed,
    // so the menu shows what the page shows.
    let years = move || {
        let mut years = published.clone();
        if !years.contains(&year.get()) {
            years.insert(0, year.get());
        }
        years
            .into_iter()
            .map(|y| {
                view! {
                    <option value=y.to_string() prop:selected=move || year.get() == y>
                        {y}
                    </option>
                }
            })
            .collect_view()
    };
    // The catalogue's names; the shared ones while it loads or if it fails
    // (they are the same words).
    let entries = move || {
        let lang = i18n.lang();
        match catalogue.get() {
            Some(Ok(list)) => list
                .into_iter()
                .map(|info| (info.indicator, info.name, Some(info.description)))
                .collect::<Vec<_>>(),
            _ => Indicator::ALL
                .iter()
                .map(|&i| (i, i.name(lang.code()).to_owned(), None))
                .collect(),
        }
    };
    let options = move || {
        entries()
            .into_iter()
            .map(|(value, name, _)| {
                view! {
                    <option value=value.as_str() prop:selected=move || indicator.get() == value>
                        {name}
                    </option>
                }
            })
            .collect_view()
    };
    let definition = move || {
        let chosen = indicator.get();
        entries()
            .into_iter()
            .find(|(i, _, _)| *i == chosen)
            .and_then(|(_, _, description)| description)
    };
    view! {
        <div class="filters data-pickers" role="group" aria-label=tr(|t| t.data.pickers_label)>
            <div class="field">
                <label for="data-year">{tr(|t| t.data.field_year)}</label>
                <select id="data-year" on:change=on_year>
                    {years}
                </select>
            </div>
            <div class="field field-wide">
                <label for="data-indicator">{tr(|t| t.data.field_indicator)}</label>
                <select id="data-indicator" aria-describedby="data-indicator-definition" on:change=on_indicator>
                    {options}
                </select>
                // Definitions come from the catalogue in the UI language.
                <p id="data-indicator-definition" class="hint">
                    {move || {
                        definition()
                            .map(|text| {
                                view! {
                                    {t().data.indicator_definition}
                                    " "
                                    {text}
                                }
                            })
                    }}
                </p>
            </div>
        </div>
    }
}
