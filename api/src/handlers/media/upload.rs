//! `POST /api/v1/media`: a file into the library, streamed.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use cecop_shared::{MediaItem, MediaKind, Visibility};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{Librarian, item_response, one};
use crate::auth::audit::{self, AuditAction, Event};
use crate::auth::{ClientInfo, Principal};
use crate::db::Db;
use crate::db::media::{self as db, NewMedia};
use crate::error::ApiError;
use crate::error::responses::NotSignedIn;
use crate::media::{self, Media};

/// Where an upload's name and place in the library come from.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name, as downloads will offer it (at most 200 characters;
    /// no path).
    #[param(max_length = 200, pattern = r"^[^/\\\u0000-\u001F\u007F]+$")]
    file_name: Option<String>,
    /// A title for the library (default: the file's name).
    #[param(max_length = 300, pattern = r"^[^\u0000-\u001F\u007F]*$")]
    title: Option<String>,
    /// `public` (default) or `members_only`.
    #[param(inline, value_type = Option<Visibility>)]
    visibility: Option<String>,
}

fn line(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > max {
        return Err(ApiError::invalid(
            field,
            format!("at most {max} characters"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(ApiError::invalid(field, "must be one line of text"));
    }
    Ok(Some(value.to_owned()))
}

/// Upload an image or a PDF (editors and admins; a member organisation's
/// users and `media:write` tokens upload images for their organisation).
///
/// The body is the file itself, streamed (any `Content-Type`: the type is
/// decided from the file's first bytes). JPEG, PNG and WebP images up to
/// `CECOP_MEDIA_IMAGE_MAX_MB` (default 10 MB) and PDFs up to
/// `CECOP_MEDIA_PDF_MAX_MB` (default 50 MB) are taken; SVG is refused (it
/// can carry script). An image is decoded (at most
/// `CECOP_MEDIA_MAX_MEGAPIXELS` million pixels), turned upright and
/// re-encoded at 320, 640, 1280 and 2048 pixels wide (those narrower than
/// it, and its own width): nothing else of the upload — EXIF, GPS — is ever
/// served. The same file uploaded twice is stored once.
#[utoipa::path(
    tag = "media",
    security(("bearer" = []), ("api_token" = [])),
    params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file (JPEG, PNG, WebP or PDF)."),
    responses(
        (status = 201, description = "The item, with its sizes.", body = MediaItem,
            headers(("ETag" = String, description = "Its version."),
                    ("Location" = String, description = "Where it is."))),
        (status = 400, description = "A parameter is malformed, or the upload broke off.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Neither staff nor a member organisation's user or \
            `media:write` token; or a member organisation uploading a PDF.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than its type's limit.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not a JPEG, PNG, WebP or PDF; says what it is.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty, damaged, truncated, or too many pixels \
            (`errors` names `file`).",
            body = cecop_shared::Problem, content_type = "application/problem+json")
    )
)]
#[post("/media")]
pub async fn upload_media(
    principal: Principal,
    query: web::Query<UploadQuery>,
    body: web::Payload,
    client: ClientInfo,
    media: web::Data<Media>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let file_name = line("file_name", query.file_name.as_deref(), 200)?;
    if file_name
        .as_deref()
        .is_some_and(|n| n.contains(['/', '\\']))
    {
        return Err(ApiError::invalid("file_name", "a name, without a folder"));
    }
    let title = line("title", query.title.as_deref(), 300)?;
    let visibility = match query.visibility.as_deref() {
        None => Visibility::Public,
        Some(v) => v
            .parse()
            .map_err(|_| ApiError::invalid("visibility", "must be public or members_only"))?,
    };
    let librarian = {
        let principal = principal.clone();
        db.run(move |conn| Librarian::of(conn, &principal)).await?
    };
    let received = media::receive(&media, body).await?;
    if received.kind == MediaKind::Pdf && librarian.member_id().is_some() {
        return Err(ApiError::Forbidden(
            "Member organisations upload images (their logo, story photos); PDFs are added \
             by CECOP's editors."
                .into(),
        ));
    }
    let ingested = media::ingest(&media, &received).await?;
    let ext = match received.content_type {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        _ => "pdf",
    };
    let file_name = file_name.unwrap_or_else(|| format!("{}.{ext}", &received.sha256[..12]));
    let now = chrono::Utc::now().naive_utc();
    let image = ingested.image.as_ref();
    let new = NewMedia {
        sha256: received.sha256.clone(),
        kind: received.kind,
        content_type: received.content_type.to_owned(),
        size: i64::try_from(received.size).unwrap_or(i64::MAX),
        width: image.map(|i| i.width as i32),
        height: image.map(|i| i.height as i32),
        colour: image.map(|i| i.colour.clone()),
        variants: image
            .map(|i| {
                i.sizes
                    .iter()
                    .map(|s| s.width.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default(),
        variant_format: image.map(|i| i.format.ext().to_owned()),
        title: title.unwrap_or_else(|| file_name.clone()),
        file_name,
        visibility,
        member_id: librarian.member_id(),
        uploaded_by: librarian.user_id(),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let item = db
        .run(move |conn| {
            crate::db::write(conn, |conn| {
                let id = db::insert(conn, &new)?;
                audit::record(
                    conn,
                    &client,
                    Event {
                        actor: Some(librarian.actor().to_owned()),
                        target: Some(("media", id.to_string())),
                        detail: Some(format!("sha256={} kind={}", new.sha256, new.kind)),
                        ..Event::new(AuditAction::MediaUploaded)
                    },
                )?;
                one(conn, id)
            })
        })
        .await?;
    Ok(item_response(StatusCode::CREATED, &item))
}
