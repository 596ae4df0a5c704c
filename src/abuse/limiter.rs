//! Counting attempts per key: in-process with governor's GCRA limiters, or in
//! Redis (shared by every instance) with fixed-window counters.
//!
//! Each check answers for two quotas at once: a soft one (past it, the form asks
//! the security question) and a hard one (past it, 429). Both implementations
//! decide atomically, so N concurrent attempts can never let more than the quota
//! through.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::store::ephemeral::keys::Space;
use crate::store::ephemeral::{EphemeralError, EphemeralStore};

/// How many attempts a key may make in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Past this many, the security question is asked.
    pub soft: u32,
    /// Past this many, requests are refused with 429.
    pub hard: u32,
    /// The window.
    pub window: Duration,
}

/// Where one attempt leaves its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Within the soft quota.
    Open,
    /// Past the soft quota: the question must be answered.
    Question,
    /// Past the hard quota: refused; retry after this long.
    Refused(Duration),
}

/// Counts attempts.
#[async_trait]
pub trait Limiter: Send + Sync + std::fmt::Debug {
    /// Counts one attempt for `key` under `limits`.
    async fn hit(&self, key: &str, limits: Limits) -> Result<Level, EphemeralError>;
}

/// In-process limiters (one instance): GCRA from governor, two per limits.
#[derive(Debug, Default)]
pub struct LocalLimiter {
    limiters: std::sync::Mutex<std::collections::HashMap<(u32, u32, u64), Arc<Pair>>>,
}

#[derive(Debug)]
struct Pair {
    soft: DefaultKeyedRateLimiter<String>,
    hard: DefaultKeyedRateLimiter<String>,
}

fn quota(count: u32, window: Duration) -> Quota {
    let burst = NonZeroU32::new(count.max(1)).unwrap_or(NonZeroU32::MIN);
    // `count` attempts at once, refilled evenly over the window.
    Quota::with_period(window / burst.get())
        .map_or_else(|| Quota::per_second(burst), |q| q.allow_burst(burst))
}

impl LocalLimiter {
    fn pair(&self, limits: Limits) -> Arc<Pair> {
        let id = (limits.soft, limits.hard, limits.window.as_millis() as u64);
        let mut map = match self.limiters.lock() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        };
        Arc::clone(map.entry(id).or_insert_with(|| {
            Arc::new(Pair {
                soft: RateLimiter::keyed(quota(limits.soft, limits.window)),
                hard: RateLimiter::keyed(quota(limits.hard, limits.window)),
            })
        }))
    }
}

#[async_trait]
impl Limiter for LocalLimiter {
    async fn hit(&self, key: &str, limits: Limits) -> Result<Level, EphemeralError> {
        let pair = self.pair(limits);
        let key = key.to_owned();
        if let Err(not_until) = pair.hard.check_key(&key) {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(
                &governor::clock::DefaultClock::default(),
            ));
            return Ok(Level::Refused(wait.max(Duration::from_secs(1))));
        }
        let level = if pair.soft.check_key(&key).is_err() {
            Level::Question
        } else {
            Level::Open
        };
        // Forget keys that have been quiet for a whole window, so memory stays bounded.
        if pair.hard.len() > 10_000 {
            pair.hard.retain_recent();
            pair.soft.retain_recent();
        }
        Ok(level)
    }
}

/// Counters in the ephemeral store (Redis when configured): every instance sees
/// the same counts.
#[derive(Debug)]
pub struct SharedLimiter {
    store: Arc<dyn EphemeralStore>,
}

impl SharedLimiter {
    /// Counters kept in `store`.
    pub fn new(store: Arc<dyn EphemeralStore>) -> Self {
        Self { store }
    }
}

#[async_trait]
impl Limiter for SharedLimiter {
    async fn hit(&self, key: &str, limits: Limits) -> Result<Level, EphemeralError> {
        let key = Space::RateCounter.key(key);
        let count = self.store.increment(&key, limits.window).await?;
        Ok(if count > u64::from(limits.hard) {
            let left = self
                .store
                .time_to_live(&key)
                .await?
                .unwrap_or(limits.window);
            Level::Refused(left.max(Duration::from_secs(1)))
        } else if count > u64::from(limits.soft) {
            Level::Question
        } else {
            Level::Open
        })
    }
}

impl SharedLimiter {
    /// Gives back one attempt counted under `key` (it was not a failure); the
    /// window keeps its deadline.
    pub async fn refund(&self, key: &str) -> Result<(), EphemeralError> {
        self.store.decrement(&Space::RateCounter.key(key)).await
    }

    /// Where `key` stands under `limits` before one more attempt, counting
    /// nothing: past `soft` earlier failures the question, past `hard` refused.
    pub async fn peek(&self, key: &str, limits: Limits) -> Result<Level, EphemeralError> {
        let key = Space::RateCounter.key(key);
        let count = match self.store.get(&key).await? {
            Some(value) => std::str::from_utf8(&value)
                .ok()
                .and_then(|text| text.parse::<u64>().ok())
                .unwrap_or(0),
            None => 0,
        };
        Ok(if count >= u64::from(limits.hard) {
            let left = self
                .store
                .time_to_live(&key)
                .await?
                .unwrap_or(limits.window);
            Level::Refused(left.max(Duration::from_secs(1)))
        } else if count >= u64::from(limits.soft) {
            Level::Question
        } else {
            Level::Open
        })
    }

    /// Counts one failure under `key` in a window of `window`.
    pub async fn record(&self, key: &str, window: Duration) -> Result<(), EphemeralError> {
        self.store
            .increment(&Space::RateCounter.key(key), window)
            .await
            .map(drop)
    }

    /// `Some(wait)` when `key` has already reached the hard quota of `limits`;
    /// counts nothing (for checks whose successes must cost no write).
    pub async fn refused(
        &self,
        key: &str,
        limits: Limits,
    ) -> Result<Option<Duration>, EphemeralError> {
        let hard_only = Limits {
            soft: u32::MAX,
            ..limits
        };
        Ok(match self.peek(key, hard_only).await? {
            Level::Refused(wait) => Some(wait),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ephemeral::memory::MemoryStore;

    const LIMITS: Limits = Limits {
        soft: 3,
        hard: 5,
        window: Duration::from_secs(600),
    };

    async fn levels(limiter: &dyn Limiter, n: usize) -> Vec<Level> {
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(limiter.hit("k", LIMITS).await.unwrap());
        }
        out
    }

    #[tokio::test]
    async fn both_limiters_open_then_question_then_refuse() {
        let shared = SharedLimiter::new(Arc::new(MemoryStore::new()));
        let local = LocalLimiter::default();
        for limiter in [&shared as &dyn Limiter, &local] {
            let seen = levels(limiter, 7).await;
            assert_eq!(&seen[..3], &[Level::Open; 3], "{limiter:?}");
            assert_eq!(&seen[3..5], &[Level::Question; 2], "{limiter:?}");
            assert!(matches!(seen[5], Level::Refused(_)) && matches!(seen[6], Level::Refused(_)));
        }
    }

    #[tokio::test]
    async fn keys_are_counted_apart() {
        let local = LocalLimiter::default();
        for _ in 0..5 {
            local.hit("a", LIMITS).await.unwrap();
        }
        assert_eq!(local.hit("b", LIMITS).await.unwrap(), Level::Open);
    }

    #[tokio::test]
    async fn concurrent_attempts_never_pass_the_hard_quota() {
        let local = Arc::new(LocalLimiter::default());
        let tasks: Vec<_> = (0..100)
            .map(|_| {
                let local = Arc::clone(&local);
                tokio::spawn(async move { local.hit("k", LIMITS).await.unwrap() })
            })
            .collect();
        let mut passed = 0;
        for task in tasks {
            if !matches!(task.await.unwrap(), Level::Refused(_)) {
                passed += 1;
            }
        }
        assert_eq!(passed, 5);
    }
}
