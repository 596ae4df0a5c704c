//! What each flow does once the citizen has passed its steps. Every change is one
//! transaction with its audit event (all or nothing), and the answer is a page
//! that says plainly what happened and what comes next.

use std::net::IpAddr;

use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::flow::{Flow, FlowKind};
use super::start::citizen_of;
use crate::domain::AuditKind;
use crate::domain::{ActivationCode, CitizenStatus, Device};
use crate::notices::{Notice, Source};
use crate::state::AppState;
use crate::store::sql::{AuditEvent, CitizenRecord};
use crate::web::{PageContext, PageError};

/// Counts a finished flow.
fn completed(kind: FlowKind) {
    metrics::counter!("clave_selfservice_total", "flow" => kind.key(), "outcome" => "completed")
        .increment(1);
}

/// The end page of a finished flow (`GET {flow}/done`); `back` is the portal's
/// name and the way on of the login the flow was opened from.
pub fn done_page(ctx: &PageContext, kind: FlowKind, back: Option<(String, String)>) -> Response {
    let (continue_client, continue_url) = back.unzip();
    ctx.page("selfservice/done.html")
        .with("continue_client", continue_client)
        .with("continue_url", continue_url)
        .title(format!("{}-done-title", kind.key()))
        .caption(format!("{}-title", kind.key()))
        .with("message_key", format!("{}-done", kind.key()))
        .with("kind", kind.key())
        .into_response()
}

/// Notes the page's language as the citizen's, for the notices anybody can cause
/// (`crate::notices`, "Language"). Best-effort: the flow is done either way.
async fn remember_language(state: &AppState, ctx: &PageContext, citizen: &str) {
    if let Err(error) = state.db.set_language(citizen, ctx.lang().code()).await {
        tracing::warn!(%error, "could not note the citizen's language");
    }
}

fn audit(state: &AppState, kind: AuditKind, citizen: &str) -> AuditEvent {
    AuditEvent::new(state.now(), kind, "citizen").citizen(citizen)
}

/// The new password passed every check: store it. Returns the device cookie of
/// a browser that becomes trusted for the account (activation and reset prove
/// the activation code and the mobile).
pub async fn new_password(
    state: &AppState,
    ctx: &PageContext,
    headers: &HeaderMap,
    ip: IpAddr,
    flow: &Flow,
    citizen: &CitizenRecord,
    hash: &str,
) -> Result<Option<String>, PageError> {
    let (event, void_sessions, notice) = match flow.kind {
        FlowKind::Activation => (AuditKind::CitizenActivated, false, Notice::Activated),
        // A forgotten (or stolen) password: sessions opened with the old one end.
        FlowKind::PasswordReset => (AuditKind::PasswordReset, true, Notice::PasswordReset),
        FlowKind::PasswordChange => (AuditKind::PasswordChanged, true, Notice::PasswordChanged),
        FlowKind::Unsubscribe | FlowKind::CodeRegeneration => {
            return Err(PageError::BadRequest("selfservice-expired"));
        }
    };
    let now = state.now();
    let changed = state
        .db
        .set_password(
            citizen.id.as_str(),
            hash,
            now,
            void_sessions,
            &audit(state, event, citizen.id.as_str()),
        )
        .await?;
    if !changed {
        // The account changed state meanwhile (e.g. unsubscribed): nothing was written.
        return Err(PageError::BadRequest("selfservice-expired"));
    }
    if void_sessions {
        // Sessions opened with the old password end now, with their tokens.
        state.endings.end_all(citizen.id.as_str()).await;
    }
    remember_language(state, ctx, citizen.id.as_str()).await;
    let source = Source {
        device: Device::of(headers),
        ip,
    };
    state
        .notices
        .tell(notice, citizen, ctx.lang(), source)
        .await;
    completed(flow.kind);
    // Activating or resetting the password proves the citizen holds the
    // activation code and the mobile: this browser is trusted for the account.
    if matches!(flow.kind, FlowKind::Activation | FlowKind::PasswordReset) {
        match state
            .credentials
            .trust_browser(citizen.id.as_str(), headers)
            .await
        {
            Ok((device, _)) => return Ok(Some(device)),
            Err(error) => tracing::warn!(%error, "could not trust the browser"),
        }
    }
    Ok(None)
}

/// The citizen confirmed an irreversible step (unsubscribe).
pub async fn confirmed(
    state: &AppState,
    ctx: &PageContext,
    source: Source,
    flow: &Flow,
) -> Result<(), PageError> {
    if flow.kind != FlowKind::Unsubscribe {
        return Err(PageError::BadRequest("selfservice-expired"));
    }
    // Read first: the notice goes to the address the account had.
    let citizen = citizen_of(state, flow).await?;
    let done_now = state
        .db
        .set_status(
            &flow.citizen_id,
            CitizenStatus::Active,
            CitizenStatus::Unsubscribed,
            state.now(),
            &audit(state, AuditKind::CitizenUnsubscribed, &flow.citizen_id),
        )
        .await?;
    if !done_now {
        return Err(PageError::BadRequest("selfservice-expired"));
    }
    state.endings.end_all(&flow.citizen_id).await;
    state
        .notices
        .tell(Notice::Unsubscribed, &citizen, ctx.lang(), source)
        .await;
    completed(flow.kind);
    Ok(())
}

/// The code was right and nothing else is asked (code regeneration): the new
/// activation code is shown once, on this response only.
pub async fn after_code(
    state: &AppState,
    ctx: &PageContext,
    flow: &Flow,
) -> Result<Response, PageError> {
    if flow.kind != FlowKind::CodeRegeneration {
        return Err(PageError::BadRequest("selfservice-expired"));
    }
    let citizen = citizen_of(state, flow).await?;
    if citizen.status != CitizenStatus::Active {
        return Err(PageError::BadRequest("selfservice-expired"));
    }
    let code = ActivationCode::generate();
    let event = audit(
        state,
        AuditKind::ActivationCodeRegenerated,
        citizen.id.as_str(),
    )
    .detail("by", "citizen");
    if !state
        .db
        .replace_activation_code(citizen.id.as_str(), &code.hash(), state.now(), &event)
        .await?
    {
        return Err(PageError::BadRequest("selfservice-expired"));
    }
    completed(flow.kind);
    remember_language(state, ctx, citizen.id.as_str()).await;
    Ok(ctx
        .page("selfservice/new_code.html")
        .title("regenerate-done-title")
        .caption("regenerate-title")
        .with("activation_code", code.expose_grouped())
        .into_response())
}
