//! Two-factor sign-in on `/account`: set up an authenticator app (the
//! password, then a QR code drawn here from the key URI, then a code from
//! the app), the recovery codes shown once, and — once on — new recovery
//! codes or turning it off, each with a code.

use cecop_shared::{TwoFactorSetup, TwoFactorStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::account::{
    disable_two_factor, set_up_two_factor, two_factor_codes, two_factor_status,
};
use crate::components::data_table::Text;
use crate::components::error_view::ErrorView;
use crate::components::form_alert::{FormAlert, error_text, field_error};
use crate::components::loading::Loading;
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::intl::date_time;
use crate::session::{Session, use_session};

/// Where the set-up stands.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    /// Showing the status, with the forms it allows.
    Status,
    /// A new key to scan, waiting for a code from the app.
    Scanning(TwoFactorSetup),
    /// Recovery codes, shown once.
    Codes(Vec<String>),
}

/// The key URI as a QR code, an SVG in a `data:` URI (the page's CSP allows
/// `data:` images; nothing leaves the browser to draw it).
fn qr_image(uri: &str) -> Option<String> {
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    let encoded: String = svg
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b' ' | b'-' | b'.' | b'/' | b'=' | b':' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    Some(format!("data:image/svg+xml;charset=utf-8,{encoded}"))
}

/// What a [`CodeForm`] gets: the code typed, and the form's error.
type CodeSubmit = Callback<(String, RwSignal<Option<ApiError>>)>;

/// A code action that answers recovery codes (`confirm`, `recovery-codes`):
/// on success they are shown.
fn codes_action(session: Session, stage: RwSignal<Stage>, action: &'static str) -> CodeSubmit {
    Callback::new(move |(code, error): (String, RwSignal<Option<ApiError>>)| {
        spawn_local(async move {
            match two_factor_codes(session, action, &code).await {
                Ok(codes) => stage.set(Stage::Codes(codes.codes)),
                Err(err) => error.set(Some(err)),
            }
        });
    })
}

/// The section on the account page.
#[component]
pub fn TwoFactorSection() -> impl IntoView {
    let session = use_session();
    let status = LocalResource::new(move || two_factor_status(session));
    let stage = RwSignal::new(Stage::Status);
    let done = RwSignal::new(None::<&'static str>);
    let refetch = Callback::new(move |()| status.refetch());
    let body = move || {
        Suspend::new(async move {
            match (stage.get(), status.await) {
                (Stage::Scanning(setup), _) => view! { <Scan setup stage /> }.into_any(),
                (Stage::Codes(codes), _) => {
                    view! { <Codes codes stage on_saved=refetch /> }.into_any()
                }
                (Stage::Status, Ok(current)) => {
                    view! { <Current current stage done on_changed=refetch /> }.into_any()
                }
                (Stage::Status, Err(error)) => {
                    view! { <ErrorView error on_retry=refetch /> }.into_any()
                }
            }
        })
    };
    view! {
        <section aria-labelledby="two-factor-heading" id="two-factor">
            <h2 id="two-factor-heading">{tr(|t| t.two_factor.heading)}</h2>
            <div role="status" class="form-success">
                {move || done.get().map(|text| view! { <p>{text}</p> })}
            </div>
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </section>
    }
}

/// The status, and what can be done from it.
#[component]
fn Current(
    current: TwoFactorStatus,
    stage: RwSignal<Stage>,
    done: RwSignal<Option<&'static str>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let TwoFactorStatus {
        enabled,
        enabled_at,
        recovery_codes_left,
        required,
    } = current;
    let summary = move || {
        if enabled {
            let since = enabled_at
                .as_deref()
                .map(|at| date_time(i18n.lang(), at))
                .unwrap_or_default();
            (t().two_factor.on)(&since, recovery_codes_left)
        } else {
            t().two_factor.off.to_owned()
        }
    };
    view! {
        <p data-testid="two-factor-status">{summary}</p>
        {(required && !enabled).then(|| view! {
            <p class="notice" role="status" data-testid="two-factor-required">
                {tr(|t| t.two_factor.required)}
            </p>
        })}
        {if enabled {
            view! {
                <CodeForm
                    id="two-factor-replace"
                    alert="two-factor-replace-error"
                    intro=|t| t.two_factor.replace_intro
                    submit=|t| t.two_factor.replace_submit
                    on_code=codes_action(session, stage, "recovery-codes")
                />
                {(!required).then(|| view! {
                    <CodeForm
                        id="two-factor-disable"
                        alert="two-factor-disable-error"
                        intro=|t| t.two_factor.disable_intro
                        submit=|t| t.two_factor.disable_submit
                        on_code=Callback::new(move |(code, error): (String, RwSignal<Option<ApiError>>)| {
                            spawn_local(async move {
                                match disable_two_factor(session, &code).await {
                                    Ok(()) => {
                                        done.set(Some(i18n.t().two_factor.disabled_done));
                                        on_changed.run(());
                                    }
                                    Err(err) => error.set(Some(err)),
                                }
                            });
                        })
                    />
                })}
            }
            .into_any()
        } else {
            view! { <SetUp stage done /> }.into_any()
        }}
    }
}

/// The password form that begins the set-up.
#[component]
fn SetUp(stage: RwSignal<Stage>, done: RwSignal<Option<&'static str>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let password_error = field_error(error, "password");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        done.set(None);
        spawn_local(async move {
            let outcome = set_up_two_factor(session, &password.get_untracked()).await;
            busy.set(false);
            password.set(String::new());
            match outcome {
                Ok(setup) => stage.set(Stage::Scanning(setup)),
                Err(err) => error.set(Some(err)),
            }
        });
    };
    view! {
        <p>{tr(|t| t.two_factor.setup_intro)}</p>
        <form class="stack-form" on:submit=on_submit novalidate>
            <FormAlert id="two-factor-setup-error" message />
            <TextField
                id="two-factor-password"
                label=|t| t.field_password
                value=password
                input_type="password"
                autocomplete="current-password"
                required=true
                error=password_error
            />
            <button
                type="submit"
                class="button"
                data-testid="two-factor-setup"
                disabled=move || busy.get()
            >
                {tr(|t| t.two_factor.setup_submit)}
            </button>
        </form>
    }
}

/// The new key as a QR code and as text, and the code that turns it on.
#[component]
fn Scan(setup: TwoFactorSetup, stage: RwSignal<Stage>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let image = qr_image(&setup.otpauth_uri);
    view! {
        <p>{tr(|t| t.two_factor.scan)}</p>
        {image.map(|src| view! {
            <img class="qr-code" src=src width="200" height="200" alt=move || t().two_factor.qr_alt
                data-testid="two-factor-qr" />
        })}
        <p>
            {tr(|t| t.two_factor.key)} ": "
            <code class="secret" data-testid="two-factor-secret">{setup.secret}</code>
        </p>
        <CodeForm
            id="two-factor-confirm"
            alert="two-factor-confirm-error"
            intro=|t| t.two_factor.code_hint
            submit=|t| t.two_factor.enable
            on_code=codes_action(session, stage, "confirm")
        />
    }
}

/// Recovery codes, shown once, until the user says they kept them.
#[component]
fn Codes(codes: Vec<String>, stage: RwSignal<Stage>, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let saved = move |_| {
        stage.set(Stage::Status);
        on_saved.run(());
        // `/me` says whether two-factor sign-in is still required.
        spawn_local(async move {
            session.reload().await.ok();
        });
    };
    view! {
        <h3>{tr(|t| t.two_factor.codes_heading)}</h3>
        <p>{tr(|t| t.two_factor.codes_intro)}</p>
        <ul class="recovery-codes" data-testid="recovery-codes">
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
        <button type="button" class="button" data-testid="recovery-codes-saved" on:click=saved>
            {tr(|t| t.two_factor.codes_saved)}
        </button>
    }
}

/// A one-field form asking for a code; `on_code` gets the code and the
/// form's error signal.
#[component]
fn CodeForm(
    /// The code field's id (and the test ids' prefix).
    id: &'static str,
    /// The form's alert's id.
    alert: &'static str,
    intro: Text,
    submit: Text,
    on_code: CodeSubmit,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let code_error = field_error(error, "code");
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let typed = code.get_untracked().trim().to_owned();
        code.set(String::new());
        on_code.run((typed, error));
    };
    view! {
        <form class="stack-form" on:submit=on_submit novalidate data-testid=id>
            <p>{move || intro(t())}</p>
            <FormAlert id=alert message />
            <TextField
                id=id
                label=|t| t.two_factor.field_code
                value=code
                name="code"
                autocomplete="one-time-code"
                required=true
                error=code_error
            />
            <button type="submit" class="button" data-testid=format!("{id}-submit")>
                {move || submit(t())}
            </button>
        </form>
    }
}
