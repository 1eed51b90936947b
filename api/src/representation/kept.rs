//! Bodies served many times (cached list pages, items, statistics), kept
//! with their entity tag and compressed forms, each made once.

use std::sync::OnceLock;

use actix_web::http::header::{ContentEncoding, HeaderMap};
use actix_web::web::Bytes;

use super::codings::{
    Codec, GZIP_KEPT, KEPT, MIN_SIZE, PER_RESPONSE, brotli, gzip, kept_bytes, negotiate,
};
use super::tags::{encoded_tag, entity_tag};

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
            etag: entity_tag(&identity),
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
            etag: entity_tag(identity),
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
        Ok(Chosen {
            body: super::gzip::decode(&self.gzip)?.into(),
            etag: self.etag.clone(),
            coding: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::representation::codings::tests::headers;

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
