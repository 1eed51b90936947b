//! A labelled menu of member organisations, for the token and user forms.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};

/// `<select>` of organisations; the empty value is `none_label` (when given).
#[component]
pub fn OrganisationSelect(
    id: &'static str,
    /// The organisations, as (slug, name).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The chosen slug, "" for none.
    value: RwSignal<String>,
    /// What the empty choice says; without it the empty choice asks to pick one.
    #[prop(optional)]
    none_label: Option<fn(&'static crate::i18n::Strings) -> &'static str>,
    /// Ids of the messages that describe the menu.
    #[prop(optional)]
    describedby: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <label for=id>{tr(|t| t.field_organisation)}</label>
        <select
            id=id
            aria-describedby=describedby
            on:change=move |ev| value.set(event_target_value(&ev))
            prop:value=move || value.get()
        >
            <option value="">
                {move || none_label.map_or(t().choose_organisation, |label| label(t()))}
            </option>
            <For
                each=move || options.get()
                key=|(slug, _)| slug.clone()
                children=move |(slug, name)| {
                    let selected = {
                        let slug = slug.clone();
                        move || value.get() == slug
                    };
                    view! {
                        <option value=slug selected=selected>
                            {name}
                        </option>
                    }
                }
            />
        </select>
    }
}
