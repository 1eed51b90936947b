//! The dashboard's "Breakdowns" section: the three charts of the chosen
//! indicator, one after the other.

use cecop_shared::Indicator;
use leptos::prelude::*;

use crate::i18n::tr;
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
