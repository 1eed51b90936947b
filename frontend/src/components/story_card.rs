//! One #COOPTALES story in a list: the cooperative, where and in what
//! sector, the title, summary and the story's quote.

use cecop_shared::StorySummary;
use leptos::prelude::*;

use crate::components::content_card::ContentCard;
use crate::i18n::use_i18n;
use crate::intl;

/// A [`ContentCard`] linking to `/cooptales/{slug}`.
#[component]
pub fn StoryCard(story: StorySummary) -> impl IntoView {
    let i18n = use_i18n();
    let country = story.country;
    let lang = story.meta.lang.to_string();
    let facts = view! {
        <span class="card-kind">{story.cooperative}</span>
        {country.map(|c| view! { <span>{move || intl::country_name(i18n.lang(), c)}</span> })}
        {story.sector.map(|sector| view! { <span lang=lang.clone()>{sector}</span> })}
    };
    let quote = story.quote;
    view! {
        <ContentCard
            href=format!("/cooptales/{}", story.meta.slug)
            meta=story.meta
            testid="story-card"
            facts=facts.into_any()
        >
            {quote.map(|quote| view! { <blockquote class="card-quote" lang=lang>{quote}</blockquote> })}
        </ContentCard>
    }
}
