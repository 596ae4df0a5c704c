//! Error pages through the router: status, Retry-After, language, no causes shown.

use axum::http::{StatusCode, header};

use super::*;

#[tokio::test]
async fn every_page_error_renders_a_translated_page_with_its_status() {
    let web = web_for("http://127.0.0.1:8080");
    let cases = [
        (
            "/fail/bad",
            StatusCode::BAD_REQUEST,
            None,
            "The data sent is not valid",
        ),
        (
            "/fail/csrf",
            StatusCode::FORBIDDEN,
            None,
            "The form has expired",
        ),
        (
            "/fail/busy",
            StatusCode::TOO_MANY_REQUESTS,
            Some("90"),
            "Wait 2 minutes",
        ),
        (
            "/fail/down",
            StatusCode::SERVICE_UNAVAILABLE,
            Some("30"),
            "try again in a few minutes",
        ),
        (
            "/fail/bug",
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
            "Something went wrong",
        ),
        (
            "/no/such/page",
            StatusCode::NOT_FOUND,
            None,
            "Page not found",
        ),
    ];
    for (uri, status, retry_after, text) in cases {
        let reply = get_page(
            &web,
            uri,
            &[("accept-language", "en"), ("x-request-id", "req-42")],
        )
        .await;
        assert_eq!(reply.status, status, "{uri}");
        assert_eq!(
            reply
                .headers
                .get(header::RETRY_AFTER)
                .map(|v| v.to_str().unwrap()),
            retry_after
        );
        assert!(reply.body.contains(text), "{uri}: {}", reply.body);
        assert!(
            !reply.body.contains("xyz") && !reply.body.contains("timeout"),
            "cause shown"
        );
        assert_eq!(
            reply.body.contains("req-42"),
            status.is_server_error(),
            "{uri}"
        );
        assert_security_headers(&reply);
    }
}

#[tokio::test]
async fn a_template_that_fails_to_render_gives_the_calm_500_page() {
    let web = web_for("http://127.0.0.1:8080");
    let reply = get_page(&web, "/broken", &[]).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        reply.body.contains("Se ha producido un error"),
        "{}",
        reply.body
    );
    assert!(reply.cookies().iter().any(|c| c.starts_with("clave_csrf=")));
}
