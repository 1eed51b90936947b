//! The change-password form. The server ends every session of the user on
//! success, so the form then sends the user to sign in again.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api::ApiError;
use crate::api::account::change_password;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

/// Current and new password, with the server's per-field messages.
#[component]
pub fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let navigate = use_navigate();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let field = move |name: &'static str| field_error(error, name);
    let current_error = field("current_password");
    let new_error = field("new_password");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
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
                change_password(session, &current.get_untracked(), &new.get_untracked()).await;
            busy.set(false);
            match outcome {
                // The login page explains why, and forgets the old tokens.
                Ok(()) => navigate("/login?changed=1", Default::default()),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <section aria-labelledby="password-heading">
            <h2 id="password-heading">{tr(|t| t.password_heading)}</h2>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="password-error" message />
                <TextField
                    id="current-password"
                    label=|t| t.field_current_password
                    value=current
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                    error=current_error
                />
                <TextField
                    id="new-password"
                    label=|t| t.field_new_password
                    value=new
                    input_type="password"
                    autocomplete="new-password"
                    required=true
                    minlength=12
                    hint=|t| t.new_password_hint
                    error=new_error
                />
                <button
                    type="submit"
                    class="button"
                    data-testid="password-submit"
                    disabled=move || busy.get()
                >
                    {tr(|t| t.password_submit)}
                </button>
            </form>
        </section>
    }
}
