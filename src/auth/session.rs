//! The single sign-on session: who is logged in at this browser, since when, how.
//!
//! The cookie holds a random id; the ephemeral store holds the session under the
//! id's hash, so a store dump yields no usable cookie. A new id is drawn at every
//! login (no fixation), and a session whose citizen changed password or
//! unsubscribed since it began is ignored (`sessions_valid_after`).

use serde::{Deserialize, Serialize};

use crate::crypto::{hash_token, random_token};
use crate::domain::{Amr, Assurance};
use crate::state::AppState;
use crate::store::ephemeral::EphemeralError;
use crate::store::ephemeral::keys::{KeySpace, SESSION_SECS, Space};
use crate::web::SESSION_COOKIE;

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

/// The session of the browser that sent `headers`, if it has a live one.
pub async fn current(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<(String, Session)>, EphemeralError> {
    let Some(cookie) = crate::web::read_cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    if cookie.len() > 100 {
        return Ok(None);
    }
    let session = SESSIONS
        .get(state.ephemeral.as_ref(), &hash_token(&cookie))
        .await?;
    Ok(session
        .filter(|s| s.expires_at > state.now())
        .map(|s| (cookie, s)))
}

/// Starts a session; returns the cookie value and the session.
pub async fn start(
    state: &AppState,
    citizen_id: &str,
    assurance: Assurance,
) -> Result<(String, Session), EphemeralError> {
    let now = state.now();
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
        .put(state.ephemeral.as_ref(), &hash_token(&cookie), &session)
        .await?;
    Ok((cookie, session))
}

/// Ends the session behind a cookie value.
pub async fn end(state: &AppState, cookie_value: &str) -> Result<(), EphemeralError> {
    SESSIONS
        .delete(state.ephemeral.as_ref(), &hash_token(cookie_value))
        .await
        .map(|_| ())
}
