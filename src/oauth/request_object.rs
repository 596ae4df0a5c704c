//! Signed request objects (RFC 9101; OIDC Core §6.1): an authorization request
//! sent as a JWT the client signed with one of its registered keys, by value
//! (`request`) at the authorization or the pushed-authorization endpoint.
//!
//! RFC 9101 §5: when a request object is used, the provider uses only the
//! parameters inside it; parameters sent beside it are ignored, except
//! `client_id`, which must be the same. The object must be signed with an
//! asymmetric algorithm (`request_object_signing_alg` when the client registered
//! one), be issued by the client (`iss`), be meant for this provider (`aud`), and
//! carry an `exp` in the next hour, so a captured object is not a lasting key.
//! Unsigned (`alg: none`) and encrypted objects are refused.

use serde_json::{Map, Value};

use super::client_keys::{ClientKeys, KeyProblem};
use super::error::{ErrorCode, OAuthError};
use super::params::Params;
use crate::crypto::{KeyAlg, jose};
use crate::store::sql::ClientRecord;

/// The longest life a request object may claim.
pub const MAX_REQUEST_OBJECT_SECS: i64 = 3600;

fn invalid(description: impl Into<std::borrow::Cow<'static, str>>) -> OAuthError {
    OAuthError::new(ErrorCode::InvalidRequestObject, description)
}

/// Checks a request object of `client` and returns the parameters it holds.
pub async fn open(
    keys: &ClientKeys,
    client: &ClientRecord,
    issuer: &str,
    jwt: &str,
    now: i64,
) -> Result<Params, OAuthError> {
    if jose::is_jwe(jwt) {
        return Err(invalid(
            "encrypted request objects are not supported; sign it only",
        ));
    }
    let allowed: Vec<KeyAlg> = match client.profile.request_object_signing_alg {
        Some(alg) => vec![alg],
        None => KeyAlg::ALL.to_vec(),
    };
    let claims = match keys.verify(client, jwt, &allowed).await {
        Ok((claims, _)) => claims,
        Err(KeyProblem::Unavailable(why)) => {
            return Err(OAuthError::new(ErrorCode::TemporarilyUnavailable, why));
        }
        Err(problem) => return Err(invalid(format!("request: {problem}"))),
    };
    check_claims(&claims, client, issuer, now)?;
    if claims.contains_key("request") || claims.contains_key("request_uri") {
        return Err(invalid(
            "a request object cannot hold request or request_uri",
        ));
    }
    Params::from_claims(&claims).map_err(|e| invalid(e.description))
}

fn check_claims(
    claims: &Map<String, Value>,
    client: &ClientRecord,
    issuer: &str,
    now: i64,
) -> Result<(), OAuthError> {
    let text = |name: &str| claims.get(name).and_then(Value::as_str);
    if text("iss") != Some(client.client_id.as_str()) {
        return Err(invalid("request: iss must be the client_id"));
    }
    if text("client_id").is_some_and(|id| id != client.client_id) {
        return Err(invalid("request: client_id differs from the request's"));
    }
    let aud_ok = match claims.get("aud") {
        Some(Value::String(aud)) => aud == issuer,
        Some(Value::Array(auds)) => auds.iter().any(|a| a.as_str() == Some(issuer)),
        _ => false,
    };
    if !aud_ok {
        return Err(invalid("request: aud must be the issuer"));
    }
    let Some(exp) = claims.get("exp").and_then(Value::as_i64) else {
        return Err(invalid("request: exp is required"));
    };
    if exp <= now {
        return Err(invalid("request: the request object has expired"));
    }
    if exp > now + MAX_REQUEST_OBJECT_SECS {
        return Err(invalid("request: exp may be at most an hour away"));
    }
    if claims
        .get("nbf")
        .and_then(Value::as_i64)
        .is_some_and(|nbf| nbf > now + 60)
    {
        return Err(invalid(
            "request: the request object is not valid yet (nbf)",
        ));
    }
    Ok(())
}
