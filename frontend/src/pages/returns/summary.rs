//! The lists above the grid: the problems to fix (each a link to its cell)
//! and the figures that changed by more than half since last year. The
//! messages are the shared validation's, the same the API gives, in the
//! page's language.

use cecop_shared::FieldError;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::pages::returns::editor::Editor;

/// The input of the cell an error names (`indicator.coop_type.sector`).
fn target(field: &str) -> String {
    format!("cell-{}", field.replace('.', "-"))
}

/// A link that moves focus to the cell (and scrolls it into view), with
/// the error in `lang`.
fn cell_link(error: FieldError, lang: &str) -> impl IntoView {
    let id = target(&error.field);
    let href = format!("#{id}");
    let focus = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(input) = document()
            .get_element_by_id(&id)
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        {
            input.focus().ok();
        }
    };
    // rel=external: the router leaves the click to the handler above.
    view! {
        <li>
            <a href=href rel="external" on:click=focus>
                {error.text(lang)}
            </a>
        </li>
    }
}

/// The problems of the grid as typed, and those the server last named.
/// `node_ref` lets Save move focus here when it cannot save.
#[component]
pub fn ErrorSummary(editor: Editor, node_ref: NodeRef<html::Div>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let all = move || {
        let mut errors = editor.errors.get();
        for error in editor.server_errors.get() {
            if !errors.iter().any(|e| e.field == error.field) {
                errors.push(error);
            }
        }
        errors
    };
    view! {
        <div class="error-summary" tabindex="-1" node_ref=node_ref data-testid="return-errors" hidden=move || all().is_empty()>
            {move || {
                let errors = all();
                let lang = i18n.lang().code();
                (!errors.is_empty())
                    .then(|| {
                        let n = errors.len();
                        view! {
                            <h2>{move || (t().data.errors_heading)(n)}</h2>
                            <ul>{errors.into_iter().map(|e| cell_link(e, lang)).collect_view()}</ul>
                        }
                    })
            }}
        </div>
    }
}

/// The figures that changed by more than half since the previous year.
#[component]
pub fn WarningSummary(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    move || {
        let warnings = editor.warnings.get();
        let lang = i18n.lang().code();
        let year = editor.previous.with_value(|p| p.as_ref().map(|p| p.year))?;
        (!warnings.is_empty()).then(|| {
            let n = warnings.len();
            view! {
                <div class="notice notice-warning" data-testid="return-warnings">
                    <h2>{move || (t().data.warnings_heading)(n, year)}</h2>
                    <p>{tr(|t| t.data.warnings_hint)}</p>
                    <ul>{warnings.into_iter().map(|e| cell_link(e, lang)).collect_view()}</ul>
                </div>
            }
        })
    }
}
