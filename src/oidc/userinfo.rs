//! The userinfo endpoint (OIDC Core §5.3), GET and POST, with a Bearer token in the
//! `Authorization` header or, for POST, in the form body (RFC 6750 §2.1–2.2), or
//! a DPoP-bound token with the `DPoP` scheme and a proof (RFC 9449 §7).
//!
//! The claims were fixed when the token was issued, so answering is one read of the
//! ephemeral store. A client that registered `userinfo_signed_response_alg` or
//! `userinfo_encrypted_response_alg` gets them as a JWT (`application/jwt`, OIDC
//! Core §5.3.2): signed with `iss` and `aud`, then encrypted to its key when asked.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::crypto::hash_token;
use crate::oauth::error::{BearerError, ErrorCode, OAuthError, no_store};
use crate::oauth::grants::{AccessGrant, live_access_grant};
use crate::oauth::params::Params;
use crate::routes;
use crate::state::AppState;

/// `GET /userinfo`.
pub async fn userinfo_get(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let token = presented(&headers, None);
    respond(answer(&state, &headers, Method::GET, token).await)
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
    let token = presented(&headers, form_token);
    respond(answer(&state, &headers, Method::POST, token).await)
}

fn respond(result: Result<Response, OAuthError>) -> Response {
    result.unwrap_or_else(|error| BearerError(error).into_response())
}

/// How the access token came.
#[derive(Debug, PartialEq, Eq)]
enum Presented {
    /// `Authorization: Bearer` or the form (RFC 6750).
    Bearer(String),
    /// `Authorization: DPoP` (RFC 9449 §7.1).
    Dpop(String),
}

/// The access token of a request: exactly one of header or form.
fn presented(headers: &HeaderMap, form: Option<String>) -> Result<Presented, OAuthError> {
    let header_token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .and_then(|(scheme, token)| {
            let token = token.trim().to_owned();
            if scheme.eq_ignore_ascii_case("bearer") {
                Some(Presented::Bearer(token))
            } else if scheme.eq_ignore_ascii_case("dpop") {
                Some(Presented::Dpop(token))
            } else {
                None
            }
        });
    match (header_token, form) {
        (Some(_), Some(_)) => Err(OAuthError::invalid_request(
            "send the access token only once",
        )),
        (Some(Presented::Bearer(token) | Presented::Dpop(token)), None) if token.is_empty() => {
            Err(invalid_token("an access token is required"))
        }
        (Some(presented), None) => Ok(presented),
        (None, Some(token)) if !token.is_empty() => Ok(Presented::Bearer(token)),
        _ => Err(invalid_token("an access token is required")),
    }
}

fn invalid_token(description: &'static str) -> OAuthError {
    OAuthError::new(ErrorCode::InvalidToken, description)
}

fn dpop_refusal(description: &'static str) -> OAuthError {
    let mut error = invalid_token(description);
    error.dpop_challenge = true;
    error
}

/// Looks the token up, checks its binding, and answers with the claims.
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    method: Method,
    token: Result<Presented, OAuthError>,
) -> Result<Response, OAuthError> {
    let token = token?;
    let (Presented::Bearer(value) | Presented::Dpop(value)) = &token;
    let grant =
        live_access_grant(state.ephemeral.as_ref(), &hash_token(value), state.now()).await?;
    let grant = grant.ok_or_else(|| invalid_token("the access token is invalid or expired"))?;
    match (&grant.jkt, &token) {
        (Some(bound), Presented::Dpop(value)) => {
            let url = format!("{}{}", state.provider.issuer, routes::USERINFO);
            let proof = state
                .dpop
                .check(headers, method.as_str(), &url, Some(value))
                .await
                .map_err(|mut error| {
                    error.dpop_challenge = true;
                    error
                })?;
            match proof {
                Some(proof) if &proof.jkt == bound => {}
                Some(_) => {
                    return Err(dpop_refusal(
                        "the DPoP proof is by another key than the token's",
                    ));
                }
                None => return Err(dpop_refusal("a DPoP-bound token needs a DPoP proof")),
            }
        }
        (Some(_), Presented::Bearer(_)) => {
            return Err(dpop_refusal(
                "the access token is bound to a DPoP key: present it with the DPoP scheme and a proof",
            ));
        }
        (None, Presented::Dpop(_)) => {
            return Err(invalid_token("the access token is not bound to a DPoP key"));
        }
        (None, Presented::Bearer(_)) => {}
    }
    let mut response = if grant.jwt_userinfo {
        as_jwt(state, grant).await?
    } else {
        Json(grant.userinfo).into_response()
    };
    no_store(&mut response);
    Ok(response)
}

/// The claims as a signed and/or encrypted JWT (OIDC Core §5.3.2).
async fn as_jwt(state: &AppState, grant: AccessGrant) -> Result<Response, OAuthError> {
    let Some(client) = state.db.client(&grant.client_id).await? else {
        return Err(invalid_token(
            "the access token's client is no longer registered",
        ));
    };
    let mut claims = grant.userinfo;
    claims.insert("iss".into(), Value::String(state.provider.issuer.clone()));
    claims.insert("aud".into(), Value::String(client.client_id.clone()));
    let body = match client.profile.userinfo_signed_response_alg {
        Some(alg) => state
            .key_ring()
            .sign_jwt(alg, &claims)
            .map_err(|e| OAuthError::server_error(&e))?,
        None => serde_json::to_string(&claims).map_err(|e| OAuthError::server_error(&e))?,
    };
    let body = match client.profile.userinfo_encryption {
        Some(encryption) => {
            let nested = client.profile.userinfo_signed_response_alg.is_some();
            state
                .client_keys
                .encrypt(&client, body.as_bytes(), encryption, nested)
                .await
                .map_err(|problem| {
                    OAuthError::new(
                        ErrorCode::TemporarilyUnavailable,
                        format!("the answer cannot be encrypted to the client: {problem}"),
                    )
                })?
        }
        None => body,
    };
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/jwt"),
    );
    Ok(response)
}
