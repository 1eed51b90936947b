//! Feeds: `GET /api/v1/feeds/articles.atom` (Atom 1.0) and
//! `GET /api/v1/feeds/events.ics` (iCalendar).

pub mod articles;
pub mod events;

use actix_web::HttpRequest;

/// The site's public origin from `CECOP_PUBLIC_URL`, when configured.
#[derive(Debug, Clone)]
pub struct PublicUrl(pub Option<String>);

impl PublicUrl {
    /// The origin for absolute links, and the host for identifiers: the
    /// configured one, else the request's own.
    pub fn resolve(&self, req: &HttpRequest) -> (String, String) {
        let origin = self.0.clone().unwrap_or_else(|| {
            let info = req.connection_info();
            format!("{}://{}", info.scheme(), info.host())
        });
        let host = url::Url::parse(&origin)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "cecop.coop".to_owned());
        (origin, host)
    }
}
