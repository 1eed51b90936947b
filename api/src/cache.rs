//! Answers kept against a fingerprint of the data they were computed from.
//!
//! A fingerprint is a cheap read that changes whenever the answers could
//! (the content's newest id, last edit, next publication…; the statistics'
//! campaigns and approvals). [`Recent`] trusts the last one read for a
//! second, so a burst of requests reads it once; [`Kept`] holds the answers
//! computed under one fingerprint — a new fingerprint starts a new
//! generation, so nothing stale is ever served — within a bound of entries
//! or bytes, and [`Kept::get_or_compute`] makes a burst of misses for the
//! same key compute it once (single flight).
//!
//! Writes through this instance call [`Recent::forget`]; writes by another
//! instance or the CLI show within the second.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::flights::Flights;

/// How long a fingerprint read stands for the current one.
pub const FINGERPRINT_TTL: Duration = Duration::from_secs(1);

/// The fingerprint read last, trusted for [`FINGERPRINT_TTL`].
#[derive(Debug)]
pub struct Recent<F> {
    last: Mutex<Option<(Instant, F)>>,
}

impl<F> Default for Recent<F> {
    fn default() -> Self {
        Self {
            last: Mutex::new(None),
        }
    }
}

impl<F: Clone> Recent<F> {
    /// The fingerprint read less than a second ago, if any.
    pub fn get(&self) -> Option<F> {
        let last = self.last.lock().ok()?;
        last.as_ref()
            .filter(|(at, _)| at.elapsed() < FINGERPRINT_TTL)
            .map(|(_, fingerprint)| fingerprint.clone())
    }

    /// Records a fingerprint just read.
    pub fn saw(&self, fingerprint: &F) {
        if let Ok(mut last) = self.last.lock() {
            *last = Some((Instant::now(), fingerprint.clone()));
        }
    }

    /// Makes the next request read the fingerprint again (after a write).
    pub fn forget(&self) {
        if let Ok(mut last) = self.last.lock() {
            *last = None;
        }
    }

    /// The recent fingerprint, else one read by `read` (and recorded).
    pub async fn current<E, R, Fut>(&self, read: R) -> Result<F, E>
    where
        R: FnOnce() -> Fut,
        Fut: Future<Output = Result<F, E>>,
    {
        if let Some(fingerprint) = self.get() {
            return Ok(fingerprint);
        }
        let fingerprint = read().await?;
        self.saw(&fingerprint);
        Ok(fingerprint)
    }
}

/// What a kept value costs against a byte bound.
pub trait Weight {
    fn weight(&self) -> usize;
}

/// How much a [`Kept`] holds.
#[derive(Debug, Clone, Copy)]
pub enum Bound {
    /// At most this many entries; when full, the generation starts over.
    Entries(usize),
    /// At most this many bytes of keys and values (see [`Weight`]); when
    /// full, an eighth of the entries is dropped, whichever the map yields
    /// first (random replacement: no bookkeeping per read, and no worse
    /// than LRU when reads are spread evenly). One value over a 64th of the
    /// budget is not kept: it would push out dozens of others.
    Bytes(usize),
}

/// Bookkeeping counted per entry besides its key and value.
const ENTRY_OVERHEAD: usize = 96;

#[derive(Debug)]
struct Generation<F, V> {
    fingerprint: Option<F>,
    entries: HashMap<String, Arc<V>>,
    bytes: usize,
}

/// Values by key, all computed under one fingerprint.
#[derive(Debug)]
pub struct Kept<F, V> {
    bound: Bound,
    generation: Mutex<Generation<F, V>>,
    flights: Flights,
}

impl<F: Clone + PartialEq, V: Weight> Kept<F, V> {
    pub fn new(bound: Bound) -> Self {
        Self {
            bound,
            generation: Mutex::new(Generation {
                fingerprint: None,
                entries: HashMap::new(),
                bytes: 0,
            }),
            flights: Flights::default(),
        }
    }

    fn cost(key: &str, value: &V) -> usize {
        key.len() + value.weight() + ENTRY_OVERHEAD
    }

    /// The value kept for `key` under this very fingerprint, if any.
    pub fn get(&self, key: &str, fingerprint: &F) -> Option<Arc<V>> {
        let generation = self.generation.lock().ok()?;
        if generation.fingerprint.as_ref() != Some(fingerprint) {
            return None;
        }
        generation.entries.get(key).map(Arc::clone)
    }

    /// Keeps a value computed under `fingerprint`; values kept under
    /// another fingerprint are dropped first.
    pub fn put(&self, mut key: String, fingerprint: &F, value: Arc<V>) {
        key.shrink_to_fit();
        let Ok(mut generation) = self.generation.lock() else {
            return;
        };
        if generation.fingerprint.as_ref() != Some(fingerprint) {
            *generation = Generation {
                fingerprint: Some(fingerprint.clone()),
                entries: HashMap::new(),
                bytes: 0,
            };
        }
        let cost = Self::cost(&key, &value);
        if let Some(old) = generation.entries.remove(&key) {
            generation.bytes -= Self::cost(&key, &old);
        }
        match self.bound {
            Bound::Entries(max) => {
                if generation.entries.len() >= max {
                    generation.entries.clear();
                    generation.bytes = 0;
                }
            }
            Bound::Bytes(budget) => {
                if cost > budget / 64 {
                    return;
                }
                while generation.bytes + cost > budget && !generation.entries.is_empty() {
                    let victims: Vec<String> = generation
                        .entries
                        .keys()
                        .take(generation.entries.len().div_ceil(8))
                        .cloned()
                        .collect();
                    for victim in victims {
                        if let Some(old) = generation.entries.remove(&victim) {
                            generation.bytes -= Self::cost(&victim, &old);
                        }
                    }
                }
            }
        }
        generation.bytes += cost;
        generation.entries.insert(key, value);
    }

    /// The value for `key` under the current fingerprint (from `recent`,
    /// else read by `read`), else computed by `compute` — once for a burst
    /// of requests missing the same key. `compute` is given the current
    /// fingerprint and answers with the one its value was computed from
    /// (the same, or one it read in its own transaction); the value is kept
    /// under that.
    pub async fn get_or_compute<E, R, RFut, C, CFut>(
        &self,
        key: &str,
        recent: &Recent<F>,
        read: R,
        compute: C,
    ) -> Result<Arc<V>, E>
    where
        R: Fn() -> RFut,
        RFut: Future<Output = Result<F, E>>,
        C: FnOnce(F) -> CFut,
        CFut: Future<Output = Result<(F, Arc<V>), E>>,
    {
        let fingerprint = recent.current(&read).await?;
        if let Some(hit) = self.get(key, &fingerprint) {
            return Ok(hit);
        }
        let _flight = self.flights.join(key).await;
        // Whoever held the flight may have just filled it.
        let fingerprint = recent.current(&read).await?;
        if let Some(hit) = self.get(key, &fingerprint) {
            return Ok(hit);
        }
        // Not recorded in `recent`: a fingerprint `compute` read itself is
        // recorded by `compute` (the content lists do), and re-recording
        // the one read before would trust it longer than a second.
        let (fingerprint, value) = compute(fingerprint).await?;
        self.put(key.to_owned(), &fingerprint, Arc::clone(&value));
        Ok(value)
    }
}

impl Weight for i64 {
    fn weight(&self) -> usize {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Blob(usize);

    impl Weight for Blob {
        fn weight(&self) -> usize {
            self.0
        }
    }

    #[test]
    fn a_new_fingerprint_drops_the_old_generation() {
        let kept: Kept<u32, Blob> = Kept::new(Bound::Entries(8));
        kept.put("a".into(), &1, Arc::new(Blob(1)));
        assert!(kept.get("a", &1).is_some());
        assert!(kept.get("a", &2).is_none(), "another fingerprint misses");
        kept.put("b".into(), &2, Arc::new(Blob(1)));
        assert!(kept.get("a", &1).is_none(), "the old generation is gone");
        assert!(kept.get("b", &2).is_some());
    }

    #[test]
    fn a_byte_bound_holds_and_refuses_huge_values() {
        let kept: Kept<u32, Blob> = Kept::new(Bound::Bytes(64 * 1000));
        for i in 0..1_000 {
            kept.put(format!("{i}"), &1, Arc::new(Blob(500)));
        }
        let held = (0..1_000)
            .filter(|i| kept.get(&format!("{i}"), &1).is_some())
            .count();
        assert!(held > 0 && held < 1_000, "{held}");
        let bytes = kept
            .generation
            .lock()
            .map(|g| g.bytes)
            .unwrap_or(usize::MAX);
        assert!(bytes <= 64 * 1000, "{bytes}");
        kept.put("huge".into(), &1, Arc::new(Blob(2_000)));
        assert!(kept.get("huge", &1).is_none());
    }

    #[actix_rt::test]
    async fn a_burst_of_misses_computes_once() {
        let kept = Arc::new(Kept::<u32, Blob>::new(Bound::Entries(8)));
        let recent = Arc::new(Recent::default());
        let computed = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (kept, recent, computed) = (
                Arc::clone(&kept),
                Arc::clone(&recent),
                Arc::clone(&computed),
            );
            tasks.push(actix_rt::spawn(async move {
                kept.get_or_compute(
                    "k",
                    &recent,
                    || async { Ok::<_, ()>(7) },
                    |_| async {
                        computed.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok((7, Arc::new(Blob(1))))
                    },
                )
                .await
                .map(|b| b.0)
            }));
        }
        for task in tasks {
            assert!(matches!(task.await, Ok(Ok(1))));
        }
        assert_eq!(computed.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}
