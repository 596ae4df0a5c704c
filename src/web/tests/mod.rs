//! The web layer through a router, as the provider mounts it: extractors, headers,
//! cookies, CSRF rejections and error pages, with a bare [`Web`] as the state.
//!
//! This file is the harness (a probe page, a router, request helpers); the tests are
//! in `pages.rs`, `forms.rs` and `errors.rs`.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use serde::Deserialize;
use tower::ServiceExt as _;

use super::*;

mod errors;
mod forms;
mod pages;
use crate::web::template_list::TEMPLATES;

const PROBE: &str = r#"{% extends "base.html" %}{% import "macros/forms.html" as forms %}{% block content %}<h1>{{ title }}</h1>
<form method="post" action="/form">{{ forms::csrf(token=csrf_token) }}
{{ forms::input(name="username", id="username", label="DNI/NIE", lang=lang, value=username | default(value=""), error=field_errors.username | default(value="")) }}
</form>{% endblock content %}"#;

fn web_for(issuer: &str) -> Web {
    let mut sources = TEMPLATES.to_vec();
    sources.push(("probe.html", PROBE));
    sources.push(("broken.html", "{{ no_such_variable }}"));
    let settings = Settings {
        issuer: issuer.to_owned(),
        ..Settings::default()
    };
    Web::new(
        Templates::from_sources(&sources).unwrap(),
        CsrfKey::from_secret("test"),
        &settings,
    )
}

#[derive(Deserialize)]
struct Probe {
    username: String,
}

async fn show(ctx: PageContext) -> Page {
    ctx.page("probe.html").title("cookies-title").step(2, 3)
}

async fn submit(ctx: PageContext, CsrfForm(form): CsrfForm<Probe>) -> Page {
    let errors = vec![FieldError::new("username", "document-id-bad-format")];
    ctx.page("probe.html")
        .title("cookies-title")
        .with("username", &form.username)
        .errors(errors)
}

async fn broken(ctx: PageContext) -> Page {
    ctx.page("broken.html")
}

async fn fail(axum::extract::Path(kind): axum::extract::Path<String>) -> Result<Page, PageError> {
    Err(match kind.as_str() {
        "bad" => PageError::BadRequest("error-bad-form"),
        "csrf" => PageError::CsrfFailed,
        "busy" => PageError::TooManyRequests {
            retry_after_secs: 90,
        },
        "down" => crate::store::StoreError::Unavailable("database timeout".into()).into(),
        _ => PageError::Internal(anyhow::anyhow!("table xyz is corrupt")),
    })
}

fn app(web: Web) -> axum::Router {
    axum::Router::new()
        .route("/form", get(show).post(submit))
        .route("/broken", get(broken))
        .route("/fail/{kind}", get(fail))
        .merge(routes())
        .fallback(not_found)
        .with_state(web.clone())
        .layer(from_fn_with_state(web, render_error_pages))
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }

    fn cookies(&self) -> Vec<&str> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect()
    }
}

async fn send(web: &Web, request: Request<Body>) -> Reply {
    let response = app(web.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get_page(web: &Web, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(web, request.body(Body::empty()).unwrap()).await
}

async fn post_form(web: &Web, cookie: Option<&str>, body: String) -> Reply {
    let mut request =
        Request::post("/form").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(value) = cookie {
        request = request.header(header::COOKIE, format!("{CSRF_COOKIE}={value}"));
    }
    send(web, request.body(Body::from(body)).unwrap()).await
}

fn assert_security_headers(reply: &Reply) {
    assert!(
        reply
            .header(header::CONTENT_SECURITY_POLICY)
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(reply.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(reply.header(header::REFERRER_POLICY), "no-referrer");
    assert_eq!(reply.header(header::X_FRAME_OPTIONS), "DENY");
    assert_eq!(reply.header(header::CACHE_CONTROL), "no-store");
    assert!(reply.header(header::CONTENT_TYPE).starts_with("text/html"));
}
