//! Shared test scaffolding: backend selection and unique names for isolation.

use std::sync::atomic::{AtomicU64, Ordering};

/// The PostgreSQL URL of the machine's test server, if the run has one.
pub fn test_database_url() -> Option<String> {
    std::env::var("CLAVE_TEST_DATABASE_URL")
        .ok()
        .filter(|v| !v.is_empty())
}

/// The Redis URL of the machine's test server, if the run has one.
pub fn test_redis_url() -> Option<String> {
    std::env::var("CLAVE_TEST_REDIS_URL")
        .ok()
        .filter(|v| !v.is_empty())
}

/// Prints that a suite was skipped because its backend is not configured.
pub fn skipped(what: &str, var: &str) {
    eprintln!("skipped: {what} ({var} is unset)");
}

/// A name no other test in any concurrent run uses: for key prefixes and schemas.
pub fn unique_name(stem: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    #[allow(clippy::disallowed_methods)] // a unique suffix, not a rule about time
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{stem}_{}_{n}_{nanos:x}", std::process::id())
}

use std::time::Duration;

use clave_idp::store::sql::SqlStore;

/// How long store calls may take in tests (generous: CI machines are small).
pub const STORE_TIMEOUT: Duration = Duration::from_secs(10);

/// A migrated SQLite store in its own temporary file. Keep the returned directory
/// alive as long as the store.
pub async fn sqlite_store() -> (SqlStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("clave.db").display());
    let store = SqlStore::connect(&url, STORE_TIMEOUT)
        .await
        .expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    (store, dir)
}

/// A PostgreSQL URL whose connections use a fresh schema of their own, so tests
/// running in parallel never see each other's rows.
pub async fn isolated_postgres_url() -> Option<String> {
    let Some(base) = test_database_url() else {
        skipped("PostgreSQL store", "CLAVE_TEST_DATABASE_URL");
        return None;
    };
    let schema = unique_name("t");
    let admin = SqlStore::connect(&base, STORE_TIMEOUT)
        .await
        .expect("connect to the test PostgreSQL");
    admin
        .execute_raw(&format!("CREATE SCHEMA {schema}"))
        .await
        .expect("create schema");
    admin.close().await;
    let separator = if base.contains('?') { '&' } else { '?' };
    Some(format!(
        "{base}{separator}options=-c%20search_path%3D{schema}"
    ))
}

/// A migrated PostgreSQL store in a schema of its own, or `None` (skipped).
pub async fn postgres_store() -> Option<SqlStore> {
    let url = isolated_postgres_url().await?;
    let store = SqlStore::connect(&url, STORE_TIMEOUT)
        .await
        .expect("connect postgres");
    store.migrate().await.expect("migrate postgres");
    Some(store)
}
