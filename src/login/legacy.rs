//! The migration offered to a legacy Social Security user at login
//! (`GET/POST /login/legacy`), and the page such a user gets at other portals.
//!
//! A legacy citizen who typed the right password at a Social Security portal lands
//! here (`Stage::LegacyConsent`) before any code goes back to the portal. The page
//! explains, in the words of the original Cl@ve texts, that the citizen registered with the Social
//! Security before Cl@ve and has not consented to the use of those data in Cl@ve,
//! and offers one CSRF form with two buttons (`decision=accept|decline`):
//!
//! - **accept**: `legacy → active` through `SqlStore::set_status`, whose audit event
//!   `legacy_migration_accepted` records when and to which wording
//!   ([`LEGACY_CONSENT_WORDING`]) the citizen said yes; the login then goes on
//!   exactly as an active citizen's (expired-password renewal, SMS step).
//! - **decline**: the event `legacy_migration_declined`, and the login goes on to
//!   this Social Security portal only; the account stays legacy, so other portals
//!   and the self-service flows stay closed and the offer comes back next time.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::TxQuery;
use super::password::continue_login;
use crate::abuse::ClientIp;
use crate::auth::transaction::{LoginTx, Stage};
use crate::domain::AuditKind;
use crate::domain::CitizenStatus;
use crate::state::AppState;
use crate::store::sql::{AuditEvent, CitizenRecord};
use crate::web::{CsrfForm, FieldError, Page, PageContext, PageError};

/// The version of the consent text the citizen was shown, kept with every answer.
/// Change it whenever the wording of `legacy-consent-*` changes in any language.
pub const LEGACY_CONSENT_WORDING: &str = "2026-12-v2";

/// The consent form.
#[derive(Debug, Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    decision: String,
}

/// The citizen's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Accept,
    Decline,
}

fn citizen_of(tx: &LoginTx) -> Result<String, PageError> {
    match &tx.stage {
        Stage::LegacyConsent { citizen_id } => Ok(citizen_id.clone()),
        _ => Err(PageError::BadRequest("error-login-expired")),
    }
}

fn page(ctx: &PageContext, tx_id: &str, tx: &LoginTx, citizen: &CitizenRecord) -> Page {
    let name = [
        Some(citizen.given_name.as_str()),
        Some(citizen.first_surname.as_str()),
        citizen.second_surname.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let phone = citizen.phone.masked();
    ctx.page("legacy/consent.html")
        .title("legacy-consent-title")
        .with("tx", tx_id)
        .with("client_name", tx.client_name_in(ctx.lang()))
        .with("citizen_name", name)
        .with("phone", phone)
}

async fn legacy_citizen(state: &AppState, id: &str) -> Result<CitizenRecord, PageError> {
    state
        .db
        .citizen(id)
        .await?
        .ok_or(PageError::BadRequest("error-login-expired"))
}

/// `GET /login/legacy?tx=…`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<TxQuery>,
) -> Result<Page, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &query.tx).await?;
    let citizen = legacy_citizen(&state, &citizen_of(&tx)?).await?;
    Ok(page(&ctx, &query.tx, &tx, &citizen))
}

/// `POST /login/legacy`.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<ConsentForm>,
) -> Result<Response, PageError> {
    let mut tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    let citizen = legacy_citizen(&state, &citizen_of(&tx)?).await?;
    let decision = match form.decision.as_str() {
        "accept" => Decision::Accept,
        "decline" => Decision::Decline,
        _ => {
            return Ok(page(&ctx, &form.tx, &tx, &citizen)
                .errors(vec![FieldError::new("decision", "legacy-consent-required")])
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .into_response());
        }
    };
    let now = state.now();
    let kind = match decision {
        Decision::Accept => AuditKind::LegacyMigrationAccepted,
        Decision::Decline => AuditKind::LegacyMigrationDeclined,
    };
    let audit = AuditEvent::new(now, kind, "citizen")
        .citizen(citizen.id.as_str())
        .ip(ip)
        .detail("consent_at", now)
        .detail("wording_version", LEGACY_CONSENT_WORDING)
        .detail("client_id", tx.request.client_id.clone())
        .detail("lang", ctx.lang().code());
    let citizen = match (decision, citizen.status) {
        (Decision::Accept, CitizenStatus::Legacy) => {
            let changed = state
                .db
                .set_status(
                    citizen.id.as_str(),
                    CitizenStatus::Legacy,
                    CitizenStatus::Active,
                    now,
                    &audit,
                )
                .await?;
            let citizen = legacy_citizen(&state, citizen.id.as_str()).await?;
            // Lost a race with another tab that accepted first: the same result.
            if !changed && citizen.status != CitizenStatus::Active {
                return Err(PageError::BadRequest("error-login-expired"));
            }
            citizen
        }
        (Decision::Decline, CitizenStatus::Legacy) => {
            state.db.append_audit(&audit).await?;
            citizen
        }
        // Already migrated (another tab): nothing left to decide.
        (_, CitizenStatus::Active) => citizen,
        // A registration act or an unsubscription happened meanwhile.
        (_, CitizenStatus::Pending | CitizenStatus::Unsubscribed) => {
            return Err(PageError::BadRequest("error-login-expired"));
        }
    };
    continue_login(&state, &ctx, &headers, &form.tx, &mut tx, &citizen, ip).await
}

/// "You have not joined Cl@ve yet": the legacy citizen at a portal that is not a
/// Social Security service (403, no code goes back to the portal).
pub(super) fn not_migrated(ctx: &PageContext, tx_id: &str, tx: &LoginTx) -> Response {
    ctx.page("legacy/not_migrated.html")
        .title("login-account-status-title")
        .with("tx", tx_id)
        .with("client_name", tx.client_name_in(ctx.lang()))
        .status(StatusCode::FORBIDDEN)
        .into_response()
}
