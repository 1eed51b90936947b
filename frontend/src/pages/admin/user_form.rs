//! The create-user form: e-mail, name, role, organisation (members only)
//! and an initial password.

use cecop_shared::CreateUserRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::admin::create_user;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::pages::admin::person_fields::{PersonFields, PersonIds, PersonInput};
use crate::session::use_session;

const IDS: PersonIds = PersonIds {
    email: "user-email",
    name: "user-name",
    role: "user-role",
    organisation: "user-organisation",
    organisation_hint: "user-organisation-hint",
    organisation_error: "user-organisation-error",
    organisation_described_by: "user-organisation-hint user-organisation-error",
};

/// The form; `on_created` runs after a user is created.
#[component]
pub fn UserForm(on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let person = PersonInput::new();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let password_error = field_error(error, "password");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = CreateUserRequest {
            email: person.email(),
            display_name: person.display_name(),
            role: person.role(),
            organisation: person.organisation(),
            password: password.get_untracked(),
        };
        busy.set(true);
        error.set(None);
        created.set(None);
        spawn_local(async move {
            let outcome = create_user(session, &request).await;
            busy.set(false);
            match outcome {
                Ok(user) => {
                    created.set(Some(user.email.to_string()));
                    person.clear_person();
                    password.set(String::new());
                    on_created.run(());
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <section aria-labelledby="user-form-heading">
            <h2 id="user-form-heading">{tr(|t| t.user_form_heading)}</h2>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="user-error" message />
                <div role="status" class="form-success">
                    {move || created.get().map(|email| view! { <p>{(t().user_created)(&email)}</p> })}
                </div>
                <PersonFields ids=&IDS input=person error />
                <TextField
                    id="user-password"
                    label=|t| t.field_initial_password
                    value=password
                    input_type="password"
                    autocomplete="new-password"
                    hint=|t| t.new_password_hint
                    error=password_error
                />
                <button type="submit" class="button" data-testid="user-create" disabled=move || busy.get()>
                    {tr(|t| t.user_create)}
                </button>
            </form>
        </section>
    }
}
