//! OAuth 2.0 / OpenID Connect protocol errors, printed as their RFC codes.
//!
//! One enum of codes, one struct carrying a code and a description, and one place
//! each that turns them into the response the protocol asks for: a JSON body at the
//! token, revocation and introspection endpoints (RFC 6749 §5.2), a
//! `WWW-Authenticate` challenge at userinfo (RFC 6750 §3), or a redirect back to the
//! client from the authorization endpoint (OIDC Core §3.1.2.6, built in
//! `authorize.rs`).

use std::borrow::Cow;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The registered error codes this provider uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// RFC 6749 §4.1.2.1, §5.2.
    InvalidRequest,
    /// RFC 6749 §5.2.
    InvalidClient,
    /// RFC 6749 §5.2.
    InvalidGrant,
    /// RFC 6749 §4.1.2.1, §5.2.
    UnauthorizedClient,
    /// RFC 6749 §5.2.
    UnsupportedGrantType,
    /// RFC 6749 §4.1.2.1.
    UnsupportedResponseType,
    /// RFC 6749 §4.1.2.1, §5.2.
    InvalidScope,
    /// RFC 6749 §4.1.2.1.
    AccessDenied,
    /// RFC 6749 §4.1.2.1.
    ServerError,
    /// RFC 6749 §4.1.2.1.
    TemporarilyUnavailable,
    /// OIDC Core §3.1.2.6.
    LoginRequired,
    /// OIDC Core §3.1.2.6.
    InteractionRequired,
    /// OIDC Core §3.1.2.6.
    RequestNotSupported,
    /// OIDC Core §3.1.2.6.
    RequestUriNotSupported,
    /// OIDC Core §3.1.2.6.
    RegistrationNotSupported,
    /// RFC 6750 §3.1.
    InvalidToken,
    /// RFC 7009 §2.2.1.
    UnsupportedTokenType,
    /// RFC 9101 §6.3 / OIDC Core §3.1.2.6: the request object is invalid.
    InvalidRequestObject,
    /// RFC 9126 §4 / OIDC Core §3.1.2.6: the `request_uri` is unknown, used or expired.
    InvalidRequestUri,
    /// RFC 9449 §5.1: the DPoP proof is invalid.
    InvalidDpopProof,
    /// RFC 9449 §8: retry with the nonce in the `DPoP-Nonce` header.
    UseDpopNonce,
}

impl ErrorCode {
    /// The code as the RFCs spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::InvalidClient => "invalid_client",
            Self::InvalidGrant => "invalid_grant",
            Self::UnauthorizedClient => "unauthorized_client",
            Self::UnsupportedGrantType => "unsupported_grant_type",
            Self::UnsupportedResponseType => "unsupported_response_type",
            Self::InvalidScope => "invalid_scope",
            Self::AccessDenied => "access_denied",
            Self::ServerError => "server_error",
            Self::TemporarilyUnavailable => "temporarily_unavailable",
            Self::LoginRequired => "login_required",
            Self::InteractionRequired => "interaction_required",
            Self::RequestNotSupported => "request_not_supported",
            Self::RequestUriNotSupported => "request_uri_not_supported",
            Self::RegistrationNotSupported => "registration_not_supported",
            Self::InvalidToken => "invalid_token",
            Self::UnsupportedTokenType => "unsupported_token_type",
            Self::InvalidRequestObject => "invalid_request_object",
            Self::InvalidRequestUri => "invalid_request_uri",
            Self::InvalidDpopProof => "invalid_dpop_proof",
            Self::UseDpopNonce => "use_dpop_nonce",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A protocol error: a code and a description for the client's developers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError {
    /// The registered code.
    pub code: ErrorCode,
    /// A sentence for the relying party's developers (never for citizens).
    pub description: Cow<'static, str>,
    /// Whether the client tried HTTP Basic authentication (for the 401 challenge).
    pub basic_challenge: bool,
    /// Set when a rate limit refused the request: 429 with this `Retry-After`.
    pub retry_after_secs: Option<u64>,
    /// A fresh DPoP nonce to send in `DPoP-Nonce` (RFC 9449 §8).
    pub dpop_nonce: Option<String>,
    /// A resource error about a DPoP-bound token: the challenge scheme is
    /// `DPoP` (RFC 9449 §7.1), not `Bearer`.
    pub dpop_challenge: bool,
}

impl OAuthError {
    /// An error with a description.
    pub fn new(code: ErrorCode, description: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code,
            description: description.into(),
            basic_challenge: false,
            retry_after_secs: None,
            dpop_nonce: None,
            dpop_challenge: false,
        }
    }

    /// `invalid_request`.
    pub fn invalid_request(description: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::InvalidRequest, description)
    }

    /// `invalid_grant`.
    pub fn invalid_grant(description: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::InvalidGrant, description)
    }

    /// `invalid_client`.
    pub fn invalid_client(description: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorCode::InvalidClient, description)
    }

    /// `temporarily_unavailable`: a store or other dependency is down.
    pub fn unavailable() -> Self {
        Self::new(
            ErrorCode::TemporarilyUnavailable,
            "the service is temporarily unavailable; retry shortly",
        )
    }

    /// A rate limit refused the request (429, `Retry-After`).
    pub fn too_many(retry_after_secs: u64) -> Self {
        let mut error = Self::new(
            ErrorCode::TemporarilyUnavailable,
            "too many requests; retry later",
        );
        error.retry_after_secs = Some(retry_after_secs.max(1));
        error
    }

    /// `server_error`: a fault of ours, logged with its cause.
    pub fn server_error(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(%cause, "server error");
        Self::new(
            ErrorCode::ServerError,
            "the server could not complete the request",
        )
    }

    /// The HTTP status for a JSON error response (RFC 6749 §5.2).
    pub fn status(&self) -> StatusCode {
        if self.retry_after_secs.is_some() {
            return StatusCode::TOO_MANY_REQUESTS;
        }
        match self.code {
            ErrorCode::InvalidClient => StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidToken => StatusCode::UNAUTHORIZED,
            ErrorCode::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::TemporarilyUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

impl From<crate::store::StoreError> for OAuthError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Corrupt(_) | crate::store::StoreError::Conflict => {
                Self::server_error(&error)
            }
            crate::store::StoreError::Unavailable(_) => {
                tracing::warn!(%error, "database unavailable");
                Self::unavailable()
            }
        }
    }
}

impl From<crate::store::ephemeral::EphemeralError> for OAuthError {
    fn from(error: crate::store::ephemeral::EphemeralError) -> Self {
        tracing::warn!(%error, "ephemeral store unavailable");
        Self::unavailable()
    }
}

/// `Retry-After` of a `temporarily_unavailable` caused by an outage (a store
/// down): short, since the provider recovers by itself as soon as it returns.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 5;

/// Headers every token-bearing or error JSON response carries (RFC 6749 §5.1).
pub fn no_store(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut response = (
            status,
            Json(json!({ "error": self.code.as_str(), "error_description": self.description })),
        )
            .into_response();
        no_store(&mut response);
        if self.code == ErrorCode::InvalidClient && self.basic_challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"clave-idp\", charset=\"UTF-8\""),
            );
        }
        if let Some(nonce) = self
            .dpop_nonce
            .as_deref()
            .and_then(|n| HeaderValue::from_str(n).ok())
        {
            response.headers_mut().insert("dpop-nonce", nonce);
        }
        if self.code == ErrorCode::TemporarilyUnavailable {
            // The wait the limiter computed, or a short one for an outage.
            let secs = self
                .retry_after_secs
                .unwrap_or(UNAVAILABLE_RETRY_AFTER_SECS);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// An error at a resource endpoint protected by a bearer token (userinfo):
/// RFC 6750 §3 puts the code in `WWW-Authenticate`.
#[derive(Debug)]
pub struct BearerError(pub OAuthError);

impl IntoResponse for BearerError {
    fn into_response(self) -> Response {
        let error = self.0;
        if matches!(
            error.code,
            ErrorCode::TemporarilyUnavailable | ErrorCode::ServerError
        ) {
            return error.into_response();
        }
        let status = match error.code {
            ErrorCode::InvalidRequest => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNAUTHORIZED,
        };
        let scheme = if error.dpop_challenge {
            "DPoP algs=\"ES256 PS256 RS256\","
        } else {
            "Bearer"
        };
        let challenge = format!(
            "{scheme} realm=\"clave-idp\", error=\"{}\", error_description=\"{}\"",
            error.code,
            error.description.replace(['"', '\\'], "'")
        );
        let mut response = (
            status,
            Json(json!({ "error": error.code.as_str(), "error_description": error.description })),
        )
            .into_response();
        no_store(&mut response);
        if let Some(nonce) = error
            .dpop_nonce
            .as_deref()
            .and_then(|n| HeaderValue::from_str(n).ok())
        {
            response.headers_mut().insert("dpop-nonce", nonce);
        }
        if let Ok(value) = HeaderValue::from_str(&challenge) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_print_as_the_rfcs_spell_them() {
        assert_eq!(
            ErrorCode::UnsupportedResponseType.to_string(),
            "unsupported_response_type"
        );
        assert_eq!(ErrorCode::LoginRequired.to_string(), "login_required");
        assert_eq!(
            ErrorCode::RequestUriNotSupported.to_string(),
            "request_uri_not_supported"
        );
    }

    #[test]
    fn a_json_error_is_not_cached_and_invalid_client_is_a_401_with_a_basic_challenge() {
        let mut error = OAuthError::invalid_client("unknown client");
        error.basic_challenge = true;
        let response = error.into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
        assert!(
            response.headers()[header::WWW_AUTHENTICATE]
                .to_str()
                .unwrap()
                .starts_with("Basic")
        );
    }

    #[test]
    fn an_unavailable_store_is_a_503_with_retry_after() {
        let response = OAuthError::unavailable().into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.headers().contains_key(header::RETRY_AFTER));
    }

    #[test]
    fn a_refusal_by_a_limit_says_the_wait_the_limit_computed() {
        for wait in [1, 37, 899] {
            let response = OAuthError::too_many(wait).into_response();
            assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(
                response.headers()[header::RETRY_AFTER],
                wait.to_string().as_str(),
                "a 429 must carry the true wait, not a fixed one"
            );
        }
    }

    #[test]
    fn a_refusal_behind_a_bearer_challenge_keeps_its_wait() {
        let response = BearerError(OAuthError::too_many(42)).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "42");
    }

    #[test]
    fn a_bad_bearer_token_is_a_401_naming_the_error_in_the_challenge() {
        let response =
            BearerError(OAuthError::new(ErrorCode::InvalidToken, "expired")).into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let challenge = response.headers()[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(challenge.contains("error=\"invalid_token\""), "{challenge}");
    }
}
