//! The static files of the pages (CSS, one small script, the logo), embedded in the
//! binary and served under `/static/`.
//!
//! Only the files listed in [`ASSETS`] exist: there is no file-system access, so no
//! path traversal. Pages link them through [`url`], which appends a short hash of
//! the content (`/static/clave.css?v=1a2b3c4d`), so a day of caching
//! (`max-age=86400`) never serves a stale stylesheet after an upgrade.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::error::PageError;
use super::security::add_common_headers;

/// `(name, content type, bytes)` of every static file.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "clave.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/clave.css"),
    ),
    (
        "clave.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/clave.js"),
    ),
    // The ALTCHA widget (MIT, vendored from npm: static/ALTCHA-VERSION), which
    // solves the proof-of-work past the attempt limits (`abuse::pow`).
    (
        "altcha.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/altcha.js"),
    ),
    (
        "altcha-worker.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/altcha-worker.js"),
    ),
    (
        "ALTCHA-LICENSE.txt",
        "text/plain; charset=utf-8",
        include_bytes!("../../static/ALTCHA-LICENSE.txt"),
    ),
    (
        "logo.svg",
        "image/svg+xml",
        include_bytes!("../../static/logo.svg"),
    ),
];

/// Content hashes, computed once.
static VERSIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|(_, _, bytes)| {
            Sha256::digest(bytes)
                .iter()
                .take(4)
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .collect()
});

/// The URL of an asset for pages, with its content hash; `/static/<name>` for an
/// unknown name (a broken link shows up in tests, not as a panic).
pub fn url(name: &str) -> String {
    match ASSETS.iter().position(|(n, _, _)| *n == name) {
        Some(index) => format!("/static/{name}?v={}", VERSIONS[index]),
        None => format!("/static/{name}"),
    }
}

/// `GET /static/{*file}`.
pub async fn serve(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, bytes)) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            );
            add_common_headers(headers);
            response
        }
        None => PageError::NotFound.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    async fn get(name: &str) -> Response {
        serve(Path(name.to_owned())).await
    }

    #[tokio::test]
    async fn each_asset_is_served_with_its_content_type_and_cache_headers() {
        for (name, content_type) in [
            ("clave.css", "text/css"),
            ("clave.js", "text/javascript"),
            ("logo.svg", "image/svg+xml"),
        ] {
            let response = get(name).await;
            assert_eq!(response.status(), StatusCode::OK, "{name}");
            let headers = response.headers();
            assert!(
                headers[header::CONTENT_TYPE]
                    .to_str()
                    .unwrap()
                    .starts_with(content_type)
            );
            assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=86400");
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        }
    }

    #[tokio::test]
    async fn unknown_and_traversing_names_are_not_found() {
        for name in ["nope.css", "../Cargo.toml", "clave.css/..", ""] {
            assert_eq!(get(name).await.status(), StatusCode::NOT_FOUND, "{name}");
        }
    }

    #[test]
    fn asset_urls_carry_a_content_hash() {
        let css = url("clave.css");
        assert!(
            css.starts_with("/static/clave.css?v=")
                && css.len() == "/static/clave.css?v=".len() + 8
        );
        assert_eq!(url("missing.png"), "/static/missing.png");
    }

    #[test]
    fn no_asset_loads_anything_from_another_origin() {
        for (name, _, bytes) in ASSETS {
            let text = String::from_utf8_lossy(bytes);
            // A CSS `url(` (the widget's script has property names ending in "url").
            let css_url = name.ends_with(".css") && text.contains("url(");
            assert!(
                !text.contains("@import") && !css_url,
                "{name} refers to outside resources"
            );
            // The vendored widget names a few sites in texts (its hidden footer
            // link, the framework's and MDN's error pages), never to load them.
            let allowed: &[&str] = if name.starts_with("altcha") || name.starts_with("ALTCHA") {
                &[
                    "https://altcha.org/",
                    "https://svelte.dev/e/",
                    "https://developer.mozilla.org/",
                ]
            } else {
                &[]
            };
            for (at, _) in text.match_indices("https://") {
                assert!(
                    allowed.iter().any(|site| text[at..].starts_with(site)),
                    "{name} refers to {}",
                    &text[at..(at + 40).min(text.len())]
                );
            }
        }
    }
}
