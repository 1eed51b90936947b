//! Feeds: `GET /api/v1/feeds/articles.atom` (Atom 1.0) and
//! `GET /api/v1/feeds/events.ics` (iCalendar).

pub mod articles;
pub mod events;

use actix_web::HttpRequest;

use crate::auth::TrustedProxies;

/// The site's public origin from `CECOP_PUBLIC_URL`, when configured.
#[derive(Debug, Clone)]
pub struct PublicUrl(pub Option<String>);

impl PublicUrl {
    /// The origin for absolute links, and the host for identifiers: the
    /// configured one, else the request's own — its `Host`, or what a
    /// trusted proxy forwarded, never forwarding headers from anyone else
    /// (they would put another site's links in a feed that caches keep).
    pub fn resolve(&self, req: &HttpRequest) -> (String, String) {
        let origin = self.0.clone().unwrap_or_else(|| {
            let (scheme, host) = req
                .app_data::<actix_web::web::Data<TrustedProxies>>()
                .map(|proxies| proxies.origin_of(req))
                .unwrap_or_else(|| TrustedProxies::default().origin_of(req));
            format!("{scheme}://{host}")
        });
        let host = url::Url::parse(&origin)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "cecop.coop".to_owned());
        (origin, host)
    }
}
