//! A forgotten password: `/forgot-password` asks for a link by e-mail, and
//! `/reset-password#token=…` (the link) sets the new password. The token
//! travels in the fragment, which browsers send to no server, and is taken
//! out of the address bar as soon as the page has read it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::ApiError;
use crate::api::auth::{confirm_password_reset, request_password_reset};
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::page_head::page_title;
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

/// `/forgot-password`: the address to send a link to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        sent.set(false);
        spawn_local(async move {
            let outcome = request_password_reset(email.get_untracked().trim()).await;
            busy.set(false);
            match outcome {
                Ok(()) => sent.set(true),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <Title text=move || page_title(t().identity.forgot_title) />
        <div class="wrap page narrow">
            <h1>{tr(|t| t.identity.forgot_title)}</h1>
            <p>{tr(|t| t.identity.forgot_intro)}</p>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="forgot-error" message />
                <div role="status" class="form-success" data-testid="forgot-sent">
                    {move || sent.get().then(|| view! { <p>{move || t().identity.forgot_sent}</p> })}
                </div>
                <TextField
                    id="forgot-email"
                    label=|t| t.field_email
                    value=email
                    input_type="email"
                    name="email"
                    autocomplete="username"
                    required=true
                />
                <button type="submit" class="button" data-testid="forgot-submit" disabled=move || busy.get()>
                    {tr(|t| t.identity.forgot_submit)}
                </button>
            </form>
        </div>
    }
}

/// `/reset-password#token=…`: the new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
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
    let password_error = field_error(error, "new_password");
    let message = Signal::derive(move || {
        if token_refused.get() {
            return Some(t().identity.reset_invalid.to_owned());
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
            let outcome =
                confirm_password_reset(&token.get_value(), &password.get_untracked()).await;
            busy.set(false);
            match outcome {
                Ok(()) => navigate("/login?reset=1", Default::default()),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <Title text=move || page_title(t().identity.reset_title) />
        <div class="wrap page narrow">
            <h1>{tr(|t| t.identity.reset_title)}</h1>
            <p>{tr(|t| t.identity.reset_intro)}</p>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="reset-error" message />
                {move || token_refused.get().then(|| view! {
                    <p><A href="/forgot-password">{move || t().identity.ask_new_link}</A></p>
                })}
                <TextField
                    id="reset-password"
                    label=|t| t.field_new_password
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
                    data-testid="reset-submit"
                    disabled=move || busy.get() || token_refused.get()
                >
                    {tr(|t| t.identity.reset_submit)}
                </button>
            </form>
        </div>
    }
}
