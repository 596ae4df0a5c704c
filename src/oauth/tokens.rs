//! Minting tokens for an [`Authorization`]: the opaque access token, the signed ID
//! token, and (with `offline_access`) a refresh token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::grants::Authorization;
use crate::crypto::{hash_token, random_token};
use crate::domain::{Amr, Assurance, Scopes};
use crate::store::ephemeral::keys::ACCESS_TOKEN_SECS;
use crate::store::sql::{CitizenRecord, ClientRecord};

/// Tokens ready to be sent.
#[derive(Debug)]
pub struct Minted {
    /// The access token.
    pub access_token: String,
    /// Its hash (the store key).
    pub access_token_hash: String,
    /// The ID token.
    pub id_token: String,
    /// The DPoP key the access token is bound to.
    pub jkt: Option<String>,
}

/// Whether a citizen may still receive tokens under `authz` at `client`: the
/// account is usable there and nothing voided the session since it began.
pub fn still_valid(citizen: &CitizenRecord, client: &ClientRecord, authz: &Authorization) -> bool {
    citizen.status.may_log_in_at(client.social_security)
        && citizen.sessions_valid_after <= authz.auth_time
}

/// A freshly drawn access token, not yet stored.
#[derive(Debug)]
pub struct AccessToken {
    /// The token.
    pub token: String,
    /// Its hash (the store key).
    pub hash: String,
    /// The DPoP key it will be bound to, if any.
    pub jkt: Option<String>,
}

impl AccessToken {
    /// Draws a new token.
    pub fn draw() -> Self {
        let token = random_token(32);
        let hash = hash_token(&token);
        Self {
            token,
            hash,
            jkt: None,
        }
    }

    /// The token bound to the DPoP key of thumbprint `jkt` (RFC 9449 §6).
    pub fn bound_to(mut self, jkt: Option<String>) -> Self {
        self.jkt = jkt;
        self
    }
}

/// The claims of an ID token (OIDC Core §2, §3.1.3.6), plus the citizen claims
/// asked for individually with the `claims` parameter (§5.5).
#[derive(Debug, Serialize)]
pub struct IdTokenClaims<'a> {
    /// The issuer.
    pub iss: &'a str,
    /// The pairwise subject.
    pub sub: &'a str,
    /// The client.
    pub aud: &'a str,
    /// The client it was issued to (OIDC Core §2: the authorized party).
    pub azp: &'a str,
    /// Expiry.
    pub exp: i64,
    /// Issued at.
    pub iat: i64,
    /// When the citizen authenticated.
    pub auth_time: i64,
    /// The authorization request's nonce (never on a refresh, §12.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<&'a str>,
    /// The level of assurance reached.
    pub acr: Assurance,
    /// The methods used.
    pub amr: &'a [Amr],
    /// The session (for logout).
    pub sid: &'a str,
    /// Half of the access token's SHA-256 (§3.1.3.6).
    pub at_hash: String,
    /// Citizen claims asked for in the ID token.
    #[serde(flatten)]
    pub requested: Map<String, Value>,
}

/// The token response (RFC 6749 §5.1, OIDC Core §3.1.3.3).
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    /// The access token.
    pub access_token: String,
    /// `Bearer` (RFC 6750), or `DPoP` for a token bound to a key (RFC 9449 §5).
    pub token_type: &'static str,
    /// Seconds the access token lives.
    pub expires_in: i64,
    /// The ID token.
    pub id_token: String,
    /// The scopes granted.
    pub scope: Scopes,
    /// The next refresh token, with `offline_access`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// The token response for what was minted.
pub fn response_body(minted: Minted, scope: Scopes, refresh: Option<String>) -> TokenResponse {
    TokenResponse {
        token_type: if minted.jkt.is_some() {
            "DPoP"
        } else {
            "Bearer"
        },
        access_token: minted.access_token,
        expires_in: ACCESS_TOKEN_SECS,
        id_token: minted.id_token,
        scope,
        refresh_token: refresh,
    }
}

/// `at_hash`: the left half of the SHA-256 of the token, base64url (OIDC Core
/// §3.1.3.6; SHA-256 for both RS256 and ES256).
pub fn half_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_hash_is_the_left_half_of_the_sha256() {
        // The value the openidconnect crate and other verifiers compute.
        let token = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
        let expected = URL_SAFE_NO_PAD.encode(&Sha256::digest(token.as_bytes())[..16]);
        assert_eq!(half_hash(token), expected);
        assert_eq!(half_hash(token).len(), 22);
    }
}
