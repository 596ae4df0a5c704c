//! The Redis ephemeral store, shared by any number of provider instances.
//!
//! `CLAVE_REDIS_URL` names one server, a Redis Cluster or a Sentinel-managed master
//! ([`RedisTopology`] has the syntax); [`connection`] holds what each needs. With
//! one server it is a single [`redis::aio::ConnectionManager`]: one multiplexed
//! connection that every request pipelines over, replaced in the background when it
//! breaks. Cloning the store clones a handle to the same connection.
//!
//! **Availability.** The provider must start while Redis is down and recover by itself
//! when it returns, so connections are made lazily ([`RedisStore::connect`] only warns
//! when the first attempt fails) and each connection attempt is short: it times out
//! after the store's timeout and is retried only twice, quickly. While Redis is down,
//! calls fail within the timeout ([`EphemeralError::Timeout`] or
//! [`EphemeralError::Backend`]) and the next call tries to connect again, so the first
//! call after Redis is back reconnects. Every call is additionally bounded by
//! `tokio::time::timeout`, so no request waits longer than the timeout.
//! A wrong password is not an outage but a configuration error: it fails every call
//! until the setting is fixed.
//!
//! **Atomicity**, one command each: `put` is `SET PX`, `put_new` is `SET NX PX`, `take`
//! is `GETDEL` (Redis ≥ 6.2), and `increment` is a Lua script (INCR, then PEXPIRE on
//! the first count) sent as EVALSHA, falling back to EVAL-and-cache after a Redis
//! restart.
//!
//! **Cluster slots.** Keys are `"{prefix}{key}"`: deployments and test runs sharing
//! one Redis stay apart. Every command and the script touch exactly one key, so no
//! command can span two hash slots and the prefix is deliberately *not* wrapped in a
//! `{hash tag}`: that would put every key of the deployment in one slot, on one
//! master. A future operation touching several keys must give them one hash tag in
//! their relative key (e.g. `{flow-id}:a`, `{flow-id}:b`), and the prefix must then
//! hold no `{` (Redis hashes the first `{…}` of the whole key).

#[path = "redis_connection.rs"]
mod connection;
#[path = "redis_topology.rs"]
mod topology;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use redis::{FromRedisValue, Script};

use self::connection::{Request, Source};
pub use self::topology::{RedisTopology, SentinelTarget, redact};
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

/// DECR only a counter that exists and is above zero (DECR alone would create
/// one, at -1 and without a deadline).
const DECREMENT_SCRIPT: &str = r"
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then
  redis.call('DECR', KEYS[1])
end
return 0
";

/// An [`EphemeralStore`] on Redis. Cheap to clone.
#[derive(Clone)]
pub struct RedisStore {
    source: Arc<Source>,
    prefix: String,
    timeout: Duration,
    increment: Arc<Script>,
    decrement: Arc<Script>,
    /// The URL with any password replaced, for `Debug` and logs.
    redacted_url: String,
}

impl RedisStore {
    /// A store on the Redis that `url` names (see [`RedisTopology`]: one server,
    /// `redis+cluster://…` or `redis+sentinel://…`) whose keys all start with
    /// `prefix`, where every call answers within `timeout`.
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
        let topology = RedisTopology::parse(url).map_err(|reason| {
            EphemeralError::Backend(format!("invalid Redis URL {redacted_url}: {reason}"))
        })?;
        let source = Source::new(&topology, timeout).map_err(|e| {
            EphemeralError::Backend(format!("cannot set up Redis at {redacted_url}: {e}"))
        })?;
        let store = Self {
            source: Arc::new(source),
            prefix: prefix.to_owned(),
            timeout,
            increment: Arc::new(Script::new(INCREMENT_SCRIPT)),
            decrement: Arc::new(Script::new(DECREMENT_SCRIPT)),
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

    /// Sends one command or script under the store's timeout.
    async fn run<T: FromRedisValue>(&self, request: Request<'_>) -> Result<T, EphemeralError> {
        match tokio::time::timeout(self.timeout, self.source.send(&request)).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(EphemeralError::Backend(error.to_string())),
            Err(_elapsed) => {
                self.source.timed_out();
                Err(EphemeralError::Timeout(self.timeout))
            }
        }
    }

    async fn cmd<T: FromRedisValue>(
        &self,
        name: &str,
        build: impl FnOnce(&mut redis::Cmd),
    ) -> Result<T, EphemeralError> {
        let mut cmd = redis::cmd(name);
        build(&mut cmd);
        self.run(Request::Cmd(cmd)).await
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

/// Milliseconds for `PX`/`PEXPIRE`, which refuse zero.
fn millis(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

#[async_trait]
impl EphemeralStore for RedisStore {
    async fn put(&self, key: &str, value: &[u8], ttl: Duration) -> Result<(), EphemeralError> {
        self.cmd::<()>("SET", |cmd| {
            cmd.arg(self.key(key)).arg(value).arg("PX").arg(millis(ttl));
        })
        .await
    }

    async fn put_new(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<bool, EphemeralError> {
        // `OK` when stored, nil when the key already held a value.
        let reply: Option<String> = self
            .cmd("SET", |cmd| {
                cmd.arg(self.key(key))
                    .arg(value)
                    .arg("NX")
                    .arg("PX")
                    .arg(millis(ttl));
            })
            .await?;
        Ok(reply.is_some())
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        self.cmd("GET", |cmd| {
            cmd.arg(self.key(key));
        })
        .await
    }

    async fn take(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        self.cmd("GETDEL", |cmd| {
            cmd.arg(self.key(key));
        })
        .await
    }

    async fn replace(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<Option<Vec<u8>>, EphemeralError> {
        // XX: only a key that exists is written; GET: its old value comes back.
        self.cmd("SET", |cmd| {
            cmd.arg(self.key(key))
                .arg(value)
                .arg("XX")
                .arg("GET")
                .arg("PX")
                .arg(millis(ttl));
        })
        .await
    }

    async fn increment(&self, key: &str, ttl: Duration) -> Result<u64, EphemeralError> {
        let mut invocation = self.increment.key(self.key(key));
        invocation.arg(millis(ttl));
        let count: i64 = self.run(Request::Script(invocation)).await?;
        u64::try_from(count)
            .map_err(|_| EphemeralError::Backend(format!("counter went below zero: {count}")))
    }

    async fn decrement(&self, key: &str) -> Result<(), EphemeralError> {
        let invocation = self.decrement.key(self.key(key));
        let _: i64 = self.run(Request::Script(invocation)).await?;
        Ok(())
    }

    async fn delete(&self, key: &str) -> Result<bool, EphemeralError> {
        let removed: u64 = self
            .cmd("DEL", |cmd| {
                cmd.arg(self.key(key));
            })
            .await?;
        Ok(removed > 0)
    }

    async fn time_to_live(&self, key: &str) -> Result<Option<Duration>, EphemeralError> {
        let ttl: i64 = self
            .cmd("PTTL", |cmd| {
                cmd.arg(self.key(key));
            })
            .await?;
        // -2: no such key. -1: no deadline, which this store never writes.
        Ok(u64::try_from(ttl).ok().map(Duration::from_millis))
    }

    async fn ping(&self) -> Result<(), EphemeralError> {
        self.cmd::<String>("PING", |_| {}).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttls_round_to_at_least_one_millisecond() {
        assert_eq!(millis(Duration::ZERO), 1);
        assert_eq!(millis(Duration::from_micros(1500)), 1);
        assert_eq!(millis(Duration::from_secs(2)), 2000);
    }
}
