//! A login in progress: the checked authorization request and how far the citizen
//! has got, kept in the ephemeral store under a random transaction id.
//!
//! The id travels in the login pages' URLs and forms; the transaction is bound to
//! the browser that started it (a hash of its CSRF token), so a transaction id
//! copied into another browser leads nowhere.

use serde::{Deserialize, Serialize};

use crate::crypto::{hash_token, random_token};
use crate::oauth::request::AuthRequest;
use crate::state::AppState;
use crate::store::ephemeral::EphemeralStoreExt;
use crate::store::sql::ClientRecord;
use crate::web::{PageContext, PageError};

/// How long a citizen has to finish logging in.
pub const TX_TTL_SECS: i64 = 30 * 60;

/// The step the citizen is at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Stage {
    /// Choosing the Cl@ve method.
    Method,
    /// Typing DNI/NIE and password.
    Password,
    /// Password right; typing the SMS code (level of assurance substantial).
    Otp {
        /// The citizen.
        citizen_id: String,
    },
    /// Password right but expired: SMS code, then a new password.
    Renew {
        /// The citizen.
        citizen_id: String,
        /// Whether the SMS code was already accepted.
        otp_verified: bool,
    },
    /// Password right; a legacy Social Security user at a Social Security portal
    /// is asked to consent to the migration to Cl@ve (`/login/legacy`).
    LegacyConsent {
        /// The citizen.
        citizen_id: String,
    },
}

/// A login in progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginTx {
    /// The checked authorization request.
    pub request: AuthRequest,
    /// The portal's name, shown on every page.
    pub client_name: String,
    /// Whether the portal is a Social Security service.
    pub social_security: bool,
    /// Hash of the browser's CSRF token.
    browser: String,
    /// Progress.
    pub stage: Stage,
    /// Deadline.
    pub expires_at: i64,
}

fn key(tx: &str) -> String {
    format!("login:{tx}")
}

fn well_formed(tx: &str) -> bool {
    (16..=64).contains(&tx.len())
        && tx
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl LoginTx {
    /// Stores a new transaction for `request`; returns its id.
    pub async fn start(
        state: &AppState,
        ctx: &PageContext,
        request: AuthRequest,
        client: &ClientRecord,
    ) -> Result<String, PageError> {
        let id = random_token(24);
        let tx = LoginTx {
            request,
            client_name: client.name.clone(),
            social_security: client.social_security,
            browser: hash_token(ctx.csrf_token()),
            stage: Stage::Method,
            expires_at: state.now() + TX_TTL_SECS,
        };
        tx.save(state, &id).await?;
        Ok(id)
    }

    /// The transaction `id` of this browser, still live; else the "login expired"
    /// page (nothing tells a stranger whether the id exists).
    pub async fn load(state: &AppState, ctx: &PageContext, id: &str) -> Result<LoginTx, PageError> {
        if !well_formed(id) {
            return Err(PageError::BadRequest("error-login-expired"));
        }
        let tx: Option<LoginTx> = state.ephemeral.get_json(&key(id)).await?;
        match tx {
            Some(tx)
                if tx.expires_at > state.now() && tx.browser == hash_token(ctx.csrf_token()) =>
            {
                Ok(tx)
            }
            _ => Err(PageError::BadRequest("error-login-expired")),
        }
    }

    /// Saves the transaction's progress.
    pub async fn save(&self, state: &AppState, id: &str) -> Result<(), PageError> {
        let ttl = std::time::Duration::from_secs(TX_TTL_SECS as u64 + 30);
        state.ephemeral.put_json(&key(id), self, ttl).await?;
        Ok(())
    }

    /// Removes the transaction (finished or cancelled).
    pub async fn remove(state: &AppState, id: &str) -> Result<(), PageError> {
        state.ephemeral.delete(&key(id)).await?;
        Ok(())
    }
}
