//! [`Hasher`]: argon2 work (19 MiB and tens of milliseconds a password) on
//! a bounded pool of its own, never while a database connection is held.
//! Before, a login checked its password inside `Db::run`, so a burst of
//! unauthenticated logins held every pooled connection and every other route
//! waited behind them. Now at most one hash per core runs at once; a few
//! more wait their turn, and beyond that a login is told to retry (503)
//! rather than queue without end.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Semaphore;

use super::password;
use crate::error::ApiError;

/// How many hashes may wait per running one before new ones are refused.
const WAITING_PER_SLOT: usize = 16;

/// The bounded pool. Cheap to clone; one per process, in app state.
#[derive(Debug, Clone)]
pub struct Hasher {
    slots: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    max_waiting: usize,
}

impl Hasher {
    /// A pool running at most `slots` hashes at once.
    pub fn new(slots: usize) -> Self {
        let slots = slots.max(1);
        Self {
            slots: Arc::new(Semaphore::new(slots)),
            waiting: Arc::new(AtomicUsize::new(0)),
            max_waiting: slots * WAITING_PER_SLOT,
        }
    }

    /// One slot per available core.
    pub fn per_core() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, usize::from))
    }

    /// Runs `work` on a blocking thread once a slot is free.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        struct Waiting<'a>(&'a AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::Relaxed);
            }
        }
        if self.waiting.fetch_add(1, Ordering::Relaxed) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::Relaxed);
            return Err(ApiError::Unavailable(
                "too many password checks waiting".into(),
            ));
        }
        let waiting = Waiting(&self.waiting);
        let _slot = self.slots.acquire().await?;
        drop(waiting);
        Ok(actix_web::web::block(work).await?)
    }

    /// True when the password matches the stored PHC string; `None` (no such
    /// account) checks against a decoy so that both paths take the same time.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, ApiError> {
        self.run(move || match stored {
            Some(stored) => password::verify(&password, &stored),
            None => {
                password::verify(&password, password::decoy_hash());
                false
            }
        })
        .await
    }

    /// An argon2id hash of the password.
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        self.run(move || password::hash(&password))
            .await?
            .map_err(ApiError::Internal)
    }
}
