//! The interface-language menu. It renders nothing while only one language
//! is translated, and appears on its own once a second one is added.

use leptos::prelude::*;

use crate::i18n::{Lang, tr, use_i18n};

/// A labelled `<select>` of the translated languages.
#[component]
pub fn LanguageSelect() -> impl IntoView {
    let i18n = use_i18n();
    let change = move |ev| {
        let tag = event_target_value(&ev);
        if let Some(lang) = Lang::from_tag(&tag) {
            i18n.set(lang);
        }
    };
    (Lang::ALL.len() > 1).then(|| {
        view! {
            <div class="language-select">
                <label for="language">{tr(|t| t.language_label)}</label>
                <select id="language" on:change=change>
                    {Lang::ALL
                        .iter()
                        .map(|lang| {
                            view! {
                                // Each name is in its own language (WCAG 3.1.2).
                                <option
                                    value=lang.code()
                                    lang=lang.code()
                                    selected=move || i18n.lang() == *lang
                                >
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    })
}
