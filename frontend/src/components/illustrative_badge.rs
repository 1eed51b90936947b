//! The badge that marks demo data wherever it appears, so an invented
//! organisation or figure is never mistaken for a fact.

use leptos::prelude::*;

use crate::i18n::tr;

/// A short "Illustrative" label.
#[component]
pub fn IllustrativeBadge() -> impl IntoView {
    view! { <span class="badge badge-illustrative">{tr(|t| t.illustrative_badge)}</span> }
}
