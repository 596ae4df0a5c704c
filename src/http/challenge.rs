//! `GET /challenge?form=TAG`: a proof-of-work challenge for one form
//! (`abuse::pow`, `docs/architecture.md`, "Attempt limits"). Signed, not stored:
//! serving one costs a hash and an HMAC, so it needs no quota of its own; what
//! it unlocks is counted where the form is.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// `GET /challenge`.
pub async fn serve(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let form = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(name, _)| name == "form")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    // A form tag is 32 hex digits (`Pow::form_tag`); anything else is no form of ours.
    if form.len() != 32 || !form.bytes().all(|b| b.is_ascii_hexdigit()) {
        return (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"error": "form must name the form's challenge tag"})),
        )
            .into_response();
    }
    let challenge = state.guard.pow().challenge(&form, state.guard.now());
    ([(header::CACHE_CONTROL, "no-store")], Json(challenge)).into_response()
}
