//! The funding statement the European Union requires on material it
//! co-funds, in the interface language.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// "Co-funded by the European Union" and the EU's disclaimer.
#[component]
pub fn EuNotice() -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    view! {
        <aside class="eu-notice" data-testid="eu-notice" aria-labelledby="eu-notice-title">
            <p id="eu-notice-title" class="eu-notice-title">{move || p().eu_notice_title}</p>
            <p>{move || p().eu_notice_text}</p>
        </aside>
    }
}
