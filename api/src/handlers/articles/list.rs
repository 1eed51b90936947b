//! `GET /api/v1/articles`: published articles, newest first, filtered.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{ArticleKind, ArticleSummary, CountryCode, Page, Slug, Theme};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::db::content::{ContentFilter, ItemKind, ItemType, Order};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, InvalidCredentials, NotModified};
use crate::handlers::content::{ListParams, Reader, article_summary, day_range, respond_list};
use crate::handlers::pagination::PageParams;
use crate::handlers::parse_param;

/// Comma-separated article kinds, each validated, without repeats.
fn parse_kinds(raw: Option<&str>) -> Result<Vec<ItemKind>, ApiError> {
    let mut kinds = Vec::new();
    for part in raw.into_iter().flat_map(|r| r.split(',')) {
        let kind: ArticleKind = part.parse().map_err(|e| ApiError::invalid("kind", e))?;
        if !kinds.contains(&ItemKind::Article(kind)) {
            kinds.push(ItemKind::Article(kind));
        }
    }
    Ok(kinds)
}

/// Query parameters, parsed one by one so an invalid value is named.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListArticlesQuery {
    /// Only articles of these kinds: one, or several separated by commas
    /// (`publication,position_paper,consultation_response`).
    #[param(value_type = Option<String>, pattern = r"^(news|press_release|position_paper|publication|consultation_response)(,(news|press_release|position_paper|publication|consultation_response))*$", example = "publication,position_paper")]
    kind: Option<String>,
    /// Only articles under this theme.
    #[param(inline, value_type = Option<Theme>)]
    theme: Option<String>,
    /// Only articles with this tag.
    #[param(value_type = Option<Slug>, example = "care")]
    tag: Option<String>,
    /// Only articles related to this member organisation (its slug).
    #[param(value_type = Option<Slug>, example = "coceta")]
    member: Option<String>,
    /// Only articles about this country (ISO 3166-1 alpha-2).
    #[param(value_type = Option<CountryCode>, example = "BE")]
    country: Option<String>,
    /// Published on or after this day (`YYYY-MM-DD`, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2024-01-01")]
    from: Option<String>,
    /// Published on or before this day (`YYYY-MM-DD`, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2024-12-31")]
    to: Option<String>,
}

/// List published articles, newest first.
///
/// Members-only articles are included for signed-in users and tokens with
/// `members:read`. Each item is in the best language the caller asked for
/// (`lang`, then `Accept-Language`), else its default; `lang` on each item
/// and the `Content-Language` header say which.
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(ListArticlesQuery, ListParams, PageParams),
    responses(
        (status = 200, description = "One page of articles.", body = Page<ArticleSummary>,
            headers(
                ("X-Total-Count" = u64, description = "Articles matching the filters, on all pages."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last."),
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."),
                ("Content-Language" = String, description = "The languages of the items served.")
            )),
        NotModified,
        BadParameter, InvalidCredentials
    )
)]
#[get("/articles")]
pub async fn list_articles(
    reader: Reader,
    params: web::Query<ListParams>,
    query: web::Query<ListArticlesQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut filter = ContentFilter::new(ItemType::Article);
    filter.kinds = parse_kinds(query.kind.as_deref())?;
    filter.theme = parse_param::<Theme>("theme", query.theme.as_deref())?;
    filter.tag = parse_param::<Slug>("tag", query.tag.as_deref())?;
    filter.member_slug = parse_param::<Slug>("member", query.member.as_deref())?;
    filter.country = parse_param::<CountryCode>("country", query.country.as_deref())?;
    (filter.from, filter.to) = day_range(query.from.as_deref(), query.to.as_deref())?;
    let list = params.request(&reader, filter, Order::Newest)?;
    respond_list(&reader, list, article_summary).await
}
