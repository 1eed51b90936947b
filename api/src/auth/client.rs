//! Where a request comes from: the client's address and the site's origin
//! as the client used it, through trusted proxies only, and the user agent;
//! for the audit log, rate limits and absolute links.
//!
//! Forwarding headers are written by whoever sends the request, so they are
//! believed only when the TCP peer is a proxy listed in
//! `CECOP_TRUSTED_PROXIES`, and then read right to left, hop by hop, until
//! the first address that is not a trusted proxy: the left part is the
//! client's own writing. RFC 7239 `Forwarded` is read when present, else
//! every `X-Forwarded-For` line in order; a hop may carry a port
//! (`192.0.2.7:4711`, `[2001:db8::7]:4711`).

use std::future::{Ready, ready};
use std::net::IpAddr;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};

use crate::error::ApiError;

/// The reverse proxies whose forwarding headers are believed
/// (`CECOP_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<ipnet::IpNet>);

/// One hop's address, with or without a port or quotes; `None` for what is
/// not an address (`unknown`, an obfuscated `_name`, garbage).
fn hop_address(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim().trim_matches('"');
    if let Some(rest) = hop.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    let (address, port) = hop.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    address.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

/// The `name=` parameters of every element of `Forwarded` headers, in order.
fn forwarded_params<'a>(lines: &[&'a str], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .flat_map(|line| line.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (key, value) = pair.split_once('=')?;
                key.trim()
                    .eq_ignore_ascii_case(name)
                    .then_some(value.trim())
            })
        })
        .collect()
}

/// The header's lines, in the order they came.
fn lines<'a>(req: &'a HttpRequest, name: &str) -> Vec<&'a str> {
    req.headers()
        .get_all(name)
        .filter_map(|v| v.to_str().ok())
        .collect()
}

impl TrustedProxies {
    fn trusts(&self, ip: &IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(ip))
    }

    /// The client's address: the TCP peer's, unless the peer is a trusted
    /// proxy; then the right-most hop that is not a trusted proxy itself.
    /// `hops` are the forwarded addresses, client first, as the headers
    /// list them.
    pub fn client_ip(&self, peer: Option<IpAddr>, hops: &[&str]) -> Option<IpAddr> {
        let peer = peer?;
        if !self.trusts(&peer) {
            return Some(peer);
        }
        let mut client = peer;
        for hop in hops.iter().rev() {
            match hop_address(hop) {
                Some(ip) if self.trusts(&ip) => client = ip,
                Some(ip) => return Some(ip),
                None => break,
            }
        }
        Some(client)
    }

    /// The forwarded hops of a request: `Forwarded`'s `for=` when it is
    /// sent, else every `X-Forwarded-For` line's addresses.
    fn hops(req: &HttpRequest) -> Vec<&str> {
        let forwarded = lines(req, "forwarded");
        if !forwarded.is_empty() {
            return forwarded_params(&forwarded, "for");
        }
        lines(req, "x-forwarded-for")
            .into_iter()
            .flat_map(|line| line.split(','))
            .collect()
    }

    /// The client's address for this request (see [`Self::client_ip`]).
    pub fn client_ip_of(&self, req: &HttpRequest) -> Option<IpAddr> {
        self.client_ip(req.peer_addr().map(|a| a.ip()), &Self::hops(req))
    }

    /// The scheme and host the client asked for: from the nearest trusted
    /// proxy's `Forwarded` (`proto=`, `host=`) or `X-Forwarded-Proto` and
    /// `X-Forwarded-Host` when the peer is one, else `http` and the `Host`
    /// header. Never from headers an untrusted client wrote.
    pub fn origin_of(&self, req: &HttpRequest) -> (String, String) {
        let own_host = req
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("localhost")
            .to_owned();
        let trusted = req.peer_addr().is_some_and(|peer| self.trusts(&peer.ip()));
        if !trusted {
            return ("http".to_owned(), own_host);
        }
        let last = |values: Vec<&str>| {
            values
                .last()
                .map(|v| v.trim().trim_matches('"').to_owned())
                .filter(|v| !v.is_empty())
        };
        let forwarded = lines(req, "forwarded");
        let (proto, host) = if forwarded.is_empty() {
            let split = |name| {
                lines(req, name)
                    .into_iter()
                    .flat_map(|line| line.split(','))
                    .collect::<Vec<_>>()
            };
            (
                last(split("x-forwarded-proto")),
                last(split("x-forwarded-host")),
            )
        } else {
            (
                last(forwarded_params(&forwarded, "proto")),
                last(forwarded_params(&forwarded, "host")),
            )
        };
        let proto = proto
            .map(|p| p.to_ascii_lowercase())
            .filter(|p| p == "http" || p == "https")
            .unwrap_or_else(|| "http".to_owned());
        let host = host
            .filter(|h| {
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
            })
            .unwrap_or(own_host);
        (proto, host)
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
        let ip = match req.app_data::<web::Data<TrustedProxies>>() {
            Some(proxies) => proxies.client_ip_of(req),
            None => req.peer_addr().map(|a| a.ip()),
        };
        ready(Ok(Self {
            ip: ip.map(|ip| ip.to_string()),
            user_agent,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let proxies = TrustedProxies(vec![
            "10.0.0.0/8".parse().unwrap_or_else(|_| unreachable!()),
        ]);
        let ip = |s: &str| s.parse().ok();
        // An untrusted peer cannot choose its address.
        assert_eq!(
            proxies.client_ip(ip("198.51.100.7"), &["203.0.113.5"]),
            ip("198.51.100.7")
        );
        // Behind the proxy: the right-most untrusted hop, not the client-written left part.
        assert_eq!(
            proxies.client_ip(ip("10.0.0.2"), &["1.2.3.4", " 203.0.113.5", " 10.0.0.9"]),
            ip("203.0.113.5")
        );
        // No usable header: the nearest proxy.
        assert_eq!(proxies.client_ip(ip("10.0.0.2"), &[]), ip("10.0.0.2"));
        assert_eq!(
            proxies.client_ip(ip("10.0.0.2"), &["garbage"]),
            ip("10.0.0.2")
        );
        assert_eq!(
            proxies.client_ip(ip("10.0.0.2"), &["garbage", "10.0.0.9"]),
            ip("10.0.0.9")
        );
    }

    #[test]
    fn hops_may_carry_ports_quotes_and_brackets() {
        let ip = |s: &str| s.parse::<IpAddr>().ok();
        assert_eq!(hop_address("203.0.113.5:4711"), ip("203.0.113.5"));
        assert_eq!(hop_address("\"[2001:db8::7]:4711\""), ip("2001:db8::7"));
        assert_eq!(hop_address("2001:db8::7"), ip("2001:db8::7"));
        assert_eq!(hop_address("unknown"), None);
        assert_eq!(hop_address("_hidden"), None);
        assert_eq!(hop_address("203.0.113.5:port"), None);
    }

    #[test]
    fn forwarded_elements_give_their_parameters_in_order() {
        let lines = [
            "for=192.0.2.43;proto=http, for=\"[2001:db8:cafe::17]:4711\"",
            "for=198.51.100.17;host=cecop.coop;proto=https",
        ];
        assert_eq!(
            forwarded_params(&lines, "for"),
            [
                "192.0.2.43",
                "\"[2001:db8:cafe::17]:4711\"",
                "198.51.100.17"
            ]
        );
        assert_eq!(forwarded_params(&lines, "proto"), ["http", "https"]);
        assert_eq!(forwarded_params(&lines, "host"), ["cecop.coop"]);
    }
}
