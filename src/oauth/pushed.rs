//! Pushed authorization requests (RFC 9126): the client posts its request,
//! authenticated, to the PAR endpoint and sends the citizen to the
//! authorization endpoint with only `client_id` and the `request_uri` it got
//! back. The request is checked when pushed; its `request_uri` lives
//! [`crate::store::ephemeral::keys::PUSHED_REQUEST_SECS`] and is redeemed once.
//!
//! [`effective`] turns what the authorization endpoint received into the
//! parameters to check: a pushed request's, a request object's, or the query's
//! own, and enforces the client's (and the provider's) requirements: PAR
//! required (RFC 9126 §6, `require_pushed_authorization_requests`), signed
//! request objects required (RFC 9101 §10.5, `require_signed_request_object`).

use serde::{Deserialize, Serialize};

use super::client_keys::ClientKeys;
use super::error::{ErrorCode, OAuthError};
use super::params::Params;
use super::request_object;
use crate::crypto::random_token;
use crate::store::ephemeral::keys::{KeySpace, Space};
use crate::store::ephemeral::{EphemeralError, EphemeralStore};
use crate::store::sql::ClientRecord;

/// The prefix of every `request_uri` issued (RFC 9126 §2.2).
pub const REQUEST_URI_PREFIX: &str = "urn:ietf:params:oauth:request_uri:";

/// A pushed request as kept.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pushed {
    /// The client that pushed it.
    pub client_id: String,
    /// Its parameters, form-encoded.
    pub params: String,
    /// Whether they came from a signed request object.
    pub signed: bool,
    /// A DPoP key the code will be bound to (RFC 9449 §10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpop_jkt: Option<String>,
    /// Deadline.
    pub expires_at: i64,
}

const PUSHED: KeySpace<Pushed> = KeySpace::new(Space::PushedRequest);

/// Keeps a checked request; returns its `request_uri`.
pub async fn push(store: &dyn EphemeralStore, pushed: &Pushed) -> Result<String, EphemeralError> {
    let id = random_token(24);
    PUSHED.put(store, &id, pushed).await?;
    Ok(format!("{REQUEST_URI_PREFIX}{id}"))
}

/// What the authorization endpoint is to check, and how it came.
#[derive(Debug)]
pub struct Effective {
    /// The parameters.
    pub params: Params,
    /// They came from a signed request object.
    pub signed: bool,
    /// They were pushed first.
    pub pushed: bool,
}

/// The parameters of an authorization request of `client` (see the module
/// text); `now` checks deadlines. Errors are the protocol's; the caller
/// decides whether the query's redirect URI may receive them.
pub async fn effective(
    store: &dyn EphemeralStore,
    keys: &ClientKeys,
    client: &ClientRecord,
    issuer: &str,
    query: Params,
    require_par: bool,
    now: i64,
) -> Result<Effective, OAuthError> {
    let effective = if let Some(uri) = query.get("request_uri") {
        if query.contains("request") {
            return Err(OAuthError::invalid_request(
                "send request or request_uri, not both",
            ));
        }
        let invalid_uri = |why: &'static str| OAuthError::new(ErrorCode::InvalidRequestUri, why);
        let Some(id) = uri.strip_prefix(REQUEST_URI_PREFIX) else {
            return Err(OAuthError::new(
                ErrorCode::RequestUriNotSupported,
                "only request_uri values from the pushed authorization request endpoint are accepted",
            ));
        };
        if id.len() > 64 {
            return Err(invalid_uri("the request_uri is unknown, used or expired"));
        }
        let pushed = PUSHED.take(store, id).await?;
        let Some(pushed) = pushed.filter(|p| p.expires_at > now) else {
            return Err(invalid_uri("the request_uri is unknown, used or expired"));
        };
        if pushed.client_id != client.client_id {
            return Err(invalid_uri("the request_uri was pushed by another client"));
        }
        let mut params = Params::parse(pushed.params.as_bytes())?;
        if let Some(jkt) = pushed.dpop_jkt {
            params.insert("dpop_jkt", jkt);
        }
        Effective {
            params,
            signed: pushed.signed,
            pushed: true,
        }
    } else if let Some(jwt) = query.get("request") {
        let mut params = request_object::open(keys, client, issuer, jwt, now).await?;
        if !params.contains("client_id") {
            params.insert("client_id", client.client_id.clone());
        }
        Effective {
            params,
            signed: true,
            pushed: false,
        }
    } else {
        Effective {
            params: query,
            signed: false,
            pushed: false,
        }
    };
    if effective.params.get("client_id") != Some(client.client_id.as_str()) {
        return Err(OAuthError::invalid_request(
            "client_id differs from the request's",
        ));
    }
    if !effective.pushed && (require_par || client.profile.require_pushed_authorization_requests) {
        return Err(OAuthError::invalid_request(
            "this client must push its authorization requests first (RFC 9126)",
        ));
    }
    if !effective.signed && client.profile.require_signed_request_object {
        return Err(OAuthError::invalid_request(
            "this client must send its authorization requests as signed request objects (RFC 9101)",
        ));
    }
    Ok(effective)
}
