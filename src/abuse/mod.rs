//! Abuse resistance: attempt limits per client address and per account (DNI/NIE),
//! and the security question in between (`docs/architecture.md`, "Attempt
//! limits").
//!
//! Every credential-bearing form passes [`Guard::screen`] first. Only failures
//! count: toward an address's hard quota the attempt is counted before anything
//! is checked (so concurrent attempts can never pass it together) and given back
//! ([`Guard::not_a_failure`]) when it turns out not to be one — a right password,
//! or a form with nothing to check; toward the soft quotas only a failure counts
//! ([`Guard::a_failure`]), so attempts in flight never challenge anyone. Within the soft quotas the form is simply
//! handled; past a soft quota of the address or of the account, the form must
//! also carry the right answer to a security question ([`question`]) — and a form
//! without it is refused *before* any password or code is checked, so a bot that
//! cannot answer can never make an account's 5-failure block happen. Past the
//! hard quota of an *address*, 429 with the true `Retry-After`; an account has no
//! hard quota, so nobody can aim a refusal at a citizen by typing their DNI/NIE.
//! IPv6 addresses are counted per /64 (one subscriber's prefix).
//!
//! The failure counters live in the ephemeral store (Redis when configured, so
//! every instance sees the same counts); per-request quotas (SMS codes) use
//! [`limiter`].

pub mod alternative;
pub mod client;
pub mod limiter;
pub mod pow;
pub mod question;
pub mod screen;
pub mod transactions;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;

use self::limiter::{Level, Limiter, Limits, LocalLimiter, SharedLimiter};
use crate::clock::SharedClock;
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
    failures: Arc<SharedLimiter>,
    ip: Limits,
    account: Limits,
    client_failures: Limits,
    transactions: Limits,
    account_salt: Vec<u8>,
    trusted_proxies: TrustedProxies,
    pow: pow::Pow,
    clock: SharedClock,
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
            Arc::new(SharedLimiter::new(store.clone()))
        } else {
            Arc::new(LocalLimiter::default())
        };
        let failures = Arc::new(SharedLimiter::new(store));
        let window = Duration::from_secs(settings.rate_window_secs.max(1));
        let trusted = parse_proxies(&settings.trusted_proxies)?;
        Ok(Self {
            limiter,
            failures,
            ip: Limits {
                soft: settings.rate_ip_soft,
                hard: settings.rate_ip_hard,
                window,
            },
            account: Limits {
                soft: settings.rate_account_soft,
                // No hard quota for an account: pressure on it asks the question.
                hard: u32::MAX,
                window,
            },
            client_failures: Limits {
                soft: settings.rate_client_failures,
                hard: settings.rate_client_failures,
                window,
            },
            transactions: transactions::limits(settings.rate_authorize_ip),
            account_salt: account_salt.to_vec(),
            trusted_proxies: TrustedProxies(trusted.into()),
            pow: pow::Pow::new(account_salt),
            clock: Arc::new(crate::clock::SystemClock),
        })
    }

    /// The same guard on `clock` (the provider's, so challenges expire on its time).
    pub fn with_clock(mut self, clock: SharedClock) -> Self {
        self.clock = clock;
        self
    }

    /// The proof-of-work challenges ([`pow`]).
    pub fn pow(&self) -> &pow::Pow {
        &self.pow
    }

    /// The time now, on the provider's clock.
    pub fn now(&self) -> crate::clock::UnixTime {
        self.clock.now()
    }

    /// Counts one attempt of `scope` from `ip` for `account` and says what it may
    /// do; the count is given back with [`Self::not_a_failure`] if it was not one.
    pub async fn gate(
        &self,
        scope: Scope,
        ip: IpAddr,
        account: Option<&str>,
    ) -> Result<(Gate, Counted), EphemeralError> {
        // One count per credential, whichever page checks it (login or
        // self-service): a quota kept per page would give an attacker one more
        // window per page.
        //
        // The address's hard quota counts the attempt before anything is checked
        // (given back if it was no failure), so concurrent attempts cannot pass
        // it together. The soft quotas ask for a challenge only after earlier
        // *failures*: attempts in flight are not failures, so a burst of honest
        // logins from one address, or the certification suite's one user logging
        // in many times at once, is never challenged. Concurrent attempts can
        // pass a soft quota together by their number; the lanes' 5-failure
        // blocks and the hard quota still count every one.
        let address = address_key(ip);
        let ip_key = format!("cred:ip:{address}");
        let hard_only = Limits {
            soft: u32::MAX,
            ..self.ip
        };
        let mut level = match self.failures.hit(&ip_key, hard_only).await? {
            Level::Refused(wait) => Level::Refused(wait),
            _ => Level::Open,
        };
        let ip_failures = format!("fail:ip:{address}");
        if level == Level::Open {
            level = self.failures.peek(&ip_failures, self.ip).await?;
        }
        let mut counted = Counted {
            keys: vec![ip_key],
            failures: vec![(ip_failures, self.ip.window)],
        };
        if let Some(account) = account {
            // Keys never carry a DNI/NIE in clear.
            let tag = hmac_sha256_hex(&self.account_salt, account.as_bytes());
            let key = format!("fail:acct:{}", &tag[..32]);
            let by_account = match self.failures.peek(&key, self.account).await? {
                // Pressure on one account asks for the question, never refuses:
                // a refusal there would lock the citizen out.
                Level::Refused(_) => Level::Question,
                other => other,
            };
            counted.failures.push((key, self.account.window));
            level = worst(level, by_account);
        }
        let gate = match level {
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
        };
        Ok((gate, counted))
    }

    /// Gives back an attempt [`Self::gate`] counted: it was not a failure (the
    /// right password, or nothing was checked). A store fault only means the
    /// attempt stays counted until its window ends.
    pub async fn not_a_failure(&self, counted: Counted) {
        for key in counted.keys {
            if let Err(error) = self.failures.refund(&key).await {
                tracing::warn!(%error, "could not give back a counted attempt");
            }
        }
    }

    /// The attempt [`Self::gate`] counted was a failure: it stays counted toward
    /// the hard quota and now counts toward the soft ones.
    pub async fn a_failure(&self, counted: Counted) {
        for (key, window) in counted.failures {
            if let Err(error) = self.failures.record(&key, window).await {
                tracing::warn!(%error, "could not count a failed attempt");
            }
        }
    }

    /// Counts one SMS-code entry or resend from `ip`; `Some(wait)` when over the hard
    /// quota. No question here: each code dies after 3 wrong tries anyway, and
    /// this bounds guessing across many flows.
    pub async fn codes(&self, ip: IpAddr) -> Result<Option<Duration>, EphemeralError> {
        let key = format!("{}:ip:{}", Scope::Code.as_str(), address_key(ip));
        Ok(match self.limiter.hit(&key, self.ip).await? {
            Level::Refused(wait) => {
                metrics::counter!("clave_rate_limit_trips_total", "scope" => Scope::Code.as_str(), "kind" => "refused")
                    .increment(1);
                Some(wait)
            }
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

/// The attempts [`Guard::gate`] counted, to give back if they were no failure.
#[derive(Debug, Default)]
#[must_use = "an attempt that was not a failure must be given back"]
pub struct Counted {
    /// Counted before the check (the hard quota); given back if no failure.
    keys: Vec<String>,
    /// Counted after the check, if it failed (the soft quotas), with their windows.
    failures: Vec<(String, Duration)>,
}

/// The counter key of an address: IPv4 as it is, IPv6 by its /64 (a subscriber
/// gets a whole prefix and can change the rest at will).
fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
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

    fn limited(account_soft: u32, ip_soft: u32, ip_hard: u32) -> Guard {
        let settings = Settings {
            rate_account_soft: account_soft,
            rate_ip_soft: ip_soft,
            rate_ip_hard: ip_hard,
            ..Settings::default()
        };
        let store = Arc::new(crate::store::ephemeral::memory::MemoryStore::new());
        Guard::new(&settings, store, b"s").unwrap()
    }

    async fn attempt(guard: &Guard, ip: &str, account: &str) -> (Gate, Counted) {
        let ip: IpAddr = ip.parse().unwrap();
        guard.gate(Scope::Login, ip, Some(account)).await.unwrap()
    }

    /// One attempt that turns out to be a failure.
    async fn fail(guard: &Guard, ip: &str, account: &str) -> Gate {
        let (gate, counted) = attempt(guard, ip, account).await;
        guard.a_failure(counted).await;
        gate
    }

    #[tokio::test]
    async fn the_account_quota_asks_the_question_before_the_ip_quota() {
        let guard = limited(2, 100, 1000);
        assert_eq!(fail(&guard, "192.0.2.1", "12345678Z").await, Gate::Open);
        assert_eq!(fail(&guard, "192.0.2.1", "12345678Z").await, Gate::Open);
        assert_eq!(fail(&guard, "192.0.2.1", "12345678Z").await, Gate::Question);
        assert_eq!(fail(&guard, "192.0.2.1", "00000000T").await, Gate::Open);
    }

    #[tokio::test]
    async fn attempts_in_flight_are_no_failures_and_challenge_nobody() {
        // 260 logins at once from one address, of one citizen: none has failed.
        let guard = limited(3, 50, 1000);
        let mut held = Vec::new();
        for _ in 0..260 {
            let (gate, counted) = attempt(&guard, "192.0.2.1", "12345678Z").await;
            assert_eq!(gate, Gate::Open);
            held.push(counted);
        }
        for counted in held {
            guard.not_a_failure(counted).await;
        }
    }

    #[tokio::test]
    async fn attempts_given_back_never_add_up_so_successes_never_count() {
        let guard = limited(2, 3, 5);
        for _ in 0..40 {
            let (gate, counted) = attempt(&guard, "192.0.2.1", "12345678Z").await;
            assert_eq!(gate, Gate::Open, "a citizen logging in again and again");
            guard.not_a_failure(counted).await;
        }
    }

    #[tokio::test]
    async fn pressure_on_one_account_never_refuses_only_addresses_are_refused() {
        let guard = limited(1, 1000, 1000);
        for n in 0..50 {
            let (gate, _) = attempt(&guard, &format!("198.51.100.{n}"), "12345678Z").await;
            assert!(!matches!(gate, Gate::Refused(_)), "{n}: {gate:?}");
        }
        let guard = limited(1000, 1, 3);
        let mut seen = Vec::new();
        for _ in 0..5 {
            seen.push(attempt(&guard, "192.0.2.9", "12345678Z").await.0);
        }
        assert!(
            matches!(seen[4], Gate::Refused(wait) if wait.as_secs() >= 1),
            "{seen:?}"
        );
    }

    #[tokio::test]
    async fn an_ipv6_subscriber_is_counted_by_its_prefix() {
        let guard = limited(1000, 1, 2);
        let _failed = attempt(&guard, "2001:db8:1:2::1", "12345678Z").await;
        let _failed = attempt(&guard, "2001:db8:1:2:ffff::9", "X1234567L").await;
        let (third, _) = attempt(&guard, "2001:db8:1:2:abcd::5", "00000000T").await;
        assert!(matches!(third, Gate::Refused(_)), "one /64: {third:?}");
        let (other, _) = attempt(&guard, "2001:db8:1:3::1", "12345678Z").await;
        assert_eq!(other, Gate::Open, "another /64");
        assert_eq!(
            address_key("::ffff:192.0.2.7".parse().unwrap()),
            "192.0.2.7"
        );
    }
}
