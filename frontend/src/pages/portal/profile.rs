//! `/portal/profile`: a member user edits their organisation's public
//! profile (description, website, public contact). The server validates;
//! its per-field messages appear under the fields.

use cecop_shared::{Member, ProfileUpdate, Role};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::api::portal::{get_my_organisation, update_my_organisation};
use crate::components::error_view::ErrorView;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    view! {
        <Title text=move || page_title(t().my_profile_title) />
        <RequireRole roles=&[Role::Member]>
            <ProfileContent />
        </RequireRole>
    }
}

/// Loads the organisation, then shows the form.
#[component]
fn ProfileContent() -> impl IntoView {
    let session = use_session();
    let member = LocalResource::new(move || get_my_organisation(session));
    let retry = Callback::new(move |()| member.refetch());
    let body = move || {
        Suspend::new(async move {
            match member.await {
                Ok(member) => view! { <ProfileForm member /> }.into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page narrow">
            <h1>{tr(|t| t.my_profile_heading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </div>
    }
}

/// The form, filled in with the organisation's current profile.
#[component]
fn ProfileForm(member: Member) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let description = RwSignal::new(member.description);
    let website = RwSignal::new(member.website.unwrap_or_default());
    let contact = RwSignal::new(member.public_contact.unwrap_or_default());
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let field = move |name: &'static str| field_error(error, name);
    let description_error = field("description");
    let website_error = field("website");
    let contact_error = field("public_contact");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let optional = |text: String| {
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let update = ProfileUpdate {
            description: description.get_untracked(),
            website: optional(website.get_untracked()),
            public_contact: optional(contact.get_untracked()),
        };
        busy.set(true);
        saved.set(false);
        error.set(None);
        spawn_local(async move {
            let outcome = update_my_organisation(session, &update).await;
            busy.set(false);
            match outcome {
                Ok(_) => saved.set(true),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let href = format!("/members/{}", member.slug);
    view! {
        <p class="intro">
            {tr(|t| t.my_profile_intro)}
            " "
            <a href=href>{member.name}</a>
        </p>
        <form class="stack-form" on:submit=on_submit novalidate>
            <FormAlert id="profile-error" message />
            <div role="status" class="form-success">
                {move || {
                    saved
                        .get()
                        .then(|| view! { <p data-testid="profile-saved">{t().profile_saved}</p> })
                }}
            </div>
            <TextField
                id="profile-description"
                label=|t| t.profile_about
                value=description
                rows=8
                maxlength=2000
                hint=|t| t.description_hint
                error=description_error
            />
            <TextField
                id="profile-website"
                label=|t| t.field_website
                value=website
                input_type="url"
                autocomplete="url"
                hint=|t| t.website_hint
                error=website_error
            />
            <TextField
                id="profile-contact"
                label=|t| t.field_public_contact
                value=contact
                maxlength=200
                hint=|t| t.contact_hint
                error=contact_error
            />
            <button
                type="submit"
                class="button"
                data-testid="profile-save"
                disabled=move || busy.get()
            >
                {tr(|t| t.profile_save)}
            </button>
        </form>
    }
}
