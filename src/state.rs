//! The application state every handler receives: settings, stores, clock, and the
//! long-lived objects that are expensive to make (hashing pool, key ring).

use std::sync::{Arc, RwLock};

use crate::clock::SharedClock;
use crate::crypto::{KeyRing, PasswordHasher};
use crate::settings::Settings;
use crate::store::ephemeral::EphemeralStore;
use crate::store::sql::SqlStore;

/// Shared by every request. Axum clones the state for every extractor and
/// middleware that asks for it, so it is one `Arc`: a clone is one atomic increment
/// (cloning the parts was 3.6 % of the server's CPU on discovery requests).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// The parts of [`AppState`], reached through it by `Deref`.
pub struct Shared {
    /// The settings the provider started with.
    pub settings: Arc<Settings>,
    /// The durable store.
    pub db: SqlStore,
    /// The ephemeral store.
    pub ephemeral: Arc<dyn EphemeralStore>,
    /// The time source.
    pub clock: SharedClock,
    /// The bounded argon2id pool.
    pub hasher: PasswordHasher,
    /// Checking and choosing passwords (over `db` and `hasher`).
    pub credentials: crate::auth::Credentials,
    /// Browsers' sessions and transactions (over `ephemeral`).
    pub browsers: crate::auth::Browsers,
    /// Codes and tokens (over `ephemeral` and `keys`).
    pub tokens: crate::oauth::issuer::TokenIssuer,
    /// Signers and the JWKS, reloaded when keys change.
    pub keys: Arc<RwLock<Arc<KeyRing>>>,
    /// Issuer, discovery document, pairwise salt.
    pub provider: Arc<crate::oauth::Provider>,
    /// Templates, CSRF key, cookie policy.
    pub web: crate::web::Web,
    /// SMS one-time codes.
    pub otp: Arc<crate::otp::OtpService>,
    /// Unseals the private signing keys when the ring is reloaded.
    pub kek: crate::kek::Kek,
    /// Attempt limits and the security question.
    pub guard: crate::abuse::Guard,
    /// Client authentication (secrets and `private_key_jwt`).
    pub client_auth: crate::oauth::client_auth::ClientAuthenticator,
    /// Relying parties' own keys (`jwks`, `jwks_uri`), fetched and kept.
    pub client_keys: crate::oauth::client_keys::ClientKeys,
    /// DPoP proofs (RFC 9449).
    pub dpop: crate::oauth::dpop::DpopChecker,
    /// Back-channel logout to the portals of ended sessions.
    pub backchannel: crate::oauth::backchannel::Backchannel,
    /// Ending sessions with their tokens (logout, the account page, blocks).
    pub endings: crate::auth::SessionEnds,
    /// Security notices to the citizen by email and SMS.
    pub notices: crate::notices::Notices,
}

impl axum::extract::FromRef<AppState> for crate::abuse::TrustedProxies {
    fn from_ref(state: &AppState) -> Self {
        state.guard.trusted_proxies()
    }
}

impl axum::extract::FromRef<AppState> for crate::web::Web {
    fn from_ref(state: &AppState) -> Self {
        state.web.clone()
    }
}

impl AppState {
    /// The state made of its parts.
    pub fn new(parts: Shared) -> Self {
        Self(Arc::new(parts))
    }

    /// The current key ring.
    pub fn key_ring(&self) -> Arc<KeyRing> {
        match self.keys.read() {
            Ok(ring) => Arc::clone(&ring),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the key ring (after a reload).
    pub fn set_key_ring(&self, ring: KeyRing) {
        let ring = Arc::new(ring);
        match self.keys.write() {
            Ok(mut slot) => *slot = ring,
            Err(poisoned) => *poisoned.into_inner() = ring,
        }
    }

    /// The current time, in Unix seconds.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("settings", &self.settings)
            .field("db", &self.db)
            .field("ephemeral", &self.ephemeral)
            .finish_non_exhaustive()
    }
}
