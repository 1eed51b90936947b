//! `/cooptales/:slug`: one #COOPTALES story — the cooperative, where and in
//! what sector, its quote, the photograph's description and the story.

use cecop_shared::{Slug, Story};
use leptos::prelude::*;

use crate::api::stories::get_story;
use crate::components::detail_loader::{DetailLoader, use_slug};
use crate::components::eu_notice::EuNotice;
use crate::components::item_header::{ItemBody, ItemHeader};
use crate::i18n::use_i18n;
use crate::intl;
use crate::pages::news::article_view::item_details;

/// `/cooptales/:slug`
#[component]
pub fn StoryPage() -> impl IntoView {
    view! {
        <DetailLoader
            id=use_slug()
            fetch=|slug: Slug, lang| async move { get_story(&slug, lang).await }
            render=|story| view! { <StoryView story /> }.into_any()
            heading=|t| t.publishing.story_title
        />
    }
}

/// The story's page content.
#[component]
pub fn StoryView(story: Story) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    let summary = story.summary;
    let meta = summary.meta;
    let lang = meta.lang.to_string();
    let country = summary.country;
    let fact = |label: fn(&crate::i18n::Strings) -> &'static str, value: AnyView| {
        view! {
            <div>
                <dt>{move || label(i18n.t())}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let facts = view! {
        <dl class="facts">
            {fact(|t| t.publishing.field_cooperative, summary.cooperative.into_any())}
            {country
                .map(|c| {
                    fact(|t| t.field_country, (move || intl::country_name(i18n.lang(), c)).into_any())
                })}
            {summary
                .sector
                .map(|sector| {
                    fact(|t| t.publishing.field_sector, view! { <span lang=lang.clone()>{sector}</span> }.into_any())
                })}
        </dl>
    };
    // Photographs are media references the server does not serve yet: no
    // broken image, only what the photograph shows.
    let photo = summary.photo.map(|photo| {
        view! {
            <figure class="photo-placeholder">
                <figcaption>
                    <span class="photo-label">{move || p().photo_label}</span>
                    " "
                    <span lang=lang.clone()>{photo.alt}</span>
                </figcaption>
            </figure>
        }
    });
    let quote = summary.quote.map(
        |quote| view! { <blockquote class="story-quote" lang=lang.clone()>{quote}</blockquote> },
    );
    let details = item_details(meta.themes.clone(), meta.tags.clone(), story.members);
    let eu_funded = meta.eu_funded;
    view! {
        <article class="wrap page item story">
            <ItemHeader meta back=Some(("/cooptales", |t| t.publishing.stories_back)) />
            {facts}
            {quote}
            {photo}
            <ItemBody html=story.body_html lang=lang.clone() />
            {details}
            {eu_funded.then(|| view! { <EuNotice /> })}
        </article>
    }
}
