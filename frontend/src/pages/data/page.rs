//! `/data?year=&indicator=`: loads the campaigns to learn which years are
//! published, then shows the dashboard for the year the URL names (the
//! newest by default).

use cecop_shared::{CampaignState, Dimension, Indicator};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::statistics::{StatisticsQuery, get_statistics, list_campaigns};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::components::page_head::PageHead;
use crate::i18n::{tr, use_i18n};
use crate::pages::data::breakdowns::Breakdowns;
use crate::pages::data::headline::{HEADLINE, Headline};
use crate::pages::data::pickers::DataPickers;
use crate::pages::data::query::{DEFAULT_INDICATOR, DataQuery};

/// `/data`
#[component]
pub fn DataPage() -> impl IntoView {
    let campaigns = LocalResource::new(list_campaigns);
    let retry = Callback::new(move |()| campaigns.refetch());
    let body = move || {
        Suspend::new(async move {
            match campaigns.await {
                Ok(campaigns) => {
                    let published: Vec<i32> = campaigns
                        .iter()
                        .filter(|c| c.state == CampaignState::Published)
                        .map(|c| c.year)
                        .collect();
                    if published.is_empty() {
                        view! {
                            <p class="empty" data-testid="no-statistics">
                                {tr(|t| t.data.no_statistics)}
                            </p>
                        }
                        .into_any()
                    } else {
                        view! { <Dashboard published /> }.into_any()
                    }
                }
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <div class="wrap page data-page">
            <PageHead
                title=|t| t.data.dashboard_title
                description=|t| t.data.dashboard_description
                heading=|t| t.data.dashboard_heading
                intro=|t| t.data.dashboard_intro
            />
            <Transition fallback=|| view! { <Loading /> }>{body}</Transition>
        </div>
    }
}

/// The pickers, the year's headline figures and, when the year is
/// published, the charts.
#[component]
fn Dashboard(
    /// The published years, newest first (never empty).
    published: Vec<i32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        DataQuery::from_query(|name| params.get_str(name))
    });
    let latest = published.first().copied().unwrap_or_default();
    let year = Memo::new(move |_| query.read().year.unwrap_or(latest));
    let indicator = Memo::new(move |_| query.read().indicator.unwrap_or(DEFAULT_INDICATOR));
    let headline = LocalResource::new(move || {
        let query = StatisticsQuery {
            year: Some(year.get()),
            indicators: HEADLINE
                .iter()
                .map(|(i, _, _)| *i)
                .collect::<Vec<Indicator>>(),
            group_by: Vec::<Dimension>::new(),
        };
        async move { get_statistics(&query).await }
    });
    let retry = Callback::new(move |()| headline.refetch());
    let figures = move || {
        Suspend::new(async move {
            match headline.await {
                Ok(statistics) => {
                    let year = statistics.campaign.year;
                    view! {
                        <Headline statistics />
                        <Breakdowns year indicator />
                    }
                    .into_any()
                }
                Err(error) if error.is_not_found() => {
                    let year = year.get_untracked();
                    view! {
                        <p class="empty" data-testid="no-statistics">
                            {move || (t().data.no_statistics_year)(year)}
                        </p>
                    }
                    .into_any()
                }
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <DataPickers published query year indicator />
        <Transition fallback=|| view! { <Loading /> }>{figures}</Transition>
    }
}
