//! `/accept-invitation#token=…`: the invitee chooses a password; the
//! account is created and signed in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use super::recovery::take_fragment_token;
use crate::api::ApiError;
use crate::api::auth::accept_invitation;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::page_head::page_title;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let navigate = use_navigate();
    let token = StoredValue::new(take_fragment_token());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let token_error = field_error(error, "token");
    let token_refused =
        Signal::derive(move || token.with_value(String::is_empty) || token_error.get().is_some());
    let password_error = field_error(error, "password");
    let message = Signal::derive(move || {
        if token_refused.get() {
            return Some(t().identity.invitation_invalid.to_owned());
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
            let secret = password.get_untracked();
            let outcome = match accept_invitation(&token.get_value(), &secret).await {
                Ok(account) => session
                    .login(account.email.as_str(), &secret)
                    .await
                    .map(drop),
                Err(err) => Err(err),
            };
            busy.set(false);
            match outcome {
                Ok(()) => navigate("/account", Default::default()),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <Title text=move || page_title(t().identity.invitation_title) />
        <div class="wrap page narrow">
            <h1>{tr(|t| t.identity.invitation_title)}</h1>
            <p>{tr(|t| t.identity.invitation_intro)}</p>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="invitation-error" message />
                <TextField
                    id="invitation-password"
                    label=|t| t.field_password
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
                    data-testid="invitation-submit"
                    disabled=move || busy.get() || token_refused.get()
                >
                    {tr(|t| t.identity.invitation_submit)}
                </button>
            </form>
        </div>
    }
}
