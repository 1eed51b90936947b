//! The home page: CECOP's mission and the network's headline figures, as the
//! API computes them from the member records.

use cecop_shared::Overview;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::overview::get_overview;
use crate::components::error_view::ErrorView;
use crate::components::illustrative_badge::IllustrativeBadge;
use crate::components::loading::Loading;
use crate::components::stat_card::StatCard;
use crate::i18n::use_i18n;
use crate::pages::page_title;

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let overview = LocalResource::new(get_overview);
    let retry = Callback::new(move |()| overview.refetch());
    let figures = move || {
        Suspend::new(async move {
            match overview.await {
                Ok(overview) => view! { <Figures overview /> }.into_any(),
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <Title text=move || page_title(t().home_title) />
        <Meta name="description" content=move || t().home_description />
        <section class="hero">
            <div class="wrap">
                <h1>{move || t().home_heading}</h1>
                <p class="lead">{move || t().home_mission}</p>
                <p>
                    <a class="button button-light" href="/members">
                        {move || t().home_directory_link}
                    </a>
                </p>
            </div>
        </section>
        <section class="wrap page home-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{move || t().home_figures_heading}</h2>
            <Transition fallback=|| view! { <Loading /> }>{figures}</Transition>
        </section>
    }
}

/// The headline figures, and how far they can be trusted.
#[component]
fn Figures(overview: Overview) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let illustrative = overview.members_with_illustrative_figures;
    let with_figures = overview.members_with_figures;
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
        <p class="figures-basis">{move || (t().figures_basis)(with_figures)}</p>
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
