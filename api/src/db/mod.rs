//! Database access over SQLite (the embedded default) and PostgreSQL with one
//! code path: [`DbConnection`] is a diesel `MultiConnection` over both, and
//! the modules below it hold the queries, one per resource. Nothing here knows
//! about HTTP.
//!
//! A lookup by a unique key reads its row with `get_result`, not `first`:
//! `first` adds `LIMIT ?`, and SQLite re-prepares a statement whose `LIMIT`
//! is a parameter each time it runs (perf under `just bench` showed a third
//! of a detail request's CPU in `sqlite3Reprepare`).

pub mod access;
pub mod api_tokens;
pub mod audit;
pub mod content;
pub mod invitations;
pub mod mail;
pub mod media;
pub mod members;
pub mod password_resets;
pub mod rate_windows;
pub mod returns;
pub mod schema;
pub mod search;
pub mod sessions;
pub mod statistics;
pub mod throttles;
pub mod two_factor;
pub mod types;
pub mod users;

pub use access::Db;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// A connection to whichever backend the database URL selects.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

impl std::fmt::Debug for DbConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Pg(_) => "DbConnection::Pg",
            Self::Sqlite(_) => "DbConnection::Sqlite",
        })
    }
}

/// The query backend of [`DbConnection`], for boxed queries.
pub type Backend = <DbConnection as Connection>::Backend;

/// A pool of connections, shared by the request handlers.
pub type Pool = r2d2::Pool<Manager>;
/// A connection checked out of the pool.
pub type PooledConnection = r2d2::PooledConnection<Manager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Why the database could not be reached or prepared. Messages are one line,
/// fit for an operator, and never contain the password of the URL.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0:?}: use postgres://… or a SQLite file path (sqlite://…)")]
    UnsupportedUrl(String),
    #[error("cannot connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    #[error("cannot run migrations: {0}")]
    Migrations(String),
    #[error("cannot build the connection pool: {0}")]
    Pool(String),
}

/// Which backend a URL selects, and what to open.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Postgres(String),
    Sqlite(String),
}

fn target(url: &str) -> Result<Target, DbError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Target::Postgres(with_connect_timeout(url)));
    }
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    if path.is_empty() || path.contains("://") {
        return Err(DbError::UnsupportedUrl(redact(url)));
    }
    Ok(Target::Sqlite(path.to_owned()))
}

/// libpq waits for a silent host as long as TCP does; bound it so a wrong
/// address fails start-up within seconds (issue #2: "within 10 s").
fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&connect_timeout=5")
    } else {
        format!("{url}?connect_timeout=5")
    }
}

/// The password in `scheme://user:password@host…`, found without a full
/// parse so that malformed URLs are covered too.
fn password_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let (userinfo, _) = rest.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    (!password.is_empty()).then_some(password)
}

/// Every password the URL carries: in its user info, and in `password=`
/// query parameters (libpq accepts both).
fn passwords_of(url: &str) -> Vec<&str> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    let in_query = query.split('&').filter_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key.eq_ignore_ascii_case("password") && !value.is_empty()).then_some(value)
    });
    password_of(url).into_iter().chain(in_query).collect()
}

/// The text with the URL's passwords replaced, for messages and logs (the
/// database driver's own errors may quote the URL).
pub fn redact_in(text: &str, url: &str) -> String {
    passwords_of(url)
        .into_iter()
        .fold(text.to_owned(), |text, password| {
            text.replace(password, "***")
        })
}

/// The URL with any password replaced.
pub fn redact(url: &str) -> String {
    redact_in(url, url)
}

/// Opens one connection, choosing the backend by the URL's scheme. SQLite
/// connections get WAL, a busy timeout and enforced foreign keys.
pub fn connect(url: &str) -> Result<DbConnection, DbError> {
    let failed = |reason: String| DbError::Connect {
        url: redact(url),
        reason: redact_in(reason.lines().next().unwrap_or_default().trim(), url),
    };
    match target(url)? {
        Target::Postgres(url) => PgConnection::establish(&url)
            .map(DbConnection::Pg)
            .map_err(|e| failed(e.to_string())),
        Target::Sqlite(path) => {
            let mut conn = SqliteConnection::establish(&path).map_err(|e| failed(e.to_string()))?;
            conn.batch_execute(
                // busy_timeout first: switching to WAL takes a lock, and
                // the pool opens several connections at once.
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                 PRAGMA cache_size = -1024;",
            )
            .map_err(|e| failed(e.to_string()))?;
            Ok(DbConnection::Sqlite(conn))
        }
    }
}

/// Runs the pending migrations of the connection's backend.
pub fn migrate(conn: &mut DbConnection) -> Result<(), DbError> {
    let result = match conn {
        DbConnection::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|_| ()),
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
    };
    result.map_err(|e| DbError::Migrations(e.to_string()))
}

/// Opens the pool after proving with one real connection that the URL works,
/// so a bad URL fails at once with its reason instead of after pool retries.
pub fn pool(url: &str, max_size: u32) -> Result<Pool, DbError> {
    drop(connect(url)?);
    // A PostgreSQL connection can die with its server or the network, so
    // each is pinged when taken from the pool. A SQLite connection is a file
    // handle in this process: the ping would only add a statement to every
    // request.
    let remote = matches!(target(url)?, Target::Postgres(_));
    r2d2::Pool::builder()
        .max_size(max_size)
        .test_on_check_out(remote)
        .connection_timeout(Duration::from_secs(5))
        .build(Manager {
            url: url.to_owned(),
        })
        .map_err(|e| DbError::Pool(e.to_string()))
}

/// Runs `work` in a transaction that writes: on SQLite it takes the write
/// lock when it begins (`BEGIN IMMEDIATE`), so it waits its turn behind
/// another writer (the busy timeout) instead of failing. A deferred
/// transaction that has read and then writes while another connection
/// wrote gets `database is locked` at once, whatever the timeout: 43 of
/// 240 concurrent `PATCH /users/{id}` answered 500 before this. On
/// PostgreSQL, and inside an open transaction (a savepoint), it is an
/// ordinary transaction.
pub fn write<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(work);
    };
    match AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE") {
        Ok(()) => {}
        Err(diesel::result::Error::AlreadyInTransaction) => return conn.transaction(work),
        Err(e) => return Err(e.into()),
    }
    type Manager = <DbConnection as Connection>::TransactionManager;
    match work(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => match Manager::rollback_transaction(conn) {
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(error),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

/// True when the database answers a trivial query.
pub fn ping(conn: &mut DbConnection) -> bool {
    diesel::sql_query("SELECT 1").execute(conn).is_ok()
}

/// An r2d2 manager around [`connect`]; diesel's own needs `establish`, which
/// hides why a URL failed and skips the SQLite pragmas.
#[derive(Debug)]
pub struct Manager {
    url: String,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> Result<DbConnection, DbError> {
        connect(&self.url)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        if ping(conn) {
            Ok(())
        } else {
            Err(DbError::Connect {
                url: redact(&self.url),
                reason: "ping failed".into(),
            })
        }
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_select_the_backend() {
        assert_eq!(
            target("data/cecop.sqlite3").ok(),
            Some(Target::Sqlite("data/cecop.sqlite3".into()))
        );
        assert_eq!(
            target("sqlite://x.db").ok(),
            Some(Target::Sqlite("x.db".into()))
        );
        assert!(
            matches!(target("postgres://u@h/db"), Ok(Target::Postgres(u)) if u.ends_with("?connect_timeout=5"))
        );
        assert!(matches!(
            target("mysql://u@h/db"),
            Err(DbError::UnsupportedUrl(_))
        ));
        assert!(matches!(target(""), Err(DbError::UnsupportedUrl(_))));
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(
            redact("postgres://u@h/db?sslmode=require&password=hunter2xyz"),
            "postgres://u@h/db?sslmode=require&password=***"
        );
        assert_eq!(
            redact("postgres://u:one@h/db?PASSWORD=two"),
            "postgres://u:***@h/db?PASSWORD=***"
        );
        assert_eq!(
            redact("postgres://u:s@c:r@t@[::1/db"),
            "postgres://u:***@[::1/db"
        );
        assert_eq!(
            redact_in("bad URI \"postgres://u:pw@x\"", "postgres://u:pw@x"),
            "bad URI \"postgres://u:***@x\""
        );
    }
}
