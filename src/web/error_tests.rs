//! Tests of the statuses, headers and logging-safe conversions of [`PageError`].

use super::*;

fn every_variant() -> Vec<(PageError, StatusCode, Option<&'static str>)> {
    vec![
        (PageError::NotFound, StatusCode::NOT_FOUND, None),
        (
            PageError::BadRequest("error-bad-form"),
            StatusCode::BAD_REQUEST,
            None,
        ),
        (PageError::CsrfFailed, StatusCode::FORBIDDEN, None),
        (
            PageError::TooManyRequests {
                retry_after_secs: 120,
            },
            StatusCode::TOO_MANY_REQUESTS,
            Some("120"),
        ),
        (
            PageError::Unavailable(anyhow::anyhow!("db down")),
            StatusCode::SERVICE_UNAVAILABLE,
            Some("30"),
        ),
        (
            PageError::Internal(anyhow::anyhow!("bug")),
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
        ),
    ]
}

#[test]
fn each_variant_has_its_status_and_retry_after_even_without_the_middleware() {
    for (error, status, retry_after) in every_variant() {
        let response = error.into_response();
        assert_eq!(response.status(), status);
        let header = response
            .headers()
            .get(header::RETRY_AFTER)
            .map(|v| v.to_str().unwrap());
        assert_eq!(header, retry_after, "{status}");
        assert!(response.extensions().get::<ErrorPage>().is_some());
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    }
}

#[test]
fn causes_are_never_in_the_body() {
    let response = PageError::Internal(anyhow::anyhow!("secret table xyz")).into_response();
    let page = response.extensions().get::<ErrorPage>().unwrap();
    for lang in Lang::ALL {
        assert!(!page.message(*lang).contains("xyz"));
    }
}

#[test]
fn store_outages_are_503_and_store_bugs_are_500() {
    let unavailable = PageError::from(StoreError::Unavailable("timeout".into()));
    assert!(matches!(unavailable, PageError::Unavailable(_)));
    assert!(matches!(
        PageError::from(StoreError::Corrupt("x".into())),
        PageError::Internal(_)
    ));
    assert!(matches!(
        PageError::from(StoreError::Conflict),
        PageError::Internal(_)
    ));
    let ephemeral = PageError::from(EphemeralError::Timeout(std::time::Duration::from_secs(2)));
    assert!(matches!(ephemeral, PageError::Unavailable(_)));
    assert!(matches!(
        PageError::from(SmsError::Unavailable("x".into())),
        PageError::Unavailable(_)
    ));
}

#[test]
fn the_wait_is_given_in_whole_minutes_rounded_up() {
    let page = PageError::TooManyRequests {
        retry_after_secs: 61,
    }
    .page();
    assert!(
        page.message(Lang::En).contains("2 minutes"),
        "{}",
        page.message(Lang::En)
    );
    let page = PageError::TooManyRequests {
        retry_after_secs: 5,
    }
    .page();
    assert!(
        page.message(Lang::Es).contains("un minuto"),
        "{}",
        page.message(Lang::Es)
    );
}

#[test]
fn the_last_resort_page_escapes_its_title() {
    let html = last_resort_html(Lang::Es, "<b>");
    assert!(html.contains("&lt;b&gt;") && html.contains(r#"lang="es""#));
}
