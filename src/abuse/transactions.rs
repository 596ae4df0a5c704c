//! A quota on new login transactions per client address (`docs/architecture.md`,
//! "Bounds").
//!
//! `GET /authorize` needs no credential, and every request that must show the
//! login leaves a transaction in the ephemeral store. Past
//! `CLAVE_RATE_AUTHORIZE_IP` new transactions from one address (IPv6: one /64)
//! in [`WINDOW`], the endpoint answers 429 with the true `Retry-After` and
//! stores nothing. The window is the life of a transaction nobody has taken
//! past the method screen, so one address keeps at most about twice the quota
//! alive (a full window's worth and the refill of the next). Requests a live
//! single sign-on session answers, and errors sent back to the portal, store
//! nothing and are not counted.

use std::net::IpAddr;
use std::time::Duration;

use super::limiter::{Level, Limits};
use super::{Guard, address_key};
use crate::store::ephemeral::keys::LOGIN_TX_METHOD_SECS;
use crate::web::PageError;

/// The window of the quota: the life of an untouched login transaction.
pub const WINDOW: Duration = Duration::from_secs(LOGIN_TX_METHOD_SECS as u64);

/// The quota's limits for `per_window` transactions.
pub(super) fn limits(per_window: u32) -> Limits {
    Limits {
        // No question on this page: the quota only refuses.
        soft: per_window,
        hard: per_window,
        window: WINDOW,
    }
}

impl Guard {
    /// Counts one new login transaction from `ip`: `Err` with 429 and the true
    /// wait once the address is past its quota.
    pub async fn new_login_transaction(&self, ip: IpAddr) -> Result<(), PageError> {
        let key = format!("tx:ip:{}", address_key(ip));
        match self.limiter.hit(&key, self.transactions).await? {
            Level::Refused(wait) => {
                metrics::counter!("clave_rate_limit_trips_total", "scope" => "authorize", "kind" => "refused")
                    .increment(1);
                Err(PageError::TooManyRequests {
                    retry_after_secs: wait.as_secs().max(1),
                })
            }
            Level::Open | Level::Question => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::settings::Settings;
    use crate::store::ephemeral::memory::MemoryStore;

    fn guard(per_window: u32, redis: bool) -> Guard {
        let settings = Settings {
            rate_authorize_ip: per_window,
            // The shared (Redis) limiter is chosen by the URL; the store stays
            // in-process here.
            redis_url: redis.then(|| "redis://127.0.0.1:1".to_owned()),
            ..Settings::default()
        };
        Guard::new(&settings, Arc::new(MemoryStore::new()), b"s").unwrap()
    }

    #[tokio::test]
    async fn an_address_past_its_quota_is_refused_with_the_true_wait_and_others_are_served() {
        for redis in [false, true] {
            let guard = guard(3, redis);
            let ip: IpAddr = "192.0.2.1".parse().unwrap();
            for _ in 0..3 {
                guard.new_login_transaction(ip).await.unwrap();
            }
            match guard.new_login_transaction(ip).await {
                Err(PageError::TooManyRequests { retry_after_secs }) => {
                    assert!(
                        (1..=WINDOW.as_secs()).contains(&retry_after_secs),
                        "{retry_after_secs}"
                    );
                }
                other => panic!("{other:?}"),
            }
            let other: IpAddr = "192.0.2.2".parse().unwrap();
            guard.new_login_transaction(other).await.unwrap();
            let same_64: IpAddr = "2001:db8::1".parse().unwrap();
            let next: IpAddr = "2001:db8::2".parse().unwrap();
            for _ in 0..3 {
                guard.new_login_transaction(same_64).await.unwrap();
            }
            assert!(guard.new_login_transaction(next).await.is_err(), "one /64");
        }
    }
}
