//! Entity tags (RFC 9110 §8.8.3): a strong tag over the exact bytes of a
//! body, the tag of each encoded representation (`"…-br"`, `"…-gzip"`), and
//! whether a request's `If-None-Match` already holds one of them.

use actix_web::HttpRequest;
use actix_web::http::header::{self, ContentEncoding};
use sha2::{Digest, Sha256};

/// The entity tag of a body: the first 128 bits of its SHA-256, quoted.
pub fn entity_tag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// True when `If-None-Match` lists this tag or `*` (weak comparison, as the
/// RFC prescribes for this header). A tag of any encoded form of the body
/// matches too: the client's copy is current, whichever form it holds.
pub(super) fn matches(req: &HttpRequest, tag: &str) -> bool {
    if !req.headers().contains_key(header::IF_NONE_MATCH) {
        return false;
    }
    let tag = base_tag(tag);
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || base_tag(t) == tag)
}

/// The entity tag an encoded representation carries.
pub(super) fn encoded_tag(tag: &str, coding: ContentEncoding) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
