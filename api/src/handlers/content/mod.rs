//! What the article, event, story, search and feed handlers share: who the
//! audience is, which language to serve, the common query parameters, and
//! turning stored rows into the published types.

use std::collections::HashMap;

use actix_web::HttpRequest;
use actix_web::http::header;
use anyhow::Context;
use cecop_shared::{
    ArticleSummary, Attachment, EventSummary, ItemMeta, Language, MemberRef, Organiser, Photo,
    StorySummary,
};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use diesel::Connection;

use crate::auth::MaybePrincipal;
use crate::content::cache::{CachedItem, CachedPage, ContentCache};
use crate::content::clock::Clock;
use crate::content::language::Preferences;
use crate::db::DbConnection;
use crate::db::content::{self, Audience, ContentRow, TranslationHead};
use crate::error::ApiError;
use crate::handlers::parse_param;

/// Longest accepted search text, in characters.
pub const Q_MAX_CHARS: usize = 200;

/// The audience of a request: the clock's now, and whether the caller may
/// read members-only items.
pub fn audience(caller: &MaybePrincipal, clock: &Clock) -> Audience {
    Audience {
        now: clock.now(),
        members_only: caller.reads_members_only(),
    }
}

/// The caller's language preferences from `?lang=` and `Accept-Language`.
pub fn preferences(req: &HttpRequest, lang: Option<&str>) -> Result<Preferences, ApiError> {
    let explicit: Option<Language> = parse_param("lang", lang)?;
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Ok(Preferences::new(explicit, accept))
}

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

/// The `Content-Language` of a list: the distinct languages of its items.
pub fn content_language(metas: &[&ItemMeta]) -> String {
    let mut languages: Vec<&str> = metas.iter().map(|m| m.lang.as_str()).collect();
    languages.sort_unstable();
    languages.dedup();
    languages.join(", ")
}

/// A `YYYY-MM-DD` date parameter as the start of that day (UTC).
pub fn parse_day(name: &str, raw: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    raw.map(|value| {
        NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_err(|_| ApiError::invalid(name, "must be a date written YYYY-MM-DD"))
    })
    .transpose()
}

/// `from`/`to` days as a half-open range of instants: from the start of
/// `from` to the end of `to`, both included. A `to` before `from` is an
/// empty range, not an error: each bound is valid on its own.
pub fn day_range(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<NaiveDateTime>, Option<NaiveDateTime>), ApiError> {
    let from = parse_day("from", from)?;
    let to = parse_day("to", to)?;
    Ok((
        from.and_then(|d| d.and_hms_opt(0, 0, 0)),
        to.and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
    ))
}

fn corrupt(row: &ContentRow, what: &str) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(
        "{} {}: bad stored {what}",
        row.item_type,
        row.slug
    ))
}

fn parse_stored<T: std::str::FromStr>(
    row: &ContentRow,
    what: &str,
    value: &str,
) -> Result<T, ApiError> {
    value.parse().map_err(|_| corrupt(row, what))
}

/// Builds the language-resolved metadata of each row (same order), loading
/// translations, themes and tags for all of them in three queries.
pub fn metas(
    conn: &mut DbConnection,
    rows: &[ContentRow],
    prefs: &Preferences,
) -> Result<Vec<ItemMeta>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut heads: HashMap<i64, Vec<TranslationHead>> = HashMap::new();
    for head in content::translation_heads(conn, &ids)? {
        heads.entry(head.content_id).or_default().push(head);
    }
    let mut themes: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, theme) in content::themes(conn, &ids)? {
        themes.entry(id).or_default().push(theme);
    }
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, tag) in content::tags(conn, &ids)? {
        tags.entry(id).or_default().push(tag);
    }
    rows.iter()
        .map(|row| {
            let heads = heads.remove(&row.id).unwrap_or_default();
            meta(
                row,
                heads,
                themes.remove(&row.id).unwrap_or_default(),
                tags.remove(&row.id).unwrap_or_default(),
                prefs,
            )
        })
        .collect()
}

fn meta(
    row: &ContentRow,
    heads: Vec<TranslationHead>,
    themes: Vec<String>,
    tags: Vec<String>,
    prefs: &Preferences,
) -> Result<ItemMeta, ApiError> {
    let default_lang: Language = parse_stored(row, "default_lang", &row.default_lang)?;
    let languages = heads
        .iter()
        .map(|h| parse_stored(row, "lang", &h.lang))
        .collect::<Result<Vec<Language>, _>>()?;
    let lang = prefs.choose(&languages, &default_lang).clone();
    let head = heads
        .into_iter()
        .find(|h| h.lang == lang.as_str())
        .ok_or_else(|| corrupt(row, "translation for its default language"))?;
    Ok(ItemMeta {
        slug: parse_stored(row, "slug", &row.slug)?,
        lang,
        default_lang,
        languages,
        title: head.title,
        summary: head.summary,
        published_at: row.publish_at.and_utc(),
        themes: themes
            .iter()
            .map(|t| parse_stored(row, "theme", t))
            .collect::<Result<_, _>>()?,
        tags,
        visibility: parse_stored(row, "visibility", &row.visibility)?,
        eu_funded: row.eu_funded,
        illustrative: row.illustrative,
    })
}

fn json_column<T: serde::de::DeserializeOwned>(
    row: &ContentRow,
    what: &str,
    value: &str,
) -> Result<T, ApiError> {
    serde_json::from_str(value)
        .with_context(|| format!("{} {}: bad stored {what}", row.item_type, row.slug))
        .map_err(ApiError::Internal)
}

fn country(row: &ContentRow) -> Result<Option<cecop_shared::CountryCode>, ApiError> {
    row.country
        .as_deref()
        .map(|c| parse_stored(row, "country", c))
        .transpose()
}

pub fn article_summary(row: &ContentRow, meta: ItemMeta) -> Result<ArticleSummary, ApiError> {
    Ok(ArticleSummary {
        kind: parse_stored(row, "kind", row.kind.as_deref().unwrap_or_default())?,
        country: country(row)?,
        meta,
    })
}

pub fn event_summary(row: &ContentRow, meta: ItemMeta) -> Result<EventSummary, ApiError> {
    let zone_name = row.time_zone.clone().unwrap_or_default();
    let zone: chrono_tz::Tz = parse_stored(row, "time_zone", &zone_name)?;
    let (starts, ends) = row
        .starts_at
        .zip(row.ends_at)
        .ok_or_else(|| corrupt(row, "start or end"))?;
    let local = |t: NaiveDateTime| zone.from_utc_datetime(&t).naive_local();
    Ok(EventSummary {
        kind: parse_stored(row, "kind", row.kind.as_deref().unwrap_or_default())?,
        starts_at: starts.and_utc(),
        ends_at: ends.and_utc(),
        starts_local: local(starts),
        ends_local: local(ends),
        time_zone: zone_name,
        venue: row.venue.clone(),
        city: row.city.clone(),
        country: country(row)?,
        online_url: row.online_url.clone(),
        meta,
    })
}

pub fn story_summary(row: &ContentRow, meta: ItemMeta) -> Result<StorySummary, ApiError> {
    let photo: Option<Photo> = row
        .photo
        .as_deref()
        .map(|p| json_column(row, "photo", p))
        .transpose()?;
    Ok(StorySummary {
        cooperative: row.cooperative.clone().unwrap_or_default(),
        country: country(row)?,
        sector: row.sector.clone(),
        quote: row.quote.clone(),
        photo,
        meta,
    })
}

pub fn attachments(row: &ContentRow) -> Result<Vec<Attachment>, ApiError> {
    json_column(row, "attachments", &row.attachments)
}

pub fn organisers(row: &ContentRow) -> Result<Vec<Organiser>, ApiError> {
    json_column(row, "organisers", &row.organisers)
}

/// What a detail page adds to the list view: the body in the served
/// language and the related member organisations.
#[derive(Debug)]
pub struct Detail {
    pub meta: ItemMeta,
    pub body_html: String,
    pub members: Vec<MemberRef>,
}

pub fn detail(
    conn: &mut DbConnection,
    row: &ContentRow,
    prefs: &Preferences,
) -> Result<Detail, ApiError> {
    // Every language version once, bodies included: the heads for choosing
    // the language come from the same rows.
    let translations = content::translations(conn, row.id)?;
    let heads = translations
        .iter()
        .map(|t| TranslationHead {
            content_id: t.content_id,
            lang: t.lang.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
        })
        .collect();
    let ids = [row.id];
    let themes = content::themes(conn, &ids)?
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let tags = content::tags(conn, &ids)?
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let meta = meta(row, heads, themes, tags, prefs)?;
    let body_html = translations
        .into_iter()
        .find(|t| t.lang == meta.lang.as_str())
        .map(|t| t.body_html)
        .unwrap_or_default();
    let members = content::related_members(conn, row.id)?
        .into_iter()
        .map(|(slug, name)| {
            Ok(MemberRef {
                slug: parse_stored(row, "member slug", &slug)?,
                name,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(Detail {
        meta,
        body_html,
        members,
    })
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
    pool: &actix_web::web::Data<crate::db::Pool>,
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
            let fingerprint = current_fingerprint(pool, cache, audience).await?;
            if let Some(hit) = cache.item(&key, &fingerprint) {
                return item_answer(req, audience, &hit);
            }
            let flight = cache.flights.join(&key).await;
            let fingerprint = current_fingerprint(pool, cache, audience).await?;
            if let Some(hit) = cache.item(&key, &fingerprint) {
                return item_answer(req, audience, &hit);
            }
            Some((key, fingerprint, flight))
        }
    };
    let (body, lang) = crate::handlers::with_quick_read(pool, move |conn| {
        let row =
            content::find_visible(conn, item_type, slug.as_str(), audience)?.ok_or_else(|| {
                ApiError::NotFound(format!(
                    "No published {} has this slug.",
                    item_type.as_str()
                ))
            })?;
        let detail = detail(conn, &row, &prefs)?;
        let lang = detail.meta.lang.clone();
        let body =
            serde_json::to_vec(&build(&row, detail)?).map_err(|e| ApiError::Internal(e.into()))?;
        Ok((body, lang))
    })
    .await?;
    let Some((key, fingerprint, _flight)) = kept else {
        return Ok(respond_item(req, audience, &lang, body));
    };
    let item = std::sync::Arc::new(CachedItem {
        body: crate::compression::GzipOnly::new(&body).map_err(|e| ApiError::Internal(e.into()))?,
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
    pool: &actix_web::web::Data<crate::db::Pool>,
    cache: &actix_web::web::Data<ContentCache>,
    audience: Audience,
) -> Result<content::Fingerprint, ApiError> {
    if let Some(fingerprint) = cache.recent_fingerprint() {
        return Ok(fingerprint);
    }
    let now = audience.now;
    let fingerprint =
        crate::handlers::with_quick_read(pool, move |conn| Ok(content::fingerprint(conn, now)?))
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
    Ok(crate::handlers::caching::etagged_with(
        req,
        response,
        chosen.body,
        Some(&chosen.etag),
    ))
}

/// The parameters every content list takes besides its filters: text,
/// language and paging. Parsed from the same query string as the filters.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Words that must all appear (as word prefixes, accents and case ignored)
    /// in the title, summary or body of some language version.
    #[param(
        max_length = 200,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$",
        example = "care"
    )]
    q: Option<String>,
    /// Preferred language (ISO 639-1); overrides `Accept-Language`. Items
    /// without it are served in their default language.
    #[param(value_type = Option<cecop_shared::Language>, example = "fr")]
    lang: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: crate::handlers::pagination::PageParams,
}

impl ListParams {
    /// The list request for `filter` in `order`, for this caller.
    pub fn request(
        &self,
        req: &HttpRequest,
        filter: content::ContentFilter,
        order: content::Order,
        audience: Audience,
    ) -> Result<ListRequest, ApiError> {
        Ok(ListRequest {
            words: query_words(self.q.as_deref())?,
            audience,
            order,
            page: self.page.request()?,
            prefs: preferences(req, self.lang.as_deref())?,
            filter,
        })
    }
}

/// A list request, parsed: filters, audience, order, page and languages.
#[derive(Debug)]
pub struct ListRequest {
    pub filter: content::ContentFilter,
    /// Query words for full-text filtering, folded.
    pub words: Vec<String>,
    pub audience: Audience,
    pub order: content::Order,
    pub page: cecop_shared::PageRequest,
    pub prefs: Preferences,
}

/// Runs a list request and answers with one page of `convert`ed items, with
/// paging, caching and `Content-Language` headers and an `ETag`. Anonymous
/// pages are served from the [`ContentCache`] while the content fingerprint
/// is unchanged.
pub async fn respond_list<T>(
    req: &HttpRequest,
    pool: &actix_web::web::Data<crate::db::Pool>,
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
        let fingerprint = current_fingerprint(pool, cache, audience).await?;
        if let Some(cached) = cache.page(key, &fingerprint) {
            return Ok(page_answer(req, page, audience, &cached));
        }
        _flight = Some(cache.flights.join(key).await);
        let fingerprint = current_fingerprint(pool, cache, audience).await?;
        if let Some(cached) = cache.page(key, &fingerprint) {
            return Ok(page_answer(req, page, audience, &cached));
        }
    }
    let shared = cache.clone();
    let cached = crate::handlers::with_conn(pool, move |conn| {
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
            body: crate::compression::Representations::new(crate::compression::kept_bytes(body)),
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
    crate::handlers::caching::etagged(req, response, body)
}

/// The words of an optional `q` parameter, validated and folded.
pub fn query_words(q: Option<&str>) -> Result<Vec<String>, ApiError> {
    Ok(crate::handlers::parse_text("q", q, Q_MAX_CHARS)?
        .map(|q| crate::content::text::tokens(&q))
        .unwrap_or_default())
}
