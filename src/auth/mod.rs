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
mod error;
pub mod session;
pub mod transaction;

pub use credentials::{Attempt, Credentials, PasswordCheck};
pub use error::ServiceError;
