//! The whole-request deadline (`CLAVE_REQUEST_TIMEOUT_MS`).
//!
//! Every store call has its own timeout and the SMS sender bounds its attempts, but
//! a request chains several of them; this bounds the sum, so a stuck dependency
//! ties up neither the citizen nor a connection. A request past the deadline is
//! dropped (its handler future is cancelled, as with any tower timeout) and
//! answered like any other unavailable service: 503 with `Retry-After` (RFC 9110
//! §15.6.4, §10.2.3). Not 408: that status tells the client *it* was slow to send
//! the request (RFC 9110 §15.5.9).
//!
//! Browsers get the translated error page; other clients (relying parties at the
//! token, introspection, revocation and userinfo endpoints) get the OAuth error
//! `temporarily_unavailable` as JSON (RFC 6749 §5.2, §4.1.2.1).

use std::time::Duration;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::web::error::{PageError, UNAVAILABLE_RETRY_AFTER_SECS};

/// Middleware: answers 503 with `Retry-After` when the rest of the stack takes
/// longer than `limit`. Install it under the error-page middleware:
/// `.layer(axum::middleware::from_fn_with_state(limit, within))`.
pub async fn within(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let wants_page = accepts_html(request.headers());
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) if wants_page => PageError::Unavailable(anyhow::anyhow!(
            "{method} request cancelled after the request timeout of {limit:?} \
             (CLAVE_REQUEST_TIMEOUT_MS)"
        ))
        .into_response(),
        Err(_) => {
            tracing::warn!(
                %method,
                ?limit,
                "request cancelled after the request timeout (CLAVE_REQUEST_TIMEOUT_MS); answering 503"
            );
            protocol_unavailable()
        }
    }
}

/// Whether the client asked for HTML (a browser navigating or posting a form).
fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.contains("text/html"))
}

/// `temporarily_unavailable` as an OAuth JSON error, not to be cached (RFC 6749 §5.1).
fn protocol_unavailable() -> Response {
    let body = serde_json::json!({
        "error": "temporarily_unavailable",
        "error_description": "the request took too long; retry shortly",
    });
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::RETRY_AFTER,
        HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECS),
    );
    response
}
