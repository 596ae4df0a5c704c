//! The first page of every flow: the citizen proves who they are, with the
//! activation code (activation, forgotten password) or with the password (change,
//! unsubscribe, code regeneration).
//!
//! Unknown DNI/NIE and wrong codes or passwords get one answer, in one time: every
//! answer waits until [`MIN_ANSWER`] has passed since the request arrived, and a
//! missing password hash costs a dummy argon2 verification, so neither the text
//! nor the timing tells a stranger which DNI/NIE are registered. Wrong codes and
//! passwords count against the account (more than 5 wrong codes block the code;
//! 5 wrong passwords block the password), atomically in the database.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::flow::{Flow, FlowKind};
use super::steps;
use crate::abuse::Scope;
use crate::abuse::question::Question;
use crate::abuse::screen::{Answer, Screening};
use crate::auth::{Attempt, Lane, PasswordCheck};
use crate::crypto::hash_token;
use crate::domain::AuditKind;
use crate::domain::{ActivationCode, CitizenStatus, Device, DocumentId, Email};
use crate::notices::{Notice, Source};
use crate::state::AppState;
use crate::store::sql::{AuditEvent, CitizenRecord};
use crate::web::{FieldError, Lang, Page, PageContext, PageError};

/// Every first-page answer takes at least this long.
pub const MIN_ANSWER: Duration = Duration::from_millis(400);

/// The first-page form of every flow (fields a flow does not use stay empty).
#[derive(Default, Deserialize)]
pub struct StartForm {
    #[serde(default)]
    pub(super) username: String,
    #[serde(default)]
    pub(super) email: String,
    #[serde(default)]
    pub(super) activation_code: String,
    #[serde(default)]
    pub(super) password: String,
    #[serde(default)]
    pub(super) captcha_id: String,
    #[serde(default)]
    pub(super) captcha_answer: String,
    #[serde(default)]
    pub(super) altcha: String,
    #[serde(default)]
    pub(super) challenge_sms: String,
    #[serde(default)]
    pub(super) challenge_code: String,
    /// The login the page was opened from (`?login=` on its link), carried to the
    /// end of the flow.
    #[serde(default)]
    pub(super) login: String,
}

/// The query of a first page: the login it was opened from, if any.
#[derive(Debug, Default, Deserialize)]
pub struct StartQuery {
    #[serde(default)]
    login: String,
}

impl StartForm {
    /// The empty first page, opened from `query`.
    pub fn opened(query: StartQuery) -> Self {
        Self {
            login: query.login,
            ..Self::default()
        }
    }

    /// The login this flow continues, when the id has the shape of one (it is
    /// checked against this browser's logins only at the end).
    fn login(&self) -> Option<String> {
        crate::auth::transaction::well_formed(&self.login).then(|| self.login.clone())
    }
}

/// The first page of `kind`, with what the citizen typed (never a secret).
pub fn page(ctx: &PageContext, kind: FlowKind, form: &StartForm) -> Page {
    let template = match kind {
        FlowKind::Activation => "selfservice/activation_start.html",
        FlowKind::PasswordReset => "selfservice/reset_start.html",
        _ => "selfservice/password_start.html",
    };
    ctx.page(template)
        .title(if kind.checks_password() {
            "selfservice-task-identify"
        } else {
            "selfservice-task-registration-data"
        })
        .caption(format!("{}-title", kind.key()))
        .with("key", kind.key())
        .with("base", kind.path())
        .step(1, kind.steps())
        .with("username", &form.username)
        .with("email", &form.email)
        .with("login", form.login().unwrap_or_default())
}

/// Handles the first page of `kind`; answers no sooner than [`MIN_ANSWER`].
pub async fn submit(
    state: &AppState,
    ctx: &PageContext,
    kind: FlowKind,
    ip: IpAddr,
    headers: &HeaderMap,
    form: StartForm,
) -> Result<Response, PageError> {
    let arrived = Instant::now();
    let result = guarded(state, ctx, kind, ip, headers, &form).await;
    tokio::time::sleep_until((arrived + MIN_ANSWER).into()).await;
    let (identified, question) = result?;
    let outcome = match &identified {
        Identified::Citizen(_) => "started",
        Identified::Refused(_) | Identified::Wrong(_) => "refused",
        Identified::Status(_) => "account_unusable",
        Identified::AlternativeSent => "challenged",
    };
    metrics::counter!("clave_selfservice_total", "flow" => kind.key(), "outcome" => outcome)
        .increment(1);
    match identified {
        Identified::Citizen(citizen) => {
            steps::begin(state, ctx, kind, &citizen, form.login()).await
        }
        Identified::Refused(errors) | Identified::Wrong(errors) => Ok(page(ctx, kind, &form)
            .with("question", question)
            .with("challenge_sms_sent", !form.challenge_code.is_empty())
            .errors(errors)
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .into_response()),
        Identified::Status(message) => Ok(status_page(ctx, kind, message)),
        Identified::AlternativeSent => Ok(page(ctx, kind, &form)
            .with("question", question)
            .with("challenge_sms_sent", true)
            .into_response()),
    }
}

/// Counts the attempt; past the soft quotas, nothing is checked without the
/// right answer to the security question. Returns the outcome and, when the
/// quotas ask for it, the question to show with a refused form.
async fn guarded(
    state: &AppState,
    ctx: &PageContext,
    kind: FlowKind,
    ip: IpAddr,
    headers: &HeaderMap,
    form: &StartForm,
) -> Result<(Identified, Option<Question>), PageError> {
    let account = DocumentId::parse(&form.username).ok();
    // The browser's lane for this account: its password or activation-code
    // failures count there (`auth::trusted`).
    let lane = match &account {
        Some(id) => state.credentials.lane(id, headers).await?,
        None => Lane::Unknown,
    };
    let bound = format!("{}:{}", kind.key(), hash_token(ctx.csrf_token()));
    if let (Some(id), "send") = (&account, form.challenge_sms.as_str()) {
        // The question's SMS alternative: nothing is checked or counted, the
        // form comes back with a field for the code.
        state
            .guard
            .send_alternative((&state.otp, &state.db), ip, &bound, id, ctx.lang())
            .await?;
        let question = state
            .guard
            .ask(state.ephemeral.as_ref(), ctx.lang(), &bound)
            .await?;
        return Ok((Identified::AlternativeSent, Some(question)));
    }
    // An empty or malformed field: every mistake at once, and nothing else.
    // Nothing was looked up, so nothing is counted and no question is asked
    // (it comes with the first form that can be checked).
    if let Err(errors) = check_fields(kind, form) {
        return Ok((Identified::Refused(errors), None));
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
    let attempt = (
        Scope::SelfService,
        ip,
        account.as_ref().map(DocumentId::as_str),
    );
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
    match screening {
        Screening::Pass { next, counted } => {
            let source = Source {
                device: Device::of(headers),
                ip,
            };
            let identified = identify(state, kind, source, ctx.lang(), &lane, form).await;
            // Only a wrong code or password stays counted (an unknown DNI/NIE
            // answers the same): anything else was no failure.
            if matches!(identified, Ok(Identified::Wrong(_))) {
                state.guard.a_failure(counted).await;
            } else {
                state.guard.not_a_failure(counted).await;
            }
            Ok((identified?, next))
        }
        Screening::Stopped { next, error } => {
            // Secrets are never sent back: the summary names the field to type again.
            let again = if kind.checks_password() {
                FieldError::new("password", "field-password-again")
            } else {
                FieldError::new("activation_code", "field-activation-code-again")
            };
            Ok((Identified::Refused(vec![again, error]), Some(next)))
        }
    }
}

enum Identified {
    /// A wrong activation code, email or password (or an unknown DNI/NIE).
    Wrong(Vec<FieldError>),
    Citizen(Box<CitizenRecord>),
    Refused(Vec<FieldError>),
    Status(&'static str),
    /// The question's SMS alternative was asked for (and sent if registered).
    AlternativeSent,
}

/// A page about the account's state, shown only to a citizen who proved who they are.
pub fn status_page(ctx: &PageContext, kind: FlowKind, message_key: &'static str) -> Response {
    ctx.page("selfservice/status.html")
        .title(format!("{}-title", kind.key()))
        .with("message_key", message_key)
        .status(StatusCode::FORBIDDEN)
        .into_response()
}

async fn identify(
    state: &AppState,
    kind: FlowKind,
    source: Source,
    lang: Lang,
    lane: &Lane,
    form: &StartForm,
) -> Result<Identified, PageError> {
    let id = match check_fields(kind, form) {
        Ok(id) => id,
        Err(errors) => return Ok(Identified::Refused(errors)),
    };
    match kind {
        FlowKind::Activation | FlowKind::PasswordReset => {
            by_code(state, kind, source, lang, lane, &id, form).await
        }
        FlowKind::PasswordChange | FlowKind::Unsubscribe | FlowKind::CodeRegeneration => {
            by_password(state, kind, source, lang, lane, &id, form).await
        }
    }
}

/// Every field of the first page checked at once, in the order the page shows
/// them, before anything is looked up: a citizen sees every mistake in one
/// submit, and nothing here depends on whether the account exists.
fn check_fields(kind: FlowKind, form: &StartForm) -> Result<DocumentId, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id = DocumentId::parse(&form.username)
        .map_err(|error| errors.push(FieldError::from_error("username", &error)))
        .ok();
    match kind {
        FlowKind::Activation | FlowKind::PasswordReset => {
            if let Err(error) = Email::parse(&form.email) {
                errors.push(FieldError::from_error("email", &error));
            }
            if let Err(error) = ActivationCode::parse(&form.activation_code) {
                errors.push(FieldError::from_error("activation_code", &error));
            }
        }
        FlowKind::PasswordChange | FlowKind::Unsubscribe | FlowKind::CodeRegeneration => {
            if form.password.is_empty() {
                errors.push(FieldError::new("password", "login-password-required"));
            }
        }
    }
    match id {
        Some(id) if errors.is_empty() => Ok(id),
        _ => Err(errors),
    }
}

/// What a blocked activation code leads to: a citizen with a password gets a
/// new code by regenerating it; one who never activated has no password, so only
/// a registration office can give one.
fn code_blocked(citizen: &CitizenRecord) -> &'static str {
    if citizen.status == CitizenStatus::Pending {
        "selfservice-code-blocked-pending"
    } else {
        "selfservice-code-blocked"
    }
}

async fn by_code(
    state: &AppState,
    kind: FlowKind,
    source: Source,
    lang: Lang,
    lane: &Lane,
    id: &DocumentId,
    form: &StartForm,
) -> Result<Identified, PageError> {
    let code = match ActivationCode::parse(&form.activation_code) {
        Ok(code) => code,
        Err(error) => {
            return Ok(Identified::Refused(vec![FieldError::from_error(
                "activation_code",
                &error,
            )]));
        }
    };
    let mismatch = || {
        Identified::Wrong(vec![FieldError::new(
            "activation_code",
            format!("{}-mismatch", kind.key()),
        )])
    };
    let Some(citizen) = state.db.citizen(id.as_str()).await? else {
        return Ok(mismatch());
    };
    let Some(stored) = citizen.activation_code_hash.as_deref() else {
        return Ok(mismatch());
    };
    let code_right = code.verify(stored);
    // Both flows that take the activation code also take the registered email, so
    // that a wrong code counts toward its block only from someone who knows more
    // than the DNI/NIE (whose check letter anyone can compute).
    let email_right = citizen.email.matches(&form.email);
    // Blocked in this browser's lane: a trusted browser's own, or the account's
    // shared lane of unknown browsers.
    let blocked = match lane {
        Lane::Trusted(browser) => browser.activation_code_blocked,
        Lane::Unknown => citizen.activation_code_blocked,
    };
    if blocked {
        // Told only to whoever typed the right code (and email): nobody else learns
        // that this DNI/NIE is registered.
        return Ok(if code_right && email_right {
            Identified::Status(code_blocked(&citizen))
        } else {
            mismatch()
        });
    }
    if !code_right || !email_right {
        if !code_right && email_right {
            let now = state.now();
            let counted = match lane {
                Lane::Trusted(browser) => state.db.record_browser_code_failure(&browser.id).await?,
                Lane::Unknown => {
                    state
                        .db
                        .record_activation_code_failure(citizen.id.as_str(), now)
                        .await?
                }
            };
            if let Some(count) = counted {
                let lane_name = if lane.is_trusted() {
                    "trusted"
                } else {
                    "unknown"
                };
                let mut audit = AuditEvent::new(now, AuditKind::ActivationCodeFailed, "citizen")
                    .citizen(citizen.id.as_str())
                    .ip(source.ip)
                    .outcome("failure")
                    .detail("flow", kind.key())
                    .detail("lane", lane_name)
                    .detail("failures", count.failures);
                if count.just_blocked {
                    audit = audit.detail("activation_code_blocked", true);
                    metrics::counter!("clave_activation_code_blocks_total", "lane" => lane_name)
                        .increment(1);
                    state
                        .notices
                        .tell(Notice::CodeBlocked, &citizen, lang, source)
                        .await;
                }
                state.db.append_audit(&audit).await?;
                if count.blocked {
                    return Ok(Identified::Status(code_blocked(&citizen)));
                }
            }
        }
        return Ok(mismatch());
    }
    Ok(match (kind, citizen.status) {
        (FlowKind::Activation, CitizenStatus::Pending) => Identified::Citizen(Box::new(citizen)),
        (FlowKind::Activation, CitizenStatus::Active) => {
            Identified::Status("activation-already-active")
        }
        (FlowKind::PasswordReset, CitizenStatus::Active) => Identified::Citizen(Box::new(citizen)),
        (FlowKind::PasswordReset, CitizenStatus::Pending) => {
            Identified::Status("reset-not-activated")
        }
        (_, CitizenStatus::Legacy) => Identified::Status("selfservice-legacy"),
        (_, _) => Identified::Status("selfservice-unsubscribed"),
    })
}

async fn by_password(
    state: &AppState,
    kind: FlowKind,
    source: Source,
    lang: Lang,
    lane: &Lane,
    id: &DocumentId,
    form: &StartForm,
) -> Result<Identified, PageError> {
    if form.password.is_empty() {
        return Ok(Identified::Refused(vec![FieldError::new(
            "password",
            "login-password-required",
        )]));
    }
    let attempt = Attempt {
        failure_kind: AuditKind::PasswordCheckFailed,
        ip: source.ip,
        context: ("flow", kind.key().to_owned()),
        lang,
        device: source.device,
    };
    let (citizen, blocked_here) = match state
        .credentials
        .check_password(id, &form.password, attempt, lane)
        .await?
    {
        PasswordCheck::Right {
            citizen,
            blocked_here,
        } => (citizen, blocked_here),
        PasswordCheck::Wrong => {
            return Ok(Identified::Wrong(vec![FieldError::new(
                "password",
                "login-wrong-credentials",
            )]));
        }
    };
    if blocked_here {
        return Ok(Identified::Status("login-blocked"));
    }
    Ok(match citizen.status {
        CitizenStatus::Active => {
            state
                .credentials
                .accept(&citizen, &form.password, lane)
                .await?;
            Identified::Citizen(citizen)
        }
        CitizenStatus::Legacy => Identified::Status("selfservice-legacy"),
        CitizenStatus::Unsubscribed => Identified::Status("login-unsubscribed"),
        CitizenStatus::Pending => Identified::Status("login-not-activated"),
    })
}

/// Loads the citizen of a flow.
pub async fn citizen_of(state: &AppState, flow: &Flow) -> Result<CitizenRecord, PageError> {
    state
        .db
        .citizen(&flow.citizen_id)
        .await?
        .ok_or(PageError::BadRequest("selfservice-expired"))
}
