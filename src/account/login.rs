//! The account page's own login: a code flow with PKCE to this provider, bound
//! to the browser that started it.
//!
//! [`viewer`] lets a page through only for a live, fresh SSO session whose
//! citizen can still log in; otherwise it starts a login: a random secret goes
//! into the short-lived [`ACCOUNT_LOGIN_COOKIE`](crate::web::ACCOUNT_LOGIN_COOKIE),
//! and the authorization request carries `state` and the S256 challenge derived
//! from it, with `max_age` = [`FRESH_SECS`]. [`callback`] accepts the answer only
//! in that browser (`state` matches its cookie: no login CSRF, RFC 9700 §4.7),
//! consumes the code (PKCE verified against the same secret, so a code copied
//! elsewhere is worth nothing) and checks the code was issued to the session the
//! browser now holds. The code is never exchanged for tokens: the page needs no
//! token, only the session the login just started.

use axum::extract::{FromRequestParts, Query, State};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{CLIENT_ID, FRESH_SECS};
use crate::auth::session::Session;
use crate::crypto::{hash_token, random_token};
use crate::oauth::grants::{CODES, CodeState};
use crate::oauth::pkce;
use crate::routes;
use crate::state::AppState;
use crate::store::sql::CitizenRecord;
use crate::web::redirect::redirect;
use crate::web::{PageContext, PageError, append_cookie, read_cookie};

/// How long a started login may take before its cookie is gone (the login
/// transaction itself lasts at most as long).
const LOGIN_COOKIE_SECS: i64 = 20 * 60;

/// Who is looking at the account page.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The session cookie value of this browser.
    pub cookie: String,
    /// The browser's SSO session.
    pub session: Session,
    /// The citizen, as stored.
    pub citizen: CitizenRecord,
}

/// The citizen behind a fresh session of this browser, or the redirect that
/// logs them in (`Err`).
pub async fn viewer(
    state: &AppState,
    ctx: &PageContext,
    headers: &HeaderMap,
) -> Result<Result<Viewer, Response>, PageError> {
    if let Some(viewer) = current(state, headers).await?
        && state.now() - viewer.session.auth_time <= FRESH_SECS
    {
        return Ok(Ok(viewer));
    }
    Ok(Err(begin(state, ctx)))
}

/// The viewer of a fresh login as an extractor, for every page and action of
/// the account: a handler taking `Fresh(viewer)` runs only for them; anyone
/// else gets the redirect that logs in (or the error page when the stores fail).
#[derive(Debug, Clone)]
pub struct Fresh(pub Viewer);

impl FromRequestParts<AppState> for Fresh {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Ok(ctx) = PageContext::from_request_parts(parts, state).await;
        match viewer(state, &ctx, &parts.headers).await {
            Ok(Ok(viewer)) => Ok(Fresh(viewer)),
            Ok(Err(login)) => Err(login),
            Err(error) => Err(error.into_response()),
        }
    }
}

/// The citizen behind a live session of this browser, fresh or not, whose
/// account may still log in and whose session nothing voided since.
pub async fn current(state: &AppState, headers: &HeaderMap) -> Result<Option<Viewer>, PageError> {
    let Some((cookie, session)) = state.browsers.session(headers).await? else {
        return Ok(None);
    };
    let Some(citizen) = state.db.citizen(&session.citizen_id).await? else {
        return Ok(None);
    };
    if !citizen.status.may_log_in_at(false) || citizen.sessions_valid_after > session.auth_time {
        return Ok(None);
    }
    Ok(Some(Viewer {
        cookie,
        session,
        citizen,
    }))
}

/// The `state` the authorization request carries for a login secret.
fn state_of(secret: &str) -> String {
    hash_token(&format!("account-state:{secret}"))
}

/// Starts the page's login: the cookie and the redirect to `/authorize`.
fn begin(state: &AppState, ctx: &PageContext) -> Response {
    let secret = random_token(32);
    let issuer = &state.provider.issuer;
    let redirect_uri = super::register::callback_url(issuer);
    let max_age = FRESH_SECS.to_string();
    let login_state = state_of(&secret);
    let challenge = pkce::s256(&secret);
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("response_type", "code"),
            ("client_id", CLIENT_ID),
            ("redirect_uri", &redirect_uri),
            ("scope", "openid"),
            ("state", &login_state),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
            ("max_age", &max_age),
            ("ui_locales", ctx.lang().code()),
        ])
        .finish();
    let location = format!("{}?{query}", routes::AUTHORIZE);
    let mut response = redirect(&location, false);
    let mut cookie = ctx
        .web()
        .cookie(ctx.web().cookie_names().account_login, secret, None);
    cookie.set_max_age(time::Duration::seconds(LOGIN_COOKIE_SECS));
    append_cookie(response.headers_mut(), &cookie);
    ctx.attach_cookies(&mut response);
    response
}

/// The login's answer (RFC 6749 §4.1.2, RFC 9207).
#[derive(Debug, Default, Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    iss: Option<String>,
}

/// `GET /account/callback`.
pub async fn callback(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, PageError> {
    let names = ctx.web().cookie_names();
    let Some(secret) = read_cookie(&headers, names.account_login).filter(|s| s.len() <= 64) else {
        // Not started here, or started too long ago.
        return Err(PageError::BadRequest("account-login-expired"));
    };
    let matches = |given: &Option<String>, wanted: &str| {
        given
            .as_deref()
            .is_some_and(|g| crate::crypto::constant_time_eq(g.as_bytes(), wanted.as_bytes()))
    };
    if !matches(&query.state, &state_of(&secret)) || !matches(&query.iss, &state.provider.issuer) {
        return Err(PageError::BadRequest("account-login-expired"));
    }
    let mut response = if query.error.is_some() {
        // The citizen cancelled the login: back to the home page.
        redirect(routes::HOME, false)
    } else {
        let code = query.code.as_deref().unwrap_or_default();
        if code.is_empty() || code.len() > 100 || !redeem(&state, &headers, code, &secret).await? {
            return Err(PageError::BadRequest("account-login-expired"));
        }
        redirect(routes::ACCOUNT, false)
    };
    let gone = ctx
        .web()
        .cookie(names.account_login, String::new(), Some(0));
    append_cookie(response.headers_mut(), &gone);
    Ok(response.into_response())
}

/// Consumes `code` if it was issued to the account page for the session this
/// browser holds, with the challenge of `secret`.
async fn redeem(
    state: &AppState,
    headers: &HeaderMap,
    code: &str,
    secret: &str,
) -> Result<bool, PageError> {
    let held = CODES
        .take(state.ephemeral.as_ref(), &hash_token(code))
        .await?;
    let Some(CodeState::Issued(grant)) = held else {
        return Ok(false);
    };
    let issued_here = grant.authz.client_id == CLIENT_ID
        && grant.expires_at > state.now()
        && grant
            .code_challenge
            .as_deref()
            .is_some_and(|challenge| pkce::verify(secret, challenge));
    if !issued_here {
        return Ok(false);
    }
    Ok(state
        .browsers
        .session(headers)
        .await?
        .is_some_and(|(_, session)| session.sid == grant.authz.sid))
}
