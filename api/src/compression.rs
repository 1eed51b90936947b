//! Response compression, negotiated from `Accept-Encoding`.
//!
//! actix's own `Compress` middleware brotli-encodes every body, even a
//! 15-byte health answer (each encoder allocating and clearing megabytes of
//! tables), and hands any body over 1 KiB to a blocking thread. Profiled
//! under `just bench`, that was most of the CPU time of a cached list page.
//! The policy here:
//!
//! - bodies under [`MIN_SIZE`], responses a handler encoded already (a
//!   cached [`Representations`]), partial and bodiless responses, and media
//!   types that are compressed already go out as they are;
//! - other in-memory bodies up to [`INLINE_MAX`] are gzipped at the fastest
//!   level on the worker thread: tens of microseconds, less than a hop to
//!   another thread and back;
//! - larger and streamed bodies (static files) go through actix-http's
//!   encoder, which compresses on a blocking thread, brotli preferred.
//!
//! Bodies served many times (cached list pages) keep their compressed forms
//! in [`Representations`], each made once, brotli preferred.
//!
//! An encoded representation has its own entity tag (`"…-br"`, `"…-gzip"`),
//! as RFC 9110 §8.8.3 asks of strong validators; [`base_tag`] maps it back,
//! so a client holding either form gets its 304.

use std::io::Write;
use std::sync::OnceLock;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ResponseHead, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentEncoding, HeaderMap, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;

/// Bodies smaller than this are sent as they are: they fit in one TCP
/// segment either way, and compressing them costs more than it saves.
pub const MIN_SIZE: usize = 1_024;
/// In-memory bodies up to this size are gzipped on the worker thread.
pub const INLINE_MAX: usize = 256 * 1024;
/// gzip level for a body compressed for one response.
const GZIP_FAST: u32 = 1;
/// gzip level and brotli quality for a body compressed once and kept.
const GZIP_KEPT: u32 = 6;
const BROTLI_KEPT: u32 = 5;
/// Brotli window: 2^20 bytes, more than any kept body.
const BROTLI_WINDOW: u32 = 20;

/// Codings for a body compressed for one response (identity is always the
/// fallback): gzip, far cheaper to start than brotli.
const PER_RESPONSE: [ContentEncoding; 1] = [ContentEncoding::Gzip];
/// Codings for a body compressed once and kept, smallest first.
const KEPT: [ContentEncoding; 2] = [ContentEncoding::Brotli, ContentEncoding::Gzip];

/// The q-value `Accept-Encoding` gives `coding` (RFC 9110 §12.5.3): its own
/// entry, else `*`'s, else 0.
fn quality(accepted: &[(&str, f32)], coding: ContentEncoding) -> f32 {
    let name = coding.as_str();
    accepted
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(name))
        .or_else(|| accepted.iter().find(|(c, _)| *c == "*"))
        .map_or(0.0, |(_, q)| *q)
}

/// The coding to send, among `supported` (the server's order breaking ties):
/// the one the client ranks highest. Identity when the request has no
/// `Accept-Encoding` or accepts none of them.
fn negotiate(headers: &HeaderMap, supported: &[ContentEncoding]) -> ContentEncoding {
    let accepted: Vec<(&str, f32)> = headers
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';');
            let coding = parts.next()?.trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!coding.is_empty()).then_some((coding, q))
        })
        .collect();
    if accepted.is_empty() {
        return ContentEncoding::Identity;
    }
    // Identity is the fallback, not a rival: a client that lists a coding
    // wants it rather than none.
    let mut best = ContentEncoding::Identity;
    let mut best_q = 0.0_f32;
    for coding in supported {
        let q = quality(&accepted, *coding);
        if q > best_q {
            best = *coding;
            best_q = q;
        }
    }
    best
}

/// The entity tag an encoded representation carries.
fn encoded_tag(tag: &str, coding: ContentEncoding) -> String {
    match tag.strip_suffix('"') {
        Some(open) if coding != ContentEncoding::Identity => {
            format!("{open}-{}\"", coding.as_str())
        }
        _ => tag.to_owned(),
    }
}

/// The tag of the unencoded representation behind `tag` (itself if it names
/// no coding).
pub fn base_tag(tag: &str) -> std::borrow::Cow<'_, str> {
    // The suffixes `encoded_tag` writes for the codings we send.
    for suffix in ["-br\"", "-gzip\""] {
        if let Some(open) = tag.strip_suffix(suffix) {
            return format!("{open}\"").into();
        }
    }
    tag.into()
}

fn gzip(body: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::new(level),
    );
    encoder.write_all(body)?;
    encoder.finish()
}

fn brotli(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = brotli::CompressorWriter::new(
        Vec::with_capacity(body.len() / 4),
        4096,
        BROTLI_KEPT,
        BROTLI_WINDOW,
    );
    encoder.write_all(body)?;
    Ok(encoder.into_inner())
}

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

/// Compresses a whole body.
type Codec = fn(&[u8]) -> std::io::Result<Vec<u8>>;

/// Bytes to keep in a cache: exactly as long as the data. A `Vec` grown
/// while writing can hold twice its length, and `Bytes::from` would keep
/// all of it for as long as the entry lives.
pub fn kept_bytes(data: Vec<u8>) -> Bytes {
    Bytes::from(data.into_boxed_slice())
}

/// A body served many times, with its compressed forms made when first
/// asked for and kept.
#[derive(Debug)]
pub struct Representations {
    pub identity: Bytes,
    /// The entity tag of the unencoded body.
    pub etag: String,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

/// One representation chosen for a request.
#[derive(Debug)]
pub struct Chosen {
    pub body: Bytes,
    pub etag: String,
    /// `None` for the unencoded body.
    pub coding: Option<ContentEncoding>,
}

impl Representations {
    pub fn new(identity: Bytes) -> Self {
        Self {
            etag: crate::handlers::caching::entity_tag(&identity),
            identity,
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }

    fn encoded(&self, coding: ContentEncoding) -> Option<Bytes> {
        let (cell, encode): (_, Codec) = match coding {
            ContentEncoding::Brotli => (&self.brotli, brotli),
            ContentEncoding::Gzip => (&self.gzip, |b| gzip(b, GZIP_KEPT)),
            _ => return None,
        };
        cell.get_or_init(|| {
            encode(&self.identity)
                .inspect_err(|err| tracing::warn!(error = %err, "cannot compress a kept body"))
                .ok()
                .map(kept_bytes)
        })
        .clone()
    }

    /// The representation for a request with these headers.
    pub fn choose(&self, headers: &HeaderMap) -> Chosen {
        let coding = if self.identity.len() < MIN_SIZE {
            ContentEncoding::Identity
        } else {
            negotiate(headers, &KEPT)
        };
        match self.encoded(coding) {
            Some(body) => Chosen {
                body,
                etag: encoded_tag(&self.etag, coding),
                coding: Some(coding),
            },
            None => Chosen {
                body: self.identity.clone(),
                etag: self.etag.clone(),
                coding: None,
            },
        }
    }
}

/// A body kept only in gzip, for caches that hold many small bodies: every
/// client that takes compression takes gzip, and the rare one that takes
/// none gets the body inflated again.
#[derive(Debug)]
pub struct GzipOnly {
    gzip: Bytes,
    /// The entity tag of the unencoded body.
    etag: String,
}

impl GzipOnly {
    pub fn new(identity: &[u8]) -> std::io::Result<Self> {
        Ok(Self {
            etag: crate::handlers::caching::entity_tag(identity),
            gzip: kept_bytes(gzip(identity, GZIP_KEPT)?),
        })
    }

    /// Bytes held, for cache budgets.
    pub fn size(&self) -> usize {
        self.gzip.len() + self.etag.len()
    }

    /// The representation for a request with these headers.
    pub fn choose(&self, headers: &HeaderMap) -> std::io::Result<Chosen> {
        if negotiate(headers, &PER_RESPONSE) == ContentEncoding::Gzip {
            return Ok(Chosen {
                body: self.gzip.clone(),
                etag: encoded_tag(&self.etag, ContentEncoding::Gzip),
                coding: Some(ContentEncoding::Gzip),
            });
        }
        let mut identity = Vec::with_capacity(self.gzip.len() * 3);
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&self.gzip[..]),
            &mut identity,
        )?;
        Ok(Chosen {
            body: identity.into(),
            etag: self.etag.clone(),
            coding: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn headers(accept: &str) -> HeaderMap {
        let req = TestRequest::get()
            .insert_header((header::ACCEPT_ENCODING, accept))
            .to_http_request();
        req.headers().clone()
    }

    #[test]
    fn negotiation_follows_q_values_and_the_servers_order() {
        use ContentEncoding::{Brotli, Gzip, Identity};
        for (accept, per_response, kept) in [
            ("gzip, deflate, br", Gzip, Brotli),
            ("br", Identity, Brotli),
            ("gzip;q=0.5, br;q=0.9", Gzip, Brotli),
            ("br;q=0.2, gzip", Gzip, Gzip),
            ("*", Gzip, Brotli),
            ("*;q=0, identity", Identity, Identity),
            ("identity", Identity, Identity),
            ("gzip;q=0", Identity, Identity),
            ("", Identity, Identity),
        ] {
            let headers = headers(accept);
            assert_eq!(negotiate(&headers, &PER_RESPONSE), per_response, "{accept}");
            assert_eq!(negotiate(&headers, &KEPT), kept, "{accept}");
        }
        assert_eq!(negotiate(&HeaderMap::new(), &KEPT), Identity);
    }

    #[test]
    fn encoded_tags_name_their_coding_and_map_back() {
        let tag = "\"0123abcd\"";
        let br = encoded_tag(tag, ContentEncoding::Brotli);
        let gz = encoded_tag(tag, ContentEncoding::Gzip);
        assert_eq!(br, "\"0123abcd-br\"");
        assert_eq!(gz, "\"0123abcd-gzip\"");
        assert_eq!(encoded_tag(tag, ContentEncoding::Identity), tag);
        for t in [&br, &gz, &tag.to_owned()] {
            assert_eq!(base_tag(t), tag);
        }
    }

    #[test]
    fn kept_forms_decode_to_the_body() {
        let body = Bytes::from("{\"items\":[".to_owned() + &"{\"a\":1},".repeat(400) + "{}]}");
        let kept = Representations::new(body.clone());
        let br = kept.choose(&headers("br, gzip"));
        assert_eq!(br.coding, Some(ContentEncoding::Brotli));
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &br.body[..], &mut decoded).ok();
        assert_eq!(decoded, body);
        let gz = kept.choose(&headers("gzip"));
        assert_eq!(gz.coding, Some(ContentEncoding::Gzip));
        let mut decoded = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&gz.body[..]),
            &mut decoded,
        )
        .ok();
        assert_eq!(decoded, body);
        let plain = kept.choose(&HeaderMap::new());
        assert_eq!((plain.coding, plain.body), (None, body.clone()));

        let compact = GzipOnly::new(&body).ok();
        let gz = compact
            .as_ref()
            .and_then(|c| c.choose(&headers("br, gzip")).ok());
        let plain = compact.as_ref().and_then(|c| c.choose(&headers("br")).ok());
        let mut decoded = Vec::new();
        if let Some(gz) = &gz {
            std::io::Read::read_to_end(
                &mut flate2::read::GzDecoder::new(&gz.body[..]),
                &mut decoded,
            )
            .ok();
        }
        assert_eq!(decoded, body);
        assert_eq!(
            gz.map(|c| c.etag),
            Some(encoded_tag(&kept.etag, ContentEncoding::Gzip))
        );
        assert_eq!(
            plain.map(|c| (c.body, c.etag, c.coding)),
            Some((body, kept.etag.clone(), None))
        );
    }
}
