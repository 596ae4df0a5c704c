//! Shared test scaffolding: backend selection and unique names for isolation.

use std::sync::atomic::{AtomicU64, Ordering};

/// The PostgreSQL URL of the machine's test server, if the run has one.
pub fn test_database_url() -> Option<String> {
    std::env::var("CLAVE_TEST_DATABASE_URL").ok().filter(|v| !v.is_empty())
}

/// The Redis URL of the machine's test server, if the run has one.
pub fn test_redis_url() -> Option<String> {
    std::env::var("CLAVE_TEST_REDIS_URL").ok().filter(|v| !v.is_empty())
}

/// Prints that a suite was skipped because its backend is not configured.
pub fn skipped(what: &str, var: &str) {
    eprintln!("skipped: {what} ({var} is unset)");
}

/// A name no other test in any concurrent run uses: for key prefixes and schemas.
pub fn unique_name(stem: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{stem}_{}_{n}_{nanos:x}", std::process::id())
}
