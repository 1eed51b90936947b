//! A forgotten password: `/forgot-password` asks for a link by e-mail, and
//! `/reset-password#token=…` (the link) sets the new password. The token
//! travels in the fragment, which browsers send to no server, and is taken
//! out of the address bar as soon as the page has read it
//! ([`TokenPasswordForm`]).

use super::token_password::TokenPasswordForm;
use crate::api::ApiError;
use crate::api::auth::{confirm_password_reset, request_password_reset};
use crate::components::form_alert::{FormAlert, error_text};
use crate::components::page_head::page_title;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;

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
    let reset = move |token: String, password: String| async move {
        confirm_password_reset(&token, &password).await
    };
    view! {
        <Title text=move || page_title(t().identity.reset_title) />
        <div class="wrap page narrow">
            <h1>{tr(|t| t.identity.reset_title)}</h1>
            <p>{tr(|t| t.identity.reset_intro)}</p>
            <TokenPasswordForm
                field_id="reset-password"
                alert_id="reset-error"
                submit_testid="reset-submit"
                password_field="new_password"
                label=|t| t.field_new_password
                refused=|t| t.identity.reset_invalid
                new_link=true
                submit_label=|t| t.identity.reset_submit
                done="/login?reset=1"
                submit=reset
            />
        </div>
    }
}
