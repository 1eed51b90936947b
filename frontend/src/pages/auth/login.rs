//! `/login?next=<path>`: the sign-in form, and its second step (a code)
//! for accounts with two-factor sign-in. After signing in (or straight
//! away, when already signed in) it goes to `next`, a path on this site;
//! an admin who must turn two-factor sign-in on goes to `/account` first.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::ApiError;
use crate::components::form_alert::{FormAlert, error_text};
use crate::components::page_head::page_title;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::session::{SessionState, use_session};

/// Where to go after signing in: `next` if it is a path on this site (never
/// another origin, which would make this page an open redirect, nor the
/// login page itself, which would loop), else home.
///
/// The target is read the way a browser's URL parser reads it against this
/// site (WHATWG URL: tabs and newlines anywhere are dropped, leading and
/// trailing controls and spaces trimmed, `\` counts as `/`), so what is
/// checked is what the router would follow: `/\t/evil.example` is
/// `//evil.example`, another host.
pub fn safe_next(next: Option<String>) -> String {
    let Some(raw) = next else {
        return "/".to_owned();
    };
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut chars = cleaned.chars();
    let same_site = chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'));
    let login = cleaned
        .strip_prefix("/login")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['?', '#', '/']));
    if same_site && !login && !cleaned.chars().any(char::is_control) {
        cleaned
    } else {
        "/".to_owned()
    }
}

/// The sign-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let query = use_query_map();
    let password_changed = query.read_untracked().get("changed").is_some();
    let password_reset = query.read_untracked().get("reset").is_some();
    if password_changed || password_reset {
        // The server has ended every session; the app forgets its tokens too.
        session.forget();
    }
    let next = move || safe_next(query.read().get("next"));
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let SessionState::SignedIn(me) = session.state() {
            let target = if me.two_factor_required {
                "/account".to_owned()
            } else {
                next()
            };
            navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    // Set once the password was right for an account that asks for a code.
    let challenge = RwSignal::new(None::<String>);
    let code = RwSignal::new(String::new());
    let message = Signal::derive(move || {
        error.get().map(|error| match error.status() {
            Some(401) if challenge.with(Option::is_some) => t().two_factor.wrong_code.to_owned(),
            Some(401) => t().login_failed.to_owned(),
            _ => error_text(t(), &error),
        })
    });
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let outcome = session
                .login(&email.get_untracked(), &password.get_untracked())
                .await;
            busy.set(false);
            password.set(String::new());
            match outcome {
                Ok(Some(next_step)) => challenge.set(Some(next_step)),
                Ok(None) => {}
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let on_code = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(pending) = challenge.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let outcome = session
                .finish_sign_in(&pending, code.get_untracked().trim())
                .await;
            busy.set(false);
            code.set(String::new());
            if let Err(err) = outcome {
                error.set(Some(err));
            }
        });
    };
    let start_again = move |_| {
        challenge.set(None);
        error.set(None);
    };
    // The alert explains both fields (which of the two is wrong is not said).
    let invalid = Signal::derive(move || error.with(Option::is_some));
    view! {
        <Title text=move || page_title(t().login_title) />
        <div class="wrap page narrow">
            <h1>{tr(|t| t.login_heading)}</h1>
            // Known when the page opens (it came from a password change), so
            // rendered only then: an empty notice showed as a bare amber bar.
            {(password_changed || password_reset).then(|| view! {
                <p class="notice" role="status" data-testid="login-notice">
                    {move || if password_reset {
                        t().identity.reset_done
                    } else {
                        t().password_changed_sign_in
                    }}
                </p>
            })}
            {move || match challenge.get() {
                None => view! {
                    <form class="stack-form" on:submit=on_submit novalidate>
                        <FormAlert id="login-error" message />
                        <TextField
                            id="login-email"
                            label=|t| t.field_email
                            value=email
                            input_type="email"
                            name="email"
                            autocomplete="username"
                            required=true
                            described_by="login-error"
                            invalid
                        />
                        <TextField
                            id="login-password"
                            label=|t| t.field_password
                            value=password
                            input_type="password"
                            name="password"
                            autocomplete="current-password"
                            required=true
                            described_by="login-error"
                            invalid
                        />
                        <button
                            type="submit"
                            class="button"
                            data-testid="login-submit"
                            disabled=move || busy.get()
                        >
                            {move || if busy.get() { t().signing_in } else { t().sign_in }}
                        </button>
                    </form>
                }
                .into_any(),
                Some(_) => view! {
                    <h2>{tr(|t| t.two_factor.heading)}</h2>
                    <p id="login-code-intro">{tr(|t| t.two_factor.step_intro)}</p>
                    <form class="stack-form" on:submit=on_code novalidate>
                        <FormAlert id="login-error" message />
                        <TextField
                            id="login-code"
                            label=|t| t.two_factor.field_code
                            value=code
                            name="code"
                            autocomplete="one-time-code"
                            required=true
                            hint=|t| t.two_factor.code_hint
                            described_by="login-error"
                            invalid
                        />
                        <button
                            type="submit"
                            class="button"
                            data-testid="login-code-submit"
                            disabled=move || busy.get()
                        >
                            {tr(|t| t.two_factor.verify)}
                        </button>
                        " "
                        <button type="button" class="button secondary" on:click=start_again>
                            {tr(|t| t.two_factor.start_again)}
                        </button>
                    </form>
                }
                .into_any(),
            }}
            <p><A href="/forgot-password">{tr(|t| t.identity.forgot_link)}</A></p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(
            safe_next(Some("/portal/tokens?x=1".into())),
            "/portal/tokens?x=1"
        );
        assert_eq!(safe_next(Some("//evil.example/".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example/".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(Some("/login?next=/x".into())), "/");
        assert_eq!(safe_next(None), "/");
        // What a URL parser drops or reads as a slash: still another host.
        for hostile in [
            "/\t/evil.example",
            "/\n/evil.example",
            " //evil.example",
            "\t//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "javascript:alert(1)",
            "/\u{0}/evil.example",
        ] {
            assert_eq!(safe_next(Some(hostile.into())), "/", "{hostile:?}");
        }
        assert_eq!(
            safe_next(Some("/news?q=a%20b#top".into())),
            "/news?q=a%20b#top"
        );
        assert_eq!(safe_next(Some("/loginhelp".into())), "/loginhelp");
    }
}
