//! Security headers on every answer: a strict Content-Security-Policy for
//! the single-page app (no inline script or style, no plug-ins, no framing,
//! WebAssembly allowed), a locked-down one for everything else, and the
//! usual companions — `X-Content-Type-Options`, `Referrer-Policy`,
//! `Permissions-Policy`, `X-Frame-Options`, `Cross-Origin-Opener-Policy`, and
//! `Strict-Transport-Security` when the request came over HTTPS (as a
//! trusted proxy says: the server itself speaks plain HTTP). Violations
//! the browser sees are reported to `POST /api/v1/csp-reports`
//! (`handlers::csp`), which logs them.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

use crate::auth::TrustedProxies;

/// The policy of the app's pages: its own scripts (and WebAssembly, which
/// `WebAssembly.instantiate` needs `'wasm-unsafe-eval'` for), styles and
/// API; images from itself, `data:` and HTTPS (story photos may live on a
/// member's site).
pub const APP_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; \
     report-uri /api/v1/csp-reports";

/// The policy of the Swagger UI at `/api/docs/`, whose bundle sets inline
/// styles and draws its icons as `data:` images.
pub const DOCS_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; \
     report-uri /api/v1/csp-reports";

/// The policy of everything that is not a page (JSON, feeds, files): nothing
/// may run or load from it, should a browser ever render one.
pub const DATA_POLICY: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

const COMMON: [(&str, &str); 5] = [
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
];

/// Two years, the preload list's minimum; no `includeSubDomains`, which
/// would bind hosts this deployment does not own.
const HSTS: &str = "max-age=63072000";

/// The policy for an answer: by what it is and where it was asked for.
fn policy(path: &str, content_type: Option<&str>) -> &'static str {
    let html = content_type.is_some_and(|ct| ct.starts_with("text/html"));
    if !html {
        DATA_POLICY
    } else if path.starts_with("/api/docs") {
        DOCS_POLICY
    } else {
        APP_POLICY
    }
}

/// Adds the headers to every response, errors included, unless a handler
/// set its own.
pub async fn add(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> actix_web::Result<ServiceResponse<BoxBody>> {
    let path = req.path().to_owned();
    let https = {
        let http = req.request();
        let (scheme, _) = match http.app_data::<actix_web::web::Data<TrustedProxies>>() {
            Some(proxies) => proxies.origin_of(http),
            None => TrustedProxies::default().origin_of(http),
        };
        scheme == "https"
    };
    let mut res = next.call(req).await?.map_into_boxed_body();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let headers = res.headers_mut();
    let csp = policy(&path, content_type.as_deref());
    let mut set = |name: &'static str, value: &'static str| {
        let name = HeaderName::from_static(name);
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set("content-security-policy", csp);
    for (name, value) in COMMON {
        set(name, value);
    }
    if https {
        set("strict-transport-security", HSTS);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_get_the_app_policy_and_everything_else_a_closed_one() {
        assert_eq!(policy("/", Some("text/html; charset=utf-8")), APP_POLICY);
        assert_eq!(policy("/members/x", Some("text/html")), APP_POLICY);
        assert_eq!(policy("/api/docs/", Some("text/html")), DOCS_POLICY);
        assert_eq!(
            policy("/api/v1/members", Some("application/json")),
            DATA_POLICY
        );
        assert_eq!(
            policy("/style-0123456789abcdef.css", Some("text/css")),
            DATA_POLICY
        );
        assert_eq!(policy("/x", None), DATA_POLICY);
        for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "*"] {
            assert!(!APP_POLICY.contains(forbidden), "{forbidden}");
        }
    }
}
