//! `GET /api/v1/stories/{slug}`: one published #COOPTALES story.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{Slug, Story};

use crate::auth::MaybePrincipal;
use crate::content::cache::ContentCache;
use crate::content::clock::Clock;
use crate::db::Db;
use crate::db::content::ItemType;
use crate::error::ApiError;
use crate::error::responses::{BadSlugOrLanguage, InvalidCredentials};
use crate::handlers::articles::get::LangQuery;
use crate::handlers::content::{audience, respond_detail, story_summary};

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
        (status = 304, description = "Not modified since the `ETag` sent in `If-None-Match`."),
        BadSlugOrLanguage, InvalidCredentials,
        (status = 404, description = "No published story has this slug.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[get("/stories/{slug}")]
pub async fn get_story(
    caller: MaybePrincipal,
    req: HttpRequest,
    slug: web::Path<String>,
    query: web::Query<LangQuery>,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
    cache: web::Data<ContentCache>,
) -> Result<HttpResponse, ApiError> {
    respond_detail(
        &req,
        audience(&caller, &clock),
        &db,
        &cache,
        ItemType::Story,
        &slug,
        query.lang.as_deref(),
        |row, detail| {
            Ok(Story {
                summary: story_summary(row, detail.meta)?,
                body_html: detail.body_html,
                members: detail.members,
            })
        },
    )
    .await
}
