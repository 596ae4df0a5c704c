//! The security headers every HTML response carries, in one place.
//!
//! The Content-Security-Policy allows only our own origin for scripts, styles and
//! images (no inline code: templates have no `<script>` bodies, no `style=`
//! attributes and no event handlers), forbids framing (click-jacking of the login
//! form), plugins and `<base>` rewriting.
//!
//! **Why there is no `form-action`.** The login and consent forms POST to us and
//! are answered with a `303 See Other` to the relying party's `redirect_uri`
//! (OIDC Core §3.1.2.5). Chromium applies `form-action` to every hop of that redirect
//! chain, so `form-action 'self'` would block the return to the portal. Listing
//! every registered redirect URI would publish the relying-party list and grow the
//! header without bound. The threat `form-action` addresses (an injected form
//! posting elsewhere) is already closed by autoescaping and `script-src 'self'`.
//!
//! HTML is never cached (`no-store`: pages carry CSRF tokens and personal data);
//! `Strict-Transport-Security` is sent only when the issuer is https, since browsers
//! ignore it over plain http anyway and it must not pin a development host.

use axum::http::HeaderMap;
use axum::http::header::{self, HeaderValue};

/// The Content-Security-Policy of every page.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; \
     object-src 'none'";

/// Two years, with subdomains left alone (they may be separate services).
const HSTS: &str = "max-age=63072000";

/// Adds the headers every HTML response needs (and `Content-Type: text/html`).
pub fn add_html_headers(headers: &mut HeaderMap, https: bool) {
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    add_common_headers(headers);
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
}

/// Headers for every response of the web layer, HTML or not.
pub fn add_common_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_headers_forbid_framing_sniffing_caching_and_foreign_code() {
        let mut headers = HeaderMap::new();
        add_html_headers(&mut headers, false);
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        for directive in [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ] {
            assert!(csp.contains(directive), "{directive} missing from {csp}");
        }
        assert!(!csp.contains("unsafe"), "{csp}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        assert!(!headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
    }

    #[test]
    fn hsts_is_sent_only_for_an_https_issuer() {
        let mut headers = HeaderMap::new();
        add_html_headers(&mut headers, true);
        assert!(
            headers[header::STRICT_TRANSPORT_SECURITY]
                .to_str()
                .unwrap()
                .starts_with("max-age=")
        );
    }
}
