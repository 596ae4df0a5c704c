//! The citizen's self-service flows (`docs/architecture.md`, "Account rules"):
//! activation, forgotten or blocked password, password change, unsubscribe,
//! activation-code regeneration.
//!
//! Every flow has the same shape: a first page where the citizen proves who they
//! are ([`start`]), an SMS code ([`steps`]), then a new password or a
//! confirmation, and a final page ([`finish`]). State lives in the ephemeral store
//! ([`flow::Flow`]); every form carries the CSRF token and the field names of
//! `docs/architecture.md`, "Forms".

pub mod finish;
pub mod flow;
pub mod start;
pub mod steps;

use std::net::IpAddr;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};

use self::flow::FlowKind;
use self::start::{StartForm, StartQuery};
use self::steps::{FlowQuery, StepForm};
use crate::abuse::ClientIp;
use crate::domain::Device;
use crate::notices::Source;
use crate::state::AppState;
use crate::web::{CsrfForm, PageContext, PageError};

/// The routes of one flow, under its entry path.
fn flow_routes(kind: FlowKind) -> Router<AppState> {
    let paths = kind.paths();
    Router::new()
        .route(
            paths.start,
            get(
                move |ctx: PageContext, Query(q): Query<StartQuery>| async move {
                    start::page(&ctx, kind, &StartForm::opened(q))
                },
            )
            .post(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      ClientIp(ip): ClientIp,
                      headers: HeaderMap,
                      CsrfForm(form): CsrfForm<StartForm>| async move {
                    start::submit(&state, &ctx, kind, ip, &headers, form).await
                },
            ),
        )
        .route(
            paths.code,
            step_page(kind, steps::code_show).merge(code_form(kind, steps::code_submit)),
        )
        .route(paths.code_resend, code_form(kind, steps::code_resend))
        .route(
            paths.password,
            step_page(kind, steps::password_show).post(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      headers: HeaderMap,
                      ClientIp(ip): ClientIp,
                      CsrfForm(f): CsrfForm<StepForm>| {
                    steps::password_submit(state, ctx, kind, headers, ip, f)
                },
            ),
        )
        .route(paths.done, step_page(kind, steps::done_show))
        .route(
            paths.confirm,
            step_page(kind, steps::confirm_show).post(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      headers: HeaderMap,
                      ClientIp(ip): ClientIp,
                      CsrfForm(f): CsrfForm<StepForm>| {
                    steps::confirm_submit(state, ctx, kind, source(&headers, ip), f)
                },
            ),
        )
}

/// `GET` of a step after the first page (code, password, confirmation, end):
/// each reads the flow's id, and the notice of the last send, from the query.
fn step_page<H, Fut, R>(kind: FlowKind, show: H) -> MethodRouter<AppState>
where
    H: Fn(AppState, PageContext, FlowKind, FlowQuery) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<R, PageError>> + Send + 'static,
    R: IntoResponse + 'static,
{
    get(
        move |State(state): State<AppState>, ctx: PageContext, Query(q): Query<FlowQuery>| {
            show(state, ctx, kind, q)
        },
    )
}

/// `POST` of the code form (the code, or "send it again"): counted against the
/// address's code quota, so both take the client address.
fn code_form<H, Fut>(kind: FlowKind, submit: H) -> MethodRouter<AppState>
where
    H: Fn(AppState, PageContext, FlowKind, IpAddr, StepForm) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Response, PageError>> + Send + 'static,
{
    post(
        move |State(state): State<AppState>,
              ctx: PageContext,
              ClientIp(ip): ClientIp,
              CsrfForm(f): CsrfForm<StepForm>| { submit(state, ctx, kind, ip, f) },
    )
}

/// Where a request came from, for the notice its step may send.
fn source(headers: &HeaderMap, ip: IpAddr) -> Source {
    Source {
        device: Device::of(headers),
        ip,
    }
}

/// Every self-service route.
pub fn routes() -> Router<AppState> {
    FlowKind::ALL
        .into_iter()
        .fold(Router::new(), |router, kind| {
            router.merge(flow_routes(kind))
        })
}
