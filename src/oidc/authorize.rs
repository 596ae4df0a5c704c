//! The authorization endpoint (OIDC Core §3.1.2), GET and POST.
//!
//! A checked request either finishes at once (a live single sign-on session that
//! satisfies `prompt`, `max_age`, the level of assurance and any `id_token_hint`),
//! fails back to the client (`prompt=none` without such a session:
//! `login_required`), or starts a login transaction and sends the citizen to the
//! Cl@ve method-selection screen. Every authorization response carries `iss`
//! (RFC 9207).

use std::net::IpAddr;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::abuse::ClientIp;
use crate::auth::session::Session;
use crate::auth::transaction::LoginTx;
use crate::domain::{AuditKind, Device};
use crate::oauth::error::{ErrorCode, OAuthError};
use crate::oauth::params::{Params, max_len};
use crate::oauth::pushed;
use crate::oauth::request::{self, AuthRequest, Rejection};
use crate::oauth::tokens::still_valid;
use crate::routes;
use crate::state::AppState;
use crate::store::sql::{AuditEvent, ClientRecord};
use crate::web::redirect::redirect;
use crate::web::{PageContext, PageError};

/// `GET /authorize`.
pub async fn authorize_get(
    State(state): State<AppState>,
    ctx: PageContext,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    authorize(
        state,
        ctx,
        ip,
        headers,
        query.unwrap_or_default().as_bytes(),
        false,
    )
    .await
}

/// `POST /authorize` (OIDC Core §3.1.2.1: form-encoded).
pub async fn authorize_post(
    State(state): State<AppState>,
    ctx: PageContext,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    authorize(state, ctx, ip, headers, &body, true).await
}

async fn authorize(
    state: AppState,
    mut ctx: PageContext,
    ip: IpAddr,
    headers: HeaderMap,
    encoded: &[u8],
    posted: bool,
) -> Result<Response, PageError> {
    let query = match Params::parse(encoded) {
        Ok(params) => params,
        Err(error) => {
            return Ok(error_page(
                &ctx,
                "error-authorize-bad-request",
                Some(&error),
            ));
        }
    };
    let client = match query.get("client_id") {
        None => return Ok(error_page(&ctx, "error-authorize-no-client", None)),
        // No registered client id is this long (src/oauth/params.rs).
        Some(id) if id.len() > max_len("client_id") => None,
        Some(id) => state.db.client(id).await?,
    };
    let Some(client) = client else {
        return Ok(error_page(&ctx, "error-authorize-unknown-client", None));
    };
    // A pushed request or a request object stands for the query (RFC 9126,
    // RFC 9101); errors go back only to a redirect URI the client registered.
    let params = match pushed::effective(
        state.ephemeral.as_ref(),
        &state.client_keys,
        &client,
        &state.provider.issuer,
        query.clone(),
        state.settings.require_par,
        state.now(),
    )
    .await
    {
        Ok(effective) => effective.params,
        Err(error) => {
            return Ok(match query.get("redirect_uri") {
                Some(uri) if client.has_redirect_uri(uri) => {
                    redirect_error(&state, uri, query.get("state"), &error, posted)
                }
                _ => error_page(&ctx, "error-authorize-bad-request", Some(&error)),
            });
        }
    };
    if let Err(Rejection::NoRedirect(key)) = request::client_and_redirect(&params) {
        return Ok(error_page(&ctx, key, None));
    }
    let request = match request::check(&params, &client) {
        Ok(request) => request,
        Err(Rejection::NoRedirect(key)) => return Ok(error_page(&ctx, key, None)),
        Err(Rejection::Redirect {
            redirect_uri,
            state: client_state,
            error,
        }) => {
            return Ok(redirect_error(
                &state,
                &redirect_uri,
                client_state.as_deref(),
                &error,
                posted,
            ));
        }
    };
    ctx.apply_ui_locales(request.ui_locales.as_deref());
    let hinted_sub = match &request.id_token_hint {
        None => None,
        Some(hint) => match hinted_subject(&state, &client, hint) {
            Some(sub) => Some(sub),
            None => {
                let error = OAuthError::invalid_request(
                    "id_token_hint is not an ID token this provider issued to this client",
                );
                return Ok(redirect_error(
                    &state,
                    &request.redirect_uri,
                    request.state.as_deref(),
                    &error,
                    posted,
                ));
            }
        },
    };
    if let Some(session) =
        usable_session(&state, &headers, &client, &request, hinted_sub.as_deref()).await?
    {
        let location = state
            .tokens
            .issue_code(&request, session.authorize(&request))
            .await?;
        state
            .backchannel
            .remember(&client.client_id, &session.citizen_id, &session.sid)
            .await;
        // The account page's history shows each portal reached by the session.
        let audit = AuditEvent::new(state.now(), AuditKind::SingleSignOn, "citizen")
            .citizen(&session.citizen_id)
            .ip(ip)
            .portal(&client.client_id)
            .acr(session.acr.acr())
            .browser(&Device::of(&headers).describe())
            .detail("scope", request.scope.to_string());
        if let Err(error) = state.db.append_audit(&audit).await {
            tracing::warn!(%error, "could not record the single sign-on in the audit trail");
        }
        return Ok(redirect(&location, posted));
    }
    if request.prompt_none {
        let error = OAuthError::new(ErrorCode::LoginRequired, "the citizen must log in");
        return Ok(redirect_error(
            &state,
            &request.redirect_uri,
            request.state.as_deref(),
            &error,
            posted,
        ));
    }
    // Only a request that must show the login stores anything: it counts
    // toward its address's quota (src/abuse/transactions.rs).
    state.guard.new_login_transaction(ip).await?;
    let tx = LoginTx::start(&state.browsers, &ctx, request, &client).await?;
    let mut response = redirect(&routes::login_step(routes::LOGIN, &tx), posted);
    // The CSRF cookie the login forms are bound to, and the language chosen by
    // ui_locales, are set here, on the first response the browser gets.
    ctx.attach_cookies(&mut response);
    Ok(response)
}

/// The `sub` of a valid `id_token_hint` issued to this client (expired is fine:
/// OIDC Core §3.1.2.1 lets clients send the last one they have).
fn hinted_subject(state: &AppState, client: &ClientRecord, hint: &str) -> Option<String> {
    let claims = state.key_ring().verify_jwt(hint).ok()?;
    let iss_ok = claims.get("iss").and_then(|v| v.as_str()) == Some(state.provider.issuer.as_str());
    let aud_ok = match claims.get("aud") {
        Some(serde_json::Value::String(aud)) => aud == &client.client_id,
        Some(serde_json::Value::Array(auds)) => {
            auds.iter().any(|a| a.as_str() == Some(&client.client_id))
        }
        _ => false,
    };
    if !(iss_ok && aud_ok) {
        return None;
    }
    claims
        .get("sub")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

/// The browser's session, if it can answer this request without a login.
async fn usable_session(
    state: &AppState,
    headers: &HeaderMap,
    client: &ClientRecord,
    request: &AuthRequest,
    hinted_sub: Option<&str>,
) -> Result<Option<Session>, PageError> {
    if request.prompt_login {
        return Ok(None);
    }
    let Some((_, session)) = state.browsers.session(headers).await? else {
        return Ok(None);
    };
    let now = state.now();
    if let Some(max_age) = request.max_age
        && now - session.auth_time > max_age
    {
        return Ok(None);
    }
    if session.acr < request.assurance {
        return Ok(None);
    }
    if let Some(sub) = hinted_sub
        && sub != state.tokens.subject(client, &session.citizen_id)
    {
        return Ok(None);
    }
    let Some(citizen) = state.db.citizen(&session.citizen_id).await? else {
        return Ok(None);
    };
    let authz = session.authorize(request);
    Ok(still_valid(&citizen, client, &authz).then_some(session))
}

fn redirect_error(
    state: &AppState,
    redirect_uri: &str,
    client_state: Option<&str>,
    error: &OAuthError,
    posted: bool,
) -> Response {
    redirect(
        &state
            .tokens
            .error_location(redirect_uri, client_state, error),
        posted,
    )
}

/// The page for a request that cannot be sent back to the client.
fn error_page(ctx: &PageContext, message_key: &str, error: Option<&OAuthError>) -> Response {
    ctx.page("oidc/authorize_error.html")
        .title("error-authorize-title")
        .with("message_key", message_key)
        .with("detail", error.map(|e| e.description.to_string()))
        .status(StatusCode::BAD_REQUEST)
        .into_response()
}
