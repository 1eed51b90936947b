//! Which languages an item is in: a note when it is shown in another
//! language than the interface's (the API fell back to its default), and the
//! other languages it is available in. Choosing one of those that the
//! interface is translated into switches the interface, which fetches the
//! item again in that language.

use cecop_shared::Language;
use leptos::prelude::*;

use crate::i18n::{Lang, use_i18n};
use crate::intl;

/// The note and the list, or nothing when the item has one language that
/// is the interface's.
#[component]
pub fn ItemLanguages(
    /// The language the item is served in.
    lang: Language,
    /// Every language the item is available in.
    languages: Vec<Language>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    let served = lang.to_string();
    let fallback = {
        let served = served.clone();
        move || {
            let ui = i18n.lang();
            (served != ui.code()).then(|| {
                let name = intl::language_name(ui.code(), &served);
                view! { <p class="language-note" data-testid="language-note">{(p().shown_in)(&name)}</p> }
            })
        }
    };
    let others: Vec<String> = languages
        .iter()
        .map(ToString::to_string)
        .filter(|code| *code != served)
        .collect();
    let list = (!others.is_empty()).then(|| {
        let items = others
            .into_iter()
            .map(|code| view! { <li>{language_choice(code)}</li> })
            .collect_view();
        view! {
            <div class="other-languages" data-testid="other-languages">
                <p id="other-languages-label">{move || p().also_available_in}</p>
                <ul aria-labelledby="other-languages-label">{items}</ul>
                <p class="hint">{move || p().switch_language_hint}</p>
            </div>
        }
    });
    view! {
        {fallback}
        {list}
    }
}

/// One language, named in itself (WCAG 3.1.2: its `lang` says so): a button
/// when the interface has that language, plain text otherwise.
fn language_choice(code: String) -> AnyView {
    let name = intl::language_name(&code, &code);
    match Lang::from_tag(&code) {
        Some(lang) => {
            let i18n = use_i18n();
            view! {
                <button type="button" class="link-inline" lang=code on:click=move |_| i18n.set(lang)>
                    {name}
                </button>
            }
            .into_any()
        }
        None => view! { <span lang=code>{name}</span> }.into_any(),
    }
}
