//! Rate limits on API traffic (PRODUCT.md § API shape): per API token, and
//! per client address for anonymous requests, in fixed one-minute windows.
//! Signed-in people (a valid access token: the SPA) are not limited here;
//! sign-in itself is throttled by `auth::rate_limit`.
//!
//! Every limited answer carries the IETF RateLimit header fields
//! (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy:
//! "anonymous";q=1200;w=60` and `RateLimit: "anonymous";r=1187;t=42` (quota
//! left, seconds to the window's end); over the quota the answer is a 429
//! problem with `Retry-After`.
//!
//! The decision is made in memory, so the public reads stay as fast as
//! they are; once a second each instance adds its counts to the shared
//! `rate_windows` table and reads back the totals of every instance
//! ([`spawn_sync`]); a key first seen by an instance in a window reads its
//! total so far once. So the limits hold across instances to within a
//! second of the others' traffic.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{ResponseError, web};
use chrono::Utc;

use crate::auth::{AuthState, TrustedProxies, api_tokens, session_tokens};
use crate::db::Db;
use crate::error::ApiError;

/// The window, in seconds.
pub const WINDOW_SECS: i64 = 60;
/// Distinct keys counted per window before new API-token keys are counted
/// by their address instead (random well-formed tokens must not grow the
/// map without bound).
const MAX_KEYS: usize = 50_000;

/// The configured quotas, per window; 0 turns a class off.
#[derive(Debug, Clone, Copy)]
pub struct Quotas {
    pub anonymous: u64,
    pub token: u64,
}

#[derive(Debug, Default)]
struct Counter {
    /// Every instance's count, as last read from the database, plus what
    /// this one has sent since.
    shared: u64,
    /// Counted here and not yet added to the database.
    unsent: u64,
}

#[derive(Debug, Default)]
struct Window {
    start: i64,
    counts: HashMap<String, Counter>,
}

/// The counters of this instance.
#[derive(Debug, Clone)]
pub struct Traffic {
    quotas: Quotas,
    window: Arc<Mutex<Window>>,
}

/// Which quota a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Anonymous,
    Token,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Self::Anonymous => "anonymous",
            Self::Token => "token",
        }
    }
}

/// The outcome of counting one request.
struct Decision {
    class: Class,
    quota: u64,
    remaining: u64,
    reset: u64,
    allowed: bool,
}

impl Window {
    /// Moves on to the window starting at `start`, if it is a later one:
    /// the last one's counts no longer matter.
    fn roll(&mut self, start: i64) {
        if start > self.start {
            self.start = start;
            self.counts.clear();
        }
    }
}

fn window_start(now: i64) -> i64 {
    now - now.rem_euclid(WINDOW_SECS)
}

impl Traffic {
    pub fn new(quotas: Quotas) -> Self {
        Self {
            quotas,
            window: Arc::new(Mutex::new(Window::default())),
        }
    }

    fn quota(&self, class: Class) -> u64 {
        match class {
            Class::Anonymous => self.quotas.anonymous,
            Class::Token => self.quotas.token,
        }
    }

    /// Counts one request against `key`, unless it is over its quota.
    fn count(&self, class: Class, key: String, fallback: String) -> Option<Decision> {
        let now = Utc::now().timestamp();
        let start = window_start(now);
        let reset = u64::try_from(start + WINDOW_SECS - now).unwrap_or(1).max(1);
        let Ok(mut window) = self.window.lock() else {
            return None;
        };
        window.roll(start);
        let (class, key) = if window.counts.len() >= MAX_KEYS && !window.counts.contains_key(&key) {
            (Class::Anonymous, fallback)
        } else {
            (class, key)
        };
        let quota = self.quota(class);
        if quota == 0 {
            return None;
        }
        let counter = window.counts.entry(key).or_default();
        let used = counter.shared + counter.unsent;
        let allowed = used < quota;
        if allowed {
            counter.unsent += 1;
        }
        Some(Decision {
            class,
            quota,
            remaining: quota.saturating_sub(used + u64::from(allowed)),
            reset,
            allowed,
        })
    }

    /// Takes what was counted here since the last call: (window, key, count).
    fn take_unsent(&self) -> (i64, Vec<(String, u64)>) {
        let Ok(mut window) = self.window.lock() else {
            return (0, Vec::new());
        };
        let start = window.start;
        let unsent = window
            .counts
            .iter_mut()
            .filter(|(_, c)| c.unsent > 0)
            .map(|(key, c)| {
                let n = std::mem::take(&mut c.unsent);
                c.shared += n;
                (key.clone(), n)
            })
            .collect();
        (start, unsent)
    }

    /// The keys counted in this window.
    fn keys(&self) -> (i64, Vec<String>) {
        self.window
            .lock()
            .map(|w| (w.start, w.counts.keys().cloned().collect()))
            .unwrap_or_default()
    }

    /// Whether `key` has been counted here in the current window; if not,
    /// the window's start, to read its total so far from the database.
    fn unknown(&self, key: &str) -> Option<i64> {
        let start = window_start(Utc::now().timestamp());
        let window = self.window.lock().ok()?;
        let known = window.start == start && window.counts.contains_key(key);
        (!known).then_some(start)
    }

    /// Every instance's totals, as the database has them.
    fn set_shared(&self, start: i64, totals: Vec<(String, i64)>) {
        let Ok(mut window) = self.window.lock() else {
            return;
        };
        window.roll(start);
        if window.start != start {
            // Totals of a window that has ended.
            return;
        }
        for (key, total) in totals {
            let total = u64::try_from(total).unwrap_or_default();
            if window.counts.len() < MAX_KEYS || window.counts.contains_key(&key) {
                let counter = window.counts.entry(key).or_default();
                counter.shared = counter.shared.max(total);
            }
        }
    }
}

/// Once a second: this instance's counts to the database, everyone's back.
pub fn spawn_sync(db: web::Data<Db>, traffic: Traffic) {
    actix_web::rt::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut purged_before = 0;
        loop {
            tick.tick().await;
            let (start, unsent) = traffic.take_unsent();
            let (_, keys) = traffic.keys();
            if keys.is_empty() {
                continue;
            }
            let purge = (purged_before != start).then_some(start - 5 * WINDOW_SECS);
            purged_before = start;
            let synced = db
                .run(move |conn| {
                    crate::db::rate_windows::add(conn, start, &unsent)?;
                    if let Some(before) = purge {
                        crate::db::rate_windows::purge(conn, before)?;
                    }
                    Ok(crate::db::rate_windows::totals(conn, start, &keys)?)
                })
                .await;
            match synced {
                Ok(totals) => traffic.set_shared(start, totals),
                Err(err) => tracing::warn!(error = %err, "rate limits: cannot sync counts"),
            }
        }
    });
}

/// The key and class of a request to the API, or `None` for a signed-in
/// person (a valid access token) and for paths outside the API.
fn classify(req: &ServiceRequest) -> Option<(Class, String, String)> {
    if !req.path().starts_with("/api/v1/") {
        return None;
    }
    let address = req
        .app_data::<web::Data<TrustedProxies>>()
        .and_then(|p| p.client_ip_of(req.request()))
        .or_else(|| req.peer_addr().map(|a| a.ip()))
        .map(|ip| format!("ip:{ip}"))
        .unwrap_or_else(|| "ip:unknown".to_owned());
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match bearer {
        Some(token) if api_tokens::is_well_formed(token) => {
            let key = format!("token:{}", &session_tokens::sha256_hex(token)[..32]);
            Some((Class::Token, key, address))
        }
        Some(token)
            if req
                .app_data::<web::Data<AuthState>>()
                .is_some_and(|auth| auth.keys.verify_access(token).is_some()) =>
        {
            None
        }
        // No credentials, or ones that are not: counted by address.
        _ => Some((Class::Anonymous, address.clone(), address)),
    }
}

fn structured(decision: &Decision) -> [(HeaderName, String); 2] {
    let name = decision.class.name();
    [
        (
            HeaderName::from_static("ratelimit-policy"),
            format!("\"{name}\";q={};w={WINDOW_SECS}", decision.quota),
        ),
        (
            HeaderName::from_static("ratelimit"),
            format!("\"{name}\";r={};t={}", decision.remaining, decision.reset),
        ),
    ]
}

/// The middleware: counts, refuses over quota, and says where the caller
/// stands on every limited answer.
pub async fn limit<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let decision = match (classify(&req), req.app_data::<web::Data<Traffic>>()) {
        (Some((class, key, fallback)), Some(traffic)) => {
            // A key first seen here this window: what the other instances
            // counted for it so far (once a minute per key and instance).
            if let Some(start) = traffic.unknown(&key)
                && let Some(db) = req.app_data::<web::Data<Db>>()
            {
                let keys = vec![key.clone()];
                if let Ok(totals) = db
                    .run(move |conn| Ok(crate::db::rate_windows::totals(conn, start, &keys)?))
                    .await
                {
                    traffic.set_shared(start, totals);
                }
            }
            traffic.count(class, key, fallback)
        }
        _ => None,
    };
    let Some(decision) = decision else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let mut response = if decision.allowed {
        next.call(req).await?.map_into_left_body()
    } else {
        let error = ApiError::RateLimited {
            retry_after: decision.reset,
            limit: decision.quota,
        };
        req.into_response(error.error_response())
            .map_into_right_body()
    };
    for (name, value) in structured(&decision) {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_gets_its_quota_per_window_and_then_is_refused() {
        let traffic = Traffic::new(Quotas {
            anonymous: 3,
            token: 0,
        });
        let count = || traffic.count(Class::Anonymous, "ip:a".into(), "ip:a".into());
        let remaining: Vec<_> = (0..4)
            .filter_map(|_| count())
            .map(|d| (d.allowed, d.remaining))
            .collect();
        assert_eq!(remaining, [(true, 2), (true, 1), (true, 0), (false, 0)]);
        assert!(
            traffic
                .count(Class::Token, "token:x".into(), "ip:a".into())
                .is_none(),
            "a quota of 0 is off"
        );
        // What other instances counted joins the total.
        let (start, unsent) = traffic.take_unsent();
        assert_eq!(unsent, vec![("ip:a".to_owned(), 3)]);
        let other = Traffic::new(Quotas {
            anonymous: 5,
            token: 0,
        });
        other.count(Class::Anonymous, "ip:a".into(), "ip:a".into());
        let (other_start, _) = other.keys();
        if other_start == start {
            // 3 elsewhere and this one's own sent count: 4 in the database,
            // and 1 counted here since; the quota of 5 is used up.
            other.take_unsent();
            other.set_shared(start, vec![("ip:a".into(), 4)]);
            let decision = other
                .count(Class::Anonymous, "ip:a".into(), "ip:a".into())
                .map(|d| (d.allowed, d.remaining));
            assert_eq!(decision, Some((true, 0)));
            let over = other
                .count(Class::Anonymous, "ip:a".into(), "ip:a".into())
                .map(|d| d.allowed);
            assert_eq!(over, Some(false));
        }
    }
}
