//! Abuse resistance: attempt limits per client IP, per account (DNI/NIE) and per
//! client_id, and the security question in between (issue "abuse resistance").
//!
//! Every credential-bearing form asks [`Guard::gate`] first. Within the soft
//! quotas the form is simply handled; past a soft quota of the IP or of the
//! account, the form must also carry the right answer to a security question
//! ([`question`]) — and a form without it is refused *before* any password or
//! code is checked, so a bot that cannot answer can never make an account's
//! 5-failure block happen; past a hard quota, 429 with `Retry-After`.
//!
//! Counters live in Redis when it is configured (every instance sees the same
//! counts), else in-process ([`limiter`]).

pub mod limiter;
pub mod question;
pub mod screen;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;

use self::limiter::{Level, Limiter, Limits, LocalLimiter, SharedLimiter};
use crate::crypto::hmac_sha256_hex;
use crate::settings::Settings;
use crate::store::ephemeral::{EphemeralError, EphemeralStore};

/// What a form may do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Go ahead.
    Open,
    /// Only with the right answer to a security question.
    Question,
    /// Refused: retry after this long.
    Refused(Duration),
}

/// Which kind of attempt is counted (each has its own counters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// DNI/NIE + password at login.
    Login,
    /// The first page of a self-service flow.
    SelfService,
    /// Typing an SMS code.
    Code,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::Login => "login",
            Scope::SelfService => "self",
            Scope::Code => "code",
        }
    }
}

/// The limits and the counters behind them.
#[derive(Debug, Clone)]
pub struct Guard {
    limiter: Arc<dyn Limiter>,
    ip: Limits,
    account: Limits,
    client: Limits,
    account_salt: Vec<u8>,
    trusted_proxies: TrustedProxies,
}

impl Guard {
    /// The guard the settings describe; counters shared through `store` when
    /// Redis is configured.
    pub fn new(
        settings: &Settings,
        store: Arc<dyn EphemeralStore>,
        account_salt: &[u8],
    ) -> anyhow::Result<Self> {
        let limiter: Arc<dyn Limiter> = if settings.redis_url.is_some() {
            Arc::new(SharedLimiter::new(store))
        } else {
            Arc::new(LocalLimiter::default())
        };
        let window = Duration::from_secs(settings.rate_window_secs.max(1));
        let trusted = parse_proxies(&settings.trusted_proxies)?;
        Ok(Self {
            limiter,
            ip: Limits {
                soft: settings.rate_ip_soft,
                hard: settings.rate_ip_hard,
                window,
            },
            account: Limits {
                soft: settings.rate_account_soft,
                hard: settings.rate_account_hard,
                window,
            },
            client: Limits {
                soft: settings.rate_client_per_minute,
                hard: settings.rate_client_per_minute,
                window: Duration::from_secs(60),
            },
            account_salt: account_salt.to_vec(),
            trusted_proxies: TrustedProxies(trusted.into()),
        })
    }

    /// Counts one attempt of `scope` from `ip` for `account` and says what it may do.
    pub async fn gate(
        &self,
        scope: Scope,
        ip: IpAddr,
        account: Option<&str>,
    ) -> Result<Gate, EphemeralError> {
        let mut level = self
            .limiter
            .hit(&format!("{}:ip:{ip}", scope.as_str()), self.ip)
            .await?;
        if let Some(account) = account {
            // Keys never carry a DNI/NIE in clear.
            let tag = hmac_sha256_hex(&self.account_salt, account.as_bytes());
            let by_account = self
                .limiter
                .hit(
                    &format!("{}:acct:{}", scope.as_str(), &tag[..32]),
                    self.account,
                )
                .await?;
            level = worst(level, by_account);
        }
        Ok(match level {
            Level::Open => Gate::Open,
            Level::Question => {
                metrics::counter!("clave_rate_limit_trips_total", "scope" => scope.as_str(), "kind" => "question")
                    .increment(1);
                Gate::Question
            }
            Level::Refused(wait) => {
                metrics::counter!("clave_rate_limit_trips_total", "scope" => scope.as_str(), "kind" => "refused")
                    .increment(1);
                Gate::Refused(wait)
            }
        })
    }

    /// Counts one SMS-code entry or resend from `ip`; `Some(wait)` when over the hard
    /// quota. No question here: each code dies after 3 wrong tries anyway, and
    /// this bounds guessing across many flows.
    pub async fn codes(&self, ip: IpAddr) -> Result<Option<Duration>, EphemeralError> {
        Ok(match self.gate(Scope::Code, ip, None).await? {
            Gate::Refused(wait) => Some(wait),
            _ => None,
        })
    }

    /// [`Self::codes`] as a page answer: 429 with the true wait once `ip` has
    /// entered or asked for too many SMS codes. Every step that takes a code calls
    /// it (login, renewal, self-service), before the code is looked at.
    pub async fn code_quota(&self, ip: IpAddr) -> Result<(), crate::web::PageError> {
        match self.codes(ip).await? {
            Some(wait) => Err(crate::web::PageError::TooManyRequests {
                retry_after_secs: wait.as_secs().max(1),
            }),
            None => Ok(()),
        }
    }

    /// Counts one token-endpoint request of `client_id`; `Some(wait)` when over quota.
    pub async fn client(&self, client_id: &str) -> Result<Option<Duration>, EphemeralError> {
        Ok(
            match self
                .limiter
                .hit(&format!("client:{client_id}"), self.client)
                .await?
            {
                Level::Refused(wait) => Some(wait),
                _ => None,
            },
        )
    }

    /// The client's IP: the socket peer, or the last address a trusted proxy
    /// appended to `X-Forwarded-For`.
    pub fn client_ip(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        self.trusted_proxies.client_ip(peer, forwarded_for)
    }

    /// The reverse proxies whose `X-Forwarded-For` is believed.
    pub fn trusted_proxies(&self) -> TrustedProxies {
        self.trusted_proxies.clone()
    }
}

/// The reverse proxies whose `X-Forwarded-For` is believed (`CLAVE_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<[IpAddr]>);

impl TrustedProxies {
    /// The client's IP: the socket peer, or the last address a trusted proxy
    /// appended to `X-Forwarded-For`.
    pub fn client_ip(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.0.contains(&peer) {
            return peer;
        }
        let Some(header) = forwarded_for else {
            return peer;
        };
        // Walk from the right: skip our own proxies, take the first other address.
        for hop in header.rsplit(',') {
            match hop.trim().parse::<IpAddr>() {
                Ok(ip) if self.0.contains(&ip) => continue,
                Ok(ip) => return ip,
                Err(_) => return peer,
            }
        }
        peer
    }
}

fn worst(a: Level, b: Level) -> Level {
    match (a, b) {
        (Level::Refused(x), Level::Refused(y)) => Level::Refused(x.max(y)),
        (Level::Refused(x), _) | (_, Level::Refused(x)) => Level::Refused(x),
        (Level::Question, _) | (_, Level::Question) => Level::Question,
        _ => Level::Open,
    }
}

fn parse_proxies(list: &str) -> anyhow::Result<Vec<IpAddr>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpAddr>().map_err(|_| {
                anyhow::anyhow!("invalid setting CLAVE_TRUSTED_PROXIES: {s:?} is not an IP address (comma-separated list)")
            })
        })
        .collect()
}

/// The client IP of a request (see [`Guard::client_ip`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl<S> FromRequestParts<S> for ClientIp
where
    S: Send + Sync,
    TrustedProxies: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let proxies = TrustedProxies::from_ref(state);
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([127, 0, 0, 1]), |c| c.0.ip());
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(ClientIp(proxies.client_ip(peer, forwarded)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(proxies: &str) -> Guard {
        let settings = Settings {
            trusted_proxies: proxies.to_owned(),
            ..Settings::default()
        };
        Guard::new(
            &settings,
            Arc::new(crate::store::ephemeral::memory::MemoryStore::new()),
            b"salt",
        )
        .unwrap()
    }

    #[tokio::test]
    async fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let untrusted = guard("");
        let peer: IpAddr = "10.0.0.5".parse().unwrap();
        assert_eq!(untrusted.client_ip(peer, Some("203.0.113.9")), peer);
        let trusted = guard("10.0.0.5, 10.0.0.6");
        assert_eq!(
            trusted.client_ip(peer, Some("198.51.100.1, 203.0.113.9, 10.0.0.6")),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        assert_eq!(trusted.client_ip(peer, Some("garbage")), peer);
    }

    #[test]
    fn a_bad_proxy_list_names_the_setting() {
        let settings = Settings {
            trusted_proxies: "10.0.0.1, proxy.local".to_owned(),
            ..Settings::default()
        };
        let error = Guard::new(
            &settings,
            Arc::new(crate::store::ephemeral::memory::MemoryStore::new()),
            b"s",
        )
        .unwrap_err();
        assert!(error.to_string().contains("CLAVE_TRUSTED_PROXIES"));
    }

    #[tokio::test]
    async fn the_account_quota_asks_the_question_before_the_ip_quota() {
        let settings = Settings {
            rate_account_soft: 2,
            ..Settings::default()
        };
        let guard = Guard::new(
            &settings,
            Arc::new(crate::store::ephemeral::memory::MemoryStore::new()),
            b"s",
        )
        .unwrap();
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(
            guard
                .gate(Scope::Login, ip, Some("12345678Z"))
                .await
                .unwrap(),
            Gate::Open
        );
        assert_eq!(
            guard
                .gate(Scope::Login, ip, Some("12345678Z"))
                .await
                .unwrap(),
            Gate::Open
        );
        assert_eq!(
            guard
                .gate(Scope::Login, ip, Some("12345678Z"))
                .await
                .unwrap(),
            Gate::Question
        );
        assert_eq!(
            guard
                .gate(Scope::Login, ip, Some("00000000T"))
                .await
                .unwrap(),
            Gate::Open
        );
    }
}
