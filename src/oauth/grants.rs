//! What a login grants, as it travels: authorization code → tokens → refresh.
//!
//! Codes and access tokens live in the ephemeral store under the SHA-256 of their
//! value (a leaked store dump yields no usable token); refresh tokens live in the
//! durable store (`store::sql::refresh`). Each record carries its own deadline,
//! checked against the injected clock; the store TTL only cleans up.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::claims::ClaimsRequest;
use crate::domain::{Amr, Assurance, Scopes};
use crate::store::ephemeral::keys::{KeySpace, Space};
use crate::store::ephemeral::{EphemeralError, EphemeralStore};

/// An ID token is valid this long.
pub const ID_TOKEN_TTL_SECS: i64 = 3600;
/// A refresh token is valid this long after it was issued (each rotation renews it).
pub const REFRESH_TOKEN_TTL_SECS: i64 = 12 * 3600;
/// What the citizen's login authorized one client to know and do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authorization {
    /// The client.
    pub client_id: String,
    /// The citizen (DNI/NIE); never sent to the client, which sees the pairwise `sub`.
    pub citizen_id: String,
    /// Granted scopes.
    pub scope: Scopes,
    /// Individual claims asked for with the `claims` parameter.
    pub claims: ClaimsRequest,
    /// When the citizen authenticated.
    pub auth_time: i64,
    /// The level of assurance reached (`acr`).
    pub acr: Assurance,
    /// How the citizen authenticated (`pwd`, `sms`).
    pub amr: Vec<Amr>,
    /// The SSO session id (the ID token's `sid`).
    pub sid: String,
    /// The DPoP key a public client's refresh tokens are bound to (RFC 9449 §5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpop_jkt: Option<String>,
}

/// An authorization code's record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeGrant {
    /// What it authorizes.
    pub authz: Authorization,
    /// The redirect URI it was sent to; the token request must repeat it.
    pub redirect_uri: String,
    /// The request's nonce, echoed in the ID token.
    pub nonce: Option<String>,
    /// The PKCE S256 challenge, if one was sent.
    pub code_challenge: Option<String>,
    /// The DPoP key the token request must prove (`dpop_jkt`, RFC 9449 §10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpop_jkt: Option<String>,
    /// Deadline.
    pub expires_at: i64,
}

/// What a redeemed code issued, to revoke it if the code is replayed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RedeemedCode {
    /// Hash of the access token issued.
    pub access_token_hash: String,
    /// The refresh-token family its tokens belong to (a refresh token exists only
    /// if the grant includes `offline_access`).
    pub refresh_family: Option<String>,
}

/// What a code's key holds: the grant until redemption, then, in its place and for
/// `USED_CODE_MEMORY_SECS` ([`crate::store::ephemeral::keys`]), what the redemption issued. One atomic replace
/// consumes the code and leaves the note.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CodeState {
    /// Not yet redeemed.
    Issued(Box<CodeGrant>),
    /// Redeemed.
    Redeemed(RedeemedCode),
}

/// An access token's record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessGrant {
    /// The client it was issued to.
    pub client_id: String,
    /// The pairwise subject.
    pub sub: String,
    /// Granted scopes.
    pub scope: Scopes,
    /// The userinfo response, fixed when the token was issued.
    pub userinfo: Map<String, Value>,
    /// The DPoP key the token is bound to (`cnf.jkt`, RFC 9449 §6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jkt: Option<String>,
    /// Userinfo is answered as a JWT (the client registered a signing or an
    /// encryption algorithm for it), so the endpoint reads the client.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub jwt_userinfo: bool,
    /// The session it was issued under (`sid`): when that session ends, the
    /// token stops ([`ENDED_SESSIONS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// Issued at.
    pub issued_at: i64,
    /// Deadline.
    pub expires_at: i64,
}

/// Codes, under the SHA-256 of their value ([`Space::Code`]).
pub const CODES: KeySpace<CodeState> = KeySpace::new(Space::Code);
/// Access tokens, under the SHA-256 of their value ([`Space::AccessToken`]), in
/// their compact encoding ([`super::grant_encoding`]).
pub const ACCESS_TOKENS: KeySpace<AccessGrant, super::grant_encoding::CompactGrant> =
    KeySpace::new(Space::AccessToken);
/// Sessions that ended before their time, by `sid`, with when they ended
/// ([`Space::EndedSession`]); kept as long as an access token lives, so every
/// token issued under one is refused on every instance that shares the store.
pub const ENDED_SESSIONS: KeySpace<i64> = KeySpace::new(Space::EndedSession);

/// The access token whose hash is `hash`, if it is live: not expired at `now`
/// and its session not ended. Userinfo and introspection read tokens here.
pub async fn live_access_grant(
    store: &dyn EphemeralStore,
    hash: &str,
    now: i64,
) -> Result<Option<AccessGrant>, EphemeralError> {
    let Some(grant) = ACCESS_TOKENS
        .get(store, hash)
        .await?
        .filter(|g| g.expires_at > now)
    else {
        return Ok(None);
    };
    if let Some(sid) = &grant.sid
        && ENDED_SESSIONS.get(store, sid).await?.is_some()
    {
        return Ok(None);
    }
    Ok(Some(grant))
}
