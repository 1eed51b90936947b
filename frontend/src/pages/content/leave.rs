//! Asking before the editor is left with unsaved changes by a link inside
//! the app (a reload, closing the tab or a link out of the site ask through
//! the browser's own `beforeunload` question). A click on such a link is
//! held back and a modal dialog asks to stay or to leave; the edits stay
//! kept in this browser either way, so leaving loses nothing for good.
//!
//! The click is caught in the capture phase on `window`, before the
//! router's own listener sees it, and the router skips a click whose
//! default was prevented.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::tr;

/// Where an unmodified left click on a link inside the app would go.
fn in_app_destination(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    let origin = window().location().origin().ok()?;
    if anchor.origin() != origin || !anchor.target().is_empty() || anchor.has_attribute("download")
    {
        return None;
    }
    Some(format!(
        "{}{}{}",
        anchor.pathname(),
        anchor.search(),
        anchor.hash()
    ))
}

#[component]
pub fn LeaveGuard(dirty: Signal<bool>) -> impl IntoView {
    let navigate = use_navigate();
    let pending = RwSignal::new(None::<String>);
    let dialog = NodeRef::<html::Dialog>::new();
    let listener = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !dirty.get_untracked() {
            return;
        }
        if let Some(to) = in_app_destination(&ev) {
            ev.prevent_default();
            pending.set(Some(to));
            if let Some(dialog) = dialog.get_untracked() {
                dialog.show_modal().ok();
            }
        }
    })
    .into_js_value();
    window()
        .add_event_listener_with_callback_and_bool("click", listener.unchecked_ref(), true)
        .ok();
    let kept = StoredValue::new_local(listener);
    on_cleanup(move || {
        kept.try_with_value(|listener| {
            window()
                .remove_event_listener_with_callback_and_bool(
                    "click",
                    listener.unchecked_ref(),
                    true,
                )
                .ok();
        });
    });
    let stay = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let leave = move |_| {
        let to = pending.get_untracked();
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        if let Some(to) = to {
            navigate(&to, Default::default());
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="leave-dialog"
            aria-labelledby="leave-heading"
            aria-describedby="leave-text"
            data-testid="leave-dialog"
            on:close=move |_| pending.set(None)
        >
            <h2 id="leave-heading">{tr(|t| t.editorial.leave_heading)}</h2>
            <p id="leave-text">{tr(|t| t.editorial.leave_text)}</p>
            <p class="actions">
                <button type="button" class="button" autofocus data-testid="leave-stay" on:click=stay>
                    {tr(|t| t.editorial.leave_stay)}
                </button>
                " "
                <button type="button" class="button secondary" data-testid="leave-go" on:click=leave>
                    {tr(|t| t.editorial.leave_go)}
                </button>
            </p>
        </dialog>
    }
}
