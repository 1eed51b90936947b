//! What the dashboard's charts share: [`ChartLoader`] fetches a chart's
//! figures, shows loading or an error with a retry, and draws the chart again
//! when the language changes. Each chart only says what to fetch and how to
//! draw it.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::api::statistics::StatisticsQuery;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::i18n::{Lang, Strings, use_i18n};

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
