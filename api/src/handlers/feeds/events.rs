//! `GET /api/v1/feeds/events.ics`: published events as an iCalendar file.

use actix_web::{HttpResponse, get, web};

use super::PublicUrl;
use crate::content::feeds::{self, FeedEvent};
use crate::db::content::{self, ItemType};
use crate::error::ApiError;
use crate::error::responses::{BadLanguage, InvalidCredentials, NotModified};
use crate::handlers::articles::get::LangQuery;
use crate::handlers::content::{Reader, cache_headers, event_summary, metas, preferences};
use crate::representation::etagged;

/// Events in the file.
const FEED_EVENTS: i64 = 500;

/// Published events as iCalendar (RFC 5545), for calendar subscriptions.
///
/// Each event keeps its own time zone: `DTSTART`/`DTEND` name it with
/// `TZID`, and a `VTIMEZONE` from the tz database defines it.
#[utoipa::path(
    tag = "feeds",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(LangQuery),
    responses(
        (status = 200, description = "The calendar.", body = String,
            content_type = "text/calendar",
            headers(("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."))),
        NotModified,
        BadLanguage, InvalidCredentials
    )
)]
#[get("/feeds/events.ics")]
pub async fn events_feed(
    reader: Reader,
    query: web::Query<LangQuery>,
    public_url: web::Data<PublicUrl>,
) -> Result<HttpResponse, ApiError> {
    let Reader {
        req, audience, db, ..
    } = reader;
    let prefs = preferences(&req, query.lang.as_deref())?;
    let (origin, host) = public_url.resolve(&req);
    let ics = db
        .run(move |conn| {
            let rows = content::latest(conn, ItemType::Event, audience, FEED_EVENTS)?;
            let metas = metas(conn, &rows, &prefs)?;
            let events = rows
                .iter()
                .zip(metas)
                .map(|(row, meta)| {
                    Ok(FeedEvent {
                        event: event_summary(row, meta)?,
                        updated: row.updated_at.and_utc(),
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            Ok(feeds::ics(&origin, &host, events))
        })
        .await?;
    let [cache, vary] = cache_headers(audience);
    let mut response = HttpResponse::Ok();
    response
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "inline; filename=\"cecop-events.ics\"",
        ))
        .insert_header(cache)
        .insert_header(vary);
    Ok(etagged(&req, response, ics.into_bytes()))
}
