//! `GET /api/v1/events`: published events, upcoming or past.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{CountryCode, EventKind, EventSummary, Page, Theme};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::db::content::{ContentFilter, ItemKind, ItemType, Order};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, InvalidCredentials, NotModified};
use crate::handlers::content::{ListParams, Reader, day_range, event_summary, respond_list};
use crate::handlers::pagination::PageParams;
use crate::handlers::parse_param;

/// Query parameters, parsed one by one so an invalid value is named.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListEventsQuery {
    /// `true`: events not yet ended, soonest first. `false`: ended events,
    /// most recent first. Absent: all, most recent start first.
    #[param(value_type = Option<bool>)]
    upcoming: Option<String>,
    /// Only events of this kind.
    #[param(inline, value_type = Option<EventKind>)]
    kind: Option<String>,
    /// Only events under this theme.
    #[param(inline, value_type = Option<Theme>)]
    theme: Option<String>,
    /// Only events in this country (ISO 3166-1 alpha-2).
    #[param(value_type = Option<CountryCode>, example = "BE")]
    country: Option<String>,
    /// Starting on or after this day (`YYYY-MM-DD`, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2024-01-01")]
    from: Option<String>,
    /// Starting on or before this day (`YYYY-MM-DD`, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2024-12-31")]
    to: Option<String>,
}

/// List published events.
///
/// Times are given as instants (`starts_at`, `ends_at`, UTC) and as the
/// clocks show them where the event happens (`starts_local`, `ends_local`,
/// in `time_zone`).
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(ListEventsQuery, ListParams, PageParams),
    responses(
        (status = 200, description = "One page of events.", body = Page<EventSummary>,
            headers(
                ("X-Total-Count" = u64, description = "Events matching the filters, on all pages."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last."),
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."),
                ("Content-Language" = String, description = "The languages of the items served.")
            )),
        NotModified,
        BadParameter, InvalidCredentials
    )
)]
#[get("/events")]
pub async fn list_events(
    reader: Reader,
    params: web::Query<ListParams>,
    query: web::Query<ListEventsQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut filter = ContentFilter::new(ItemType::Event);
    filter.upcoming = parse_param::<bool>("upcoming", query.upcoming.as_deref())?;
    filter.kinds = parse_param::<EventKind>("kind", query.kind.as_deref())?
        .map(|k| vec![ItemKind::Event(k)])
        .unwrap_or_default();
    filter.theme = parse_param::<Theme>("theme", query.theme.as_deref())?;
    filter.country = parse_param::<CountryCode>("country", query.country.as_deref())?;
    (filter.from, filter.to) = day_range(query.from.as_deref(), query.to.as_deref())?;
    let order = if filter.upcoming == Some(true) {
        Order::StartsSoonest
    } else {
        Order::StartsLatest
    };
    let list = params.request(&reader, filter, order)?;
    respond_list(&reader, list, event_summary).await
}
