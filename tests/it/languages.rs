//! The languages of the pages through HTTP on both backends: a portal's
//! `ui_locales` (OIDC Core §3.1.2.1) and the browser's `Accept-Language` choose one
//! by its BCP 47 tag, Valencian (`ca-valencia`, with or without a region) apart
//! from Catalan (`ca`); the choice is remembered; discovery lists every language.

use clave_idp::domain::{ClientKind, ClientProfile};
use clave_idp::web::{Lang, tr};
use scraper::{Html, Selector};
use serde_json::Value;

use crate::harness::{Browser, ClientSpec, Seen, TestApp};

const LOGIN: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid&state=xyz";

both_backends!(
    ui_locales_ca_valencia_gives_valencian_pages_and_the_choice_is_remembered,
    accept_language_ca_es_valencia_gives_valencian_and_plain_catalan_stays_catalan,
    a_valencian_page_names_the_portal_in_valencian_else_in_catalan,
    discovery_lists_valencian_among_the_languages_of_the_pages,
);

/// The `lang` of the page's `<html>`.
fn html_lang(page: &Seen) -> Option<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse("html").unwrap();
    html.select(&selector)
        .next()
        .and_then(|e| e.value().attr("lang"))
        .map(str::to_owned)
}

/// Whether `page` is in `lang`, by its `<html lang>` and by the words of its
/// footer (every page has it; the Catalan and the Valencian words differ).
fn assert_in(page: &Seen, lang: Lang) {
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(
        html_lang(page).as_deref(),
        Some(lang.code()),
        "{}",
        page.body
    );
    let footer = tr(lang, "footer-nav-label");
    assert!(
        page.body.contains(&format!("aria-label=\"{footer}\"")),
        "not in {lang}: {}",
        page.body
    );
}

async fn ui_locales_ca_valencia_gives_valencian_pages_and_the_choice_is_remembered(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    let (password_page, _) = browser
        .reach_password_page(
            &app,
            &app.url(&format!("{LOGIN}&ui_locales=ca-valencia%20es")),
        )
        .await;
    assert_in(&password_page, Lang::CaValencia);
    let forgot = tr(Lang::CaValencia, "login-forgot-password");
    assert_eq!(forgot, "He oblidat la meua contrasenya o està bloquejada");
    assert!(
        password_page.body.contains(&forgot),
        "{}",
        password_page.body
    );

    // The language cookie holds the tag: a later page of that browser is Valencian
    // without asking again, and its switch names Valencian in itself.
    let help = browser.get(&app.url("/help")).await;
    assert_in(&help, Lang::CaValencia);
    assert!(
        help.body
            .contains(r#"<span class="lang-switch__current" aria-current="true" lang="ca-valencia">Valencià</span>"#),
        "{}",
        help.body
    );

    // The same portal asking for plain Catalan gets Catalan, and its switch links
    // Valencian by its tag.
    let catalan = Browser::new();
    let (password_page, _) = catalan
        .reach_password_page(&app, &app.url(&format!("{LOGIN}&ui_locales=ca")))
        .await;
    assert_in(&password_page, Lang::Ca);
    assert!(
        password_page
            .body
            .contains(r#"lang="ca-valencia" hreflang="ca-valencia">Valencià</a>"#),
        "{}",
        password_page.body
    );
}

async fn accept_language_ca_es_valencia_gives_valencian_and_plain_catalan_stays_catalan(
    app: TestApp,
) {
    for (header, lang) in [
        ("ca-ES-valencia,ca;q=0.9,es;q=0.8", Lang::CaValencia),
        ("ca-valencia", Lang::CaValencia),
        ("ca-ES,ca;q=0.9,es;q=0.8", Lang::Ca),
        ("ca", Lang::Ca),
        ("ca-ES,ca-ES-valencia;q=0.5", Lang::Ca),
    ] {
        let browser = Browser::with_headers(&[("accept-language", header)]);
        let page = browser.get(&app.url("/help")).await;
        assert_in(&page, lang);
    }
    // `?lang=` switches between the two.
    let browser = Browser::with_headers(&[("accept-language", "ca-ES")]);
    assert_in(
        &browser.get(&app.url("/privacy?lang=ca-valencia")).await,
        Lang::CaValencia,
    );
    assert_in(&browser.get(&app.url("/privacy")).await, Lang::CaValencia);
    assert_in(&browser.get(&app.url("/privacy?lang=ca")).await, Lang::Ca);
}

async fn a_valencian_page_names_the_portal_in_valencian_else_in_catalan(app: TestApp) {
    let names = |pairs: &[(&str, &str)]| ClientProfile {
        localized_names: pairs
            .iter()
            .map(|(tag, name)| ((*tag).to_owned(), (*name).to_owned()))
            .collect(),
        ..Default::default()
    };
    app.government_client(
        "agencia",
        "https://agencia.example/callback",
        ClientKind::Public,
        "RS256",
        names(&[("ca", "Seu electrònica")]),
    )
    .await;
    app.government_client(
        "generalitat",
        "https://generalitat.example/callback",
        ClientKind::Public,
        "RS256",
        names(&[
            ("ca", "Seu de la Generalitat"),
            ("ca-valencia", "Seu de la GVA"),
        ]),
    )
    .await;
    let login = |id: &str| {
        format!(
            "/authorize?client_id={id}&redirect_uri=https%3A%2F%2F{id}.example%2Fcallback&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&ui_locales=ca-ES-valencia"
        )
    };
    for (id, shown) in [
        ("agencia", "«Seu electrònica»"),
        ("generalitat", "«Seu de la GVA»"),
    ] {
        let (page, _) = Browser::new()
            .reach_password_page(&app, &app.url(&login(id)))
            .await;
        assert_in(&page, Lang::CaValencia);
        assert!(page.body.contains(shown), "{id}: {}", page.body);
    }
}

async fn discovery_lists_valencian_among_the_languages_of_the_pages(app: TestApp) {
    let doc: Value = reqwest::get(app.url("/.well-known/openid-configuration"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let supported: Vec<&str> = doc["ui_locales_supported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|tag| tag.as_str().unwrap())
        .collect();
    assert_eq!(supported, ["es", "ca", "gl", "eu", "ca-valencia", "en"]);
}
