//! Signing key material: algorithms, generation, and the stored form.
//!
//! ID tokens are signed with RS256 (required by OIDC Core §15.1, the default for every
//! client), ES256 or PS256 (per client). Keys are generated here, persisted by the store as
//! JSON strings (so every instance shares them) and loaded into a [`super::KeyRing`].
//!
//! **RSA size.** RS256 keys are 2048-bit: NIST SP 800-57 rates RSA-2048 at 112 bits of
//! security, acceptable until 2030, and every OIDC client verifies it. Signing cost
//! grows roughly with the cube of the modulus; measured here through josekit/OpenSSL
//! (test build, one core of a busy 2-core machine): RSA-2048 ≈ 1,300 signatures/s,
//! RSA-3072 ≈ 365–430/s (3–3.5× slower), ES256 ≈ 12,000/s; an idle release build reaches
//! ≈ 3,400/s for RSA-2048. ID-token signing is on the login hot path, so 3072 would
//! cost real capacity for a margin not yet required. ES256 (P-256, 128-bit security)
//! is offered for clients that want stronger, cheaper signatures; moving to RSA-3072
//! is a change of [`RSA_BITS`] when policy demands it (re-run the ignored
//! `signing_throughput…` test in `keyring_tests.rs` to measure).
//!
//! Generation is CPU-heavy (RSA: tens of milliseconds); call it from the CLI or inside
//! `spawn_blocking`, never on the async executor.

use std::fmt;
use std::str::FromStr;

use josekit::jwk::Jwk;
use josekit::jwk::alg::ec::EcCurve;

/// Size of generated RSA keys (see the module documentation).
pub const RSA_BITS: u32 = 2048;

/// JWK members that carry private key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1).
pub(crate) const PRIVATE_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// A JWS signing algorithm the provider supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyAlg {
    /// RSASSA-PKCS1-v1_5 with SHA-256: the OIDC default.
    Rs256,
    /// ECDSA on P-256 with SHA-256.
    Es256,
    /// RSASSA-PSS with SHA-256 (asked for by FAPI 2.0 and eIDAS-style profiles).
    Ps256,
}

impl KeyAlg {
    /// Every supported algorithm, in the order advertised by discovery.
    pub const ALL: [KeyAlg; 3] = [KeyAlg::Rs256, KeyAlg::Es256, KeyAlg::Ps256];

    /// The JOSE name (`"RS256"`, `"ES256"`).
    pub fn as_str(self) -> &'static str {
        match self {
            KeyAlg::Rs256 => "RS256",
            KeyAlg::Es256 => "ES256",
            KeyAlg::Ps256 => "PS256",
        }
    }
}

impl serde::Serialize for KeyAlg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for KeyAlg {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for KeyAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for KeyAlg {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "RS256" => Ok(KeyAlg::Rs256),
            "ES256" => Ok(KeyAlg::Es256),
            "PS256" => Ok(KeyAlg::Ps256),
            other => Err(KeyError::UnsupportedAlg(other.to_owned())),
        }
    }
}

/// Errors from key generation, loading, signing and verification.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The algorithm name is not RS256, ES256 or PS256.
    #[error("unsupported signing algorithm: {0}")]
    UnsupportedAlg(String),
    /// A stored key could not be parsed or does not fit its algorithm.
    #[error("invalid key {kid}: {reason}")]
    InvalidKey {
        /// The key id.
        kid: String,
        /// What was wrong.
        reason: String,
    },
    /// Two stored keys share a key id.
    #[error("duplicate key id: {0}")]
    DuplicateKid(String),
    /// No active key can sign with this algorithm right now.
    #[error("no active {0} signing key")]
    NoSigningKey(KeyAlg),
    /// The claims could not be put in a JWT, or signing failed.
    #[error("signing failed: {0}")]
    Signing(String),
    /// A token is malformed, signed by an unknown key, or its signature is wrong.
    #[error("invalid token: {0}")]
    InvalidToken(String),
    /// Sealed data could not be sealed or opened (wrong key or tampered).
    #[error("sealed data could not be processed: {0}")]
    Seal(String),
}

/// A generated key pair as JWK JSON strings.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyMaterial {
    /// Key id, published in the JWKS and in every JWS header.
    pub kid: String,
    /// The algorithm this key signs with.
    pub alg: KeyAlg,
    /// The private JWK (JSON). Secret: never log it, seal it at rest.
    pub private_jwk: String,
    /// The public JWK (JSON) with kid, alg and `use: sig`; no private members.
    pub public_jwk: String,
}

impl fmt::Debug for KeyMaterial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyMaterial")
            .field("kid", &self.kid)
            .field("alg", &self.alg)
            .field("private_jwk", &"[redacted]")
            .field("public_jwk", &self.public_jwk)
            .finish()
    }
}

/// A key as persisted: material plus its publication and signing window.
///
/// A key is published in the JWKS from its creation until `retires_at`, and signs from
/// `activates_at`: rotation stores the next key with `activates_at` in the future so
/// relying parties that cache the JWKS learn it before it signs, and retires the old
/// key only after the last token it signed has expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    /// The key pair.
    pub material: KeyMaterial,
    /// When the key may start signing (unix seconds).
    pub activates_at: i64,
    /// When the key stops being published and trusted (unix seconds); `None` = never.
    pub retires_at: Option<i64>,
}

impl StoredKey {
    /// Whether the key is still published (and trusted for verification) at `now`.
    pub fn is_published(&self, now: i64) -> bool {
        self.retires_at.is_none_or(|retires| now < retires)
    }

    /// Whether the key may sign at `now`.
    pub fn can_sign(&self, now: i64) -> bool {
        self.activates_at <= now && self.is_published(now)
    }
}

/// Generates a new key pair for `alg`: RSA 2048 for RS256 and PS256, P-256 for ES256.
pub fn generate_key(alg: KeyAlg, kid: String) -> Result<KeyMaterial, KeyError> {
    let invalid = |reason: String| KeyError::InvalidKey {
        kid: kid.clone(),
        reason,
    };
    let mut private = match alg {
        KeyAlg::Rs256 | KeyAlg::Ps256 => Jwk::generate_rsa_key(RSA_BITS),
        KeyAlg::Es256 => Jwk::generate_ec_key(EcCurve::P256),
    }
    .map_err(|e| invalid(e.to_string()))?;
    private.set_key_id(kid.clone());
    private.set_algorithm(alg.as_str());
    private.set_key_use("sig");
    let public = public_jwk(&private, &kid, alg)?;
    Ok(KeyMaterial {
        private_jwk: private.to_string(),
        public_jwk: public.to_string(),
        kid,
        alg,
    })
}

/// The public half of `private`, labelled with kid, alg and `use: sig`, with every
/// private member removed (defence in depth on top of josekit's `to_public_key`).
pub(crate) fn public_jwk(private: &Jwk, kid: &str, alg: KeyAlg) -> Result<Jwk, KeyError> {
    let mut public = private.to_public_key().map_err(|e| KeyError::InvalidKey {
        kid: kid.to_owned(),
        reason: e.to_string(),
    })?;
    public.set_key_id(kid);
    public.set_algorithm(alg.as_str());
    public.set_key_use("sig");
    for member in PRIVATE_MEMBERS {
        // Removing a member never fails; only setting a reserved one with a bad type can.
        let _ = public.set_parameter(member, None);
    }
    Ok(public)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn algorithms_print_and_parse_by_their_jose_names() {
        for alg in KeyAlg::ALL {
            assert_eq!(alg.to_string().parse::<KeyAlg>().unwrap(), alg);
        }
        assert_eq!(KeyAlg::Rs256.to_string(), "RS256");
        assert!(matches!(
            "HS256".parse::<KeyAlg>(),
            Err(KeyError::UnsupportedAlg(_))
        ));
        assert!("rs256".parse::<KeyAlg>().is_err());
    }

    #[test]
    fn generated_keys_carry_kid_alg_and_use_and_the_public_half_has_no_secrets() {
        for alg in KeyAlg::ALL {
            let key = generate_key(alg, format!("k-{alg}")).unwrap();
            let private: serde_json::Map<String, Value> =
                serde_json::from_str(&key.private_jwk).unwrap();
            let public: serde_json::Map<String, Value> =
                serde_json::from_str(&key.public_jwk).unwrap();

            assert!(private.contains_key("d"));
            for jwk in [&private, &public] {
                assert_eq!(jwk["kid"], format!("k-{alg}"));
                assert_eq!(jwk["alg"], alg.as_str());
                assert_eq!(jwk["use"], "sig");
            }
            for member in PRIVATE_MEMBERS {
                assert!(!public.contains_key(member), "{alg} public has {member}");
            }
        }
    }

    #[test]
    fn rsa_keys_are_2048_bits_and_ec_keys_are_p256() {
        let rsa = generate_key(KeyAlg::Rs256, "r".into()).unwrap();
        let public: serde_json::Map<String, Value> = serde_json::from_str(&rsa.public_jwk).unwrap();
        let n = public["n"].as_str().unwrap();
        assert_eq!(n.len(), 342, "256 bytes in base64url");

        let ec = generate_key(KeyAlg::Es256, "e".into()).unwrap();
        assert!(ec.public_jwk.contains(r#""crv":"P-256""#));
    }

    #[test]
    fn debug_output_never_shows_the_private_key() {
        let key = generate_key(KeyAlg::Es256, "dbg".into()).unwrap();
        let debug = format!("{key:?}");
        assert!(debug.contains("[redacted]"));
        assert!(!debug.contains(&key.private_jwk));
        assert!(!debug.contains(r#""d""#));
    }

    #[test]
    fn a_key_is_published_until_it_retires_and_signs_only_from_activation() {
        let key = StoredKey {
            material: generate_key(KeyAlg::Es256, "w".into()).unwrap(),
            activates_at: 100,
            retires_at: Some(200),
        };
        assert!(key.is_published(50) && !key.can_sign(50));
        assert!(key.is_published(100) && key.can_sign(100));
        assert!(!key.is_published(200) && !key.can_sign(200));
    }
}
