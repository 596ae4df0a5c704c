//! The Redis ephemeral store, shared by any number of provider instances.
//!
//! One [`ConnectionManager`] per store: a single multiplexed connection that every
//! request pipelines over, replaced in the background when it breaks. Cloning the
//! store clones a handle to that one connection.
//!
//! **Availability.** The provider must start while Redis is down and recover by itself
//! when it returns, so the manager is created lazily ([`RedisStore::connect`] only warns
//! when the first attempt fails) and each connection attempt is short: it times out
//! after the store's timeout and is retried only twice, quickly. While Redis is down,
//! calls fail within the timeout ([`EphemeralError::Timeout`] or
//! [`EphemeralError::Backend`]) and each failed attempt makes the manager start a new
//! one, so the first call after Redis is back reconnects. Every call is additionally
//! bounded by `tokio::time::timeout`, so no request waits longer than the timeout.
//! A wrong password is not an outage but a configuration error: it fails every call
//! until the setting is fixed.
//!
//! **Atomicity**, one command each: `put` is `SET PX`, `put_new` is `SET NX PX`, `take`
//! is `GETDEL` (Redis ≥ 6.2), and `increment` is a Lua script (INCR, then PEXPIRE on
//! the first count) sent as EVALSHA, falling back to EVAL-and-cache after a Redis
//! restart. Each script touches exactly one key so that it keeps working on Redis
//! Cluster.
//!
//! Keys are `"{prefix}{key}"`: deployments and test runs sharing one Redis stay apart.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{RedisResult, Script};

use super::{EphemeralError, EphemeralStore};

/// INCR, and start the window on the first count. The PTTL check also repairs a
/// counter left without a deadline, so no counter can live forever.
const INCREMENT_SCRIPT: &str = r"
local count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return count
";

/// Connection attempts after the first, per reconnection.
const RECONNECT_RETRIES: usize = 2;

/// An [`EphemeralStore`] on Redis. Cheap to clone.
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    prefix: String,
    timeout: Duration,
    increment: Arc<Script>,
    /// The URL with any password replaced, for `Debug` and logs.
    redacted_url: String,
}

impl RedisStore {
    /// A store on the Redis at `url` (`redis://[:password@]host[:port][/db]`,
    /// `rediss://` for TLS) whose keys all start with `prefix`, where every call
    /// answers within `timeout`.
    ///
    /// Fails only for a URL that cannot be used. If Redis does not answer yet, this
    /// logs a warning and returns a working store that connects when Redis is back.
    /// Must be called inside a tokio runtime.
    pub async fn connect(
        url: &str,
        prefix: &str,
        timeout: Duration,
    ) -> Result<Self, EphemeralError> {
        let redacted_url = redact(url);
        let client = redis::Client::open(url).map_err(|e| {
            EphemeralError::Backend(format!("invalid Redis URL {redacted_url}: {e}"))
        })?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(RECONNECT_RETRIES)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(500));
        let connection = ConnectionManager::new_lazy_with_config(client, config).map_err(|e| {
            EphemeralError::Backend(format!("cannot set up Redis at {redacted_url}: {e}"))
        })?;
        let store = Self {
            connection,
            prefix: prefix.to_owned(),
            timeout,
            increment: Arc::new(Script::new(INCREMENT_SCRIPT)),
            redacted_url,
        };
        // Connect now rather than on the first request, but start regardless.
        if let Err(error) = store.ping().await {
            tracing::warn!(url = %store.redacted_url, %error, "Redis is not answering yet; the store will keep trying");
        }
        Ok(store)
    }

    fn key(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// Runs one Redis call under the store's timeout.
    async fn run<T>(
        &self,
        call: impl Future<Output = RedisResult<T>>,
    ) -> Result<T, EphemeralError> {
        match tokio::time::timeout(self.timeout, call).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(EphemeralError::Backend(error.to_string())),
            Err(_elapsed) => Err(EphemeralError::Timeout(self.timeout)),
        }
    }
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("url", &self.redacted_url)
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// `url` with its password (user-info or `password`/`pass` query parameter)
/// replaced by `***`.
fn redact(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return "(unparseable URL)".to_owned();
    };
    if parsed.password().is_some() {
        // Fails only for URLs that cannot have a password, which this one has.
        let _ = parsed.set_password(Some("***"));
    }
    let secret = |name: &str| matches!(name, "password" | "pass");
    if parsed.query_pairs().any(|(name, _)| secret(&name)) {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(name, value)| {
                let value = if secret(&name) { "***".into() } else { value };
                (name.into_owned(), value.into_owned())
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

/// Milliseconds for `PX`/`PEXPIRE`, which refuse zero.
fn millis(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

#[async_trait]
impl EphemeralStore for RedisStore {
    async fn put(&self, key: &str, value: &[u8], ttl: Duration) -> Result<(), EphemeralError> {
        let mut con = self.connection.clone();
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.key(key)).arg(value).arg("PX").arg(millis(ttl));
        self.run(cmd.query_async::<()>(&mut con)).await
    }

    async fn put_new(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<bool, EphemeralError> {
        let mut con = self.connection.clone();
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.key(key))
            .arg(value)
            .arg("NX")
            .arg("PX")
            .arg(millis(ttl));
        // `OK` when stored, nil when the key already held a value.
        let reply: Option<String> = self.run(cmd.query_async(&mut con)).await?;
        Ok(reply.is_some())
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        let mut con = self.connection.clone();
        let mut cmd = redis::cmd("GET");
        cmd.arg(self.key(key));
        self.run(cmd.query_async(&mut con)).await
    }

    async fn take(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        let mut con = self.connection.clone();
        let mut cmd = redis::cmd("GETDEL");
        cmd.arg(self.key(key));
        self.run(cmd.query_async(&mut con)).await
    }

    async fn increment(&self, key: &str, ttl: Duration) -> Result<u64, EphemeralError> {
        let mut con = self.connection.clone();
        let mut invocation = self.increment.key(self.key(key));
        invocation.arg(millis(ttl));
        let count: i64 = self.run(invocation.invoke_async(&mut con)).await?;
        u64::try_from(count)
            .map_err(|_| EphemeralError::Backend(format!("counter went below zero: {count}")))
    }

    async fn delete(&self, key: &str) -> Result<bool, EphemeralError> {
        let mut con = self.connection.clone();
        let mut cmd = redis::cmd("DEL");
        cmd.arg(self.key(key));
        let removed: u64 = self.run(cmd.query_async(&mut con)).await?;
        Ok(removed > 0)
    }

    async fn time_to_live(&self, key: &str) -> Result<Option<Duration>, EphemeralError> {
        let mut con = self.connection.clone();
        let mut cmd = redis::cmd("PTTL");
        cmd.arg(self.key(key));
        let ttl: i64 = self.run(cmd.query_async(&mut con)).await?;
        // -2: no such key. -1: no deadline, which this store never writes.
        Ok(u64::try_from(ttl).ok().map(Duration::from_millis))
    }

    async fn ping(&self) -> Result<(), EphemeralError> {
        let mut con = self.connection.clone();
        let cmd = redis::cmd("PING");
        self.run(cmd.query_async::<String>(&mut con))
            .await
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_hides_the_password_and_keeps_the_rest() {
        assert_eq!(redact("redis://:secret@host"), "redis://:***@host");
        assert_eq!(
            redact("redis://user:secret@host:6380/2"),
            "redis://user:***@host:6380/2"
        );
        assert_eq!(redact("rediss://host:6380"), "rediss://host:6380");
        let unix = redact("redis+unix:///run/redis.sock?db=1&pass=secret");
        assert!(!unix.contains("secret") && unix.contains("db=1"), "{unix}");
    }

    #[test]
    fn an_unparseable_url_is_not_echoed() {
        assert_eq!(redact("::secret::"), "(unparseable URL)");
    }

    #[test]
    fn ttls_round_to_at_least_one_millisecond() {
        assert_eq!(millis(Duration::ZERO), 1);
        assert_eq!(millis(Duration::from_micros(1500)), 1);
        assert_eq!(millis(Duration::from_secs(2)), 2000);
    }
}
