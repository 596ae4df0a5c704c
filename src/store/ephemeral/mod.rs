//! The ephemeral store: everything that lives minutes, not years.
//!
//! Browser sessions, pending login and self-service flow state, authorization codes,
//! OTPs, rate-limit counters, security-question answers and access tokens are kept
//! here, each with a time-to-live. Two implementations stand behind one trait:
//! [`memory::MemoryStore`] (in-process, the embedded default for a single instance) and
//! [`redis::RedisStore`] (shared by any number of instances). Both pass the same
//! conformance suite (`tests/it/ephemeral.rs`).
//!
//! Every operation that must not race — take-once, counters, create-if-absent — is a
//! single atomic operation in both implementations, never a read followed by a write.
//!
//! Callers that keep structured state use [`EphemeralStoreExt`] (`put_json`,
//! `get_json`, `take_json`), available on every store including `dyn EphemeralStore`.
//!
//! Expiry here is housekeeping: the flows store their own logical deadlines, checked
//! against the injected [`crate::clock::Clock`], so tests need not wait for a TTL.

pub mod keys;
pub mod memory;
pub mod observed;
mod packed_key;
pub mod redis;

use std::future::Future;
use std::time::Duration;

use async_trait::async_trait;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why an ephemeral-store call failed. Every variant means "the store could not
/// answer"; callers answer 503 and change nothing.
#[derive(Debug, thiserror::Error)]
pub enum EphemeralError {
    /// The store did not answer in time.
    #[error("the ephemeral store did not answer within {0:?}")]
    Timeout(Duration),
    /// The store answered with an error or the connection failed.
    #[error("the ephemeral store failed: {0}")]
    Backend(String),
}

/// A key-value store with TTLs and atomic single-use items and counters.
///
/// Keys are relative: each store adds its own namespace prefix, so tests and
/// deployments sharing one Redis never see each other's keys.
#[async_trait]
pub trait EphemeralStore: Send + Sync + std::fmt::Debug {
    /// Stores `value` under `key` for `ttl`, replacing any earlier value.
    async fn put(&self, key: &str, value: &[u8], ttl: Duration) -> Result<(), EphemeralError>;

    /// Stores `value` only if `key` holds nothing; says whether it was stored.
    async fn put_new(&self, key: &str, value: &[u8], ttl: Duration)
    -> Result<bool, EphemeralError>;

    /// The value under `key`, if it has not expired.
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError>;

    /// Removes and returns the value under `key` in one atomic step: of any number
    /// of concurrent callers exactly one receives it.
    async fn take(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError>;

    /// Replaces the value under `key` with `value` for `ttl` and returns what it
    /// held, in one atomic step; a key that holds nothing stays empty. Of any number
    /// of concurrent callers exactly one receives the original value (the others see
    /// a replacement): a single-use item can be consumed and leave a note in its
    /// place in one round trip.
    async fn replace(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<Option<Vec<u8>>, EphemeralError>;

    /// Adds one to the counter under `key` and returns the new count. A counter that
    /// does not exist starts at 1 and expires `ttl` after that first increment (a
    /// fixed window); later increments do not extend it.
    async fn increment(&self, key: &str, ttl: Duration) -> Result<u64, EphemeralError>;

    /// Takes one back from the counter under `key`, if it still exists and is
    /// above zero, keeping its deadline; never creates a counter. An attempt
    /// counted before it was checked is given back this way when it turns out
    /// not to be a failure.
    async fn decrement(&self, key: &str) -> Result<(), EphemeralError>;

    /// Removes `key`; says whether it held anything.
    async fn delete(&self, key: &str) -> Result<bool, EphemeralError>;

    /// How long `key` has left to live, or `None` if it holds nothing.
    async fn time_to_live(&self, key: &str) -> Result<Option<Duration>, EphemeralError>;

    /// Answers while the store is reachable; used by `/readyz`.
    async fn ping(&self) -> Result<(), EphemeralError>;

    /// What the store holds, where it keeps its own count (the in-process
    /// store's byte accounting); `None` where the server does (Redis: `INFO
    /// memory`, `DBSIZE`).
    fn footprint(&self) -> Option<Footprint> {
        None
    }
}

/// What an in-process store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footprint {
    /// Keys held, expired ones not yet purged included.
    pub keys: usize,
    /// Bytes counted against `CLAVE_MEMORY_STORE_MAX_BYTES`.
    pub bytes: usize,
    /// That bound.
    pub max_bytes: usize,
}

/// Typed JSON access on top of any [`EphemeralStore`].
///
/// A stored value that does not decode as the requested type is reported as
/// [`EphemeralError::Backend`]: it means data written by another version or corrupted,
/// and the caller should answer as it does for any store failure.
pub trait EphemeralStoreExt: EphemeralStore {
    /// Stores `value` as JSON under `key` for `ttl`, replacing any earlier value.
    fn put_json<T: Serialize + Sync + ?Sized>(
        &self,
        key: &str,
        value: &T,
        ttl: Duration,
    ) -> impl Future<Output = Result<(), EphemeralError>> + Send;

    /// Stores `value` as JSON only if `key` holds nothing; says whether it was stored.
    fn put_new_json<T: Serialize + Sync + ?Sized>(
        &self,
        key: &str,
        value: &T,
        ttl: Duration,
    ) -> impl Future<Output = Result<bool, EphemeralError>> + Send;

    /// The JSON value under `key`, decoded, if it has not expired.
    fn get_json<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<T>, EphemeralError>> + Send;

    /// Removes and decodes the JSON value under `key` atomically (see
    /// [`EphemeralStore::take`]).
    fn take_json<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<T>, EphemeralError>> + Send;
}

impl<S: EphemeralStore + ?Sized> EphemeralStoreExt for S {
    async fn put_json<T: Serialize + Sync + ?Sized>(
        &self,
        key: &str,
        value: &T,
        ttl: Duration,
    ) -> Result<(), EphemeralError> {
        let bytes = encode(key, value)?;
        self.put(key, &bytes, ttl).await
    }

    async fn put_new_json<T: Serialize + Sync + ?Sized>(
        &self,
        key: &str,
        value: &T,
        ttl: Duration,
    ) -> Result<bool, EphemeralError> {
        let bytes = encode(key, value)?;
        self.put_new(key, &bytes, ttl).await
    }

    async fn get_json<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, EphemeralError> {
        self.get(key).await?.map(|b| decode(key, &b)).transpose()
    }

    async fn take_json<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, EphemeralError> {
        self.take(key).await?.map(|b| decode(key, &b)).transpose()
    }
}

fn encode<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<Vec<u8>, EphemeralError> {
    serde_json::to_vec(value).map_err(|e| json_error("cannot encode the value", key, &e))
}

fn decode<T: DeserializeOwned>(key: &str, bytes: &[u8]) -> Result<T, EphemeralError> {
    serde_json::from_slice(bytes).map_err(|e| json_error("the stored value is not valid", key, &e))
}

/// Keys and values may carry tokens and personal data, and serde's messages quote
/// values: the message names only the key's kind (up to its first `:`) and the place.
fn json_error(what: &str, key: &str, e: &serde_json::Error) -> EphemeralError {
    let kind = key.split_once(':').map_or("(unnamed)", |(kind, _)| kind);
    EphemeralError::Backend(format!(
        "{what} for {kind} ({:?} JSON error at column {})",
        e.classify(),
        e.column()
    ))
}
