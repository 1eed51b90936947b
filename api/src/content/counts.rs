//! List totals without counting large tables on every request. A total is
//! kept per filter together with the content [`Fingerprint`] it was counted
//! under, and reused only while the fingerprint is unchanged — so it is never
//! stale, whichever process or instance wrote to the database.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::db::content::Fingerprint;

/// Distinct filters remembered; beyond it the cache starts over.
const CAPACITY: usize = 4_096;

#[derive(Debug, Default)]
pub struct CountCache {
    totals: Mutex<HashMap<String, (Fingerprint, i64)>>,
}

impl CountCache {
    /// The total counted for `key` under this very fingerprint, if any.
    pub fn get(&self, key: &str, fingerprint: &Fingerprint) -> Option<i64> {
        let totals = self.totals.lock().ok()?;
        totals
            .get(key)
            .filter(|(seen, _)| seen == fingerprint)
            .map(|(_, total)| *total)
    }

    pub fn put(&self, key: String, fingerprint: Fingerprint, total: i64) {
        if let Ok(mut totals) = self.totals.lock() {
            if totals.len() >= CAPACITY && !totals.contains_key(&key) {
                totals.clear();
            }
            totals.insert(key, (fingerprint, total));
        }
    }
}
