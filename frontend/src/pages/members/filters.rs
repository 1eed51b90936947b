//! The directory's filter form: country, kind and a name search. Every change
//! becomes a navigation to the matching URL (see `query`), and any change of
//! filter starts again from page 1.

use cecop_shared::{CountryCode, MemberKind};
use leptos::prelude::*;

use crate::api::members::MemberFilter;
use crate::components::choice_select::ChoiceSelect;
use crate::components::filter_form::FilterForm;
use crate::components::member_card::kind_label;
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::query::use_apply;

/// The country menu, the kind menu and the name search.
#[component]
pub fn MemberFilters(
    /// The filter the URL currently asks for.
    filter: Memo<MemberFilter>,
    /// The countries that have members (empty until known).
    countries: Signal<Vec<CountryCode>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let apply = use_apply(filter);
    let on_search = {
        let apply = apply.clone();
        Callback::new(move |q: Option<String>| apply(&|f| f.q = q.clone()))
    };
    let on_kind = {
        let apply = apply.clone();
        Callback::new(move |kind: Option<MemberKind>| apply(&|f| f.kind = kind))
    };
    let on_country = move |ev| {
        let country = event_target_value(&ev).parse::<CountryCode>().ok();
        apply(&|f| f.country = country);
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
                    // prop:selected: the menu must follow back/forward navigation.
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
    let filtered = move || {
        filter
            .with(|f| f.country.is_some() || f.kind.is_some() || f.q.is_some())
            .then(|| "/members".to_owned())
    };

    view! {
        <FilterForm
            label=|t| t.filters_label
            search_label=|t| t.filter_search
            search_hint=|t| t.filter_search_hint
            q=Signal::derive(move || filter.read().q.clone())
            on_search
            clear_href=Signal::derive(filtered)
        >
            <div class="field">
                <label for="filter-country">{tr(|t| t.filter_country)}</label>
                <select id="filter-country" name="country" on:change=on_country>
                    <option value="" prop:selected=move || filter.read().country.is_none()>
                        {tr(|t| t.filter_all_countries)}
                    </option>
                    {country_options}
                </select>
            </div>
            <ChoiceSelect
                id="filter-kind"
                label=|t| t.filter_kind
                all=Some(|t| t.filter_all_kinds)
                choices=MemberKind::ALL
                name=kind_label
                selected=Signal::derive(move || filter.read().kind)
                on_change=on_kind
            />
        </FilterForm>
    }
}
