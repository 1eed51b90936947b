//! The header's account links: "Sign in" for visitors; for a signed-in user
//! the pages their role may use, and "Sign out".

use cecop_shared::Role;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::require_role::login_href;
use crate::i18n::tr;
use crate::session::{SessionState, use_session};

/// A navigation landmark of its own, labelled apart from the main one (WCAG 1.3.1).
#[component]
pub fn AccountNav() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    // "Sign in" comes back to the page it was clicked on (not to /login itself).
    let sign_in_href = move || {
        let path = location.pathname.get();
        if path == "/login" {
            "/login".to_owned()
        } else {
            login_href(&format!("{path}{}", location.search.get()))
        }
    };
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            session.logout().await;
            navigate("/", Default::default());
        });
    };
    let links = move || match session.state() {
        SessionState::Loading => ().into_any(),
        SessionState::SignedOut => view! {
            <li>
                <A href=sign_in_href attr:data-testid="nav-signin">
                    {tr(|t| t.nav_sign_in)}
                </A>
            </li>
        }
        .into_any(),
        SessionState::SignedIn(me) => {
            let role = me.role;
            let org_user = matches!(role, Role::Admin | Role::Member);
            view! {
                <li>
                    <A href="/account" attr:data-testid="nav-account">
                        {tr(|t| t.nav_account)}
                    </A>
                </li>
                {org_user
                    .then(|| {
                        view! {
                            <li>
                                <A href="/portal/tokens">{tr(|t| t.nav_tokens)}</A>
                            </li>
                        }
                    })}
                {(role == Role::Member)
                    .then(|| {
                        view! {
                            <li>
                                <A href="/portal/profile">{tr(|t| t.nav_profile)}</A>
                            </li>
                            <li>
                                <A href="/portal/returns">{tr(|t| t.data.nav_data_return)}</A>
                            </li>
                        }
                    })}
                {matches!(role, Role::Editor | Role::Admin)
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/content" attr:data-testid="nav-content">
                                    {tr(|t| t.editorial.nav_content)}
                                </A>
                            </li>
                            <li>
                                <A href="/admin/returns">{tr(|t| t.data.nav_returns_review)}</A>
                            </li>
                        }
                    })}
                {(role == Role::Admin)
                    .then(|| {
                        view! {
                            <li>
                                <A href="/admin/users">{tr(|t| t.nav_users)}</A>
                            </li>
                            <li>
                                <A href="/admin/audit">{tr(|t| t.nav_audit)}</A>
                            </li>
                            <li>
                                <A href="/admin/members" attr:data-testid="nav-members-admin">
                                    {tr(|t| t.editorial.nav_members)}
                                </A>
                            </li>
                        }
                    })}
                <li>
                    <button
                        type="button"
                        class="link-button"
                        data-testid="nav-signout"
                        on:click=sign_out.clone()
                    >
                        {tr(|t| t.nav_sign_out)}
                    </button>
                </li>
            }
            .into_any()
        }
    };
    view! {
        <nav class="account-nav" aria-label=tr(|t| t.account_nav_label)>
            <ul>{links}</ul>
        </nav>
    }
}
