//! Answering content reads: a detail or a list page, from the content
//! cache while the content fingerprint stands (anonymous callers), else
//! from the database; with caching headers, `Content-Language` and an
//! `ETag`, in the coding the client takes.

use actix_web::HttpRequest;
use actix_web::http::header;
use cecop_shared::{ItemMeta, Language};
use diesel::Connection;

use super::params::{ListRequest, preferences};
use crate::content::cache::{CachedItem, CachedPage, ContentCache};
use crate::content::wire::{Detail, content_language, detail, metas};
use crate::db::content::{self, Audience, ContentRow};
use crate::error::ApiError;

/// Caching headers for a content read: shared caches may keep what anyone
/// may read; a view that includes members-only items is private. The answer
/// depends on the language asked for and on the credentials.
pub fn cache_headers(audience: Audience) -> [(&'static str, &'static str); 2] {
    [
        (
            "Cache-Control",
            if audience.members_only {
                "private, no-store"
            } else {
                "public, max-age=60"
            },
        ),
        ("Vary", "Accept-Language, Authorization"),
    ]
}

/// A detail request: the visible item of `item_type` with this slug, built
/// into its published type by `build`, answered like any item (`respond_item`); a
/// malformed slug is a 400, an item the caller may not see a 404. Anonymous
/// answers are kept in the [`ContentCache`] while the content fingerprint
/// is unchanged.
#[expect(clippy::too_many_arguments, reason = "the parts of one request")]
pub async fn respond_detail<T, F>(
    req: &HttpRequest,
    audience: Audience,
    db: &crate::db::Db,
    cache: &actix_web::web::Data<ContentCache>,
    item_type: content::ItemType,
    slug: &str,
    lang: Option<&str>,
    build: F,
) -> Result<actix_web::HttpResponse, ApiError>
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&ContentRow, Detail) -> Result<T, ApiError> + Send + 'static,
{
    let slug: cecop_shared::Slug = slug.parse().map_err(|e| ApiError::invalid("slug", e))?;
    let prefs = preferences(req, lang)?;
    // Only what anyone may read is shared between callers.
    let kept = match audience.members_only {
        true => None,
        false => {
            let key = shared_key(req);
            let fingerprint = current_fingerprint(db, cache, audience).await?;
            if let Some(hit) = cache.item(&key, &fingerprint) {
                return item_answer(req, audience, &hit);
            }
            let flight = cache.flights.join(&key).await;
            let fingerprint = current_fingerprint(db, cache, audience).await?;
            if let Some(hit) = cache.item(&key, &fingerprint) {
                return item_answer(req, audience, &hit);
            }
            Some((key, fingerprint, flight))
        }
    };
    let (body, lang) = db
        .quick_read(move |conn| {
            let row =
                content::find_visible(conn, item_type, &slug, audience)?.ok_or_else(|| {
                    ApiError::NotFound(format!(
                        "No published {} has this slug.",
                        item_type.as_str()
                    ))
                })?;
            let detail = detail(conn, &row, &prefs)?;
            let lang = detail.meta.lang.clone();
            let body = serde_json::to_vec(&build(&row, detail)?)
                .map_err(|e| ApiError::Internal(e.into()))?;
            Ok((body, lang))
        })
        .await?;
    let Some((key, fingerprint, _flight)) = kept else {
        return Ok(respond_item(req, audience, &lang, body));
    };
    let item = std::sync::Arc::new(CachedItem {
        body: crate::representation::GzipOnly::new(&body)
            .map_err(|e| ApiError::Internal(e.into()))?,
        lang,
    });
    cache.put_item(key, &fingerprint, std::sync::Arc::clone(&item));
    item_answer(req, audience, &item)
}

/// The key of an answer anyone may read: path, query and the languages
/// asked for, everything it varies with.
fn shared_key(req: &HttpRequest) -> String {
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    format!("{}?{}|{accept}", req.path(), req.query_string())
}

/// The content fingerprint: the one read in the last second, else read now
/// (a handful of index lookups, on the worker when SQLite is free at once).
async fn current_fingerprint(
    db: &crate::db::Db,
    cache: &actix_web::web::Data<ContentCache>,
    audience: Audience,
) -> Result<content::Fingerprint, ApiError> {
    if let Some(fingerprint) = cache.recent_fingerprint() {
        return Ok(fingerprint);
    }
    let now = audience.now;
    let fingerprint = db
        .quick_read(move |conn| Ok(content::fingerprint(conn, now)?))
        .await?;
    cache.saw(&fingerprint);
    Ok(fingerprint)
}

/// Answers with a kept item, in the coding the client takes.
fn item_answer(
    req: &HttpRequest,
    audience: Audience,
    item: &CachedItem,
) -> Result<actix_web::HttpResponse, ApiError> {
    let chosen = item
        .body
        .choose(req.headers())
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut response = item_head(audience, &item.lang);
    response.content_type("application/json");
    if let Some(coding) = chosen.coding {
        response.insert_header((header::CONTENT_ENCODING, coding.to_header_value()));
    }
    Ok(crate::representation::etagged_with(
        req,
        response,
        chosen.body,
        Some(&chosen.etag),
    ))
}

/// Runs a list request and answers with one page of `convert`ed items, with
/// paging, caching and `Content-Language` headers and an `ETag`. Anonymous
/// pages are served from the [`ContentCache`] while the content fingerprint
/// is unchanged.
pub async fn respond_list<T>(
    req: &HttpRequest,
    db: &crate::db::Db,
    cache: &actix_web::web::Data<ContentCache>,
    list: ListRequest,
    convert: fn(&ContentRow, ItemMeta) -> Result<T, ApiError>,
) -> Result<actix_web::HttpResponse, ApiError>
where
    T: serde::Serialize + Send + 'static,
{
    let ListRequest {
        mut filter,
        words,
        audience,
        order,
        page,
        prefs,
    } = list;
    // Only what anyone may read is shared between callers.
    let page_key = (!audience.members_only).then(|| shared_key(req));
    let mut _flight = None;
    if let Some(key) = &page_key {
        let fingerprint = current_fingerprint(db, cache, audience).await?;
        if let Some(cached) = cache.page(key, &fingerprint) {
            return Ok(page_answer(req, page, audience, &cached));
        }
        _flight = Some(cache.flights.join(key).await);
        let fingerprint = current_fingerprint(db, cache, audience).await?;
        if let Some(cached) = cache.page(key, &fingerprint) {
            return Ok(page_answer(req, page, audience, &cached));
        }
    }
    let shared = cache.clone();
    let cached = db
        .run(move |conn| {
            if !words.is_empty() {
                filter.text = Some(crate::db::search::text_match(conn, &words));
            }
            // One transaction: the total and the page describe the same data.
            let (rows, total, fingerprint) = conn.transaction(|conn| {
                let fingerprint = content::fingerprint(conn, audience.now)?;
                let key = format!("{filter:?}|{}", audience.members_only);
                let total = match shared.total(&key, &fingerprint) {
                    Some(total) => total,
                    None => {
                        let total = content::count(conn, &filter, audience)?;
                        shared.put_total(key, fingerprint.clone(), total);
                        total
                    }
                };
                let rows = content::page(
                    conn,
                    &filter,
                    audience,
                    order,
                    page.offset(),
                    i64::from(page.per_page()),
                )?;
                diesel::QueryResult::Ok((rows, total, fingerprint))
            })?;
            shared.saw(&fingerprint);
            let metas = metas(conn, &rows, &prefs)?;
            let languages = content_language(&metas.iter().collect::<Vec<_>>());
            let items = rows
                .iter()
                .zip(metas)
                .map(|(row, meta)| convert(row, meta))
                .collect::<Result<Vec<T>, _>>()?;
            let body = serde_json::to_vec(&cecop_shared::Page::new(
                items,
                page,
                u64::try_from(total).unwrap_or_default(),
            ))
            .map_err(|e| ApiError::Internal(e.into()))?;
            let cached = std::sync::Arc::new(CachedPage {
                body: crate::representation::Representations::new(
                    crate::representation::kept_bytes(body),
                ),
                total,
                languages,
            });
            if let Some(key) = page_key {
                shared.put_page(key, fingerprint, std::sync::Arc::clone(&cached));
            }
            Ok(cached)
        })
        .await?;
    Ok(page_answer(req, page, audience, &cached))
}

fn page_answer(
    req: &HttpRequest,
    page: cecop_shared::PageRequest,
    audience: Audience,
    cached: &CachedPage,
) -> actix_web::HttpResponse {
    let [cache, vary] = cache_headers(audience);
    let mut headers = vec![cache, vary];
    if !cached.languages.is_empty() {
        headers.push(("Content-Language", cached.languages.as_str()));
    }
    crate::handlers::pagination::page_kept_response(req, page, cached.total, &cached.body, &headers)
}

/// The status and headers of an item answer: caching, `Vary` and its
/// `Content-Language`.
fn item_head(audience: Audience, lang: &Language) -> actix_web::HttpResponseBuilder {
    let [cache, vary] = cache_headers(audience);
    let mut response = actix_web::HttpResponse::Ok();
    response
        .insert_header(cache)
        .insert_header(vary)
        .insert_header(("Content-Language", lang.as_str()));
    response
}

/// Answers with one serialised item, its `Content-Language`, caching
/// headers and `ETag`.
fn respond_item(
    req: &HttpRequest,
    audience: Audience,
    lang: &Language,
    body: Vec<u8>,
) -> actix_web::HttpResponse {
    let mut response = item_head(audience, lang);
    response.content_type("application/json");
    crate::representation::etagged(req, response, body)
}
