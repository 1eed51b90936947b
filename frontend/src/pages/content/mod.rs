//! The editorial back office: `/admin/content`, every article, event and
//! story whatever its status ([`list`]), and the editor ([`editor`]) with
//! its status actions ([`actions`]), its conflict screen ([`conflict`]) and
//! its history ([`revisions`]), and shareable preview links ([`share`]).

pub mod actions;
pub mod conflict;
pub mod editor;
pub mod fields;
pub mod form;
pub mod leave;
pub mod list;
pub mod revisions;
pub mod share;

use cecop_shared::{Collection, LanguageStatus, TranslationState};
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The languages of an item with where each stands, as short badges:
/// `EN`, `FR (needs re-translating)`, a missing one struck through.
pub fn language_badges(languages: Vec<LanguageStatus>) -> impl IntoView {
    let i18n = use_i18n();
    languages
        .into_iter()
        .map(|status| {
            let code = status.lang.as_str().to_uppercase();
            let state = status.state;
            let class = match state {
                TranslationState::Current => "lang-badge",
                TranslationState::Outdated => "lang-badge outdated",
                TranslationState::Missing => "lang-badge missing",
            };
            view! {
                <span class=class data-lang=status.lang.to_string() data-state=state.as_str()>
                    {code}
                    <span class="visually-hidden">
                        {move || format!(" ({})", i18n.t().editorial.translation(state))}
                    </span>
                </span>
            }
        })
        .collect_view()
}

/// The editor's address of an item.
pub fn editor_href(collection: Collection, id: i64) -> String {
    format!("/admin/content/{collection}/{id}")
}
