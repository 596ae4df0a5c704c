//! The Cl@ve method-selection screen: the portal the citizen came from and the
//! ways to identify; this provider offers Cl@ve Permanente (`method=permanente`).

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::TxQuery;
use crate::auth::transaction::{LoginTx, Stage};
use crate::oauth::error::{ErrorCode, OAuthError};
use crate::routes;
use crate::state::AppState;
use crate::web::redirect::redirect;
use crate::web::{CsrfForm, FieldError, Page, PageContext, PageError};

/// The method form.
#[derive(Debug, Deserialize)]
pub struct MethodForm {
    #[serde(default)]
    tx: String,
    #[serde(default)]
    method: String,
}

fn page(ctx: &PageContext, tx_id: &str, tx: &LoginTx) -> Page {
    ctx.page("login/method.html")
        .title("login-method-title")
        .step(1, tx.steps())
        .with("tx", tx_id)
        .with("client_name", tx.client_name_in(ctx.lang()))
}

/// `GET /login?tx=…`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<TxQuery>,
) -> Result<Page, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &query.tx).await?;
    Ok(page(&ctx, &query.tx, &tx))
}

/// `POST /login`: `method=permanente` moves on to the password screen.
pub async fn choose(
    State(state): State<AppState>,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<MethodForm>,
) -> Result<Response, PageError> {
    let mut tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    if form.method != "permanente" {
        return Ok(page(&ctx, &form.tx, &tx)
            .errors(vec![FieldError::new(
                "method-permanente",
                "login-method-required",
            )])
            .status(axum::http::StatusCode::UNPROCESSABLE_ENTITY)
            .into_response());
    }
    if tx.stage == Stage::Method {
        tx.choose_method(state.now());
        tx.save(&state.browsers, &form.tx).await?;
    }
    Ok(redirect(
        &routes::login_step(routes::LOGIN_PASSWORD, &form.tx),
        true,
    ))
}

/// The cancel form.
#[derive(Debug, Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    tx: String,
}

/// `POST /login/cancel`: back to the portal with `access_denied`.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> Result<Response, PageError> {
    let tx = LoginTx::load(&state.browsers, &ctx, &form.tx).await?;
    LoginTx::remove(&state.browsers, &form.tx).await?;
    let error = OAuthError::new(ErrorCode::AccessDenied, "the citizen cancelled the login");
    let location = state.tokens.error_location(
        &tx.request.redirect_uri,
        tx.request.state.as_deref(),
        &error,
    );
    Ok(redirect(&location, true))
}
