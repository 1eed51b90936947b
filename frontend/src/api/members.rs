//! The member directory (`GET /api/v1/members`, `GET /api/v1/members/{slug}`).

use cecop_shared::{CountryCode, Member, MemberKind, PER_PAGE_DEFAULT, Page, Slug};

use super::{ApiError, get_json};

/// What the directory list is filtered by, and which page of it is wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFilter {
    pub country: Option<CountryCode>,
    pub kind: Option<MemberKind>,
    /// Free-text search on names and acronyms; never empty when `Some`.
    pub q: Option<String>,
    /// The page number, from 1.
    pub page: u32,
}

impl Default for MemberFilter {
    fn default() -> Self {
        Self {
            country: None,
            kind: None,
            q: None,
            page: 1,
        }
    }
}

/// Fetches one page of active members matching the filter, ordered by name.
pub async fn list_members(filter: &MemberFilter) -> Result<Page<Member>, ApiError> {
    let mut query = vec![
        ("page", filter.page.to_string()),
        ("per_page", PER_PAGE_DEFAULT.to_string()),
    ];
    if let Some(country) = filter.country {
        query.push(("country", country.to_string()));
    }
    if let Some(kind) = filter.kind {
        query.push(("kind", kind.as_str().to_owned()));
    }
    if let Some(q) = &filter.q {
        query.push(("q", q.clone()));
    }
    get_json("/members", &query).await
}

/// Fetches one member; an unknown slug is an [`ApiError`] whose
/// [`is_not_found`](ApiError::is_not_found) is true.
pub async fn get_member(slug: &Slug) -> Result<Member, ApiError> {
    // A `Slug` is only `a-z`, `0-9` and `-`, so it needs no escaping in a path.
    get_json(&format!("/members/{slug}"), &[]).await
}

/// Every member organisation (slug and name), for the organisation menus of
/// the token and user forms; the API's largest page holds them all.
pub async fn list_organisations() -> Result<Vec<(String, String)>, ApiError> {
    let page: Page<Member> = get_json(
        "/members",
        &[("per_page", cecop_shared::PER_PAGE_MAX.to_string())],
    )
    .await?;
    Ok(page
        .items
        .into_iter()
        .map(|member| (member.slug.to_string(), member.name))
        .collect())
}
