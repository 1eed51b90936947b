//! The home page: CECOP's mission, the network's headline figures (as the
//! API computes them from approved data returns and the members' declared
//! figures, with a link to the statistics), and the latest news, the next
//! events and a #COOPTALES story.

mod figures;
mod latest;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::articles::{ArticleFilter, list_articles};
use crate::api::events::{EventFilter, list_events};
use crate::api::overview::get_overview;
use crate::api::stories::list_stories;
use crate::components::article_card::ArticleCard;
use crate::components::error_view::ErrorView;
use crate::components::event_card::EventCard;
use crate::components::loading::Loading;
use crate::components::page_head::page_title;
use crate::components::story_card::StoryCard;
use crate::i18n::{tr, use_i18n};
use crate::pages::home::figures::Figures;
use crate::pages::home::latest::Latest;

/// How many articles and events the home page shows.
const LATEST: u32 = 3;

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
    // Each fetch reads the language, so switching it fetches the texts again.
    let news = LocalResource::new(move || {
        let lang = i18n.lang();
        let filter = ArticleFilter {
            per_page: LATEST,
            ..ArticleFilter::default()
        };
        async move { list_articles(&filter, lang).await }
    });
    let events = LocalResource::new(move || {
        let lang = i18n.lang();
        let filter = EventFilter {
            per_page: LATEST,
            ..EventFilter::default()
        };
        async move { list_events(&filter, lang).await }
    });
    let story = LocalResource::new(move || {
        let lang = i18n.lang();
        async move { list_stories(1, 1, lang).await }
    });
    view! {
        <Title text=move || page_title(t().home_title) />
        <Meta name="description" content=tr(|t| t.home_description) />
        <section class="hero">
            <div class="wrap">
                <h1>{tr(|t| t.home_heading)}</h1>
                <p class="lead">{tr(|t| t.home_mission)}</p>
                <p>
                    <a class="button button-light" href="/members">
                        {tr(|t| t.home_directory_link)}
                    </a>
                </p>
            </div>
        </section>
        <section class="wrap page home-figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{tr(|t| t.home_figures_heading)}</h2>
            <Transition fallback=|| view! { <Loading /> }>{figures}</Transition>
        </section>
        <div class="wrap home-latest">
            <Latest
                id="latest-news"
                heading=|t| t.publishing.home_news_heading
                resource=news
                item=|article| view! { <ArticleCard article /> }.into_any()
                empty=|t| t.publishing.home_no_news
                all=("/news", |t| t.publishing.home_all_news)
            />
            <Latest
                id="upcoming-events"
                heading=|t| t.publishing.home_events_heading
                resource=events
                item=|event| view! { <EventCard event /> }.into_any()
                empty=|t| t.publishing.home_no_events
                all=("/events", |t| t.publishing.home_all_events)
            />
            <Latest
                id="latest-story"
                heading=|t| t.publishing.home_story_heading
                resource=story
                item=|story| view! { <StoryCard story /> }.into_any()
                empty=|t| t.publishing.home_no_story
                all=("/cooptales", |t| t.publishing.home_all_stories)
            />
        </div>
    }
}
