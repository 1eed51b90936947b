//! Caches that keep large tables from being read on every request, each
//! entry tied to the content [`Fingerprint`] it was computed under:
//!
//! - list **totals**, reused only while the fingerprint read in the same
//!   transaction is unchanged — never stale, whichever process wrote;
//! - whole **anonymous list pages**, served while the fingerprint is
//!   unchanged; the fingerprint itself is re-read at most once a second, so a
//!   change shows in lists within a second (responses already say
//!   `max-age=60` to shared caches).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::db::content::Fingerprint;

/// Distinct totals remembered; beyond it the map starts over.
const COUNTS: usize = 4_096;
/// Distinct pages remembered (a page is a few to 20 KB).
const PAGES: usize = 256;
/// How long a read fingerprint stands for the current one.
const FINGERPRINT_TTL: Duration = Duration::from_secs(1);

/// A serialised page of a list and what its headers need.
#[derive(Debug)]
pub struct CachedPage {
    pub body: actix_web::web::Bytes,
    /// The body's entity tag, computed once.
    pub etag: String,
    pub total: i64,
    pub languages: String,
}

#[derive(Debug, Default)]
pub struct ContentCache {
    totals: Mutex<HashMap<String, (Fingerprint, i64)>>,
    pages: Mutex<HashMap<String, (Fingerprint, Arc<CachedPage>)>>,
    recent: Mutex<Option<(Instant, Fingerprint)>>,
}

fn bounded_insert<V>(map: &mut HashMap<String, V>, capacity: usize, key: String, value: V) {
    if map.len() >= capacity && !map.contains_key(&key) {
        map.clear();
    }
    map.insert(key, value);
}

impl ContentCache {
    /// The total counted for `key` under this very fingerprint, if any.
    pub fn total(&self, key: &str, fingerprint: &Fingerprint) -> Option<i64> {
        let totals = self.totals.lock().ok()?;
        totals
            .get(key)
            .filter(|(seen, _)| seen == fingerprint)
            .map(|(_, total)| *total)
    }

    pub fn put_total(&self, key: String, fingerprint: Fingerprint, total: i64) {
        if let Ok(mut totals) = self.totals.lock() {
            bounded_insert(&mut totals, COUNTS, key, (fingerprint, total));
        }
    }

    /// The fingerprint read less than a second ago, if any.
    pub fn recent_fingerprint(&self) -> Option<Fingerprint> {
        let recent = self.recent.lock().ok()?;
        recent
            .as_ref()
            .filter(|(at, _)| at.elapsed() < FINGERPRINT_TTL)
            .map(|(_, fingerprint)| fingerprint.clone())
    }

    /// Records a freshly read fingerprint.
    pub fn saw(&self, fingerprint: &Fingerprint) {
        if let Ok(mut recent) = self.recent.lock() {
            *recent = Some((Instant::now(), fingerprint.clone()));
        }
    }

    /// The page cached for `key` under this fingerprint, if any.
    pub fn page(&self, key: &str, fingerprint: &Fingerprint) -> Option<Arc<CachedPage>> {
        let pages = self.pages.lock().ok()?;
        pages
            .get(key)
            .filter(|(seen, _)| seen == fingerprint)
            .map(|(_, page)| Arc::clone(page))
    }

    pub fn put_page(&self, key: String, fingerprint: Fingerprint, page: Arc<CachedPage>) {
        if let Ok(mut pages) = self.pages.lock() {
            bounded_insert(&mut pages, PAGES, key, (fingerprint, page));
        }
    }
}
