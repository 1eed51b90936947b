//! A two-step action for what cannot be undone (deleting a user, revoking a
//! token): the button only asks; a question with a confirming and a cancel
//! button takes its place, and only the confirming button acts. Every text
//! names the thing acted on, so that buttons repeated down a table stay
//! distinguishable to screen readers (WCAG 2.4.6, 4.1.2).

use leptos::prelude::*;

use crate::components::data_table::Text;
use crate::i18n::{Strings, tr, use_i18n};

/// A translated sentence about a named thing ("Delete “Ana” for good?").
pub type NamedText = fn(&'static Strings) -> fn(&str) -> String;

/// The button, or the question that replaces it once pressed.
#[component]
pub fn ConfirmButton(
    /// What is acted on, as the texts name it.
    name: String,
    /// What the button says ("Delete").
    label: Text,
    /// The button's accessible name, with the name ("Delete Ana").
    named: NamedText,
    /// The question asked before acting.
    question: NamedText,
    /// What the confirming button says ("Yes, delete").
    confirm: Text,
    /// The button's `data-testid`; the confirming button's is `{testid}-confirm`.
    testid: &'static str,
    /// Runs when the action is confirmed. The question stays until the
    /// caller redraws (after a failure, the user can confirm again).
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = StoredValue::new(name);
    let asking = RwSignal::new(false);
    let confirm_testid = format!("{testid}-confirm");
    move || {
        if asking.get() {
            view! {
                <span class="confirm">
                    {move || question(i18n.t())(&name.read_value())}
                    " "
                    <button
                        type="button"
                        class="button danger"
                        data-testid=confirm_testid.clone()
                        on:click=move |_| on_confirm.run(())
                    >
                        {tr(confirm)}
                    </button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                        {tr(|t| t.cancel)}
                    </button>
                </span>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    class="button secondary"
                    data-testid=testid
                    aria-label=move || named(i18n.t())(&name.read_value())
                    on:click=move |_| asking.set(true)
                >
                    {tr(label)}
                </button>
            }
            .into_any()
        }
    }
}
