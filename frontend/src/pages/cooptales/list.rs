//! `/cooptales`: #COOPTALES stories, newest first, paged through the URL query.

use cecop_shared::PER_PAGE_DEFAULT;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::stories::list_stories;
use crate::components::page_head::PageHead;
use crate::components::paged_list::PagedList;
use crate::components::story_card::StoryCard;
use crate::i18n::use_i18n;
use crate::query::{ListQuery, href_with, page_value, parse_page};

/// The story list's state: only the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StoriesQuery {
    page: u32,
}

impl ListQuery for StoriesQuery {
    fn href(&self) -> String {
        href_with("/cooptales", &[("page", page_value(self.page))])
    }

    fn on_page(&self, page: u32) -> Self {
        Self { page }
    }
}

/// `/cooptales?page=`
#[component]
pub fn StoriesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| StoriesQuery {
        page: parse_page(params.read().get_str("page")),
    });
    let stories = LocalResource::new(move || {
        let page = query.get().page;
        let lang = i18n.lang();
        async move { list_stories(page, PER_PAGE_DEFAULT, lang).await }
    });
    view! {
        <div class="wrap page">
            <PageHead
                title=|t| t.publishing.cooptales_title
                description=|t| t.publishing.cooptales_description
                heading=|t| t.publishing.cooptales_heading
                intro=|t| t.publishing.cooptales_intro
            />
            <PagedList
                resource=stories
                query
                item=|story| view! { <StoryCard story /> }.into_any()
                total=|t, n| (t.publishing.stories_total)(n)
                empty=|t| t.publishing.stories_empty
                testid="story-total"
            />
        </div>
    }
}
