//! The chosen indicator for the whole network across every published year.

use cecop_shared::{Indicator, StatisticsSeries};
use leptos::prelude::*;

use crate::api::statistics::{StatisticsQuery, get_series};
use crate::components::chart::Datum;
use crate::components::chart::chart_figure::{ChartFigure, ChartTable};
use crate::components::chart::line_chart::LineChart;
use crate::i18n::{Lang, Strings};
use crate::intl;
use crate::pages::data::chart_loader::ChartLoader;

#[component]
pub fn SeriesChart(indicator: Memo<Indicator>) -> impl IntoView {
    let resource = LocalResource::new(move || {
        let query = StatisticsQuery {
            year: None,
            indicators: vec![indicator.get()],
            group_by: Vec::new(),
        };
        async move { get_series(&query).await.map(|s| (query, s)) }
    });
    view! { <ChartLoader resource draw /> }
}

fn draw(
    lang: Lang,
    t: &'static Strings,
    query: &StatisticsQuery,
    series: &StatisticsSeries,
) -> AnyView {
    let indicator = query
        .indicators
        .first()
        .copied()
        .unwrap_or(Indicator::Workers);
    let name = indicator.name(lang.code());
    let title = (t.data.chart_over_years)(name);
    let mut rows: Vec<_> = series
        .rows
        .iter()
        .filter(|row| row.indicator == indicator)
        .collect();
    rows.sort_by_key(|row| row.year);
    let points: Vec<Datum> = rows
        .iter()
        .map(|row| Datum {
            label: row.year.to_string(),
            value: row.value,
            text: intl::indicator_value(lang, indicator, row.value),
        })
        .collect();
    let coverage = |year: i32| {
        series
            .years
            .iter()
            .find(|y| y.year == year)
            .map(|y| (t.data.coverage)(y.coverage.responding_members, y.coverage.total_members))
            .unwrap_or_default()
    };
    let table = ChartTable {
        columns: vec![
            t.data.col_year.into(),
            name.into(),
            t.data.col_responding.into(),
        ],
        rows: points
            .iter()
            .zip(&rows)
            .map(|(point, row)| vec![point.label.clone(), point.text.clone(), coverage(row.year)])
            .collect(),
    };
    let picture = match (points.first(), points.last()) {
        (Some(first), Some(last)) => {
            let desc = (t.data.desc_line)(
                points.len(),
                rows.first().map_or(0, |r| r.year),
                &first.text,
                rows.last().map_or(0, |r| r.year),
                &last.text,
            );
            let tick = Callback::new(move |v| intl::indicator_short(lang, indicator, v));
            view! { <LineChart id="chart-series-svg" title=title.clone() desc points tick /> }
                .into_any()
        }
        _ => view! { <p class="empty">{t.data.chart_no_figures}</p> }.into_any(),
    };
    view! {
        <ChartFigure id="chart-series" title table csv_href=query.csv_href()>
            {picture}
        </ChartFigure>
    }
    .into_any()
}
