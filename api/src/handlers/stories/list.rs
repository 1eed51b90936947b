//! `GET /api/v1/stories`: published #COOPTALES stories, newest first.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{CountryCode, Page, StorySummary, Theme};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::db::content::{ContentFilter, ItemType, Order};
use crate::error::ApiError;
use crate::error::responses::{BadParameter, InvalidCredentials, NotModified};
use crate::handlers::content::{ListParams, Reader, respond_list, story_summary};
use crate::handlers::pagination::PageParams;
use crate::handlers::parse_param;

/// Query parameters, parsed one by one so an invalid value is named.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListStoriesQuery {
    /// Only stories under this theme.
    #[param(inline, value_type = Option<Theme>)]
    theme: Option<String>,
    /// Only stories from this country (ISO 3166-1 alpha-2).
    #[param(value_type = Option<CountryCode>, example = "IT")]
    country: Option<String>,
}

/// List published #COOPTALES stories, newest first.
///
/// Only stories whose consent record stands are listed; withdrawing consent
/// removes a story from every public surface at once.
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(ListStoriesQuery, ListParams, PageParams),
    responses(
        (status = 200, description = "One page of stories.", body = Page<StorySummary>,
            headers(
                ("X-Total-Count" = u64, description = "Stories matching the filters, on all pages."),
                ("Link" = String, description = "RFC 8288 links: first, prev, next, last."),
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."),
                ("Content-Language" = String, description = "The languages of the items served.")
            )),
        NotModified,
        BadParameter, InvalidCredentials
    )
)]
#[get("/stories")]
pub async fn list_stories(
    reader: Reader,
    params: web::Query<ListParams>,
    query: web::Query<ListStoriesQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut filter = ContentFilter::new(ItemType::Story);
    filter.theme = parse_param::<Theme>("theme", query.theme.as_deref())?;
    filter.country = parse_param::<CountryCode>("country", query.country.as_deref())?;
    let list = params.request(&reader, filter, Order::Newest)?;
    respond_list(&reader, list, story_summary).await
}
