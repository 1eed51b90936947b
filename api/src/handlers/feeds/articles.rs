//! `GET /api/v1/feeds/articles.atom`: the newest published articles.

use actix_web::{HttpResponse, get, web};

use super::PublicUrl;
use crate::content::feeds::{self, FeedArticle};
use crate::db::content::{self, ItemType};
use crate::error::ApiError;
use crate::error::responses::{BadLanguage, InvalidCredentials, NotModified};
use crate::handlers::articles::get::LangQuery;
use crate::handlers::content::{Reader, article_summary, cache_headers, detail, preferences};
use crate::representation::etagged;

/// Entries in the feed.
const FEED_ENTRIES: i64 = 50;

/// The Atom 1.0 feed (RFC 4287) of the 50 newest published articles.
///
/// Entries carry the full body as HTML, in the best language the caller
/// asked for. Members-only articles appear only for signed-in callers and
/// tokens with `members:read`.
#[utoipa::path(
    tag = "feeds",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(LangQuery),
    responses(
        (status = 200, description = "The feed.", body = String,
            content_type = "application/atom+xml",
            headers(("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."))),
        NotModified,
        BadLanguage, InvalidCredentials
    )
)]
#[get("/feeds/articles.atom")]
pub async fn articles_feed(
    reader: Reader,
    query: web::Query<LangQuery>,
    public_url: web::Data<PublicUrl>,
) -> Result<HttpResponse, ApiError> {
    let Reader {
        req, audience, db, ..
    } = reader;
    let prefs = preferences(&req, query.lang.as_deref())?;
    let (origin, _) = public_url.resolve(&req);
    let xml = db
        .run(move |conn| {
            let rows = content::latest(conn, ItemType::Article, audience, FEED_ENTRIES)?;
            let mut entries = Vec::with_capacity(rows.len());
            for row in &rows {
                let detail = detail(conn, row, &prefs)?;
                entries.push(FeedArticle {
                    article: article_summary(row, detail.meta)?,
                    body_html: detail.body_html,
                    updated: row.updated_at.and_utc().max(row.publish_at.and_utc()),
                });
            }
            Ok(feeds::atom(&origin, entries))
        })
        .await?;
    let [cache, vary] = cache_headers(audience);
    let mut response = HttpResponse::Ok();
    response
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header(cache)
        .insert_header(vary);
    Ok(etagged(&req, response, xml.into_bytes()))
}
