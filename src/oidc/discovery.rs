//! Discovery (OpenID Connect Discovery 1.0 §4) and the JWKS, served from memory:
//! the document is built once at start-up ([`crate::oauth::metadata`]).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// `GET /.well-known/openid-configuration`.
pub async fn discovery(State(state): State<AppState>) -> Response {
    json_text(state.provider.discovery.clone(), "public, max-age=3600")
}

/// `GET /jwks`: every published public key, none of their private members.
pub async fn jwks(State(state): State<AppState>) -> Response {
    // Short cache: a rotated key is published 15 minutes before it signs.
    json_text(
        state.key_ring().jwks_json().to_owned(),
        "public, max-age=300",
    )
}

fn json_text(body: String, cache: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}
