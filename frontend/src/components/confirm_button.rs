//! A two-step action for what cannot be undone or taken back at once
//! (deleting a user, revoking a token, submitting a return): the button only
//! asks; a question with a confirming and a cancel button takes its place,
//! and only the confirming button acts. Every text names the thing acted on,
//! so that buttons repeated down a table stay distinguishable to screen
//! readers (WCAG 2.4.6, 4.1.2).
//!
//! Focus follows the swap (WCAG 2.4.3): the button that had it is gone, so
//! it moves to the question's cancel button — the harmless choice, inside a
//! group named by the question, so a screen reader reads the question — and
//! back to the asking button on cancel. It never moves on first render.

use leptos::html;
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
    /// The confirming button's classes: destructive by default.
    #[prop(default = "button danger")]
    confirm_class: &'static str,
    /// While true, the asking button cannot be pressed (work in progress).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = StoredValue::new(name);
    let asking = RwSignal::new(false);
    let confirm_testid = format!("{testid}-confirm");
    let ask_button = NodeRef::<html::Button>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    // Set when the question closes by the user's choice, so only then does
    // the asking button take the focus back as it reappears.
    let focus_back = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(cancel) = cancel_button.get() {
            cancel.focus().ok();
        }
    });
    Effect::new(move |_| {
        if let Some(ask) = ask_button.get()
            && focus_back.get_value()
        {
            focus_back.set_value(false);
            ask.focus().ok();
        }
    });
    move || {
        if asking.get() {
            view! {
                <span
                    class="confirm"
                    role="group"
                    aria-label=move || question(i18n.t())(&name.read_value())
                >
                    {move || question(i18n.t())(&name.read_value())}
                    " "
                    <button
                        type="button"
                        class=confirm_class
                        data-testid=confirm_testid.clone()
                        on:click=move |_| on_confirm.run(())
                    >
                        {tr(confirm)}
                    </button>
                    " "
                    <button
                        type="button"
                        class="button secondary"
                        data-testid=format!("{testid}-cancel")
                        node_ref=cancel_button
                        on:click=move |_| {
                            focus_back.set_value(true);
                            asking.set(false);
                        }
                    >
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
                    node_ref=ask_button
                    disabled=move || disabled.get()
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
