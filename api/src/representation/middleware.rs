//! The compression middleware.
//!
//! actix's own `Compress` middleware brotli-encodes every body, even a
//! 15-byte health answer (each encoder allocating and clearing megabytes of
//! tables), and hands any body over 1 KiB to a blocking thread. Profiled
//! under `just bench`, that was most of the CPU time of a cached list page.
//! The policy here:
//!
//! - bodies under [`MIN_SIZE`](super::codings::MIN_SIZE), responses a handler encoded already (a
//!   cached [`Representations`](super::Representations)), partial and bodiless responses, and media
//!   types that are compressed already go out as they are;
//! - other in-memory bodies up to [`INLINE_MAX`](super::codings::INLINE_MAX) are gzipped at the fastest
//!   level on the worker thread: tens of microseconds, less than a hop to
//!   another thread and back;
//! - larger and streamed bodies (static files) go through actix-http's
//!   encoder, which compresses on a blocking thread, brotli preferred.
//!
//! Bodies served many times (cached list pages) keep their compressed forms
//! in [`Representations`](super::Representations), each made once, brotli preferred.
//!
//! An encoded representation has its own entity tag (`"…-br"`, `"…-gzip"`),
//! as RFC 9110 §8.8.3 asks of strong validators; [`base_tag`](super::tags::base_tag) maps it back,
//! so a client holding either form gets its 304.

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ResponseHead, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::middleware::Next;

use super::codings::{GZIP_FAST, INLINE_MAX, KEPT, MIN_SIZE, PER_RESPONSE, gzip, negotiate};
use super::tags::encoded_tag;

/// Media types worth compressing: text and the structured formats we serve.
fn compressible(head: &ResponseHead) -> bool {
    let Some(media) = head
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let media = media.split(';').next().unwrap_or_default().trim();
    media.starts_with("text/")
        || media.ends_with("json")
        || media.ends_with("+xml")
        || matches!(
            media,
            "application/javascript" | "application/wasm" | "image/svg+xml" | "application/xml"
        )
}

/// Marks `head` as carrying `coding`, with its own entity tag.
fn label(head: &mut ResponseHead, coding: ContentEncoding) {
    let headers = head.headers_mut();
    if let Some(tag) = headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(|t| encoded_tag(t, coding))
        && let Ok(value) = HeaderValue::from_str(&tag)
    {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CONTENT_ENCODING, coding.to_header_value());
}

/// Whether a response of this shape may be compressed at all.
fn eligible(head: &ResponseHead, size: BodySize) -> bool {
    let bodiless = matches!(
        head.status,
        StatusCode::NO_CONTENT | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED
    ) || head.status.is_informational();
    let small =
        matches!(size, BodySize::None) || matches!(size, BodySize::Sized(n) if n < MIN_SIZE as u64);
    !bodiless && !small && !head.headers().contains_key(header::CONTENT_ENCODING)
}

/// Adds `Vary: accept-encoding` unless a `Vary` already names it.
fn vary(head: &mut ResponseHead) {
    let named = head
        .headers()
        .get_all(header::VARY)
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("accept-encoding"));
    if !named {
        head.headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
}

/// The middleware: compresses each response as the module describes.
pub async fn compress(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> actix_web::Result<ServiceResponse<BoxBody>> {
    let inline = negotiate(req.headers(), &PER_RESPONSE);
    let elsewhere = negotiate(req.headers(), &KEPT);
    let res = next.call(req).await?;
    Ok(res.map_body(|head, body| {
        if !compressible(head) {
            return body.boxed();
        }
        if elsewhere == ContentEncoding::Identity || !eligible(head, body.size()) {
            // Another client may still get other bytes for the same URL.
            vary(head);
            return body.boxed();
        }
        match body.try_into_bytes() {
            Ok(bytes) if bytes.len() <= INLINE_MAX && inline == ContentEncoding::Gzip => {
                vary(head);
                match gzip(&bytes, GZIP_FAST) {
                    Ok(encoded) => {
                        label(head, inline);
                        BoxBody::new(encoded)
                    }
                    Err(err) => {
                        tracing::warn!(error = %err, "gzip failed; sending the body as it is");
                        BoxBody::new(bytes)
                    }
                }
            }
            Ok(bytes) if bytes.len() <= INLINE_MAX => {
                // A client taking brotli only: not worth a thread hop.
                vary(head);
                BoxBody::new(bytes)
            }
            Ok(bytes) => encode_elsewhere(head, elsewhere, bytes),
            Err(body) => encode_elsewhere(head, elsewhere, body),
        }
    }))
}

/// Large or streamed bodies (static files): actix-http's encoder, off the
/// worker thread. Their entity tag is made weak, as nginx does, rather than
/// renamed: actix-files compares `If-None-Match` weakly with its own tag, so
/// revalidation keeps working.
fn encode_elsewhere(
    head: &mut ResponseHead,
    coding: ContentEncoding,
    body: impl MessageBody + 'static,
) -> BoxBody {
    if let Some(weak) = head
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .filter(|t| !t.starts_with("W/"))
        .and_then(|t| HeaderValue::from_str(&format!("W/{t}")).ok())
    {
        head.headers_mut().insert(header::ETAG, weak);
    }
    // The encoder sets `Content-Encoding` and appends `Vary` itself.
    actix_http::encoding::Encoder::response(coding, head, body).boxed()
}
