//! CSV import: choose a file, upload it with a progress bar for a dry run,
//! read the report row by row, then import it for real and reload the
//! return. The file's columns are documented here, and the current
//! figures can be downloaded in that format as a template.

use cecop_shared::ImportReport;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use crate::api::ApiError;
use crate::api::returns::{get_my_return, import_my_return};
use crate::components::form_alert::{FormAlert, error_text};
use crate::i18n::{tr, use_i18n};
use crate::pages::returns::cells::to_csv;
use crate::pages::returns::editor::Editor;
use crate::pages::returns::import_report::ImportReportView;
use crate::session::use_session;

/// The import section (shown while the return may be changed).
#[component]
pub fn CsvImport(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let session = use_session();
    let year = editor.year;
    let input = NodeRef::<html::Input>::new();
    // The checked file, sent again for the real import (a `File` lives in
    // this thread only).
    let file = StoredValue::new_local(None::<File>);
    let progress = RwSignal::new(None::<f64>);
    let report = RwSignal::new(None::<ImportReport>);
    let imported = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let missing = RwSignal::new(false);
    // A refused import's problem names each line in its detail.
    let message = Signal::derive(move || {
        if missing.get() {
            return Some(t().data.import_choose_first.to_owned());
        }
        error.get().map(|e| match &e {
            ApiError::Problem(problem) if problem.status == 422 => problem
                .detail
                .clone()
                .unwrap_or_else(|| error_text(t(), &e)),
            _ => error_text(t(), &e),
        })
    });
    let upload = move |dry_run: bool| {
        let Some(chosen) = file.get_value() else {
            return;
        };
        busy.set(true);
        error.set(None);
        imported.set(false);
        progress.set(Some(0.0));
        spawn_local(async move {
            let on_progress = move |share: f64| progress.set(Some(share));
            let outcome = import_my_return(session, year, &chosen, dry_run, on_progress).await;
            progress.set(Some(1.0));
            match outcome {
                Ok(answer) if dry_run => report.set(Some(answer)),
                Ok(_) => {
                    report.set(None);
                    // The return as the import left it, into the grid.
                    match get_my_return(session, year).await {
                        Ok(data) => {
                            editor.apply(data);
                            imported.set(true);
                        }
                        Err(err) => error.set(Some(err)),
                    }
                }
                Err(err) => error.set(Some(err)),
            }
            busy.set(false);
        });
    };
    let on_check = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        report.set(None);
        imported.set(false);
        error.set(None);
        let chosen = input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        match chosen {
            Some(chosen) => {
                missing.set(false);
                file.set_value(Some(chosen));
                upload(true);
            }
            None => missing.set(true),
        }
    };
    let template = move || {
        let csv = to_csv(&editor.grid.values());
        format!(
            "data:text/csv;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&csv))
        )
    };
    let bar = move || {
        progress.get().map(|share| {
            let percent = (share * 100.0).round();
            view! {
                <div class="upload-progress">
                    <label for="import-progress">{tr(|t| t.data.import_progress)}</label>
                    <progress id="import-progress" max="100" value=percent.to_string()>
                        {format!("{percent} %")}
                    </progress>
                </div>
            }
        })
    };
    let outcome = move || {
        report.get().map(|report| {
            view! {
                <ImportReportView
                    report
                    busy=busy.into()
                    on_import=Callback::new(move |()| upload(false))
                />
            }
        })
    };
    view! {
        <section class="csv-import" aria-labelledby="import-heading">
            <h2 id="import-heading">{tr(|t| t.data.import_heading)}</h2>
            <p>{tr(|t| t.data.import_intro)}</p>
            <p>
                // `download`: the browser saves the file; the router leaves it alone.
                <a href=template download=format!("cecop-return-{year}.csv") rel="external">
                    {tr(|t| t.data.import_template)}
                </a>
            </p>
            <form class="import-form" on:submit=on_check>
                <div class="field">
                    <label for="import-file">{tr(|t| t.data.import_file)}</label>
                    <input
                        id="import-file"
                        type="file"
                        accept=".csv,text/csv"
                        node_ref=input
                        aria-describedby="import-error"
                    />
                </div>
                <button type="submit" class="button secondary" data-testid="import-check" disabled=move || busy.get()>
                    {tr(|t| t.data.import_check)}
                </button>
            </form>
            {bar}
            <FormAlert id="import-error" message />
            <div role="status" class="form-success">
                {move || {
                    imported.get().then(|| view! { <p data-testid="import-done">{t().data.import_done}</p> })
                }}
            </div>
            {outcome}
        </section>
    }
}
