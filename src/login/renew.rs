//! Renewing an expired password at login: a password expires 2 years after it
//! was set (`docs/architecture.md`, "Account lifecycle"), and the next login must
//! set a new one before reaching the portal. The SMS code confirms it is the citizen, then the new password must
//! pass the policy and differ from the old one.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::complete::{Authenticated, complete};
use super::otp::otp_page;
use crate::abuse::ClientIp;
use crate::auth::transaction::{LoginTx, RENEWAL_STEPS, Stage};
use crate::domain::AuditKind;
use crate::domain::{Assurance, Device};
use crate::notices::{Notice, Source};
use crate::otp::notice::{field_error, notice_text};
use crate::otp::{OtpPurpose, VerifyOutcome};
use crate::routes;
use crate::state::AppState;
use crate::store::sql::AuditEvent;
use crate::web::redirect::redirect;
use crate::web::{CsrfForm, Page, PageContext, PageError};

/// The query of the renewal page.
#[derive(Debug, Deserialize)]
pub struct RenewQuery {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    notice: Option<String>,
}

/// The renewal form: first the code, then the new password twice.
#[derive(Deserialize)]
pub struct RenewForm {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    otp: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_confirm: String,
}

fn stage(tx: &LoginTx) -> Result<(String, bool), PageError> {
    match &tx.stage {
        Stage::Renew {
            citizen_id,
            otp_verified,
        } => Ok((citizen_id.clone(), *otp_verified)),
        _ => Err(PageError::BadRequest("error-login-expired")),
    }
}

fn password_page(ctx: &PageContext, tx_id: &str, tx: &LoginTx) -> Page {
    ctx.page("login/renew.html")
        .title("login-renew-task")
        .caption("login-renew-caption")
        .step(RENEWAL_STEPS, RENEWAL_STEPS)
        .with("tx", tx_id)
        .with("client_name", tx.client_name_in(ctx.lang()))
}

/// `GET /login/renew?tx=…`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<RenewQuery>,
) -> Result<Page, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &query.tx).await?;
    let (citizen_id, verified) = stage(&tx)?;
    if verified {
        return Ok(password_page(&ctx, &query.tx, &tx));
    }
    let page = otp_page(
        &state,
        &ctx,
        &query.tx,
        &tx,
        &citizen_id,
        "login/renew_otp.html",
    )
    .await?;
    Ok(page
        .with(
            "notice",
            notice_text(ctx.lang(), state.otp.policy(), query.notice.as_deref()),
        )
        .with("notice_kind", query.notice.as_deref()))
}

/// `POST /login/renew`.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<RenewForm>,
) -> Result<Response, PageError> {
    let mut tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    let (citizen_id, verified) = stage(&tx)?;
    if !verified {
        // The same per-address quota as every other step that takes an SMS code.
        state.guard.code_quota(ip).await?;
        let outcome = state
            .otp
            .verify(&form.tx, OtpPurpose::ExpiredPasswordRenewal, &form.otp)
            .await?;
        if outcome != VerifyOutcome::Verified {
            let page = otp_page(
                &state,
                &ctx,
                &form.tx,
                &tx,
                &citizen_id,
                "login/renew_otp.html",
            )
            .await?;
            return Ok(page
                .errors(vec![field_error(outcome)])
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .into_response());
        }
        tx.renewal_code_accepted()?;
        tx.save(&state.browsers, &form.tx).await?;
        return Ok(redirect(
            &routes::login_step(routes::LOGIN_RENEW, &form.tx),
            true,
        ));
    }
    let Some(citizen) = state.db.citizen(&citizen_id).await? else {
        return Err(PageError::BadRequest("error-login-expired"));
    };
    match state
        .credentials
        .choose_new_password(&citizen, &form.new_password, &form.new_password_confirm)
        .await?
    {
        Err(errors) => Ok(password_page(&ctx, &form.tx, &tx)
            .errors(errors)
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .into_response()),
        Ok(hash) => {
            let now = state.now();
            let audit = AuditEvent::new(now, AuditKind::PasswordRenewed, "citizen")
                .citizen(citizen.id.as_str())
                .detail("reason", "expired");
            if !state
                .db
                .set_password(citizen.id.as_str(), &hash, now, true, &audit)
                .await?
            {
                return Err(PageError::BadRequest("error-login-expired"));
            }
            let source = Source {
                device: Device::of(&headers),
                ip,
            };
            state
                .notices
                .tell(Notice::PasswordChanged, &citizen, ctx.lang(), source)
                .await;
            complete(
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
            .await
        }
    }
}
