//! The end of a login: a new SSO session (a new id at every login, RFC 9700
//! §4.11 / no session fixation), an audit event, and the code back to the portal.

use axum::http::HeaderMap;
use axum::response::Response;

use crate::auth::session::Origin;
use crate::auth::transaction::LoginTx;
use crate::domain::AuditKind;
use crate::domain::{Assurance, Device, masked_network};
use crate::notices::{Notice, Source};
use crate::state::AppState;
use crate::store::sql::{AuditEvent, CitizenRecord};
use crate::web::redirect::redirect;
use crate::web::{PageContext, PageError, append_cookie};

/// Who authenticated, how well and how.
#[derive(Debug, Clone, Copy)]
pub struct Authenticated<'a> {
    /// The citizen, as the login read it: the new-browser notice and the
    /// check of the stored language use this record, not a second read.
    pub citizen: &'a CitizenRecord,
    /// The level of assurance reached (and so the methods used, `amr`).
    pub assurance: Assurance,
    /// The address the login came from (for the audit trail).
    pub ip: std::net::IpAddr,
}

/// Logs the citizen in and answers the portal.
pub async fn complete(
    state: &AppState,
    ctx: &PageContext,
    headers: &HeaderMap,
    tx_id: &str,
    tx: &LoginTx,
    who: Authenticated<'_>,
) -> Result<Response, PageError> {
    let Authenticated {
        citizen,
        assurance,
        ip,
    } = who;
    let citizen_id = citizen.id.as_str();
    if let Some((old_cookie, _)) = state.browsers.session(headers).await? {
        state.browsers.replace_session(&old_cookie).await?;
    }
    let device = Device::of(headers);
    let origin = Origin {
        browser: device.describe(),
        network: masked_network(&ip.to_string()),
    };
    let (cookie, session) = state
        .browsers
        .start_session(citizen_id, assurance, origin)
        .await?;
    let location = state
        .tokens
        .issue_code(&tx.request, session.authorize(&tx.request))
        .await?;
    state
        .backchannel
        .remember(&tx.request.client_id, citizen_id, &session.sid)
        .await;
    LoginTx::remove(&state.browsers, tx_id).await?;
    metrics::counter!("clave_logins_total", "outcome" => "success", "acr" => assurance.acr())
        .increment(1);
    let audit = AuditEvent::new(state.now(), AuditKind::LoginSucceeded, "citizen")
        .citizen(citizen_id)
        .ip(ip)
        .portal(&tx.request.client_id)
        .acr(assurance.acr())
        .browser(&device.describe())
        .detail("scope", tx.request.scope.to_string());
    if let Err(error) = state.db.append_audit(&audit).await {
        // The login itself succeeded; a lost audit line must not undo it.
        tracing::warn!(%error, "could not record the login in the audit trail");
    }
    let mut response = redirect(&location, true);
    // A new CSRF cookie with the new session: a token learnt before the login no
    // longer passes.
    let mut cookies = vec![
        ctx.web().session_cookie(cookie),
        ctx.web().fresh_csrf_cookie(),
    ];
    // The browser is trusted for this account from now on (or again): its own
    // password lane, no question for this account (`auth::trusted`).
    match state.credentials.trust_browser(citizen_id, headers).await {
        Ok((cookie, new)) => {
            cookies.push(ctx.web().device_cookie(cookie));
            if new {
                // The record holds the language noted before this login, so the
                // notice is in the citizen's language, not the one of a page an
                // intruder chose (`crate::notices`).
                let source = Source { device, ip };
                state
                    .notices
                    .tell(Notice::NewBrowser, citizen, ctx.lang(), source)
                    .await;
            }
        }
        // The login itself succeeded; the browser is trusted at the next one.
        Err(error) => tracing::warn!(%error, "could not trust the browser"),
    }
    // The citizen's language only chooses the notices' (`crate::notices`);
    // written only when this login changed it.
    let lang = ctx.lang().code();
    if citizen.language.as_deref() != Some(lang)
        && let Err(error) = state.db.set_language(citizen_id, lang).await
    {
        tracing::warn!(%error, "could not note the citizen's language");
    }
    for cookie in &cookies {
        append_cookie(response.headers_mut(), cookie);
    }
    Ok(response)
}
