//! Save and Submit. Save sends the complete set of values (the server
//! checks them again; its per-cell problems come back into the grid).
//! Submit asks for confirmation ([`ConfirmButton`]), saves unsaved changes
//! first, then submits.
//! The server's 409 (the campaign closed, the return was already sent) is
//! shown at the top of the form in its own words.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api::returns::{save_my_return, submit_my_return};
use crate::components::confirm_button::ConfirmButton;
use crate::components::form_alert::{FormAlert, problem_text};
use crate::i18n::use_i18n;
use crate::pages::returns::editor::Editor;
use crate::session::use_session;

/// What the last action achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Saved,
    Submitted,
}

#[component]
pub fn ReturnActions(
    editor: Editor,
    /// The error summary, focused when the grid cannot be saved as it is.
    summary: NodeRef<html::Div>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<Done>);
    let error = RwSignal::new(None::<ApiError>);
    // Problems about cells show in the grid; others (an empty return) here.
    let message = Signal::derive(move || {
        let lang = i18n.lang().code();
        error.get().map(|e| problem_text(t(), lang, &e, is_cell))
    });
    let year = editor.year;
    let run = move |submit: bool| {
        done.set(None);
        error.set(None);
        if !editor.errors.with_untracked(Vec::is_empty) {
            if let Some(summary) = summary.get_untracked() {
                summary.focus().ok();
            }
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let outcome = async {
                if editor.dirty.get_untracked() || !submit {
                    let values = editor.grid.values_untracked();
                    editor.apply(save_my_return(session, year, values).await?);
                }
                if submit {
                    editor.apply(submit_my_return(session, year).await?);
                }
                Ok::<_, ApiError>(())
            }
            .await;
            busy.set(false);
            match outcome {
                Ok(()) => done.set(Some(if submit { Done::Submitted } else { Done::Saved })),
                Err(err) => {
                    if let ApiError::Problem(problem) = &err {
                        // Only the problems that name a cell go into the grid.
                        let cells = problem
                            .errors
                            .iter()
                            .filter(|e| e.field.matches('.').count() == 2);
                        editor.server_errors.set(cells.cloned().collect());
                    }
                    error.set(Some(err));
                }
            }
        });
    };
    let status = move || {
        let text = match done.get() {
            Some(Done::Saved) => t().data.saved,
            Some(Done::Submitted) => t().data.submitted_notice,
            None => return None,
        };
        Some(view! { <p data-testid="return-done">{text}</p> })
    };
    let controls = move || {
        if !editor.editable.get() {
            return ().into_any();
        }
        view! {
            <div class="return-buttons">
                <button
                    type="button"
                    class="button"
                    data-testid="return-save"
                    disabled=move || busy.get()
                    on:click=move |_| run(false)
                >
                    {move || if busy.get() { t().data.saving } else { t().data.save }}
                </button>
                <ConfirmButton
                    name=year.to_string()
                    label=|t| t.data.submit
                    named=|t| t.data.submit_named
                    question=|t| t.data.submit_question
                    confirm=|t| t.data.submit_confirm
                    confirm_class="button"
                    testid="return-submit"
                    disabled=busy
                    on_confirm=Callback::new(move |()| run(true))
                />
                {move || {
                    editor.dirty.get().then(|| view! { <span class="hint">{t().data.unsaved_changes}</span> })
                }}
            </div>
        }
        .into_any()
    };
    view! {
        <div class="return-actions">
            <FormAlert id="return-error" message />
            <div role="status" class="form-success">{status}</div>
            {controls}
        </div>
    }
}

/// True for a problem's field that names a cell (`indicator.coop_type.sector`).
fn is_cell(field: &str) -> bool {
    field.matches('.').count() == 2
}
