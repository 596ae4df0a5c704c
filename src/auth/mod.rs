//! The services under the pages: what the login screens, the self-service flows,
//! the legacy migration and the protocol endpoints all need, built once at
//! start-up and called from handlers, never the other way round
//! (`docs/architecture.md`, "Layers").
//!
//! - [`credentials`]: checking a password against the lockout rules, choosing a
//!   new one against the policy, on the bounded argon2id pool.
//!   An imported (bcrypt or weak argon2) hash is upgraded after a right password.
//! - [`session`]: the single sign-on session of a browser.
//! - [`transaction`]: a login or self-service flow in progress, bound to the
//!   browser that started it, with its stages.

pub mod credentials;
pub mod ending;
mod error;
pub mod session;
pub mod transaction;
pub mod trusted;

pub use credentials::{Attempt, Credentials, PasswordCheck};
pub use ending::SessionEnds;
pub use error::ServiceError;
pub use trusted::Lane;

use std::sync::Arc;

use crate::clock::SharedClock;
use crate::store::ephemeral::EphemeralStore;
use crate::web::CookieNames;

/// What the provider keeps about browsers between requests: their single sign-on
/// sessions ([`session`]) and the logins and flows they have in progress
/// ([`transaction`]). Built once at start-up over the ephemeral store and the
/// clock; handlers reach it as `state.browsers`.
#[derive(Clone)]
pub struct Browsers {
    store: Arc<dyn EphemeralStore>,
    clock: SharedClock,
    cookies: CookieNames,
}

impl Browsers {
    /// The service over `store`, on `clock`, reading the cookies `cookies` names.
    pub fn new(store: Arc<dyn EphemeralStore>, clock: SharedClock, cookies: CookieNames) -> Self {
        Self {
            store,
            clock,
            cookies,
        }
    }

    fn store(&self) -> &dyn EphemeralStore {
        self.store.as_ref()
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.now()
    }
}
