//! `/account`: who is signed in (name, e-mail, role, organisation) and the
//! change-password form, two-factor sign-in, and the devices signed in. Any signed-in role may
//! use it.

use cecop_shared::Role;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::page_head::page_title;
use crate::components::require_role::RequireRole;
use crate::i18n::{Strings, tr, use_i18n};
use crate::pages::account::password_form::PasswordForm;
use crate::pages::account::sessions::SessionsList;
use crate::pages::account::two_factor::TwoFactorSection;
use crate::session::use_session;

/// The translated name of a role.
pub fn role_label(t: &'static Strings, role: Role) -> &'static str {
    match role {
        Role::Admin => t.role_admin,
        Role::Editor => t.role_editor,
        Role::Member => t.role_member,
    }
}

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let details = move || {
        session.me().map(|me| {
            let role = me.role;
            view! {
                <dl class="details">
                    <dt>{tr(|t| t.field_display_name)}</dt>
                    <dd data-testid="account-name">{me.display_name}</dd>
                    <dt>{tr(|t| t.field_email)}</dt>
                    <dd data-testid="account-email">{me.email.to_string()}</dd>
                    <dt>{tr(|t| t.field_role)}</dt>
                    <dd data-testid="account-role">{move || role_label(t(), role)}</dd>
                    {me
                        .organisation
                        .map(|org| {
                            view! {
                                <dt>{tr(|t| t.field_organisation)}</dt>
                                <dd>{org.to_string()}</dd>
                            }
                        })}
                </dl>
            }
        })
    };
    view! {
        <Title text=move || page_title(t().account_title) />
        <RequireRole roles=&[Role::Admin, Role::Editor, Role::Member]>
            <div class="wrap page narrow">
                <h1>{tr(|t| t.account_heading)}</h1>
                {details}
                <PasswordForm />
                <TwoFactorSection />
                <SessionsList />
            </div>
        </RequireRole>
    }
}
