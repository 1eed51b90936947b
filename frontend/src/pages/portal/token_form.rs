//! The create-token form: name, scopes, days until expiry and, for admins,
//! the organisation the token acts for (or none: an integrator token).

use cecop_shared::{CreateTokenRequest, CreatedApiToken, Role, Scope, Slug};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::members::list_organisations;
use crate::api::portal::create_token;
use crate::components::form_alert::{FieldMessage, FormAlert, error_text, field_error};
use crate::components::organisation_select::OrganisationSelect;
use crate::components::text_field::TextField;
use crate::i18n::{Strings, tr, use_i18n};
use crate::session::use_session;

/// The explanation of a scope next to its checkbox.
pub fn scope_label(t: &'static Strings, scope: Scope) -> &'static str {
    match scope {
        Scope::MembersRead => t.scope_members_read,
        Scope::ProfileWrite => t.scope_profile_write,
        Scope::ReturnsWrite => t.scope_returns_write,
        Scope::StoriesWrite => t.scope_stories_write,
        Scope::MediaWrite => t.scope_media_write,
    }
}

/// The form; `on_created` receives the new token with its secret.
#[component]
pub fn TokenForm(on_created: Callback<CreatedApiToken>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let is_admin = move || session.role() == Some(Role::Admin);
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(Vec::<Scope>::new());
    let days = RwSignal::new("90".to_owned());
    let organisation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let organisations = LocalResource::new(list_organisations);
    let options =
        Signal::derive(move || organisations.get().and_then(Result::ok).unwrap_or_default());
    let field = move |name: &'static str| field_error(error, name);
    let name_error = field("name");
    let scopes_error = field("scopes");
    let days_error = field("expires_in_days");
    let org_error = field("organisation");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = CreateTokenRequest {
            name: name.get_untracked().trim().to_owned(),
            scopes: scopes.get_untracked(),
            // Left empty or unreadable, the server's default (90) applies.
            expires_in_days: days.get_untracked().trim().parse().ok(),
            organisation: organisation.get_untracked().parse::<Slug>().ok(),
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let outcome = create_token(session, &request).await;
            busy.set(false);
            match outcome {
                Ok(created) => {
                    name.set(String::new());
                    scopes.set(Vec::new());
                    on_created.run(created);
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let checkbox = move |scope: Scope| {
        let id = format!("scope-{}", scope.as_str().replace(':', "-"));
        let checked = move || scopes.with(|s| s.contains(&scope));
        let toggle = move |ev| {
            let on = event_target_checked(&ev);
            scopes.update(|s| {
                s.retain(|x| *x != scope);
                if on {
                    s.push(scope);
                }
            });
        };
        view! {
            <div class="check">
                <input
                    type="checkbox"
                    id=id.clone()
                    data-testid="token-scope"
                    data-scope=scope.as_str()
                    prop:checked=checked
                    on:change=toggle
                />
                <label for=id>
                    <code>{scope.as_str()}</code>
                    " — "
                    {move || scope_label(t(), scope)}
                </label>
            </div>
        }
    };
    view! {
        <section aria-labelledby="token-form-heading">
            <h2 id="token-form-heading">{tr(|t| t.token_form_heading)}</h2>
            <form class="stack-form" on:submit=on_submit novalidate>
                <FormAlert id="token-error" message />
                <TextField
                    id="token-name"
                    label=|t| t.field_token_name
                    value=name
                    maxlength=100
                    required=true
                    error=name_error
                />
                <fieldset aria-describedby="token-scopes-error">
                    <legend>{tr(|t| t.field_scopes)}</legend>
                    {Scope::ALL.iter().copied().map(checkbox).collect_view()}
                </fieldset>
                <FieldMessage id="token-scopes-error" message=scopes_error />
                <TextField
                    id="token-days"
                    label=|t| t.field_expires_days
                    value=days
                    input_type="number"
                    min=1
                    max=366
                    required=true
                    hint=|t| t.expires_days_hint
                    error=days_error
                />
                <Show when=is_admin>
                    <OrganisationSelect
                        id="token-organisation"
                        options
                        value=organisation
                        none_label=|t| t.organisation_none_integrator
                        describedby="token-organisation-error"
                    />
                    <FieldMessage id="token-organisation-error" message=org_error />
                </Show>
                <button
                    type="submit"
                    class="button"
                    data-testid="token-create"
                    disabled=move || busy.get()
                >
                    {tr(|t| t.token_create)}
                </button>
            </form>
        </section>
    }
}
