//! The library: `GET /api/v1/media` (search and filter), one item with
//! where it is used, `PATCH` of its metadata and `DELETE`, both under
//! `If-Match`. A used item cannot be deleted: the 409 lists where.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, web};
use cecop_shared::{FieldError, Language, MediaInput, MediaItem, MediaKind, MediaUse, Page};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{Librarian, etag, item_response, one, to_items};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, Principal};
use crate::content::editorial::Precondition;
use crate::db::media::{self as db, MediaChanges, MediaFilter, MediaRow};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::error::responses::{
    InvalidFields, NoIfMatch, NoSuchMedia, NotLibrarian, NotSignedIn, StaleVersion,
};
use crate::handlers::NO_STORE;
use crate::handlers::body::{Body, fields_from, merge_patch};
use crate::handlers::pagination::{PageParams, page_response};
use crate::handlers::precondition::IfMatch;
use crate::media::{self, Media};

/// Filters of the library's list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MediaListQuery {
    /// `image` or `pdf`.
    #[param(inline, value_type = Option<MediaKind>)]
    kind: Option<String>,
    /// Words in the title or the file name (case ignored).
    #[param(max_length = 200, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$")]
    q: Option<String>,
    #[serde(flatten)]
    #[param(ignore)]
    page: PageParams,
}

/// List the library, newest first (staff: every file; a member
/// organisation: its own).
#[utoipa::path(
    tag = "media",
    security(("bearer" = []), ("api_token" = [])),
    params(MediaListQuery, PageParams),
    responses(
        (status = 200, description = "One page of items.", body = Page<MediaItem>,
            headers(("X-Total-Count" = u64, description = "Items matching the filters."),
                    ("Link" = String, description = "RFC 8288 links: first, prev, next, last."))),
        (status = 400, description = "A parameter is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        NotLibrarian
    )
)]
#[get("/media")]
pub async fn list_media(
    principal: Principal,
    req: HttpRequest,
    query: web::Query<MediaListQuery>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let kind = match query.kind.as_deref() {
        None => None,
        Some(k) => Some(
            k.parse::<MediaKind>()
                .map_err(|_| ApiError::invalid("kind", "must be image or pdf"))?,
        ),
    };
    let q = match query.q.as_deref().map(str::trim) {
        Some(q) if q.chars().count() > 200 => {
            return Err(ApiError::invalid("q", "at most 200 characters"));
        }
        Some(q) if q.chars().any(char::is_control) => {
            return Err(ApiError::invalid("q", "must be one line of text"));
        }
        Some(q) if !q.is_empty() => Some(q.to_owned()),
        _ => None,
    };
    let request = query.page.request()?;
    let (items, total) = db
        .run(move |conn| {
            let librarian = Librarian::of(conn, &principal)?;
            let filter = MediaFilter {
                kind,
                q,
                member_id: librarian.member_id(),
            };
            let (rows, total) = db::page(
                conn,
                &filter,
                request.offset(),
                i64::from(request.per_page()),
            )?;
            Ok((to_items(conn, rows)?, total))
        })
        .await?;
    Ok(page_response(&req, request, items, total, &[NO_STORE]))
}

fn parse_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::invalid("id", "must be a positive whole number"))
}

/// Record `id` if this librarian may use it (else the same 404 as none).
fn found(conn: &mut DbConnection, librarian: &Librarian, id: i64) -> Result<MediaRow, ApiError> {
    db::find(conn, id)?
        .filter(|row| librarian.may_use(row))
        .ok_or_else(|| ApiError::NotFound("No media item has this id.".into()))
}

/// Where record `id` is used in content as it is now.
fn uses(conn: &mut DbConnection, id: i64) -> Result<Vec<MediaUse>, ApiError> {
    Ok(db::uses(conn, &format!("media:{id}"))?
        .into_iter()
        .map(|(item_type, id, slug, role)| MediaUse {
            collection: crate::content::editorial::collection_of(item_type).to_string(),
            id,
            slug,
            role: role.to_owned(),
        })
        .collect())
}

fn check(
    conn: &mut DbConnection,
    row: &MediaRow,
    precondition: &Precondition,
) -> Result<(), ApiError> {
    match precondition {
        Precondition::Any => Ok(()),
        Precondition::Tags(tags) if tags.contains(&etag(row.version)) => Ok(()),
        Precondition::Tags(_) => Err(stale(conn, row.id)),
    }
}

fn stale(conn: &mut DbConnection, id: i64) -> ApiError {
    match db::find(conn, id) {
        Ok(Some(row)) => ApiError::PreconditionFailed(Box::new(cecop_shared::CurrentVersion {
            version: Some(row.version),
            etag: etag(row.version),
            saved_by: None,
            saved_at: chrono::TimeZone::from_utc_datetime(&chrono::Utc, &row.updated_at),
        })),
        Ok(None) => ApiError::NotFound("No media item has this id.".into()),
        Err(e) => e.into(),
    }
}

/// One item of the library, with where it is used.
#[utoipa::path(
    tag = "media",
    security(("bearer" = []), ("api_token" = [])),
    params(("id" = i64, Path, description = "The item's id.", minimum = 1)),
    responses(
        (status = 200, description = "The item; `used_in` lists where.", body = MediaItem,
            headers(("ETag" = String, description = "Its version."))),
        (status = 400, description = "The id is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        NotLibrarian, NoSuchMedia
    )
)]
#[get("/media/{id}")]
pub async fn get_media(
    principal: Principal,
    id: web::Path<String>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let item = db
        .run(move |conn| {
            let librarian = Librarian::of(conn, &principal)?;
            found(conn, &librarian, id)?;
            let mut item = one(conn, id)?;
            item.used_in = Some(uses(conn, id)?);
            Ok(item)
        })
        .await?;
    Ok(item_response(StatusCode::OK, &item))
}

/// Checks metadata as an edit leaves it.
fn checked(input: &MediaInput) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    let mut line = |field: String, value: &str, max: usize, required: bool| {
        if required && value.trim().is_empty() {
            errors.push(FieldError::new(field.clone(), "must not be empty"));
        }
        if value.chars().count() > max {
            errors.push(FieldError::new(
                field.clone(),
                format!("at most {max} characters"),
            ));
        }
        if value.chars().any(char::is_control) {
            errors.push(FieldError::new(field, "must be one line of text"));
        }
    };
    line("title".into(), &input.title, 300, true);
    for (lang, alt) in &input.alt {
        line(format!("alt.{lang}"), alt, 1000, true);
    }
    if let Some(credit) = &input.credit {
        line("credit".into(), credit, 300, true);
    }
    if let Some(licence) = &input.licence {
        line("licence".into(), licence, 300, true);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Change an item's metadata: a JSON Merge Patch of its `MediaInput`.
///
/// `{"alt": {"fr": "…"}}` sets the French alt text, `{"alt": {"fr": null}}`
/// removes it. The file never changes. Requires `If-Match` with the item's
/// `ETag`.
#[utoipa::path(
    tag = "media",
    security(("bearer" = []), ("api_token" = [])),
    params(("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("If-Match" = String, Header, description = "The `ETag` of the item as last read.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    request_body(content = Object, description = "A JSON Merge Patch of the item's \
        `MediaInput` (every member optional).", content_type = "application/merge-patch+json"),
    responses(
        (status = 200, description = "The item as it now is.", body = MediaItem,
            headers(("ETag" = String, description = "Its new version."))),
        (status = 400, description = "The id or the body is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        NotLibrarian, NoSuchMedia,
        StaleVersion, InvalidFields, NoIfMatch
    )
)]
#[patch("/media/{id}")]
pub async fn update_media(
    principal: Principal,
    id: web::Path<String>,
    IfMatch(precondition): IfMatch,
    Body(patch): Body<serde_json::Value>,
    client: ClientInfo,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    if !patch.is_object() {
        return Err(ApiError::Malformed(
            "A patch is a JSON object of the fields to change (RFC 7396).".into(),
        ));
    }
    let item = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let librarian = Librarian::of(conn, &principal)?;
                let row = found(conn, &librarian, id)?;
                check(conn, &row, &precondition)?;
                let current = one(conn, id)?;
                let mut document = serde_json::to_value(MediaInput {
                    title: current.title,
                    alt: current.alt,
                    credit: current.credit,
                    licence: current.licence,
                    visibility: current.visibility,
                })
                .map_err(|e| ApiError::Internal(e.into()))?;
                merge_patch(&mut document, patch);
                let input: MediaInput = fields_from(document)?;
                checked(&input)?;
                let trimmed = |v: Option<String>| v.map(|v| v.trim().to_owned());
                let changes = MediaChanges {
                    title: input.title.trim().to_owned(),
                    credit: trimmed(input.credit),
                    licence: trimmed(input.licence),
                    visibility: input.visibility,
                    version: row.version + 1,
                    updated_at: chrono::Utc::now().naive_utc(),
                };
                if !db::update(conn, id, row.version, &changes)? {
                    return Err(stale(conn, id));
                }
                let alts: BTreeMap<Language, String> = input
                    .alt
                    .into_iter()
                    .map(|(lang, alt)| (lang, alt.trim().to_owned()))
                    .collect();
                db::set_alts(conn, id, &alts)?;
                audit::record(
                    conn,
                    &client,
                    Event {
                        actor: Some(librarian.actor().to_owned()),
                        target: Some(("media", id.to_string())),
                        ..Event::new(AuditAction::MediaUpdated)
                    },
                )?;
                one(conn, id)
            })
        })
        .await?;
    Ok(item_response(StatusCode::OK, &item))
}

/// Delete an item from the library, once nothing uses it.
///
/// Refused (409) while an article, event or story uses it: `errors` lists
/// each use (`used_in`). The stored file goes with its last record.
/// Requires `If-Match` with the item's `ETag`.
#[utoipa::path(
    tag = "media",
    security(("bearer" = []), ("api_token" = [])),
    params(("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("If-Match" = String, Header, description = "The `ETag` of the item as last read.",
            pattern = r#"^(\*|(W/)?"[!#-~]*"(, ?(W/)?"[!#-~]*")*)$"#)),
    responses(
        (status = 204, description = "Deleted."),
        (status = 400, description = "The id is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        NotSignedIn,
        NotLibrarian, NoSuchMedia,
        (status = 409, description = "In use: `errors` names each use.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        StaleVersion, NoIfMatch
    )
)]
#[delete("/media/{id}")]
pub async fn delete_media(
    principal: Principal,
    id: web::Path<String>,
    IfMatch(precondition): IfMatch,
    client: ClientInfo,
    media: web::Data<Media>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let id = parse_id(&id)?;
    let (sha256, last) = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let librarian = Librarian::of(conn, &principal)?;
                let row = found(conn, &librarian, id)?;
                check(conn, &row, &precondition)?;
                let used = uses(conn, id)?;
                if !used.is_empty() {
                    let errors = used
                        .iter()
                        .map(|u| {
                            FieldError::new(
                                "used_in",
                                format!(
                                    "used as the {} of {}/{} ({})",
                                    u.role, u.collection, u.slug, u.id
                                ),
                            )
                        })
                        .collect();
                    return Err(ApiError::InUse(errors));
                }
                if !db::delete(conn, id, row.version)? {
                    return Err(stale(conn, id));
                }
                audit::record(
                    conn,
                    &client,
                    Event {
                        actor: Some(librarian.actor().to_owned()),
                        target: Some(("media", id.to_string())),
                        detail: Some(format!("sha256={}", row.sha256)),
                        ..Event::new(AuditAction::MediaDeleted)
                    },
                )?;
                let last = !db::file_named(conn, &row.sha256)?;
                Ok((row.sha256, last))
            })
        })
        .await?;
    if last {
        // After the commit: a crash in between leaves a file no record
        // names, which the collector removes.
        if let Err(err) = media::remove_file(&media, &sha256).await {
            tracing::warn!(error = %err, sha256, "could not remove a deleted media file; the collector will");
        }
    }
    Ok(HttpResponse::NoContent().insert_header(NO_STORE).finish())
}
