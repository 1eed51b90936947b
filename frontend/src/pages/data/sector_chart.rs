//! The chosen indicator by sector and type of cooperative, for one year:
//! a bar per sector divided by type (stacked for counts and amounts, side
//! by side for shares).

use cecop_shared::{CoopType, Dimension, Indicator, Sector, Statistics, Unit};
use leptos::prelude::*;

use crate::api::statistics::{StatisticsQuery, get_statistics};
use crate::components::chart::Datum;
use crate::components::chart::chart_figure::{ChartFigure, ChartTable};
use crate::components::chart::stacked_chart::{Part, StackedChart};
use crate::i18n::{Lang, Strings};
use crate::intl;
use crate::pages::data::chart_loader::ChartLoader;

#[component]
pub fn SectorChart(year: i32, indicator: Memo<Indicator>) -> impl IntoView {
    let resource = LocalResource::new(move || {
        let query = StatisticsQuery {
            year: Some(year),
            indicators: vec![indicator.get()],
            group_by: vec![Dimension::Sector, Dimension::CoopType],
        };
        async move { get_statistics(&query).await.map(|s| (query, s)) }
    });
    view! { <ChartLoader resource draw /> }
}

fn draw(lang: Lang, t: &'static Strings, query: &StatisticsQuery, stats: &Statistics) -> AnyView {
    let code = lang.code();
    let indicator = query
        .indicators
        .first()
        .copied()
        .unwrap_or(Indicator::Workers);
    let name = indicator.name(code);
    let title = (t.data.chart_by_sector)(name, stats.campaign.year);
    let cells: Vec<(Sector, CoopType, f64, u32)> = stats
        .rows
        .iter()
        .filter(|row| row.indicator == indicator)
        .filter_map(|row| {
            Some((
                row.sector?,
                row.coop_type?,
                row.value,
                row.responding_members,
            ))
        })
        .collect();
    // Sectors and types in their fixed order, only those with figures.
    let sectors: Vec<Sector> = Sector::ALL
        .iter()
        .copied()
        .filter(|s| cells.iter().any(|c| c.0 == *s))
        .collect();
    let types: Vec<CoopType> = CoopType::ALL
        .iter()
        .copied()
        .filter(|k| cells.iter().any(|c| c.1 == *k))
        .collect();
    let mut ordered = cells.clone();
    ordered.sort_by_key(|c| (c.0, c.1));
    let parts: Vec<Part> = ordered
        .iter()
        .filter_map(|&(sector, kind, value, _)| {
            Some(Part {
                row: sectors.iter().position(|s| *s == sector)?,
                series: types.iter().position(|k| *k == kind)?,
                datum: Datum {
                    label: format!("{}, {}", sector.name(code), kind.name(code)),
                    value,
                    text: intl::indicator_value(lang, indicator, value),
                },
            })
        })
        .collect();
    let table = ChartTable {
        columns: vec![
            t.data.col_sector.into(),
            t.data.col_coop_type.into(),
            name.into(),
            t.data.col_responding.into(),
        ],
        rows: ordered
            .iter()
            .map(|&(sector, kind, value, responding)| {
                vec![
                    sector.name(code).into(),
                    kind.name(code).into(),
                    intl::indicator_value(lang, indicator, value),
                    intl::number(lang, u64::from(responding)),
                ]
            })
            .collect(),
    };
    let stacked = indicator.unit() != Unit::Percent;
    let largest = parts
        .iter()
        .max_by(|a, b| a.datum.value.total_cmp(&b.datum.value));
    let picture = match largest {
        None => view! { <p class="empty">{t.data.chart_no_figures}</p> }.into_any(),
        Some(top) => {
            let describe = if stacked {
                t.data.desc_stacked
            } else {
                t.data.desc_grouped
            };
            let desc = describe(&top.datum.label, &top.datum.text);
            let tick = Callback::new(move |v| intl::indicator_short(lang, indicator, v));
            let rows = sectors.iter().map(|s| s.name(code).to_owned()).collect();
            let series = types.iter().map(|k| k.name(code).to_owned()).collect();
            view! {
                {(!stacked).then(|| view! { <p class="hint">{t.data.shares_side_by_side}</p> })}
                <StackedChart
                    id="chart-sector-svg"
                    title=title.clone()
                    desc
                    rows
                    series
                    parts
                    stacked
                    legend_label=t.data.legend_label.to_owned()
                    tick
                />
            }
            .into_any()
        }
    };
    view! {
        <ChartFigure id="chart-sector" title table csv_href=query.csv_href()>
            {picture}
        </ChartFigure>
    }
    .into_any()
}
