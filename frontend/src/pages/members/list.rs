//! `/members`: the member directory, filtered and paged through the URL query.

use cecop_shared::CountryCode;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::members::list_members;
use crate::api::overview::get_overview;
use crate::components::member_card::MemberCard;
use crate::components::page_head::PageHead;
use crate::components::paged_list::PagedList;
use crate::pages::members::filters::MemberFilters;
use crate::pages::members::query::filter_from_query;

/// `/members?country=&kind=&q=&page=`
#[component]
pub fn MembersPage() -> impl IntoView {
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
    view! {
        <div class="wrap page">
            <PageHead
                title=|t| t.members_title
                description=|t| t.members_description
                heading=|t| t.members_heading
                intro=|t| t.members_intro
            />
            <MemberFilters filter countries />
            <PagedList
                resource=members
                query=filter
                item=|member| view! { <MemberCard member /> }.into_any()
                total=|t, n| (t.members_total)(n)
                empty=|t| t.members_empty
                list_class="member-list"
                testid="member-total"
            />
        </div>
    }
}
