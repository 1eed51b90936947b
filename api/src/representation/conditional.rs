//! Conditional GETs: every public read answers with its `ETag`, or a
//! bodiless `304 Not Modified` that keeps the caching headers when the
//! client already holds the bytes (RFC 9110 §13.1.2).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};

use super::kept::Representations;
use super::tags::{entity_tag, matches};

/// Finishes `response` with `body` and its `ETag`, or as a bodiless 304 that
/// keeps the caching headers when the client's copy is current.
pub fn etagged(req: &HttpRequest, response: HttpResponseBuilder, body: Vec<u8>) -> HttpResponse {
    etagged_with(req, response, body.into(), None)
}

/// [`etagged`] with the body's tag, when it was computed before.
pub fn etagged_with(
    req: &HttpRequest,
    mut response: HttpResponseBuilder,
    body: actix_web::web::Bytes,
    tag: Option<&str>,
) -> HttpResponse {
    let tag = tag.map_or_else(|| entity_tag(&body), str::to_owned);
    if let Ok(value) = HeaderValue::from_str(&tag) {
        response.insert_header((header::ETAG, value));
    }
    if matches(req, &tag) {
        let mut not_modified = response.status(StatusCode::NOT_MODIFIED).finish();
        not_modified.headers_mut().remove(header::CONTENT_TYPE);
        // The client keeps the coding it has; a cache must not relabel it.
        not_modified.headers_mut().remove(header::CONTENT_ENCODING);
        return not_modified;
    }
    response.body(body)
}

/// [`etagged_with`] for a kept body: the form the request's
/// `Accept-Encoding` prefers, made once (see [`Representations`]).
pub fn etagged_kept(
    req: &HttpRequest,
    mut response: HttpResponseBuilder,
    kept: &Representations,
) -> HttpResponse {
    let chosen = kept.choose(req.headers());
    if let Some(coding) = chosen.coding {
        response.insert_header((header::CONTENT_ENCODING, coding.to_header_value()));
    }
    etagged_with(req, response, chosen.body, Some(&chosen.etag))
}

/// A JSON body through [`etagged`].
pub fn etagged_json<T: serde::Serialize>(
    req: &HttpRequest,
    mut response: HttpResponseBuilder,
    value: &T,
) -> HttpResponse {
    match serde_json::to_vec(value) {
        Ok(body) => {
            response.content_type(mime_json());
            etagged(req, response, body)
        }
        Err(err) => {
            tracing::error!(error = %err, "cannot serialise a response");
            HttpResponse::InternalServerError().finish()
        }
    }
}

fn mime_json() -> &'static str {
    "application/json"
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn answers_304_to_a_matching_tag_and_200_otherwise() {
        let body = b"{\"a\":1}".to_vec();
        let tag = entity_tag(&body);
        for (sent, status) in [
            (tag.clone(), StatusCode::NOT_MODIFIED),
            (format!("\"x\", W/{tag}"), StatusCode::NOT_MODIFIED),
            ("*".to_owned(), StatusCode::NOT_MODIFIED),
            ("\"other\"".to_owned(), StatusCode::OK),
        ] {
            let req = TestRequest::get()
                .insert_header((header::IF_NONE_MATCH, sent.as_str()))
                .to_http_request();
            let response = etagged(&req, HttpResponse::Ok(), body.clone());
            assert_eq!(response.status(), status, "{sent}");
            assert_eq!(
                response
                    .headers()
                    .get(header::ETAG)
                    .and_then(|v| v.to_str().ok()),
                Some(tag.as_str())
            );
        }
    }
}
