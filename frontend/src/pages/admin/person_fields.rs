//! The fields that name a person and what they may do — e-mail, display
//! name, role, organisation (member users only) — shared by the
//! create-user form and the invitation form, with the server's per-field
//! messages (a taken e-mail address, a 409, shown at the e-mail field).

use cecop_shared::{Role, Slug};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::members::list_organisations;
use crate::components::form_alert::FieldMessage;
use crate::components::organisation_select::OrganisationSelect;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::pages::account::page::role_label;

/// The element ids of one form's fields.
#[derive(Debug)]
pub struct PersonIds {
    pub email: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub organisation: &'static str,
    pub organisation_hint: &'static str,
    pub organisation_error: &'static str,
    /// `organisation_hint organisation_error`, for `aria-describedby`.
    pub organisation_described_by: &'static str,
}

/// The values typed in, as signals.
#[derive(Debug, Clone, Copy)]
pub struct PersonInput {
    pub email: RwSignal<String>,
    pub name: RwSignal<String>,
    role: RwSignal<String>,
    organisation: RwSignal<String>,
}

impl PersonInput {
    /// Empty fields, the role set to member.
    pub fn new() -> Self {
        Self {
            email: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            role: RwSignal::new(Role::Member.as_str().to_owned()),
            organisation: RwSignal::new(String::new()),
        }
    }

    /// The e-mail address, trimmed.
    pub fn email(self) -> String {
        self.email.get_untracked().trim().to_owned()
    }

    /// The display name, trimmed.
    pub fn display_name(self) -> String {
        self.name.get_untracked().trim().to_owned()
    }

    pub fn role(self) -> Role {
        self.role.get_untracked().parse().unwrap_or(Role::Member)
    }

    /// The organisation chosen, if any.
    pub fn organisation(self) -> Option<Slug> {
        self.organisation.get_untracked().parse().ok()
    }

    /// Empties the e-mail and name once the form's work is done.
    pub fn clear_person(self) {
        self.email.set(String::new());
        self.name.set(String::new());
    }
}

/// E-mail, display name, role and organisation.
#[component]
pub fn PersonFields(
    ids: &'static PersonIds,
    input: PersonInput,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
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
    let role_option = move |r: Role| {
        view! { <option value=r.as_str()>{move || role_label(t(), r)}</option> }
    };
    let PersonInput {
        email,
        name,
        role,
        organisation,
    } = input;
    view! {
        <TextField
            id=ids.email
            label=|t| t.field_email
            value=email
            input_type="email"
            autocomplete="off"
            error=field("email")
        />
        <TextField
            id=ids.name
            label=|t| t.field_display_name
            value=name
            maxlength=100
            error=field("display_name")
        />
        <label for=ids.role>{tr(|t| t.field_role)}</label>
        <select
            id=ids.role
            prop:value=move || role.get()
            on:change=move |ev| role.set(event_target_value(&ev))
        >
            {role_option(Role::Member)}
            {role_option(Role::Editor)}
            {role_option(Role::Admin)}
        </select>
        <OrganisationSelect
            id=ids.organisation
            options
            value=organisation
            describedby=ids.organisation_described_by
        />
        <p id=ids.organisation_hint class="hint">{tr(|t| t.user_organisation_hint)}</p>
        <FieldMessage id=ids.organisation_error message=field("organisation") />
    }
}
