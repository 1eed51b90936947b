//! `GET /media/{sha256}/{file}`: a stored file (`original.pdf`) or one size
//! of an image (`640.jpg`). Named by content, a file never changes: public
//! ones are cached for a year (`immutable`), with a strong `ETag`; single
//! byte ranges are answered (`206`, for PDF readers); the original name is
//! offered for downloads (`?download=1`). A file only members-only records
//! name goes only to signed-in people and `members:read` tokens (others get
//! the same 404 as for no file).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use cecop_shared::{MediaKind, Visibility};
use futures_util::TryStreamExt;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::MaybePrincipal;
use crate::db::Db;
use crate::db::media as db;
use crate::error::ApiError;
use crate::media::image::SizeFormat;
use crate::media::{Media, store};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServeQuery {
    /// `1` to download the file under its original name rather than open it.
    #[param(value_type = Option<String>)]
    download: Option<String>,
}

const ONE_YEAR: &str = "public, max-age=31536000, immutable";
const MEMBERS_ONLY: &str = "private, max-age=3600";

fn no_such_file() -> ApiError {
    ApiError::NotFound("No such file.".into())
}

/// A single `bytes=` range of an object of `size` bytes: `Some(Ok(range))`,
/// `Some(Err(()))` when unsatisfiable, `None` without (or with a multi- or
/// malformed) range, which is answered whole.
fn byte_range(header: Option<&str>, size: u64) -> Option<Result<std::ops::Range<u64>, ()>> {
    let spec = header?.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (start, end) = spec.split_once('-')?;
    let (start, end) = (start.trim(), end.trim());
    let range = match (start.is_empty(), end.is_empty()) {
        (true, false) => {
            let n: u64 = end.parse().ok()?;
            if n == 0 {
                return Some(Err(()));
            }
            size.saturating_sub(n)..size
        }
        (false, _) => {
            let first: u64 = start.parse().ok()?;
            let last: u64 = if end.is_empty() {
                size.saturating_sub(1)
            } else {
                end.parse::<u64>().ok()?.min(size.saturating_sub(1))
            };
            if first >= size || last < first {
                return Some(Err(()));
            }
            first..last + 1
        }
        (true, true) => return None,
    };
    Some(Ok(range))
}

/// `filename*` of RFC 6266, and a plain-ASCII `filename` for old clients.
fn disposition(kind: &str, name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A media file (public ones to anyone; members-only ones to signed-in
/// people and `members:read` tokens).
#[utoipa::path(
    tag = "media",
    params(
        ("sha256" = String, Path, description = "The file's SHA-256 (hex).", pattern = "^[0-9a-f]{64}$"),
        ("file" = String, Path, description = "`original.pdf`, or one size of an image: `640.jpg`, `320.png`…"),
        ("Range" = Option<String>, Header, description = "One byte range, e.g. `bytes=0-1023`."),
        ServeQuery
    ),
    responses(
        (status = 200, description = "The file.", content_type = "application/octet-stream",
            headers(("ETag" = String, description = "Strong; the file never changes."),
                    ("Cache-Control" = String, description = "A year, immutable, for public files."))),
        (status = 206, description = "The byte range asked for.",
            headers(("Content-Range" = String, description = "Which bytes of how many."))),
        (status = 304, description = "The copy held (`If-None-Match`) is current."),
        (status = 401, description = "Credentials were sent and are not valid (none are needed \
            for a public file).", body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file, or one only members may read.",
            body = cecop_shared::Problem, content_type = "application/problem+json"),
        (status = 416, description = "The range is outside the file.",
            headers(("Content-Range" = String, description = "`bytes */{size}`.")))
    )
)]
#[get("/media/{sha256}/{file}")]
pub async fn serve_media(
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<ServeQuery>,
    reader: MaybePrincipal,
    media: web::Data<Media>,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let (sha256, file) = path.into_inner();
    if sha256.len() != 64
        || !sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        return Err(no_such_file());
    }
    let rows = {
        let sha256 = sha256.clone();
        db.quick_read(move |conn| Ok(db::of_file(conn, &sha256)?))
            .await?
    };
    let Some(first) = rows.first() else {
        return Err(no_such_file());
    };
    let public = rows.iter().any(|r| r.visibility == Visibility::Public);
    if !public && !reader.reads_members_only() {
        return Err(no_such_file());
    }
    let (stem, ext) = file.rsplit_once('.').ok_or_else(no_such_file)?;
    let (key, content_type) = match (first.kind, stem) {
        (MediaKind::Pdf, "original") if ext == "pdf" => {
            (store::file_key(&sha256), "application/pdf")
        }
        (MediaKind::Image, width) => {
            let width: u32 = width.parse().map_err(|_| no_such_file())?;
            let format = SizeFormat::from_ext(ext).ok_or_else(no_such_file)?;
            if first.variant_format.as_deref() != Some(ext) || !first.widths().contains(&width) {
                return Err(no_such_file());
            }
            (store::size_key(&sha256, width, ext), format.content_type())
        }
        _ => return Err(no_such_file()),
    };
    let tag = format!("\"{sha256}-{file}\"");
    let cache = if public { ONE_YEAR } else { MEMBERS_ONLY };
    let held = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == tag || t.trim() == "*")
        });
    if held {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, tag))
            .insert_header((header::CACHE_CONTROL, cache))
            .finish());
    }
    let size = media
        .store
        .size(&key)
        .await
        .map_err(ApiError::Internal)?
        .ok_or_else(no_such_file)?;
    let asked = req
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok());
    let range = match byte_range(asked, size) {
        Some(Err(())) => {
            return Ok(HttpResponse::build(StatusCode::RANGE_NOT_SATISFIABLE)
                .insert_header((header::CONTENT_RANGE, format!("bytes */{size}")))
                .insert_header((header::ACCEPT_RANGES, "bytes"))
                .finish());
        }
        Some(Ok(range)) => Some(range),
        None => None,
    };
    let fetched = media
        .store
        .get(&key, range.clone())
        .await
        .map_err(ApiError::Internal)?
        .ok_or_else(no_such_file)?;
    let mut response = match &range {
        Some(_) => HttpResponse::build(StatusCode::PARTIAL_CONTENT),
        None => HttpResponse::Ok(),
    };
    response
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ACCEPT_RANGES, "bytes"))
        .no_chunking(fetched.range.end - fetched.range.start);
    if range.is_some() {
        response.insert_header((
            header::CONTENT_RANGE,
            format!(
                "bytes {}-{}/{}",
                fetched.range.start,
                fetched.range.end - 1,
                fetched.size
            ),
        ));
    }
    if first.kind == MediaKind::Pdf {
        let how = if query.download.as_deref() == Some("1") {
            "attachment"
        } else {
            "inline"
        };
        if let Ok(value) = HeaderValue::from_str(&disposition(how, &first.file_name)) {
            response.insert_header((header::CONTENT_DISPOSITION, value));
        }
    }
    Ok(response.streaming(fetched.body.map_err(std::io::Error::other)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_byte_ranges_are_read_and_the_rest_answered_whole() {
        assert_eq!(byte_range(Some("bytes=0-99"), 1000), Some(Ok(0..100)));
        assert_eq!(byte_range(Some("bytes=900-"), 1000), Some(Ok(900..1000)));
        assert_eq!(byte_range(Some("bytes=-100"), 1000), Some(Ok(900..1000)));
        assert_eq!(
            byte_range(Some("bytes=990-5000"), 1000),
            Some(Ok(990..1000))
        );
        assert_eq!(byte_range(Some("bytes=1000-"), 1000), Some(Err(())));
        assert_eq!(byte_range(Some("bytes=5-2"), 1000), Some(Err(())));
        assert_eq!(byte_range(Some("bytes=0-1,5-9"), 1000), None);
        assert_eq!(byte_range(Some("pages=1"), 1000), None);
        assert_eq!(byte_range(None, 1000), None);
    }

    #[test]
    fn download_names_survive_any_characters() {
        assert_eq!(
            disposition("attachment", "Priorités 2024.pdf"),
            "attachment; filename=\"Priorit_s 2024.pdf\"; filename*=UTF-8''Priorit%C3%A9s%202024.pdf"
        );
    }
}
