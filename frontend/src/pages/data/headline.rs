//! A year's headline figures: counts, shares and turnover for the whole
//! network, how many members responded, and a visible warning when some
//! of the returns behind them are illustrative demo data.

use cecop_shared::{Indicator, Statistics};
use leptos::prelude::*;

use crate::components::data_table::Text;
use crate::components::illustrative_badge::IllustrativeBadge;
use crate::i18n::use_i18n;
use crate::intl;

/// The headline indicators, what each card says under its number, and the
/// number's `data-testid`.
pub const HEADLINE: &[(Indicator, Text, &str)] = &[
    (
        Indicator::Cooperatives,
        |t| t.data.head_cooperatives,
        "headline-cooperatives",
    ),
    (
        Indicator::Workers,
        |t| t.data.head_workers,
        "headline-workers",
    ),
    (
        Indicator::WorkerMemberShare,
        |t| t.data.head_worker_member_share,
        "headline-worker-member-share",
    ),
    (
        Indicator::WomenShare,
        |t| t.data.head_women_share,
        "headline-women-share",
    ),
    (
        Indicator::PermanentContractShare,
        |t| t.data.head_permanent_share,
        "headline-permanent-share",
    ),
    (
        Indicator::DisabilityShare,
        |t| t.data.head_disability_share,
        "headline-disability-share",
    ),
    (
        Indicator::TurnoverEur,
        |t| t.data.head_turnover,
        "headline-turnover",
    ),
];

/// The cards, the coverage and the illustrative-data note.
#[component]
pub fn Headline(statistics: Statistics) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let year = statistics.campaign.year;
    let coverage = statistics.coverage;
    let cards = HEADLINE
        .iter()
        .filter_map(|&(indicator, label, testid)| {
            let value = statistics
                .rows
                .iter()
                .find(|row| row.indicator == indicator)?
                .value;
            // Turnover runs to tens of billions: the short form fits a card.
            let text = move || {
                let lang = i18n.lang();
                if indicator == Indicator::TurnoverEur {
                    intl::indicator_short(lang, indicator, value)
                } else {
                    intl::indicator_value(lang, indicator, value)
                }
            };
            Some(view! {
                <li class="stat-card">
                    <span class="stat-value" data-testid=testid>{text}</span>
                    " "
                    <span class="stat-label">{move || label(t())}</span>
                </li>
            })
        })
        .collect_view();
    let illustrative = coverage.illustrative_returns;
    view! {
        <section class="headline" aria-labelledby="headline-heading">
            <h2 id="headline-heading">{move || (t().data.headline_heading)(year)}</h2>
            <ul class="stats">{cards}</ul>
            <p class="coverage" data-testid="coverage">
                {move || (t().data.coverage)(coverage.responding_members, coverage.total_members)}
            </p>
            {(illustrative > 0)
                .then(|| {
                    view! {
                        <p class="notice notice-illustrative" data-testid="illustrative-returns">
                            <IllustrativeBadge />
                            " "
                            {move || (t().data.illustrative_returns)(illustrative)}
                        </p>
                    }
                })}
        </section>
    }
}
