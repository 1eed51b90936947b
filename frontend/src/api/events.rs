//! Events (`GET /api/v1/events`, `GET /api/v1/events/{slug}`), and the
//! address of their iCalendar feed.

use cecop_shared::{Event, EventKind, EventSummary, PER_PAGE_DEFAULT, Page, Slug};

use super::{API_BASE, ApiError, get_json};
use crate::i18n::Lang;

/// What an event list is filtered by, and which page of it is wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFilter {
    /// Upcoming events (soonest first) or past ones (latest first).
    pub upcoming: bool,
    pub kind: Option<EventKind>,
    /// Words to search for; never empty when `Some`.
    pub q: Option<String>,
    /// The page number, from 1.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl Default for EventFilter {
    fn default() -> Self {
        Self {
            upcoming: true,
            kind: None,
            q: None,
            page: 1,
            per_page: PER_PAGE_DEFAULT,
        }
    }
}

/// Fetches one page of published events, each in `lang` where it has that translation.
pub async fn list_events(filter: &EventFilter, lang: Lang) -> Result<Page<EventSummary>, ApiError> {
    let mut query = vec![
        ("lang", lang.code().to_owned()),
        ("upcoming", filter.upcoming.to_string()),
        ("page", filter.page.to_string()),
        ("per_page", filter.per_page.to_string()),
    ];
    if let Some(kind) = filter.kind {
        query.push(("kind", kind.as_str().to_owned()));
    }
    if let Some(q) = &filter.q {
        query.push(("q", q.clone()));
    }
    get_json("/events", &query).await
}

/// Fetches one event in `lang` (or its default language).
pub async fn get_event(slug: &Slug, lang: Lang) -> Result<Event, ApiError> {
    get_json(
        &format!("/events/{slug}"),
        &[("lang", lang.code().to_owned())],
    )
    .await
}

/// The iCalendar feed of every published event, with texts in `lang`
/// (RFC 5545; calendar apps subscribe to it, browsers download it).
pub fn calendar_feed_href(lang: Lang) -> String {
    format!("{API_BASE}/feeds/events.ics?lang={}", lang.code())
}
