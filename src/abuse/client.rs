//! Failed client authentication at the token, introspection and revocation
//! endpoints (`docs/architecture.md`, "Attempt limits").
//!
//! A portal's successful requests are never counted, so a portal refreshing
//! thousands of tokens a second is always served. Failed authentications are
//! counted per client and client address: an attacker guessing a secret from one
//! address is refused with 429 and the true `Retry-After` (RFC 6585 §4) before the
//! secret is even compared, while the portal, from its own address, goes on. Ids
//! of no registered client share one count per address, so made-up ids cannot
//! grow the store.
//!
//! The refusal is decided by reading the count before the check and the count is
//! raised only after a failure, so a success costs one read and no write. N
//! concurrent guesses can pass together past the quota by at most N − 1: a
//! registered secret has 256 bits, the quota exists to stop noise, not to make
//! guessing feasible.

use std::net::IpAddr;
use std::time::Duration;

use super::limiter::Limiter;
use super::{Guard, address_key};
use crate::crypto::hash_token;
use crate::store::ephemeral::EphemeralError;

/// Whose failures a count holds.
#[derive(Debug, Clone, Copy)]
pub enum ClientKey<'a> {
    /// A registered client, by its id.
    Registered(&'a str),
    /// An id no client has: one count per address for all of them.
    Unknown,
}

impl Guard {
    fn client_key(client: ClientKey<'_>, ip: IpAddr) -> String {
        let who = match client {
            // Hashed: an id is bounded by the body size only, keys stay short.
            ClientKey::Registered(id) => hash_token(id)[..32].to_owned(),
            ClientKey::Unknown => "?".to_owned(),
        };
        format!("client-auth:{who}:{}", address_key(ip))
    }

    /// `Some(wait)` while `client` from `ip` has failed authentication too often
    /// in the window: the request is refused before its credentials are checked.
    pub async fn client_auth_refused(
        &self,
        client: ClientKey<'_>,
        ip: IpAddr,
    ) -> Result<Option<Duration>, EphemeralError> {
        let key = Self::client_key(client, ip);
        let wait = self.failures.refused(&key, self.client_failures).await?;
        if wait.is_some() {
            metrics::counter!("clave_rate_limit_trips_total", "scope" => "client", "kind" => "refused")
                .increment(1);
        }
        Ok(wait)
    }

    /// Counts one failed authentication of `client` from `ip`.
    pub async fn client_auth_failed(
        &self,
        client: ClientKey<'_>,
        ip: IpAddr,
    ) -> Result<(), EphemeralError> {
        let key = Self::client_key(client, ip);
        self.failures
            .hit(&key, self.client_failures)
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;
    use crate::store::ephemeral::memory::MemoryStore;
    use std::sync::Arc;

    fn guard(failures: u32) -> Guard {
        let settings = Settings {
            rate_client_failures: failures,
            ..Settings::default()
        };
        Guard::new(&settings, Arc::new(MemoryStore::new()), b"salt").unwrap()
    }

    const ATTACKER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 7));
    const PORTAL: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 2));

    #[tokio::test]
    async fn failures_past_the_quota_refuse_that_address_only() {
        let guard = guard(3);
        let sede = ClientKey::Registered("sede");
        for _ in 0..3 {
            assert_eq!(
                guard.client_auth_refused(sede, ATTACKER).await.unwrap(),
                None
            );
            guard.client_auth_failed(sede, ATTACKER).await.unwrap();
        }
        let wait = guard.client_auth_refused(sede, ATTACKER).await.unwrap();
        let wait = wait.expect("the fourth attempt is refused");
        assert!(
            wait > Duration::from_secs(800),
            "the true wait of a 900 s window: {wait:?}"
        );
        assert_eq!(guard.client_auth_refused(sede, PORTAL).await.unwrap(), None);
        assert_eq!(
            guard
                .client_auth_refused(ClientKey::Registered("other"), ATTACKER)
                .await
                .unwrap(),
            None,
            "another client's count is its own"
        );
    }

    #[tokio::test]
    async fn unknown_ids_share_one_count_per_address() {
        let guard = guard(2);
        guard
            .client_auth_failed(ClientKey::Unknown, ATTACKER)
            .await
            .unwrap();
        guard
            .client_auth_failed(ClientKey::Unknown, ATTACKER)
            .await
            .unwrap();
        assert!(
            guard
                .client_auth_refused(ClientKey::Unknown, ATTACKER)
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(
            guard
                .client_auth_refused(ClientKey::Registered("sede"), ATTACKER)
                .await
                .unwrap(),
            None
        );
    }

    #[tokio::test]
    async fn checks_without_failures_never_refuse() {
        let guard = guard(1);
        for _ in 0..1000 {
            assert_eq!(
                guard
                    .client_auth_refused(ClientKey::Registered("sede"), PORTAL)
                    .await
                    .unwrap(),
                None
            );
        }
    }
}
