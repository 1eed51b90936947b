//! A new token's secret, shown once in a read-only field with a Copy button.

use cecop_shared::CreatedApiToken;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::i18n::{tr, use_i18n};

/// What the last Copy attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Done,
    Failed,
}

/// The one-time secret, with a warning that it cannot be shown again.
#[component]
pub fn TokenSecret(token: CreatedApiToken) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let secret = StoredValue::new(token.secret);
    let copied = RwSignal::new(Copied::Not);
    let copy = move |_| {
        let text = secret.get_value();
        spawn_local(async move {
            let ok = copy_to_clipboard(&text).await;
            copied.set(if ok { Copied::Done } else { Copied::Failed });
        });
    };
    view! {
        <section class="secret-box" aria-labelledby="secret-heading">
            <h2 id="secret-heading">{move || (t().token_created)(&token.token.name)}</h2>
            <p class="warning" id="secret-warning">
                <strong>{tr(|t| t.token_secret_warning)}</strong>
            </p>
            <label for="token-secret">{tr(|t| t.token_secret_label)}</label>
            <div class="secret-row">
                <input
                    id="token-secret"
                    data-testid="token-secret"
                    type="text"
                    readonly
                    class="secret"
                    aria-describedby="secret-warning"
                    prop:value=move || secret.get_value()
                    on:focus=|ev| {
                        if let Some(input) = ev
                            .target()
                            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                        {
                            input.select();
                        }
                    }
                />
                <button type="button" class="button" on:click=copy>
                    {tr(|t| t.copy)}
                </button>
            </div>
            <p role="status" class="copy-status">
                {move || match copied.get() {
                    Copied::Not => "",
                    Copied::Done => t().copied,
                    Copied::Failed => t().copy_failed,
                }}
            </p>
        </section>
    }
}

/// Writes `text` to the clipboard; false where the Clipboard API is missing
/// (insecure origins, old browsers) or refused.
async fn copy_to_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|value| !value.is_undefined())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
