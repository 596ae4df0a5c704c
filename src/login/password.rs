//! Cl@ve Permanente: DNI/NIE and password.
//!
//! The account rules (`docs/architecture.md`, "Account lifecycle") apply here;
//! the password itself is checked by [`crate::auth::Credentials`]. Unknown DNI/NIE, an account not yet
//! activated and a wrong password all get one message, and all cost one argon2
//! verification (a dummy hash stands in for a missing one), so the page tells a
//! stranger nothing about which DNI/NIE are registered. Only a citizen who typed
//! the right password learns that the password is blocked, or the account closed.
//! Five consecutive wrong passwords block the password; the block is lifted only
//! through "forgotten password". A legacy Social Security user is turned away from
//! other portals and, at a Social Security portal, offered the migration to Cl@ve
//! first ([`super::legacy`]); an imported bcrypt or weak argon2 hash is
//! upgraded after the right password ([`crate::auth::Credentials::accept`]).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::TxQuery;
use super::complete::{Authenticated, complete};
use crate::abuse::screen::{Answer, Screening};
use crate::abuse::{ClientIp, Scope};
use crate::auth::transaction::{AfterPassword, LoginTx};
use crate::auth::{Attempt, PasswordCheck};
use crate::domain::AuditKind;
use crate::domain::{Assurance, CitizenStatus, DocumentId, password_expired};
use crate::otp::OtpPurpose;
use crate::otp::notice::notice_of;
use crate::routes;
use crate::state::AppState;
use crate::store::sql::CitizenRecord;
use crate::web::redirect::redirect;
use crate::web::{CsrfForm, FieldError, Page, PageContext, PageError};

/// A wrong password (or an unknown DNI/NIE) is answered no sooner than this
/// after the request arrived, well above the few milliseconds the failure's
/// database write costs, so known and unknown accounts answer in the same time.
pub const WRONG_PASSWORD_ANSWER: std::time::Duration = std::time::Duration::from_millis(150);

/// The login form. The password is never echoed back.
#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    captcha_id: String,
    #[serde(default)]
    captcha_answer: String,
    #[serde(default)]
    altcha: String,
    #[serde(default)]
    challenge_sms: String,
    #[serde(default)]
    challenge_code: String,
}

fn page(ctx: &PageContext, tx_id: &str, tx: &LoginTx, username: &str) -> Page {
    ctx.page("login/password.html")
        .title("login-password-task")
        .caption("login-password-title")
        .step(2, tx.steps())
        .with("tx", tx_id)
        .with("client_name", tx.client_name_in(ctx.lang()))
        .with("username", username)
}

/// `GET /login/permanente?tx=…`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<TxQuery>,
) -> Result<Page, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &query.tx).await?;
    let hint = tx.request.login_hint.clone().unwrap_or_default();
    let prefill = DocumentId::parse(&hint)
        .map(|id| id.as_str().to_owned())
        .unwrap_or_default();
    Ok(page(&ctx, &query.tx, &tx, &prefill))
}

/// `POST /login/permanente`.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, PageError> {
    let arrived = tokio::time::Instant::now();
    let mut tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    tx.at_password();
    let retry = |errors: Vec<FieldError>, username: &str| {
        page(&ctx, &form.tx, &tx, username)
            .errors(errors)
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .into_response()
    };
    let id = match DocumentId::parse(&form.username) {
        Ok(id) => id,
        Err(error) => {
            // Every mistake at once: an empty password too.
            let mut errors = vec![FieldError::from_error("username", &error)];
            if form.password.is_empty() {
                errors.push(FieldError::new("password", "login-password-required"));
            }
            return Ok(retry(errors, &form.username));
        }
    };
    let bound = format!("login:{}", form.tx);
    if form.password.is_empty() && form.challenge_sms != "send" {
        // Nothing to check: not an attempt, so nothing is counted and no
        // question is asked (it comes with the first password to check).
        return Ok(retry(
            vec![FieldError::new("password", "login-password-required")],
            id.as_str(),
        ));
    }
    if form.challenge_sms == "send" {
        // The question's SMS alternative: nothing is checked or counted, the
        // form comes back with a field for the code.
        state
            .guard
            .send_alternative((&state.otp, &state.db), ip, &bound, &id, ctx.lang())
            .await?;
        let question = state
            .guard
            .ask(state.ephemeral.as_ref(), ctx.lang(), &bound)
            .await?;
        return Ok(page(&ctx, &form.tx, &tx, id.as_str())
            .with("question", question)
            .with("challenge_sms_sent", true)
            .into_response());
    }
    let answer = Answer {
        id: &form.captcha_id,
        answer: &form.captcha_answer,
        pow: &form.altcha,
        alternative: state
            .guard
            .alternative_passed(&state.otp, &bound, &form.challenge_code)
            .await?,
    };
    let lane = state.credentials.lane(&id, &headers).await?;
    let attempt = (Scope::Login, ip, Some(id.as_str()));
    let screening = state
        .guard
        .screen(
            state.ephemeral.as_ref(),
            ctx.lang(),
            attempt,
            lane.is_trusted(),
            &bound,
            answer,
        )
        .await?;
    let (question, counted) = match screening {
        Screening::Pass { next, counted } => (next, counted),
        Screening::Stopped { next, error } => {
            return Ok(page(&ctx, &form.tx, &tx, id.as_str())
                .with("question", next)
                .with("challenge_sms_sent", !form.challenge_code.is_empty())
                // The password is never sent back: say so, or the next submit
                // fails again for a field the summary did not name.
                .errors(vec![
                    FieldError::new("password", "field-password-again"),
                    error,
                ])
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .into_response());
        }
    };
    let retry = |errors: Vec<FieldError>, username: &str| {
        page(&ctx, &form.tx, &tx, username)
            .with("question", &question)
            .errors(errors)
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .into_response()
    };
    let attempt = Attempt {
        failure_kind: AuditKind::LoginFailed,
        ip,
        context: ("client_id", tx.request.client_id.clone()),
        lang: ctx.lang(),
        device: crate::domain::Device::of(&headers),
    };
    let checked = state
        .credentials
        .check_password(&id, &form.password, attempt, &lane)
        .await;
    // Only a wrong password (or an unknown DNI/NIE, which answers the same)
    // is a failure: a right one, or a check that could not run, is given back.
    if matches!(checked, Ok(PasswordCheck::Wrong)) {
        state.guard.a_failure(counted).await;
    } else {
        state.guard.not_a_failure(counted).await;
    }
    let (citizen, blocked_here) = match checked? {
        PasswordCheck::Right {
            citizen,
            blocked_here,
        } => (citizen, blocked_here),
        PasswordCheck::Wrong => {
            metrics::counter!("clave_logins_total", "outcome" => "wrong_credentials").increment(1);
            // A known account's failure is written down, an unknown one's is not:
            // the answer waits for a fixed floor so timing cannot tell them apart.
            tokio::time::sleep_until(arrived + WRONG_PASSWORD_ANSWER).await;
            return Ok(retry(
                vec![FieldError::new("password", "login-wrong-credentials")],
                id.as_str(),
            ));
        }
    };
    if let Some(page) = account_page(&ctx, &form.tx, &tx, &citizen, blocked_here) {
        metrics::counter!("clave_logins_total", "outcome" => "account_unusable").increment(1);
        return Ok(page);
    }
    state
        .credentials
        .accept(&citizen, &form.password, &lane)
        .await?;
    if citizen.status == CitizenStatus::Legacy {
        // Only at a Social Security portal (account_page turned the others away):
        // the migration is offered before any code goes back to the portal.
        tx.password_accepted(citizen.id.as_str(), AfterPassword::LegacyConsent)?;
        tx.save(&state.browsers, &form.tx).await?;
        return Ok(redirect(
            &routes::login_step(routes::LOGIN_LEGACY, &form.tx),
            true,
        ));
    }
    continue_login(&state, &ctx, &headers, &form.tx, &mut tx, &citizen, ip).await
}

/// The rest of a login once the password was right and the account may log in
/// here (also after the legacy migration offer): renewal of an expired password,
/// the SMS step for level of assurance substantial, then the code to the portal.
pub(crate) async fn continue_login(
    state: &AppState,
    ctx: &PageContext,
    headers: &HeaderMap,
    tx_id: &str,
    tx: &mut LoginTx,
    citizen: &CitizenRecord,
    ip: std::net::IpAddr,
) -> Result<Response, PageError> {
    let now = state.now();
    let expired = password_expired(citizen.password_set_at, now);
    if expired {
        tx.password_accepted(citizen.id.as_str(), AfterPassword::Renew)?;
        return send_code_and_go(
            state,
            ctx,
            tx_id,
            tx,
            citizen,
            OtpPurpose::ExpiredPasswordRenewal,
            routes::LOGIN_RENEW,
        )
        .await;
    }
    if tx.request.assurance == Assurance::Substantial {
        tx.password_accepted(citizen.id.as_str(), AfterPassword::Otp)?;
        return send_code_and_go(
            state,
            ctx,
            tx_id,
            tx,
            citizen,
            OtpPurpose::Login,
            routes::LOGIN_OTP,
        )
        .await;
    }
    complete(
        state,
        ctx,
        headers,
        tx_id,
        tx,
        Authenticated {
            citizen,
            assurance: Assurance::Low,
            ip,
        },
    )
    .await
}

/// The page for an account that cannot log in here, told only after the right
/// password.
fn account_page(
    ctx: &PageContext,
    tx_id: &str,
    tx: &LoginTx,
    citizen: &CitizenRecord,
    blocked_here: bool,
) -> Option<Response> {
    let (message, status) = if blocked_here {
        ("login-blocked", StatusCode::FORBIDDEN)
    } else {
        match citizen.status {
            status if status.may_log_in_at(tx.social_security) => return None,
            // Not a Social Security portal: the message links to the help text
            // about the migration (offered only at Social Security services).
            CitizenStatus::Legacy => return Some(super::legacy::not_migrated(ctx, tx_id, tx)),
            CitizenStatus::Unsubscribed => ("login-unsubscribed", StatusCode::FORBIDDEN),
            CitizenStatus::Pending => ("login-not-activated", StatusCode::FORBIDDEN),
            // Unreachable: an active account may log in everywhere (first arm).
            CitizenStatus::Active => return None,
        }
    };
    Some(
        ctx.page("login/account_status.html")
            .title("login-account-status-title")
            .with("message_key", message)
            .with("tx", tx_id)
            .with("client_name", tx.client_name_in(ctx.lang()))
            .status(status)
            .into_response(),
    )
}

/// Sends an SMS code for the next step and moves the browser there.
pub(super) async fn send_code_and_go(
    state: &AppState,
    ctx: &PageContext,
    tx_id: &str,
    tx: &mut LoginTx,
    citizen: &CitizenRecord,
    purpose: OtpPurpose,
    path: &str,
) -> Result<Response, PageError> {
    tx.save(&state.browsers, tx_id).await?;
    let sent = state
        .otp
        .send(tx_id, purpose, &citizen.id, &citizen.phone, ctx.lang())
        .await;
    let notice = notice_of(sent)?;
    Ok(redirect(
        &routes::login_step_with_notice(path, tx_id, notice.as_str()),
        true,
    ))
}
