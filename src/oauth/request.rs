//! The authorization request (OIDC Core §3.1.2.1), parsed and checked.
//!
//! Checking happens in the order OIDC Core §3.1.2.6 needs: first what decides
//! whether the client can be redirected to at all (`client_id`, `redirect_uri`,
//! [`Rejection::NoRedirect`]), then everything else, whose errors go back to the
//! client as a redirect ([`Rejection::Redirect`]).

use serde::{Deserialize, Serialize};

use super::claims::ClaimsRequest;
use super::error::{ErrorCode, OAuthError};
use super::params::{Params, max_len};
use super::pkce;
use crate::domain::{ACR_SUBSTANTIAL, Assurance, Scope, Scopes};
use crate::store::sql::ClientRecord;

/// A checked authorization request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthRequest {
    /// The client.
    pub client_id: String,
    /// A registered redirect URI, exactly.
    pub redirect_uri: String,
    /// Granted scopes (known ones only), space-separated, `openid` first.
    pub scope: Scopes,
    /// Echoed to the client.
    pub state: Option<String>,
    /// Echoed in the ID token.
    pub nonce: Option<String>,
    /// PKCE S256 challenge.
    pub code_challenge: Option<String>,
    /// `prompt=none`.
    pub prompt_none: bool,
    /// `prompt=login` (or `max_age=0`).
    pub prompt_login: bool,
    /// `max_age`, seconds.
    pub max_age: Option<i64>,
    /// The level of assurance asked for.
    pub assurance: Assurance,
    /// Individual claims asked for.
    pub claims: ClaimsRequest,
    /// A DNI/NIE to pre-fill.
    pub login_hint: Option<String>,
    /// Preferred languages.
    pub ui_locales: Option<String>,
    /// The `id_token_hint` (checked by the endpoint, which has the keys); never
    /// stored with a login transaction, which has no use for it.
    #[serde(skip)]
    pub id_token_hint: Option<String>,
    /// The DPoP key the code is bound to (RFC 9449 §10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpop_jkt: Option<String>,
}

/// Why a request is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The client or its redirect URI cannot be trusted: show an error page.
    NoRedirect(&'static str),
    /// Send the error back to the client's redirect URI.
    Redirect {
        /// Where to.
        redirect_uri: String,
        /// The client's `state`.
        state: Option<String>,
        /// The error.
        error: OAuthError,
    },
}

/// Step one: the client id and the redirect URI (never redirect before these pass).
pub fn client_and_redirect(params: &Params) -> Result<(&str, &str), Rejection> {
    let client_id = params
        .get("client_id")
        .ok_or(Rejection::NoRedirect("error-authorize-no-client"))?;
    let redirect_uri = params
        .get("redirect_uri")
        .ok_or(Rejection::NoRedirect("error-authorize-no-redirect"))?;
    // No registered client or redirect URI is this long (src/oauth/params.rs):
    // refused without a database lookup, and never redirected to.
    if client_id.len() > max_len("client_id") {
        return Err(Rejection::NoRedirect("error-authorize-unknown-client"));
    }
    if redirect_uri.len() > max_len("redirect_uri") {
        return Err(Rejection::NoRedirect("error-authorize-bad-redirect"));
    }
    Ok((client_id, redirect_uri))
}

/// Step two, once the client is known: everything else.
pub fn check(params: &Params, client: &ClientRecord) -> Result<AuthRequest, Rejection> {
    let (_, redirect_uri) = client_and_redirect(params)?;
    if !client.has_redirect_uri(redirect_uri) {
        return Err(Rejection::NoRedirect("error-authorize-bad-redirect"));
    }
    let state = params.get("state").map(str::to_owned);
    let reject = |code: ErrorCode, description: &str| Rejection::Redirect {
        redirect_uri: redirect_uri.to_owned(),
        state: state.clone(),
        error: OAuthError::new(code, description.to_owned()),
    };
    // Length caps (src/oauth/params.rs): refused before anything is kept, with
    // the error sent back to the now trusted redirect URI (RFC 6749 §4.1.2.1).
    if let Some(name) = params.over_cap() {
        return Err(reject(
            ErrorCode::InvalidRequest,
            &format!("{name} is longer than {} bytes", max_len(name)),
        ));
    }
    if params.contains("request") {
        return Err(reject(
            ErrorCode::RequestNotSupported,
            "request objects are not supported",
        ));
    }
    if params.contains("request_uri") {
        return Err(reject(
            ErrorCode::RequestUriNotSupported,
            "request_uri is not supported",
        ));
    }
    if params.contains("registration") {
        return Err(reject(
            ErrorCode::RegistrationNotSupported,
            "registration is not supported",
        ));
    }
    match params.get("response_type") {
        None => {
            return Err(reject(
                ErrorCode::InvalidRequest,
                "response_type is required",
            ));
        }
        Some("code") => {}
        Some(_) => {
            return Err(reject(
                ErrorCode::UnsupportedResponseType,
                "only response_type=code is supported",
            ));
        }
    }
    if let Some(mode) = params.get("response_mode")
        && mode != "query"
    {
        return Err(reject(
            ErrorCode::InvalidRequest,
            "only response_mode=query is supported",
        ));
    }
    let asked: Vec<&str> = params
        .get("scope")
        .unwrap_or_default()
        .split(' ')
        .filter(|s| !s.is_empty())
        .collect();
    if !asked.contains(&"openid") {
        return Err(reject(ErrorCode::InvalidScope, "scope must include openid"));
    }
    // Unknown scopes are left out of the grant (RFC 6749 §3.3).
    let scope: Scopes = asked.iter().filter_map(|s| Scope::parse(s)).collect();

    let challenge = params.get("code_challenge");
    match (challenge, params.get("code_challenge_method")) {
        (Some(c), Some("S256")) if pkce::well_formed(c) => {}
        (Some(_), Some("S256")) => {
            return Err(reject(
                ErrorCode::InvalidRequest,
                "code_challenge is malformed",
            ));
        }
        (Some(_), _) => {
            return Err(reject(
                ErrorCode::InvalidRequest,
                "code_challenge_method must be S256 (plain is refused)",
            ));
        }
        (None, Some(_)) => {
            return Err(reject(
                ErrorCode::InvalidRequest,
                "code_challenge_method without code_challenge",
            ));
        }
        (None, None) if client.require_pkce || !client.is_confidential() => {
            return Err(reject(
                ErrorCode::InvalidRequest,
                "this client must use PKCE (code_challenge, S256)",
            ));
        }
        (None, None) => {}
    }

    let prompts: Vec<&str> = params
        .get("prompt")
        .unwrap_or_default()
        .split(' ')
        .filter(|s| !s.is_empty())
        .collect();
    let prompt_none = prompts.contains(&"none");
    if prompt_none && prompts.len() > 1 {
        return Err(reject(
            ErrorCode::InvalidRequest,
            "prompt=none cannot be combined with other values",
        ));
    }
    let max_age = match params.get("max_age") {
        None => None,
        Some(text) => match text.parse::<i64>() {
            Ok(age) if age >= 0 => Some(age),
            _ => {
                return Err(reject(
                    ErrorCode::InvalidRequest,
                    "max_age must be a non-negative integer",
                ));
            }
        },
    };
    let claims = match params.get("claims") {
        None => ClaimsRequest::default(),
        Some(json) => {
            ClaimsRequest::parse(json).map_err(|e| reject(ErrorCode::InvalidRequest, &e))?
        }
    };
    let dpop_jkt = params.get("dpop_jkt").map(str::to_owned);
    if dpop_jkt
        .as_deref()
        .is_some_and(|jkt| !super::dpop::is_thumbprint(jkt))
    {
        return Err(reject(
            ErrorCode::InvalidRequest,
            "dpop_jkt must be a JWK SHA-256 thumbprint (RFC 7638)",
        ));
    }
    let acr_values = match params.get("acr_values") {
        Some(values) => values.to_owned(),
        // OIDC Registration §2: the client's default_acr_values.
        None => client.profile.default_acr_values.join(" "),
    };
    let wants_substantial = acr_values.split(' ').any(|a| a == ACR_SUBSTANTIAL)
        || claims.acr_values.iter().any(|a| a == ACR_SUBSTANTIAL);
    Ok(AuthRequest {
        client_id: client.client_id.clone(),
        redirect_uri: redirect_uri.to_owned(),
        scope,
        state,
        nonce: params.get("nonce").map(str::to_owned),
        code_challenge: challenge.map(str::to_owned),
        prompt_none,
        prompt_login: prompts.contains(&"login") || max_age == Some(0),
        max_age,
        assurance: if wants_substantial {
            Assurance::Substantial
        } else {
            Assurance::Low
        },
        claims,
        login_hint: params.get("login_hint").map(str::to_owned),
        ui_locales: params.get("ui_locales").map(str::to_owned),
        id_token_hint: params.get("id_token_hint").map(str::to_owned),
        dpop_jkt,
    })
}

#[cfg(test)]
#[path = "request_tests.rs"]
mod tests;
