//! The whole-request deadline (`CLAVE_REQUEST_TIMEOUT_MS`).
//!
//! Every store call has its own timeout and the SMS sender bounds its attempts, but
//! a request chains several of them; this bounds the sum, so a stuck dependency
//! ties up neither the citizen nor a connection. A request past the deadline is
//! dropped (its handler future is cancelled, as with any tower timeout) and
//! answered like any other unavailable service: 503 with `Retry-After` (RFC 9110
//! §15.6.4, §10.2.3), rendered as the translated error page. Not 408: that status
//! tells the client *it* was slow to send the request (RFC 9110 §15.5.9).

use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::web::error::PageError;

/// Middleware: answers 503 with `Retry-After` when the rest of the stack takes
/// longer than `limit`. Install it under the error-page middleware:
/// `.layer(axum::middleware::from_fn_with_state(limit, within))`.
pub async fn within(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => PageError::Unavailable(anyhow::anyhow!(
            "{method} request cancelled after the request timeout of {limit:?} \
             (CLAVE_REQUEST_TIMEOUT_MS)"
        ))
        .into_response(),
    }
}
