//! Statistics answers kept in memory against a fingerprint of the data
//! they depend on (`db::statistics::fingerprint`; see `crate::cache`), so
//! a repeated query costs one small read, and any approval, reopening or
//! campaign change shows at once.

use std::sync::Arc;

use crate::cache::{Bound, Kept, Recent, Weight};
use crate::db::statistics::Facts;
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::representation::Representations;

/// Statistics answers (query → body in its forms) and the approved values
/// behind them, per year (`None`: every year), kept while the data's
/// fingerprint is unchanged (see `crate::cache`). Writes through this
/// instance forget the fingerprint at once
/// ([`StatisticsCache::forget_fingerprint`]); another instance's (or the
/// CLI's) show within a second.
#[derive(Debug)]
pub struct StatisticsCache {
    fingerprint: Recent<String>,
    answers: Kept<String, Representations>,
    facts: Kept<String, Facts>,
}

/// Distinct queries kept; beyond this the generation starts over (queries
/// are few: years × indicators × groupings).
const CACHE_ENTRIES: usize = 1024;

impl Default for StatisticsCache {
    fn default() -> Self {
        Self {
            fingerprint: Recent::default(),
            answers: Kept::new(Bound::Entries(CACHE_ENTRIES)),
            // A year's values, or every year's: a few dozen at most.
            facts: Kept::new(Bound::Entries(64)),
        }
    }
}

impl Weight for Representations {
    fn weight(&self) -> usize {
        self.identity.len()
    }
}

impl Weight for Facts {
    fn weight(&self) -> usize {
        0
    }
}

impl StatisticsCache {
    /// Called after a write that may change statistics (a review decision,
    /// a campaign change): the next request reads the fingerprint again.
    pub fn forget_fingerprint(&self) {
        self.fingerprint.forget();
    }

    /// The approved values of `year` (or all years) as of `fingerprint`,
    /// loaded when not held yet.
    pub fn facts(
        &self,
        conn: &mut DbConnection,
        fingerprint: &str,
        year: Option<i32>,
    ) -> Result<Arc<Facts>, ApiError> {
        let key = format!("{year:?}");
        let fingerprint = fingerprint.to_owned();
        if let Some(facts) = self.facts.get(&key, &fingerprint) {
            return Ok(facts);
        }
        let facts = Arc::new(crate::db::statistics::load_facts(conn, year)?);
        self.facts.put(key, &fingerprint, Arc::clone(&facts));
        Ok(facts)
    }
}

/// The body for `key`: from the cache while the data's fingerprint is
/// unchanged, else built by `build` (on a pooled connection, with the cache
/// for the values and the fingerprint they must match) and kept.
pub async fn cached_body<F>(
    db: &Db,
    cache: Arc<StatisticsCache>,
    key: String,
    build: F,
) -> Result<Arc<Representations>, ApiError>
where
    F: FnOnce(&mut DbConnection, &StatisticsCache, &str) -> Result<Vec<u8>, ApiError>
        + Send
        + 'static,
{
    let runner = db.clone();
    let shared = Arc::clone(&cache);
    cache
        .answers
        .get_or_compute(
            &key,
            &cache.fingerprint,
            || {
                let db = db.clone();
                async move {
                    db.quick_read(|conn| Ok(crate::db::statistics::fingerprint(conn)?))
                        .await
                }
            },
            |_| {
                runner.run(move |conn| {
                    // Read again with the values: they are kept under the
                    // fingerprint they were read with.
                    let fingerprint = crate::db::statistics::fingerprint(conn)?;
                    shared.fingerprint.saw(&fingerprint);
                    let body = build(conn, &shared, &fingerprint)?;
                    let body = Representations::new(crate::representation::kept_bytes(body));
                    Ok((fingerprint, Arc::new(body)))
                })
            },
        )
        .await
}
