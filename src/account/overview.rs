//! The account page itself: the access history (paged, newest first), the open
//! sessions, the trusted browsers and the portals used.
//!
//! Each portal is named as the login pages name it, in the page's language
//! where it registered a name in it; the template quotes it (docs/style.md,
//! "Portal names").
//!
//! Addresses are never shown whole: the history shows the network with its host
//! part hidden (`domain::masked_network`), browsers are named in plain words
//! (`domain::Device`), times are Madrid time with the zone
//! (`domain::MadridTime`).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::HISTORY_PAGE;
use super::login::{Fresh, Viewer};
use crate::domain::{ACR_LOW, ACR_SUBSTANTIAL, Assurance, MadridTime, masked_network};
use crate::state::AppState;
use crate::store::sql::AuditRecord;
use crate::web::{Lang, PageContext, PageError};

/// How many portals the page lists.
const PORTALS_SHOWN: u32 = 50;

/// The page's query: `before` (the history page older than an event id) and
/// `done` (what the last action did).
#[derive(Debug, Default, Deserialize)]
pub struct OverviewQuery {
    #[serde(default)]
    before: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

/// The status messages an action may leave, by `done` value.
const DONE: &[(&str, &str)] = &[
    ("session-ended", "account-done-session-ended"),
    ("browser-forgotten", "account-done-browser-forgotten"),
];

/// `GET /account`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Fresh(viewer): Fresh,
    headers: HeaderMap,
    Query(query): Query<OverviewQuery>,
) -> Result<Response, PageError> {
    let before = match query.before.as_deref() {
        None | Some("") => None,
        Some(raw) => match raw.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => return Err(PageError::BadRequest("account-bad-page")),
        },
    };
    let done = query
        .done
        .as_deref()
        .and_then(|d| DONE.iter().find(|(name, _)| *name == d))
        .map(|(_, key)| *key);
    let overview = Overview::read(&state, &headers, &viewer, before, ctx.lang()).await?;
    Ok(ctx
        .page("account/overview.html")
        .title("account-title")
        .with("given_name", &viewer.citizen.given_name)
        .with("done_key", done)
        .with("history", &overview.history)
        .with("older", overview.older)
        .with("newer", before.is_some())
        .with("sessions", &overview.sessions)
        .with("browsers", &overview.browsers)
        .with("portals", &overview.portals)
        .into_response())
}

/// One line of the history.
#[derive(Debug, Serialize)]
struct HistoryRow {
    when: Shown,
    /// The locale key of what happened.
    event_key: &'static str,
    /// The portal's name, for sign-ins.
    portal: Option<String>,
    /// The locale key of the level reached.
    level_key: Option<&'static str>,
    browser: Option<String>,
    network: Option<String>,
    /// A failure or a block (shown as such, not only by colour).
    warning: bool,
}

/// A time as shown and as machine-readable (`<time datetime>`).
#[derive(Debug, Serialize)]
struct Shown {
    text: String,
    datetime: String,
}

impl Shown {
    fn at(unix: i64) -> Self {
        match MadridTime::at(unix) {
            Some(time) => Self {
                text: time.display(),
                datetime: time.rfc3339(),
            },
            None => Self {
                text: String::new(),
                datetime: String::new(),
            },
        }
    }
}

/// One open session.
#[derive(Debug, Serialize)]
struct SessionRow {
    sid: String,
    started: Shown,
    level_key: &'static str,
    browser: String,
    network: String,
    /// This very browser's session.
    current: bool,
}

/// One trusted browser.
#[derive(Debug, Serialize)]
struct BrowserRow {
    id: String,
    browser: String,
    first: Shown,
    last: Shown,
    blocked: bool,
    current: bool,
}

/// One portal used.
#[derive(Debug, Serialize)]
struct PortalRow {
    name: String,
    last: Shown,
    scopes: String,
}

/// What the page shows.
struct Overview {
    history: Vec<HistoryRow>,
    /// The id to ask the next (older) page with.
    older: Option<i64>,
    sessions: Vec<SessionRow>,
    browsers: Vec<BrowserRow>,
    portals: Vec<PortalRow>,
}

impl Overview {
    async fn read(
        state: &AppState,
        headers: &HeaderMap,
        viewer: &Viewer,
        before: Option<i64>,
        lang: Lang,
    ) -> Result<Self, PageError> {
        let citizen = viewer.citizen.id.as_str();
        let mut events = state
            .db
            .audit_page(citizen, before, HISTORY_PAGE + 1)
            .await?;
        let older = (events.len() > HISTORY_PAGE as usize).then(|| {
            events.truncate(HISTORY_PAGE as usize);
            events.last().map_or(0, |e| e.id)
        });
        let used = state.db.portals_used(citizen, PORTALS_SHOWN).await?;
        let mut names = PortalNames::new(lang);
        let mut history = Vec::with_capacity(events.len());
        for event in &events {
            if let Some(row) = history_row(state, &mut names, event).await? {
                history.push(row);
            }
        }
        let mut portals = Vec::with_capacity(used.len());
        for event in &used {
            let Some(client_id) = &event.client_id else {
                continue;
            };
            portals.push(PortalRow {
                name: names.of(state, client_id).await?,
                last: Shown::at(event.at),
                scopes: detail_str(event, "scope").unwrap_or_default(),
            });
        }
        let sessions = state
            .browsers
            .open_sessions(citizen)
            .await?
            .into_iter()
            .map(|open| SessionRow {
                current: open.sid == viewer.session.sid,
                started: Shown::at(open.started_at),
                level_key: level_key(open.acr),
                browser: open.origin.browser,
                network: open.origin.network,
                sid: open.sid,
            })
            .collect();
        let mine = state.credentials.browser_ids(headers);
        let browsers = state
            .db
            .trusted_browsers_of(citizen)
            .await?
            .into_iter()
            .map(|record| BrowserRow {
                current: mine.contains(&record.id),
                browser: record.browser.unwrap_or_default(),
                first: Shown::at(record.created_at),
                last: Shown::at(record.last_used_at),
                blocked: record.password_blocked || record.activation_code_blocked,
                id: record.id,
            })
            .collect();
        Ok(Self {
            history,
            older,
            sessions,
            browsers,
            portals,
        })
    }
}

/// Portal names by client id in the page's language, read once a page.
struct PortalNames {
    lang: Lang,
    names: HashMap<String, String>,
}

impl PortalNames {
    fn new(lang: Lang) -> Self {
        Self {
            lang,
            names: HashMap::new(),
        }
    }

    async fn of(&mut self, state: &AppState, client_id: &str) -> Result<String, PageError> {
        if let Some(name) = self.names.get(client_id) {
            return Ok(name.clone());
        }
        let name = state.db.client(client_id).await?.map_or_else(
            || client_id.to_owned(),
            |client| client.name_in(self.lang.code()).to_owned(),
        );
        self.names.insert(client_id.to_owned(), name.clone());
        Ok(name)
    }
}

/// The locale key of a level of assurance.
fn level_key(assurance: Assurance) -> &'static str {
    match assurance {
        Assurance::Low => "account-level-low",
        Assurance::Substantial => "account-level-substantial",
    }
}

/// The history line of an event; `None` for bookkeeping the citizen did not
/// cause and need not read (a password re-hashed to today's parameters).
async fn history_row(
    state: &AppState,
    names: &mut PortalNames,
    event: &AuditRecord,
) -> Result<Option<HistoryRow>, PageError> {
    let Some((event_key, warning)) = event_key(event) else {
        return Ok(None);
    };
    let portal = match &event.client_id {
        Some(id) => Some(names.of(state, id).await?),
        None => None,
    };
    let level_key = match event.acr.as_deref() {
        Some(ACR_LOW) => Some("account-level-low"),
        Some(ACR_SUBSTANTIAL) => Some("account-level-substantial"),
        _ => None,
    };
    Ok(Some(HistoryRow {
        when: Shown::at(event.at),
        event_key,
        portal,
        level_key,
        browser: event.browser.clone().filter(|b| !b.is_empty()),
        network: event
            .ip
            .as_deref()
            .map(masked_network)
            .filter(|n| !n.is_empty()),
        warning,
    }))
}

/// The locale key of what an event says, and whether it is a warning.
fn event_key(event: &AuditRecord) -> Option<(&'static str, bool)> {
    let flag = |name: &str| detail_bool(event, name);
    Some(match event.kind.as_str() {
        "login_succeeded" => ("account-event-login", false),
        "sso_login" => ("account-event-sso", false),
        "login_failed" if flag("password_blocked") => ("account-event-password-blocked", true),
        "login_failed" | "password_check_failed" => ("account-event-login-failed", true),
        "activation_code_failed" if flag("activation_code_blocked") => {
            ("account-event-code-blocked", true)
        }
        "activation_code_failed" => ("account-event-code-failed", true),
        "citizen_registered" => ("account-event-registered", false),
        "citizen_activated" => ("account-event-activated", false),
        "activation_code_regenerated" => ("account-event-code-regenerated", false),
        "password_reset" => ("account-event-password-reset", false),
        "password_changed" => ("account-event-password-changed", false),
        "password_renewed" => ("account-event-password-renewed", false),
        "citizen_unsubscribed" => ("account-event-unsubscribed", false),
        "legacy_imported" => ("account-event-legacy-imported", false),
        "legacy_migration_accepted" => ("account-event-legacy-migrated", false),
        "legacy_migration_declined" => ("account-event-legacy-declined", false),
        "session_ended" => ("account-event-session-ended", false),
        "all_sessions_ended" => ("account-event-all-sessions-ended", false),
        "browser_forgotten" => ("account-event-browser-forgotten", false),
        "not_me_reported" => ("account-event-not-me", true),
        "history_exported" => ("account-event-history-exported", false),
        "password_rehashed" => return None,
        _ => ("account-event-other", false),
    })
}

fn detail_value(event: &AuditRecord, name: &str) -> Option<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&event.detail)
        .ok()?
        .get(name)
        .cloned()
}

fn detail_bool(event: &AuditRecord, name: &str) -> bool {
    detail_value(event, name).and_then(|v| v.as_bool()) == Some(true)
}

fn detail_str(event: &AuditRecord, name: &str) -> Option<String> {
    detail_value(event, name).and_then(|v| v.as_str().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, detail: &str) -> AuditRecord {
        AuditRecord {
            id: 1,
            at: 0,
            kind: kind.to_owned(),
            citizen_id: Some("12345678Z".into()),
            actor: "citizen".into(),
            ip: None,
            outcome: "success".into(),
            detail: detail.to_owned(),
            client_id: None,
            acr: None,
            browser: None,
        }
    }

    #[test]
    fn a_failure_that_blocked_reads_as_a_block() {
        let blocked = record("login_failed", r#"{"password_blocked":true,"failures":5}"#);
        assert_eq!(
            event_key(&blocked),
            Some(("account-event-password-blocked", true))
        );
        let failed = record("login_failed", r#"{"failures":2}"#);
        assert_eq!(
            event_key(&failed),
            Some(("account-event-login-failed", true))
        );
    }

    #[test]
    fn bookkeeping_is_left_out_and_unknown_kinds_still_show() {
        assert_eq!(event_key(&record("password_rehashed", "{}")), None);
        assert_eq!(
            event_key(&record("something_new", "{}")),
            Some(("account-event-other", false))
        );
    }

    #[test]
    fn the_scope_is_read_from_the_detail() {
        let login = record("login_succeeded", r#"{"scope":"openid profile"}"#);
        assert_eq!(
            detail_str(&login, "scope").as_deref(),
            Some("openid profile")
        );
        assert_eq!(detail_str(&record("x", "not json"), "scope"), None);
    }
}
