//! The link to the iCalendar feed of CECOP's events (RFC 5545), with texts
//! in the interface language: calendar apps subscribe to it, browsers
//! download it.

use leptos::prelude::*;

use crate::api::events::calendar_feed_href;
use crate::i18n::use_i18n;

/// The link and a line saying what it is.
#[component]
pub fn CalendarLink() -> impl IntoView {
    let i18n = use_i18n();
    let p = move || &i18n.t().publishing;
    view! {
        <p class="calendar-link">
            // Served by the API, not the app: rel=external keeps the router out.
            <a
                href=move || calendar_feed_href(i18n.lang())
                rel="external"
                type="text/calendar"
                data-testid="calendar-link"
                aria-describedby="calendar-hint"
            >
                {move || p().add_to_calendar}
            </a>
            " "
            <span id="calendar-hint" class="hint">{move || p().add_to_calendar_hint}</span>
        </p>
    }
}
