//! Prometheus metrics at `/metrics` (the `metrics` facade and its Prometheus
//! exporter, rendering only: no listener of its own, no push gateway).
//!
//! Requests are counted by route *template* (`/login/otp`, never a URL with a
//! token or DNI/NIE in it) and status, with a latency histogram. Requests that
//! match no route (scans, typos) are all counted as `route="unmatched"`: their
//! paths are chosen by the client, and a label per path would let anyone add
//! series without bound. Other modules
//! record what they do with the `metrics` macros; names are listed in the README.
//! No label ever carries a DNI/NIE, a token or any other secret.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock, RwLock};
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics::{Counter, Histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide recorder once (later calls, e.g. several test
/// servers in one process, share it).
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Suffix("_seconds".to_owned()),
                    &[
                        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                        5.0,
                    ],
                )
                .ok()?;
            match builder.install_recorder() {
                Ok(handle) => Some(handle),
                Err(error) => {
                    tracing::warn!(%error, "metrics recorder not installed");
                    None
                }
            }
        })
        .as_ref()
}

/// `GET /metrics` where `CLAVE_METRICS_TOKEN` is set: only with
/// `Authorization: Bearer <token>` (RFC 6750 §2.1), compared in constant time;
/// 401 with a `WWW-Authenticate: Bearer` challenge otherwise.
pub async fn render_guarded(token: Arc<str>, headers: axum::http::HeaderMap) -> Response {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, value)| value.trim());
    let allowed = given.is_some_and(|given| {
        crate::crypto::constant_time_eq(
            crate::crypto::hash_token(given).as_bytes(),
            crate::crypto::hash_token(&token).as_bytes(),
        )
    });
    if !allowed {
        let mut response = axum::http::StatusCode::UNAUTHORIZED.into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"metrics\""),
        );
        return response;
    }
    render().await
}

/// The `/metrics` route as the settings want it: with or without a token.
pub fn route<S: Clone + Send + Sync + 'static>(
    settings: &crate::settings::Settings,
) -> axum::Router<S> {
    let router = axum::Router::new();
    match settings.metrics_token.as_deref().filter(|t| !t.is_empty()) {
        Some(token) => {
            let token: Arc<str> = Arc::from(token);
            router.route(
                crate::routes::METRICS,
                axum::routing::get(move |headers| render_guarded(Arc::clone(&token), headers)),
            )
        }
        None => router.route(crate::routes::METRICS, axum::routing::get(render)),
    }
}

/// `GET /metrics`: the Prometheus text exposition.
pub async fn render() -> Response {
    let body = install().map(PrometheusHandle::render).unwrap_or_default();
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// Middleware: counts every request by method, route template and status, and
/// records its latency.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = request.extensions().get::<MatchedPath>().map_or_else(
        || Arc::clone(&UNMATCHED),
        |path| route_series(path.as_str()),
    );
    let response = next.run(request).await;
    let (counter, histogram) = route.handles(method, response.status().as_u16());
    counter.increment(1);
    histogram.record(started.elapsed().as_secs_f64());
    response
}

/// A method as a label: the standard ones by name, anything else as `other`, so
/// that a client cannot grow the series without bound.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

/// The request counter and latency histogram of one method and status.
type StatusSeries = (Counter, Histogram);

/// One route's request series, made once and kept: registering a series on every
/// request (building and hashing its labels) cost more than the handlers of the
/// cheapest routes.
struct RouteSeries {
    route: &'static str,
    handles: RwLock<HashMap<(&'static str, u16), StatusSeries>>,
}

impl RouteSeries {
    fn new(route: &'static str) -> Self {
        Self {
            route,
            handles: RwLock::default(),
        }
    }

    fn handles(&self, method: &'static str, status: u16) -> StatusSeries {
        let key = (method, status);
        if let Some(found) = read(&self.handles).get(&key) {
            return found.clone();
        }
        let series = (
            metrics::counter!(
                "clave_http_requests_total",
                "method" => method,
                "route" => self.route,
                "status" => status.to_string(),
            ),
            metrics::histogram!(
                "clave_http_request_duration_seconds",
                "method" => method,
                "route" => self.route,
            ),
        );
        // Handles made before the recorder is installed go nowhere: keep only live ones.
        if !matches!(HANDLE.get(), Some(Some(_))) {
            return series;
        }
        write(&self.handles).entry(key).or_insert(series).clone()
    }
}

static UNMATCHED: LazyLock<Arc<RouteSeries>> =
    LazyLock::new(|| Arc::new(RouteSeries::new("unmatched")));

/// The series of a route template. Templates are the router's own, so the map is
/// as small as the route table; each template's text is kept for the process's life.
fn route_series(template: &str) -> Arc<RouteSeries> {
    static ROUTES: LazyLock<RwLock<HashMap<&'static str, Arc<RouteSeries>>>> =
        LazyLock::new(RwLock::default);
    if let Some(found) = read(&ROUTES).get(template) {
        return Arc::clone(found);
    }
    let mut routes = write(&ROUTES);
    if let Some(found) = routes.get(template) {
        return Arc::clone(found);
    }
    let route: &'static str = Box::leak(template.to_owned().into_boxed_str());
    Arc::clone(
        routes
            .entry(route)
            .or_insert_with(|| Arc::new(RouteSeries::new(route))),
    )
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
