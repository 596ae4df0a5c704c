//! Protocol parameters from a query string or a form body, parsed strictly.
//!
//! RFC 6749 §3.1 and §3.2: a parameter sent more than once is an error, and one
//! sent without a value is as if it were absent. Values with NUL or other control
//! characters are refused here, before any handler sees them, and every value is
//! bounded in length so no parameter can be used to make the server work hard.

use std::collections::HashMap;

use super::error::OAuthError;

/// The longest value accepted for any one parameter (a `claims` JSON or an
/// `id_token_hint` are the longest legitimate ones).
pub const MAX_VALUE_LEN: usize = 8 * 1024;
/// The most parameters accepted in one request.
pub const MAX_PARAMS: usize = 64;

/// Per-parameter caps, in bytes after percent-decoding, for the parameters of
/// the authorization and logout requests (OIDC Core §3.1.2.1, RP-Initiated
/// Logout §2). The specifications set no lengths; these are generous for every
/// client seen in practice and keep a login transaction small
/// (`docs/architecture.md`, "Bounds"). A parameter not named here is bounded
/// by [`MAX_VALUE_LEN`].
pub const LENGTH_CAPS: [(&str, usize); 18] = [
    ("client_id", 128),
    ("redirect_uri", 2048),
    ("post_logout_redirect_uri", 2048),
    ("response_type", 64),
    ("response_mode", 32),
    ("scope", 1024),
    ("state", 1024),
    ("nonce", 512),
    ("code_challenge", 128),
    ("code_challenge_method", 16),
    ("prompt", 64),
    ("max_age", 16),
    ("display", 16),
    ("acr_values", 512),
    ("login_hint", 64),
    ("ui_locales", 128),
    ("claims_locales", 128),
    ("claims", 4096),
];

/// The cap on parameter `name` (see [`LENGTH_CAPS`]).
pub fn max_len(name: &str) -> usize {
    LENGTH_CAPS
        .iter()
        .find(|(known, _)| *known == name)
        .map_or(MAX_VALUE_LEN, |&(_, cap)| cap)
}

/// Parameters by name; each present at most once, never empty.
#[derive(Debug, Default, Clone)]
pub struct Params(HashMap<String, String>);

impl Params {
    /// Parses `application/x-www-form-urlencoded` text (a query string or a body).
    pub fn parse(encoded: &[u8]) -> Result<Self, OAuthError> {
        let mut map = HashMap::new();
        // Names sent without a value: absent, but a second sending is a repeat.
        let mut empty: Vec<String> = Vec::new();
        for (count, (name, value)) in url::form_urlencoded::parse(encoded).enumerate() {
            if count >= MAX_PARAMS {
                return Err(OAuthError::invalid_request("too many parameters"));
            }
            if value.len() > MAX_VALUE_LEN || name.len() > 128 {
                return Err(OAuthError::invalid_request(format!(
                    "parameter {name} is too long"
                )));
            }
            if name
                .chars()
                .chain(value.chars())
                .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
            {
                return Err(OAuthError::invalid_request(format!(
                    "parameter {} contains control characters",
                    name.escape_debug()
                )));
            }
            if value.is_empty() {
                // RFC 6749 §3.1: "Parameters sent without a value MUST be treated as
                // if they were omitted from the request." A repeat still counts.
                if map.contains_key(name.as_ref()) || empty.iter().any(|e| *e == name) {
                    return Err(OAuthError::invalid_request(format!(
                        "parameter {name} is repeated"
                    )));
                }
                empty.push(name.into_owned());
                continue;
            }
            if empty.iter().any(|e| *e == name)
                || map.insert(name.to_string(), value.into_owned()).is_some()
            {
                return Err(OAuthError::invalid_request(format!(
                    "parameter {name} is repeated"
                )));
            }
        }
        Ok(Self(map))
    }

    /// The value of `name`, if present and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// The value of `name`, or `invalid_request` naming it.
    pub fn require(&self, name: &str) -> Result<&str, OAuthError> {
        self.get(name)
            .ok_or_else(|| OAuthError::invalid_request(format!("the {name} parameter is required")))
    }

    /// Whether `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// The first parameter longer than its cap in [`LENGTH_CAPS`], if any (the
    /// order of the table, so the answer does not depend on the query's order).
    pub fn over_cap(&self) -> Option<&'static str> {
        LENGTH_CAPS
            .iter()
            .find(|(name, cap)| self.get(name).is_some_and(|v| v.len() > *cap))
            .map(|&(name, _)| name)
    }

    /// Every parameter (to carry an authorization request through the login pages).
    pub fn into_map(self) -> HashMap<String, String> {
        self.0
    }

    /// Sets `name` (a value the provider itself supplies, already checked).
    pub fn insert(&mut self, name: &str, value: String) {
        self.0.insert(name.to_owned(), value);
    }

    /// Takes `name` out of the parameters.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.0.remove(name)
    }

    /// The parameters form-encoded, in name order (to keep a pushed request;
    /// [`Params::parse`] reads them back).
    pub fn encode(&self) -> String {
        let mut names: Vec<&String> = self.0.keys().collect();
        names.sort();
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for name in names {
            out.append_pair(name, &self.0[name]);
        }
        out.finish()
    }

    /// The parameters a request object's claims stand for (RFC 9101 §4: each
    /// claim is the parameter of that name; a JSON value that is not a string,
    /// such as `max_age` or `claims`, is the parameter as its JSON text). The
    /// JWT's own claims (`iss`, `aud`, `exp`, `iat`, `nbf`, `jti`) are not
    /// parameters. Checked like a query string.
    pub fn from_claims(
        claims: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, OAuthError> {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in claims {
            if matches!(name.as_str(), "iss" | "aud" | "exp" | "iat" | "nbf" | "jti") {
                continue;
            }
            match value {
                serde_json::Value::String(text) => out.append_pair(name, text),
                serde_json::Value::Null => continue,
                other => out.append_pair(name, &other.to_string()),
            };
        }
        Self::parse(out.finish().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_repeated_parameter_is_refused() {
        let error = Params::parse(b"scope=openid&scope=profile").unwrap_err();
        assert!(error.description.contains("scope"));
    }

    #[test]
    fn a_repeat_counts_whether_or_not_either_sending_has_a_value() {
        for body in [&b"p=&p=x"[..], b"p=x&p=", b"p=&p=", b"p&p=x"] {
            let error = Params::parse(body).unwrap_err();
            assert!(error.description.contains("repeated"), "{body:?}");
        }
    }

    #[test]
    fn an_empty_parameter_counts_as_absent() {
        let params = Params::parse(b"state=&nonce=n").unwrap();
        assert_eq!(params.get("state"), None);
        assert_eq!(params.get("nonce"), Some("n"));
    }

    #[test]
    fn nul_and_control_characters_are_refused() {
        assert!(Params::parse(b"state=a%00b").is_err());
        assert!(Params::parse(b"state=a%1Bb").is_err());
    }

    #[test]
    fn values_are_percent_decoded() {
        let params = Params::parse(
            b"redirect_uri=https%3A%2F%2Fa.example%2Fcb%3Fx%3D1&scope=openid+profile",
        )
        .unwrap();
        assert_eq!(params.get("redirect_uri"), Some("https://a.example/cb?x=1"));
        assert_eq!(params.get("scope"), Some("openid profile"));
    }

    #[test]
    fn oversized_values_are_refused() {
        let body = format!("state={}", "a".repeat(MAX_VALUE_LEN + 1));
        assert!(Params::parse(body.as_bytes()).is_err());
    }

    #[test]
    fn each_capped_parameter_is_accepted_at_its_cap_and_named_past_it() {
        for (name, cap) in LENGTH_CAPS {
            let at = Params::parse(format!("{name}={}", "a".repeat(cap)).as_bytes()).unwrap();
            assert_eq!(at.over_cap(), None, "{name}");
            let past = Params::parse(format!("{name}={}", "a".repeat(cap + 1)).as_bytes()).unwrap();
            assert_eq!(past.over_cap(), Some(name));
        }
        assert_eq!(max_len("id_token_hint"), MAX_VALUE_LEN);
    }

    proptest! {
        #[test]
        fn parsing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = Params::parse(&bytes);
        }

        #[test]
        fn every_accepted_value_is_free_of_nul(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            if let Ok(params) = Params::parse(&bytes) {
                for (_, v) in params.into_map() {
                    prop_assert!(!v.contains('\0'));
                }
            }
        }
    }
}
