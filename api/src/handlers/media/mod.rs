//! The media library's routes: `POST /api/v1/media` (a streamed upload),
//! the library's list, one item with where it is used, metadata edits and
//! deletion under `If-Match` ([`library`]), and the files themselves under
//! `/media/{sha256}/{file}` ([`serve`]).
//!
//! Editors and admins use the whole library. A member organisation's users
//! (and its tokens with `media:write`) upload images — their logo, story
//! photos — and see and edit only their organisation's files.

pub mod library;
pub mod serve;
pub mod upload;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use cecop_shared::{MediaItem, MediaKind, MediaVariant, Role, Scope, Slug};
use chrono::{TimeZone, Utc};

use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::media::{self as db, MediaRow};
use crate::error::ApiError;
use crate::handlers::NO_STORE;
use crate::media::image::SizeFormat;

/// Who is using the library.
#[derive(Debug, Clone)]
pub enum Librarian {
    /// An editor or admin: every file.
    Staff { user_id: i64, actor: String },
    /// A member organisation's user or token: its own images.
    Member {
        user_id: Option<i64>,
        actor: String,
        member_id: i64,
    },
}

impl Librarian {
    pub fn actor(&self) -> &str {
        match self {
            Self::Staff { actor, .. } | Self::Member { actor, .. } => actor,
        }
    }

    pub fn user_id(&self) -> Option<i64> {
        match self {
            Self::Staff { user_id, .. } => Some(*user_id),
            Self::Member { user_id, .. } => *user_id,
        }
    }

    pub fn member_id(&self) -> Option<i64> {
        match self {
            Self::Staff { .. } => None,
            Self::Member { member_id, .. } => Some(*member_id),
        }
    }

    /// Who `principal` is in the library: staff, or a member organisation
    /// acting through a user or a `media:write` token (else 403).
    pub fn of(conn: &mut DbConnection, principal: &Principal) -> Result<Self, ApiError> {
        if let Principal::User(user) = principal
            && matches!(user.role, Role::Editor | Role::Admin)
        {
            return Ok(Self::Staff {
                user_id: user.id,
                actor: user.actor(),
            });
        }
        let slug: Slug = principal.organisation_for(Scope::MediaWrite)?;
        let member = crate::db::members::find_by_slug(conn, slug.as_str())?
            .ok_or_else(|| ApiError::Forbidden("The organisation no longer exists.".into()))?;
        Ok(Self::Member {
            user_id: match principal {
                Principal::User(user) => Some(user.id),
                Principal::Token(_) => None,
            },
            actor: principal.actor(),
            member_id: member.id,
        })
    }

    /// Whether this librarian may see and change `row`.
    pub fn may_use(&self, row: &MediaRow) -> bool {
        match self {
            Self::Staff { .. } => true,
            Self::Member { member_id, .. } => row.member_id == Some(*member_id),
        }
    }
}

/// The path of a stored file or size.
pub fn file_url(sha256: &str, file: &str) -> String {
    format!("/media/{sha256}/{file}")
}

/// The answers for `rows`, their alt texts, uploaders and organisations
/// read in three queries.
pub fn to_items(conn: &mut DbConnection, rows: Vec<MediaRow>) -> Result<Vec<MediaItem>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut alts = db::alts(conn, &ids)?;
    let users: Vec<i64> = rows.iter().filter_map(|r| r.uploaded_by).collect();
    let orgs: Vec<i64> = rows.iter().filter_map(|r| r.member_id).collect();
    let (names, slugs) = db::names(conn, &users, &orgs)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let format = row.variant_format.as_deref().and_then(SizeFormat::from_ext);
            let variants: Vec<MediaVariant> = match (format, row.width, row.height) {
                (Some(format), Some(w), Some(h)) => row
                    .widths()
                    .into_iter()
                    .map(|width| MediaVariant {
                        width,
                        height: ((u64::from(h as u32) * u64::from(width))
                            / u64::from((w as u32).max(1)))
                        .max(1) as u32,
                        url: file_url(&row.sha256, &format!("{width}.{}", format.ext())),
                        content_type: format.content_type().to_owned(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let url = match row.kind {
                MediaKind::Pdf => file_url(&row.sha256, "original.pdf"),
                MediaKind::Image => variants.last().map(|v| v.url.clone()).unwrap_or_default(),
            };
            MediaItem {
                id: row.id,
                reference: format!("media:{}", row.id),
                kind: row.kind,
                content_type: row.content_type,
                sha256: row.sha256,
                size: u64::try_from(row.size).unwrap_or_default(),
                width: row.width.map(|w| w as u32),
                height: row.height.map(|h| h as u32),
                colour: row.colour,
                file_name: row.file_name,
                title: row.title,
                alt: alts.remove(&row.id).unwrap_or_default(),
                credit: row.credit,
                licence: row.licence,
                visibility: row.visibility,
                organisation: row.member_id.and_then(|id| slugs.get(&id).cloned()),
                url,
                variants,
                version: row.version,
                uploaded_by: row.uploaded_by.and_then(|id| names.get(&id).cloned()),
                created_at: Utc.from_utc_datetime(&row.created_at),
                updated_at: Utc.from_utc_datetime(&row.updated_at),
                used_in: None,
            }
        })
        .collect())
}

/// A media item's entity tag: its version.
pub fn etag(version: i64) -> String {
    format!("\"m{version}\"")
}

/// An item answer: no-store, with its `ETag`.
pub fn item_response(status: StatusCode, item: &MediaItem) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response
        .insert_header(NO_STORE)
        .insert_header(("ETag", etag(item.version)));
    if status == StatusCode::CREATED {
        response.insert_header(("Location", format!("/api/v1/media/{}", item.id)));
    }
    response.json(item)
}

/// The answer for record `id`, freshly read.
pub fn one(conn: &mut DbConnection, id: i64) -> Result<MediaItem, ApiError> {
    let row = db::find(conn, id)?
        .ok_or_else(|| ApiError::NotFound("No media item has this id.".into()))?;
    to_items(conn, vec![row])?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("media {id} was not read")))
}
