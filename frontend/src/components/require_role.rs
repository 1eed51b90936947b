//! The gate in front of every signed-in page: while the session is loading
//! it shows a loading state; signed out, it sends the visitor to
//! `/login?next=<this page>`; signed in with a role the page is not for, it
//! explains that instead of showing a broken page.

use cecop_shared::Role;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::loading::Loading;
use crate::i18n::tr;
use crate::session::{SessionState, use_session};

/// The login address that comes back to `path` afterwards.
pub fn login_href(path: &str) -> String {
    format!("/login?next={}", js_sys::encode_uri_component(path))
}

/// Renders `children` for users whose role is in `roles`.
#[component]
pub fn RequireRole(roles: &'static [Role], children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if session.state() == SessionState::SignedOut {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            navigate(
                &login_href(&here),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let children = StoredValue::new(children);
    move || match session.state() {
        SessionState::Loading | SessionState::SignedOut => {
            view! { <div class="wrap page"><Loading /></div> }.into_any()
        }
        SessionState::SignedIn(me) if roles.contains(&me.role) => {
            children.read_value()().into_any()
        }
        SessionState::SignedIn(_) => view! {
            <div class="wrap page">
                <h1>{tr(|t| t.not_allowed_heading)}</h1>
                <p data-testid="not-allowed">{tr(|t| t.not_allowed_text)}</p>
                <p>
                    <a href="/">{tr(|t| t.nav_home)}</a>
                </p>
            </div>
        }
        .into_any(),
    }
}
