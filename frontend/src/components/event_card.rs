//! One event in a list: its kind, when it happens (as the clocks show it
//! where it happens), where, its title and summary.

use cecop_shared::EventSummary;
use leptos::prelude::*;

use crate::components::content_card::ContentCard;
use crate::i18n::use_i18n;
use crate::intl;

/// A [`ContentCard`] linking to `/events/{slug}`.
#[component]
pub fn EventCard(event: EventSummary) -> impl IntoView {
    let i18n = use_i18n();
    let kind = event.kind;
    let (start, end) = (event.starts_local, event.ends_local);
    let zone = event.time_zone;
    let place = place_text(event.city, event.country, event.online_url.is_some());
    let facts = view! {
        <span class="card-kind">{move || i18n.t().publishing.event_kind(kind)}</span>
        <time datetime=event.starts_at.to_rfc3339()>
            {move || format!("{} ({zone})", intl::local_range(i18n.lang(), &start, &end))}
        </time>
        <span>{place}</span>
    };
    view! {
        <ContentCard
            href=format!("/events/{}", event.meta.slug)
            meta=event.meta
            testid="event-card"
            facts=facts.into_any()
        />
    }
}

/// "Lisbon, Portugal", or "Online", in the interface language.
pub fn place_text(
    city: Option<String>,
    country: Option<cecop_shared::CountryCode>,
    online: bool,
) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    move || {
        let lang = i18n.lang();
        let mut parts: Vec<String> = city.iter().cloned().collect();
        parts.extend(country.map(|c| intl::country_name(lang, c)));
        if parts.is_empty() && online {
            return i18n.t().publishing.event_online.to_owned();
        }
        parts.join(", ")
    }
}
