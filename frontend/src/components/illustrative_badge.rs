//! The badge that marks demo data wherever it appears, so an invented
//! organisation or figure is never mistaken for a fact.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A short "Illustrative" label.
#[component]
pub fn IllustrativeBadge() -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="badge badge-illustrative">{move || i18n.t().illustrative_badge}</span> }
}
