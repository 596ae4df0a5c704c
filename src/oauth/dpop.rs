//! DPoP (RFC 9449): tokens bound to a key the client holds.
//!
//! A client sends, with each request, a proof: a JWT of type `dpop+jwt`
//! signed with its private key and carrying the public key (`jwk`), the HTTP
//! method and URL (`htm`, `htu`), when it was made (`iat`), a unique `jti`, and,
//! with an access token, the token's hash (`ath`). The token endpoint binds
//! the tokens it issues to the key's thumbprint (`cnf.jkt`, RFC 7638); the
//! userinfo endpoint then accepts such a token only with a proof by the same
//! key, so a stolen token is useless without the key.
//!
//! Checked here (RFC 9449 §4.3): exactly one `DPoP` header; `typ`; an
//! asymmetric `alg` ([`KeyAlg`]); a public `jwk` (no private members) that
//! verifies the signature; `htm` and `htu` (the URL without query and
//! fragment, RFC 9449 §4.3 step 9); `iat` within [`PROOF_WINDOW_SECS`] (and at
//! most [`CLOCK_SKEW_SECS`] ahead); `ath`; a `jti` not seen in the window
//! (§11.1). Server nonces (§8) are optional (`CLAVE_DPOP_NONCE`): a nonce is an
//! HMAC of the current five-minute period under a key every instance derives
//! alike, so any instance accepts the nonce another issued, and no state is
//! kept for it.

use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderMap;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use josekit::jwk::Jwk;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::error::{ErrorCode, OAuthError};
use crate::clock::SharedClock;
use crate::crypto::{KeyAlg, hash_token, hmac_sha256_hex, jose};
use crate::store::ephemeral::EphemeralStore;
use crate::store::ephemeral::keys::{SKEW_SECS, Space};

/// How old a proof may be.
pub const PROOF_WINDOW_SECS: i64 = 300;
/// How far ahead of this clock a proof's `iat` may be.
pub const CLOCK_SKEW_SECS: i64 = 60;
/// The longest proof accepted, in bytes (an RSA-4096 `jwk` fits with room).
const MAX_PROOF_LEN: usize = 8 * 1024;
/// The period of a server nonce.
const NONCE_PERIOD_SECS: i64 = 300;

/// A checked proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    /// The thumbprint of the proof's key (`cnf.jkt`).
    pub jkt: String,
}

/// `ath`: the base64url SHA-256 of an access token (RFC 9449 §4.2).
pub fn access_token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// Whether `text` can be a JWK SHA-256 thumbprint (43 base64url characters).
pub fn is_thumbprint(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks DPoP proofs (see the module text).
#[derive(Clone)]
pub struct DpopChecker {
    store: Arc<dyn EphemeralStore>,
    clock: SharedClock,
    /// The key of server nonces, when they are required.
    nonce_key: Option<Arc<[u8]>>,
}

impl DpopChecker {
    /// A checker over `store` (for `jti`s); `nonce_key` requires nonces.
    pub fn new(
        store: Arc<dyn EphemeralStore>,
        clock: SharedClock,
        nonce_key: Option<Vec<u8>>,
    ) -> Self {
        Self {
            store,
            clock,
            nonce_key: nonce_key.map(Into::into),
        }
    }

    fn nonce_at(&self, key: &[u8], period: i64) -> String {
        let mac = hmac_sha256_hex(key, format!("dpop-nonce {period}").as_bytes());
        mac[..32].to_owned()
    }

    /// A nonce to hand out now, when nonces are required.
    pub fn fresh_nonce(&self) -> Option<String> {
        let key = self.nonce_key.as_ref()?;
        Some(self.nonce_at(key, self.clock.now() / NONCE_PERIOD_SECS))
    }

    fn nonce_ok(&self, key: &[u8], nonce: Option<&str>) -> bool {
        let period = self.clock.now() / NONCE_PERIOD_SECS;
        nonce
            .is_some_and(|n| n == self.nonce_at(key, period) || n == self.nonce_at(key, period - 1))
    }

    /// The proof of a request to `method` `url`, if it carries one; an error
    /// if it carries a bad one or several. `access_token` is the token the
    /// request presents (its hash must be the proof's `ath`).
    pub async fn check(
        &self,
        headers: &HeaderMap,
        method: &str,
        url: &str,
        access_token: Option<&str>,
    ) -> Result<Option<Proof>, OAuthError> {
        let mut values = headers.get_all("dpop").iter();
        let Some(value) = values.next() else {
            return Ok(None);
        };
        if values.next().is_some() {
            return Err(invalid("send one DPoP proof, not several"));
        }
        let proof = value
            .to_str()
            .map_err(|_| invalid("the DPoP proof is not text"))?;
        if proof.len() > MAX_PROOF_LEN || proof.split('.').count() != 3 {
            return Err(invalid("the DPoP proof is not a compact JWS"));
        }
        let header =
            jose::header_of(proof).ok_or_else(|| invalid("the DPoP header does not parse"))?;
        if header.get("typ").and_then(Value::as_str) != Some("dpop+jwt") {
            return Err(invalid("the DPoP proof's typ must be dpop+jwt"));
        }
        let alg: KeyAlg = header
            .get("alg")
            .and_then(Value::as_str)
            .and_then(|a| a.parse().ok())
            .ok_or_else(|| invalid("the DPoP proof's alg must be ES256, PS256 or RS256"))?;
        let Some(Value::Object(jwk_map)) = header.get("jwk") else {
            return Err(invalid("the DPoP proof must carry its public key (jwk)"));
        };
        if jose::has_private_members(jwk_map) {
            return Err(invalid("the DPoP proof's jwk holds private key material"));
        }
        let jkt = jose::thumbprint(jwk_map)
            .ok_or_else(|| invalid("the DPoP proof's jwk is incomplete"))?;
        let jwk = Jwk::from_map(jwk_map.clone())
            .map_err(|_| invalid("the DPoP proof's jwk does not parse"))?;
        let verifier = jose::verifier(&jwk, alg).map_err(invalid)?;
        let (payload, _) = jose::verify(proof, verifier.as_ref()).map_err(invalid)?;
        let claims: Map<String, Value> = serde_json::from_slice(&payload)
            .map_err(|_| invalid("the DPoP payload is not a JSON object"))?;
        let text = |name: &str| claims.get(name).and_then(Value::as_str);
        if text("htm") != Some(method) {
            return Err(invalid("the DPoP proof's htm is not this request's method"));
        }
        if !same_target(text("htu").unwrap_or_default(), url) {
            return Err(invalid("the DPoP proof's htu is not this request's URL"));
        }
        let now = self.clock.now();
        let Some(iat) = claims.get("iat").and_then(Value::as_i64) else {
            return Err(invalid("the DPoP proof needs an iat"));
        };
        if iat > now + CLOCK_SKEW_SECS || iat < now - PROOF_WINDOW_SECS {
            return Err(invalid(
                "the DPoP proof is too old or from the future (iat)",
            ));
        }
        match (access_token, text("ath")) {
            (Some(token), Some(ath)) if ath == access_token_hash(token) => {}
            (Some(_), _) => {
                return Err(invalid(
                    "the DPoP proof's ath is not the access token's hash",
                ));
            }
            (None, _) => {}
        }
        if let Some(key) = &self.nonce_key
            && !self.nonce_ok(key, text("nonce"))
        {
            let mut error = OAuthError::new(
                ErrorCode::UseDpopNonce,
                "use the nonce in the DPoP-Nonce header",
            );
            error.dpop_nonce = self.fresh_nonce();
            return Err(error);
        }
        let Some(jti) = text("jti").filter(|j| !j.is_empty() && j.len() <= 256) else {
            return Err(invalid("the DPoP proof needs a jti"));
        };
        let key = Space::DpopUsed.key(&hash_token(&format!("{jkt}\n{jti}")));
        let ttl = Duration::from_secs((PROOF_WINDOW_SECS + CLOCK_SKEW_SECS + SKEW_SECS) as u64);
        if !self.store.put_new(&key, b"1", ttl).await? {
            return Err(invalid("this DPoP proof was already used (jti)"));
        }
        Ok(Some(Proof { jkt }))
    }
}

fn invalid(description: impl Into<std::borrow::Cow<'static, str>>) -> OAuthError {
    OAuthError::new(ErrorCode::InvalidDpopProof, description)
}

/// Whether a proof's `htu` names `url`: the same scheme, host, port and path;
/// query and fragment are ignored (RFC 9449 §4.3, with RFC 3986 §6 normalisation).
fn same_target(htu: &str, url: &str) -> bool {
    let (Ok(a), Ok(b)) = (url::Url::parse(htu), url::Url::parse(url)) else {
        return false;
    };
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
        && a.path() == b.path()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn htu_ignores_query_and_fragment_and_default_ports() {
        assert!(same_target(
            "https://clave.example/token?x=1#f",
            "https://clave.example/token"
        ));
        assert!(same_target(
            "https://clave.example:443/token",
            "https://clave.example/token"
        ));
        assert!(!same_target(
            "https://clave.example/userinfo",
            "https://clave.example/token"
        ));
        assert!(!same_target(
            "http://clave.example/token",
            "https://clave.example/token"
        ));
        assert!(!same_target("not a url", "https://clave.example/token"));
    }

    #[test]
    fn ath_is_the_base64url_sha256_of_the_token() {
        // RFC 9449 §7.1's example token and its ath.
        assert_eq!(
            access_token_hash("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"),
            "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo"
        );
        assert!(is_thumbprint("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"));
        assert!(!is_thumbprint("short"));
    }
}
