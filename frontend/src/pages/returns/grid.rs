//! The data-entry grid: indicators down (in groups), types of cooperative
//! and sectors across, one labelled input per cell. Each input's
//! accessible name says its indicator, type and sector (WCAG 1.3.1, 2.5.3:
//! the visible headings are in the name); its problem and last year's value
//! are tied to it with `aria-describedby` (3.3.1).

use cecop_shared::returns::Cell;
use cecop_shared::{CoopType, Indicator, Sector};
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n};
use crate::intl;
use crate::pages::returns::cells::{GROUPS, cell_id, cell_name};
use crate::pages::returns::editor::Editor;

/// The `<table>` of inputs.
#[component]
pub fn ReturnGrid(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let lang = move || i18n.lang().code();
    let year = editor.year;
    let columns = 1 + CoopType::ALL.len() * Sector::ALL.len();
    let type_headings = CoopType::ALL
        .iter()
        .map(|&kind| {
            view! {
                <th scope="colgroup" colspan=Sector::ALL.len()>
                    {move || kind.name(lang())}
                </th>
            }
        })
        .collect_view();
    let sector_headings = CoopType::ALL
        .iter()
        .flat_map(|_| Sector::ALL.iter())
        .map(|&sector| view! { <th scope="col">{move || sector.name(lang())}</th> })
        .collect_view();
    let colgroups = CoopType::ALL
        .iter()
        .map(|_| view! { <colgroup span=Sector::ALL.len()></colgroup> })
        .collect_view();
    let bodies = GROUPS
        .iter()
        .map(|&(heading, indicators)| {
            let rows = indicators
                .iter()
                .map(|&indicator| view! { <GridRow editor indicator /> })
                .collect_view();
            view! {
                <tbody>
                    <tr class="grid-group">
                        <th scope="rowgroup" colspan=columns>{move || heading(t())}</th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <p id="grid-hint" class="hint">{tr(|t| t.data.grid_hint)}</p>
        <div class="table-wrap">
            <table class="data-table return-grid" aria-describedby="grid-hint">
                <caption>{move || (t().data.grid_caption)(year)}</caption>
                <colgroup>
                    <col />
                </colgroup>
                {colgroups}
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{tr(|t| t.data.col_indicator)}</th>
                        {type_headings}
                    </tr>
                    <tr>{sector_headings}</tr>
                </thead>
                {bodies}
            </table>
        </div>
    }
}

/// One indicator across every type and sector.
#[component]
fn GridRow(editor: Editor, indicator: Indicator) -> impl IntoView {
    let i18n = use_i18n();
    let cells = CoopType::ALL
        .iter()
        .flat_map(|&coop_type| {
            Sector::ALL.iter().map(move |&sector| Cell {
                indicator,
                coop_type,
                sector,
            })
        })
        .map(|cell| view! { <GridCell editor cell /> })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{move || indicator.name(i18n.lang().code())}</th>
            {cells}
        </tr>
    }
}

/// One input, with last year's value and the cell's problem under it.
#[component]
fn GridCell(editor: Editor, cell: Cell) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let id = cell_id(&cell);
    let field = cell.field();
    let text = editor.grid.entry(cell);
    let previous = editor.previous.with_value(|previous| {
        previous.as_ref().and_then(|p| {
            p.values
                .iter()
                .find(|v| v.cell() == cell)
                .map(|v| (p.year, v.value))
        })
    });
    let message = Signal::derive({
        let field = field.clone();
        move || editor.message(&field, i18n.lang().code())
    });
    let warned = Signal::derive(move || editor.warned(&field));
    let error_id = format!("{id}-error");
    let prev_id = format!("{id}-prev");
    let describedby = {
        let (error_id, prev_id) = (error_id.clone(), prev_id.clone());
        move || {
            let mut ids = Vec::new();
            if message.get().is_some() {
                ids.push(error_id.clone());
            }
            if previous.is_some() {
                ids.push(prev_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        if !editor.server_errors.with_untracked(Vec::is_empty) {
            editor.server_errors.set(Vec::new());
        }
    };
    view! {
        <td class="grid-cell" class:cell-invalid=move || message.get().is_some() class:cell-warned=warned>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=move || cell_name(&cell, i18n.lang().code())
                aria-invalid=move || message.get().is_some().to_string()
                aria-describedby=describedby
                readonly=move || !editor.editable.get()
                prop:value=move || text.get()
                on:input=on_input
            />
            {previous
                .map(|(year, value)| {
                    view! {
                        <span id=prev_id class="cell-previous">
                            {move || {
                                (t().data.previous_value)(
                                    year,
                                    &intl::indicator_value(i18n.lang(), cell.indicator, value),
                                )
                            }}
                        </span>
                    }
                })}
            <span id=error_id class="field-error cell-error">
                {move || message.get()}
            </span>
        </td>
    }
}
