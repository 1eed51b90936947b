//! The loading indicator shown while a page waits for the API.

use leptos::prelude::*;

use crate::i18n::tr;

/// A polite live region (WCAG 4.1.3) saying that content is loading.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {tr(|t| t.loading)}
        </p>
    }
}
