//! Pages through the router: headers, cookies, language switch, shared pages.

use axum::http::{StatusCode, header};

use super::*;

#[tokio::test]
async fn a_page_carries_the_security_headers_and_a_csrf_cookie() {
    let web = web_for("http://127.0.0.1:8080");
    let reply = get_page(&web, "/form", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_security_headers(&reply);
    assert_eq!(reply.header(header::STRICT_TRANSPORT_SECURITY), "");
    let cookies = reply.cookies();
    let csrf = cookies
        .iter()
        .find(|c| c.starts_with("clave_csrf="))
        .expect("a CSRF cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(csrf.contains(attribute), "{csrf}");
    }
    assert!(
        !csrf.contains("Secure") && !csrf.contains("Max-Age"),
        "{csrf}"
    );
    assert!(reply.body.contains(r#"<html lang="es">"#) && reply.body.contains("Paso 2 de 3"));
    assert!(reply.body.contains(r#"name="csrf_token" value=""#));
}

#[tokio::test]
async fn an_https_issuer_adds_hsts_and_secure_cookies() {
    let web = web_for("https://clave.example");
    let reply = get_page(&web, "/form?lang=en", &[]).await;
    assert!(
        reply
            .header(header::STRICT_TRANSPORT_SECURITY)
            .starts_with("max-age=")
    );
    assert!(
        reply.cookies().iter().all(|c| c.contains("Secure")),
        "{:?}",
        reply.cookies()
    );
}

#[tokio::test]
async fn over_https_the_cookies_are_host_only_and_a_bare_name_is_not_believed() {
    let web = web_for("https://clave.example");
    let reply = get_page(&web, "/form?lang=en", &[]).await;
    let cookies = reply.cookies();
    assert!(!cookies.is_empty());
    for cookie in &cookies {
        assert!(
            cookie.starts_with("__Host-clave_")
                && cookie.contains("Secure")
                && cookie.contains("Path=/")
                && !cookie.contains("Domain"),
            "{cookie}"
        );
    }
    // A CSRF cookie planted under the bare name (say, by a sibling subdomain)
    // does not pass a form.
    let planted = csrf::new_cookie_value();
    let token = web.csrf_key().token_for(&planted);
    let request = Request::post("/form")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("{CSRF_COOKIE}={planted}"))
        .body(Body::from(format!("csrf_token={token}&username=a")))
        .unwrap();
    assert_eq!(send(&web, request).await.status, StatusCode::FORBIDDEN);
    let request = Request::post("/form")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("__Host-{CSRF_COOKIE}={planted}"))
        .body(Body::from(format!("csrf_token={token}&username=a")))
        .unwrap();
    assert_eq!(send(&web, request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_lang_parameter_switches_the_page_and_sets_the_language_cookie() {
    let web = web_for("http://127.0.0.1:8080");
    let reply = get_page(&web, "/form?lang=en", &[]).await;
    assert!(reply.body.contains(r#"<html lang="en">"#) && reply.body.contains("Step 2 of 3"));
    let lang = reply
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("clave_lang=en"))
        .expect("a language cookie");
    assert!(
        lang.contains("Max-Age=31536000") && lang.contains("HttpOnly"),
        "{lang}"
    );
    assert!(
        reply.body.contains(r#"href="&#x2F;form?lang=es""#),
        "switch link back to Spanish"
    );
}

#[tokio::test]
async fn a_browser_with_cookies_gets_no_new_ones() {
    let web = web_for("http://127.0.0.1:8080");
    let cookie = format!(
        "{CSRF_COOKIE}={}; {LANG_COOKIE}=en",
        csrf::new_cookie_value()
    );
    let reply = get_page(&web, "/form", &[("cookie", &cookie)]).await;
    assert!(reply.cookies().is_empty(), "{:?}", reply.cookies());
    assert!(reply.body.contains(r#"<html lang="en">"#));
}

#[tokio::test]
async fn the_cookie_notice_names_every_cookie_in_both_languages() {
    let web = web_for("http://127.0.0.1:8080");
    for (lang, text) in [("es", "cookies técnicas"), ("en", "technical cookies")] {
        let reply = get_page(&web, &format!("/cookies?lang={lang}"), &[]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.body.contains(text), "{lang}");
        for name in [SESSION_COOKIE, CSRF_COOKIE, LANG_COOKIE] {
            assert!(
                reply.body.contains(&format!("<code>{name}</code>")),
                "{name} in {lang}"
            );
        }
    }
}

#[tokio::test]
async fn the_privacy_page_is_served() {
    let reply = get_page(&web_for("http://127.0.0.1:8080"), "/privacy?lang=en", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<h1>Privacy</h1>"));
}

#[tokio::test]
async fn the_language_route_remembers_the_choice_and_returns_only_to_local_paths() {
    let web = web_for("http://127.0.0.1:8080");
    let cases = [
        (
            "/language?lang=en&return_to=/cookies%3Fa%3D1",
            "/cookies?a=1",
        ),
        (
            "/language?lang=en&return_to=//evil.example/x",
            "/evil.example/x",
        ),
        ("/language?lang=en&return_to=https://evil.example", "/"),
        ("/language?lang=en&return_to=/%0d%0aSet-Cookie:x", "/"),
        ("/language?lang=en", "/"),
    ];
    for (uri, location) in cases {
        let reply = get_page(&web, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(reply.header(header::LOCATION), location, "{uri}");
        assert!(
            reply
                .cookies()
                .iter()
                .any(|c| c.starts_with("clave_lang=en")),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn static_files_are_mounted() {
    let web = web_for("http://127.0.0.1:8080");
    let reply = get_page(&web, "/static/clave.css", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header(header::CONTENT_TYPE).starts_with("text/css"));
    assert_eq!(
        get_page(&web, "/static/nope.css", &[]).await.status,
        StatusCode::NOT_FOUND
    );
}
