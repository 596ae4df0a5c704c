//! Redirect responses and query building, shared by the protocol endpoints and
//! the pages: 303 after a POST (so the browser does not re-post the form), 302
//! otherwise, never cached.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// `uri` with `pairs` added to its query (a registered URI may have one already).
pub fn with_query(uri: &str, pairs: &[(&str, &str)]) -> String {
    match url::Url::parse(uri) {
        Ok(mut url) => {
            url.query_pairs_mut().extend_pairs(pairs);
            url.to_string()
        }
        Err(_) => uri.to_owned(),
    }
}

/// A redirect: 303 after a POST (so the browser does not re-post), else 302.
pub fn redirect(location: &str, posted: bool) -> Response {
    let status = if posted {
        StatusCode::SEE_OTHER
    } else {
        StatusCode::FOUND
    };
    let mut response = status.into_response();
    if let Ok(value) = location.parse() {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
