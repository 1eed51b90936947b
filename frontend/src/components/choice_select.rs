//! A labelled menu over one of the shared enums (a kind, a theme), as the
//! filter forms use it: picking an option reports the value, and the menu
//! follows the URL when back/forward changes it.

use std::fmt::Display;
use std::str::FromStr;

use leptos::prelude::*;

use crate::components::data_table::Text;
use crate::i18n::{Strings, use_i18n};

/// `<label>` and `<select>` for a choice among `choices`.
#[component]
pub fn ChoiceSelect<E>(
    /// The menu's id (its label points at it).
    id: &'static str,
    /// The visible label.
    label: Text,
    /// The empty choice ("All kinds"); without it a value is always chosen.
    #[prop(optional_no_strip)]
    all: Option<Text>,
    /// The values offered, in menu order.
    choices: &'static [E],
    /// The words for a value.
    name: fn(&Strings, E) -> &'static str,
    /// The value the URL holds.
    #[prop(into)]
    selected: Signal<Option<E>>,
    /// Runs with the value picked.
    on_change: Callback<Option<E>>,
) -> impl IntoView
where
    E: Copy + PartialEq + Display + FromStr + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let t = move || i18n.t();
    let options = choices
        .iter()
        .map(|&choice| {
            view! {
                // prop:selected, not the attribute: the attribute stops
                // working once the user has picked an option.
                <option value=choice.to_string() prop:selected=move || selected.get() == Some(choice)>
                    {move || name(t(), choice)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{move || label(t())}</label>
            <select
                id=id
                on:change=move |ev| on_change.run(event_target_value(&ev).parse::<E>().ok())
            >
                {all
                    .map(|all| {
                        view! {
                            <option value="" prop:selected=move || selected.get().is_none()>
                                {move || all(t())}
                            </option>
                        }
                    })}
                {options}
            </select>
        </div>
    }
}
