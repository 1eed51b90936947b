//! `/news` and `/publications`: articles, newest first, filtered and paged
//! through the URL query, in the interface language where translated.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::articles::list_articles;
use crate::components::article_card::ArticleCard;
use crate::components::page_head::PageHead;
use crate::components::paged_list::PagedList;
use crate::i18n::{tr, use_i18n};
use crate::pages::news::filters::ArticleFilters;
use crate::pages::news::query::{NewsQuery, Section};

/// `/news?kind=&theme=&q=&page=`
#[component]
pub fn NewsPage() -> impl IntoView {
    view! { <ArticleList section=Section::News /> }
}

/// `/publications?kind=&theme=&q=&page=`
#[component]
pub fn PublicationsPage() -> impl IntoView {
    view! { <ArticleList section=Section::Publications /> }
}

#[component]
fn ArticleList(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    // A memo, so a navigation that leaves the state as it was fetches nothing.
    let query = Memo::new(move |_| {
        let params = params.read();
        NewsQuery::from_query(section, |name| params.get_str(name))
    });
    let articles = LocalResource::new(move || {
        let query = query.get();
        let lang = i18n.lang();
        async move { list_articles(&query.filter, lang).await }
    });
    let [title, description, heading, intro, label] = section.texts();
    let feed = move || format!("/api/v1/feeds/articles.atom?lang={}", i18n.lang().code());
    view! {
        <div class="wrap page">
            <PageHead title description heading intro />
            <ArticleFilters query label />
            <PagedList
                resource=articles
                query
                item=|article| view! { <ArticleCard article /> }.into_any()
                total=|t, n| (t.publishing.articles_total)(n)
                empty=|t| t.publishing.articles_empty
                testid="article-total"
            />
            {(section == Section::News)
                .then(|| {
                    view! {
                        <p class="feed-link">
                            // Served by the API, not the app: rel=external keeps the router out.
                            <a href=feed rel="external" type="application/atom+xml">
                                {tr(|t| t.publishing.news_feed)}
                            </a>
                        </p>
                    }
                })}
        </div>
    }
}
