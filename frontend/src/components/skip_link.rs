//! The "skip to main content" link, the first stop of keyboard users (WCAG 2.4.1).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::tr;

/// A link, visible when focused, that moves focus to `<main id="main">`.
#[component]
pub fn SkipLink() -> impl IntoView {
    // Leptos attaches this listener to the element itself (event delegation
    // is an opt-in feature we do not enable), so it runs before the router's
    // click handler on `window`, which then sees the default prevented and
    // does not turn the fragment into a navigation. Focus moves into the main
    // landmark instead of the page only scrolling to it.
    let skip = |ev: web_sys::MouseEvent| {
        let main = document()
            .get_element_by_id("main")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            ev.prevent_default();
            main.focus().ok();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {tr(|t| t.skip_to_content)}
        </a>
    }
}
