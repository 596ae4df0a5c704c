//! The OpenID Connect provider: OIDC Core 1.0, Discovery 1.0, RP-Initiated Logout
//! 1.0, PKCE (RFC 7636), revocation (RFC 7009) and introspection (RFC 7662),
//! following the OAuth 2.0 Security BCP (RFC 9700).
//!
//! One endpoint a file. Protocol errors are [`error::OAuthError`]; what a login
//! grants travels as [`grants::Authorization`] from the code to the tokens.

pub mod authorize;
pub mod claims;
pub mod client_auth;
pub mod discovery;
pub mod error;
pub mod grants;
pub mod introspect;
pub mod logout;
pub mod params;
pub mod pkce;
pub mod request;
pub mod session;
pub mod token;
pub mod tokens;
pub mod userinfo;

use axum::Router;
use axum::routing::{get, post};

use crate::crypto::random_token;
use crate::state::AppState;
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
    pub async fn build(issuer: &str, db: &SqlStore, now: i64) -> anyhow::Result<Self> {
        let salt = db
            .secret_or_insert("pairwise_salt", &random_token(32), now)
            .await?;
        Ok(Self {
            issuer: issuer.to_owned(),
            discovery: discovery::document(issuer)?,
            pairwise_salt: salt.into_bytes(),
        })
    }
}

/// The protocol endpoints (the login pages are in `crate::login`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(discovery::discovery),
        )
        .route("/jwks", get(discovery::jwks))
        .route(
            "/authorize",
            get(authorize::authorize_get).post(authorize::authorize_post),
        )
        .route("/logout", get(logout::logout_get).post(logout::logout_post))
        .route("/logout/confirm", post(logout::confirm))
        .route("/token", post(token::token))
        .route(
            "/userinfo",
            get(userinfo::userinfo_get).post(userinfo::userinfo_post),
        )
        .route("/introspect", post(introspect::introspect))
        .route("/revoke", post(introspect::revoke))
}
