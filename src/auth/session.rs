//! The single sign-on session: who is logged in at this browser, since when, how.
//!
//! The cookie holds a random id; the ephemeral store holds the session under the
//! id's hash, so a store dump yields no usable cookie. A new id is drawn at every
//! login (no fixation), and a session whose citizen changed password or
//! unsubscribed since it began is ignored (`sessions_valid_after`).

use serde::{Deserialize, Serialize};

use super::Browsers;
use crate::crypto::{hash_token, random_token};
use crate::domain::{Amr, Assurance};
use crate::oauth::grants::Authorization;
use crate::oauth::request::AuthRequest;
use crate::store::ephemeral::EphemeralError;
use crate::store::ephemeral::keys::{KeySpace, SESSION_SECS, Space};

/// Sessions, under the SHA-256 of the cookie value ([`Space::Session`]).
const SESSIONS: KeySpace<Session> = KeySpace::new(Space::Session);

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
        SESSIONS
            .put(self.store(), &hash_token(&cookie), &session)
            .await?;
        Ok((cookie, session))
    }

    /// Ends the session behind a cookie value.
    pub async fn end_session(&self, cookie_value: &str) -> Result<(), EphemeralError> {
        SESSIONS
            .delete(self.store(), &hash_token(cookie_value))
            .await
            .map(|_| ())
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
            .start_session("12345678Z", Assurance::Substantial)
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
            .start_session("12345678Z", Assurance::Low)
            .await
            .unwrap();
        let (b, second) = browsers
            .start_session("12345678Z", Assurance::Low)
            .await
            .unwrap();
        assert_ne!(a, b);
        assert_ne!(first.sid, second.sid);
    }
}
