//! CSRF protection for every form: a signed double-submit token, checked before the
//! handler runs.
//!
//! Each browser gets a random cookie `clave_csrf` (32 random bytes; HttpOnly,
//! SameSite=Lax, Path=/, Secure when the issuer is https). Every form carries the
//! hidden field `csrf_token = base64url(HMAC-SHA256(key, cookie value))`, where `key`
//! is one provider-wide secret stored in the database (so every instance accepts
//! every other instance's forms). A cross-site attacker can make the browser send the
//! cookie but can neither read it nor compute its HMAC without the key, and cannot
//! plant a cookie of their choosing that matches a token they made, since the token
//! is bound to the key (OWASP CSRF cheat sheet, "signed double-submit cookie").
//!
//! [`CsrfForm`] reads the urlencoded body (at most [`MAX_FORM_BYTES`]), checks the
//! token in constant time and only then deserialises the form: a bad or missing token
//! answers 403 and nothing else runs; a body that does not fit the form type answers
//! 400, never 500. Unknown fields (the token itself among them) are ignored.

use std::sync::Arc;

use axum::extract::{FromRef, FromRequest, Request};
use axum::http::{HeaderMap, header};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::de::DeserializeOwned;
use sha2::Sha256;

use super::error::PageError;
use super::{Web, read_cookie};
use crate::clock::UnixTime;
use crate::crypto::tokens::{constant_time_eq, random_token};
use crate::kek::Kek;
use crate::store::sql::SqlStore;

/// The name of the hidden form field.
pub const CSRF_FIELD: &str = "csrf_token";

/// Largest form body accepted; the provider's forms are a few hundred bytes.
pub const MAX_FORM_BYTES: usize = 16 * 1024;

/// The name of the provider-wide secret in `provider_secrets`.
const SECRET_NAME: &str = "csrf_key";

/// Random bytes in a CSRF cookie.
const COOKIE_BYTES: usize = 32;

/// The provider-wide HMAC key of CSRF tokens. Its `Debug` hides the key.
#[derive(Clone)]
pub struct CsrfKey(Arc<[u8]>);

impl CsrfKey {
    /// The shared key, made by whichever instance starts first.
    pub async fn load(db: &SqlStore, kek: &Kek, now: UnixTime) -> anyhow::Result<Self> {
        let secret = kek.shared_secret(db, SECRET_NAME, now).await?;
        Ok(Self::from_secret(&secret))
    }

    /// A key from a stored secret (tests use their own).
    pub fn from_secret(secret: &str) -> Self {
        Self(Arc::from(secret.as_bytes()))
    }

    /// The form token for a browser's cookie value.
    pub fn token_for(&self, cookie_value: &str) -> String {
        // HMAC accepts keys of any length (RFC 2104 §2), so this cannot fail.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            unreachable!("HMAC accepts keys of any length")
        };
        mac.update(cookie_value.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// Whether `token` was made by this key for this cookie value (constant time).
    pub fn verify(&self, cookie_value: &str, token: &str) -> bool {
        is_well_formed_cookie(cookie_value)
            && constant_time_eq(self.token_for(cookie_value).as_bytes(), token.as_bytes())
    }
}

impl std::fmt::Debug for CsrfKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CsrfKey(***)")
    }
}

/// A fresh value for the `clave_csrf` cookie.
pub fn new_cookie_value() -> String {
    random_token(COOKIE_BYTES)
}

/// Whether a cookie value is one we could have made (43 base64url characters).
pub fn is_well_formed_cookie(value: &str) -> bool {
    value.len() == 43
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The checks of a submitted form, in order: content type, token, then the fields.
pub fn check_form<T: DeserializeOwned>(
    key: &CsrfKey,
    cookie_name: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, PageError> {
    let urlencoded = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| {
            mime.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    let cookie = read_cookie(headers, cookie_name);
    let token = url::form_urlencoded::parse(body)
        .find(|(name, _)| name == CSRF_FIELD)
        .map(|(_, value)| value.into_owned());
    let valid = match (urlencoded, cookie, token) {
        (true, Some(cookie), Some(token)) => key.verify(&cookie, &token),
        _ => false,
    };
    if !valid {
        tracing::info!("form rejected: missing or invalid CSRF token");
        return Err(PageError::CsrfFailed);
    }
    serde_urlencoded::from_bytes(body).map_err(|_| {
        // serde's message may quote what was typed (a DNI, a password): only the
        // form type is logged.
        tracing::info!(
            form = std::any::type_name::<T>(),
            "form rejected: fields do not fit"
        );
        PageError::BadRequest("error-bad-form")
    })
}

/// A urlencoded form whose CSRF token has been verified; the handler gets `T`.
///
/// Declare it as the last argument: `CsrfForm(form): CsrfForm<LoginForm>`. Fields that
/// must produce per-field messages (DNI/NIE, e-mail, codes) should be `String`s parsed
/// in the handler: a `try_from` failure here can only answer a generic 400 page.
#[derive(Debug, Clone)]
pub struct CsrfForm<T>(pub T);

impl<S, T> FromRequest<S> for CsrfForm<T>
where
    S: Send + Sync,
    Web: FromRef<S>,
    T: DeserializeOwned,
{
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, PageError> {
        let web = Web::from_ref(state);
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| PageError::BadRequest("error-form-too-large"))?;
        check_form(
            web.csrf_key(),
            web.cookie_names().csrf,
            &parts.headers,
            &bytes,
        )
        .map(CsrfForm)
    }
}

#[cfg(test)]
#[path = "csrf_tests.rs"]
mod tests;
