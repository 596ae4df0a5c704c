//! What a relying party is, as types: how it authenticates and where it may send
//! the citizen back.
//!
//! A [`ClientKind`] is confidential, holding the hash of its secret
//! (RFC 6749 §2.1, §2.3.1), a key holder that signs client assertions with its
//! own keys (`private_key_jwt`, RFC 7523 §2.2; the keys are in its
//! [`super::ClientProfile`]), or public, with no secret and PKCE required
//! (RFC 7636). A [`RegisteredUri`] is an absolute URL as the operator registered
//! it. Redirect URIs are compared with *simple string comparison* (OIDC Core
//! §3.1.2.1, RFC 6749 §3.1.2.3), so a `RegisteredUri` keeps the text exactly as
//! registered next to its parsed [`Url`]: `url` would normalise
//! `https://sede.example` to `https://sede.example/`, and matching that form would
//! accept a redirect URI the relying party never registered.

use std::fmt;

use url::Url;

/// How a relying party authenticates at the token endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientKind {
    /// Authenticates with a secret; only its SHA-256 hash is kept.
    Confidential {
        /// Hex SHA-256 of the secret.
        secret_hash: String,
    },
    /// Authenticates with a JWT signed by one of its registered keys
    /// (`private_key_jwt`); it has no secret.
    KeyHolder,
    /// Cannot keep a secret (e.g. a single-page app); PKCE is required.
    Public,
}

impl ClientKind {
    /// The kind for a stored `secret_hash` column: `None` is a public client.
    pub fn from_secret_hash(secret_hash: Option<String>) -> Self {
        match secret_hash {
            Some(secret_hash) => Self::Confidential { secret_hash },
            None => Self::Public,
        }
    }

    /// The secret hash, for a confidential client.
    pub fn secret_hash(&self) -> Option<&str> {
        match self {
            Self::Confidential { secret_hash } => Some(secret_hash),
            Self::KeyHolder | Self::Public => None,
        }
    }

    /// Whether the client authenticates (with a secret or a key): RFC 6749 §2.1's
    /// confidential clients.
    pub fn is_confidential(&self) -> bool {
        matches!(self, Self::Confidential { .. } | Self::KeyHolder)
    }

    /// The `token_endpoint_auth_method` of this kind (RFC 7591 §2).
    pub fn auth_method(&self) -> &'static str {
        match self {
            Self::Confidential { .. } => "client_secret_basic",
            Self::KeyHolder => "private_key_jwt",
            Self::Public => "none",
        }
    }
}

/// An absolute URL registered for a relying party (a redirect or post-logout
/// redirect URI), with the exact text it was registered as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredUri {
    url: Url,
    text: String,
}

impl RegisteredUri {
    /// Parses an absolute URL, keeping `text` as it was written.
    pub fn parse(text: &str) -> Result<Self, url::ParseError> {
        Ok(Self {
            url: Url::parse(text)?,
            text: text.to_owned(),
        })
    }

    /// The parsed URL.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The text as registered (and stored).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether a URI sent in a request is this one: simple string comparison
    /// (OIDC Core §3.1.2.1), no normalisation.
    pub fn matches(&self, requested: &str) -> bool {
        self.text == requested
    }
}

impl fmt::Display for RegisteredUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for RegisteredUri {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// Equality with a text is [`RegisteredUri::matches`]: exact, as registered.
impl PartialEq<str> for RegisteredUri {
    fn eq(&self, other: &str) -> bool {
        self.matches(other)
    }
}

impl PartialEq<&str> for RegisteredUri {
    fn eq(&self, other: &&str) -> bool {
        self.matches(other)
    }
}

impl PartialEq<String> for RegisteredUri {
    fn eq(&self, other: &String) -> bool {
        self.matches(other)
    }
}

impl serde::Serialize for RegisteredUri {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_registered_uri_matches_only_its_exact_text() {
        let uri = RegisteredUri::parse("https://sede.example").unwrap();
        assert_eq!(uri.url().as_str(), "https://sede.example/");
        assert!(uri.matches("https://sede.example"));
        assert!(!uri.matches("https://sede.example/"));
        assert!(!uri.matches("HTTPS://sede.example"));
        assert!(uri == "https://sede.example" && uri != "https://sede.example/");
    }

    #[test]
    fn a_relative_uri_is_not_registered() {
        assert!(RegisteredUri::parse("/cb").is_err());
    }

    #[test]
    fn a_stored_secret_hash_makes_a_confidential_client() {
        let kind = ClientKind::from_secret_hash(Some("h".into()));
        assert!(kind.is_confidential());
        assert_eq!(kind.secret_hash(), Some("h"));
        let public = ClientKind::from_secret_hash(None);
        assert!(!public.is_confidential() && public.secret_hash().is_none());
    }

    #[test]
    fn a_registered_uri_serialises_as_its_text() {
        let uri = RegisteredUri::parse("https://sede.example").unwrap();
        assert_eq!(
            serde_json::to_string(&uri).unwrap(),
            "\"https://sede.example\""
        );
    }

    proptest! {
        #[test]
        fn a_registered_uri_keeps_its_text_and_matches_itself(
            host in "[a-z]{1,10}\\.example",
            path in "(/[A-Za-z0-9_-]{0,8}){0,3}",
        ) {
            let text = format!("https://{host}{path}");
            let uri = RegisteredUri::parse(&text).unwrap();
            prop_assert_eq!(uri.as_str(), text.as_str());
            prop_assert!(uri.matches(&text));
            let longer = format!("{text}x");
            prop_assert!(!uri.matches(&longer));
        }
    }
}
