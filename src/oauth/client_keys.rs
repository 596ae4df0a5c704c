//! A relying party's own public keys: registered by value (`jwks`) or by
//! reference (`jwks_uri`, RFC 7591 §2), used to verify what the client signs
//! (client assertions, RFC 7523; request objects, RFC 9101) and to encrypt what
//! is sent to it (ID tokens and userinfo, OIDC Core §10.2).
//!
//! A `jwks_uri` is fetched with a timeout and a size cap, without following
//! redirects, and kept for [`FRESH_FOR`]; a signature whose `kid` the kept set
//! does not hold fetches it again at once (the client has rotated its keys),
//! but such fetches happen at most once per [`REFETCH_AFTER`], so forged
//! `kid`s cannot make the provider hammer a portal's server.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use josekit::jwk::Jwk;
use serde_json::{Map, Value};

use crate::crypto::KeyAlg;
use crate::crypto::jose;
use crate::domain::{Encryption, JweAlg};
use crate::store::sql::ClientRecord;

/// How long a fetched key set is used without fetching it again.
pub const FRESH_FOR: Duration = Duration::from_secs(15 * 60);
/// The least time between two fetches of one client's keys.
pub const REFETCH_AFTER: Duration = Duration::from_secs(30);
/// The longest a fetch may take.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest key set accepted, in bytes.
pub const MAX_JWKS_BYTES: usize = 64 * 1024;
/// The most keys a set may hold.
const MAX_KEYS: usize = 32;

/// A parsed key set: public keys only.
#[derive(Debug, Clone, Default)]
pub struct KeySet {
    keys: Vec<Jwk>,
}

/// Parses a JWK Set (RFC 7517 §5) of public keys: every key must parse, have
/// a `kty` and no private members.
pub fn parse_jwks(text: &str) -> Result<KeySet, String> {
    let value: Value = serde_json::from_str(text).map_err(|_| "not a JSON JWK Set".to_owned())?;
    let keys = value
        .get("keys")
        .and_then(Value::as_array)
        .ok_or_else(|| "a JWK Set is an object with a \"keys\" list".to_owned())?;
    if keys.is_empty() || keys.len() > MAX_KEYS {
        return Err(format!("a JWK Set here holds 1 to {MAX_KEYS} keys"));
    }
    let mut parsed = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let Value::Object(map) = key else {
            return Err(format!("key {i} is not a JSON object"));
        };
        if jose::has_private_members(map) {
            return Err(format!(
                "key {i} holds private key material: publish only the public half"
            ));
        }
        let jwk = Jwk::from_map(map.clone()).map_err(|e| format!("key {i}: {e}"))?;
        if !matches!(jwk.key_type(), "RSA" | "EC") {
            return Err(format!(
                "key {i}: kty {} is not offered; use RSA or EC",
                jwk.key_type()
            ));
        }
        if jose::thumbprint(map).is_none() {
            return Err(format!("key {i} lacks the members of its kty"));
        }
        parsed.push(jwk);
    }
    Ok(KeySet { keys: parsed })
}

impl KeySet {
    /// The signing keys that may have made a JWS with `alg` and `kid`: with a
    /// `kid`, the key of that id; without, the one signing key of the type.
    fn signing_keys(&self, alg: KeyAlg, kid: Option<&str>) -> Vec<&Jwk> {
        let usable = |k: &&Jwk| {
            k.key_type() == jose::key_type(alg)
                && k.key_use().is_none_or(|u| u == "sig")
                && k.algorithm().is_none_or(|a| a == alg.as_str())
        };
        match kid {
            Some(kid) => self
                .keys
                .iter()
                .filter(|k| k.key_id() == Some(kid))
                .filter(usable)
                .collect(),
            None => {
                let candidates: Vec<&Jwk> = self.keys.iter().filter(usable).collect();
                if candidates.len() == 1 {
                    candidates
                } else {
                    Vec::new()
                }
            }
        }
    }

    /// The key responses are encrypted to: the first of the algorithm's type
    /// meant for encryption (`use: enc`, or no `use`).
    pub fn encryption_key(&self, alg: JweAlg) -> Option<&Jwk> {
        let fits = |k: &&Jwk| {
            k.key_type() == alg.key_type() && k.algorithm().is_none_or(|a| a == alg.as_str())
        };
        self.keys
            .iter()
            .filter(fits)
            .find(|k| k.key_use() == Some("enc"))
            .or_else(|| {
                self.keys
                    .iter()
                    .filter(fits)
                    .find(|k| k.key_use().is_none())
            })
    }
}

/// Why a client-signed JWT was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyProblem {
    /// The client registered no keys.
    #[error("the client registered no keys (jwks or jwks_uri)")]
    NoKeys,
    /// Its keys could not be fetched or parsed.
    #[error("the client's keys could not be read: {0}")]
    Unavailable(String),
    /// The JWS is malformed, uses an algorithm not allowed, or names no key it has.
    #[error("{0}")]
    Refused(String),
}

struct Fetched {
    at: Instant,
    /// When an unknown `kid` last made it fetch again.
    refetched_at: Option<Instant>,
    uri: String,
    keys: Arc<KeySet>,
}

/// The key sets of relying parties, fetched and kept (see the module text).
#[derive(Clone)]
pub struct ClientKeys {
    http: reqwest::Client,
    fetched: Arc<RwLock<HashMap<String, Fetched>>>,
}

impl std::fmt::Debug for ClientKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientKeys").finish_non_exhaustive()
    }
}

impl Default for ClientKeys {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientKeys {
    /// An empty cache with its HTTP client.
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .connect_timeout(FETCH_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self {
            http,
            fetched: Arc::default(),
        }
    }

    /// The client's keys: its `jwks`, or its `jwks_uri` as kept or fetched now.
    /// `again` fetches even a fresh set (a `kid` was unknown), at most once per
    /// [`REFETCH_AFTER`].
    pub async fn keys(
        &self,
        client: &ClientRecord,
        again: bool,
    ) -> Result<Arc<KeySet>, KeyProblem> {
        if let Some(jwks) = &client.profile.jwks {
            return parse_jwks(jwks)
                .map(Arc::new)
                .map_err(KeyProblem::Unavailable);
        }
        let Some(uri) = &client.profile.jwks_uri else {
            return Err(KeyProblem::NoKeys);
        };
        {
            let fetched = self.fetched.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(kept) = fetched.get(&client.client_id).filter(|k| &k.uri == uri) {
                let fresh = kept.at.elapsed() < FRESH_FOR;
                let may_refetch = kept
                    .refetched_at
                    .is_none_or(|at| at.elapsed() >= REFETCH_AFTER);
                if fresh && !(again && may_refetch) {
                    return Ok(Arc::clone(&kept.keys));
                }
            }
        }
        let keys = Arc::new(self.fetch(uri).await?);
        let now = Instant::now();
        let mut fetched = self.fetched.write().unwrap_or_else(PoisonError::into_inner);
        if fetched.len() >= 4096 {
            fetched.clear();
        }
        fetched.insert(
            client.client_id.clone(),
            Fetched {
                at: now,
                refetched_at: again.then_some(now),
                uri: uri.clone(),
                keys: Arc::clone(&keys),
            },
        );
        Ok(keys)
    }

    async fn fetch(&self, uri: &str) -> Result<KeySet, KeyProblem> {
        let unavailable = |why: String| {
            tracing::warn!(jwks_uri = uri, reason = %why, "a client's jwks_uri could not be read");
            KeyProblem::Unavailable(why)
        };
        let mut response = self
            .http
            .get(uri)
            .header("accept", "application/json, application/jwk-set+json")
            .send()
            .await
            .map_err(|e| unavailable(format!("fetching {uri} failed ({e})")))?;
        if !response.status().is_success() {
            return Err(unavailable(format!("{uri} answered {}", response.status())));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| unavailable(format!("reading {uri} failed ({e})")))?
        {
            if body.len() + chunk.len() > MAX_JWKS_BYTES {
                return Err(unavailable(format!(
                    "{uri} is larger than {MAX_JWKS_BYTES} bytes"
                )));
            }
            body.extend_from_slice(&chunk);
        }
        let text =
            String::from_utf8(body).map_err(|_| unavailable(format!("{uri} is not UTF-8")))?;
        parse_jwks(&text).map_err(|e| unavailable(format!("{uri}: {e}")))
    }

    /// Verifies a compact JWS the client signed, with an algorithm from
    /// `allowed`, and returns its claims and protected header.
    pub async fn verify(
        &self,
        client: &ClientRecord,
        token: &str,
        allowed: &[KeyAlg],
    ) -> Result<(Map<String, Value>, Map<String, Value>), KeyProblem> {
        let refused = |why: &str| KeyProblem::Refused(why.to_owned());
        if token.split('.').count() != 3 {
            return Err(refused("not a compact JWS"));
        }
        let header =
            jose::header_of(token).ok_or_else(|| refused("the JWS header does not parse"))?;
        let alg_name = header
            .get("alg")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let alg: KeyAlg = alg_name
            .parse()
            .ok()
            .filter(|alg| allowed.contains(alg))
            .ok_or_else(|| KeyProblem::Refused(format!("alg {alg_name:?} is not allowed here")))?;
        if header.contains_key("crit") {
            return Err(refused("no crit header parameter is understood here"));
        }
        let kid = header.get("kid").and_then(Value::as_str);
        let mut keys = self.keys(client, false).await?;
        if keys.signing_keys(alg, kid).is_empty() && client.profile.jwks_uri.is_some() {
            keys = self.keys(client, true).await?;
        }
        let candidates = keys.signing_keys(alg, kid);
        if candidates.is_empty() {
            return Err(refused(
                "no registered key of the client matches the JWS header",
            ));
        }
        for jwk in candidates {
            let Ok(verifier) = jose::verifier(jwk, alg) else {
                continue;
            };
            if let Ok((payload, header)) = jose::verify(token, verifier.as_ref()) {
                let claims: Map<String, Value> = serde_json::from_slice(&payload)
                    .map_err(|_| refused("the JWS payload is not a JSON object"))?;
                return Ok((claims, header));
            }
        }
        Err(refused(
            "the signature does not verify with the client's keys",
        ))
    }

    /// Encrypts `payload` to the client's key for `encryption`.
    pub async fn encrypt(
        &self,
        client: &ClientRecord,
        payload: &[u8],
        encryption: Encryption,
        nested: bool,
    ) -> Result<String, KeyProblem> {
        let keys = self.keys(client, false).await?;
        let jwk = keys.encryption_key(encryption.alg).ok_or_else(|| {
            KeyProblem::Unavailable(format!(
                "the client has no {} key to encrypt to with {}",
                encryption.alg.key_type(),
                encryption.alg.as_str()
            ))
        })?;
        jose::encrypt(payload, jwk, encryption, nested).map_err(KeyProblem::Unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_set_with_private_members_or_no_keys_is_refused() {
        assert!(parse_jwks(r#"{"keys": []}"#).is_err());
        assert!(parse_jwks(r#"{"kty": "EC"}"#).is_err());
        let private = Jwk::generate_ec_key(josekit::jwk::alg::ec::EcCurve::P256).unwrap();
        let text = format!(r#"{{"keys": [{private}]}}"#);
        let error = parse_jwks(&text).unwrap_err();
        assert!(error.contains("private"), "{error}");
        let public = private.to_public_key().unwrap();
        assert!(parse_jwks(&format!(r#"{{"keys": [{public}]}}"#)).is_ok());
    }

    #[test]
    fn without_a_kid_only_a_single_key_of_the_type_is_chosen() {
        let a = Jwk::generate_ec_key(josekit::jwk::alg::ec::EcCurve::P256)
            .unwrap()
            .to_public_key()
            .unwrap();
        let one = parse_jwks(&format!(r#"{{"keys": [{a}]}}"#)).unwrap();
        assert_eq!(one.signing_keys(KeyAlg::Es256, None).len(), 1);
        assert!(one.signing_keys(KeyAlg::Rs256, None).is_empty());
        let two = parse_jwks(&format!(r#"{{"keys": [{a}, {a}]}}"#)).unwrap();
        assert!(
            two.signing_keys(KeyAlg::Es256, None).is_empty(),
            "ambiguous"
        );
    }
}
