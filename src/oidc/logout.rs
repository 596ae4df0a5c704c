//! RP-Initiated Logout 1.0: the end-session endpoint, GET and POST.
//!
//! With a valid `id_token_hint` (ours, for a registered client; expired is fine)
//! the session ends at once and the citizen returns to a registered
//! `post_logout_redirect_uri` with `state`. Without one, or with one naming
//! another citizen than the browser's session (§2: the OP "MUST ask" then), a
//! confirmation page asks first, so a third-party page holding someone's ID token
//! cannot log another citizen out.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::domain::AuditKind;
use crate::oauth::params::Params;
use crate::state::AppState;
use crate::store::sql::AuditEvent;
use crate::store::sql::ClientRecord;
use crate::web::redirect::{redirect, with_query};
use crate::web::{CsrfForm, PageContext, PageError, append_cookie};

/// `GET /logout`.
pub async fn logout_get(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    end_session(
        state,
        ctx,
        headers,
        query.unwrap_or_default().as_bytes(),
        false,
    )
    .await
}

/// `POST /logout` (form-encoded, as RP-Initiated Logout §2 allows).
pub async fn logout_post(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    end_session(state, ctx, headers, &body, true).await
}

async fn end_session(
    state: AppState,
    mut ctx: PageContext,
    headers: HeaderMap,
    encoded: &[u8],
    posted: bool,
) -> Result<Response, PageError> {
    let Ok(params) = Params::parse(encoded) else {
        return Err(PageError::BadRequest("error-logout-bad-request"));
    };
    // The same caps as at /authorize (`oauth::params::LENGTH_CAPS`): a value over
    // its cap is a bad request, never echoed into the confirmation page.
    if params.over_cap().is_some() {
        return Err(PageError::BadRequest("error-logout-bad-request"));
    }
    ctx.apply_ui_locales(params.get("ui_locales"));
    let hinted = match params.get("id_token_hint") {
        Some(hint) => hinted_client(&state, hint).await?,
        None => None,
    };
    let must_ask = match &hinted {
        Some((client, sub)) => !names_the_session(&state, &headers, client, sub).await?,
        None => true,
    };
    let hinted = hinted.map(|(client, _)| client);
    let request = LogoutRequest {
        client_id: params.get("client_id").map(str::to_owned),
        post_logout_redirect_uri: params.get("post_logout_redirect_uri").map(str::to_owned),
        state: params.get("state").map(str::to_owned),
    };
    let (client, destination) = destination(&state, hinted.as_ref(), &request).await?;
    if must_ask {
        // §2: without a valid hint for this session the OP asks the citizen; the
        // form carries the request, which is checked again when it comes back.
        return Ok(ctx
            .page("oidc/logout_confirm.html")
            .title("logout-title")
            .with(
                "client_name",
                client
                    .as_ref()
                    .map(|c| c.name_in(ctx.lang().code()).to_owned()),
            )
            .with("client_id", client.as_ref().map(|c| c.client_id.clone()))
            .with(
                "post_logout_redirect_uri",
                destination
                    .as_ref()
                    .and(request.post_logout_redirect_uri.clone()),
            )
            .with("state", destination.as_ref().and(request.state.clone()))
            .into_response());
    }
    finish(&state, &ctx, &headers, destination, posted).await
}

/// The parts of a logout request that decide where the citizen goes afterwards.
#[derive(Debug, Default, Deserialize)]
pub struct LogoutRequest {
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    post_logout_redirect_uri: Option<String>,
    #[serde(default)]
    state: Option<String>,
}

/// The client concerned and, if asked for and registered, where to send the
/// citizen afterwards (with `state`).
async fn destination(
    state: &AppState,
    hinted: Option<&ClientRecord>,
    request: &LogoutRequest,
) -> Result<(Option<ClientRecord>, Option<String>), PageError> {
    let client_id = request.client_id.as_deref().filter(|id| !id.is_empty());
    let client = match (hinted, client_id) {
        (Some(client), Some(id)) if client.client_id != id => {
            return Err(PageError::BadRequest("error-logout-bad-request"));
        }
        (Some(client), _) => Some(client.clone()),
        (None, Some(id)) => state.db.client(id).await?,
        (None, None) => None,
    };
    let uri = request
        .post_logout_redirect_uri
        .as_deref()
        .filter(|u| !u.is_empty());
    let destination = match (uri, &client) {
        (Some(uri), Some(client)) if client.has_post_logout_redirect_uri(uri) => {
            let mut pairs = Vec::new();
            if let Some(client_state) = request.state.as_deref().filter(|s| !s.is_empty()) {
                pairs.push(("state", client_state));
            }
            Some(with_query(uri, &pairs))
        }
        (Some(_), _) => return Err(PageError::BadRequest("error-logout-bad-redirect")),
        (None, _) => None,
    };
    Ok((client, destination))
}

/// `POST /logout/confirm`: the citizen confirmed on our page.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    CsrfForm(request): CsrfForm<LogoutRequest>,
) -> Result<Response, PageError> {
    let (_, destination) = destination(&state, None, &request).await?;
    finish(&state, &ctx, &headers, destination, true).await
}

async fn finish(
    state: &AppState,
    ctx: &PageContext,
    headers: &HeaderMap,
    destination: Option<String>,
    posted: bool,
) -> Result<Response, PageError> {
    if let Some((cookie, session)) = state.browsers.session(headers).await? {
        state.endings.logout(&cookie).await?;
        let audit = AuditEvent::new(state.now(), AuditKind::SessionEnded, "citizen")
            .citizen(&session.citizen_id)
            .detail("how", "logout");
        if let Err(error) = state.db.append_audit(&audit).await {
            tracing::warn!(%error, "could not record the logout in the audit trail");
        }
    }
    let mut response = match destination {
        Some(uri) => redirect(&uri, posted),
        None => ctx
            .page("oidc/logout_done.html")
            .title("logout-done-title")
            .into_response(),
    };
    // The session ends and the CSRF cookie is new: a token learnt before the
    // logout no longer passes.
    for cookie in [
        ctx.web().session_cookie(String::new()),
        ctx.web().fresh_csrf_cookie(),
    ] {
        append_cookie(response.headers_mut(), &cookie);
    }
    Ok(response)
}

/// Whether the browser's session, if it has one, is the citizen `sub` names for
/// `client`: ending no session needs no question.
async fn names_the_session(
    state: &AppState,
    headers: &HeaderMap,
    client: &ClientRecord,
    sub: &str,
) -> Result<bool, PageError> {
    Ok(match state.browsers.session(headers).await? {
        Some((_, session)) => state.tokens.subject(client, &session.citizen_id) == sub,
        None => true,
    })
}

/// The client an `id_token_hint` was issued to, if it is one of ours, and the
/// `sub` it names.
async fn hinted_client(
    state: &AppState,
    hint: &str,
) -> Result<Option<(ClientRecord, String)>, PageError> {
    let Ok(claims) = state.key_ring().verify_jwt(hint) else {
        return Ok(None);
    };
    if claims.get("iss").and_then(|v| v.as_str()) != Some(state.provider.issuer.as_str()) {
        return Ok(None);
    }
    let Some(aud) = claims.get("aud").and_then(|v| {
        v.as_str().map(str::to_owned).or_else(|| {
            v.as_array()
                .and_then(|a| a.first())
                .and_then(|a| a.as_str())
                .map(str::to_owned)
        })
    }) else {
        return Ok(None);
    };
    let Some(sub) = claims
        .get("sub")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
    else {
        return Ok(None);
    };
    Ok(state.db.client(&aud).await?.map(|client| (client, sub)))
}
