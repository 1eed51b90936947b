//! The facts of an event's page: when (as the clocks show it at the venue,
//! and in the visitor's own time zone), where or how to join, who organises
//! it and where to register.

use cecop_shared::{Event, Organiser};
use leptos::prelude::*;

use crate::components::event_card::place_text;
use crate::i18n::use_i18n;
use crate::intl;

/// A description list of the event's facts.
#[component]
pub fn EventFacts(event: Event) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    let summary = event.summary;
    let lang = summary.meta.lang.to_string();
    let (start_local, end_local) = (summary.starts_local, summary.ends_local);
    let (start, end) = (summary.starts_at, summary.ends_at);
    let zone = summary.time_zone;
    let visitor_zone = intl::visitor_time_zone().unwrap_or_else(|| "UTC".to_owned());
    let online = summary.online_url.is_some();
    let place = place_text(summary.city, summary.country, online);
    let venue = summary
        .venue
        .map(|venue| view! { <span lang=lang.clone()>{venue}</span><br /> });
    let join = summary.online_url.map(|url| {
        view! {
            <br />
            <a href=url>{move || p().event_join}</a>
        }
    });
    let organisers = (!event.organisers.is_empty()).then(|| {
        let items = event.organisers.into_iter().map(organiser).collect_view();
        view! {
            <div>
                <dt>{move || p().event_organisers}</dt>
                <dd>
                    <ul class="plain-list">{items}</ul>
                </dd>
            </div>
        }
    });
    let register = event.registration_url.map(|url| {
        view! {
            <p class="event-actions">
                <a class="button" href=url data-testid="register-link">
                    {move || p().event_register}
                </a>
            </p>
        }
    });
    view! {
        <dl class="facts event-facts">
            <div>
                <dt>{move || (p().venue_time)(&zone)}</dt>
                <dd>
                    <time datetime=start.to_rfc3339() data-testid="venue-time">
                        {move || intl::local_range(i18n.lang(), &start_local, &end_local)}
                    </time>
                </dd>
            </div>
            <div>
                <dt>{move || (p().visitor_time)(&visitor_zone)}</dt>
                <dd data-testid="visitor-time">{move || intl::visitor_range(i18n.lang(), &start, &end)}</dd>
            </div>
            <div>
                <dt>{move || p().event_where}</dt>
                <dd>{venue} {place} {join}</dd>
            </div>
            {organisers}
        </dl>
        {register}
    }
}

/// One organiser: a link when it is a CECOP member, and its role.
fn organiser(organiser: Organiser) -> impl IntoView {
    let i18n = use_i18n();
    let role = organiser.role;
    let name = match organiser.member {
        Some(slug) => view! { <a href=format!("/members/{slug}")>{organiser.name}</a> }.into_any(),
        None => organiser.name.into_any(),
    };
    view! {
        <li>
            {name}
            <span class="muted">" (" {move || i18n.t().publishing.organiser_role(role)} ")"</span>
        </li>
    }
}
