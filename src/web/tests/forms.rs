//! Forms through the router: the CSRF check runs first, field errors render.

use axum::http::StatusCode;

use super::*;

#[tokio::test]
async fn a_form_with_a_valid_token_reaches_the_handler() {
    let web = web_for("http://127.0.0.1:8080");
    let cookie = csrf::new_cookie_value();
    let token = web.csrf_key().token_for(&cookie);
    let reply = post_form(
        &web,
        Some(&cookie),
        format!("username=X1234&csrf_token={token}&unknown=1"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains(r#"value="X1234""#), "{}", reply.body);
}

#[tokio::test]
async fn field_errors_render_the_summary_and_mark_the_input() {
    let web = web_for("http://127.0.0.1:8080");
    let cookie = csrf::new_cookie_value();
    let token = web.csrf_key().token_for(&cookie);
    let reply = post_form(
        &web,
        Some(&cookie),
        format!("username=X1234&csrf_token={token}"),
    )
    .await;
    let body = &reply.body;
    assert!(
        body.contains(r#"role="alert""#) && body.contains(r#"tabindex="-1""#),
        "{body}"
    );
    assert!(
        body.contains(r##"<a href="#username">Escriba un DNI"##),
        "{body}"
    );
    assert!(
        body.contains(r#"aria-invalid="true""#)
            && body.contains(r#"aria-describedby="username-error""#)
    );
    assert!(
        body.contains("<title>Error: Cookies · Cl@ve</title>"),
        "{body}"
    );
}

#[tokio::test]
async fn a_form_without_a_valid_token_is_refused_before_the_handler_runs() {
    let web = web_for("http://127.0.0.1:8080");
    let cookie = csrf::new_cookie_value();
    let other = web.csrf_key().token_for(&csrf::new_cookie_value());
    for (cookie, body) in [
        (Some(cookie.as_str()), "username=X1234".to_owned()),
        (
            None,
            format!(
                "username=X1234&csrf_token={}",
                web.csrf_key().token_for(&cookie)
            ),
        ),
        (
            Some(cookie.as_str()),
            format!("username=X1234&csrf_token={other}"),
        ),
    ] {
        let reply = post_form(&web, cookie, body).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert!(
            reply.body.contains("El formulario ha caducado"),
            "{}",
            reply.body
        );
        assert!(!reply.body.contains("X1234"), "the handler must not run");
        assert_security_headers(&reply);
    }
}

#[tokio::test]
async fn a_form_that_does_not_fit_or_is_too_large_is_a_400_page() {
    let web = web_for("http://127.0.0.1:8080");
    let cookie = csrf::new_cookie_value();
    let token = web.csrf_key().token_for(&cookie);
    let reply = post_form(&web, Some(&cookie), format!("csrf_token={token}")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let huge = format!(
        "csrf_token={token}&username={}",
        "a".repeat(csrf::MAX_FORM_BYTES)
    );
    let reply = post_form(&web, Some(&cookie), huge).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("demasiado grande"), "{}", reply.body);
}
