//! JOSE with keys that are not the provider's own: verifying a JWS signed by a
//! relying party (client assertions, request objects) or by a DPoP key, the
//! RFC 7638 thumbprint of a public JWK, and encrypting a response to a
//! client's key (RFC 7516, compact serialisation).
//!
//! Only asymmetric algorithms are accepted ([`KeyAlg`]: RS256, PS256, ES256);
//! `none` and the HMAC family never reach a verifier, so a public key can never
//! be used as a shared secret (the classic algorithm-confusion attack).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use josekit::jwe::{ECDH_ES, JweEncrypter, JweHeader, RSA_OAEP_256};
use josekit::jwk::Jwk;
use josekit::jws::{ES256, JwsVerifier, PS256, RS256};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::keys::{KeyAlg, PRIVATE_MEMBERS};
use crate::domain::{Encryption, JweAlg};

/// The protected header of a compact JWS or JWE, without checking anything
/// else: how a verifier picks the key and algorithm.
pub fn header_of(token: &str) -> Option<Map<String, Value>> {
    let first = token.split('.').next()?;
    let bytes = URL_SAFE_NO_PAD.decode(first).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// Whether a compact serialisation has the five parts of a JWE.
pub fn is_jwe(token: &str) -> bool {
    token.split('.').count() == 5
}

/// The JWK type an algorithm's keys have.
pub fn key_type(alg: KeyAlg) -> &'static str {
    match alg {
        KeyAlg::Rs256 | KeyAlg::Ps256 => "RSA",
        KeyAlg::Es256 => "EC",
    }
}

/// A verifier of `alg` for a public JWK.
pub fn verifier(jwk: &Jwk, alg: KeyAlg) -> Result<Box<dyn JwsVerifier>, String> {
    if jwk.key_type() != key_type(alg) {
        return Err(format!(
            "the key is {}, not a key for {alg}",
            jwk.key_type()
        ));
    }
    let built: Result<Box<dyn JwsVerifier>, _> = match alg {
        KeyAlg::Rs256 => RS256
            .verifier_from_jwk(jwk)
            .map(|v| Box::new(v) as Box<dyn JwsVerifier>),
        KeyAlg::Ps256 => PS256
            .verifier_from_jwk(jwk)
            .map(|v| Box::new(v) as Box<dyn JwsVerifier>),
        KeyAlg::Es256 => ES256
            .verifier_from_jwk(jwk)
            .map(|v| Box::new(v) as Box<dyn JwsVerifier>),
    };
    built.map_err(|e| format!("the key cannot verify {alg}: {e}"))
}

/// Checks a compact JWS with `verifier` and returns its payload and header.
pub fn verify(
    token: &str,
    verifier: &dyn JwsVerifier,
) -> Result<(Vec<u8>, Map<String, Value>), String> {
    let (payload, header) = josekit::jws::deserialize_compact(token, verifier)
        .map_err(|_| "the signature does not verify".to_owned())?;
    Ok((payload, header.into_map()))
}

/// Whether a JWK carries private members (RFC 7518 §6): a public key that does
/// has leaked its private half, and is refused.
pub fn has_private_members(jwk: &Map<String, Value>) -> bool {
    PRIVATE_MEMBERS.iter().any(|m| jwk.contains_key(*m))
}

/// The JWK SHA-256 thumbprint (RFC 7638 §3), base64url: the hash of the
/// required members in lexicographic order, with no whitespace.
pub fn thumbprint(jwk: &Map<String, Value>) -> Option<String> {
    let kty = jwk.get("kty")?.as_str()?;
    let members: &[&str] = match kty {
        "RSA" => &["e", "kty", "n"],
        "EC" => &["crv", "kty", "x", "y"],
        "OKP" => &["crv", "kty", "x"],
        _ => return None,
    };
    let mut canonical = Map::new();
    for member in members {
        let value = jwk.get(*member)?.as_str()?;
        canonical.insert((*member).to_owned(), Value::String(value.to_owned()));
    }
    // serde_json's map keeps its keys sorted and writes no whitespace.
    let text = serde_json::to_string(&canonical).ok()?;
    Some(URL_SAFE_NO_PAD.encode(Sha256::digest(text.as_bytes())))
}

/// Encrypts `payload` to `jwk` as a compact JWE. `nested` marks a signed JWT
/// inside (`cty: JWT`, OIDC Core §16.14 / RFC 7519 §5.2).
pub fn encrypt(
    payload: &[u8],
    jwk: &Jwk,
    encryption: Encryption,
    nested: bool,
) -> Result<String, String> {
    let encrypter: Box<dyn JweEncrypter> = match encryption.alg {
        JweAlg::RsaOaep256 => Box::new(
            RSA_OAEP_256
                .encrypter_from_jwk(jwk)
                .map_err(|e| format!("the client's RSA key cannot encrypt: {e}"))?,
        ),
        JweAlg::EcdhEs => Box::new(
            ECDH_ES
                .encrypter_from_jwk(jwk)
                .map_err(|e| format!("the client's EC key cannot encrypt: {e}"))?,
        ),
    };
    let mut header = JweHeader::new();
    header.set_content_encryption(encryption.enc.as_str());
    if let Some(kid) = jwk.key_id() {
        header.set_key_id(kid);
    }
    if nested {
        header.set_content_type("JWT");
    }
    josekit::jwe::serialize_compact(payload, &header, encrypter.as_ref())
        .map_err(|e| format!("encryption failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::JweEnc;
    use josekit::jwe::ECDH_ES;
    use josekit::jwk::alg::ec::EcCurve;

    #[test]
    fn the_rfc_7638_example_thumbprint() {
        // RFC 7638 §3.1.
        let jwk: Map<String, Value> = serde_json::from_str(
            r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#,
        )
        .unwrap();
        assert_eq!(
            thumbprint(&jwk).unwrap(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
        let mut no_e = jwk.clone();
        no_e.remove("e");
        assert!(thumbprint(&no_e).is_none());
    }

    #[test]
    fn a_key_of_another_type_makes_no_verifier() {
        let ec = Jwk::generate_ec_key(EcCurve::P256)
            .unwrap()
            .to_public_key()
            .unwrap();
        assert!(verifier(&ec, KeyAlg::Rs256).is_err());
        assert!(verifier(&ec, KeyAlg::Es256).is_ok());
    }

    #[test]
    fn an_encrypted_payload_opens_with_the_private_key_only() {
        let private = Jwk::generate_ec_key(EcCurve::P256).unwrap();
        let public = private.to_public_key().unwrap();
        let encryption = Encryption {
            alg: JweAlg::EcdhEs,
            enc: JweEnc::A256Gcm,
        };
        let jwe = encrypt(b"{\"sub\":\"x\"}", &public, encryption, false).unwrap();
        assert!(is_jwe(&jwe));
        let header = header_of(&jwe).unwrap();
        assert_eq!(header["enc"], "A256GCM");
        assert_eq!(header["alg"], "ECDH-ES");
        let decrypter = ECDH_ES.decrypter_from_jwk(&private).unwrap();
        let (payload, _) = josekit::jwe::deserialize_compact(&jwe, &decrypter).unwrap();
        assert_eq!(payload, b"{\"sub\":\"x\"}");
        let other = Jwk::generate_ec_key(EcCurve::P256).unwrap();
        let wrong = ECDH_ES.decrypter_from_jwk(&other).unwrap();
        assert!(josekit::jwe::deserialize_compact(&jwe, &wrong).is_err());
    }
}
