//! The steps every flow shares after its first page: the SMS code (with resend),
//! the new password, the confirmation of an irreversible step.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::finish;
use super::flow::{Flow, FlowKind, Stage};
use super::start::citizen_of;
use crate::auth::transaction::{LoginTx, Stage as LoginStage};
use crate::notices::Source;
use crate::otp::VerifyOutcome;
use crate::otp::notice::{Notice, field_error, notice_of, notice_text};
use crate::routes;
use crate::state::AppState;
use crate::store::sql::CitizenRecord;
use crate::web::redirect::redirect;
use crate::web::{FieldError, Page, PageContext, PageError, append_cookie};

/// The `flow` (and `notice`) query parameters of the step pages.
#[derive(Debug, Deserialize)]
pub struct FlowQuery {
    #[serde(default)]
    pub(super) flow: String,
    #[serde(default)]
    pub(super) notice: Option<String>,
}

/// The forms of the step pages.
#[derive(Default, Deserialize)]
pub struct StepForm {
    #[serde(default)]
    pub(super) flow: String,
    #[serde(default)]
    pub(super) otp: String,
    #[serde(default)]
    pub(super) new_password: String,
    #[serde(default)]
    pub(super) new_password_confirm: String,
}

/// Starts `kind` for a citizen who proved who they are: sends the code and moves on.
pub async fn begin(
    state: &AppState,
    ctx: &PageContext,
    kind: FlowKind,
    citizen: &CitizenRecord,
    login: Option<String>,
) -> Result<Response, PageError> {
    let (id, _) = Flow::start(&state.browsers, ctx, kind, citizen.id.as_str(), login).await?;
    let notice = send(state, ctx, kind, &id, citizen).await?;
    Ok(redirect(
        &routes::flow_step(kind.paths().code, &id, Some(notice.as_str())),
        true,
    ))
}

/// Sends (or re-sends) the flow's code; returns the notice to show.
async fn send(
    state: &AppState,
    ctx: &PageContext,
    kind: FlowKind,
    id: &str,
    citizen: &CitizenRecord,
) -> Result<Notice, PageError> {
    let sent = state
        .otp
        .send(
            id,
            kind.otp_purpose(),
            &citizen.id,
            &citizen.phone,
            ctx.lang(),
        )
        .await;
    Ok(notice_of(sent)?)
}

async fn code_page(
    state: &AppState,
    ctx: &PageContext,
    kind: FlowKind,
    id: &str,
    flow: &Flow,
) -> Result<Page, PageError> {
    let citizen = citizen_of(state, flow).await?;
    let phone = citizen.phone.masked();
    Ok(ctx
        .page("selfservice/code.html")
        .title("selfservice-task-code")
        .caption(format!("{}-title", kind.key()))
        .step(2, kind.steps())
        .with("flow", id)
        .with("base", kind.path())
        .with("phone", phone)
        .with("validity_minutes", state.otp.policy().validity_minutes())
        .with("resend_after_secs", state.otp.policy().cooldown_secs()))
}

/// `GET {flow}/code?flow=…`.
pub async fn code_show(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    query: FlowQuery,
) -> Result<Page, PageError> {
    let flow = Flow::load_at(&state.browsers, &ctx, kind, &query.flow, Stage::Code).await?;
    let page = code_page(&state, &ctx, kind, &query.flow, &flow).await?;
    Ok(page
        .with(
            "notice",
            notice_text(ctx.lang(), state.otp.policy(), query.notice.as_deref()),
        )
        .with("notice_kind", query.notice.as_deref()))
}

/// `POST {flow}/code`.
pub async fn code_submit(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    ip: std::net::IpAddr,
    form: StepForm,
) -> Result<Response, PageError> {
    let mut flow = Flow::load_at(&state.browsers, &ctx, kind, &form.flow, Stage::Code).await?;
    state.guard.code_quota(ip).await?;
    let outcome = state
        .otp
        .verify(&form.flow, kind.otp_purpose(), &form.otp)
        .await?;
    if outcome != VerifyOutcome::Verified {
        let page = code_page(&state, &ctx, kind, &form.flow, &flow).await?;
        let error = field_error(outcome);
        return Ok(page
            .errors(vec![error])
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .into_response());
    }
    flow.code_accepted()?;
    if flow.stage == Stage::Done {
        // The new code is on this answer only; the flow stays, finished, so that
        // Back says it is done instead of "expired".
        let response = finish::after_code(&state, &ctx, &flow).await?;
        flow.save(&state.browsers, &form.flow).await?;
        return Ok(response);
    }
    flow.save(&state.browsers, &form.flow).await?;
    let next = if flow.stage == Stage::Password {
        kind.paths().password
    } else {
        kind.paths().confirm
    };
    Ok(redirect(&routes::flow_step(next, &form.flow, None), true))
}

/// `POST {flow}/code/resend`.
pub async fn code_resend(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    ip: std::net::IpAddr,
    form: StepForm,
) -> Result<Response, PageError> {
    let flow = Flow::load_at(&state.browsers, &ctx, kind, &form.flow, Stage::Code).await?;
    state.guard.code_quota(ip).await?;
    let citizen = citizen_of(&state, &flow).await?;
    let notice = send(&state, &ctx, kind, &form.flow, &citizen)
        .await?
        .on_resend();
    Ok(redirect(
        &routes::flow_step(kind.paths().code, &form.flow, Some(notice.as_str())),
        true,
    ))
}

fn password_page(ctx: &PageContext, kind: FlowKind, id: &str) -> Page {
    ctx.page("selfservice/password.html")
        .title(if kind == FlowKind::Activation {
            "selfservice-task-first-password"
        } else {
            "selfservice-task-new-password"
        })
        .caption(format!("{}-title", kind.key()))
        .step(3, kind.steps())
        .with("flow", id)
        .with("base", kind.path())
        .with("intro_key", format!("{}-password-intro", kind.key()))
}

/// `GET {flow}/password?flow=…`.
pub async fn password_show(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    query: FlowQuery,
) -> Result<Page, PageError> {
    Flow::load_at(&state.browsers, &ctx, kind, &query.flow, Stage::Password).await?;
    Ok(password_page(&ctx, kind, &query.flow))
}

/// `POST {flow}/password`: every rule the password breaks is listed at once, and
/// nothing changes until it passes.
pub async fn password_submit(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    headers: axum::http::HeaderMap,
    ip: std::net::IpAddr,
    form: StepForm,
) -> Result<Response, PageError> {
    let flow = Flow::load_at(&state.browsers, &ctx, kind, &form.flow, Stage::Password).await?;
    let citizen = citizen_of(&state, &flow).await?;
    let hash = state
        .credentials
        .choose_new_password(&citizen, &form.new_password, &form.new_password_confirm)
        .await?;
    match hash {
        Err(errors) => Ok(password_page(&ctx, kind, &form.flow)
            .errors(errors)
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .into_response()),
        Ok(hash) => {
            let device =
                finish::new_password(&state, &ctx, &headers, ip, &flow, &citizen, &hash).await?;
            let mut response = finished(&state, kind, flow, &form.flow).await?;
            if let Some(device) = device {
                append_cookie(response.headers_mut(), &ctx.web().device_cookie(device));
            }
            Ok(response)
        }
    }
}

/// `GET {flow}/confirm?flow=…`.
pub async fn confirm_show(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    query: FlowQuery,
) -> Result<Page, PageError> {
    Flow::load_at(&state.browsers, &ctx, kind, &query.flow, Stage::Confirm).await?;
    Ok(ctx
        .page(format!("selfservice/{}_confirm.html", kind.key()))
        .title(format!("{}-task-confirm", kind.key()))
        .caption(format!("{}-title", kind.key()))
        .step(3, kind.steps())
        .with("flow", &query.flow)
        .with("base", kind.path()))
}

/// `POST {flow}/confirm`.
pub async fn confirm_submit(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    source: Source,
    form: StepForm,
) -> Result<Response, PageError> {
    let flow = Flow::load_at(&state.browsers, &ctx, kind, &form.flow, Stage::Confirm).await?;
    finish::confirmed(&state, &ctx, source, &flow).await?;
    finished(&state, kind, flow, &form.flow).await
}

/// The flow did what it is for: it is marked finished and the browser goes to
/// its end page by a redirect (Post/Redirect/Get), so that neither Back nor a
/// reload sends the last step again; a page of the flow seen again says it is
/// done (`Flow::load_at`).
async fn finished(
    state: &AppState,
    kind: FlowKind,
    flow: Flow,
    id: &str,
) -> Result<Response, PageError> {
    flow.finish(&state.browsers, id).await?;
    Ok(redirect(
        &routes::flow_step(kind.paths().done, id, None),
        true,
    ))
}

/// Where the login this flow was opened from goes on, and its portal's name:
/// the password page (or the method screen, if no method was chosen yet), while
/// that login lives in this browser.
async fn continue_login(
    state: &AppState,
    ctx: &PageContext,
    login: &str,
) -> Option<(String, String)> {
    let tx = LoginTx::load(&state.browsers, ctx, login).await.ok()?;
    let page = if tx.stage == LoginStage::Method {
        routes::LOGIN
    } else {
        routes::LOGIN_PASSWORD
    };
    Some((
        tx.client_name_in(ctx.lang()).to_owned(),
        routes::login_step(page, login),
    ))
}

/// `GET {flow}/done?flow=…`: the end page of a finished flow.
pub async fn done_show(
    state: AppState,
    ctx: PageContext,
    kind: FlowKind,
    query: FlowQuery,
) -> Result<Response, PageError> {
    match Flow::load_at(&state.browsers, &ctx, kind, &query.flow, Stage::Done).await {
        // A new activation code is shown once, by the step that made it.
        Ok(_) if kind == FlowKind::CodeRegeneration => Err(PageError::AlreadyDone(kind.done_key())),
        Ok(flow) => {
            let back = match flow.login.as_deref() {
                Some(login) => continue_login(&state, &ctx, login).await,
                None => None,
            };
            Ok(finish::done_page(&ctx, kind, back))
        }
        Err(error) => Err(error),
    }
}

/// A field error for the new-password form.
pub fn password_error(key: &str) -> FieldError {
    FieldError::new("new_password", key)
}
