//! The pushed authorization request endpoint (RFC 9126 §2).
//!
//! The client authenticates as at the token endpoint and posts the parameters
//! of an authorization request (or a signed request object, RFC 9101, as
//! `request`). They are checked now, as the authorization endpoint would, and
//! kept for a short while under a `request_uri` the client then sends the
//! citizen's browser to `/authorize` with. A DPoP proof sent here binds the
//! code to its key (RFC 9449 §10.1).

use std::net::IpAddr;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::token::require_form;
use crate::abuse::ClientIp;
use crate::oauth::error::{ErrorCode, OAuthError, no_store};
use crate::oauth::params::Params;
use crate::oauth::pushed::{self, Pushed};
use crate::oauth::request::{self, Rejection};
use crate::oauth::request_object;
use crate::routes;
use crate::state::AppState;
use crate::store::ephemeral::keys::PUSHED_REQUEST_SECS;

/// `POST /par`.
pub async fn push(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match accept(&state, ip, &headers, &body).await {
        Ok(body) => {
            let mut response = (StatusCode::CREATED, Json(body)).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error.into_response(),
    }
}

/// What a refusal of the authorization endpoint's page means to a client.
fn described(key: &'static str) -> OAuthError {
    OAuthError::invalid_request(match key {
        "error-authorize-no-redirect" => "redirect_uri is required",
        "error-authorize-bad-redirect" => "redirect_uri is not registered for this client",
        _ => "the authorization request is not valid",
    })
}

async fn accept(
    state: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, OAuthError> {
    require_form(headers)?;
    let mut params = Params::parse(body)?;
    let (client, _) = state
        .client_auth
        .authenticate(ip, headers, &params, routes::PAR)
        .await?;
    if params.contains("request_uri") {
        return Err(OAuthError::invalid_request(
            "request_uri cannot be pushed (RFC 9126 §2.1)",
        ));
    }
    for credential in ["client_secret", "client_assertion", "client_assertion_type"] {
        params.remove(credential);
    }
    let now = state.now();
    let (mut params, signed) = match params.get("request") {
        Some(jwt) => {
            let inner = request_object::open(
                &state.client_keys,
                &client,
                &state.provider.issuer,
                jwt,
                now,
            )
            .await?;
            (inner, true)
        }
        None => (params, false),
    };
    if params
        .get("client_id")
        .is_some_and(|id| id != client.client_id)
    {
        return Err(OAuthError::invalid_request(
            "client_id differs from the authenticated client",
        ));
    }
    params.insert("client_id", client.client_id.clone());
    if !signed && client.profile.require_signed_request_object {
        return Err(OAuthError::invalid_request(
            "this client must push a signed request object (RFC 9101)",
        ));
    }
    // RFC 9449 §10.1: a proof here binds the code to its key, as dpop_jkt does.
    let url = format!("{}{}", state.provider.issuer, routes::PAR);
    let proof = state.dpop.check(headers, "POST", &url, None).await?;
    let dpop_jkt = match (proof.map(|p| p.jkt), params.remove("dpop_jkt")) {
        (Some(proved), Some(named)) if proved != named => {
            return Err(OAuthError::new(
                ErrorCode::InvalidDpopProof,
                "dpop_jkt is not the thumbprint of the DPoP proof's key",
            ));
        }
        (Some(jkt), _) | (None, Some(jkt)) => Some(jkt),
        (None, None) => None,
    };
    if let Some(jkt) = &dpop_jkt {
        params.insert("dpop_jkt", jkt.clone());
    }
    match request::check(&params, &client) {
        Ok(_) => {}
        Err(Rejection::NoRedirect(key)) => return Err(described(key)),
        Err(Rejection::Redirect { error, .. }) => return Err(error),
    }
    params.remove("dpop_jkt");
    let pushed = Pushed {
        client_id: client.client_id.clone(),
        params: params.encode(),
        signed,
        dpop_jkt,
        expires_at: now + PUSHED_REQUEST_SECS,
    };
    let request_uri = pushed::push(state.ephemeral.as_ref(), &pushed).await?;
    Ok(json!({ "request_uri": request_uri, "expires_in": PUSHED_REQUEST_SECS }))
}
