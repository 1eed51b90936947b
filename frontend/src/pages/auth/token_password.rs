//! The form behind an e-mailed link (`/reset-password#token=…`,
//! `/accept-invitation#token=…`): the link's token, read once from the
//! fragment and taken out of the address bar, and the password to choose.
//! A token the server refuses (or none at all) turns the form off and says
//! so; the password's problems show beside it.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::ApiError;
use crate::components::data_table::Text;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};

/// The token of a link's `#token=…`, read once; the fragment is then
/// replaced so the token does not stay on screen or in the history.
pub fn take_fragment_token() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let hash = window.location().hash().unwrap_or_default();
    let token = hash
        .strip_prefix("#token=")
        .unwrap_or_default()
        .chars()
        .take(128)
        .collect::<String>();
    if !token.is_empty()
        && let Ok(history) = window.history()
    {
        let path = window.location().pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    token
}

/// The token and password form; `submit` sends them (token, password) and
/// the app goes to `done` when it succeeds.
#[component]
pub fn TokenPasswordForm<F, Fut>(
    /// The password field's id.
    field_id: &'static str,
    /// The form's alert's id.
    alert_id: &'static str,
    /// The submit button's test id.
    submit_testid: &'static str,
    /// The field the server names the password by (`password`, `new_password`).
    password_field: &'static str,
    /// The password field's label.
    label: Text,
    /// What a refused or missing token means.
    refused: Text,
    /// Offer to ask for a new link when the token is refused.
    #[prop(optional)]
    new_link: bool,
    /// The submit button.
    submit_label: Text,
    /// Where to go once done.
    done: &'static str,
    submit: F,
) -> impl IntoView
where
    F: Fn(String, String) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let i18n = use_i18n();
    let t = move || i18n.t();
    let navigate = use_navigate();
    let token = StoredValue::new(take_fragment_token());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let token_error = field_error(error, "token");
    let token_refused =
        Signal::derive(move || token.with_value(String::is_empty) || token_error.get().is_some());
    let password_error = field_error(error, password_field);
    let message = Signal::derive(move || {
        if token_refused.get() {
            return Some(refused(t()).to_owned());
        }
        error.get().map(|e| error_text(t(), &e))
    });
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let outcome = submit(token.get_value(), password.get_untracked()).await;
            busy.set(false);
            match outcome {
                Ok(()) => navigate(done, Default::default()),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <form class="stack-form" on:submit=on_submit novalidate>
            <FormAlert id=alert_id message />
            {move || (new_link && token_refused.get()).then(|| view! {
                <p><A href="/forgot-password">{move || t().identity.ask_new_link}</A></p>
            })}
            <TextField
                id=field_id
                label=label
                value=password
                input_type="password"
                autocomplete="new-password"
                required=true
                minlength=12
                hint=|t| t.new_password_hint
                error=password_error
            />
            <button
                type="submit"
                class="button"
                data-testid=submit_testid
                disabled=move || busy.get() || token_refused.get()
            >
                {tr(submit_label)}
            </button>
        </form>
    }
}
