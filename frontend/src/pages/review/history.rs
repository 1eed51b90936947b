//! A return's history, newest first: when, who, what (and the state it
//! moved between), the reason given, and the figures each change altered,
//! old → new.

use cecop_shared::returns::Cell;
use cecop_shared::{Revision, ValueChange};
use leptos::prelude::*;

use crate::components::data_table::{DataTable, Text};
use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::pages::returns::cell_name;

const COLUMNS: &[Text] = &[
    |t| t.data.col_when,
    |t| t.data.col_who,
    |t| t.data.col_action,
    |t| t.data.col_change,
];

#[component]
pub fn History(revisions: Vec<Revision>) -> impl IntoView {
    let body = if revisions.is_empty() {
        view! { <p class="empty">{tr(|t| t.data.history_empty)}</p> }.into_any()
    } else {
        let rows = revisions
            .into_iter()
            .map(|revision| view! { <RevisionRow revision /> })
            .collect_view();
        view! {
            <DataTable caption=|t| t.data.history_heading columns=COLUMNS>
                {rows}
            </DataTable>
        }
        .into_any()
    };
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{tr(|t| t.data.history_heading)}</h2>
            {body}
        </section>
    }
}

#[component]
fn RevisionRow(revision: Revision) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let at = revision.at.to_rfc3339();
    let datetime = at.clone();
    let who = revision
        .actor_name
        .clone()
        .unwrap_or_else(|| revision.actor.clone());
    let action = revision.action;
    let states = (revision.from_state, revision.to_state);
    let changes = revision.changes;
    let n = changes.len();
    let details = (n > 0).then(|| {
        let items = changes
            .into_iter()
            .map(|change| view! { <ChangeItem change /> })
            .collect_view();
        view! {
            <details>
                <summary>{move || (t().data.changed_figures)(n)}</summary>
                <ul class="changes">{items}</ul>
            </details>
        }
    });
    view! {
        <tr data-testid="revision-row">
            <td>
                <time datetime=datetime>{move || intl::date_time(i18n.lang(), &at)}</time>
            </td>
            <td>{who}</td>
            <th scope="row">
                {move || t().data.revision_action(action)}
                <span class="state-move">
                    {move || match states {
                        (Some(from), to) if from != to => {
                            format!(
                                " ({} → {})",
                                t().data.return_state(from),
                                t().data.return_state(to),
                            )
                        }
                        _ => String::new(),
                    }}
                </span>
            </th>
            <td>
                {revision.reason.map(|reason| view! { <p class="reason">{reason}</p> })}
                {details}
            </td>
        </tr>
    }
}

/// "Workers, Social cooperatives, Services: 1,000 → 1,234".
#[component]
fn ChangeItem(change: ValueChange) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let cell = Cell {
        indicator: change.indicator,
        coop_type: change.coop_type,
        sector: change.sector,
    };
    let value = move |v: Option<f64>| {
        v.map(|v| intl::indicator_value(i18n.lang(), cell.indicator, v))
            .unwrap_or_else(|| t().data.not_reported.to_owned())
    };
    view! {
        <li>
            {move || cell_name(&cell, i18n.lang().code())}
            ": "
            {move || value(change.old)}
            " → "
            {move || value(change.new)}
        </li>
    }
}
