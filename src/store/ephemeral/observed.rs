//! An [`EphemeralStore`] that records latency and errors of the store it wraps,
//! labelled by backend (`redis` or `memory`), for `/metrics`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;

use super::{EphemeralError, EphemeralStore};

/// Wraps a store with metrics.
#[derive(Debug)]
pub struct Observed {
    inner: Arc<dyn EphemeralStore>,
    backend: &'static str,
}

impl Observed {
    /// `inner`, observed under the label `backend`.
    pub fn new(inner: Arc<dyn EphemeralStore>, backend: &'static str) -> Self {
        Self { inner, backend }
    }

    fn record<T>(&self, started: Instant, result: &Result<T, EphemeralError>) {
        metrics::histogram!("clave_store_call_duration_seconds", "backend" => self.backend)
            .record(started.elapsed().as_secs_f64());
        if result.is_err() {
            metrics::counter!("clave_store_errors_total", "backend" => self.backend).increment(1);
        }
    }
}

macro_rules! observed {
    ($self:ident, $call:expr) => {{
        let started = Instant::now();
        let result = $call.await;
        $self.record(started, &result);
        result
    }};
}

#[async_trait]
impl EphemeralStore for Observed {
    async fn put(&self, key: &str, value: &[u8], ttl: Duration) -> Result<(), EphemeralError> {
        observed!(self, self.inner.put(key, value, ttl))
    }
    async fn put_new(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<bool, EphemeralError> {
        observed!(self, self.inner.put_new(key, value, ttl))
    }
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        observed!(self, self.inner.get(key))
    }
    async fn take(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        observed!(self, self.inner.take(key))
    }
    async fn replace(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<Option<Vec<u8>>, EphemeralError> {
        observed!(self, self.inner.replace(key, value, ttl))
    }
    async fn increment(&self, key: &str, ttl: Duration) -> Result<u64, EphemeralError> {
        observed!(self, self.inner.increment(key, ttl))
    }
    async fn decrement(&self, key: &str) -> Result<(), EphemeralError> {
        observed!(self, self.inner.decrement(key))
    }
    async fn delete(&self, key: &str) -> Result<bool, EphemeralError> {
        observed!(self, self.inner.delete(key))
    }
    async fn time_to_live(&self, key: &str) -> Result<Option<Duration>, EphemeralError> {
        observed!(self, self.inner.time_to_live(key))
    }
    async fn ping(&self) -> Result<(), EphemeralError> {
        observed!(self, self.inner.ping())
    }
    fn footprint(&self) -> Option<super::Footprint> {
        self.inner.footprint()
    }
}
