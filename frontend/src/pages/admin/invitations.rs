//! Invitations on `/admin/users`: the form that invites someone by e-mail
//! (they choose their own password), and the invitations sent, with where
//! each stands and a withdraw action for those still waiting.

use cecop_shared::{CreateInvitationRequest, Invitation, InvitationStatus, Page, UiLanguage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::admin::{create_invitation, list_invitations, revoke_invitation};
use crate::components::confirm_button::ConfirmButton;
use crate::components::data_table::{DataTable, Text};
use crate::components::error_view::ErrorView;
use crate::components::form_alert::{FormAlert, error_text};
use crate::components::loading::Loading;
use crate::i18n::{tr, use_i18n};
use crate::intl::{date_time, language_name};
use crate::pages::account::page::role_label;
use crate::pages::admin::person_fields::{PersonFields, PersonIds, PersonInput};
use crate::session::use_session;

const COLUMNS: &[Text] = &[
    |s| s.field_email,
    |s| s.field_role,
    |s| s.field_organisation,
    |s| s.identity.col_status,
    |s| s.identity.col_expires,
    |s| s.col_actions,
];

/// The invitations section: list, then form.
#[component]
pub fn Invitations() -> impl IntoView {
    let session = use_session();
    let invitations = LocalResource::new(move || list_invitations(session));
    let refetch = Callback::new(move |()| invitations.refetch());
    let list = move || {
        Suspend::new(async move {
            match invitations.await {
                Ok(page) => invitations_table(page, refetch).into_any(),
                Err(error) => view! { <ErrorView error on_retry=refetch /> }.into_any(),
            }
        })
    };
    view! {
        <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{tr(|t| t.identity.invitations_heading)}</h2>
            <Transition fallback=|| view! { <Loading /> }>{list}</Transition>
        </section>
        <InviteForm on_sent=refetch />
    }
}

fn invitations_table(page: Page<Invitation>, refetch: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    if page.items.is_empty() {
        return view! { <p>{move || t().identity.invitations_empty}</p> }.into_any();
    }
    let rows = page
        .items
        .into_iter()
        .map(|invitation| view! { <InvitationRow invitation on_changed=refetch /> })
        .collect_view();
    view! {
        <DataTable caption=|s| s.identity.invitations_heading columns=COLUMNS>
            {rows}
        </DataTable>
    }
    .into_any()
}

#[component]
fn InvitationRow(invitation: Invitation, on_changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let error = RwSignal::new(None::<ApiError>);
    let Invitation {
        id,
        email,
        role,
        organisation,
        status,
        expires_at,
        ..
    } = invitation;
    let email = email.to_string();
    let withdraw = Callback::new(move |()| {
        spawn_local(async move {
            match revoke_invitation(session, id).await {
                Ok(()) => on_changed.run(()),
                Err(err) => error.set(Some(err)),
            }
        });
    });
    let action = (status == InvitationStatus::Pending).then(|| {
        view! {
            <ConfirmButton
                name=email.clone()
                label=|t| t.identity.withdraw
                named=|t| t.identity.withdraw_named
                question=|t| t.identity.withdraw_question
                confirm=|t| t.identity.withdraw_confirm
                testid="invitation-withdraw"
                on_confirm=withdraw
            />
        }
    });
    view! {
        <tr data-testid="invitation-row">
            <td>{email.clone()}</td>
            <td>{move || role_label(t(), role)}</td>
            <td>{organisation.map(|o| o.to_string()).unwrap_or_default()}</td>
            <td data-testid="invitation-status">{move || t().identity.status(status)}</td>
            <td>{move || date_time(i18n.lang(), &expires_at)}</td>
            <td>
                {action}
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{error_text(t(), &e)}</p> })}
            </td>
        </tr>
    }
}

const IDS: PersonIds = PersonIds {
    email: "invite-email",
    name: "invite-name",
    role: "invite-role",
    organisation: "invite-organisation",
    organisation_hint: "invite-organisation-hint",
    organisation_error: "invite-organisation-error",
    organisation_described_by: "invite-organisation-hint invite-organisation-error",
};

/// The form; `on_sent` runs after an invitation is sent.
#[component]
fn InviteForm(on_sent: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let person = PersonInput::new();
    let language = RwSignal::new(i18n.lang().code().to_owned());
    let error = RwSignal::new(None::<ApiError>);
    let sent = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = CreateInvitationRequest {
            email: person.email(),
            display_name: person.display_name(),
            role: person.role(),
            organisation: person.organisation(),
            language: language.get_untracked().parse::<UiLanguage>().ok(),
        };
        busy.set(true);
        error.set(None);
        sent.set(None);
        spawn_local(async move {
            let outcome = create_invitation(session, &request).await;
            busy.set(false);
            match outcome {
                Ok(invitation) => {
                    sent.set(Some(invitation.email.to_string()));
                    person.clear_person();
                    on_sent.run(());
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let language_options = UiLanguage::ALL
        .iter()
        .map(|&l| view! { <option value=l.as_str()>{language_name(l.as_str(), l.as_str())}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{tr(|t| t.identity.invite_heading)}</h2>
            <p>{tr(|t| t.identity.invite_intro)}</p>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="invite-error" message />
                <div role="status" class="form-success" data-testid="invite-sent">
                    {move || sent.get().map(|email| view! { <p>{(t().identity.invite_sent)(&email)}</p> })}
                </div>
                <PersonFields ids=&IDS input=person error />
                <label for="invite-language">{tr(|t| t.identity.field_language)}</label>
                <select
                    id="invite-language"
                    prop:value=move || language.get()
                    on:change=move |ev| language.set(event_target_value(&ev))
                >
                    {language_options}
                </select>
                <button type="submit" class="button" data-testid="invite-submit" disabled=move || busy.get()>
                    {tr(|t| t.identity.invite_submit)}
                </button>
            </form>
        </section>
    }
}
