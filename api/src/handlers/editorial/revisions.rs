//! `/api/v1/editorial/{collection}/{id}/revisions`: every saved state of an
//! item, a field-by-field diff between any two, and restoring one (a new
//! revision equal to it: the newer ones are never lost).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use cecop_shared::{
    Collection, EditorialItem, ItemRevision, ItemRevisionDetail, RevisionDiff, SaveAction,
};
use chrono::{TimeZone, Utc};

use super::items::summary;
use super::{audited_item, item_response, locate, path_id, write_item};
use crate::auth::audit::AuditAction;
use crate::auth::{ClientInfo, StaffUser};
use crate::content::clock::Clock;
use crate::content::editorial;
use crate::db::content::editorial::{self as db, RevisionRow};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::error::responses::{
    BadId, InvalidFields, NoIfMatch, NoSuchItem, NoSuchRevision, NotSignedIn, NotStaff,
    StaleVersion,
};
use crate::handlers::NO_STORE;
use crate::handlers::precondition::IfMatch;

fn number(raw: &str) -> Result<i64, ApiError> {
    path_id("number", raw)
}

fn to_revision(row: &RevisionRow, names: &std::collections::HashMap<i64, String>) -> ItemRevision {
    ItemRevision {
        number: row.number,
        action: row.action,
        status: row.status,
        saved_by: row.saved_by.and_then(|id| names.get(&id).cloned()),
        saved_at: Utc.from_utc_datetime(&row.saved_at),
        changed: row.changed.0.clone(),
    }
}

/// One revision of an item of the collection, or a 404.
fn find_revision(
    conn: &mut DbConnection,
    (collection, id): (Collection, i64),
    number: i64,
) -> Result<RevisionRow, ApiError> {
    let row = editorial::find(conn, collection, id)?;
    match db::revision(conn, row.id, number)? {
        Some(revision) => Ok(revision),
        // Imported content has its first revision kept at its first save;
        // until then its current state is its only one.
        None if number == row.version && !db::has_revisions(conn, row.id)? => Ok(RevisionRow {
            content_id: row.id,
            number,
            action: SaveAction::Imported,
            status: editorial::status(&row, row.updated_at),
            saved_by: None,
            saved_at: row.updated_at,
            document: crate::db::types::Json(crate::content::document::read(conn, &row)?),
            changed: crate::db::types::Json(Vec::new()),
        }),
        None => Err(ApiError::NotFound(format!(
            "This {} has no revision {number}.",
            row.item_type
        ))),
    }
}

/// List an item's revisions, newest first (editors and admins).
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1)),
    responses(
        (status = 200, description = "Every revision: who saved, when, what the save did and changed.",
            body = Vec<ItemRevision>),
        BadId, NotSignedIn, NotStaff, NoSuchItem
    )
)]
#[get("/editorial/{collection}/{id}/revisions")]
pub async fn list_revisions(
    _staff: StaffUser,
    path: web::Path<(String, String)>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let revisions = db
        .run(move |conn| {
            let row = editorial::find(conn, collection, id)?;
            let mut rows = db::revisions(conn, row.id)?;
            if rows.is_empty() {
                rows.push(find_revision(conn, (collection, id), row.version)?);
            }
            let ids: Vec<i64> = rows.iter().filter_map(|r| r.saved_by).collect();
            let names = db::names(conn, &ids)?;
            Ok(rows
                .iter()
                .map(|r| to_revision(r, &names))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(revisions))
}

/// Get one revision with the document it holds (editors and admins).
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("number" = i64, Path, description = "The revision's number.", minimum = 1)),
    responses(
        (status = 200, description = "The revision.", body = ItemRevisionDetail),
        BadId, NotSignedIn, NotStaff, NoSuchRevision
    )
)]
#[get("/editorial/{collection}/{id}/revisions/{number}")]
pub async fn get_revision(
    _staff: StaffUser,
    path: web::Path<(String, String, String)>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let item = locate(&path.0, &path.1)?;
    let number = number(&path.2)?;
    let detail = db
        .run(move |conn| {
            let row = find_revision(conn, item, number)?;
            let names = db::names(conn, &row.saved_by.into_iter().collect::<Vec<_>>())?;
            Ok(ItemRevisionDetail {
                revision: to_revision(&row, &names),
                document: row.document.0,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(detail))
}

/// What changed between two revisions, field by field, text word by word
/// (editors and admins). Either order works: `from` is the older state.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("from" = i64, Path, description = "One revision's number.", minimum = 1),
        ("to" = i64, Path, description = "The other's.", minimum = 1)),
    responses(
        (status = 200, description = "The fields that differ, with a word diff of each.",
            body = RevisionDiff),
        BadId, NotSignedIn, NotStaff, NoSuchRevision
    )
)]
#[get("/editorial/{collection}/{id}/revisions/{from}/diff/{to}")]
pub async fn diff_revisions(
    _staff: StaffUser,
    path: web::Path<(String, String, String, String)>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let item = locate(&path.0, &path.1)?;
    let (from, to) = (path_id("from", &path.2)?, path_id("to", &path.3)?);
    let diff = db
        .run(move |conn| {
            let a = find_revision(conn, item, from)?;
            let b = find_revision(conn, item, to)?;
            Ok(RevisionDiff {
                from,
                to,
                changes: editorial::diff(&a.document.0, &b.document.0),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(diff))
}

/// Restore a revision: save its document again, as a new revision
/// (editors and admins).
///
/// The revisions after it stay; the status does not change (restoring a
/// published item's older text publishes that text). Requires `If-Match`
/// with the current version. Refused like any save when the old document
/// no longer holds (its slug taken since, a member organisation gone).
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("number" = i64, Path, description = "The revision to restore.", minimum = 1),
        ("If-Match" = String, Header, description = "The `ETag` of the current version.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    responses(
        (status = 200, description = "The item as it now is.", body = EditorialItem,
            headers(("ETag" = String, description = "Its new version."))),
        BadId, NotSignedIn, NotStaff, NoSuchRevision,
        (status = 409, description = "Another item has taken the revision's slug since (`errors` names `slug`).",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        StaleVersion, InvalidFields, NoIfMatch
    )
)]
#[post("/editorial/{collection}/{id}/revisions/{number}/restore")]
pub async fn restore_revision(
    StaffUser(editor): StaffUser,
    path: web::Path<(String, String, String)>,
    IfMatch(precondition): IfMatch,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let number = number(&path.2)?;
    let now = clock.now();
    let item = write_item(&db, (collection, id), precondition, move |conn, row| {
        let revision = find_revision(conn, (collection, id), number)?;
        let document = revision.document.0;
        let changed = editorial::save(conn, &row, document, SaveAction::Restored, editor.id, now)?;
        let action = (&editor, AuditAction::ContentRestored);
        let detail = format!("revision={number} changed: {}", summary(&changed));
        audited_item(conn, &client, action, collection, id, detail, now)
    })
    .await?;
    Ok(item_response(StatusCode::OK, &item))
}
