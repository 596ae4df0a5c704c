//! The audit trail: what changed, for whom, by whom, from where, with what outcome.
//!
//! Events never carry a secret: no password, code, OTP or token, not even hashed.
//! Account changes write their event in the same transaction as the change
//! ([`insert_audit!`]); other events are appended with [`SqlStore::append_audit`].
//! Events older than `CLAVE_AUDIT_RETENTION_DAYS` are purged (see `retention.rs`).

use super::{Backend, SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;
use crate::domain::AuditKind;

/// An event to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// When it happened.
    pub at: UnixTime,
    /// What happened.
    pub kind: AuditKind,
    /// The citizen concerned, if any.
    pub citizen_id: Option<String>,
    /// Who acted: `operator`, `citizen` or `system`.
    pub actor: String,
    /// The client IP, for events caused by a request.
    pub ip: Option<String>,
    /// `success`, `failure`, or a more precise word.
    pub outcome: String,
    /// Further non-secret facts, as a JSON object.
    pub detail: serde_json::Value,
    /// The portal concerned (a sign-in's relying party).
    pub client_id: Option<String>,
    /// The level of assurance a sign-in reached (`acr`).
    pub acr: Option<String>,
    /// The browser and operating system, in plain words (`domain::Device`).
    pub browser: Option<String>,
}

impl AuditEvent {
    /// A successful event of `kind` by `actor`, with an empty detail.
    pub fn new(at: UnixTime, kind: AuditKind, actor: &str) -> Self {
        Self {
            at,
            kind,
            citizen_id: None,
            actor: actor.to_owned(),
            ip: None,
            outcome: "success".to_owned(),
            detail: serde_json::Value::Object(serde_json::Map::new()),
            client_id: None,
            acr: None,
            browser: None,
        }
    }

    /// The same event at portal `client_id`.
    pub fn portal(mut self, client_id: &str) -> Self {
        self.client_id = Some(client_id.to_owned());
        self
    }

    /// The same event at level `acr`.
    pub fn acr(mut self, acr: &str) -> Self {
        self.acr = Some(acr.to_owned());
        self
    }

    /// The same event from the browser described as `browser`.
    pub fn browser(mut self, browser: &str) -> Self {
        self.browser = Some(browser.to_owned());
        self
    }

    /// The same event about `citizen`.
    pub fn citizen(mut self, citizen: &str) -> Self {
        self.citizen_id = Some(citizen.to_owned());
        self
    }

    /// The same event from `ip`.
    pub fn ip(mut self, ip: std::net::IpAddr) -> Self {
        self.ip = Some(ip.to_string());
        self
    }

    /// The same event with another outcome.
    pub fn outcome(mut self, outcome: &str) -> Self {
        self.outcome = outcome.to_owned();
        self
    }

    /// The same event with one more detail field.
    pub fn detail(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        if let serde_json::Value::Object(map) = &mut self.detail {
            map.insert(key.to_owned(), value.into());
        }
        self
    }
}

/// A recorded event, as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize)]
pub struct AuditRecord {
    /// Sequence number.
    pub id: i64,
    /// When it happened.
    pub at: i64,
    /// What happened.
    pub kind: String,
    /// The citizen concerned.
    pub citizen_id: Option<String>,
    /// Who acted.
    pub actor: String,
    /// From where.
    pub ip: Option<String>,
    /// Outcome.
    pub outcome: String,
    /// Detail, JSON text.
    pub detail: String,
    /// The portal concerned.
    pub client_id: Option<String>,
    /// The level of assurance reached.
    pub acr: Option<String>,
    /// The browser, in plain words.
    pub browser: Option<String>,
}

/// Inserts an [`AuditEvent`] on an executor (a transaction, usually).
macro_rules! insert_audit {
    ($executor:expr, $event:expr) => {{
        let event: &$crate::store::sql::AuditEvent = $event;
        sqlx::query(
            "INSERT INTO audit_events (at, kind, citizen_id, actor, ip, outcome, detail, \
             client_id, acr, browser) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(event.at)
        .bind(event.kind.as_str())
        .bind(&event.citizen_id)
        .bind(&event.actor)
        .bind(&event.ip)
        .bind(&event.outcome)
        .bind(event.detail.to_string())
        .bind(&event.client_id)
        .bind(&event.acr)
        .bind(&event.browser)
        .execute($executor)
        .await?;
    }};
}
pub(crate) use insert_audit;

impl SqlStore {
    /// Appends one event on its own.
    pub async fn append_audit(&self, event: &AuditEvent) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            insert_audit!(pool, event);
            Ok::<_, sqlx::Error>(())
        })
    }

    /// The events about one citizen, oldest first.
    pub async fn audit_events_for(&self, citizen: &str) -> Result<Vec<AuditRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, at, kind, citizen_id, actor, ip, outcome, detail, client_id, acr, \
                 browser FROM audit_events WHERE citizen_id = $1 ORDER BY id",
            )
            .bind(citizen)
            .fetch_all(pool)
            .await
        })
    }

    /// At most `limit` events about one citizen, newest first, older than the
    /// event `before` when given (the next page of the account page's history).
    pub async fn audit_page(
        &self,
        citizen: &str,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, at, kind, citizen_id, actor, ip, outcome, detail, client_id, acr, \
                 browser FROM audit_events WHERE citizen_id = $1 AND id < $2 \
                 ORDER BY id DESC LIMIT $3",
            )
            .bind(citizen)
            .bind(before.unwrap_or(i64::MAX))
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })
    }

    /// The portals a citizen signed in to (a login or a single sign-on), each
    /// as its newest such event (whose detail holds the scopes granted), newest
    /// first; at most `limit`.
    pub async fn portals_used(
        &self,
        citizen: &str,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, at, kind, citizen_id, actor, ip, outcome, detail, client_id, acr, \
                 browser FROM audit_events WHERE id IN (SELECT MAX(id) FROM audit_events \
                 WHERE citizen_id = $1 AND client_id IS NOT NULL \
                 AND kind IN ('login_succeeded', 'sso_login') GROUP BY client_id) \
                 ORDER BY id DESC LIMIT $2",
            )
            .bind(citizen)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })
    }

    /// Deletes at most `limit` events older than `before`; returns how many went.
    pub async fn purge_audit_events(
        &self,
        before: UnixTime,
        limit: u32,
    ) -> Result<u64, StoreError> {
        // PostgreSQL: rows another instance's purge holds are skipped, not waited
        // for, so two purges never queue behind each other nor deadlock.
        let sql = match self.backend() {
            Backend::Postgres => {
                "DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events \
                 WHERE at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)"
            }
            Backend::Sqlite => {
                "DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events \
                 WHERE at < $1 LIMIT $2)"
            }
        };
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            sqlx::query(sql)
                .bind(before)
                .bind(i64::from(limit))
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
    }
}
