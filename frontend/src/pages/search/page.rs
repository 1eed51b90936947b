//! `/search?q=&kind=&page=`: the search form and the hits, best first,
//! each labelled with its kind. Nothing is fetched until words are typed.

use cecop_shared::{Page, SearchKind};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::search::search;
use crate::components::choice_select::ChoiceSelect;
use crate::components::filter_form::FilterForm;
use crate::components::page_head::PageHead;
use crate::components::paged_list::PagedList;
use crate::i18n::use_i18n;
use crate::pages::search::hit::SearchHitCard;
use crate::pages::search::query::SearchQuery;
use crate::query::use_apply;

/// `/search`
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        SearchQuery::from_query(|name| params.get_str(name))
    });
    let hits = LocalResource::new(move || {
        let query = query.get();
        let lang = i18n.lang();
        async move {
            match &query.q {
                Some(words) => search(words, query.kind, query.page, lang).await,
                // Not shown: the prompt stands in for the list.
                None => Ok(Page {
                    items: Vec::new(),
                    page: 1,
                    per_page: 1,
                    total: 0,
                    total_pages: 0,
                }),
            }
        }
    });
    let apply = use_apply(query);
    let on_search = {
        let apply = apply.clone();
        Callback::new(move |q: Option<String>| apply(&|s| s.q = q.clone()))
    };
    let on_kind = Callback::new(move |kind: Option<SearchKind>| apply(&|s| s.kind = kind));
    let searching = Memo::new(move |_| query.read().q.is_some());
    let results = move || {
        if searching.get() {
            view! {
                <PagedList
                    resource=hits
                    query
                    item=|hit| view! { <SearchHitCard hit /> }.into_any()
                    total=|t, n| (t.publishing.search_total)(n)
                    empty=|t| t.publishing.search_empty
                    testid="search-total"
                />
            }
            .into_any()
        } else {
            view! { <p class="empty">{move || p().search_prompt}</p> }.into_any()
        }
    };
    view! {
        <div class="wrap page">
            <PageHead
                title=|t| t.publishing.search_title
                description=|t| t.publishing.search_description
                heading=|t| t.publishing.search_heading
            />
            <FilterForm
                label=|t| t.publishing.search_filters_label
                search_label=|t| t.publishing.search_words
                search_hint=|t| t.publishing.search_hint
                q=Signal::derive(move || query.read().q.clone())
                on_search
                search_first=true
            >
                <ChoiceSelect
                    id="filter-kind"
                    label=|t| t.publishing.filter_result_kind
                    all=Some(|t| t.publishing.search_everything)
                    choices=SearchKind::ALL
                    name=|t, kind| t.publishing.result_kind(kind)
                    selected=Signal::derive(move || query.read().kind)
                    on_change=on_kind
                />
            </FilterForm>
            {results}
        </div>
    }
}
