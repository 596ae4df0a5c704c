//! Token introspection (RFC 7662) and revocation (RFC 7009).
//!
//! Both need client authentication. A client learns about, and can revoke, only
//! its own tokens: `sub` is pairwise, so telling one portal about another's token
//! would hand it a correlatable identifier.

use std::net::IpAddr;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::token::require_form;
use crate::abuse::ClientIp;
use crate::crypto::hash_token;
use crate::oauth::client_auth;
use crate::oauth::error::{OAuthError, no_store};
use crate::oauth::grants::{ACCESS_TOKENS, Authorization, live_access_grant};
use crate::oauth::params::Params;
use crate::routes;
use crate::state::AppState;

/// `POST /introspect`.
pub async fn introspect(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match look_up(&state, ip, &headers, &body).await {
        Ok(body) => {
            let mut response = Json(body).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error.into_response(),
    }
}

async fn look_up(
    state: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, OAuthError> {
    require_form(headers)?;
    let params = Params::parse(body)?;
    let (client, method) = state
        .client_auth
        .authenticate(ip, headers, &params, routes::INTROSPECT)
        .await?;
    // Only the methods discovery advertises for introspection (RFC 8414 §2):
    // a public client has nothing to prove who it is with.
    if method == client_auth::AuthMethod::None {
        return Err(OAuthError::invalid_client(
            "introspection needs client authentication; public clients cannot introspect",
        ));
    }
    let token = params.require("token")?;
    let hash = hash_token(token);
    let now = state.now();
    let hint = params.get("token_type_hint");
    let access = async {
        let grant = live_access_grant(state.ephemeral.as_ref(), &hash, now).await?;
        Ok::<_, OAuthError>(grant.filter(|g| g.client_id == client.client_id).map(|g| {
            let mut answer = json!({
                "active": true,
                "token_type": if g.jkt.is_some() { "DPoP" } else { "Bearer" },
                "scope": g.scope,
                "client_id": g.client_id,
                "sub": g.sub,
                "aud": g.client_id,
                "iss": state.provider.issuer,
                "iat": g.issued_at,
                "exp": g.expires_at,
            });
            // RFC 9449 §6.2: the resource server checks proofs against it.
            if let Some(jkt) = &g.jkt {
                answer["cnf"] = json!({ "jkt": jkt });
            }
            answer
        }))
    };
    let refresh = async {
        let record = state.db.live_refresh_token(&hash, now).await?;
        let Some(record) = record.filter(|r| r.client_id == client.client_id) else {
            return Ok(None);
        };
        let authz: Authorization =
            serde_json::from_str(&record.grant_data).map_err(|e| OAuthError::server_error(&e))?;
        Ok::<_, OAuthError>(Some(json!({
            "active": true,
            "token_type": "refresh_token",
            "scope": authz.scope,
            "client_id": record.client_id,
            "sub": state.tokens.subject(&client, &record.citizen_id),
            "aud": record.client_id,
            "iss": state.provider.issuer,
            "iat": record.issued_at,
            "exp": record.expires_at,
        })))
    };
    // The hint only orders the look-ups (RFC 7662 §2.1).
    let found = if hint == Some("refresh_token") {
        match refresh.await? {
            Some(found) => Some(found),
            None => access.await?,
        }
    } else {
        match access.await? {
            Some(found) => Some(found),
            None => refresh.await?,
        }
    };
    Ok(found.unwrap_or_else(|| json!({ "active": false })))
}

/// `POST /revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match revoke_token(&state, ip, &headers, &body).await {
        Ok(()) => {
            let mut response = StatusCode::OK.into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error.into_response(),
    }
}

async fn revoke_token(
    state: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), OAuthError> {
    require_form(headers)?;
    let params = Params::parse(body)?;
    let (client, _) = state
        .client_auth
        .authenticate(ip, headers, &params, routes::REVOKE)
        .await?;
    let token = params.require("token")?;
    let hash = hash_token(token);
    let grant = ACCESS_TOKENS.get(state.ephemeral.as_ref(), &hash).await?;
    if let Some(grant) = grant {
        if grant.client_id == client.client_id {
            ACCESS_TOKENS
                .delete(state.ephemeral.as_ref(), &hash)
                .await?;
        }
        return Ok(());
    }
    // RFC 7009 §2.1: revoking a refresh token ends its whole grant.
    if let Some(record) = state.db.live_refresh_token(&hash, state.now()).await?
        && record.client_id == client.client_id
    {
        state.db.revoke_refresh_family(&record.family_id).await?;
    }
    // Unknown and foreign tokens get the same 200 (RFC 7009 §2.2).
    Ok(())
}
