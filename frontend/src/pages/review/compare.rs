//! A return's figures beside the member's previous approved year, cell by
//! cell, with the change; changes of more than 50 % (the return's
//! warnings) are highlighted, and say so in words (WCAG 1.4.1).

use cecop_shared::DataReturn;
use cecop_shared::returns::Cell;
use leptos::prelude::*;

use crate::i18n::{Lang, tr, use_i18n};
use crate::intl;

#[component]
pub fn Compare(data: DataReturn) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let year = data.summary.year;
    let previous_year = data.previous.as_ref().map(|p| p.year);
    let previous = data.previous.map(|p| p.values).unwrap_or_default();
    let flagged: Vec<String> = data.warnings.iter().map(|w| w.field.clone()).collect();
    let big = flagged.len();
    let rows = Cell::all()
        .filter_map(|cell| {
            let now = data.values.iter().find(|v| v.cell() == cell).map(|v| v.value);
            let before = previous.iter().find(|v| v.cell() == cell).map(|v| v.value);
            (now.is_some() || before.is_some()).then_some((cell, now, before))
        })
        .map(|(cell, now, before)| {
            let warned = flagged.contains(&cell.field());
            let lang = move || i18n.lang();
            let value = move |v: Option<f64>| {
                v.map(|v| intl::indicator_value(lang(), cell.indicator, v))
                    .unwrap_or_else(|| t().data.not_reported.to_owned())
            };
            view! {
                <tr class:big-change=warned data-testid="compare-row" data-field=cell.field()>
                    <th scope="row">{move || cell.indicator.name(lang().code())}</th>
                    <td>{move || cell.coop_type.name(lang().code())}</td>
                    <td>{move || cell.sector.name(lang().code())}</td>
                    <td class="number">{move || value(now)}</td>
                    {previous_year.map(|_| view! { <td class="number">{move || value(before)}</td> })}
                    {previous_year
                        .map(|_| {
                            view! {
                                <td class="number">
                                    {move || change(lang(), now, before)}
                                    {warned
                                        .then(|| {
                                            view! {
                                                " "
                                                <strong class="flag">{tr(|t| t.data.big_change)}</strong>
                                            }
                                        })}
                                </td>
                            }
                        })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{tr(|t| t.data.compare_heading)}</h2>
            {match previous_year {
                None => view! { <p class="hint">{tr(|t| t.data.no_previous)}</p> }.into_any(),
                Some(_) if big > 0 => {
                    view! { <p class="notice notice-warning">{move || (t().data.big_changes)(big)}</p> }
                        .into_any()
                }
                Some(_) => ().into_any(),
            }}
            <div class="table-wrap">
                <table class="data-table compare-table">
                    <caption>{move || (t().data.compare_caption)(year, previous_year)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.data.col_indicator)}</th>
                            <th scope="col">{tr(|t| t.data.col_coop_type)}</th>
                            <th scope="col">{tr(|t| t.data.col_sector)}</th>
                            <th scope="col">{year}</th>
                            {previous_year.map(|p| view! { <th scope="col">{p}</th> })}
                            {previous_year.map(|_| view! { <th scope="col">{tr(|t| t.data.col_change)}</th> })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The change from `before` to `now` as a signed percentage, or an empty
/// string when there is nothing to compare.
fn change(lang: Lang, now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(now), Some(before)) if before != 0.0 => {
            let percent = (now - before) / before * 100.0;
            let sign = if percent > 0.0 { "+" } else { "" };
            format!("{sign}{}", intl::percent(lang, percent))
        }
        _ => String::new(),
    }
}
