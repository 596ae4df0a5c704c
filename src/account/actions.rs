//! What the account page does: end one session, end them all, forget a trusted
//! browser, and "this wasn't me". Each is a POST form with the CSRF token, needs
//! a fresh login of the account's citizen, acts only on that citizen's own
//! sessions and browsers, and leaves an audit event the history then shows.
//! Ending a session ends its tokens (`auth::SessionEnds`).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::login::{Fresh, Viewer};
use crate::abuse::ClientIp;
use crate::domain::{AuditKind, Device};
use crate::routes;
use crate::state::AppState;
use crate::store::sql::AuditEvent;
use crate::web::redirect::redirect;
use crate::web::{CsrfForm, PageContext, PageError, append_cookie};

/// The form naming one session (`sid`).
#[derive(Debug, Deserialize)]
pub struct SessionForm {
    #[serde(default)]
    sid: String,
}

/// The form naming one trusted browser (`id`).
#[derive(Debug, Deserialize)]
pub struct BrowserForm {
    #[serde(default)]
    id: String,
}

/// A form with nothing but its CSRF token.
#[derive(Debug, Deserialize)]
pub struct ConfirmForm {}

/// The longest id a form may name (sids and browser ids are far shorter).
const MAX_ID: usize = 100;

fn event(
    state: &AppState,
    kind: AuditKind,
    viewer: &Viewer,
    ip: std::net::IpAddr,
    headers: &HeaderMap,
) -> AuditEvent {
    AuditEvent::new(state.now(), kind, "citizen")
        .citizen(viewer.citizen.id.as_str())
        .ip(ip)
        .browser(&Device::of(headers).describe())
}

/// The page that says this browser's session is over too: the session cookie
/// goes, and a fresh CSRF cookie with it.
fn signed_out(ctx: &PageContext, message_key: &str, not_me: bool) -> Response {
    let mut response = ctx
        .page("account/ended.html")
        .title(if not_me {
            "account-not-me-done-title"
        } else {
            "account-ended-title"
        })
        .with("message_key", message_key)
        .with("not_me", not_me)
        .into_response();
    append_cookie(
        response.headers_mut(),
        &ctx.web().session_cookie(String::new()),
    );
    append_cookie(response.headers_mut(), &ctx.web().fresh_csrf_cookie());
    response
}

/// `POST /account/sessions/end`: ends one open session of the citizen.
pub async fn end_session(
    State(state): State<AppState>,
    ctx: PageContext,
    Fresh(viewer): Fresh,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<SessionForm>,
) -> Result<Response, PageError> {
    if form.sid.is_empty() || form.sid.len() > MAX_ID {
        return Err(PageError::BadRequest("account-unknown-session"));
    }
    let own = form.sid == viewer.session.sid;
    let ended = if own {
        state.endings.logout(&viewer.cookie).await?.is_some()
    } else {
        state
            .endings
            .end_one(viewer.citizen.id.as_str(), &form.sid)
            .await?
    };
    if !ended {
        // Ended meanwhile, or never this citizen's.
        return Err(PageError::BadRequest("account-unknown-session"));
    }
    let audit =
        event(&state, AuditKind::SessionEnded, &viewer, ip, &headers).detail("how", "account");
    if let Err(error) = state.db.append_audit(&audit).await {
        tracing::warn!(%error, "could not record the ended session in the audit trail");
    }
    Ok(if own {
        signed_out(&ctx, "account-ended-this", false)
    } else {
        redirect(&format!("{}?done=session-ended", routes::ACCOUNT), true)
    })
}

/// `POST /account/sessions/end-all`: every session and SSO of the citizen ends,
/// here and at every portal, with their tokens; portals that registered
/// back-channel logout are told.
pub async fn end_all(
    State(state): State<AppState>,
    ctx: PageContext,
    Fresh(viewer): Fresh,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<ConfirmForm>,
) -> Result<Response, PageError> {
    let citizen = viewer.citizen.id.as_str();
    let audit = event(&state, AuditKind::AllSessionsEnded, &viewer, ip, &headers);
    state
        .db
        .end_all_sessions(citizen, state.now(), &audit)
        .await?;
    state.endings.end_all(citizen).await;
    Ok(signed_out(&ctx, "account-ended-all", false))
}

/// `POST /account/browsers/forget`: the browser is no longer trusted for the
/// account (its own password lane and its exemption from the question go).
pub async fn forget_browser(
    State(state): State<AppState>,
    Fresh(viewer): Fresh,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<BrowserForm>,
) -> Result<Response, PageError> {
    if form.id.is_empty() || form.id.len() > MAX_ID {
        return Err(PageError::BadRequest("account-unknown-browser"));
    }
    let audit = event(&state, AuditKind::BrowserForgotten, &viewer, ip, &headers);
    let forgotten = state
        .db
        .forget_trusted_browser(viewer.citizen.id.as_str(), &form.id, &audit)
        .await?;
    if !forgotten {
        return Err(PageError::BadRequest("account-unknown-browser"));
    }
    Ok(redirect(
        &format!("{}?done=browser-forgotten", routes::ACCOUNT),
        true,
    ))
}

/// `GET /account/not-me`: what "this wasn't me" will do, and the button.
pub async fn not_me_show(ctx: PageContext, _: Fresh) -> Response {
    ctx.page("account/not_me.html")
        .title("account-not-me-title")
        .into_response()
}

/// `POST /account/not-me`: every session ends, every trusted browser is
/// forgotten and the password is blocked; the page then walks the citizen to
/// the forgotten-password flow (activation code + SMS code + new password).
pub async fn not_me(
    State(state): State<AppState>,
    ctx: PageContext,
    Fresh(viewer): Fresh,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<ConfirmForm>,
) -> Result<Response, PageError> {
    let citizen = viewer.citizen.id.as_str();
    let audit = event(&state, AuditKind::NotMeReported, &viewer, ip, &headers);
    state.db.report_not_me(citizen, state.now(), &audit).await?;
    state.endings.end_all(citizen).await;
    metrics::counter!("clave_not_me_reports_total").increment(1);
    Ok(signed_out(&ctx, "account-not-me-done", true))
}
