//! Content codings: which one a request takes (`Accept-Encoding`, RFC 9110
//! §12.5.3), and the gzip and brotli encoders with the levels this server
//! uses for a body compressed for one response and for one kept.

use std::io::Write;

use actix_web::http::header::{self, ContentEncoding, HeaderMap};
use actix_web::web::Bytes;

/// Bodies smaller than this are sent as they are: they fit in one TCP
/// segment either way, and compressing them costs more than it saves.
pub const MIN_SIZE: usize = 1_024;
/// In-memory bodies up to this size are gzipped on the worker thread.
pub const INLINE_MAX: usize = 256 * 1024;
/// gzip level for a body compressed for one response.
pub(super) const GZIP_FAST: u32 = 1;
/// gzip level and brotli quality for a body compressed once and kept.
pub(super) const GZIP_KEPT: u32 = 6;
const BROTLI_KEPT: u32 = 5;
/// Brotli window: 2^20 bytes, more than any kept body.
const BROTLI_WINDOW: u32 = 20;

/// Codings for a body compressed for one response (identity is always the
/// fallback): gzip, far cheaper to start than brotli.
pub(super) const PER_RESPONSE: [ContentEncoding; 1] = [ContentEncoding::Gzip];
/// Codings for a body compressed once and kept, smallest first.
pub(super) const KEPT: [ContentEncoding; 2] = [ContentEncoding::Brotli, ContentEncoding::Gzip];

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
pub(super) fn negotiate(headers: &HeaderMap, supported: &[ContentEncoding]) -> ContentEncoding {
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

pub(super) use super::gzip::encode as gzip;

pub(super) fn brotli(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = brotli::CompressorWriter::new(
        Vec::with_capacity(body.len() / 4),
        4096,
        BROTLI_KEPT,
        BROTLI_WINDOW,
    );
    encoder.write_all(body)?;
    Ok(encoder.into_inner())
}

/// Compresses a whole body.
pub(super) type Codec = fn(&[u8]) -> std::io::Result<Vec<u8>>;

/// Bytes to keep in a cache: exactly as long as the data. A `Vec` grown
/// while writing can hold twice its length, and `Bytes::from` would keep
/// all of it for as long as the entry lives.
pub fn kept_bytes(data: Vec<u8>) -> Bytes {
    Bytes::from(data.into_boxed_slice())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    pub(crate) fn headers(accept: &str) -> HeaderMap {
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
}
