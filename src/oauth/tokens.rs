//! Minting tokens for an [`Authorization`]: the opaque access token, the signed ID
//! token, and (with `offline_access`) a refresh token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::claims::{self, citizen_claim};
use super::error::OAuthError;
use super::grants::{
    ACCESS_TOKEN_TTL_SECS, AccessGrant, Authorization, ID_TOKEN_TTL_SECS, REFRESH_TOKEN_TTL_SECS,
    access_key, ttl,
};
use crate::crypto::{hash_token, random_token};
use crate::state::AppState;
use crate::store::ephemeral::EphemeralStoreExt;
use crate::store::sql::{CitizenRecord, ClientRecord, RefreshRecord};

/// Tokens ready to be sent.
#[derive(Debug)]
pub struct Minted {
    /// The access token.
    pub access_token: String,
    /// Its hash (the store key).
    pub access_token_hash: String,
    /// The ID token.
    pub id_token: String,
}

/// Whether a citizen may still receive tokens under `authz` at `client`: the
/// account is usable there and nothing voided the session since it began.
pub fn still_valid(citizen: &CitizenRecord, client: &ClientRecord, authz: &Authorization) -> bool {
    citizen.status.may_log_in_at(client.social_security)
        && citizen.sessions_valid_after <= authz.auth_time
}

/// The client's pairwise `sub` for a citizen.
pub fn subject(state: &AppState, client: &ClientRecord, citizen_id: &str) -> String {
    claims::pairwise_sub(&state.provider.pairwise_salt, &client.sector, citizen_id)
}

/// A freshly drawn access token, not yet stored.
#[derive(Debug)]
pub struct AccessToken {
    /// The token.
    pub token: String,
    /// Its hash (the store key).
    pub hash: String,
}

impl AccessToken {
    /// Draws a new token.
    pub fn draw() -> Self {
        let token = random_token(32);
        let hash = hash_token(&token);
        Self { token, hash }
    }
}

/// Stores `access_token` for `authz` and signs an ID token.
pub async fn mint(
    state: &AppState,
    client: &ClientRecord,
    authz: &Authorization,
    citizen: &CitizenRecord,
    nonce: Option<&str>,
    access_token: AccessToken,
) -> Result<Minted, OAuthError> {
    let now = state.now();
    let sub = subject(state, client, citizen.id.as_str());
    let AccessToken {
        token: access_token,
        hash: access_token_hash,
    } = access_token;
    let mut userinfo = claims::release(&authz.scope, &authz.claims.userinfo, citizen);
    userinfo.insert("sub".to_owned(), Value::String(sub.clone()));
    let grant = AccessGrant {
        client_id: client.client_id.clone(),
        sub: sub.clone(),
        scope: authz.scope.clone(),
        userinfo,
        issued_at: now,
        expires_at: now + ACCESS_TOKEN_TTL_SECS,
    };
    state
        .ephemeral
        .put_json(
            &access_key(&access_token_hash),
            &grant,
            ttl(ACCESS_TOKEN_TTL_SECS),
        )
        .await?;

    let mut id = Map::new();
    id.insert("iss".into(), json!(state.provider.issuer));
    id.insert("sub".into(), json!(sub));
    id.insert("aud".into(), json!(client.client_id));
    id.insert("azp".into(), json!(client.client_id));
    id.insert("exp".into(), json!(now + ID_TOKEN_TTL_SECS));
    id.insert("iat".into(), json!(now));
    id.insert("auth_time".into(), json!(authz.auth_time));
    if let Some(nonce) = nonce {
        id.insert("nonce".into(), json!(nonce));
    }
    id.insert("acr".into(), json!(authz.acr));
    id.insert("amr".into(), json!(authz.amr));
    id.insert("sid".into(), json!(authz.sid));
    id.insert("at_hash".into(), json!(half_hash(&access_token)));
    for name in &authz.claims.id_token {
        if let Some(value) = citizen_claim(name, citizen) {
            id.insert(name.clone(), value);
        }
    }
    let id_token = state
        .key_ring()
        .sign_jwt(client.id_token_alg, &id)
        .map_err(|e| OAuthError::server_error(&e))?;
    Ok(Minted {
        access_token,
        access_token_hash,
        id_token,
    })
}

/// A new refresh token record (not yet stored) and the token itself.
pub fn new_refresh(
    state: &AppState,
    authz: &Authorization,
    family: Option<String>,
) -> Result<(String, RefreshRecord), OAuthError> {
    let now = state.now();
    let token = random_token(32);
    let grant_data = serde_json::to_string(authz).map_err(|e| OAuthError::server_error(&e))?;
    let record = RefreshRecord {
        token_hash: hash_token(&token),
        family_id: family.unwrap_or_else(|| random_token(16)),
        client_id: authz.client_id.clone(),
        citizen_id: authz.citizen_id.clone(),
        grant_data,
        issued_at: now,
        expires_at: now + REFRESH_TOKEN_TTL_SECS,
    };
    Ok((token, record))
}

/// The token response body (RFC 6749 §5.1, OIDC Core §3.1.3.3).
pub fn response_body(minted: &Minted, scope: &str, refresh: Option<&str>) -> Value {
    let mut body = json!({
        "access_token": minted.access_token,
        "token_type": "Bearer",
        "expires_in": ACCESS_TOKEN_TTL_SECS,
        "id_token": minted.id_token,
        "scope": scope,
    });
    if let (Some(token), Some(map)) = (refresh, body.as_object_mut()) {
        map.insert("refresh_token".into(), json!(token));
    }
    body
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
