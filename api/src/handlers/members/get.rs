//! `GET /api/v1/members/{slug}`: one member's profile.

use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{Member, Slug};

use super::{cache_headers, for_caller, to_one};
use crate::auth::MaybePrincipal;
use crate::db::Db;
use crate::db::members;
use crate::error::ApiError;
use crate::error::responses::InvalidCredentials;
use crate::representation::etagged_json;

/// Get one member organisation by its slug, whatever its status.
///
/// Members-only fields are filled for signed-in users and tokens with
/// `members:read`; anonymous callers get them as `null`.
#[utoipa::path(
    tag = "members",
    security((), ("bearer" = []), ("api_token" = ["members:read"])),
    params(("slug" = Slug, Path, description = "The member's slug.")),
    responses(
        (status = 200, description = "The member.", body = Member),
        (status = 400, description = "The slug is malformed.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        InvalidCredentials,
        (status = 404, description = "No member has this slug.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[get("/members/{slug}")]
pub async fn get_member(
    caller: MaybePrincipal,
    req: HttpRequest,
    slug: web::Path<String>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let slug: Slug = slug.parse().map_err(|e| ApiError::invalid("slug", e))?;
    let member = db
        .run(
            move |conn| match members::find_by_slug(conn, slug.as_str())? {
                Some(row) => Ok(to_one(conn, row)?),
                None => Err(ApiError::NotFound(
                    "No member organisation has this slug.".into(),
                )),
            },
        )
        .await?;
    let members_only = caller.reads_members_only();
    let [cache, vary] = cache_headers(members_only);
    let mut response = HttpResponse::Ok();
    response.insert_header(cache).insert_header(vary);
    Ok(etagged_json(
        &req,
        response,
        &for_caller(member, members_only),
    ))
}
