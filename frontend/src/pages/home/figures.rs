//! The network's headline figures on the home page, where they come from
//! (approved data returns or the members' declared figures), and how far
//! they can be trusted.

use cecop_shared::Overview;
use leptos::prelude::*;

use crate::components::illustrative_badge::IllustrativeBadge;
use crate::components::stat_card::StatCard;
use crate::i18n::{tr, use_i18n};

/// The headline figures, and how far they can be trusted.
#[component]
pub fn Figures(overview: Overview) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let illustrative = overview.members_with_illustrative_figures;
    let from_returns = overview.members_from_returns;
    let from_declared = overview.members_from_declared;
    let year = overview.latest_return_year;
    view! {
        <ul class="stats">
            <StatCard
                value=overview.member_count
                label=|t, n| (t.stat_members)(n)
                testid="member-count"
            />
            <StatCard
                value=overview.country_count
                label=|t, n| (t.stat_countries)(n)
                testid="country-count"
            />
            <StatCard
                value=overview.enterprise_count
                label=|t, n| (t.stat_enterprises)(n)
                testid="enterprise-count"
            />
            <StatCard
                value=overview.worker_count
                label=|t, n| (t.stat_workers)(n)
                testid="worker-count"
            />
        </ul>
        <p class="figures-basis" data-testid="figures-sources">
            {move || (t().data.home_sources)(from_returns, year, from_declared)}
            " "
            <a href="/data">{tr(|t| t.data.home_data_link)}</a>
        </p>
        {(illustrative > 0)
            .then(|| {
                view! {
                    <p class="notice notice-illustrative" data-testid="illustrative-note">
                        <IllustrativeBadge />
                        " "
                        {move || (t().illustrative_totals_note)(illustrative)}
                    </p>
                }
            })}
    }
}
