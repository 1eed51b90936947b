//! `GET /api/v1/stories/{slug}`: one published #COOPTALES story.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{Slug, Story};

use crate::db::content::ItemType;
use crate::error::ApiError;
use crate::error::responses::{BadSlugOrLanguage, InvalidCredentials, NotModified};
use crate::handlers::articles::get::LangQuery;
use crate::handlers::content::{Reader, respond_detail};

/// Get one published #COOPTALES story.
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(("slug" = Slug, Path, description = "The story's slug."), LangQuery),
    responses(
        (status = 200, description = "The story.", body = Story,
            headers(
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."),
                ("Content-Language" = String, description = "The language served.")
            )),
        NotModified,
        BadSlugOrLanguage, InvalidCredentials,
        (status = 404, description = "No published story has this slug.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[get("/stories/{slug}")]
pub async fn get_story(
    reader: Reader,
    slug: web::Path<String>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    respond_detail(
        &reader,
        ItemType::Story,
        &slug,
        query.lang.as_deref(),
        crate::content::wire::story,
    )
    .await
}
