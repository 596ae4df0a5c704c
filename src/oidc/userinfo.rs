//! The userinfo endpoint (OIDC Core §5.3), GET and POST, with a Bearer token in the
//! `Authorization` header or, for POST, in the form body (RFC 6750 §2.1–2.2).
//!
//! The claims were fixed when the token was issued, so answering is one read of the
//! ephemeral store.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::crypto::hash_token;
use crate::oauth::error::{BearerError, ErrorCode, OAuthError, no_store};
use crate::oauth::grants::ACCESS_TOKENS;
use crate::oauth::params::Params;
use crate::state::AppState;

/// `GET /userinfo`.
pub async fn userinfo_get(State(state): State<AppState>, headers: HeaderMap) -> Response {
    respond(answer(&state, bearer(&headers, None)).await)
}

/// `POST /userinfo`.
pub async fn userinfo_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form_token = match Params::parse(&body) {
        Ok(params) => params.get("access_token").map(str::to_owned),
        Err(error) => return BearerError(error).into_response(),
    };
    respond(answer(&state, bearer(&headers, form_token)).await)
}

fn respond(result: Result<Response, OAuthError>) -> Response {
    result.unwrap_or_else(|error| BearerError(error).into_response())
}

/// The access token of a request: exactly one of header or form.
fn bearer(headers: &HeaderMap, form: Option<String>) -> Result<String, OAuthError> {
    let header_token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    match (header_token, form) {
        (Some(_), Some(_)) => Err(OAuthError::invalid_request(
            "send the access token only once",
        )),
        (Some(token), None) | (None, Some(token)) if !token.is_empty() => Ok(token),
        _ => Err(OAuthError::new(
            ErrorCode::InvalidToken,
            "an access token is required",
        )),
    }
}

/// Looks the token up and answers with the claims.
async fn answer(
    state: &AppState,
    token: Result<String, OAuthError>,
) -> Result<Response, OAuthError> {
    let token = token?;
    let grant = ACCESS_TOKENS
        .get(state.ephemeral.as_ref(), &hash_token(&token))
        .await?;
    let grant = grant
        .filter(|g| g.expires_at > state.now())
        .ok_or_else(|| {
            OAuthError::new(
                ErrorCode::InvalidToken,
                "the access token is invalid or expired",
            )
        })?;
    let mut response = Json(grant.userinfo).into_response();
    no_store(&mut response);
    Ok(response)
}
