//! [`Db`]: the database as request handlers use it — the connection pool,
//! and permits that bound how much database work runs at once. It is held
//! in the app's state (one per process, shared by the HTTP workers), not in
//! a global, so each test server and each instance has its own. The work
//! it runs is the handlers', so it answers with their `ApiError` (a pool or
//! permit failure is a 503); the queries in the modules beside it return
//! diesel results and know nothing of HTTP.

use std::sync::Arc;

use tokio::sync::Semaphore;

use super::{DbConnection, Pool};
use crate::error::ApiError;

/// The pool and its permits. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Db {
    pool: Pool,
    /// One permit per pooled connection. Without them every waiting request
    /// would hold a blocking thread (and its allocator arena) only to wait
    /// for a connection: under 32 concurrent requests the process grew to
    /// twice the memory for no throughput.
    permits: Arc<Semaphore>,
}

impl Db {
    pub fn new(pool: Pool) -> Self {
        let permits = Arc::new(Semaphore::new(pool.max_size() as usize));
        Self { pool, permits }
    }

    /// Runs database work on actix's blocking thread pool with a pooled
    /// connection, so diesel's synchronous calls never stall the event loop.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self.permits.acquire().await?;
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }

    /// Runs a short read — a handful of indexed lookups, such as one item
    /// by its key — on a pooled connection.
    ///
    /// On SQLite such a read is microseconds of work in this process: less
    /// than handing it to a blocking thread and back, which under `just
    /// bench` was most of the cost of a detail request. So when a connection
    /// is free at once it runs right here on the worker. Otherwise, and
    /// always on PostgreSQL (whose reads wait on the network), it goes
    /// through [`Db::run`]. Never use this for work whose cost grows with
    /// the data.
    pub async fn quick_read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        if let Some(mut conn) = self.pool.try_get()
            && matches!(*conn, DbConnection::Sqlite(_))
        {
            return work(&mut conn);
        }
        self.run(work).await
    }
}
