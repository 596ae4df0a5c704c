//! OAuth 2.0 / OpenID Connect protocol logic, without HTTP handlers: parsing and
//! checking requests, client authentication, what a login grants, minting tokens,
//! and the protocol's errors as their RFC codes.
//!
//! The endpoints (`src/oidc/`) and the login screens (`src/login/`) both
//! call into this module; it calls neither (`docs/architecture.md`, "Layers").
//! Protocol errors are [`error::OAuthError`]; what a login grants travels as
//! [`grants::Authorization`] from the code to the tokens.

pub mod backchannel;
pub mod claims;
pub mod client_auth;
pub mod client_keys;
pub mod dpop;
pub mod error;
pub mod grant_encoding;
pub mod grants;
pub mod issuer;
pub mod metadata;
pub mod params;
pub mod pkce;
pub mod pushed;
pub mod request;
pub mod request_object;
pub mod tokens;

use crate::store::sql::SqlStore;

/// Provider-wide facts fixed at start-up.
#[derive(Debug)]
pub struct Provider {
    /// The issuer URL (no trailing slash).
    pub issuer: String,
    /// The discovery document, as served.
    pub discovery: String,
    /// The salt of pairwise subjects, shared by every instance.
    pub pairwise_salt: Vec<u8>,
}

impl Provider {
    /// Builds the discovery document and fetches (or makes) the shared secrets.
    pub async fn build(
        issuer: &str,
        require_par: bool,
        db: &SqlStore,
        kek: &crate::kek::Kek,
        now: i64,
    ) -> anyhow::Result<Self> {
        let salt = kek.shared_secret(db, "pairwise_salt", now).await?;
        Ok(Self {
            issuer: issuer.to_owned(),
            discovery: metadata::document(issuer, require_par)?,
            pairwise_salt: salt.into_bytes(),
        })
    }
}
