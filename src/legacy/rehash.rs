//! Upgrading an old password hash at the one moment the password is known: right
//! after a successful login.
//!
//! Imported Social Security users arrive with bcrypt or argon2 hashes of whatever
//! strength the old register used. When [`crate::crypto::PasswordHasher::needs_rehash`]
//! says so, the password just typed is hashed again with the current argon2id
//! parameters and stored through [`crate::store::sql::SqlStore::update_password_hash`],
//! which keeps `password_set_at`: the password did not change, so its 2-year
//! expiry does not restart. The upgrade is best-effort: a busy hashing pool or a
//! database hiccup is logged and retried at the next login, never a failed login.

use crate::crypto::HashError;
use crate::state::AppState;
use crate::store::sql::{AuditEvent, CitizenRecord};

/// Re-hashes `password` (already NFC-normalised, and just verified against the
/// stored hash) when the stored hash is weaker than today's parameters.
pub async fn upgrade_hash_if_weak(state: &AppState, citizen: &CitizenRecord, password: &str) {
    let Some(stored) = citizen.password_hash.as_deref() else {
        return;
    };
    if !state.hasher.needs_rehash(stored) {
        return;
    }
    let fresh = match state.hasher.hash(password).await {
        Ok(fresh) => fresh,
        Err(HashError::Busy) => return, // next login
        Err(error) => {
            tracing::warn!(%error, citizen = %citizen.id, "could not re-hash a weak password hash");
            return;
        }
    };
    let from = if stored.starts_with("$2") {
        "bcrypt"
    } else {
        "argon2"
    };
    let now = state.now();
    let audit = AuditEvent::new(now, "password_rehashed", "system")
        .citizen(&citizen.id)
        .detail("from", from)
        .detail("to", "argon2id");
    match state
        .db
        .update_password_hash(&citizen.id, stored, &fresh, now, &audit)
        .await
    {
        Ok(true) => {}
        Ok(false) => {} // the password changed meanwhile: nothing to upgrade
        Err(error) => {
            tracing::warn!(%error, citizen = %citizen.id, "could not store a re-hashed password");
        }
    }
}
