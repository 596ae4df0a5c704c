//! What the demo portal keeps between requests, and its cookies.
//!
//! A real portal has its own session store; this one borrows the provider's
//! ephemeral store under keys of its own (`demo-login:`, `demo-session:`,
//! `demo-logout:`). The browser holds only random ids, in HttpOnly, SameSite=Lax
//! cookies scoped to `/demo`: the PKCE verifier, nonce, tokens and claims never
//! leave the server, so there is nothing to sign or encrypt. Lax is what lets the
//! pending-login cookie travel with the provider's top-level redirect back to the
//! callback.

use axum::http::HeaderMap;
use axum_extra::extract::cookie::Cookie;
use serde::{Deserialize, Serialize};

use crate::crypto::random_token;
use crate::store::ephemeral::keys::{KeySpace, Space};
use crate::store::ephemeral::{EphemeralError, EphemeralStore};
use crate::web::{Web, read_cookie};

/// The cookie naming a pending login (between `/demo/login` and the callback).
pub const LOGIN_COOKIE: &str = "clave_demo_login";
/// The cookie naming the demo portal's session.
pub const SESSION_COOKIE: &str = "clave_demo";

/// Logins on their way to the provider and back ([`Space::DemoLogin`]).
const PENDING: KeySpace<PendingLogin> = KeySpace::new(Space::DemoLogin);
/// The portal's sessions ([`Space::DemoSession`]).
const SESSIONS: KeySpace<DemoSession> = KeySpace::new(Space::DemoSession);
/// The `state` of logouts sent to the provider ([`Space::DemoLogout`]).
const LOGOUTS: KeySpace<bool> = KeySpace::new(Space::DemoLogout);
/// Longest id or state accepted from a browser (ours are 43 characters).
const MAX_ID_LEN: usize = 64;

/// A login the portal started: what the callback must check (OIDC Core §3.1.2.1
/// `state` and `nonce`, RFC 7636 `code_verifier`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingLogin {
    /// The `state` sent; the callback must bring it back.
    pub state: String,
    /// The `nonce` sent; the ID token must carry it.
    pub nonce: String,
    /// The PKCE verifier of the challenge sent.
    pub pkce_verifier: String,
    /// The `acr` asked for.
    pub acr: String,
    /// Whether the login is the government profile's (`demo-portal-gov`).
    #[serde(default)]
    pub government: bool,
}

/// A citizen logged in to the portal: what it received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DemoSession {
    /// The ID token as received (the `id_token_hint` of the logout).
    pub id_token: String,
    /// Its verified claims.
    pub id_token_claims: serde_json::Value,
    /// The userinfo response.
    pub userinfo: serde_json::Value,
    /// The access token's type when it was not `Bearer` (`DPoP`).
    #[serde(default)]
    pub token_type: Option<String>,
}

/// Stores `pending` under a new id and returns the id (the cookie's value).
pub async fn save_pending(
    store: &dyn EphemeralStore,
    pending: &PendingLogin,
) -> Result<String, EphemeralError> {
    let id = random_token(32);
    PENDING.put(store, &id, pending).await?;
    Ok(id)
}

/// Takes (once) the pending login the request's cookie names.
pub async fn take_pending(
    store: &dyn EphemeralStore,
    headers: &HeaderMap,
) -> Result<Option<PendingLogin>, EphemeralError> {
    match cookie_id(headers, LOGIN_COOKIE) {
        Some(id) => PENDING.take(store, &id).await,
        None => Ok(None),
    }
}

/// Stores `session` under a new id and returns the id (the cookie's value).
pub async fn save_session(
    store: &dyn EphemeralStore,
    session: &DemoSession,
) -> Result<String, EphemeralError> {
    let id = random_token(32);
    SESSIONS.put(store, &id, session).await?;
    Ok(id)
}

/// The session the request's cookie names, if it is still there.
pub async fn session(
    store: &dyn EphemeralStore,
    headers: &HeaderMap,
) -> Result<Option<DemoSession>, EphemeralError> {
    match cookie_id(headers, SESSION_COOKIE) {
        Some(id) => SESSIONS.get(store, &id).await,
        None => Ok(None),
    }
}

/// Ends the session the request's cookie names and returns it.
pub async fn take_session(
    store: &dyn EphemeralStore,
    headers: &HeaderMap,
) -> Result<Option<DemoSession>, EphemeralError> {
    match cookie_id(headers, SESSION_COOKIE) {
        Some(id) => SESSIONS.take(store, &id).await,
        None => Ok(None),
    }
}

/// Remembers the `state` of a logout sent to the provider.
pub async fn save_logout_state(store: &dyn EphemeralStore) -> Result<String, EphemeralError> {
    let state = random_token(32);
    LOGOUTS.put(store, &state, &true).await?;
    Ok(state)
}

/// Whether `state` is one this portal sent with a logout (usable once).
pub async fn take_logout_state(
    store: &dyn EphemeralStore,
    state: &str,
) -> Result<bool, EphemeralError> {
    if !looks_like_id(state) {
        return Ok(false);
    }
    let found = LOGOUTS.take(store, state).await?;
    Ok(found.is_some())
}

/// A cookie of the portal: the provider's cookie policy, scoped to `/demo`.
pub fn cookie(web: &Web, name: &'static str, value: String) -> Cookie<'static> {
    let mut cookie = web.cookie(name, value, None);
    cookie.set_path("/demo");
    cookie
}

/// A cookie that removes cookie `name`.
pub fn removal(web: &Web, name: &'static str) -> Cookie<'static> {
    let mut cookie = cookie(web, name, String::new());
    cookie.set_max_age(time::Duration::ZERO);
    cookie
}

/// The id in cookie `name`, if it looks like one of ours (so no browser text
/// becomes part of a store key).
fn cookie_id(headers: &HeaderMap, name: &str) -> Option<String> {
    read_cookie(headers, name).filter(|id| looks_like_id(id))
}

fn looks_like_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_url_safe_tokens_of_bounded_length_are_taken_as_ids() {
        assert!(looks_like_id(&random_token(32)));
        assert!(!looks_like_id(""));
        assert!(!looks_like_id("a:b"));
        assert!(!looks_like_id(&"a".repeat(65)));
    }
}
