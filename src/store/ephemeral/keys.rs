//! Every key space of the ephemeral store, in one table: what is kept under each
//! prefix, the type of its values, and how long the store keeps them.
//!
//! | space | key | value | kept |
//! |---|---|---|---|
//! | [`Space::Session`] | `session:{sha256(cookie)}` | `auth::session::Session` | [`SESSION_SECS`] |
//! | [`Space::LoginTx`] | `login:{tx id}` | `auth::transaction::LoginTx` | [`LOGIN_TX_METHOD_SECS`] + skew until the method is chosen, then [`LOGIN_TX_SECS`] + skew |
//! | [`Space::Flow`] | `flow:{flow id}` | `selfservice::flow::Flow` | [`FLOW_SECS`] + skew |
//! | [`Space::Code`] | `code:{sha256(code)}` | `oauth::grants::CodeState` | [`CODE_SECS`] + skew, then [`USED_CODE_MEMORY_SECS`] once redeemed |
//! | [`Space::AccessToken`] | `at:{sha256(token)}` | `oauth::grants::AccessGrant` | [`ACCESS_TOKEN_SECS`] + skew |
//! | [`Space::Question`] | `question:{id}` | the security question's answer and form | [`QUESTION_SECS`] |
//! | [`Space::RateCounter`] | `rl:{scope}:{subject}` | a counter | the rate window (`CLAVE_RATE_WINDOW_SECS`) |
//! | [`Space::OtpCode`] | `otp:code:{flow}` | `otp::records::StoredCode` | the OTP policy's store TTL |
//! | [`Space::OtpTries`] | `otp:tries:{flow}:{nonce}` | a counter | the OTP policy's store TTL |
//! | [`Space::OtpSends`] | `otp:sends:{account tag}` | a counter | the OTP policy's send window |
//! | [`Space::OtpCooldown`] | `otp:cooldown:{flow}` | `otp::records::CooldownMark` | the OTP policy's store TTL |
//! | [`Space::OtpCooldownClaim`] | `otp:cooldown-claim:{flow}:{nonce}` | a marker | the OTP policy's cool-down |
//! | [`Space::BlockNotice`] | `notice:blocked:{sha256(DNI/NIE)}` | a marker | one day |
//! | [`Space::PowUsed`] | `pow:used:{sha256(challenge)}` | a marker | [`POW_SECS`] + skew |
//! | [`Space::AssertionUsed`] | `assertion:used:{sha256(client, jti)}` | a marker | the assertion's life + skew |
//! | [`Space::DpopUsed`] | `dpop:used:{sha256(jkt, jti)}` | a marker | the proof window + skew |
//! | [`Space::PushedRequest`] | `par:{request_uri id}` | the pushed request's parameters | [`PUSHED_REQUEST_SECS`] + skew |
//! | [`Space::PortalSessions`] | `portals:{sha256(DNI/NIE)}` | `oidc::backchannel::PortalSessions` | [`SESSION_SECS`] |
//! | [`Space::CitizenSessions`] | `open-sessions:{sha256(DNI/NIE)}` | `auth::session::OpenSessions` | [`SESSION_SECS`] |
//! | [`Space::EndedSession`] | `ended:{sid}` | when it ended | [`ACCESS_TOKEN_SECS`] + skew |
//! | [`Space::NoticeSent`] | `notice:sent:{purpose}:{sha256(DNI/NIE or browser)}` | a counter | chosen by the notice |
//! | [`Space::DemoLogin`] | `demo-login:{id}` | the demo portal's pending login | [`DEMO_LOGIN_SECS`] |
//! | [`Space::DemoSession`] | `demo-session:{id}` | the demo portal's session | [`DEMO_SESSION_SECS`] |
//! | [`Space::DemoLogout`] | `demo-logout:{state}` | the demo portal's logout state | [`DEMO_LOGOUT_SECS`] |
//!
//! Records that carry their own deadline (sessions, transactions, codes, tokens)
//! are checked against the injected clock; the store's TTL only cleans up, so it
//! is the deadline plus [`SKEW_SECS`] for clocks that differ between instances.
//! Secrets (cookies, codes, tokens) appear in keys only as their SHA-256, so a
//! dump of the store yields nothing usable.
//!
//! A typed handle, [`KeySpace`], binds a space to its value type where the value
//! is declared; the key format lives only here.

use std::marker::PhantomData;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{EphemeralError, EphemeralStore};

/// A single sign-on session lasts this long after the login.
pub const SESSION_SECS: i64 = 8 * 3600;
/// A login transaction nobody has taken past the method screen lives this long:
/// `GET /authorize` is unauthenticated, so what it leaves behind goes soon
/// (`docs/architecture.md`, "Bounds").
pub const LOGIN_TX_METHOD_SECS: i64 = 10 * 60;
/// Once the method is chosen, a citizen has this long to finish logging in
/// (password, SMS code, a renewal).
pub const LOGIN_TX_SECS: i64 = 20 * 60;
/// A citizen has this long to finish a self-service flow.
pub const FLOW_SECS: i64 = 20 * 60;
/// An authorization code is valid this long (RFC 9700 §4.4: short-lived).
pub const CODE_SECS: i64 = 60;
/// How long a redeemed code is remembered, to catch its replay (RFC 6749 §4.1.2).
pub const USED_CODE_MEMORY_SECS: i64 = 3600;
/// An access token is valid this long.
pub const ACCESS_TOKEN_SECS: i64 = 600;
/// A security question can be answered this long.
pub const QUESTION_SECS: i64 = 10 * 60;
/// The demo portal's pending login.
pub const DEMO_LOGIN_SECS: i64 = 15 * 60;
/// The demo portal's session.
pub const DEMO_SESSION_SECS: i64 = 60 * 60;
/// The demo portal's logout state.
pub const DEMO_LOGOUT_SECS: i64 = 15 * 60;
/// A pushed authorization request's life (RFC 9126 §2.2: short-lived).
pub const PUSHED_REQUEST_SECS: i64 = 90;
/// A proof-of-work challenge's life (`abuse::pow`).
pub const POW_SECS: i64 = 10 * 60;
/// Margin added to a record's own deadline for the store's TTL.
pub const SKEW_SECS: i64 = 30;

/// The key spaces of the ephemeral store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    /// Single sign-on sessions.
    Session,
    /// Logins in progress.
    LoginTx,
    /// Self-service flows in progress.
    Flow,
    /// Authorization codes, then the note of what their redemption issued.
    Code,
    /// Access tokens.
    AccessToken,
    /// Security questions asked.
    Question,
    /// Attempt counters of the limits.
    RateCounter,
    /// Pending SMS codes.
    OtpCode,
    /// Wrong entries of one SMS code.
    OtpTries,
    /// SMS codes sent to one account.
    OtpSends,
    /// The resend cool-down of a flow.
    OtpCooldown,
    /// Who is sending a flow's code right now.
    OtpCooldownClaim,
    /// The daily cap of block notices to one account.
    BlockNotice,
    /// Proof-of-work challenges already spent (each solves one form once).
    PowUsed,
    /// Client assertions already used (RFC 7523 §3: a `jti` once).
    AssertionUsed,
    /// DPoP proofs already used (RFC 9449 §11.1).
    DpopUsed,
    /// Pushed authorization requests (RFC 9126), each redeemed once.
    PushedRequest,
    /// The portals a citizen's sessions reached that hear of logouts
    /// (Back-Channel Logout 1.0).
    PortalSessions,
    /// A citizen's open sessions, for the account page and "end all sessions".
    CitizenSessions,
    /// Sessions ended before their time: the tokens issued under them stop.
    EndedSession,
    /// The daily caps of notices of one kind to one account or browser.
    NoticeSent,
    /// The demo portal's logins in progress.
    DemoLogin,
    /// The demo portal's sessions.
    DemoSession,
    /// The demo portal's logouts in progress.
    DemoLogout,
}

impl Space {
    /// Every space.
    pub const ALL: [Space; 24] = [
        Space::Session,
        Space::LoginTx,
        Space::Flow,
        Space::Code,
        Space::AccessToken,
        Space::Question,
        Space::RateCounter,
        Space::OtpCode,
        Space::OtpTries,
        Space::OtpSends,
        Space::OtpCooldown,
        Space::OtpCooldownClaim,
        Space::BlockNotice,
        Space::PowUsed,
        Space::AssertionUsed,
        Space::DpopUsed,
        Space::PushedRequest,
        Space::PortalSessions,
        Space::CitizenSessions,
        Space::EndedSession,
        Space::NoticeSent,
        Space::DemoLogin,
        Space::DemoSession,
        Space::DemoLogout,
    ];

    /// The prefix of the space's keys (before the `:`).
    pub const fn prefix(self) -> &'static str {
        match self {
            Space::Session => "session",
            Space::LoginTx => "login",
            Space::Flow => "flow",
            Space::Code => "code",
            Space::AccessToken => "at",
            Space::Question => "question",
            Space::RateCounter => "rl",
            Space::OtpCode => "otp:code",
            Space::OtpTries => "otp:tries",
            Space::OtpSends => "otp:sends",
            Space::OtpCooldown => "otp:cooldown",
            Space::OtpCooldownClaim => "otp:cooldown-claim",
            Space::BlockNotice => "notice:blocked",
            Space::PowUsed => "pow:used",
            Space::AssertionUsed => "assertion:used",
            Space::DpopUsed => "dpop:used",
            Space::PushedRequest => "par",
            Space::PortalSessions => "portals",
            Space::CitizenSessions => "open-sessions",
            Space::EndedSession => "ended",
            Space::NoticeSent => "notice:sent",
            Space::DemoLogin => "demo-login",
            Space::DemoSession => "demo-session",
            Space::DemoLogout => "demo-logout",
        }
    }

    /// How long the store keeps a value, where the space fixes it; `None` where
    /// the caller's policy does (rate windows, OTP policy, a code given back).
    pub const fn ttl(self) -> Option<Duration> {
        let secs = match self {
            Space::Session => SESSION_SECS,
            Space::LoginTx => LOGIN_TX_SECS + SKEW_SECS,
            Space::Flow => FLOW_SECS + SKEW_SECS,
            Space::Code => CODE_SECS + SKEW_SECS,
            Space::AccessToken => ACCESS_TOKEN_SECS + SKEW_SECS,
            Space::Question => QUESTION_SECS,
            Space::BlockNotice => 24 * 3600,
            Space::PowUsed => POW_SECS + SKEW_SECS,
            Space::PushedRequest => PUSHED_REQUEST_SECS + SKEW_SECS,
            Space::PortalSessions => SESSION_SECS,
            Space::CitizenSessions => SESSION_SECS,
            Space::EndedSession => ACCESS_TOKEN_SECS + SKEW_SECS,
            Space::DemoLogin => DEMO_LOGIN_SECS,
            Space::DemoSession => DEMO_SESSION_SECS,
            Space::DemoLogout => DEMO_LOGOUT_SECS,
            Space::RateCounter
            | Space::AssertionUsed
            | Space::DpopUsed
            | Space::NoticeSent
            | Space::OtpCode
            | Space::OtpTries
            | Space::OtpSends
            | Space::OtpCooldown
            | Space::OtpCooldownClaim => return None,
        };
        Some(Duration::from_secs(secs as u64))
    }

    /// The space a full key belongs to.
    pub fn of_key(key: &str) -> Option<Space> {
        // Prefixes never lie inside one another (tested below), so at most one
        // matches.
        Space::ALL.into_iter().find(|space| {
            key.strip_prefix(space.prefix())
                .is_some_and(|rest| rest.starts_with(':'))
        })
    }

    /// Whether the in-process store may drop this space's entries before their
    /// time to make room (`docs/architecture.md`, "Bounds"): state that nobody
    /// has proven anything for and that costs a citizen one restart at most —
    /// logins before the password, security questions, the demo portal's
    /// steps. Sessions, codes, tokens, counters and self-service flows (begun
    /// only after the first page's credentials) are never dropped: a full
    /// store refuses new ones instead.
    pub const fn evictable(self) -> bool {
        matches!(
            self,
            Space::LoginTx | Space::Question | Space::DemoLogin | Space::DemoLogout
        )
    }

    /// The key of `id` in this space.
    pub fn key(self, id: &str) -> String {
        format!("{}:{id}", self.prefix())
    }
}

/// The store TTL of a record whose own deadline is `secs` away: the deadline
/// plus [`SKEW_SECS`] (at least one second).
pub fn ttl_for(secs: i64) -> Duration {
    Duration::from_secs((secs.max(1) + SKEW_SECS) as u64)
}

/// How a space's values are written in the store.
pub trait Codec<V> {
    /// `value` as the bytes to store under `key`.
    fn encode(key: &str, value: &V) -> Result<Vec<u8>, EphemeralError>;
    /// The value stored under `key` as `bytes`.
    fn decode(key: &str, bytes: &[u8]) -> Result<V, EphemeralError>;
}

/// Values as JSON (the default): readable in a dump, and compact enough for
/// every space but the most numerous records, which have their own codec
/// (access tokens: `oauth::grant_encoding`).
pub struct Json;

impl<V: Serialize + DeserializeOwned> Codec<V> for Json {
    fn encode(key: &str, value: &V) -> Result<Vec<u8>, EphemeralError> {
        super::encode(key, value)
    }

    fn decode(key: &str, bytes: &[u8]) -> Result<V, EphemeralError> {
        super::decode(key, bytes)
    }
}

/// A space whose values are `V`, written by the codec `C` (JSON unless said
/// otherwise), for the TTL the space fixes.
pub struct KeySpace<V, C = Json> {
    space: Space,
    ttl: Duration,
    value: PhantomData<fn() -> (V, C)>,
}

impl<V, C> KeySpace<V, C> {
    /// The typed handle of `space`; refuses to compile (as a `const`) for a space
    /// whose TTL the caller chooses.
    pub const fn new(space: Space) -> Self {
        let Some(ttl) = space.ttl() else {
            panic!("this space's TTL is chosen by its caller: use Space::key");
        };
        Self {
            space,
            ttl,
            value: PhantomData,
        }
    }

    /// The key of `id`.
    pub fn key(&self, id: &str) -> String {
        self.space.key(id)
    }
}

impl<V: Sync, C: Codec<V>> KeySpace<V, C> {
    /// Stores `value` under `id` for the space's TTL.
    pub async fn put(
        &self,
        store: &dyn EphemeralStore,
        id: &str,
        value: &V,
    ) -> Result<(), EphemeralError> {
        self.put_for(store, id, value, self.ttl).await
    }

    /// Stores `value` under `id` for `ttl` (a record given back with what is left
    /// of its life).
    pub async fn put_for(
        &self,
        store: &dyn EphemeralStore,
        id: &str,
        value: &V,
        ttl: Duration,
    ) -> Result<(), EphemeralError> {
        let key = self.key(id);
        let bytes = C::encode(&key, value)?;
        store.put(&key, &bytes, ttl).await
    }

    /// The value under `id`.
    pub async fn get(
        &self,
        store: &dyn EphemeralStore,
        id: &str,
    ) -> Result<Option<V>, EphemeralError> {
        let key = self.key(id);
        match store.get(&key).await? {
            Some(bytes) => C::decode(&key, &bytes).map(Some),
            None => Ok(None),
        }
    }

    /// Removes and returns the value under `id`, once among concurrent callers.
    pub async fn take(
        &self,
        store: &dyn EphemeralStore,
        id: &str,
    ) -> Result<Option<V>, EphemeralError> {
        let key = self.key(id);
        match store.take(&key).await? {
            Some(bytes) => C::decode(&key, &bytes).map(Some),
            None => Ok(None),
        }
    }

    /// Removes the value under `id`; says whether there was one.
    pub async fn delete(
        &self,
        store: &dyn EphemeralStore,
        id: &str,
    ) -> Result<bool, EphemeralError> {
        store.delete(&self.key(id)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_space_can_read_another_spaces_keys() {
        for a in Space::ALL {
            for b in Space::ALL {
                if a != b {
                    let (pa, pb) = (format!("{}:", a.prefix()), format!("{}:", b.prefix()));
                    assert!(!pa.starts_with(&pb), "{pa} lies inside {pb}");
                }
            }
        }
    }

    #[test]
    fn every_record_outlives_its_own_deadline_in_the_store() {
        for (space, deadline) in [
            (Space::LoginTx, LOGIN_TX_SECS),
            (Space::LoginTx, LOGIN_TX_METHOD_SECS),
            (Space::Flow, FLOW_SECS),
            (Space::Code, CODE_SECS),
            (Space::AccessToken, ACCESS_TOKEN_SECS),
            (Space::Session, SESSION_SECS),
        ] {
            let ttl = space.ttl().map(|t| t.as_secs() as i64);
            assert!(ttl >= Some(deadline), "{space:?}");
        }
        assert_eq!(ttl_for(0), Duration::from_secs(31));
        assert_eq!(ttl_for(600), Duration::from_secs(630));
    }

    #[test]
    fn every_key_is_traced_back_to_its_space() {
        for space in Space::ALL {
            assert_eq!(Space::of_key(&space.key("x:y")), Some(space));
        }
        assert_eq!(Space::of_key("otp:other:1"), None);
        assert_eq!(Space::of_key("loginx"), None);
        assert!(Space::LoginTx.evictable() && !Space::Session.evictable());
    }

    #[test]
    fn keys_are_prefix_colon_id() {
        assert_eq!(Space::OtpCode.key("f1"), "otp:code:f1");
        assert_eq!(KeySpace::<u8>::new(Space::AccessToken).key("h"), "at:h");
    }
}
