//! The durable store: citizens, relying parties, signing keys, refresh tokens and
//! the audit trail, in PostgreSQL (production) or a SQLite file (embedded default).
//!
//! Both databases run the same SQL text: queries are built at run time with
//! `query_as().bind()` and numbered `$n` placeholders, which both drivers accept.
//! [`with_pool!`] expands one query body for each backend, so there is a single
//! code path to read and test while each backend keeps its native driver. The
//! backend is chosen once, at connect time, from the URL scheme.
//!
//! Every call is bounded by a timeout: a database that stops answering turns into
//! [`StoreError::Unavailable`] (503 for the citizen) instead of a hung request.
//! Counters are single `UPDATE … RETURNING` statements, atomic on both databases.

mod account;
mod audit;
mod citizens;
mod clients;
mod keys;
mod legacy;
mod refresh;
mod retention;
mod secrets;
mod trusted;

pub use audit::{AuditEvent, AuditRecord};
pub use citizens::{CitizenRecord, FailureCount, NewCitizen, RegisterOutcome};
pub use clients::ClientRecord;
pub use keys::SigningKeyRecord;
pub use legacy::{LegacyBatchOutcome, NewLegacyCitizen};
pub use refresh::{RefreshRecord, RotateOutcome};
pub use retention::{PURGE_BATCH, Purged, REFRESH_PURGE_GRACE_SECS};
pub use trusted::TrustedBrowserRecord;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

/// Why a durable-store call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database did not answer in time or the connection failed: try later.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// A row broke a uniqueness rule (e.g. a client id that already exists).
    #[error("already exists")]
    Conflict,
    /// A stored value could not be understood (a bug or a hand-edited row).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => {
                StoreError::Corrupt(error.to_string())
            }
            _ => StoreError::Unavailable(error.to_string()),
        }
    }
}

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL.
    Postgres,
    /// SQLite.
    Sqlite,
}

#[derive(Clone)]
enum Pool {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

/// The durable store. Cheap to clone: the pool is shared.
#[derive(Clone)]
pub struct SqlStore {
    pool: Pool,
    timeout: Duration,
    /// Relying parties already read (see [`clients::ClientCache`]).
    clients: std::sync::Arc<clients::ClientCache>,
    /// SQLite's write transactions take turns here (see [`SqlStore::write_turn`]).
    writers: std::sync::Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for SqlStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlStore")
            .field("backend", &self.backend())
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// Runs `$body` against whichever pool the store holds, bounded by the store's
/// timeout. `$pool` is bound to the concrete pool inside the body.
macro_rules! with_pool {
    ($store:expr, $pool:ident => $body:expr) => {{
        let store: &$crate::store::sql::SqlStore = $store;
        let work = async {
            match store.pool() {
                $crate::store::sql::PoolRef::Postgres($pool) => $body,
                $crate::store::sql::PoolRef::Sqlite($pool) => $body,
            }
        };
        let started = std::time::Instant::now();
        let result = match tokio::time::timeout(store.timeout(), work).await {
            Ok(result) => result.map_err($crate::store::sql::StoreError::from),
            Err(_) => Err($crate::store::sql::StoreError::Unavailable(format!(
                "no answer within {:?}",
                store.timeout()
            ))),
        };
        $crate::store::sql::observe(store.backend(), started, result.is_err());
        result
    }};
}
pub(crate) use with_pool;

/// Creates the SQLite file owner-only (0600) if it does not exist yet; SQLite
/// gives its `-wal` and `-shm` files the database file's permissions.
fn create_private(path: &str) -> Result<(), StoreError> {
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::Unavailable(format!(
            "cannot create {path}: {e}"
        ))),
    }
}

/// A borrowed pool, for [`with_pool!`].
#[doc(hidden)]
pub enum PoolRef<'a> {
    Postgres(&'a PgPool),
    Sqlite(&'a SqlitePool),
}

impl SqlStore {
    /// Connects to `url` (`postgres://…`, `postgresql://…` or `sqlite://…`), creating
    /// a SQLite file and its folder if missing. Does not run migrations.
    pub async fn connect(url: &str, timeout: Duration) -> Result<Self, StoreError> {
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)
                .map_err(|e| StoreError::Unavailable(format!("bad PostgreSQL URL: {e}")))?;
            Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(16)
                    .min_connections(1)
                    .acquire_timeout(timeout)
                    .connect_with(options)
                    .await?,
            )
        } else if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            let options = if path == ":memory:" {
                SqliteConnectOptions::from_str("sqlite::memory:")
                    .map_err(|e| StoreError::Unavailable(e.to_string()))?
            } else {
                let path = path.split('?').next().unwrap_or(path);
                if let Some(parent) = std::path::Path::new(path).parent()
                    && !parent.as_os_str().is_empty()
                {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        StoreError::Unavailable(format!("cannot create {}: {e}", parent.display()))
                    })?;
                }
                create_private(path)?;
                SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
            };
            let options = options
                .foreign_keys(true)
                .busy_timeout(timeout.max(Duration::from_secs(5)));
            // An in-memory database lives in one connection only.
            let max = if path == ":memory:" { 1 } else { 8 };
            Pool::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(max)
                    .acquire_timeout(timeout)
                    .connect_with(options)
                    .await?,
            )
        } else {
            return Err(StoreError::Unavailable(
                "the database URL must start with postgres://, postgresql:// or sqlite://"
                    .to_owned(),
            ));
        };
        Ok(Self {
            pool,
            timeout,
            clients: std::sync::Arc::default(),
            writers: std::sync::Arc::default(),
        })
    }

    /// Brings the schema up to date; safe to run from several instances at once.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let result = match &self.pool {
            Pool::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await,
            Pool::Sqlite(pool) => sqlx::migrate!("migrations/sqlite").run(pool).await,
        };
        result.map_err(|e| StoreError::Unavailable(format!("migration failed: {e}")))
    }

    /// Answers while the database does; used by `/readyz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        with_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    /// Runs one statement of operator-written SQL (test set-up: schemas).
    pub async fn execute_raw(&self, sql: &str) -> Result<(), StoreError> {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        with_pool!(self, pool => sqlx::raw_sql(sql).execute(pool).await.map(|_| ()))
    }

    /// On SQLite, a turn to run a write transaction, held until it commits.
    /// SQLite has one writer at a time: a transaction that finds another writing
    /// sleeps in SQLite's busy handler (1 ms, 2 ms, … up to 100 ms) and may find
    /// the lock free long before it wakes. Queued here, in order, each starts the
    /// moment the previous one commits. PostgreSQL locks rows, not the database:
    /// no turn there.
    async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.pool {
            Pool::Sqlite(_) => Some(self.writers.lock().await),
            Pool::Postgres(_) => None,
        }
    }

    /// How a read-then-write transaction begins. SQLite's default `BEGIN` is
    /// deferred: a transaction that has read and then writes, after another
    /// connection committed, fails at once with `SQLITE_BUSY` (its snapshot is
    /// stale; no busy timeout applies). `BEGIN IMMEDIATE` takes the write lock
    /// first, so it waits its turn instead (<https://www.sqlite.org/lang_transaction.html>).
    fn write_begin(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "BEGIN IMMEDIATE",
            Pool::Postgres(_) => "BEGIN",
        }
    }

    /// Which database this store talks to.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Postgres(_) => Backend::Postgres,
            Pool::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Postgres(pool) => pool.close().await,
            Pool::Sqlite(pool) => pool.close().await,
        }
    }

    #[doc(hidden)]
    pub fn pool(&self) -> PoolRef<'_> {
        match &self.pool {
            Pool::Postgres(pool) => PoolRef::Postgres(pool),
            Pool::Sqlite(pool) => PoolRef::Sqlite(pool),
        }
    }

    #[doc(hidden)]
    pub fn timeout(&self) -> Duration {
        self.timeout
    }
}

/// Records one store call's latency and, if it failed, the error.
#[doc(hidden)]
pub fn observe(backend: Backend, started: std::time::Instant, failed: bool) {
    let backend = match backend {
        Backend::Postgres => "postgres",
        Backend::Sqlite => "sqlite",
    };
    metrics::histogram!("clave_store_call_duration_seconds", "backend" => backend)
        .record(started.elapsed().as_secs_f64());
    if failed {
        metrics::counter!("clave_store_errors_total", "backend" => backend).increment(1);
    }
}

/// Encodes a list of strings as the JSON arrays kept in TEXT columns.
pub(crate) fn to_json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

/// Decodes a JSON array kept in a TEXT column.
pub(crate) fn from_json_list(text: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("bad JSON list: {e}")))
}
