//! The dashboard's charts of the chosen indicator, and what they share:
//! [`ChartLoader`] fetches a chart's figures and draws them again when the
//! language changes.

use cecop_shared::Indicator;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::statistics::StatisticsQuery;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::i18n::{Lang, Strings, tr, use_i18n};
use crate::pages::data::country_chart::CountryChart;
use crate::pages::data::sector_chart::SectorChart;
use crate::pages::data::series_chart::SeriesChart;

/// The "Breakdowns" section of a published year.
#[component]
pub fn Breakdowns(year: i32, indicator: Memo<Indicator>) -> impl IntoView {
    view! {
        <section class="breakdowns" aria-labelledby="breakdowns-heading">
            <h2 id="breakdowns-heading">{tr(|t| t.data.charts_heading)}</h2>
            <p class="hint">{tr(|t| t.data.charts_keyboard_hint)}</p>
            <CountryChart year indicator />
            <SectorChart year indicator />
            <SeriesChart indicator />
        </section>
    }
}

/// A chart's figures with the query that produced them.
pub type Figures<T> = Result<(StatisticsQuery, T), ApiError>;

/// Draws a chart from the figures, in a language.
pub type Draw<T> = fn(Lang, &'static Strings, &StatisticsQuery, &T) -> AnyView;

/// Loading, the chart (redrawn in the interface language), or an error
/// with a retry.
#[component]
pub fn ChartLoader<T>(resource: LocalResource<Figures<T>>, draw: Draw<T>) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let retry = Callback::new(move |()| resource.refetch());
    let body = move || {
        Suspend::new(async move {
            match resource.await {
                Ok((query, figures)) => {
                    (move || draw(i18n.lang(), i18n.t(), &query, &figures)).into_any()
                }
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! { <Transition fallback=|| view! { <Loading /> }>{body}</Transition> }
}
