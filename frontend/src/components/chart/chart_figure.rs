//! A chart's section: its heading, the picture, the same figures as a table
//! (in a disclosure, for screen readers and for copying) and a link to
//! download them as CSV.

use leptos::prelude::*;

use crate::i18n::tr;

/// The figures of a chart as a table: column headings, then rows whose
/// first cell heads the row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// `<section>` around one chart (`children`).
#[component]
pub fn ChartFigure(
    /// Prefix of the section's ids.
    id: &'static str,
    /// The heading, which is also the table's caption.
    title: String,
    table: ChartTable,
    /// The same figures as CSV, from the API.
    csv_href: String,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let labelledby = heading_id.clone();
    let headings = table
        .columns
        .into_iter()
        .map(|column| view! { <th scope="col">{column}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let head = cells.next().unwrap_or_default();
            let rest = cells.map(|cell| view! { <td>{cell}</td> }).collect_view();
            view! {
                <tr>
                    <th scope="row">{head}</th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart" aria-labelledby=labelledby data-testid=id>
            <h3 id=heading_id>{title.clone()}</h3>
            <div class="chart-picture">{children()}</div>
            <details class="chart-table">
                <summary>{tr(|t| t.data.show_table)}</summary>
                <div class="table-wrap">
                    <table class="data-table">
                        <caption>{title}</caption>
                        <thead>
                            <tr>{headings}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
            <p class="chart-download">
                // `download` and rel=external: the router leaves the link to the browser.
                <a href=csv_href download="" rel="external">
                    {tr(|t| t.data.download_csv)}
                </a>
            </p>
        </section>
    }
}
