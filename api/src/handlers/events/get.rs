//! `GET /api/v1/events/{slug}`: one published event with its description.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{Event, Slug};

use crate::db::content::ItemType;
use crate::error::ApiError;
use crate::error::responses::{BadSlugOrLanguage, InvalidCredentials, NotModified};
use crate::handlers::articles::get::LangQuery;
use crate::handlers::content::{Reader, respond_detail};

/// Get one published event.
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(("slug" = Slug, Path, description = "The event's slug."), LangQuery),
    responses(
        (status = 200, description = "The event.", body = Event,
            headers(
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."),
                ("Content-Language" = String, description = "The language served.")
            )),
        NotModified,
        BadSlugOrLanguage, InvalidCredentials,
        (status = 404, description = "No published event has this slug.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[get("/events/{slug}")]
pub async fn get_event(
    reader: Reader,
    slug: web::Path<String>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    respond_detail(
        &reader,
        ItemType::Event,
        &slug,
        query.lang.as_deref(),
        crate::content::wire::event,
    )
    .await
}
