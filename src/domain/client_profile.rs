//! The government-grade settings of a relying party, in the client-metadata names
//! of RFC 7591 §2, OIDC Registration §2 and the RFCs that define each one: its
//! public keys, how it signs client assertions and request objects, whether it
//! must push its requests (RFC 9126) or bind its tokens to a key (RFC 9449), how
//! its ID tokens and userinfo answers are signed and encrypted, and where it
//! hears of a logout (Back-Channel Logout 1.0).
//!
//! A portal of the OpenID Basic profile has the default profile. The profile is
//! stored as one JSON object (`relying_parties.profile`); `clave-idp client show
//! --json` prints it in the same names. The checks that need more than one field
//! (a `private_key_jwt` client without keys, an encryption `alg` without `enc`)
//! are [`ClientProfile::problems`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::crypto::KeyAlg;

/// A key-management algorithm for encrypted responses (RFC 7518 §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JweAlg {
    /// RSAES OAEP with SHA-256, to the client's RSA `enc` key.
    #[serde(rename = "RSA-OAEP-256")]
    RsaOaep256,
    /// Elliptic-curve Diffie–Hellman, direct key agreement, to its EC `enc` key.
    #[serde(rename = "ECDH-ES")]
    EcdhEs,
}

impl JweAlg {
    /// Every one offered, in the order discovery lists them.
    pub const ALL: [JweAlg; 2] = [JweAlg::RsaOaep256, JweAlg::EcdhEs];

    /// The JOSE name.
    pub fn as_str(self) -> &'static str {
        match self {
            JweAlg::RsaOaep256 => "RSA-OAEP-256",
            JweAlg::EcdhEs => "ECDH-ES",
        }
    }

    /// The JWK key type (`kty`) this algorithm encrypts to.
    pub fn key_type(self) -> &'static str {
        match self {
            JweAlg::RsaOaep256 => "RSA",
            JweAlg::EcdhEs => "EC",
        }
    }

    /// The algorithm of a JOSE name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|alg| alg.as_str() == name)
    }
}

/// A content-encryption algorithm for encrypted responses (RFC 7518 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JweEnc {
    /// AES-256 in Galois/Counter Mode.
    #[serde(rename = "A256GCM")]
    A256Gcm,
    /// AES-128-CBC with HMAC-SHA-256.
    #[serde(rename = "A128CBC-HS256")]
    A128CbcHs256,
}

impl JweEnc {
    /// Every one offered, in the order discovery lists them.
    pub const ALL: [JweEnc; 2] = [JweEnc::A256Gcm, JweEnc::A128CbcHs256];

    /// The JOSE name.
    pub fn as_str(self) -> &'static str {
        match self {
            JweEnc::A256Gcm => "A256GCM",
            JweEnc::A128CbcHs256 => "A128CBC-HS256",
        }
    }

    /// The algorithm of a JOSE name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|enc| enc.as_str() == name)
    }
}

/// How a response is encrypted to the client: `*_encrypted_response_alg` and
/// `*_encrypted_response_enc` (OIDC Registration §2; `enc` defaults to
/// `A128CBC-HS256` there, but is always stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Encryption {
    /// Key management.
    pub alg: JweAlg,
    /// Content encryption.
    pub enc: JweEnc,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The government-grade settings of one relying party (see the module text).
/// Every field is optional; the default is the OpenID Basic profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClientProfile {
    /// The portal's name in other languages (`client_name#ca`, RFC 7591 §2.2), by
    /// the tag of a language the pages speak (`ca`, `ca-valencia`), else by primary
    /// language subtag; a page in that language shows it instead of `client_name`
    /// ([`ClientProfile::localized_name`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub localized_names: BTreeMap<String, String>,
    /// The client authenticates with `private_key_jwt` (RFC 7523 §2.2) rather
    /// than a secret.
    #[serde(skip_serializing_if = "is_false")]
    pub private_key_jwt: bool,
    /// Its public keys as a JWK Set, as registered (JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwks: Option<String>,
    /// Where its public keys are published (fetched and cached).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwks_uri: Option<String>,
    /// The only algorithm its client assertions may use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_endpoint_auth_signing_alg: Option<KeyAlg>,
    /// The only algorithm its request objects may use (RFC 9101).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_object_signing_alg: Option<KeyAlg>,
    /// Every authorization request must be a signed request object (RFC 9101 §10.5).
    #[serde(skip_serializing_if = "is_false")]
    pub require_signed_request_object: bool,
    /// Every authorization request must be pushed first (RFC 9126 §6).
    #[serde(skip_serializing_if = "is_false")]
    pub require_pushed_authorization_requests: bool,
    /// Every access token is bound to a DPoP key (RFC 9449 §5.2).
    #[serde(skip_serializing_if = "is_false")]
    pub dpop_bound_access_tokens: bool,
    /// Userinfo is answered as a JWT signed with this algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userinfo_signed_response_alg: Option<KeyAlg>,
    /// ID tokens are encrypted to the client's `enc` key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token_encryption: Option<Encryption>,
    /// Userinfo answers are encrypted to the client's `enc` key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userinfo_encryption: Option<Encryption>,
    /// Where a logout token is posted (Back-Channel Logout 1.0 §2.2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backchannel_logout_uri: Option<String>,
    /// The portal asked for `sid` in its logout tokens (always sent here).
    #[serde(skip_serializing_if = "is_false")]
    pub backchannel_logout_session_required: bool,
    /// The levels asked for when a request names none (OIDC Registration §2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub default_acr_values: Vec<String>,
    /// The document listing the client's redirect URIs whose host is its
    /// pairwise sector (OIDC Core §8.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector_identifier_uri: Option<String>,
}

impl ClientProfile {
    /// The name registered for the language tagged `tag`, by the "Lookup" of
    /// RFC 4647 §3.4: the tag itself, then with its last subtag cut off, and so
    /// on, so a Valencian page (`ca-valencia`) shows the Catalan name (`ca`) when
    /// the portal registered no Valencian one.
    pub fn localized_name(&self, tag: &str) -> Option<&str> {
        let mut tag = tag;
        loop {
            if let Some(name) = self.localized_names.get(tag) {
                return Some(name);
            }
            tag = &tag[..tag.rfind('-')?];
        }
    }

    /// Whether the client registered public keys of its own.
    pub fn has_keys(&self) -> bool {
        self.jwks.is_some() || self.jwks_uri.is_some()
    }

    /// Whether any response is encrypted to the client's keys.
    pub fn encrypts(&self) -> bool {
        self.id_token_encryption.is_some() || self.userinfo_encryption.is_some()
    }

    /// What is wrong with the profile as a whole, each naming the metadata field
    /// at fault; empty when it is consistent.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.jwks.is_some() && self.jwks_uri.is_some() {
            problems.push("jwks_uri: give jwks or jwks_uri, not both (RFC 7591 §2)".to_owned());
        }
        let needs_keys = [
            (
                self.private_key_jwt,
                "token_endpoint_auth_method: private_key_jwt",
            ),
            (
                self.request_object_signing_alg.is_some() || self.require_signed_request_object,
                "request_object_signing_alg",
            ),
            (
                self.id_token_encryption.is_some(),
                "id_token_encrypted_response_alg",
            ),
            (
                self.userinfo_encryption.is_some(),
                "userinfo_encrypted_response_alg",
            ),
        ];
        for (needed, field) in needs_keys {
            if needed && !self.has_keys() {
                problems.push(format!(
                    "{field} needs the client's keys: add jwks or jwks_uri"
                ));
            }
        }
        if self.token_endpoint_auth_signing_alg.is_some() && !self.private_key_jwt {
            problems.push(
                "token_endpoint_auth_signing_alg: only with token_endpoint_auth_method private_key_jwt"
                    .to_owned(),
            );
        }
        if self.backchannel_logout_session_required && self.backchannel_logout_uri.is_none() {
            problems.push(
                "backchannel_logout_session_required: only with a backchannel_logout_uri"
                    .to_owned(),
            );
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_localized_name_falls_back_to_the_shorter_tag_never_to_another_language() {
        let profile = ClientProfile {
            localized_names: [
                ("ca".to_owned(), "Seu electrònica".to_owned()),
                ("en".to_owned(), "E-office".to_owned()),
            ]
            .into(),
            ..Default::default()
        };
        assert_eq!(profile.localized_name("ca"), Some("Seu electrònica"));
        assert_eq!(
            profile.localized_name("ca-valencia"),
            Some("Seu electrònica")
        );
        assert_eq!(profile.localized_name("gl"), None);
        assert_eq!(profile.localized_name(""), None);
        let mut valencian = profile.clone();
        valencian
            .localized_names
            .insert("ca-valencia".to_owned(), "Seu electrònica (va)".to_owned());
        assert_eq!(
            valencian.localized_name("ca-valencia"),
            Some("Seu electrònica (va)")
        );
        assert_eq!(valencian.localized_name("ca"), Some("Seu electrònica"));
    }

    #[test]
    fn the_basic_profile_is_stored_as_an_empty_object() {
        assert_eq!(
            serde_json::to_string(&ClientProfile::default()).unwrap(),
            "{}"
        );
        let back: ClientProfile = serde_json::from_str("{}").unwrap();
        assert_eq!(back, ClientProfile::default());
    }

    #[test]
    fn a_profile_round_trips_in_the_standard_names() {
        let profile = ClientProfile {
            private_key_jwt: true,
            jwks_uri: Some("https://sede.example/jwks".into()),
            request_object_signing_alg: Some(KeyAlg::Ps256),
            id_token_encryption: Some(Encryption {
                alg: JweAlg::EcdhEs,
                enc: JweEnc::A256Gcm,
            }),
            ..ClientProfile::default()
        };
        let text = serde_json::to_string(&profile).unwrap();
        assert!(
            text.contains("\"ECDH-ES\"") && text.contains("\"PS256\""),
            "{text}"
        );
        assert_eq!(
            serde_json::from_str::<ClientProfile>(&text).unwrap(),
            profile
        );
        assert!(profile.problems().is_empty(), "{:?}", profile.problems());
    }

    #[test]
    fn fields_that_need_keys_are_refused_without_them() {
        let profile = ClientProfile {
            private_key_jwt: true,
            userinfo_encryption: Some(Encryption {
                alg: JweAlg::RsaOaep256,
                enc: JweEnc::A128CbcHs256,
            }),
            backchannel_logout_session_required: true,
            ..ClientProfile::default()
        };
        let problems = profile.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("token_endpoint_auth_method"));
        assert!(problems[1].starts_with("userinfo_encrypted_response_alg"));
        assert!(problems[2].starts_with("backchannel_logout_session_required"));
    }

    #[test]
    fn jose_names_parse_back() {
        for alg in JweAlg::ALL {
            assert_eq!(JweAlg::parse(alg.as_str()), Some(alg));
        }
        for enc in JweEnc::ALL {
            assert_eq!(JweEnc::parse(enc.as_str()), Some(enc));
        }
        assert_eq!(JweAlg::parse("RSA1_5"), None, "RSA1_5 is not offered");
    }
}
