//! The media library's files: received streamed into a temporary file
//! (hashed and measured as they arrive, refused as soon as they pass their
//! type's size limit), their type decided by their first bytes, checked —
//! an image decoded within pixel and memory limits, a PDF parsed — and
//! stored by their SHA-256 in the [`store`]. An image is never kept or
//! served as uploaded: it is decoded, turned upright, and re-encoded in a
//! fixed set of widths ([`WIDTHS`]), which drops everything else the file
//! carried (EXIF, a phone's GPS position). The sizes are made at upload by
//! at most `CECOP_MEDIA_WORKERS` images at a time, never on request.
//!
//! Files are stored before their record is written, and a stored file no
//! record names is collected ([`collect`]) once it is older than an upload
//! can take: a crash mid-upload leaves no record without its file, and no
//! file the collector will not find.

pub mod image;
pub mod store;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use actix_web::web;
use cecop_shared::MediaKind;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::settings::Settings;
pub use store::MediaStore;

/// The widths an image is served in; one narrower than the image is made
/// for each, and the image's own width (at most the largest) besides.
pub const WIDTHS: [u32; 4] = [320, 640, 1280, 2048];

/// How long a stored file no record names is left alone by the collector:
/// an upload in progress has stored its file and not yet its record.
pub const COLLECT_AFTER: chrono::TimeDelta = chrono::TimeDelta::hours(1);

/// The media library's settings and shared parts.
#[derive(Clone)]
pub struct Media {
    pub store: MediaStore,
    pub image_max: u64,
    pub pdf_max: u64,
    pub max_pixels: u64,
    /// Where uploads are received before they are checked.
    pub tmp_dir: PathBuf,
    /// Images being decoded and resized at once.
    workers: Arc<Semaphore>,
}

impl std::fmt::Debug for Media {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Media")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl Media {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let tmp_dir = settings.data_dir.join("tmp").join("uploads");
        std::fs::create_dir_all(&tmp_dir)?;
        // Uploads a crash interrupted.
        if let Ok(entries) = std::fs::read_dir(&tmp_dir) {
            for entry in entries.flatten() {
                std::fs::remove_file(entry.path()).ok();
            }
        }
        Ok(Self {
            store: MediaStore::from_settings(settings)?,
            image_max: settings.media_image_max_mb * 1024 * 1024,
            pdf_max: settings.media_pdf_max_mb * 1024 * 1024,
            max_pixels: settings.media_max_megapixels * 1_000_000,
            tmp_dir,
            workers: Arc::new(Semaphore::new(settings.media_workers as usize)),
        })
    }

    fn limit(&self, kind: MediaKind) -> u64 {
        match kind {
            MediaKind::Image => self.image_max,
            MediaKind::Pdf => self.pdf_max,
        }
    }
}

/// A file as received: in a temporary file (removed when this is dropped),
/// with its hash, size and type.
#[derive(Debug)]
pub struct Received {
    pub file: tempfile::NamedTempFile,
    pub sha256: String,
    pub size: u64,
    pub kind: MediaKind,
    pub content_type: &'static str,
}

/// The type of a file from its first bytes: JPEG, PNG, WebP or PDF, or a
/// 415 naming what it is.
pub fn sniff(head: &[u8]) -> Result<(MediaKind, &'static str), ApiError> {
    let text = String::from_utf8_lossy(&head[..head.len().min(512)]).to_lowercase();
    if text.contains("<svg") {
        return Err(ApiError::UnsupportedMediaType(
            "the file is an SVG image (refused: it can carry script); the library takes JPEG, \
             PNG and WebP images and PDF documents"
                .into(),
        ));
    }
    let found = infer::get(head).map(|t| t.mime_type());
    match found {
        Some("image/jpeg") => Ok((MediaKind::Image, "image/jpeg")),
        Some("image/png") => Ok((MediaKind::Image, "image/png")),
        Some("image/webp") => Ok((MediaKind::Image, "image/webp")),
        Some("application/pdf") => Ok((MediaKind::Pdf, "application/pdf")),
        Some(other) => Err(ApiError::UnsupportedMediaType(format!(
            "the file is {other}; the library takes JPEG, PNG and WebP images and PDF documents"
        ))),
        None => Err(ApiError::UnsupportedMediaType(
            "the file is of no type the library knows; it takes JPEG, PNG and WebP images and \
             PDF documents"
                .into(),
        )),
    }
}

/// How many first bytes decide a file's type.
const SNIFF_BYTES: usize = 512;

/// Receives a body into a temporary file, hashing and measuring it as it
/// comes, and refuses it (413) as soon as it passes its type's limit, or
/// (415) once its first bytes show a type the library does not take.
pub async fn receive(media: &Media, mut body: web::Payload) -> Result<Received, ApiError> {
    let mut file = tempfile::NamedTempFile::new_in(&media.tmp_dir)
        .map_err(|e| ApiError::Internal(e.into()))?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    let mut kind: Option<(MediaKind, &'static str)> = None;
    let largest = media.image_max.max(media.pdf_max);
    while let Some(chunk) = body.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::invalid("body", format!("the upload broke off: {e}")))?;
        size += chunk.len() as u64;
        if kind.is_none() && head.len() < SNIFF_BYTES {
            let take = (SNIFF_BYTES - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
            if head.len() >= SNIFF_BYTES {
                kind = Some(sniff(&head)?);
            }
        }
        let limit = kind.map_or(largest, |(k, _)| media.limit(k));
        if size > limit {
            return Err(ApiError::PayloadTooLarge {
                limit: limit as usize,
            });
        }
        hasher.update(&chunk);
        file.write_all(&chunk)
            .map_err(|e| ApiError::Internal(e.into()))?;
    }
    if size == 0 {
        return Err(unreadable("the file is empty"));
    }
    let (kind, content_type) = match kind {
        Some(found) => found,
        None => sniff(&head)?,
    };
    if size > media.limit(kind) {
        return Err(ApiError::PayloadTooLarge {
            limit: media.limit(kind) as usize,
        });
    }
    file.flush().map_err(|e| ApiError::Internal(e.into()))?;
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Received {
        file,
        sha256,
        size,
        kind,
        content_type,
    })
}

/// A 422 for a file that is not what it says it is (damaged, truncated,
/// too many pixels), naming the file.
pub fn unreadable(why: impl Into<String>) -> ApiError {
    ApiError::Validation(vec![cecop_shared::FieldError::new("file", why.into())])
}

/// A PDF that parses (its cross-reference table and trailer), or a 422.
fn check_pdf(path: &Path) -> Result<(), ApiError> {
    lopdf::Document::load_metadata(path)
        .map(|_| ())
        .map_err(|e| unreadable(format!("the PDF does not parse: {e}")))
}

/// What checking and storing a file found.
#[derive(Debug)]
pub struct Ingested {
    pub image: Option<image::Sized>,
}

/// Checks a received file and stores it (and an image's sizes) under its
/// hash, unless that file is stored already. Decoding and encoding run on
/// the blocking pool, at most `CECOP_MEDIA_WORKERS` images at once.
pub async fn ingest(media: &Media, received: &Received) -> Result<Ingested, ApiError> {
    let path = received.file.path().to_owned();
    let _permit = media
        .workers
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    match received.kind {
        MediaKind::Pdf => {
            web::block(move || check_pdf(&path))
                .await
                .map_err(|e| ApiError::Internal(e.into()))??;
            media
                .store
                .put_file(&store::file_key(&received.sha256), received.file.path())
                .await
                .map_err(ApiError::Internal)?;
            Ok(Ingested { image: None })
        }
        MediaKind::Image => {
            let max_pixels = media.max_pixels;
            let sized = web::block(move || image::sizes(&path, max_pixels))
                .await
                .map_err(|e| ApiError::Internal(e.into()))??;
            for size in &sized.sizes {
                media
                    .store
                    .put(
                        &store::size_key(&received.sha256, size.width, sized.format.ext()),
                        size.bytes.clone(),
                    )
                    .await
                    .map_err(ApiError::Internal)?;
            }
            // The file as uploaded is kept (never served): sizes can be
            // made again from it if the set of widths changes.
            media
                .store
                .put_file(&store::file_key(&received.sha256), received.file.path())
                .await
                .map_err(ApiError::Internal)?;
            Ok(Ingested { image: Some(sized) })
        }
    }
}

/// Deletes a stored file and its sizes.
pub async fn remove_file(media: &Media, sha256: &str) -> anyhow::Result<()> {
    for stored in media.store.list(&format!("sizes/{sha256}")).await? {
        media.store.delete(&stored.key).await?;
    }
    media.store.delete(&store::file_key(sha256)).await
}

/// Removes stored files no record names (and their sizes), once older than
/// `grace` ([`COLLECT_AFTER`] when the server collects). The store is listed before the records are read, so a
/// file stored meanwhile is left for the next round. Returns how many files
/// went.
pub async fn collect(
    media: &Media,
    db: &crate::db::Db,
    now: chrono::DateTime<chrono::Utc>,
    grace: chrono::TimeDelta,
) -> anyhow::Result<usize> {
    let files = media.store.list("files").await?;
    let sizes = media.store.list("sizes").await?;
    let named: std::collections::HashSet<String> = db
        .run(|conn| crate::db::media::named_files(conn).map_err(ApiError::from))
        .await
        .map_err(|e| anyhow::anyhow!("cannot read the media records: {e}"))?
        .into_iter()
        .collect();
    let mut removed = std::collections::HashSet::new();
    for stored in files.iter().chain(sizes.iter()) {
        let Some(sha256) = stored.key.split('/').nth(1) else {
            continue;
        };
        if named.contains(sha256) || now - stored.modified < grace {
            continue;
        }
        media.store.delete(&stored.key).await?;
        removed.insert(sha256.to_owned());
    }
    Ok(removed.len())
}

/// Collects unnamed stored files a minute after start and every hour after.
pub fn spawn_collector(db: web::Data<crate::db::Db>, media: Media) {
    actix_web::rt::spawn(async move {
        let mut wait = std::time::Duration::from_secs(60);
        loop {
            tokio::time::sleep(wait).await;
            wait = std::time::Duration::from_secs(3600);
            match collect(&media, &db, chrono::Utc::now(), COLLECT_AFTER).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(files = n, "media collector removed unnamed files"),
                Err(err) => tracing::warn!(error = %err, "media collector"),
            }
        }
    });
}
