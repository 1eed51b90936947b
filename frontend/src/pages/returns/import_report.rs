//! A CSV import's dry-run report: the counts, each row's outcome (line,
//! cell, message), and the button to import for real unless a row was
//! refused.

use cecop_shared::{ImportOutcome, ImportReport};
use leptos::prelude::*;

use crate::components::data_table::{DataTable, Text};
use crate::i18n::{tr, use_i18n};

const COLUMNS: &[Text] = &[
    |t| t.data.col_line,
    |t| t.data.col_outcome,
    |t| t.data.col_cell,
    |t| t.data.col_message,
];

#[component]
pub fn ImportReportView(
    report: ImportReport,
    /// An upload is under way.
    busy: Signal<bool>,
    /// Runs the real import.
    on_import: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let counts = (
        report.imported,
        report.updated,
        report.unchanged,
        report.refused,
    );
    let refused = report.refused > 0;
    let rows = report
        .rows
        .into_iter()
        .map(|row| {
            let outcome = row.outcome;
            view! {
                <tr data-testid="import-row" class:refused=outcome == ImportOutcome::Refused>
                    <th scope="row">{row.line}</th>
                    <td>{move || t().data.outcome(outcome)}</td>
                    <td><code>{row.field}</code></td>
                    <td>{row.message}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="import-report" data-testid="import-report">
            <h3>{tr(|t| t.data.import_report_heading)}</h3>
            <p data-testid="import-summary">
                {move || (t().data.import_summary)(counts.0, counts.1, counts.2, counts.3)}
            </p>
            <DataTable caption=|t| t.data.import_report_heading columns=COLUMNS>
                {rows}
            </DataTable>
            {if refused {
                view! { <p class="notice notice-warning">{tr(|t| t.data.import_refused_note)}</p> }
                    .into_any()
            } else {
                view! {
                    <button
                        type="button"
                        class="button"
                        data-testid="import-run"
                        disabled=move || busy.get()
                        on:click=move |_| on_import.run(())
                    >
                        {tr(|t| t.data.import_run)}
                    </button>
                }
                .into_any()
            }}
        </div>
    }
}
