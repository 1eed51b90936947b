//! Form-level messages: a live region that is always in the page, so that
//! screen readers announce an error or a success as soon as it appears
//! (WCAG 4.1.3), and [`error_text`], the one sentence an [`ApiError`] becomes.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Strings, use_i18n};

/// The sentence that explains `error` to the user: the server's own detail
/// when it gave one, else a translated explanation.
pub fn error_text(t: &'static Strings, error: &ApiError) -> String {
    match error {
        ApiError::Problem(problem) => {
            if problem.status == 422 && !problem.errors.is_empty() {
                return t.form_fix_fields.to_owned();
            }
            // A conflict names what stands in the way (a state, a taken
            // address); its message reads better than "field: message".
            if problem.status == 409 && !problem.errors.is_empty() {
                let messages: Vec<&str> =
                    problem.errors.iter().map(|e| e.message.as_str()).collect();
                return messages.join(" ");
            }
            problem
                .detail
                .clone()
                .unwrap_or_else(|| problem.title.clone())
        }
        ApiError::RateLimited(wait) => (t.rate_limited)(*wait),
        ApiError::Status(status) => (t.error_status)(*status),
        ApiError::Network(_) => t.error_network.to_owned(),
        ApiError::Decode(_) => t.error_decode.to_owned(),
    }
}

/// [`error_text`] for a form that shows some of a 422's problems beside
/// their fields (those for which `shown` is true): the others are spelled
/// out here, since no field carries them.
pub fn problem_text(
    t: &'static Strings,
    lang: &str,
    error: &ApiError,
    shown: impl Fn(&str) -> bool,
) -> String {
    if let ApiError::Problem(problem) = error
        && problem.status == 422
    {
        let elsewhere: Vec<String> = problem
            .errors
            .iter()
            .filter(|e| !shown(&e.field))
            .map(|e| e.text(lang))
            .collect();
        if !elsewhere.is_empty() {
            return elsewhere.join(" ");
        }
    }
    error_text(t, error)
}

/// The server's message for one field in the form's last `error`, in the
/// page's language where its code has a text (tracked: follows both).
pub fn field_error(
    error: RwSignal<Option<ApiError>>,
    name: &'static str,
) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let lang = i18n.lang().code();
        error.with(|e| e.as_ref().and_then(|e| e.field_message(name, lang)))
    })
}

/// An assertive live region showing the form's error, if any.
#[component]
pub fn FormAlert(
    /// The id fields point at with `aria-describedby`.
    id: &'static str,
    /// The message to show, if any.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div id=id class="form-alert" role="alert">
            {move || message.get().map(|text| view! { <p class="form-error">{text}</p> })}
        </div>
    }
}

/// The message under one field (its id is what the field's
/// `aria-describedby` names, WCAG 1.3.1 / 3.3.1).
#[component]
pub fn FieldMessage(
    #[prop(into)] id: String,
    #[prop(into)] message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p id=id class="field-error">
            {move || message.get()}
        </p>
    }
}
