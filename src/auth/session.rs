//! The single sign-on session: who is logged in at this browser, since when, how.
//!
//! The cookie holds a random id; the ephemeral store holds the session under the
//! id's hash, so a store dump yields no usable cookie. A new id is drawn at every
//! login (no fixation), and a session whose citizen changed password or
//! unsubscribed since it began is ignored (`sessions_valid_after`).
//!
//! Each citizen's open sessions are also listed under the citizen
//! ([`Space::CitizenSessions`], at most [`MAX_OPEN`], the oldest ended first),
//! so the account page can show them and end one or all. A session that ends
//! before its time leaves its `sid` in [`ENDED_SESSIONS`] for as long as an
//! access token lives: every token issued under it stops at once, on every
//! instance (`oauth::grants::live_access_grant`).

use serde::{Deserialize, Serialize};

use super::Browsers;
use crate::crypto::{hash_token, random_token};
use crate::domain::{Amr, Assurance};
use crate::oauth::grants::{Authorization, ENDED_SESSIONS};
use crate::oauth::request::AuthRequest;
use crate::store::ephemeral::EphemeralError;
use crate::store::ephemeral::keys::{KeySpace, SESSION_SECS, Space};

/// Sessions, under the SHA-256 of the cookie value ([`Space::Session`]).
const SESSIONS: KeySpace<Session> = KeySpace::new(Space::Session);

/// Open sessions listed per citizen, under the SHA-256 of the DNI/NIE.
const OPEN: KeySpace<OpenSessions> = KeySpace::new(Space::CitizenSessions);

/// The most sessions one citizen keeps open; a login beyond it ends the oldest.
pub const MAX_OPEN: usize = 20;

/// Where a login came from, as the account page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Browser and operating system in plain words (`domain::Device`).
    pub browser: String,
    /// The network, its host part hidden (`domain::masked_network`).
    pub network: String,
}

/// One open session of a citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSession {
    /// The store key of the session (the SHA-256 of its cookie value).
    pub key: String,
    /// Its `sid`.
    pub sid: String,
    /// When it began.
    pub started_at: i64,
    /// The level reached.
    pub acr: Assurance,
    /// Where from.
    pub origin: Origin,
    /// Its deadline.
    pub expires_at: i64,
}

/// A citizen's open sessions, oldest first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct OpenSessions {
    /// The sessions.
    pub entries: Vec<OpenSession>,
}

/// A browser's login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The citizen (DNI/NIE).
    pub citizen_id: String,
    /// When the citizen authenticated.
    pub auth_time: i64,
    /// The level of assurance reached (`acr`).
    pub acr: Assurance,
    /// The methods used (`amr`).
    pub amr: Vec<Amr>,
    /// The session id published to clients as `sid` (not the cookie value).
    pub sid: String,
    /// Deadline.
    pub expires_at: i64,
}

impl Session {
    /// What this login authorizes for `request` (OIDC Core §3.1.2.5: the code
    /// stands for it).
    pub fn authorize(&self, request: &AuthRequest) -> Authorization {
        Authorization {
            client_id: request.client_id.clone(),
            citizen_id: self.citizen_id.clone(),
            scope: request.scope,
            claims: request.claims.clone(),
            auth_time: self.auth_time,
            acr: self.acr,
            amr: self.amr.clone(),
            sid: self.sid.clone(),
            dpop_jkt: None,
        }
    }
}

impl Browsers {
    /// The session of the browser that sent `headers`, if it has a live one.
    pub async fn session(
        &self,
        headers: &axum::http::HeaderMap,
    ) -> Result<Option<(String, Session)>, EphemeralError> {
        let Some(cookie) = crate::web::read_cookie(headers, self.cookies.session) else {
            return Ok(None);
        };
        if cookie.len() > 100 {
            return Ok(None);
        }
        let session = SESSIONS.get(self.store(), &hash_token(&cookie)).await?;
        let now = self.now();
        Ok(session.filter(|s| s.expires_at > now).map(|s| (cookie, s)))
    }

    /// Starts a session for a citizen who just logged in at `assurance`; returns
    /// the cookie value (a new one at every login: no fixation) and the session.
    pub async fn start_session(
        &self,
        citizen_id: &str,
        assurance: Assurance,
        origin: Origin,
    ) -> Result<(String, Session), EphemeralError> {
        let now = self.now();
        let cookie = random_token(32);
        let session = Session {
            citizen_id: citizen_id.to_owned(),
            auth_time: now,
            acr: assurance,
            amr: assurance.methods().to_vec(),
            sid: random_token(16),
            expires_at: now + SESSION_SECS,
        };
        let key = hash_token(&cookie);
        SESSIONS.put(self.store(), &key, &session).await?;
        let entry = OpenSession {
            key,
            sid: session.sid.clone(),
            started_at: now,
            acr: assurance,
            origin,
            expires_at: session.expires_at,
        };
        self.list_session(citizen_id, entry).await?;
        Ok((cookie, session))
    }

    /// Adds `entry` to the citizen's open sessions, ending the oldest beyond
    /// [`MAX_OPEN`]. Two logins of one citizen at the same instant could each
    /// write the list without the other's entry; each checks its own is there
    /// afterwards and writes again if not.
    async fn list_session(
        &self,
        citizen_id: &str,
        entry: OpenSession,
    ) -> Result<(), EphemeralError> {
        let index = hash_token(citizen_id);
        for _ in 0..3 {
            let mut open = self.open_sessions_at(&index).await?;
            open.entries.retain(|e| e.sid != entry.sid);
            open.entries.push(entry.clone());
            let excess = open.entries.len().saturating_sub(MAX_OPEN);
            for old in open.entries.drain(..excess) {
                self.end_listed(&old).await?;
            }
            OPEN.put(self.store(), &index, &open).await?;
            let written = self.open_sessions_at(&index).await?;
            if written.entries.iter().any(|e| e.sid == entry.sid) {
                return Ok(());
            }
        }
        tracing::warn!("could not list a new session under its citizen");
        Ok(())
    }

    async fn open_sessions_at(&self, index: &str) -> Result<OpenSessions, EphemeralError> {
        let now = self.now();
        let mut open = OPEN.get(self.store(), index).await?.unwrap_or_default();
        open.entries.retain(|e| e.expires_at > now);
        Ok(open)
    }

    /// The citizen's open sessions, newest first.
    pub async fn open_sessions(
        &self,
        citizen_id: &str,
    ) -> Result<Vec<OpenSession>, EphemeralError> {
        let mut entries = self
            .open_sessions_at(&hash_token(citizen_id))
            .await?
            .entries;
        entries.reverse();
        Ok(entries)
    }

    /// Deletes a listed session and marks its `sid` ended.
    async fn end_listed(&self, entry: &OpenSession) -> Result<(), EphemeralError> {
        SESSIONS.delete(self.store(), &entry.key).await?;
        ENDED_SESSIONS
            .put(self.store(), &entry.sid, &self.now())
            .await
    }

    /// Ends the session behind a cookie value: it is unlisted and the tokens
    /// issued under it stop. Returns the session it was, if it was live.
    pub async fn end_session(&self, cookie_value: &str) -> Result<Option<Session>, EphemeralError> {
        let key = hash_token(cookie_value);
        let Some(session) = SESSIONS.take(self.store(), &key).await? else {
            return Ok(None);
        };
        ENDED_SESSIONS
            .put(self.store(), &session.sid, &self.now())
            .await?;
        self.unlist(&session.citizen_id, |e| e.sid == session.sid)
            .await?;
        Ok(Some(session))
    }

    /// Drops the session behind a cookie value that a new login of the same
    /// browser replaces. Not an ending: the tokens its portals hold stay theirs
    /// until their own deadline.
    pub async fn replace_session(&self, cookie_value: &str) -> Result<(), EphemeralError> {
        let key = hash_token(cookie_value);
        if let Some(session) = SESSIONS.take(self.store(), &key).await? {
            self.unlist(&session.citizen_id, |e| e.sid == session.sid)
                .await?;
        }
        Ok(())
    }

    /// Ends the open session `sid` of `citizen_id` (the account page's "end"):
    /// says whether there was one.
    pub async fn end_session_of(
        &self,
        citizen_id: &str,
        sid: &str,
    ) -> Result<bool, EphemeralError> {
        let ended = self.unlist(citizen_id, |e| e.sid == sid).await?;
        for entry in &ended {
            self.end_listed(entry).await?;
        }
        Ok(!ended.is_empty())
    }

    /// Ends every open session of `citizen_id`; returns their `sid`s.
    pub async fn end_all_sessions(&self, citizen_id: &str) -> Result<Vec<String>, EphemeralError> {
        let ended = self.unlist(citizen_id, |_| true).await?;
        for entry in &ended {
            self.end_listed(entry).await?;
        }
        Ok(ended.into_iter().map(|e| e.sid).collect())
    }

    /// Removes the entries `which` selects from the citizen's list; returns them.
    async fn unlist(
        &self,
        citizen_id: &str,
        which: impl Fn(&OpenSession) -> bool,
    ) -> Result<Vec<OpenSession>, EphemeralError> {
        let index = hash_token(citizen_id);
        let open = self.open_sessions_at(&index).await?;
        let (gone, kept): (Vec<_>, Vec<_>) = open.entries.into_iter().partition(|e| which(e));
        if gone.is_empty() {
            return Ok(gone);
        }
        if kept.is_empty() {
            OPEN.delete(self.store(), &index).await?;
        } else {
            OPEN.put(self.store(), &index, &OpenSessions { entries: kept })
                .await?;
        }
        Ok(gone)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use axum::http::{HeaderMap, HeaderValue, header};

    use super::*;
    use crate::clock::{Clock, ManualClock};
    use crate::store::ephemeral::memory::MemoryStore;
    use crate::web::SESSION_COOKIE;

    fn browsers(clock: Arc<ManualClock>) -> Browsers {
        Browsers::new(
            Arc::new(MemoryStore::new()),
            clock,
            crate::web::CookieNames::new(false),
        )
    }

    fn with_cookie(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let cookie = format!("{SESSION_COOKIE}={value}");
        headers.insert(header::COOKIE, HeaderValue::from_str(&cookie).unwrap());
        headers
    }

    #[tokio::test]
    async fn a_session_is_found_by_its_cookie_until_its_deadline_or_its_end() {
        let clock = Arc::new(ManualClock::new(1_000_000));
        let browsers = browsers(clock.clone());
        let (cookie, started) = browsers
            .start_session("12345678Z", Assurance::Substantial, Origin::default())
            .await
            .unwrap();
        assert_eq!(started.amr, [Amr::Pwd, Amr::Sms]);
        let (_, found) = browsers
            .session(&with_cookie(&cookie))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found, started);
        assert!(
            browsers
                .session(&with_cookie("other"))
                .await
                .unwrap()
                .is_none()
        );

        clock.advance(SESSION_SECS);
        assert!(
            browsers
                .session(&with_cookie(&cookie))
                .await
                .unwrap()
                .is_none(),
            "the session's own deadline counts, whatever the store keeps"
        );
        clock.set(clock.now() - 1);
        browsers.end_session(&cookie).await.unwrap();
        assert!(
            browsers
                .session(&with_cookie(&cookie))
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn every_login_draws_a_new_cookie_and_sid() {
        let browsers = browsers(Arc::new(ManualClock::new(1_000)));
        let (a, first) = browsers
            .start_session("12345678Z", Assurance::Low, Origin::default())
            .await
            .unwrap();
        let (b, second) = browsers
            .start_session("12345678Z", Assurance::Low, Origin::default())
            .await
            .unwrap();
        assert_ne!(a, b);
        assert_ne!(first.sid, second.sid);
    }
}
