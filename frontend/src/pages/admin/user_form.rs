//! The create-user form: e-mail, name, role, organisation (members only)
//! and an initial password.

use cecop_shared::{CreateUserRequest, Role, Slug};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::admin::create_user;
use crate::api::members::list_organisations;
use crate::components::form_alert::{FieldMessage, FormAlert, error_text};
use crate::components::organisation_select::OrganisationSelect;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::pages::account::page::role_label;
use crate::session::use_session;

/// The form; `on_created` runs after a user is created.
#[component]
pub fn UserForm(on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Member.as_str().to_owned());
    let organisation = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let organisations = LocalResource::new(list_organisations);
    let options =
        Signal::derive(move || organisations.get().and_then(Result::ok).unwrap_or_default());
    let field = move |name: &'static str| {
        Signal::derive(move || {
            error.with(|e| {
                e.as_ref().and_then(|e| match e {
                    // A taken e-mail is a conflict, about the e-mail field.
                    ApiError::Problem(p) if p.status == 409 && name == "email" => {
                        Some(p.detail.clone().unwrap_or_else(|| p.title.clone()))
                    }
                    _ => e.field_message(name, i18n.lang().code()),
                })
            })
        })
    };
    let email_error = field("email");
    let name_error = field("display_name");
    let org_error = field("organisation");
    let password_error = field("password");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let role_value = role.get_untracked().parse::<Role>().unwrap_or(Role::Member);
        let request = CreateUserRequest {
            email: email.get_untracked().trim().to_owned(),
            display_name: name.get_untracked().trim().to_owned(),
            role: role_value,
            organisation: organisation.get_untracked().parse::<Slug>().ok(),
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
                    email.set(String::new());
                    name.set(String::new());
                    password.set(String::new());
                    on_created.run(());
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let role_option = move |r: Role| {
        view! { <option value=r.as_str()>{move || role_label(t(), r)}</option> }
    };
    view! {
        <section aria-labelledby="user-form-heading">
            <h2 id="user-form-heading">{tr(|t| t.user_form_heading)}</h2>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="user-error" message />
                <div role="status" class="form-success">
                    {move || created.get().map(|email| view! { <p>{(t().user_created)(&email)}</p> })}
                </div>
                <TextField
                    id="user-email"
                    label=|t| t.field_email
                    value=email
                    input_type="email"
                    autocomplete="off"
                    error=email_error
                />
                <TextField
                    id="user-name"
                    label=|t| t.field_display_name
                    value=name
                    maxlength=100
                    error=name_error
                />
                <label for="user-role">{tr(|t| t.field_role)}</label>
                <select
                    id="user-role"
                    prop:value=move || role.get()
                    on:change=move |ev| role.set(event_target_value(&ev))
                >
                    {role_option(Role::Member)}
                    {role_option(Role::Editor)}
                    {role_option(Role::Admin)}
                </select>
                <OrganisationSelect
                    id="user-organisation"
                    options
                    value=organisation
                    describedby="user-organisation-hint user-organisation-error"
                />
                <p id="user-organisation-hint" class="hint">{tr(|t| t.user_organisation_hint)}</p>
                <FieldMessage id="user-organisation-error" message=org_error />
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
