//! `/events`: upcoming events (soonest first) or past ones (latest first),
//! filtered and paged through the URL query.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::events::list_events;
use crate::components::data_table::Text;
use crate::components::event_card::EventCard;
use crate::components::page_head::PageHead;
use crate::components::paged_list::PagedList;
use crate::i18n::use_i18n;
use crate::pages::events::calendar_link::CalendarLink;
use crate::pages::events::filters::{EventFilters, WhenTabs};
use crate::pages::events::query::EventsQuery;

/// `/events?when=upcoming|past&kind=&q=&page=`
#[component]
pub fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        EventsQuery::from_query(|name| params.get_str(name))
    });
    let events = LocalResource::new(move || {
        let query = query.get();
        let lang = i18n.lang();
        async move { list_events(&query.0, lang).await }
    });
    // The empty message depends on the tab, so the list is drawn anew when
    // the tab changes (and only then: other changes update it in place).
    let upcoming = Memo::new(move |_| query.read().0.upcoming);
    let list = move || {
        let empty: Text = if upcoming.get() {
            |t| t.publishing.events_upcoming_empty
        } else {
            |t| t.publishing.events_past_empty
        };
        view! {
            <PagedList
                resource=events
                query
                item=|event| view! { <EventCard event /> }.into_any()
                total=|t, n| (t.publishing.events_total)(n)
                empty
                testid="event-total"
            />
        }
    };
    view! {
        <div class="wrap page">
            <PageHead
                title=|t| t.publishing.events_title
                description=|t| t.publishing.events_description
                heading=|t| t.publishing.events_heading
                intro=|t| t.publishing.events_intro
            />
            <CalendarLink />
            <WhenTabs query />
            <EventFilters query />
            {list}
        </div>
    }
}
