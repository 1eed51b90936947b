//! `GET /api/v1/articles/{slug}`: one published article with its body.

use actix_web::{HttpResponse, get, web};
use cecop_shared::{Article, Slug};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::db::content::ItemType;
use crate::error::ApiError;
use crate::error::responses::{BadSlugOrLanguage, InvalidCredentials, NotModified};
use crate::handlers::content::{Reader, respond_detail};

/// The language parameter of a single item.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// Preferred language (ISO 639-1); overrides `Accept-Language`. Falls
    /// back to the item's default language when it has no such version.
    #[param(value_type = Option<cecop_shared::Language>, example = "fr")]
    pub lang: Option<String>,
}

/// Get one published article.
///
/// The body is Markdown rendered on the server to sanitised HTML. A draft,
/// scheduled-but-not-due, archived or (for anonymous callers) members-only
/// article is answered 404, as if it did not exist.
#[utoipa::path(
    tag = "content",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(("slug" = Slug, Path, description = "The article's slug."), LangQuery),
    responses(
        (status = 200, description = "The article.", body = Article,
            headers(
                ("ETag" = String, description = "Strong validator; send it back in `If-None-Match`."),
                ("Content-Language" = String, description = "The language served.")
            )),
        NotModified,
        BadSlugOrLanguage, InvalidCredentials,
        (status = 404, description = "No published article has this slug.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[get("/articles/{slug}")]
pub async fn get_article(
    reader: Reader,
    slug: web::Path<String>,
    query: web::Query<LangQuery>,
) -> Result<HttpResponse, ApiError> {
    respond_detail(
        &reader,
        ItemType::Article,
        &slug,
        query.lang.as_deref(),
        crate::content::wire::article,
    )
    .await
}
