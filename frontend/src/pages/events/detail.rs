//! `/events/:slug`: one event, in the interface language where translated.

use cecop_shared::{Event, Slug};
use leptos::prelude::*;

use crate::api::events::get_event;
use crate::components::detail_loader::{DetailLoader, use_slug};
use crate::components::eu_notice::EuNotice;
use crate::components::item_header::{ItemBody, ItemHeader};
use crate::i18n::use_i18n;
use crate::pages::events::calendar_link::CalendarLink;
use crate::pages::events::facts::EventFacts;
use crate::pages::news::article_view::item_details;

/// `/events/:slug`
#[component]
pub fn EventPage() -> impl IntoView {
    view! {
        <DetailLoader
            id=use_slug()
            fetch=|slug: Slug, lang| async move { get_event(&slug, lang).await }
            render=|event| view! { <EventView event /> }.into_any()
            heading=|t| t.publishing.event_title
        />
    }
}

/// The event's page content.
#[component]
pub fn EventView(event: Event) -> impl IntoView {
    let i18n = use_i18n();
    let meta = event.summary.meta.clone();
    let kind = event.summary.kind;
    let facts =
        view! { <span class="card-kind">{move || i18n.t().publishing.event_kind(kind)}</span> };
    let lang = meta.lang.to_string();
    let details = item_details(
        meta.themes.clone(),
        meta.tags.clone(),
        event.members.clone(),
    );
    let eu_funded = meta.eu_funded;
    let body = event.body_html.clone();
    view! {
        <article class="wrap page item">
            <ItemHeader meta back=Some(("/events", |t| t.publishing.events_back)) facts=Some(facts.into_any()) />
            <EventFacts event />
            <CalendarLink />
            <ItemBody html=body lang />
            {details}
            {eu_funded.then(|| view! { <EuNotice /> })}
        </article>
    }
}
