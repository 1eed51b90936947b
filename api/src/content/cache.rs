//! Caches that keep large tables from being read on every request, each
//! entry tied to the content [`Fingerprint`] it was computed under:
//!
//! - list **totals**, reused only while the fingerprint read in the same
//!   transaction is unchanged — never stale, whichever process wrote;
//! - whole **anonymous list pages**, served while the fingerprint is
//!   unchanged; the fingerprint itself is re-read at most once a second, so a
//!   change shows in lists within a second (responses already say
//!   `max-age=60` to shared caches);
//! - **anonymous item answers** (an article, event or story), the same way,
//!   kept gzipped within a byte budget: an item page is the most read page
//!   of a publishing site, and compact entries keep thousands of them.

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
/// Bytes of item answers kept (bodies, keys and bookkeeping): about 10,000
/// typical articles.
const ITEM_BYTES: usize = 8 << 20;
/// Bookkeeping counted per kept item besides its key and body.
const ITEM_OVERHEAD: usize = 96;

/// A serialised page of a list and what its headers need.
#[derive(Debug)]
pub struct CachedPage {
    /// The body, with its entity tag and compressed forms made once.
    pub body: crate::representation::Representations,
    pub total: i64,
    pub languages: String,
}

/// One item's answer: its body and the language it is in.
#[derive(Debug)]
pub struct CachedItem {
    pub body: crate::representation::GzipOnly,
    pub lang: cecop_shared::Language,
}

/// The kept item answers, all computed under one fingerprint.
#[derive(Debug, Default)]
struct Items {
    fingerprint: Option<Fingerprint>,
    entries: HashMap<String, Arc<CachedItem>>,
    bytes: usize,
}

impl Items {
    fn cost(key: &str, item: &CachedItem) -> usize {
        key.len() + item.body.size() + ITEM_OVERHEAD
    }

    /// Makes room for `needed` bytes by dropping an eighth of the entries,
    /// whichever the map yields first (random replacement: no bookkeeping
    /// per read, and no worse than LRU when reads are spread evenly).
    fn make_room(&mut self, needed: usize) {
        while self.bytes + needed > ITEM_BYTES && !self.entries.is_empty() {
            let victims: Vec<String> = self
                .entries
                .keys()
                .take(self.entries.len().div_ceil(8))
                .cloned()
                .collect();
            for key in victims {
                if let Some(item) = self.entries.remove(&key) {
                    self.bytes -= Self::cost(&key, &item);
                }
            }
        }
    }
}

#[derive(Debug, Default)]
pub struct ContentCache {
    totals: Mutex<HashMap<String, (Fingerprint, i64)>>,
    pages: Mutex<HashMap<String, (Fingerprint, Arc<CachedPage>)>>,
    items: Mutex<Items>,
    recent: Mutex<Option<(Instant, Fingerprint)>>,
    /// Answers being computed after a miss.
    pub flights: crate::flights::Flights,
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

    /// The item answer kept for `key` under this fingerprint, if any.
    pub fn item(&self, key: &str, fingerprint: &Fingerprint) -> Option<Arc<CachedItem>> {
        let items = self.items.lock().ok()?;
        if items.fingerprint.as_ref() != Some(fingerprint) {
            return None;
        }
        items.entries.get(key).map(Arc::clone)
    }

    /// Keeps an item answer computed under `fingerprint`; answers kept under
    /// another fingerprint are dropped first.
    pub fn put_item(&self, mut key: String, fingerprint: &Fingerprint, item: Arc<CachedItem>) {
        key.shrink_to_fit();
        let Ok(mut items) = self.items.lock() else {
            return;
        };
        if items.fingerprint.as_ref() != Some(fingerprint) {
            *items = Items {
                fingerprint: Some(fingerprint.clone()),
                ..Items::default()
            };
        }
        let cost = Items::cost(&key, &item);
        if cost > ITEM_BYTES / 64 {
            return; // one huge item would push out dozens of others
        }
        if let Some(old) = items.entries.remove(&key) {
            items.bytes -= Items::cost(&key, &old);
        }
        items.make_room(cost);
        items.bytes += cost;
        items.entries.insert(key, item);
    }
}
