//! `GET /api/v1/search?q=`: ranked hits with highlighted snippets.

use actix_web::{HttpResponse, get, web};
use cecop_shared::messages::Code;
use cecop_shared::{Page, SearchHit, SearchKind};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::content::search::{SearchRequest, hits};
use crate::db::search as search_db;
use crate::error::ApiError;
use crate::error::responses::NotModified;
use crate::handlers::content::{Reader, cache_headers, preferences, query_words};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::parse_param;

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
        NotModified,
        (status = 400, description = "`q` is missing or another parameter is invalid.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        crate::error::responses::InvalidCredentials
    )
)]
#[get("/search")]
pub async fn search_all(
    reader: Reader,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, ApiError> {
    let Reader {
        req, audience, db, ..
    } = reader;
    if query.q.as_deref().is_none_or(str::is_empty) {
        return Err(ApiError::invalid_because("q", Code::Required));
    }
    // Text without any word (only spaces or punctuation) finds nothing.
    let words = query_words(query.q.as_deref())?;
    let kind: Option<SearchKind> = parse_param("kind", query.kind.as_deref())?;
    let page = query.page.request()?;
    let prefs = preferences(&req, query.lang.as_deref())?;
    let search = SearchRequest {
        words,
        kind,
        page,
        prefs,
        audience,
    };
    let (hits, total) = db
        .run(move |conn| {
            if search.words.is_empty() {
                return Ok((Vec::new(), 0));
            }
            let rows = search_db::search(
                conn,
                &search.words,
                audience.now,
                audience.members_only,
                MAX_HITS,
            )?;
            hits(conn, rows, &search)
        })
        .await?;
    let total = i64::try_from(total).unwrap_or(i64::MAX);
    let [cache, vary] = cache_headers(audience);
    Ok(page_response(&req, page, hits, total, &[cache, vary]))
}
