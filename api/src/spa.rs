//! Serves the built single-page app from `CECOP_STATIC_DIR`: files as they
//! are, `index.html` for any other non-API path (so deep links work), and
//! cache headers that let browsers keep content-hashed assets for a year.

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use cecop_shared::{Problem, ProblemKind};

use crate::error::problem_response;
use crate::middleware::AllowedMethods;

/// Where the SPA's files are, if it is served at all.
#[derive(Debug, Clone)]
pub struct Spa {
    pub dir: Option<PathBuf>,
}

/// Mounts the static files at `/`; must be registered after every other route.
pub fn configure(cfg: &mut web::ServiceConfig, spa: &Spa) {
    if let Some(dir) = &spa.dir {
        cfg.service(
            Files::new("/", dir)
                .index_file("index.html")
                .use_etag(true)
                .use_last_modified(true)
                .default_handler(fn_service(fallback)),
        );
    }
}

fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// The answer for any request no route or file matched: a problem+json 404
/// under `/api` (and when no SPA is configured), otherwise the SPA's
/// `index.html`, whose router then shows the page or its own not-found view.
pub async fn fallback(req: ServiceRequest) -> actix_web::Result<ServiceResponse> {
    let (req, _) = req.into_parts();
    let dir = req
        .app_data::<web::Data<Spa>>()
        .and_then(|spa| spa.dir.clone());
    let wants_page = matches!(*req.method(), Method::GET | Method::HEAD);
    let response = match dir {
        Some(dir) if wants_page && !is_api_path(req.path()) => {
            NamedFile::open_async(dir.join("index.html"))
                .await
                .map(|file| {
                    let mut res = file.use_etag(true).into_response(&req);
                    res.headers_mut().insert(
                        header::CACHE_CONTROL,
                        header::HeaderValue::from_static("no-cache"),
                    );
                    res
                })
                .unwrap_or_else(|_| not_found(req.path()))
        }
        _ => match req
            .app_data::<web::Data<AllowedMethods>>()
            .and_then(|m| m.for_path(req.path()))
        {
            // The path exists with other methods: 405 with `Allow` (RFC 9110 §15.5.6).
            Some(allowed) => method_not_allowed(req.path(), allowed),
            None => not_found(req.path()),
        },
    };
    Ok(ServiceResponse::new(req, response))
}

fn method_not_allowed(path: &str, allowed: &str) -> HttpResponse {
    let mut problem = Problem::new(
        ProblemKind::MethodNotAllowed,
        format!("This resource accepts: {allowed}."),
    );
    problem.instance = Some(path.to_owned());
    let mut res = problem_response(&problem);
    if let Ok(value) = header::HeaderValue::from_str(allowed) {
        res.headers_mut().insert(header::ALLOW, value);
    }
    res
}

fn not_found(path: &str) -> HttpResponse {
    let mut problem = Problem::new(ProblemKind::NotFound, "Nothing is served at this path.");
    problem.instance = Some(path.to_owned());
    problem_response(&problem)
}

/// True for file names the build stamped with a content hash
/// (`name-0123456789abcdef.ext`): their content never changes.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Sets `Cache-Control` on static responses that have none: immutable for
/// hashed assets, revalidate-always for everything else outside the API.
pub async fn static_cache_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> actix_web::Result<ServiceResponse<BoxBody>> {
    let path = req.path().to_owned();
    let mut res = next.call(req).await?.map_into_boxed_body();
    if !is_api_path(&path) && !res.headers().contains_key(header::CACHE_CONTROL) {
        let value = if res.status().is_success() && is_hashed_asset(&path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(value),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_content_hashed_names() {
        assert!(is_hashed_asset("/cecop_frontend_bg-0123456789abcdef.wasm"));
        assert!(is_hashed_asset("/style-a1b2c3d4e5f60718.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/cecop-frontend.js"));
    }
}
