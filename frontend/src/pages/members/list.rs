//! `/members`: the member directory, filtered and paged through the URL query.

use cecop_shared::CountryCode;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::members::list_members;
use crate::api::overview::get_overview;
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::i18n::use_i18n;
use crate::pages::members::filters::MemberFilters;
use crate::pages::members::query::filter_from_query;
use crate::pages::members::results::MemberResults;
use crate::pages::page_title;

/// `/members?country=&kind=&q=&page=`
#[component]
pub fn MembersPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let query = use_query_map();
    // A memo, so a navigation that leaves the filter as it was fetches nothing.
    let filter = Memo::new(move |_| {
        let query = query.read();
        filter_from_query(|name| query.get_str(name))
    });
    let members = LocalResource::new(move || {
        let filter = filter.get();
        async move { list_members(&filter).await }
    });
    // The country menu lists the countries that have members, from the overview.
    let overview = LocalResource::new(get_overview);
    let countries = Signal::derive(move || {
        overview
            .get()
            .and_then(Result::ok)
            .map(|overview| {
                overview
                    .countries
                    .into_iter()
                    .map(|c| c.country)
                    .collect::<Vec<CountryCode>>()
            })
            .unwrap_or_default()
    });
    let retry = Callback::new(move |()| members.refetch());
    let (pending, set_pending) = signal(false);
    let results = move || {
        Suspend::new(async move {
            match members.await {
                Ok(page) => {
                    view! { <MemberResults page filter=filter.get_untracked() /> }.into_any()
                }
                Err(error) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            }
        })
    };
    view! {
        <Title text=move || page_title(t().members_title) />
        <Meta name="description" content=move || t().members_description />
        <div class="wrap page">
            <h1>{move || t().members_heading}</h1>
            <p class="intro">{move || t().members_intro}</p>
            <MemberFilters filter countries />
            <section class="results" aria-busy=move || pending.get().to_string()>
                // Announced while new results load behind the old ones (WCAG 4.1.3).
                <p class="updating" role="status">
                    {move || pending.get().then(|| t().updating)}
                </p>
                <Transition fallback=|| view! { <Loading /> } set_pending>
                    {results}
                </Transition>
            </section>
        </div>
    }
}
