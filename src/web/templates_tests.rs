//! Tests of the template engine: every embedded template renders in every language,
//! every key a template names exists, the `t()` function and the form macros.

use super::*;
use crate::settings::Settings;
use crate::web::csrf::CsrfKey;
use crate::web::i18n::tests::catalog_keys;
use crate::web::page::base_context;
use crate::web::request::RequestInfo;
use crate::web::template_list::SAMPLE_CONTEXTS;
use crate::web::{Lang, Web};

fn web() -> Web {
    Web::new(
        Templates::new().unwrap(),
        CsrfKey::from_secret("k"),
        &Settings::default(),
    )
}

fn context(lang: Lang, template: &str) -> Context {
    let uri = format!("/page?lang={}", lang.code()).parse().unwrap();
    let info = RequestInfo::read(&axum::http::Method::GET, &uri, &Default::default());
    let mut context = base_context(&web(), &info, "token");
    context.insert("title", "Título");
    context.insert("error_title", "Error");
    context.insert("error_message", "Mensaje");
    context.insert("show_reference", &true);
    context.insert("cookie_names", &web().cookie_names());
    for (name, sample) in SAMPLE_CONTEXTS {
        if *name == template {
            let extra: serde_json::Value = serde_json::from_str(sample).unwrap();
            context.extend(Context::from_value(extra).unwrap());
        }
    }
    context
}

#[test]
fn every_template_renders_in_every_language() {
    let templates = Templates::new().unwrap();
    let names: Vec<String> = templates.names().map(str::to_owned).collect();
    assert!(names.len() >= TEMPLATES.len());
    for name in &names {
        for &lang in Lang::ALL {
            let result = templates.render(name, &context(lang, name));
            assert!(
                result.is_ok(),
                "{name} in {lang}: {}",
                describe(&result.unwrap_err())
            );
        }
    }
}

/// The source without `{# … #}` comments (their examples name keys of other pages).
fn without_comments(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("{#") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("#}")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

#[test]
fn every_key_a_template_names_exists_in_every_catalog() {
    for (name, source) in TEMPLATES {
        for piece in without_comments(source).split("key=\"").skip(1) {
            let key = piece.split('"').next().unwrap();
            for &lang in Lang::ALL {
                assert!(
                    catalog_keys(lang).contains(key),
                    "{name} uses {key}, missing in {lang}"
                );
            }
        }
    }
}

#[test]
fn the_base_layout_names_the_language_and_links_the_main_content() {
    let html = web()
        .templates()
        .render("error.html", &context(Lang::En, "error.html"))
        .unwrap();
    assert!(html.contains(r#"<html lang="en">"#), "{html}");
    assert!(html.contains(r##"href="#main""##) && html.contains(r#"<main id="main""#));
    assert!(html.contains("Skip to main content"));
    for link in ["/help", "/privacy", "/cookies"] {
        assert!(
            html.contains(&format!("href=\"{link}\"")),
            "no link to {link}"
        );
    }
}

fn render_source(source: &str, context: &Context) -> String {
    let mut sources = TEMPLATES.to_vec();
    sources.push(("probe.html", source));
    Templates::from_sources(&sources)
        .unwrap()
        .render("probe.html", context)
        .unwrap()
}

#[test]
fn t_passes_extra_arguments_to_fluent() {
    let html = render_source(
        r#"{{ t(key="steps", lang="es", current=2, total=3) }}"#,
        &Context::new(),
    );
    assert_eq!(html, "Paso 2 de 3");
}

#[test]
fn t_without_a_language_is_a_render_error() {
    let mut sources = TEMPLATES.to_vec();
    sources.push(("probe.html", r#"{{ t(key="steps") }}"#));
    let templates = Templates::from_sources(&sources).unwrap();
    assert!(templates.render("probe.html", &Context::new()).is_err());
}

#[test]
fn values_are_escaped_in_pages_and_in_macros() {
    let mut context = Context::new();
    context.insert("evil", "<script>alert(1)</script>\"");
    let source = r#"{% import "macros/forms.html" as forms %}{{ evil }}{{ forms::input(name="n", id="n", label=evil, lang="es", value=evil) }}"#;
    let html = render_source(source, &context);
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn an_input_with_an_error_points_at_its_hint_and_message() {
    let source = r#"{% import "macros/forms.html" as forms %}{{ forms::input(name="username", id="username", label="DNI or NIE", lang="en", autocomplete="username", hint="Like 12345678Z", error="Enter your DNI or NIE.", value="123") }}"#;
    let html = render_source(source, &Context::new());
    assert!(
        html.contains(r#"<label class="field__label" for="username">DNI or NIE</label>"#),
        "{html}"
    );
    assert!(html.contains(r#"aria-invalid="true""#), "{html}");
    assert!(
        html.contains(r#"aria-describedby="username-hint username-error""#),
        "{html}"
    );
    assert!(
        html.contains(r#"id="username-error""#)
            && html.contains("Error: </span>Enter your DNI or NIE.")
    );
    assert!(html.contains(r#"autocomplete="username""#) && html.contains(r#"value="123""#));
}

#[test]
fn a_valid_input_has_no_error_attributes_and_a_password_never_echoes() {
    let source = r#"{% import "macros/forms.html" as forms %}{{ forms::input(name="password", id="password", type="password", label="P", lang="es", autocomplete="current-password", value="secret") }}"#;
    let html = render_source(source, &Context::new());
    assert!(
        !html.contains("aria-invalid") && !html.contains("aria-describedby"),
        "{html}"
    );
    assert!(!html.contains("secret"), "{html}");
}

#[test]
fn a_missing_field_error_defaults_to_no_error() {
    let mut context = Context::new();
    context.insert("field_errors", &serde_json::json!({}));
    let source = r#"{% import "macros/forms.html" as forms %}{{ forms::input(name="otp", id="otp", label="OTP", lang="es", inputmode="numeric", error=field_errors.otp | default(value="")) }}"#;
    let html = render_source(source, &context);
    assert!(
        html.contains(r#"inputmode="numeric""#) && !html.contains("aria-invalid"),
        "{html}"
    );
}

#[test]
fn a_syntax_error_names_the_template() {
    let error = Templates::from_sources(&[("broken.html", "{% if %}")]).unwrap_err();
    assert!(
        describe(&error).contains("broken.html"),
        "{}",
        describe(&error)
    );
}

#[test]
fn the_login_page_the_self_service_end_pages_and_the_demo_portal_link_the_account_page() {
    let web = web();
    let link = r#"<a href="/account">"#;
    for name in [
        "login/password.html",
        "selfservice/done.html",
        "selfservice/new_code.html",
        "demo/home.html",
    ] {
        for &lang in Lang::ALL {
            let html = web.templates().render(name, &context(lang, name)).unwrap();
            assert!(
                html.contains(link),
                "{name} in {lang} has no link to /account"
            );
        }
    }
    // After an unsubscribe there is no account to open: no link to it.
    let mut closed = context(Lang::Es, "selfservice/done.html");
    closed.insert("kind", "unsubscribe");
    closed.insert("message_key", "unsubscribe-done");
    let html = web
        .templates()
        .render("selfservice/done.html", &closed)
        .unwrap();
    assert!(!html.contains(link), "{html}");
    assert!(html.contains(r#"href="/help""#), "{html}");
}

#[test]
fn the_account_page_quotes_portal_names_as_each_language_does() {
    let name = "account/overview.html";
    for (lang, sign_in, quoted) in [
        (Lang::Es, "Acceso", "«Sede»"),
        (Lang::Ca, "Accés", "«Sede»"),
        (Lang::CaValencia, "Accés", "«Sede»"),
        (Lang::En, "Sign-in", "“Sede”"),
    ] {
        let html = web()
            .templates()
            .render(name, &context(lang, name))
            .unwrap();
        assert!(
            html.contains(&format!("{sign_in}: {quoted}</p>")),
            "the history line in {lang}: {html}"
        );
        assert!(
            html.contains(&format!(r#"<p class="record__title">{quoted}</p>"#)),
            "the list of portals in {lang}: {html}"
        );
    }
}
