//! The demo portal's pages: its home (`/demo`), the start of a login
//! (`/demo/login`), the redirect URI (`/demo/callback`) and the logout
//! (`/demo/logout`).
//!
//! The callback checks, in this order: a pending login exists for this browser,
//! `state` matches it (CSRF, OIDC Core §3.1.2.1), `iss` names our provider
//! (RFC 9207 §2.4, mix-up attacks), and only then looks at `error` or redeems the
//! code. Anything that stops the flow is shown on a page of the portal with the
//! reason and, for developers, the technical detail.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::failure::Failure;
use super::records::{self, LOGIN_COOKIE, SESSION_COOKIE};
use super::relying_party::DemoRp;
use super::view::SessionView;
use crate::crypto::constant_time_eq;
use crate::domain::{ACR_LOW, ACR_SUBSTANTIAL};
use crate::state::AppState;
use crate::web::redirect::redirect;
use crate::web::{PageContext, PageError, append_cookie};

/// The query of the home page: `state` when the provider returns after a logout.
#[derive(Debug, Default, Deserialize)]
pub struct HomeQuery {
    #[serde(default)]
    state: Option<String>,
}

/// `GET /demo`.
pub async fn home(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Query(query): Query<HomeQuery>,
) -> Result<Response, PageError> {
    let session = records::session(state.ephemeral.as_ref(), &headers).await?;
    let logged_out = match &query.state {
        Some(logout_state) => {
            records::take_logout_state(state.ephemeral.as_ref(), logout_state).await?
        }
        None => false,
    };
    Ok(ctx
        .page("demo/home.html")
        .title("demo-title")
        .with("session", session.as_ref().map(SessionView::of))
        .with("logged_out", logged_out)
        .with("acr_low", ACR_LOW)
        .with("acr_substantial", ACR_SUBSTANTIAL)
        .into_response())
}

/// The login form: the level of assurance and the scopes (checkboxes).
#[derive(Debug, Default, Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    acr: Option<String>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    nif: Option<String>,
    /// The government profile: private_key_jwt, PAR and DPoP.
    #[serde(default)]
    government: Option<String>,
}

impl LoginQuery {
    /// `openid` and every scope ticked.
    fn scopes(&self) -> Vec<&'static str> {
        [
            ("profile", &self.profile),
            ("email", &self.email),
            ("phone", &self.phone),
            ("nif", &self.nif),
        ]
        .into_iter()
        .filter(|(_, ticked)| ticked.is_some())
        .map(|(scope, _)| scope)
        .collect()
    }

    /// The eIDAS level asked for: `substantial`, or `low` for anything else.
    fn acr(&self) -> &'static str {
        match self.acr.as_deref() {
            Some("substantial") => ACR_SUBSTANTIAL,
            _ => ACR_LOW,
        }
    }
}

/// `GET /demo/login`: discovery, then off to the provider with PKCE, state and nonce.
pub async fn login(
    State(state): State<AppState>,
    Extension(rp): Extension<Arc<DemoRp>>,
    ctx: PageContext,
    Query(query): Query<LoginQuery>,
) -> Result<Response, PageError> {
    let started = match rp
        .start(
            &state,
            &query.scopes(),
            query.acr(),
            ctx.lang().code(),
            query.government.is_some(),
        )
        .await
    {
        Ok(started) => started,
        Err(failure) => return Ok(failure_page(&ctx, failure)),
    };
    let id = records::save_pending(state.ephemeral.as_ref(), &started.pending).await?;
    let mut response = redirect(&started.url, false);
    let cookie = records::cookie(ctx.web(), LOGIN_COOKIE, id);
    append_cookie(response.headers_mut(), &cookie);
    ctx.attach_cookies(&mut response);
    Ok(response)
}

/// What the provider sends to the redirect URI (OIDC Core §3.1.2.5–3.1.2.6).
#[derive(Debug, Default, Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    iss: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    error_description: Option<String>,
}

/// `GET /demo/callback`.
pub async fn callback(
    State(state): State<AppState>,
    Extension(rp): Extension<Arc<DemoRp>>,
    ctx: PageContext,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, PageError> {
    let pending = records::take_pending(state.ephemeral.as_ref(), &headers).await?;
    let outcome = match pending {
        None => Err(Failure::new(
            "demo-error-expired",
            axum::http::StatusCode::BAD_REQUEST,
        )),
        Some(pending) => match checked(&state, &query, &pending.state) {
            Err(failure) => Err(failure),
            Ok(code) => rp.finish(&state, code, &pending).await,
        },
    };
    let mut response = match outcome {
        Ok(session) => {
            let id = records::save_session(state.ephemeral.as_ref(), &session).await?;
            let mut response = redirect("/demo", false);
            let cookie = records::cookie(ctx.web(), SESSION_COOKIE, id);
            append_cookie(response.headers_mut(), &cookie);
            response
        }
        Err(failure) => failure_page(&ctx, failure),
    };
    append_cookie(
        response.headers_mut(),
        &records::removal(ctx.web(), LOGIN_COOKIE),
    );
    ctx.attach_cookies(&mut response);
    Ok(response)
}

/// The authorization code, once `state`, `iss` and `error` have been checked.
fn checked(
    state: &AppState,
    query: &CallbackQuery,
    expected_state: &str,
) -> Result<String, Failure> {
    let bad_request = axum::http::StatusCode::BAD_REQUEST;
    let state_matches = query
        .state
        .as_deref()
        .is_some_and(|got| constant_time_eq(got.as_bytes(), expected_state.as_bytes()));
    if !state_matches {
        return Err(Failure::new("demo-error-state", bad_request));
    }
    if query
        .iss
        .as_deref()
        .is_some_and(|iss| iss != state.settings.issuer)
    {
        return Err(
            Failure::new("demo-error-issuer", bad_request).detail(format!(
                "iss={:?}",
                query.iss.as_deref().unwrap_or_default()
            )),
        );
    }
    if let Some(error) = &query.error {
        let key = if error == "access_denied" {
            "demo-error-access-denied"
        } else {
            "demo-error-provider"
        };
        let detail = match &query.error_description {
            Some(description) => format!("{error}: {description}"),
            None => error.clone(),
        };
        return Err(Failure::new(key, axum::http::StatusCode::OK).detail(detail));
    }
    query
        .code
        .clone()
        .filter(|code| !code.is_empty())
        .ok_or_else(|| Failure::new("demo-error-provider", bad_request).detail("no code"))
}

/// `GET /demo/logout`: ends the portal's session, then RP-initiated logout at the
/// provider, which comes back to `/demo` with our `state`.
pub async fn logout(
    State(state): State<AppState>,
    Extension(rp): Extension<Arc<DemoRp>>,
    ctx: PageContext,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let session = records::take_session(state.ephemeral.as_ref(), &headers).await?;
    let mut response = match session {
        None => redirect("/demo", false),
        Some(session) => {
            let logout_state = records::save_logout_state(state.ephemeral.as_ref()).await?;
            match rp
                .logout_url(&state, &session.id_token, logout_state, ctx.lang().code())
                .await
            {
                Ok(Some(url)) => redirect(&url, false),
                Ok(None) => redirect("/demo", false),
                Err(failure) => failure_page(&ctx, failure),
            }
        }
    };
    append_cookie(
        response.headers_mut(),
        &records::removal(ctx.web(), SESSION_COOKIE),
    );
    ctx.attach_cookies(&mut response);
    Ok(response)
}

/// The portal's page for a flow that stopped.
fn failure_page(ctx: &PageContext, failure: Failure) -> Response {
    if failure.status.is_server_error() {
        tracing::warn!(reason = failure.key, detail = ?failure.detail, "the demo portal could not log in");
    }
    ctx.page("demo/error.html")
        .title("demo-error-title")
        .status(failure.status)
        .with("message_key", failure.key)
        .with("detail", failure.detail)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticked_scopes_are_asked_for_and_the_level_defaults_to_low() {
        let query = LoginQuery {
            profile: Some("on".into()),
            nif: Some("on".into()),
            ..LoginQuery::default()
        };
        assert_eq!(query.scopes(), ["profile", "nif"]);
        assert_eq!(query.acr(), ACR_LOW);
        let substantial = LoginQuery {
            acr: Some("substantial".into()),
            ..LoginQuery::default()
        };
        assert_eq!(substantial.acr(), ACR_SUBSTANTIAL);
        assert!(substantial.scopes().is_empty());
    }
}
