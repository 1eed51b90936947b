//! Administering the member organisations (admins): every member whatever
//! its status, and creating and changing one under `If-Match`.

use cecop_shared::{Member, MemberInput, PER_PAGE_MAX, Page, Slug};
use gloo_net::http::{Method, Response};

use super::authorized::Authorized;
use super::{ApiError, decode, to_json};

/// A member with the entity tag of the state read.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub member: Member,
    pub etag: String,
}

async fn tagged(response: Response) -> Result<Tagged, ApiError> {
    let etag = response.headers().get("ETag").unwrap_or_default();
    Ok(Tagged {
        member: decode(response).await?,
        etag,
    })
}

/// Every member organisation, active and former, with the members-only
/// fields.
pub async fn all_members(session: impl Authorized) -> Result<Page<Member>, ApiError> {
    let query = [
        ("status", "all".to_owned()),
        ("per_page", PER_PAGE_MAX.to_string()),
    ];
    session
        .call_json(Method::GET, "/members", &query, None)
        .await
}

pub async fn member(session: impl Authorized, slug: &Slug) -> Result<Tagged, ApiError> {
    tagged(
        session
            .call(Method::GET, &format!("/members/{slug}"), &[], None)
            .await?,
    )
    .await
}

pub async fn create_member(
    session: impl Authorized,
    input: &MemberInput,
) -> Result<Tagged, ApiError> {
    let body = to_json(input)?;
    tagged(
        session
            .call(Method::POST, "/members", &[], Some(body))
            .await?,
    )
    .await
}

/// Saves a merge patch over the state `etag` names.
pub async fn patch_member(
    session: impl Authorized,
    slug: &Slug,
    etag: &str,
    patch: &serde_json::Value,
) -> Result<Tagged, ApiError> {
    let body = to_json(patch)?;
    let headers = [("If-Match", etag.to_owned())];
    tagged(
        session
            .call_with(
                Method::PATCH,
                &format!("/members/{slug}"),
                &[],
                &headers,
                Some(body),
            )
            .await?,
    )
    .await
}
