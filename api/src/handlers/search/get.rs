//! `GET /api/v1/search?q=`: ranked hits with highlighted snippets.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{Page, SearchHit, SearchKind};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::MaybePrincipal;
use crate::content::clock::Clock;
use crate::content::text;
use crate::db::Pool;
use crate::db::content as content_db;
use crate::db::search::{self as search_db, Hit};
use crate::error::ApiError;
use crate::handlers::content::{audience, cache_headers, metas, preferences, query_words};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::{parse_param, with_conn};

/// At most this many matching language versions are ranked per query.
const MAX_HITS: i64 = 500;

/// Query parameters, parsed one by one so an invalid value is named.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find, all of them, as word prefixes; accents and case are
    /// ignored (`cooperative` finds `coopérative`).
    #[param(
        required = true,
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$",
        example = "care"
    )]
    q: Option<String>,
    /// Only hits of this kind.
    #[param(inline, value_type = Option<SearchKind>)]
    kind: Option<String>,
    /// Preferred language for titles and snippets (ISO 639-1).
    #[param(value_type = Option<cecop_shared::Language>, example = "fr")]
    lang: Option<String>,
    /// `page` and `per_page`.
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

/// Search articles, events, stories and member organisations.
///
/// Hits are ranked best first; each has a snippet of HTML in which only
/// `<mark>` appears (all text is escaped). Members-only items are found only
/// by signed-in users and tokens with `members:read`.
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(SearchQuery, PageParams),
    responses(
        (status = 200, description = "One page of hits.", body = Page<SearchHit>,
            headers(
                ("X-Total-Count" = u64, description = "Hits on all pages."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last."),
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`.")
            )),
        (status = 304, description = "Not modified since the `ETag` sent in `If-None-Match`."),
        (status = 400, description = "`q` is missing or another parameter is invalid.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        crate::error::responses::InvalidCredentials
    )
)]
#[get("/search")]
pub async fn search_all(
    caller: MaybePrincipal,
    req: HttpRequest,
    query: web::Query<SearchQuery>,
    clock: web::Data<Clock>,
    pool: web::Data<Pool>,
) -> Result<HttpResponse, ApiError> {
    if query.q.as_deref().is_none_or(str::is_empty) {
        return Err(ApiError::invalid("q", "is required"));
    }
    // Text without any word (only spaces or punctuation) finds nothing.
    let words = query_words(query.q.as_deref())?;
    let kind: Option<SearchKind> = parse_param("kind", query.kind.as_deref())?;
    let page = query.page.request()?;
    let prefs = preferences(&req, query.lang.as_deref())?;
    let audience = audience(&caller, &clock);
    let (hits, total) = with_conn(&pool, move |conn| {
        if words.is_empty() {
            return Ok((Vec::new(), 0));
        }
        let rows = search_db::search(conn, &words, audience.now, audience.members_only, MAX_HITS)?;
        // One hit per document, at its best rank.
        let mut order: Vec<(String, i64)> = Vec::new();
        let mut versions: HashMap<(String, i64), Vec<Hit>> = HashMap::new();
        for row in rows {
            let key = (row.doc_type.clone(), row.doc_id);
            if !versions.contains_key(&key) {
                order.push(key.clone());
            }
            versions.entry(key).or_default().push(row);
        }
        let content_ids: Vec<i64> = order
            .iter()
            .filter(|(t, _)| t == "content")
            .map(|(_, id)| *id)
            .collect();
        let items = content_db::visible_by_ids(conn, &content_ids, audience)?;
        let item_metas = metas(conn, &items, &prefs)?;
        let content: HashMap<i64, (SearchKind, cecop_shared::ItemMeta)> = items
            .iter()
            .zip(item_metas)
            .map(|(row, meta)| {
                let kind = match row.item_type.as_str() {
                    "event" => SearchKind::Event,
                    "story" => SearchKind::Story,
                    _ => SearchKind::Article,
                };
                (row.id, (kind, meta))
            })
            .collect();
        let member_slugs = crate::db::members::slugs_by_ids(
            conn,
            &order
                .iter()
                .filter(|(t, _)| t == "member")
                .map(|(_, id)| *id)
                .collect::<Vec<_>>(),
        )?;
        let mut hits = Vec::new();
        for key in order {
            let found = versions.remove(&key).unwrap_or_default();
            let (hit_kind, slug, lang, published_at) = if key.0 == "member" {
                let Some(slug) = member_slugs.get(&key.1) else {
                    continue;
                };
                (SearchKind::Member, slug.clone(), "en".to_owned(), None)
            } else {
                let Some((k, meta)) = content.get(&key.1) else {
                    continue;
                };
                (
                    *k,
                    meta.slug.to_string(),
                    meta.lang.to_string(),
                    Some(meta.published_at),
                )
            };
            if kind.is_some_and(|wanted| wanted != hit_kind) {
                continue;
            }
            // The matching version in the served language, else the best one.
            let Some(version) = found
                .iter()
                .find(|h| h.lang == lang)
                .or_else(|| found.first())
            else {
                continue;
            };
            hits.push(SearchHit {
                kind: hit_kind,
                slug: slug
                    .parse()
                    .map_err(|_| anyhow::anyhow!("stored slug {slug:?} is invalid"))?,
                title: version.title.clone(),
                lang: version.lang.parse().map_err(|_| {
                    anyhow::anyhow!("stored language {:?} is invalid", version.lang)
                })?,
                snippet: text::snippet(&version.body, &words),
                published_at,
            });
        }
        let total = hits.len();
        let hits: Vec<SearchHit> = hits
            .into_iter()
            .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
            .take(page.per_page() as usize)
            .collect();
        Ok((hits, i64::try_from(total).unwrap_or(i64::MAX)))
    })
    .await?;
    let [cache, vary] = cache_headers(audience);
    Ok(page_response(&req, page, hits, total, &[cache, vary]))
}
