//! The reviewer's decision on a return: approve a submitted one, send it
//! back with a reason, or reopen an approved one with a reason. The reason
//! is required before anything is sent; the server's refusals (a 409 when
//! the state or the campaign does not allow it) are shown in its words.

use cecop_shared::{DataReturn, ReturnState};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::returns::{Decision as Choice, decide};
use crate::components::form_alert::{FormAlert, error_text};
use crate::components::text_field::TextField;
use crate::i18n::{tr, use_i18n};
use crate::session::use_session;

#[component]
pub fn Decision(current: RwSignal<DataReturn>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let state = Memo::new(move |_| current.with(|d| d.summary.state));
    let id = current.with_untracked(|d| d.summary.id);
    let reason = RwSignal::new(String::new());
    let reason_input = NodeRef::<html::Textarea>::new();
    let missing = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let message = Signal::derive(move || error.get().map(|e| error_text(t(), &e)));
    let reason_error = Signal::derive(move || {
        if missing.get() {
            return Some(t().data.reason_required.to_owned());
        }
        let lang = i18n.lang().code();
        error.with(|e| e.as_ref().and_then(|e| e.field_message("reason", lang)))
    });
    let send = move |needs_reason: bool, make: fn(String) -> Choice| {
        let Some(id) = id else { return };
        let text = reason.get_untracked().trim().to_owned();
        error.set(None);
        done.set(false);
        if needs_reason && text.is_empty() {
            missing.set(true);
            if let Some(input) = reason_input.get_untracked() {
                input.focus().ok();
            }
            return;
        }
        missing.set(false);
        busy.set(true);
        spawn_local(async move {
            let outcome = decide(session, id, make(text)).await;
            busy.set(false);
            match outcome {
                Ok(data) => {
                    reason.set(String::new());
                    current.set(data);
                    done.set(true);
                }
                Err(err) => error.set(Some(err)),
            }
        });
    };
    let reason_field = move |button: AnyView| {
        view! {
            <div class="field">
                <TextField
                    id="review-reason"
                    label=|t| t.data.field_reason
                    value=reason
                    rows=3
                    maxlength=2000
                    hint=|t| t.data.reason_hint
                    error=reason_error
                    textarea_ref=reason_input
                />
            </div>
            {button}
        }
    };
    let controls = move || match state.get() {
        ReturnState::Submitted => view! {
            <p>
                <button
                    type="button"
                    class="button"
                    data-testid="review-approve"
                    disabled=move || busy.get()
                    on:click=move |_| send(false, |_| Choice::Approve)
                >
                    {tr(|t| t.data.approve)}
                </button>
            </p>
            {reason_field(
                view! {
                    <button
                        type="button"
                        class="button secondary"
                        data-testid="review-send-back"
                        disabled=move || busy.get()
                        on:click=move |_| send(true, Choice::Return)
                    >
                        {tr(|t| t.data.send_back)}
                    </button>
                }
                    .into_any(),
            )}
        }
        .into_any(),
        ReturnState::Approved => reason_field(
            view! {
                <button
                    type="button"
                    class="button secondary"
                    data-testid="review-reopen"
                    disabled=move || busy.get()
                    on:click=move |_| send(true, Choice::Reopen)
                >
                    {tr(|t| t.data.reopen)}
                </button>
            }
            .into_any(),
        )
        .into_any(),
        other => view! {
            <p class="hint">
                {move || (t().data.nothing_to_decide)(&t().data.return_state(other).to_lowercase())}
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="decision" aria-labelledby="decision-heading">
            <h2 id="decision-heading">{tr(|t| t.data.decision_heading)}</h2>
            <FormAlert id="review-error" message />
            <div role="status" class="form-success">
                {move || {
                    done.get()
                        .then(|| {
                            let state = t().data.return_state(state.get()).to_lowercase();
                            view! { <p data-testid="review-done">{(t().data.decided)(&state)}</p> }
                        })
                }}
            </div>
            <div class="decision-controls">{controls}</div>
        </section>
    }
}
