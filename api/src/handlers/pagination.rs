//! Page requests from the query string ([`PageParams`]), and the
//! `X-Total-Count` and RFC 8288 `Link` headers every list response carries.

use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use cecop_shared::{PER_PAGE_DEFAULT, Page, PageRequest};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::representation::Representations;
use crate::representation::{etagged_kept, etagged_with};

/// `page` and `per_page`, which every list takes. A list's query struct
/// holds them as `#[serde(flatten)] #[param(ignore)] page: PageParams`
/// (utoipa's `IntoParams` does not follow `flatten`), and its operation
/// names both: `params(ListThingsQuery, PageParams)`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1_000_000, example = 1)]
    page: Option<String>,
    /// Items per page, 1 to 100; default 20.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, example = 20)]
    per_page: Option<String>,
}

impl PageParams {
    /// The page asked for, or a 400 naming the offending parameter.
    pub fn request(&self) -> Result<PageRequest, ApiError> {
        page_request(self.page.as_deref(), self.per_page.as_deref())
    }
}

/// Parses `page` and `per_page`, naming the offending parameter.
pub fn page_request(page: Option<&str>, per_page: Option<&str>) -> Result<PageRequest, ApiError> {
    let number = |name: &str, raw: Option<&str>, default: u32| -> Result<u32, ApiError> {
        match raw {
            None => Ok(default),
            Some(v) => v
                .parse::<u32>()
                .map_err(|_| ApiError::invalid(name, "must be a positive whole number")),
        }
    };
    let page = number("page", page, 1)?;
    let per_page = number("per_page", per_page, PER_PAGE_DEFAULT)?;
    PageRequest::new(page, per_page).map_err(|(name, err)| ApiError::invalid(name, err))
}

/// The `Link` header value (RFC 8288) with `first`, `prev`, `next` and `last`
/// relations. Targets are path-relative references built from the request's
/// own path and query, with only `page` changed, so they stay right behind
/// proxies.
pub fn link_header(req: &HttpRequest, request: PageRequest, total_pages: u32) -> String {
    let link = |page: u32, rel: &str| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
            if key != "page" {
                query.append_pair(&key, &value);
            }
        }
        query.append_pair("page", &page.to_string());
        format!("<{}?{}>; rel=\"{rel}\"", req.path(), query.finish())
    };
    let last = total_pages.max(1);
    let mut links = vec![link(1, "first")];
    if request.page() > 1 {
        links.push(link((request.page() - 1).min(last), "prev"));
    }
    if request.page() < total_pages {
        links.push(link(request.page() + 1, "next"));
    }
    links.push(link(last, "last"));
    links.join(", ")
}

/// A 200 answer for a list: the page, its `X-Total-Count` and `Link`
/// headers, the given extra headers (caching, language) and an `ETag`
/// (a matching `If-None-Match` gets a 304).
pub fn page_response<T: Serialize>(
    req: &HttpRequest,
    request: PageRequest,
    items: Vec<T>,
    total: i64,
    headers: &[(&'static str, &str)],
) -> HttpResponse {
    let page = Page::new(items, request, u64::try_from(total).unwrap_or_default());
    match serde_json::to_vec(&page) {
        Ok(body) => etagged_with(
            req,
            page_head(req, request, total, headers),
            body.into(),
            None,
        ),
        Err(err) => {
            tracing::error!(error = %err, "cannot serialise a page");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// [`page_response`] for a page kept serialised (`total` is its total).
pub fn page_kept_response(
    req: &HttpRequest,
    request: PageRequest,
    total: i64,
    body: &Representations,
    headers: &[(&'static str, &str)],
) -> HttpResponse {
    etagged_kept(req, page_head(req, request, total, headers), body)
}

/// The status and headers of a page: JSON, `X-Total-Count`, `Link` and
/// the given extra headers.
fn page_head(
    req: &HttpRequest,
    request: PageRequest,
    total: i64,
    headers: &[(&'static str, &str)],
) -> HttpResponseBuilder {
    let total = u64::try_from(total).unwrap_or_default();
    let total_pages =
        u32::try_from(total.div_ceil(u64::from(request.per_page()))).unwrap_or(u32::MAX);
    let mut response = HttpResponse::Ok();
    response
        .content_type("application/json")
        .insert_header(("X-Total-Count", total.to_string()))
        .insert_header(("Link", link_header(req, request, total_pages)));
    for (name, value) in headers {
        response.insert_header((*name, value.to_string()));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn names_the_parameter_that_is_out_of_range() {
        for (page, per_page, field) in [
            (Some("0"), None, "page"),
            (Some("-1"), None, "page"),
            (None, Some("0"), "per_page"),
            (None, Some("100000"), "per_page"),
            (None, Some("ten"), "per_page"),
        ] {
            match page_request(page, per_page) {
                Err(ApiError::InvalidParameter { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{page:?}/{per_page:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn links_keep_filters_and_change_only_the_page() {
        let req = TestRequest::get()
            .uri("/api/v1/members?country=IT&page=2&per_page=5")
            .to_http_request();
        let request = PageRequest::new(2, 5).unwrap_or_default();
        let header = link_header(&req, request, 3);
        assert!(
            header.contains("</api/v1/members?country=IT&per_page=5&page=1>; rel=\"first\""),
            "{header}"
        );
        assert!(header.contains("page=1>; rel=\"prev\""), "{header}");
        assert!(header.contains("page=3>; rel=\"next\""), "{header}");
        assert!(header.contains("page=3>; rel=\"last\""), "{header}");
    }
}
