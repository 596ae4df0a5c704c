//! Client authentication at the token, revocation and introspection endpoints.
//!
//! `client_secret_basic` (RFC 6749 §2.3.1: the id and secret are form-url-encoded
//! before Basic encoding, so they are decoded here; certified clients that send them
//! raw also work, because ids and secrets only use `[A-Za-z0-9_-]`),
//! `client_secret_post`, and `none` for public clients. Secrets are compared as
//! SHA-256 hashes in constant time.
//!
//! Failed authentications are counted per client and address
//! ([`crate::abuse::client`]): past the quota the request is refused with 429
//! before its secret is compared; successes are never counted.

use std::net::IpAddr;

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::error::OAuthError;
use super::params::Params;
use crate::abuse::Guard;
use crate::abuse::client::ClientKey;
use crate::crypto::{constant_time_eq, hash_token};
use crate::store::sql::{ClientRecord, SqlStore};

/// How the client authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// HTTP Basic.
    Basic,
    /// Secret in the form body.
    Post,
    /// Public client: no secret.
    None,
}

/// The credentials a request carries.
#[derive(Debug, PartialEq, Eq)]
struct Credentials {
    client_id: String,
    secret: Option<String>,
    method: AuthMethod,
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

/// Authenticates the client of a request from `ip`; `invalid_client` (401)
/// otherwise, and 429 with the true wait once that client has failed too often
/// from that address.
pub async fn authenticate(
    db: &SqlStore,
    guard: &Guard,
    ip: IpAddr,
    headers: &HeaderMap,
    params: &Params,
) -> Result<(ClientRecord, AuthMethod), OAuthError> {
    let creds = credentials(headers, params)?;
    let client = db.client(&creds.client_id).await?;
    let key = match &client {
        Some(_) => ClientKey::Registered(&creds.client_id),
        None => ClientKey::Unknown,
    };
    if let Some(wait) = guard.client_auth_refused(key, ip).await? {
        return Err(OAuthError::too_many(wait.as_secs()));
    }
    match check(client, &creds) {
        Ok(client) => Ok((client, creds.method)),
        Err(message) => {
            guard.client_auth_failed(key, ip).await?;
            let mut error = OAuthError::invalid_client(message);
            error.basic_challenge = creds.method == AuthMethod::Basic;
            Err(error)
        }
    }
}

/// The client, if the credentials are its own; what is wrong otherwise.
fn check(client: Option<ClientRecord>, creds: &Credentials) -> Result<ClientRecord, &'static str> {
    let Some(client) = client else {
        return Err("client authentication failed");
    };
    match (client.kind.secret_hash(), &creds.secret) {
        (Some(stored), Some(given)) => {
            if !constant_time_eq(stored.as_bytes(), hash_token(given).as_bytes()) {
                return Err("client authentication failed");
            }
        }
        (Some(_), None) => return Err("this client must authenticate with its secret"),
        (None, Some(_)) => return Err("this is a public client: send no secret"),
        (None, None) => {}
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
