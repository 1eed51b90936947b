//! Answering content reads: a detail or a list page, from the content
//! cache while the content fingerprint stands (anonymous callers), else
//! from the database; with caching headers, `Content-Language` and an
//! `ETag`, in the coding the client takes.

use actix_web::HttpRequest;
use actix_web::http::header;
use cecop_shared::{ItemMeta, Language};
use diesel::Connection;

use std::sync::Arc;

use super::params::{ListRequest, preferences};
use super::reader::Reader;
use crate::content::cache::{CachedItem, CachedPage, ContentCache};
use crate::content::wire::{Detail, content_language, detail, metas};
use crate::db::content::{self, Audience, ContentRow};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::representation::{GzipOnly, Representations};

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
/// malformed slug is a 400, an item the caller may not see a 404, and the
/// old slug of a renamed item a 308 to its current one. Anonymous
/// answers are kept in the [`ContentCache`] while the content fingerprint
/// is unchanged.
pub async fn respond_detail<T, F>(
    reader: &Reader,
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
    match find_detail(reader, item_type, slug.clone(), lang, build).await {
        Err(ApiError::NotFound(message)) => match moved(reader, item_type, slug).await? {
            Some(location) => Ok(actix_web::HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, location))
                .insert_header(cache_headers(reader.audience)[0])
                .finish()),
            None => Err(ApiError::NotFound(message)),
        },
        answer => answer,
    }
}

/// Where an item that had this slug is now, when it was renamed and the
/// caller may see it: the same path and query with the current slug.
async fn moved(
    reader: &Reader,
    item_type: content::ItemType,
    slug: cecop_shared::Slug,
) -> Result<Option<String>, ApiError> {
    let audience = reader.audience;
    let current = reader
        .db
        .quick_read(move |conn| {
            let Some(current) = content::editorial::redirect(conn, item_type, &slug)? else {
                return Ok(None);
            };
            let shown = content::find_visible(conn, item_type, &current, audience)?.is_some();
            Ok(shown.then_some(current))
        })
        .await?;
    let req = &reader.req;
    Ok(current.map(|current| {
        let parent = req.path().rsplit_once('/').map_or("", |(parent, _)| parent);
        match req.query_string() {
            "" => format!("{parent}/{current}"),
            query => format!("{parent}/{current}?{query}"),
        }
    }))
}

/// [`respond_detail`] once the slug is parsed: the item, or a 404.
async fn find_detail<T, F>(
    reader: &Reader,
    item_type: content::ItemType,
    slug: cecop_shared::Slug,
    lang: Option<&str>,
    build: F,
) -> Result<actix_web::HttpResponse, ApiError>
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&ContentRow, Detail) -> Result<T, ApiError> + Send + 'static,
{
    let (req, audience, db, cache) = (&reader.req, reader.audience, &**reader.db, &reader.cache);
    let prefs = preferences(req, lang)?;
    let reader = db.clone();
    let load = async move {
        reader
            .quick_read(move |conn| {
                let row =
                    content::find_visible(conn, item_type, &slug, audience)?.ok_or_else(|| {
                        ApiError::NotFound(format!("No published {item_type} has this slug."))
                    })?;
                let detail = detail(conn, &row, &prefs)?;
                let lang = detail.meta.lang.clone();
                let body = serde_json::to_vec(&build(&row, detail)?)
                    .map_err(|e| ApiError::Internal(e.into()))?;
                Ok((body, lang))
            })
            .await
    };
    // Only what anyone may read is shared between callers.
    if audience.members_only {
        let (body, lang) = load.await?;
        return Ok(respond_item(req, audience, &lang, body));
    }
    let item = cache
        .items
        .get_or_compute(
            &shared_key(req),
            &cache.fingerprint,
            || read_fingerprint(db.clone(), audience),
            |fingerprint| async move {
                let (body, lang) = load.await?;
                let body = GzipOnly::new(&body).map_err(|e| ApiError::Internal(e.into()))?;
                Ok((fingerprint, Arc::new(CachedItem { body, lang })))
            },
        )
        .await?;
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

/// Reads the content fingerprint: a handful of index lookups, on the worker
/// when SQLite is free at once.
async fn read_fingerprint(db: Db, audience: Audience) -> Result<content::Fingerprint, ApiError> {
    let now = audience.now;
    db.quick_read(move |conn| Ok(content::fingerprint(conn, now)?))
        .await
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
    reader: &Reader,
    list: ListRequest,
    convert: fn(&ContentRow, ItemMeta) -> Result<T, ApiError>,
) -> Result<actix_web::HttpResponse, ApiError>
where
    T: serde::Serialize + Send + 'static,
{
    let (req, db, cache) = (&reader.req, &**reader.db, &reader.cache);
    let page = list.page;
    let audience = list.audience;
    let runner = db.clone();
    let shared = Arc::clone(cache);
    let compute = async move {
        runner
            .run(move |conn| build_page(conn, &shared, list, convert))
            .await
    };
    // Only what anyone may read is shared between callers.
    let cached = if audience.members_only {
        compute.await?.1
    } else {
        cache
            .pages
            .get_or_compute(
                &shared_key(req),
                &cache.fingerprint,
                || read_fingerprint(db.clone(), audience),
                |_| compute,
            )
            .await?
    };
    Ok(page_answer(req, page, audience, &cached))
}

/// One page of a list, with its total and the fingerprint both were read
/// under (in one transaction, so they describe the same data).
fn build_page<T: serde::Serialize>(
    conn: &mut DbConnection,
    cache: &ContentCache,
    list: ListRequest,
    convert: fn(&ContentRow, ItemMeta) -> Result<T, ApiError>,
) -> Result<(content::Fingerprint, Arc<CachedPage>), ApiError> {
    let ListRequest {
        mut filter,
        words,
        audience,
        order,
        page,
        prefs,
    } = list;
    if !words.is_empty() {
        filter.text = Some(crate::db::search::text_match(conn, &words));
    }
    let (rows, total, fingerprint) = conn.transaction(|conn| {
        let fingerprint = content::fingerprint(conn, audience.now)?;
        let key = format!("{filter:?}|{}", audience.members_only);
        let total = match cache.totals.get(&key, &fingerprint) {
            Some(total) => *total,
            None => {
                let total = content::count(conn, &filter, audience)?;
                cache.totals.put(key, &fingerprint, Arc::new(total));
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
    cache.fingerprint.saw(&fingerprint);
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
    let cached = Arc::new(CachedPage {
        body: Representations::new(crate::representation::kept_bytes(body)),
        total,
        languages,
    });
    Ok((fingerprint, cached))
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
