//! The editorial back office (`/api/v1/editorial/…`, editors and admins):
//! items of every status, saved under `If-Match` so that no one's save is
//! silently overwritten, their status actions, revisions and previews.

use cecop_shared::{
    Collection, CreatedPreviewLink, EditorialItem, EditorialSummary, ItemRevision, Page, Preview,
    PreviewLink, PreviewLinkRequest, PreviewRequest, PublishedItem, RevisionDiff, ScheduleRequest,
};
use gloo_net::http::{Method, Response};

use super::authorized::Authorized;
use super::{ApiError, decode, get_json, to_json};

/// How many items the back office lists per page.
pub const CONTENT_PER_PAGE: u32 = 25;

/// An item with the entity tag of the version it is at.
#[derive(Debug, Clone, PartialEq)]
pub struct Versioned {
    pub item: EditorialItem,
    pub etag: String,
}

async fn versioned(response: Response) -> Result<Versioned, ApiError> {
    let etag = response.headers().get("ETag").unwrap_or_default();
    let item: EditorialItem = decode(response).await?;
    // The server's tag is the version; rebuilt when a proxy hid the header.
    let etag = if etag.is_empty() {
        format!("\"v{}\"", item.version)
    } else {
        etag
    };
    Ok(Versioned { item, etag })
}

fn item_path(collection: Collection, id: i64) -> String {
    format!("/editorial/{collection}/{id}")
}

/// One page of a collection's items; `query` holds `status`, `q`, `page`.
pub async fn list_items(
    session: impl Authorized,
    collection: Collection,
    query: &[(&str, String)],
) -> Result<Page<EditorialSummary>, ApiError> {
    session
        .call_json(
            Method::GET,
            &format!("/editorial/{collection}"),
            query,
            None,
        )
        .await
}

pub async fn get_item(
    session: impl Authorized,
    collection: Collection,
    id: i64,
) -> Result<Versioned, ApiError> {
    versioned(
        session
            .call(Method::GET, &item_path(collection, id), &[], None)
            .await?,
    )
    .await
}

/// Creates a draft from a document (`NewItem` as JSON).
pub async fn create_item(
    session: impl Authorized,
    collection: Collection,
    document: &serde_json::Value,
) -> Result<Versioned, ApiError> {
    let body = to_json(document)?;
    versioned(
        session
            .call(
                Method::POST,
                &format!("/editorial/{collection}"),
                &[],
                Some(body),
            )
            .await?,
    )
    .await
}

/// Saves a merge patch over the version `etag` names.
pub async fn patch_item(
    session: impl Authorized,
    collection: Collection,
    id: i64,
    etag: &str,
    patch: &serde_json::Value,
) -> Result<Versioned, ApiError> {
    let body = to_json(patch)?;
    let headers = [("If-Match", etag.to_owned())];
    versioned(
        session
            .call_with(
                Method::PATCH,
                &item_path(collection, id),
                &[],
                &headers,
                Some(body),
            )
            .await?,
    )
    .await
}

/// A status action (`publish`, `unpublish`, `archive`, `restore`, or
/// `schedule` with its request) over the version `etag` names.
pub async fn act(
    session: impl Authorized,
    collection: Collection,
    id: i64,
    etag: &str,
    action: &str,
    schedule: Option<&ScheduleRequest>,
) -> Result<Versioned, ApiError> {
    let body = schedule.map(to_json).transpose()?;
    let headers = [("If-Match", etag.to_owned())];
    let path = format!("{}/{action}", item_path(collection, id));
    versioned(
        session
            .call_with(Method::POST, &path, &[], &headers, body)
            .await?,
    )
    .await
}

/// Every revision of an item, newest first.
pub async fn revisions(
    session: impl Authorized,
    collection: Collection,
    id: i64,
) -> Result<Vec<ItemRevision>, ApiError> {
    let path = format!("{}/revisions", item_path(collection, id));
    session.call_json(Method::GET, &path, &[], None).await
}

/// What changed between two revisions.
pub async fn diff(
    session: impl Authorized,
    collection: Collection,
    id: i64,
    from: i64,
    to: i64,
) -> Result<RevisionDiff, ApiError> {
    let path = format!("{}/revisions/{from}/diff/{to}", item_path(collection, id));
    session.call_json(Method::GET, &path, &[], None).await
}

/// Restores a revision over the version `etag` names.
pub async fn restore_revision(
    session: impl Authorized,
    collection: Collection,
    id: i64,
    number: i64,
    etag: &str,
) -> Result<Versioned, ApiError> {
    let headers = [("If-Match", etag.to_owned())];
    let path = format!("{}/revisions/{number}/restore", item_path(collection, id));
    versioned(
        session
            .call_with(Method::POST, &path, &[], &headers, None)
            .await?,
    )
    .await
}

/// A body rendered as readers will get it.
pub async fn preview(session: impl Authorized, markdown: String) -> Result<Preview, ApiError> {
    let body = to_json(&PreviewRequest { markdown })?;
    session
        .call_json(Method::POST, "/preview", &[], Some(body))
        .await
}

/// An item's preview links, newest first.
pub async fn preview_links(
    session: impl Authorized,
    collection: Collection,
    id: i64,
) -> Result<Vec<PreviewLink>, ApiError> {
    let path = format!("{}/preview-links", item_path(collection, id));
    session.call_json(Method::GET, &path, &[], None).await
}

/// Makes a preview link that works for `hours`.
pub async fn create_preview_link(
    session: impl Authorized,
    collection: Collection,
    id: i64,
    hours: u32,
) -> Result<CreatedPreviewLink, ApiError> {
    let path = format!("{}/preview-links", item_path(collection, id));
    let body = to_json(&PreviewLinkRequest { hours })?;
    session
        .call_json(Method::POST, &path, &[], Some(body))
        .await
}

/// Revokes a preview link.
pub async fn revoke_preview_link(
    session: impl Authorized,
    collection: Collection,
    id: i64,
    link: i64,
) -> Result<(), ApiError> {
    let path = format!("{}/preview-links/{link}", item_path(collection, id));
    session
        .call(Method::DELETE, &path, &[], None)
        .await
        .map(drop)
}

/// What a preview link shows (no account needed).
pub async fn open_preview(token: &str, lang: &str) -> Result<PublishedItem, ApiError> {
    // A token is `cecop_pv_` and base62: nothing to escape in a path.
    get_json(&format!("/preview/{token}"), &[("lang", lang.to_owned())]).await
}
