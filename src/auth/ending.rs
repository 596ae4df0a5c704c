//! Ending sessions, and with them their tokens (docs/architecture.md, "The
//! account page"): a logout, the account page's "end" and "end all sessions",
//! "this wasn't me", a new password, an unsubscribe and a password block all
//! end here, so each one stops the same things everywhere:
//!
//! - the browser's SSO session (the ephemeral store, shared by every instance);
//! - the access tokens issued under it (`oauth::grants::ENDED_SESSIONS`, read by
//!   userinfo, introspection and the token endpoint);
//! - its refresh tokens (revoked in the durable store);
//! - and the portals that registered back-channel logout are told
//!   (`oauth::backchannel`).

use super::Browsers;
use super::session::Session;
use crate::oauth::backchannel::Backchannel;
use crate::store::ephemeral::EphemeralError;
use crate::store::sql::SqlStore;

/// Ends sessions (see the module text).
#[derive(Clone)]
pub struct SessionEnds {
    browsers: Browsers,
    db: SqlStore,
    backchannel: Backchannel,
}

impl SessionEnds {
    /// The service over the browsers' sessions, the durable store and the
    /// back-channel.
    pub fn new(browsers: Browsers, db: SqlStore, backchannel: Backchannel) -> Self {
        Self {
            browsers,
            db,
            backchannel,
        }
    }

    /// The session behind the cookie value `cookie` ends (a logout); returns it
    /// if it was live.
    pub async fn logout(&self, cookie: &str) -> Result<Option<Session>, EphemeralError> {
        let Some(session) = self.browsers.end_session(cookie).await? else {
            return Ok(None);
        };
        self.after_one(&session.citizen_id, &session.sid).await;
        Ok(Some(session))
    }

    /// The open session `sid` of `citizen` ends (the account page's "end");
    /// says whether there was one.
    pub async fn end_one(&self, citizen: &str, sid: &str) -> Result<bool, EphemeralError> {
        let ended = self.browsers.end_session_of(citizen, sid).await?;
        if ended {
            self.after_one(citizen, sid).await;
        }
        Ok(ended)
    }

    async fn after_one(&self, citizen: &str, sid: &str) {
        let now = self.browsers.now();
        if let Err(error) = self
            .db
            .revoke_session_refresh_tokens(citizen, sid, now)
            .await
        {
            // The session and its access tokens ended; its refresh tokens still
            // meet `sessions_valid_after` or their own deadline.
            tracing::warn!(%error, "could not revoke the refresh tokens of an ended session");
        }
        self.backchannel.session_ended(citizen, sid).await;
    }

    /// Every session of `citizen` ends, with its access and refresh tokens; the
    /// portals are told. Where the account changed too (a new password, an
    /// unsubscribe, "end all sessions", "this wasn't me"), the caller's own
    /// transaction has moved `sessions_valid_after` with its audit event.
    /// Best-effort: a failure is logged, and what did end stays ended.
    pub async fn end_all(&self, citizen: &str) {
        if let Err(error) = self.db.revoke_citizen_refresh_tokens(citizen).await {
            tracing::warn!(%error, "could not revoke a citizen's refresh tokens");
        }
        match self.browsers.end_all_sessions(citizen).await {
            Ok(sids) => {
                metrics::counter!("clave_sessions_ended_total", "how" => "all")
                    .increment(sids.len() as u64);
            }
            Err(error) => {
                tracing::warn!(%error, "could not end a citizen's sessions in the store");
            }
        }
        self.backchannel.all_ended(citizen).await;
    }
}
