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

use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};

use self::flow::FlowKind;
use self::start::{StartForm, StartQuery};
use self::steps::{FlowQuery, StepForm};
use crate::abuse::ClientIp;
use crate::domain::Device;
use crate::notices::Source;
use crate::state::AppState;
use crate::web::{CsrfForm, PageContext};

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
            get(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      Query(q): Query<FlowQuery>| {
                    steps::code_show(state, ctx, kind, q)
                },
            )
            .post(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      ClientIp(ip): ClientIp,
                      CsrfForm(f): CsrfForm<StepForm>| {
                    steps::code_submit(state, ctx, kind, ip, f)
                },
            ),
        )
        .route(
            paths.code_resend,
            post(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      ClientIp(ip): ClientIp,
                      CsrfForm(f): CsrfForm<StepForm>| {
                    steps::code_resend(state, ctx, kind, ip, f)
                },
            ),
        )
        .route(
            paths.password,
            get(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      Query(q): Query<FlowQuery>| {
                    steps::password_show(state, ctx, kind, q)
                },
            )
            .post(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      headers: HeaderMap,
                      ClientIp(ip): ClientIp,
                      CsrfForm(f): CsrfForm<StepForm>| {
                    steps::password_submit(state, ctx, kind, headers, ip, f)
                },
            ),
        )
        .route(
            paths.done,
            get(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      Query(q): Query<FlowQuery>| {
                    steps::done_show(state, ctx, kind, q)
                },
            ),
        )
        .route(
            paths.confirm,
            get(
                move |State(state): State<AppState>,
                      ctx: PageContext,
                      Query(q): Query<FlowQuery>| {
                    steps::confirm_show(state, ctx, kind, q)
                },
            )
            .post(
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

/// Where a request came from, for the notice its step may send.
fn source(headers: &HeaderMap, ip: std::net::IpAddr) -> Source {
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
