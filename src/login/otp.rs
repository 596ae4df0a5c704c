//! The SMS code step of a login at level of assurance substantial.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::complete::{Authenticated, complete};
use crate::abuse::ClientIp;
use crate::auth::transaction::{LoginTx, RENEWAL_STEPS, Stage};
use crate::domain::Assurance;
use crate::otp::notice::{field_error, notice_of, notice_text};
use crate::otp::{OtpPurpose, VerifyOutcome};
use crate::routes;
use crate::state::AppState;
use crate::web::redirect::redirect;
use crate::web::{CsrfForm, Page, PageContext, PageError};

/// The query of the code page: the transaction and a notice from the last send.
#[derive(Debug, Deserialize)]
pub struct OtpQuery {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    notice: Option<String>,
}

/// The code form.
#[derive(Deserialize)]
pub struct OtpForm {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    otp: String,
}

/// The code page for a transaction at `Stage::Otp`, with its masked phone.
pub(super) async fn otp_page(
    state: &AppState,
    ctx: &PageContext,
    tx_id: &str,
    tx: &LoginTx,
    citizen_id: &str,
    template: &str,
) -> Result<Page, PageError> {
    let phone = match state.db.citizen(citizen_id).await? {
        Some(citizen) => citizen.phone.masked(),
        None => String::new(),
    };
    // The login's SMS code is its last page; the renewal's is its third of four.
    let (step, steps) = if template == "login/renew_otp.html" {
        (RENEWAL_STEPS - 1, RENEWAL_STEPS)
    } else {
        (tx.steps(), tx.steps())
    };
    Ok(ctx
        .page(template)
        .title("login-otp-title")
        .caption(if template == "login/renew_otp.html" {
            "login-renew-caption"
        } else {
            "login-password-title"
        })
        .step(step, steps)
        .with("tx", tx_id)
        .with("client_name", tx.client_name_in(ctx.lang()))
        .with("phone", phone)
        .with("resend_after_secs", state.otp.policy().cooldown_secs())
        .with("validity_minutes", state.otp.policy().validity_minutes()))
}

fn citizen_of(tx: &LoginTx) -> Result<String, PageError> {
    match &tx.stage {
        Stage::Otp { citizen_id } => Ok(citizen_id.clone()),
        _ => Err(PageError::BadRequest("error-login-expired")),
    }
}

/// `GET /login/otp?tx=…`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<OtpQuery>,
) -> Result<Page, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &query.tx).await?;
    let citizen_id = citizen_of(&tx)?;
    let page = otp_page(&state, &ctx, &query.tx, &tx, &citizen_id, "login/otp.html").await?;
    Ok(page
        .with(
            "notice",
            notice_text(ctx.lang(), state.otp.policy(), query.notice.as_deref()),
        )
        .with("notice_kind", query.notice.as_deref()))
}

/// `POST /login/otp`.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<OtpForm>,
) -> Result<Response, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    state.guard.code_quota(ip).await?;
    let citizen_id = citizen_of(&tx)?;
    let outcome = state
        .otp
        .verify(&form.tx, OtpPurpose::Login, &form.otp)
        .await?;
    let error = match outcome {
        VerifyOutcome::Verified => {
            let Some(citizen) = state.db.citizen(&citizen_id).await? else {
                return Err(PageError::BadRequest("error-login-expired"));
            };
            return complete(
                &state,
                &ctx,
                &headers,
                &form.tx,
                &tx,
                Authenticated {
                    citizen: &citizen,
                    assurance: Assurance::Substantial,
                    ip,
                },
            )
            .await;
        }
        other => field_error(other),
    };
    let page = otp_page(&state, &ctx, &form.tx, &tx, &citizen_id, "login/otp.html").await?;
    Ok(page
        .errors(vec![error])
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .into_response())
}

/// The resend form.
#[derive(Debug, Deserialize)]
pub struct ResendForm {
    #[serde(default)]
    tx: String,
}

/// `POST /login/otp/resend`.
pub async fn resend(
    State(state): State<AppState>,
    ctx: PageContext,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<ResendForm>,
) -> Result<Response, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    state.guard.code_quota(ip).await?;
    let (citizen_id, purpose, path) = match &tx.stage {
        Stage::Otp { citizen_id } => (citizen_id.clone(), OtpPurpose::Login, routes::LOGIN_OTP),
        Stage::Renew {
            citizen_id,
            otp_verified: false,
        } => (
            citizen_id.clone(),
            OtpPurpose::ExpiredPasswordRenewal,
            routes::LOGIN_RENEW,
        ),
        _ => return Err(PageError::BadRequest("error-login-expired")),
    };
    let Some(citizen) = state.db.citizen(&citizen_id).await? else {
        return Err(PageError::BadRequest("error-login-expired"));
    };
    let sent = state
        .otp
        .send(&form.tx, purpose, &citizen.id, &citizen.phone, ctx.lang())
        .await;
    let notice = notice_of(sent)?.on_resend();
    Ok(redirect(
        &routes::login_step_with_notice(path, &form.tx, notice.as_str()),
        true,
    ))
}
