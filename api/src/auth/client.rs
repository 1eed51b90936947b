//! Where a request comes from: the client's address (through trusted
//! proxies only) and user agent, for the audit log and rate limits.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};

use crate::error::ApiError;

/// The reverse proxies whose `X-Forwarded-For` is believed (`CECOP_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<ipnet::IpNet>);

impl TrustedProxies {
    fn trusts(&self, ip: &std::net::IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(ip))
    }

    /// The client's address: the TCP peer's, unless the peer is a trusted
    /// proxy; then the right-most address in `X-Forwarded-For` that is not a
    /// trusted proxy itself (the left part of the header is client-written).
    pub fn client_ip(
        &self,
        peer: Option<std::net::IpAddr>,
        forwarded: Option<&str>,
    ) -> Option<std::net::IpAddr> {
        let peer = peer?;
        if !self.trusts(&peer) {
            return Some(peer);
        }
        let hops = forwarded.unwrap_or_default().split(',').rev();
        for hop in hops {
            match hop.trim().parse::<std::net::IpAddr>() {
                Ok(ip) if self.trusts(&ip) => continue,
                Ok(ip) => return Some(ip),
                Err(_) => break,
            }
        }
        Some(peer)
    }
}

/// Where a request comes from, for the audit log and rate limits. The address
/// is the TCP peer's, or the forwarded client's when the peer is a trusted
/// proxy (see [`TrustedProxies`]).
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl FromRequest for ClientInfo {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user_agent = req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(512).collect());
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let peer = req.peer_addr().map(|a| a.ip());
        let ip = match req.app_data::<web::Data<TrustedProxies>>() {
            Some(proxies) => proxies.client_ip(peer, forwarded),
            None => peer,
        };
        ready(Ok(Self {
            ip: ip.map(|ip| ip.to_string()),
            user_agent,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::TrustedProxies;

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxies = TrustedProxies(vec![
            "10.0.0.0/8".parse().unwrap_or_else(|_| unreachable!()),
        ]);
        let ip = |s: &str| s.parse().ok();
        // An untrusted peer cannot choose its address.
        assert_eq!(
            proxies.client_ip(ip("198.51.100.7"), Some("203.0.113.5")),
            ip("198.51.100.7")
        );
        // Behind the proxy: the right-most untrusted hop, not the client-written left part.
        assert_eq!(
            proxies.client_ip(ip("10.0.0.2"), Some("1.2.3.4, 203.0.113.5, 10.0.0.9")),
            ip("203.0.113.5")
        );
        // No usable header: the proxy itself.
        assert_eq!(proxies.client_ip(ip("10.0.0.2"), None), ip("10.0.0.2"));
        assert_eq!(
            proxies.client_ip(ip("10.0.0.2"), Some("garbage")),
            ip("10.0.0.2")
        );
    }
}
