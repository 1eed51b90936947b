//! The editorial back office (CECOP staff: editors and admins). Articles,
//! events and stories of every status, by collection and id:
//!
//! - `items`: list, create, read, change (a JSON Merge Patch), delete;
//! - `status`: publish, schedule, unpublish, archive, restore;
//! - `revisions`: every save, a diff between any two, restore one;
//! - `preview`: the live preview of a body;
//! - `previews`: an item as it will be published, for its editor and
//!   through shareable links.
//!
//! Every answer about one item carries its version as `ETag`; every write
//! to an existing item requires it back in `If-Match` (`precondition`).

pub mod items;
pub mod preview;
pub mod previews;
pub mod revisions;
pub mod status;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use cecop_shared::{Collection, EditorialItem};
use chrono::NaiveDateTime;

use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, CurrentUser};
use crate::content::editorial::{self, Precondition, etag};
use crate::db::content::ContentRow;
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::handlers::NO_STORE;

/// The largest item document accepted, in bytes: four languages of the
/// longest body, in multi-byte characters, with room for JSON escapes.
pub const ITEM_LIMIT: usize = 4 * 1024 * 1024;

/// The `{collection}` of a path; another name is a 404.
pub fn collection(raw: &str) -> Result<Collection, ApiError> {
    raw.parse()
        .map_err(|_| ApiError::NotFound("No such collection: articles, events or stories.".into()))
}

/// A positive whole number from the path, naming `field` when it is not.
pub fn path_id(field: &str, raw: &str) -> Result<i64, ApiError> {
    raw.parse()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::invalid(field, "must be a positive whole number"))
}

/// The `{collection}` and `{id}` of a path.
pub fn locate(collection_name: &str, id: &str) -> Result<(Collection, i64), ApiError> {
    Ok((collection(collection_name)?, path_id("id", id)?))
}

/// An item answer: the item, its version as `ETag`, stored by no cache.
pub fn item_response(status: StatusCode, item: &EditorialItem) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response
        .insert_header(NO_STORE)
        .insert_header(("ETag", etag(item.version)));
    if status == StatusCode::CREATED {
        response.insert_header((
            "Location",
            format!("/api/v1/editorial/{}/{}", item.collection, item.id),
        ));
    }
    response.json(item)
}

/// Runs `work` on item `id` of `collection` inside one write transaction,
/// once `If-Match` is found to name its current version (404, 412 before
/// anything is written otherwise).
pub async fn write_item<T, F>(
    db: &Db,
    (collection, id): (Collection, i64),
    precondition: Precondition,
    work: F,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection, ContentRow) -> Result<T, ApiError> + Send + 'static,
{
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let row = editorial::find(conn, collection, id)?;
            editorial::check_version(conn, &row, &precondition)?;
            work(conn, row)
        })
    })
    .await
}

/// Audits an editor's action on an item and answers with the item as it
/// now is, all in the caller's transaction.
pub fn audited_item(
    conn: &mut DbConnection,
    client: &ClientInfo,
    (editor, action): (&CurrentUser, AuditAction),
    collection: Collection,
    id: i64,
    detail: String,
    now: NaiveDateTime,
) -> Result<EditorialItem, ApiError> {
    let row: ContentRow = editorial::find(conn, collection, id)?;
    let event = Event {
        actor: Some(editor.actor()),
        target: Some((row.item_type.as_str(), id.to_string())),
        detail: Some(detail),
        ..Event::new(action)
    };
    audit::record(conn, client, event)?;
    editorial::to_item(conn, &row, now)
}
