//! Client authentication at the token, revocation and introspection endpoints.
//!
//! `client_secret_basic` (RFC 6749 §2.3.1: the id and secret are form-url-encoded
//! before Basic encoding, so they are decoded here; certified clients that send them
//! raw also work, because ids and secrets only use `[A-Za-z0-9_-]`),
//! `client_secret_post`, `private_key_jwt` (RFC 7523 §2.2, OIDC Core §9: a JWT
//! signed with one of the client's registered keys, each `jti` accepted once),
//! and `none` for public clients. Secrets are compared as SHA-256 hashes in
//! constant time.
//!
//! Failed authentications are counted per client and address
//! ([`crate::abuse::client`]): past the quota the request is refused with 429
//! before its secret is compared; successes are never counted.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use serde_json::{Map, Value};

use super::client_keys::{ClientKeys, KeyProblem};
use super::error::OAuthError;
use super::params::Params;
use crate::abuse::Guard;
use crate::abuse::client::ClientKey;
use crate::clock::SharedClock;
use crate::crypto::{KeyAlg, constant_time_eq, hash_token};
use crate::domain::ClientKind;
use crate::routes;
use crate::store::ephemeral::EphemeralStore;
use crate::store::ephemeral::keys::{SKEW_SECS, Space};
use crate::store::sql::{ClientRecord, SqlStore};

/// `client_assertion_type` of a JWT client assertion (RFC 7523 §2.2).
pub const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// The longest life a client assertion may have: its `jti` is remembered that
/// long, so the limit bounds what the provider keeps.
pub const MAX_ASSERTION_SECS: i64 = 300;
/// How far in the future an assertion's `iat` may be (clock skew).
const CLOCK_SKEW_SECS: i64 = 60;

/// How the client authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// HTTP Basic.
    Basic,
    /// Secret in the form body.
    Post,
    /// `private_key_jwt`: a JWT signed with the client's key.
    PrivateKeyJwt,
    /// Public client: no secret.
    None,
}

/// The credentials a request carries.
#[derive(Debug, PartialEq, Eq)]
struct Credentials {
    client_id: String,
    secret: Option<String>,
    /// The client assertion, for `private_key_jwt`.
    assertion: Option<String>,
    method: AuthMethod,
}

/// The claims of a client assertion the checks read.
fn claim<'a>(claims: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    claims.get(name).and_then(Value::as_str)
}

/// The `sub` of an assertion, read without checking its signature (only to
/// know which client's keys to check it with).
fn assertion_subject(assertion: &str) -> Option<String> {
    let payload = assertion.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let claims: Map<String, Value> = serde_json::from_slice(&bytes).ok()?;
    claim(&claims, "sub").map(str::to_owned)
}

fn credentials(headers: &HeaderMap, params: &Params) -> Result<Credentials, OAuthError> {
    let basic = match headers.get(header::AUTHORIZATION) {
        Some(value) => {
            let value = value.to_str().unwrap_or_default();
            match value.split_once(' ') {
                Some((scheme, encoded)) if scheme.eq_ignore_ascii_case("basic") => {
                    Some(decode_basic(encoded.trim()).ok_or_else(|| {
                        let mut e = OAuthError::invalid_client("malformed Basic credentials");
                        e.basic_challenge = true;
                        e
                    })?)
                }
                _ => None,
            }
        }
        None => None,
    };
    let body_secret = params.get("client_secret");
    if let Some(kind) = params.get("client_assertion_type") {
        if kind != JWT_BEARER {
            return Err(OAuthError::invalid_client(format!(
                "client_assertion_type must be {JWT_BEARER}"
            )));
        }
        if basic.is_some() || body_secret.is_some() {
            return Err(OAuthError::invalid_request(
                "use one client authentication method, not a client assertion and a secret",
            ));
        }
        let assertion = params.require("client_assertion")?;
        let subject = assertion_subject(assertion).ok_or_else(|| {
            OAuthError::invalid_client("client_assertion is not a JWT with a sub")
        })?;
        if params.get("client_id").is_some_and(|id| id != subject) {
            return Err(OAuthError::invalid_client(
                "client_id differs from the client assertion's sub",
            ));
        }
        return Ok(Credentials {
            client_id: subject,
            secret: None,
            assertion: Some(assertion.to_owned()),
            method: AuthMethod::PrivateKeyJwt,
        });
    }
    if params.contains("client_assertion") {
        return Err(OAuthError::invalid_request(
            "client_assertion needs client_assertion_type",
        ));
    }
    match (basic, body_secret) {
        (Some(_), Some(_)) => Err(OAuthError::invalid_request(
            "use one client authentication method, not both Basic and client_secret",
        )),
        (Some((id, secret)), None) => {
            if let Some(body_id) = params.get("client_id")
                && body_id != id
            {
                return Err(OAuthError::invalid_request(
                    "client_id differs from the Basic credentials",
                ));
            }
            Ok(Credentials {
                client_id: id,
                secret: Some(secret),
                assertion: None,
                method: AuthMethod::Basic,
            })
        }
        (None, secret) => {
            let client_id = params
                .get("client_id")
                .ok_or_else(|| OAuthError::invalid_client("client authentication is required"))?;
            Ok(Credentials {
                client_id: client_id.to_owned(),
                secret: secret.map(str::to_owned),
                assertion: None,
                method: if secret.is_some() {
                    AuthMethod::Post
                } else {
                    AuthMethod::None
                },
            })
        }
    }
}

/// `user:secret`, each form-url-decoded (RFC 6749 §2.3.1).
fn decode_basic(encoded: &str) -> Option<(String, String)> {
    let bytes = STANDARD.decode(encoded).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (id, secret) = text.split_once(':')?;
    let decode = |s: &str| -> String {
        url::form_urlencoded::parse(format!("v={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    Some((decode(id), decode(secret)))
}

/// Authenticates clients at the token, PAR, revocation and introspection
/// endpoints. Made once at start-up; the endpoints reach it as
/// `state.client_auth`.
#[derive(Clone)]
pub struct ClientAuthenticator {
    db: SqlStore,
    guard: Guard,
    keys: ClientKeys,
    store: Arc<dyn EphemeralStore>,
    clock: SharedClock,
    issuer: Arc<str>,
}

impl ClientAuthenticator {
    /// The authenticator of the provider at `issuer`.
    pub fn new(
        db: SqlStore,
        guard: Guard,
        keys: ClientKeys,
        store: Arc<dyn EphemeralStore>,
        clock: SharedClock,
        issuer: &str,
    ) -> Self {
        Self {
            db,
            guard,
            keys,
            store,
            clock,
            issuer: issuer.into(),
        }
    }

    /// Authenticates the client of a request from `ip` to `endpoint` (a path
    /// of [`routes`]); `invalid_client` (401) otherwise, and 429 with the true
    /// wait once that client has failed too often from that address.
    pub async fn authenticate(
        &self,
        ip: IpAddr,
        headers: &HeaderMap,
        params: &Params,
        endpoint: &str,
    ) -> Result<(ClientRecord, AuthMethod), OAuthError> {
        let creds = credentials(headers, params)?;
        let client = self.db.client(&creds.client_id).await?;
        let key = match &client {
            Some(_) => ClientKey::Registered(&creds.client_id),
            None => ClientKey::Unknown,
        };
        if let Some(wait) = self.guard.client_auth_refused(key, ip).await? {
            return Err(OAuthError::too_many(wait.as_secs()));
        }
        let checked = match (client, &creds.assertion) {
            (Some(client), Some(assertion)) => {
                self.check_assertion(client, assertion, endpoint).await
            }
            (client, _) => check(client, &creds).map_err(|m| (m.to_owned(), true)),
        };
        match checked {
            Ok(client) => Ok((client, creds.method)),
            Err((message, counts)) => {
                if counts {
                    self.guard.client_auth_failed(key, ip).await?;
                }
                let mut error = OAuthError::invalid_client(message);
                error.basic_challenge = creds.method == AuthMethod::Basic;
                Err(error)
            }
        }
    }

    /// RFC 7523 §3 and OIDC Core §9: the assertion is signed by one of the
    /// client's keys, `iss` and `sub` are the client, `aud` is this provider,
    /// it has not expired and lives at most [`MAX_ASSERTION_SECS`], and its
    /// `jti` was never seen. The error says whether it counts as a failure of
    /// the client (a portal whose keys cannot be fetched has not failed).
    async fn check_assertion(
        &self,
        client: ClientRecord,
        assertion: &str,
        endpoint: &str,
    ) -> Result<ClientRecord, (String, bool)> {
        let refused = |why: &str| Err((why.to_owned(), true));
        if client.kind != ClientKind::KeyHolder {
            return refused("this client does not authenticate with private_key_jwt");
        }
        let allowed: Vec<KeyAlg> = match client.profile.token_endpoint_auth_signing_alg {
            Some(alg) => vec![alg],
            None => KeyAlg::ALL.to_vec(),
        };
        let claims = match self.keys.verify(&client, assertion, &allowed).await {
            Ok((claims, _)) => claims,
            Err(KeyProblem::Unavailable(why)) => return Err((why, false)),
            Err(other) => return Err((format!("client_assertion: {other}"), true)),
        };
        if claim(&claims, "iss") != Some(client.client_id.as_str())
            || claim(&claims, "sub") != Some(client.client_id.as_str())
        {
            return refused("client_assertion: iss and sub must be the client_id");
        }
        let audiences = [
            self.issuer.to_string(),
            format!("{}{}", self.issuer, routes::TOKEN),
            format!("{}{endpoint}", self.issuer),
        ];
        let aud_ok = match claims.get("aud") {
            Some(Value::String(aud)) => audiences.contains(aud),
            Some(Value::Array(auds)) => auds
                .iter()
                .filter_map(Value::as_str)
                .any(|aud| audiences.iter().any(|a| a == aud)),
            _ => false,
        };
        if !aud_ok {
            return refused("client_assertion: aud must be the issuer or the token endpoint");
        }
        let now = self.clock.now();
        let Some(exp) = claims.get("exp").and_then(Value::as_i64) else {
            return refused("client_assertion: exp is required");
        };
        if exp <= now {
            return refused("client_assertion: it has expired");
        }
        if exp > now + MAX_ASSERTION_SECS {
            return refused("client_assertion: it may live at most 5 minutes (exp)");
        }
        if claims
            .get("iat")
            .and_then(Value::as_i64)
            .is_some_and(|iat| iat > now + CLOCK_SKEW_SECS)
        {
            return refused("client_assertion: iat is in the future");
        }
        if claims
            .get("nbf")
            .and_then(Value::as_i64)
            .is_some_and(|nbf| nbf > now + CLOCK_SKEW_SECS)
        {
            return refused("client_assertion: it is not valid yet (nbf)");
        }
        let Some(jti) = claim(&claims, "jti").filter(|j| !j.is_empty() && j.len() <= 256) else {
            return refused("client_assertion: jti is required");
        };
        let key = Space::AssertionUsed.key(&hash_token(&format!("{}\n{jti}", client.client_id)));
        let ttl = Duration::from_secs((exp - now + SKEW_SECS) as u64);
        match self.store.put_new(&key, b"1", ttl).await {
            Ok(true) => Ok(client),
            Ok(false) => refused("client_assertion: this jti was already used"),
            Err(error) => {
                tracing::warn!(%error, "the ephemeral store failed checking a client assertion");
                Err((
                    "the provider cannot check client assertions right now".to_owned(),
                    false,
                ))
            }
        }
    }
}

/// The client, if the credentials are its own; what is wrong otherwise.
fn check(client: Option<ClientRecord>, creds: &Credentials) -> Result<ClientRecord, &'static str> {
    let Some(client) = client else {
        return Err("client authentication failed");
    };
    match (&client.kind, &creds.secret) {
        (ClientKind::Confidential { secret_hash }, Some(given)) => {
            if !constant_time_eq(secret_hash.as_bytes(), hash_token(given).as_bytes()) {
                return Err("client authentication failed");
            }
        }
        (ClientKind::Confidential { .. }, None) => {
            return Err("this client must authenticate with its secret");
        }
        (ClientKind::KeyHolder, _) => {
            return Err("this client must authenticate with private_key_jwt");
        }
        (ClientKind::Public, Some(_)) => return Err("this is a public client: send no secret"),
        (ClientKind::Public, None) => {}
    }
    Ok(client)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn basic(raw: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let value = format!("Basic {}", STANDARD.encode(raw));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&value).unwrap(),
        );
        headers
    }

    #[test]
    fn basic_credentials_are_form_url_decoded() {
        let creds = credentials(&basic("my%2Dclient:s%3Ae%2Bcret"), &Params::default()).unwrap();
        assert_eq!(creds.client_id, "my-client");
        assert_eq!(creds.secret.as_deref(), Some("s:e+cret"));
        assert_eq!(creds.method, AuthMethod::Basic);
    }

    #[test]
    fn raw_basic_credentials_from_the_safe_alphabet_work_too() {
        let creds = credentials(&basic("abc_DEF-1:Zz_9-x"), &Params::default()).unwrap();
        assert_eq!(
            (creds.client_id.as_str(), creds.secret.as_deref()),
            ("abc_DEF-1", Some("Zz_9-x"))
        );
    }

    #[test]
    fn two_methods_at_once_are_refused() {
        let params = Params::parse(b"client_secret=x").unwrap();
        let error = credentials(&basic("a:b"), &params).unwrap_err();
        assert_eq!(error.code, super::super::error::ErrorCode::InvalidRequest);
    }

    #[test]
    fn body_credentials_and_public_clients_are_recognised() {
        let post = credentials(
            &HeaderMap::new(),
            &Params::parse(b"client_id=a&client_secret=b").unwrap(),
        )
        .unwrap();
        assert_eq!(post.method, AuthMethod::Post);
        let public =
            credentials(&HeaderMap::new(), &Params::parse(b"client_id=a").unwrap()).unwrap();
        assert_eq!(public.method, AuthMethod::None);
        assert!(credentials(&HeaderMap::new(), &Params::default()).is_err());
    }

    #[test]
    fn malformed_basic_credentials_are_invalid_client() {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic !!!"));
        let error = credentials(&headers, &Params::default()).unwrap_err();
        assert!(error.basic_challenge);
    }
}
