//! `/healthz` (the process runs) and `/readyz` (the stores answer).
//!
//! A load balancer sends traffic only to ready instances, so `/readyz` checks the
//! database and the ephemeral store in parallel, each within the store timeout, and
//! names what is down. It recovers by itself: nothing here caches a failure.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::state::AppState;

/// 200 while the process serves requests.
pub async fn healthz() -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        Json(json!({ "status": "ok" })),
    )
}

/// 200 while the database and the ephemeral store answer; else 503 naming them.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let (db, ephemeral) = tokio::join!(state.db.ping(), state.ephemeral.ping());
    let db_name = format!("{:?}", state.db.backend()).to_lowercase();
    let eph_name = if state.settings.redis_url.is_some() {
        "redis"
    } else {
        "memory"
    };
    let mut down = Vec::new();
    let db_check = match db {
        Ok(()) => json!({ "backend": db_name, "status": "up" }),
        Err(error) => {
            tracing::warn!(%error, "readiness: database down");
            down.push(db_name.clone());
            json!({ "backend": db_name, "status": "down" })
        }
    };
    let eph_check = match ephemeral {
        Ok(()) => json!({ "backend": eph_name, "status": "up" }),
        Err(error) => {
            tracing::warn!(%error, "readiness: ephemeral store down");
            down.push(eph_name.to_owned());
            json!({ "backend": eph_name, "status": "down" })
        }
    };
    let body = json!({
        "status": if down.is_empty() { "ready" } else { "unavailable" },
        "down": down,
        "checks": { "database": db_check, "ephemeral_store": eph_check },
    });
    let mut response = Json(body).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if !down.is_empty() {
        *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    response
}
