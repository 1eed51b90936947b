//! The chosen indicator by country, for one year: a bar per country,
//! highest first.

use cecop_shared::{Dimension, Indicator, Statistics};
use leptos::prelude::*;

use crate::api::statistics::{StatisticsQuery, get_statistics};
use crate::components::chart::Datum;
use crate::components::chart::bar_chart::BarChart;
use crate::components::chart::chart_figure::{ChartFigure, ChartTable};
use crate::i18n::{Lang, Strings};
use crate::intl;
use crate::pages::data::chart_loader::ChartLoader;

#[component]
pub fn CountryChart(year: i32, indicator: Memo<Indicator>) -> impl IntoView {
    let resource = LocalResource::new(move || {
        let query = StatisticsQuery {
            year: Some(year),
            indicators: vec![indicator.get()],
            group_by: vec![Dimension::Country],
        };
        async move { get_statistics(&query).await.map(|s| (query, s)) }
    });
    view! { <ChartLoader resource draw /> }
}

fn draw(lang: Lang, t: &'static Strings, query: &StatisticsQuery, stats: &Statistics) -> AnyView {
    let indicator = query
        .indicators
        .first()
        .copied()
        .unwrap_or(Indicator::Workers);
    let name = indicator.name(lang.code());
    let title = (t.data.chart_by_country)(name, stats.campaign.year);
    let mut rows: Vec<_> = stats
        .rows
        .iter()
        .filter(|row| row.indicator == indicator)
        .filter_map(|row| row.country.map(|country| (country, row)))
        .collect();
    rows.sort_by(|(_, a), (_, b)| b.value.total_cmp(&a.value));
    let bars: Vec<Datum> = rows
        .iter()
        .map(|(country, row)| Datum {
            label: intl::country_name(lang, *country),
            value: row.value,
            text: intl::indicator_value(lang, indicator, row.value),
        })
        .collect();
    let table = ChartTable {
        columns: vec![
            t.data.col_country.into(),
            name.into(),
            t.data.col_responding.into(),
        ],
        rows: bars
            .iter()
            .zip(&rows)
            .map(|(bar, (_, row))| {
                vec![
                    bar.label.clone(),
                    bar.text.clone(),
                    intl::number(lang, u64::from(row.responding_members)),
                ]
            })
            .collect(),
    };
    let picture = match bars.first() {
        None => view! { <p class="empty">{t.data.chart_no_figures}</p> }.into_any(),
        Some(top) => {
            let desc = (t.data.desc_bars)(bars.len(), &top.label, &top.text);
            let tick = Callback::new(move |v| intl::indicator_short(lang, indicator, v));
            view! { <BarChart id="chart-country-svg" title=title.clone() desc bars tick /> }
                .into_any()
        }
    };
    view! {
        <ChartFigure id="chart-country" title table csv_href=query.csv_href()>
            {picture}
        </ChartFigure>
    }
    .into_any()
}
