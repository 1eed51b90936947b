//! How a failed API call is shown: the server's own explanation when it sent
//! one (its RFC 9457 title, detail and field errors), and a way to retry.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Strings, tr, use_i18n};

/// An alert (WCAG 4.1.3) describing `error`, with a "try again" button.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: ApiError,
    /// Runs the failed request again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = StoredValue::new(error);
    let heading = move || match error.read_value().clone() {
        ApiError::Problem(problem) => problem.title,
        _ => i18n.t().error_heading.to_owned(),
    };
    view! {
        <div class="error-view" role="alert">
            // Not a heading: this sits at different depths of the page outline.
            <p class="error-title">{heading}</p>
            {move || describe(i18n.t(), i18n.lang().code(), &error.read_value())}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {tr(|t| t.retry)}
            </button>
        </div>
    }
}

/// The explanation under the heading.
fn describe(t: &'static Strings, lang: &str, error: &ApiError) -> AnyView {
    match error {
        ApiError::Problem(problem) => {
            let fields = problem
                .errors
                .iter()
                .map(|e| view! { <li><code>{e.field.clone()}</code>": "{e.text(lang)}</li> })
                .collect_view();
            view! {
                {problem.detail.clone().map(|detail| view! { <p>{detail}</p> })}
                {(!problem.errors.is_empty()).then(|| view! { <ul>{fields}</ul> })}
            }
            .into_any()
        }
        ApiError::RateLimited(wait) => view! { <p>{(t.rate_limited)(*wait)}</p> }.into_any(),
        ApiError::Status(status) => view! { <p>{(t.error_status)(*status)}</p> }.into_any(),
        ApiError::Network(_) => view! { <p>{t.error_network}</p> }.into_any(),
        ApiError::Decode(_) => view! { <p>{t.error_decode}</p> }.into_any(),
    }
}
