//! Seeing an item as it will be published, whatever its status: the
//! editor's own preview (`GET …/{id}/preview`), and shareable links for a
//! colleague without an account (`…/{id}/preview-links`, opened at
//! `GET /api/v1/preview/{token}`): unguessable, expiring, revocable.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use cecop_shared::{
    Collection, CreatedPreviewLink, PreviewLink, PreviewLinkRequest, PublishedItem,
};
use chrono::{Duration, TimeZone, Utc};

use super::{locate, path_id};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::session_tokens::{random_string, sha256_hex};
use crate::auth::{ClientInfo, StaffUser};
use crate::content::clock::Clock;
use crate::content::editorial;
use crate::content::wire::published;
use crate::db::Db;
use crate::db::content::editorial as items;
use crate::db::content::previews::{self, NewPreviewLink, PreviewLinkRow};
use crate::error::ApiError;
use crate::error::responses::{
    BadId, BadIdOrBody, InvalidFields, NoSuchItem, NotSignedIn, NotStaff,
};
use crate::handlers::NO_STORE;
use crate::handlers::articles::get::LangQuery;
use crate::handlers::body::{Body, fields_from};
use crate::handlers::content::preferences;

/// What every preview token starts with (recognisable when leaked).
const TOKEN_PREFIX: &str = "cecop_pv_";
/// 43 base62 characters: 256 bits.
const TOKEN_RANDOM: usize = 43;

/// Answers with an item as readers will get it, never kept by a cache nor
/// indexed by a search engine.
fn preview_response(item: &PublishedItem) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(NO_STORE)
        .insert_header(("X-Robots-Tag", "noindex, nofollow"))
        .json(item)
}

/// See an item of any status exactly as it will be published (editors and
/// admins): the same rendering, sanitising and language choice as its
/// public page.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1), LangQuery),
    responses(
        (status = 200, description = "The item as its public page will read.", body = PublishedItem),
        BadId, NotSignedIn, NotStaff, NoSuchItem
    )
)]
#[get("/editorial/{collection}/{id}/preview")]
pub async fn preview_item(
    _staff: StaffUser,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<LangQuery>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let prefs = preferences(&req, query.lang.as_deref())?;
    let item = db
        .run(move |conn| {
            let row = editorial::find(conn, collection, id)?;
            published(conn, &row, &prefs)
        })
        .await?;
    Ok(preview_response(&item))
}

fn to_link(
    row: &PreviewLinkRow,
    names: &std::collections::HashMap<i64, String>,
    now: chrono::NaiveDateTime,
) -> PreviewLink {
    PreviewLink {
        id: row.id,
        created_at: Utc.from_utc_datetime(&row.created_at),
        created_by: row.created_by.and_then(|id| names.get(&id).cloned()),
        expires_at: Utc.from_utc_datetime(&row.expires_at),
        revoked_at: row.revoked_at.map(|at| Utc.from_utc_datetime(&at)),
        active: row.active(now),
    }
}

/// An item's preview links, newest first, expired and revoked ones
/// included (editors and admins). Tokens are never shown again.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1)),
    responses(
        (status = 200, description = "The links.", body = Vec<PreviewLink>),
        BadId, NotSignedIn, NotStaff, NoSuchItem
    )
)]
#[get("/editorial/{collection}/{id}/preview-links")]
pub async fn list_preview_links(
    _staff: StaffUser,
    path: web::Path<(String, String)>,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let now = clock.now();
    let links = db
        .run(move |conn| {
            let row = editorial::find(conn, collection, id)?;
            let links = previews::of_item(conn, row.id)?;
            let ids: Vec<i64> = links.iter().filter_map(|l| l.created_by).collect();
            let names = items::names(conn, &ids)?;
            Ok(links
                .iter()
                .map(|l| to_link(l, &names, now))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(NO_STORE).json(links))
}

/// Make a link that shows the item, as it is at each visit, to anyone who
/// has it, until it expires or is revoked (editors and admins).
///
/// The token is shown only in this answer and kept only as a hash.
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1)),
    request_body = PreviewLinkRequest,
    responses(
        (status = 201, description = "The link, with its token, shown this once.", body = CreatedPreviewLink),
        BadIdOrBody, NotSignedIn, NotStaff, NoSuchItem, InvalidFields
    )
)]
#[post("/editorial/{collection}/{id}/preview-links")]
pub async fn create_preview_link(
    StaffUser(editor): StaffUser,
    path: web::Path<(String, String)>,
    Body(request): Body<serde_json::Value>,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let request: PreviewLinkRequest = fields_from(request)?;
    if !(1..=720).contains(&request.hours) {
        return Err(ApiError::Validation(vec![cecop_shared::FieldError::new(
            "hours",
            "must be between 1 and 720 (30 days)",
        )]));
    }
    let now = clock.now();
    let token = format!("{TOKEN_PREFIX}{}", random_string(TOKEN_RANDOM));
    let new = NewPreviewLink {
        token_hash: sha256_hex(&token),
        content_id: id,
        created_by: Some(editor.id),
        created_at: now,
        expires_at: now + Duration::hours(i64::from(request.hours)),
    };
    let link = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let row = editorial::find(conn, collection, id)?;
                let link = previews::insert(conn, &new)?;
                let event = Event {
                    actor: Some(editor.actor()),
                    target: Some((row.item_type.as_str(), id.to_string())),
                    detail: Some(format!("link={} hours={}", link.id, request.hours)),
                    ..Event::new(AuditAction::PreviewLinkCreated)
                };
                audit::record(conn, &client, event)?;
                let names = items::names(conn, &[editor.id])?;
                Ok(to_link(&link, &names, now))
            })
        })
        .await?;
    let created = CreatedPreviewLink {
        link,
        path: format!("/preview/{token}"),
        token,
    };
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header(NO_STORE)
        .json(created))
}

/// Revoke a preview link: it stops working at once (editors and admins).
#[utoipa::path(
    tag = "editorial",
    security(("bearer" = [])),
    params(("collection" = Collection, Path, description = "articles, events or stories."),
        ("id" = i64, Path, description = "The item's id.", minimum = 1),
        ("link" = i64, Path, description = "The link's id.", minimum = 1)),
    responses(
        (status = 204, description = "Revoked."),
        BadId, NotSignedIn, NotStaff,
        (status = 404, description = "The item has no such link, or it is revoked already.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[delete("/editorial/{collection}/{id}/preview-links/{link}")]
pub async fn revoke_preview_link(
    StaffUser(editor): StaffUser,
    path: web::Path<(String, String, String)>,
    client: ClientInfo,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (collection, id) = locate(&path.0, &path.1)?;
    let link = path_id("link", &path.2)?;
    let now = clock.now();
    db.run(move |conn| {
        crate::db::write(conn, |conn| {
            let row = editorial::find(conn, collection, id)?;
            if !previews::revoke(conn, row.id, link, now)? {
                return Err(ApiError::NotFound(
                    "This item has no such link, or it is revoked already.".into(),
                ));
            }
            let event = Event {
                actor: Some(editor.actor()),
                target: Some((row.item_type.as_str(), id.to_string())),
                detail: Some(format!("link={link}")),
                ..Event::new(AuditAction::PreviewLinkRevoked)
            };
            Ok(audit::record(conn, &client, event)?)
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().insert_header(NO_STORE).finish())
}

/// Open a preview link (anyone who has it): the item as it will be
/// published, whatever its status, as it is now.
///
/// An unknown, expired or revoked link is a 404, alike. Answers are kept by
/// no cache and marked for search engines not to index.
#[utoipa::path(
    tag = "content",
    security(()),
    params(("token" = String, Path, description = "The link's token."), LangQuery),
    responses(
        (status = 200, description = "The item as its public page will read.", body = PublishedItem),
        (status = 400, description = "The language is malformed.", body = cecop_shared::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such link, or it has expired or been revoked.",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[get("/preview/{token}")]
pub async fn open_preview_link(
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
    clock: web::Data<Clock>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let prefs = preferences(&req, query.lang.as_deref())?;
    let gone =
        || ApiError::NotFound("No such preview link, or it has expired or been revoked.".into());
    let well_formed = token
        .strip_prefix(TOKEN_PREFIX)
        .is_some_and(|r| r.len() == TOKEN_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !well_formed {
        return Err(gone());
    }
    let hash = sha256_hex(&token);
    let now = clock.now();
    let item = db
        .quick_read(move |conn| {
            let row = previews::open(conn, &hash, now)?.ok_or_else(gone)?;
            published(conn, &row, &prefs)
        })
        .await?;
    Ok(preview_response(&item))
}
