//! The demo portal's "government profile": the same portal as a second client,
//! `demo-portal-gov`, that logs in the way FAPI 2.0 and the SPID/CIE profile ask
//! (README, "Government-grade portals"):
//!
//! - **private_key_jwt** (RFC 7523): no secret; every call to `/par` and `/token`
//!   carries a client assertion signed with the portal's ES256 key, whose public
//!   half is registered inline as the client's `jwks`.
//! - **PAR** (RFC 9126): the authorization request is pushed first and the
//!   browser carries only the `request_uri` (the client requires it).
//! - **DPoP** (RFC 9449): a key made for each login proves possession at
//!   `/token` and `/userinfo`; the access token is bound to it (`token_type`
//!   `DPoP`), and a nonce the provider asks for is sent on the retry.
//!
//! The `openidconnect` crate does not speak these three, so the requests are
//! built here by hand; the ID token is still verified by the crate.
//!
//! The portal's key is a provider secret (`provider_secrets`, sealed like every
//! other) made once, so every instance and restart sign with the key registered.

use std::time::Duration;

use josekit::jwk::Jwk;
use josekit::jwk::alg::ec::EcCurve;
use josekit::jws::{ES256, JwsHeader};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::crypto::random_token;

/// The government profile's client id.
pub const CLIENT_ID: &str = "demo-portal-gov";
/// The name citizens see on the Cl@ve login screens.
pub const CLIENT_NAME: &str = "Sede electrónica de demostración (perfil gubernamental)";
/// The provider secret holding the portal's private signing key (a JWK).
pub const KEY_NAME: &str = "demo_gov_client_key";
/// The `kid` of the portal's key.
const KEY_ID: &str = "demo-gov-1";
/// How long a client assertion is valid (the provider accepts at most 300 s).
const ASSERTION_SECS: i64 = 60;
/// The assertion's type (RFC 7523 §2.2).
pub const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// A new private key for the portal, as the JWK text stored.
pub fn new_client_key() -> Result<String, String> {
    let mut key = Jwk::generate_ec_key(EcCurve::P256).map_err(|e| e.to_string())?;
    key.set_key_id(KEY_ID);
    key.set_algorithm("ES256");
    key.set_key_use("sig");
    Ok(key.to_string())
}

/// The JWK Set registered for the portal: the public half of `private_jwk`.
pub fn public_jwks(private_jwk: &str) -> Result<String, String> {
    let key = Jwk::from_bytes(private_jwk.as_bytes()).map_err(|e| e.to_string())?;
    // The public half keeps only the key's members: name it again.
    let mut public = key.to_public_key().map_err(|e| e.to_string())?;
    public.set_key_id(KEY_ID);
    public.set_algorithm("ES256");
    Ok(json!({ "keys": [Value::Object(public.as_ref().clone())] }).to_string())
}

/// Signs a compact JWS with ES256.
fn sign(key: &Jwk, header: JwsHeader, claims: &Value) -> Result<String, String> {
    let signer = ES256.signer_from_jwk(key).map_err(|e| e.to_string())?;
    josekit::jws::serialize_compact(claims.to_string().as_bytes(), &header, &signer)
        .map_err(|e| e.to_string())
}

/// The portal's signing key.
#[derive(Clone)]
pub struct ClientKey(Jwk);

impl std::fmt::Debug for ClientKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key.
        f.debug_struct("ClientKey").finish_non_exhaustive()
    }
}

impl ClientKey {
    /// The key stored as `text`.
    pub fn parse(text: &str) -> Result<Self, String> {
        Jwk::from_bytes(text.as_bytes())
            .map(Self)
            .map_err(|e| e.to_string())
    }

    /// A client assertion (RFC 7523 §3, OIDC Core §9) for `audience` at `now`.
    pub fn assertion(&self, audience: &str, now: i64) -> Result<String, String> {
        let mut header = JwsHeader::new();
        header.set_key_id(KEY_ID);
        header.set_token_type("JWT");
        let claims = json!({
            "iss": CLIENT_ID,
            "sub": CLIENT_ID,
            "aud": audience,
            "iat": now,
            "exp": now + ASSERTION_SECS,
            "jti": random_token(16),
        });
        sign(&self.0, header, &claims)
    }
}

/// A DPoP key made for one login (RFC 9449 §2).
pub struct DpopKey(Jwk);

impl DpopKey {
    /// A fresh P-256 key.
    pub fn new() -> Result<Self, String> {
        Jwk::generate_ec_key(EcCurve::P256)
            .map(Self)
            .map_err(|e| e.to_string())
    }

    /// A proof (§4.2) for `method` `url` at `now`, bound to `access_token`
    /// (`ath`) and carrying the provider's `nonce` when given.
    pub fn proof(
        &self,
        method: &str,
        url: &str,
        now: i64,
        access_token: Option<&str>,
        nonce: Option<&str>,
    ) -> Result<String, String> {
        use base64::Engine as _;
        let public = self.0.to_public_key().map_err(|e| e.to_string())?;
        let mut header = JwsHeader::new();
        header.set_token_type("dpop+jwt");
        header.set_jwk(public);
        let mut claims = json!({
            "jti": random_token(16),
            "htm": method,
            "htu": url,
            "iat": now,
        });
        if let Some(token) = access_token {
            let digest = Sha256::digest(token.as_bytes());
            claims["ath"] = json!(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest));
        }
        if let Some(nonce) = nonce {
            claims["nonce"] = json!(nonce);
        }
        sign(&self.0, header, &claims)
    }
}

/// The nonce a DPoP refusal asks for (RFC 9449 §8): the `DPoP-Nonce` header of
/// a `use_dpop_nonce` answer.
pub fn asked_nonce(response: &reqwest::Response) -> Option<String> {
    let asks = match response.status().as_u16() {
        400 => true,
        401 => response
            .headers()
            .get(reqwest::header::WWW_AUTHENTICATE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("use_dpop_nonce")),
        _ => false,
    };
    if !asks {
        return None;
    }
    response
        .headers()
        .get("dpop-nonce")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Timeout of each call the portal makes to the provider.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KeyAlg;
    use crate::crypto::jose;

    fn payload(jws: &str) -> Value {
        use base64::Engine as _;
        let part = jws.split('.').nth(1).unwrap();
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    #[test]
    fn the_registered_key_set_is_public_and_verifies_the_assertion() {
        let private = new_client_key().unwrap();
        let jwks: Value = serde_json::from_str(&public_jwks(&private).unwrap()).unwrap();
        let public = jwks["keys"][0].as_object().unwrap();
        assert!(!jose::has_private_members(public), "{jwks}");
        assert_eq!(
            (&public["kid"], &public["alg"]),
            (&json!(KEY_ID), &json!("ES256"))
        );
        let assertion = ClientKey::parse(&private)
            .unwrap()
            .assertion("http://idp.example", 1000)
            .unwrap();
        let verifier =
            jose::verifier(&Jwk::from_map(public.clone()).unwrap(), KeyAlg::Es256).unwrap();
        let (_, header) = jose::verify(&assertion, verifier.as_ref()).unwrap();
        assert_eq!(header["kid"], KEY_ID);
        let claims = payload(&assertion);
        assert_eq!(
            (
                &claims["iss"],
                &claims["sub"],
                &claims["aud"],
                &claims["exp"]
            ),
            (
                &json!(CLIENT_ID),
                &json!(CLIENT_ID),
                &json!("http://idp.example"),
                &json!(1060)
            )
        );
    }

    #[test]
    fn a_proof_names_the_request_embeds_the_public_key_and_hashes_the_token() {
        let key = DpopKey::new().unwrap();
        let proof = key
            .proof(
                "GET",
                "http://idp.example/userinfo",
                5,
                Some("tok"),
                Some("n1"),
            )
            .unwrap();
        let header = jose::header_of(&proof).unwrap();
        assert_eq!(header["typ"], "dpop+jwt");
        assert!(!jose::has_private_members(
            header["jwk"].as_object().unwrap()
        ));
        let claims = payload(&proof);
        assert_eq!(claims["htm"], "GET");
        assert_eq!(claims["nonce"], "n1");
        // RFC 9449 §4.2: base64url(SHA-256("tok")).
        assert_eq!(claims["ath"], "GnZ0607njffhrEOak8P6jjyUV4TU3sn9jjARc4svHWI");
    }
}
