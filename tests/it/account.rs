//! The citizen's account page, "Mi Cl@ve", through HTTP on both backends: its
//! login bound to the browser, the history, ending sessions (with their tokens,
//! at every portal) and "this wasn't me" followed by the forgotten-password flow.

use clave_idp::domain::ActivationCode;
use scraper::{Html, Selector};
use serde_json::Value;

use crate::harness::{Browser, ClientSpec, OTHER_PORTAL, PASSWORD, Seen, TestApp};
use crate::selfservice;

const CITIZEN: &str = "12345678Z";
const OTHER_CITIZEN: &str = "87654321X";
const EMAIL: &str = "maria@example.es";

both_backends!(
    a_portal_login_failed_attempts_and_a_block_appear_in_the_history,
    ending_every_session_logs_the_citizen_out_of_every_portal_and_ends_the_tokens,
    this_wasnt_me_blocks_the_password_and_the_forgotten_password_flow_recovers,
    the_account_login_only_completes_in_the_browser_that_started_it,
    a_citizen_ends_one_of_their_sessions_but_never_another_citizens,
    a_stale_login_is_asked_again_and_forms_need_their_csrf_token,
    the_history_is_paged_newest_first,
    a_portal_is_named_in_the_language_of_the_page_and_quoted,
);

/// The authorization request of portal `client` at `redirect` for `scope`.
fn authorize(client: &str, redirect: &str, scope: &str) -> String {
    format!(
        "/authorize?client_id={client}&redirect_uri={}&response_type=code&scope={}",
        urlencoding(redirect),
        urlencoding(scope)
    )
}

fn urlencoding(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn sede(scope: &str) -> String {
    authorize("sede", crate::harness::PORTAL, scope)
}

/// `location` made absolute.
fn absolute(app: &TestApp, location: &str) -> String {
    if location.starts_with("http") {
        location.to_owned()
    } else {
        app.url(location)
    }
}

/// Opens `/account` in `browser`, logging `id` in with `password` when the page
/// asks; returns the account page.
async fn open_account(app: &TestApp, browser: &Browser, id: &str, password: &str) -> Seen {
    let open = browser.get(&app.url("/account")).await;
    if open.status == 200 {
        return open;
    }
    let callback = account_callback(app, browser, id, password).await;
    let back = browser.get(&callback).await;
    assert_eq!(
        back.status, 302,
        "the callback leads to the page: {}",
        back.body
    );
    assert_eq!(back.location.as_deref(), Some("/account"));
    let page = browser.get(&app.url("/account")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page
}

/// Starts the account page's login in `browser` and takes it to the callback
/// URL the provider answers with (not yet visited).
async fn account_callback(app: &TestApp, browser: &Browser, id: &str, password: &str) -> String {
    let asked = browser.get(&app.url("/account")).await;
    assert_eq!(
        asked.status, 302,
        "no fresh session: the page logs in first"
    );
    let authorize = absolute(app, asked.location.as_deref().unwrap());
    assert!(authorize.contains("client_id=mi-clave"), "{authorize}");
    let answer = browser.get(&authorize).await;
    assert_eq!(answer.status, 302, "{}", answer.body);
    let location = answer.location.clone().unwrap();
    if location.contains("/account/callback") {
        return absolute(app, &location);
    }
    let (page, _) = browser.reach_password_page(app, &authorize).await;
    let done = browser.submit_password(app, &page, id, password).await;
    assert_eq!(
        done.status, 303,
        "the login ends at the callback: {}",
        done.body
    );
    let location = done.location.unwrap();
    assert!(location.contains("/account/callback"), "{location}");
    absolute(app, &location)
}

/// The texts matching `selector` inside the page.
fn texts(page: &Seen, selector: &str) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn history(page: &Seen) -> Vec<String> {
    texts(page, "section[aria-labelledby=history] .record__title")
}

/// The `sid` of each open session the page lists.
fn listed_sessions(page: &Seen) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    let selector =
        Selector::parse("form[action=\"/account/sessions/end\"] input[name=sid]").unwrap();
    html.select(&selector)
        .filter_map(|e| e.value().attr("value").map(str::to_owned))
        .collect()
}

/// Whether `browser` still holds an SSO session `portal` accepts without asking.
async fn has_session(app: &TestApp, browser: &Browser, portal: &str) -> bool {
    let seen = browser
        .get(&app.url(&format!("{portal}&prompt=none")))
        .await;
    assert_eq!(seen.status, 302, "{}", seen.body);
    match seen.location_param("error").as_deref() {
        None => seen.location_param("code").is_some(),
        Some("login_required") => false,
        Some(other) => panic!("unexpected error {other}"),
    }
}

fn http() -> reqwest::Client {
    reqwest::Client::new()
}

async fn tokens(app: &TestApp, code: &str) -> Value {
    let response = http()
        .post(app.url("/token"))
        .basic_auth("sede", Some("sede-secret_XYZ"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", crate::harness::PORTAL),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn introspect(app: &TestApp, token: &str) -> bool {
    let response = http()
        .post(app.url("/introspect"))
        .basic_auth("sede", Some("sede-secret_XYZ"))
        .form(&[("token", token)])
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    body["active"] == true
}

async fn a_portal_is_named_in_the_language_of_the_page_and_quoted(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let profile = clave_idp::domain::ClientProfile {
        localized_names: [("en".to_owned(), "Tax Agency e-office".to_owned())].into(),
        ..Default::default()
    };
    app.government_client(
        "agencia",
        "https://agencia.example/callback",
        clave_idp::domain::ClientKind::Public,
        "RS256",
        profile,
    )
    .await;
    let browser = Browser::new();
    browser
        .log_in(
            &app,
            &app.url(&format!(
                "{}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
                authorize("agencia", "https://agencia.example/callback", "openid")
            )),
            CITIZEN,
        )
        .await;
    let spanish = open_account(&app, &browser, CITIZEN, PASSWORD).await;
    assert!(
        history(&spanish).contains(&"Acceso: «Portal agencia»".to_owned()),
        "{:#?}",
        history(&spanish)
    );

    // The language switch: the same page in English, where the portal
    // registered a name of its own.
    let english = browser.get(&app.url("/account?lang=en")).await;
    assert_eq!(english.status, 200, "{}", english.body);
    assert!(
        history(&english).contains(&"Sign-in: “Tax Agency e-office”".to_owned()),
        "{:#?}",
        history(&english)
    );
    let portals = texts(&english, "section[aria-labelledby=portals] .record__title");
    assert!(
        portals.contains(&"“Tax Agency e-office”".to_owned()),
        "{portals:#?}"
    );
    assert!(!english.body.contains("Portal agencia"), "{}", english.body);
}

async fn a_portal_login_failed_attempts_and_a_block_appear_in_the_history(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    app.client(ClientSpec::confidential("sede")).await;
    let own = Browser::new();
    own.log_in(&app, &app.url(&sede("openid profile")), CITIZEN)
        .await;
    // A script elsewhere guesses until the unknown browsers' lane blocks; the
    // citizen's own, trusted browser keeps its lane and opens the page.
    let script = Browser::new();
    for _ in 0..5 {
        let (page, _) = script
            .reach_password_page(&app, &app.url(&sede("openid")))
            .await;
        let refused = script
            .submit_password(&app, &page, CITIZEN, "Wrong-Password-9")
            .await;
        assert_ne!(refused.status, 303);
    }
    let page = open_account(&app, &own, CITIZEN, PASSWORD).await;

    let rows = history(&page);
    let login = rows.iter().position(|r| r == "Acceso: «Portal sede»");
    let failed = rows
        .iter()
        .position(|r| r.ends_with("Contraseña incorrecta"));
    let blocked = rows
        .iter()
        .position(|r| r == "Atención Contraseña bloqueada por intentos fallidos");
    let (Some(login), Some(failed), Some(blocked)) = (login, failed, blocked) else {
        panic!("login, failure and block in the history: {rows:#?}")
    };
    assert!(
        blocked < failed && failed < login,
        "newest first: {rows:#?}"
    );
    assert!(
        rows.iter()
            .filter(|r| r.ends_with("Contraseña incorrecta"))
            .count()
            >= 4,
        "{rows:#?}"
    );
    let facts = texts(&page, "section[aria-labelledby=history] .record__facts");
    assert!(
        facts.iter().any(|f| f.contains("NivelContraseña")),
        "the level of the sign-in: {facts:#?}"
    );
    assert!(
        facts.iter().all(|f| !f.contains("127.0.0.1")),
        "no full address: {facts:#?}"
    );
    assert!(facts.iter().any(|f| f.contains("127.0.0.x")), "{facts:#?}");

    let portals = texts(&page, "section[aria-labelledby=portals] .record");
    assert!(
        portals
            .iter()
            .any(|p| p.starts_with("«Portal sede»") && p.contains("openid profile")),
        "the portal and the scopes it received: {portals:#?}"
    );
    let sessions = texts(&page, "section[aria-labelledby=sessions] .record__title");
    assert_eq!(sessions.len(), 1, "one open session: {sessions:#?}");
    assert!(sessions[0].contains("(este navegador)"));
    let browsers = texts(&page, "section[aria-labelledby=browsers] .record__title");
    assert_eq!(browsers.len(), 1, "one trusted browser: {browsers:#?}");
}

async fn ending_every_session_logs_the_citizen_out_of_every_portal_and_ends_the_tokens(
    app: TestApp,
) {
    app.active_citizen(CITIZEN).await;
    app.client(ClientSpec::confidential("sede")).await;
    app.client(ClientSpec {
        redirect_uri: OTHER_PORTAL,
        ..ClientSpec::confidential("otra")
    })
    .await;
    let otra = authorize("otra", OTHER_PORTAL, "openid");
    let laptop = Browser::new();
    let done = laptop
        .log_in(&app, &app.url(&sede("openid offline_access")), CITIZEN)
        .await;
    let issued = tokens(&app, &done.location_param("code").unwrap()).await;
    let access = issued["access_token"].as_str().unwrap().to_owned();
    let refresh = issued["refresh_token"].as_str().unwrap().to_owned();
    let library = Browser::new();
    library.log_in(&app, &app.url(&otra), CITIZEN).await;
    assert!(has_session(&app, &laptop, &sede("openid")).await);
    assert!(has_session(&app, &library, &otra).await);
    assert!(introspect(&app, &access).await);

    let page = open_account(&app, &laptop, CITIZEN, PASSWORD).await;
    assert_eq!(listed_sessions(&page).len(), 2, "laptop and library");
    let ended = laptop
        .post(
            &app.url("/account/sessions/end-all"),
            &[("csrf_token", &page.csrf())],
        )
        .await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    assert!(ended.body.contains("Ha cerrado todas sus sesiones"));

    assert!(!has_session(&app, &laptop, &sede("openid")).await);
    assert!(!has_session(&app, &library, &otra).await);
    assert!(!has_session(&app, &library, &sede("openid")).await);
    assert!(!introspect(&app, &access).await, "the access token ended");
    assert!(!introspect(&app, &refresh).await, "the refresh token ended");
    let userinfo = http()
        .get(app.url("/userinfo"))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(userinfo.status(), 401);
    let refreshed = http()
        .post(app.url("/token"))
        .basic_auth("sede", Some("sede-secret_XYZ"))
        .form(&[("grant_type", "refresh_token"), ("refresh_token", &refresh)])
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 400);
    let body: Value = refreshed.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");

    // Ending sessions protects, it does not lock out: the password still works.
    let again = laptop
        .log_in(&app, &app.url(&sede("openid")), CITIZEN)
        .await;
    assert!(again.location_param("code").is_some());
    let page = open_account(&app, &laptop, CITIZEN, PASSWORD).await;
    assert!(
        history(&page).contains(&"Todas las sesiones cerradas".to_owned()),
        "{:#?}",
        history(&page)
    );
}

async fn this_wasnt_me_blocks_the_password_and_the_forgotten_password_flow_recovers(app: TestApp) {
    let code = ActivationCode::generate();
    app.active_citizen_with_code(CITIZEN, &code.hash()).await;
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    open_account(&app, &browser, CITIZEN, PASSWORD).await;
    assert_eq!(
        app.state
            .db
            .trusted_browsers_of(CITIZEN)
            .await
            .unwrap()
            .len(),
        1
    );

    let confirm = browser.get(&app.url("/account/not-me")).await;
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    assert!(confirm.body.contains("action=\"/account/not-me\""));
    let done = browser
        .post(
            &app.url("/account/not-me"),
            &[("csrf_token", &confirm.csrf())],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        done.body.contains("href=\"/password/forgot\""),
        "walks to the forgotten-password flow"
    );

    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(citizen.password_blocked, "the password is blocked");
    assert!(
        app.state
            .db
            .trusted_browsers_of(CITIZEN)
            .await
            .unwrap()
            .is_empty(),
        "every trusted browser is forgotten"
    );
    assert!(!has_session(&app, &browser, &sede("openid")).await);
    let (page, _) = browser
        .reach_password_page(&app, &app.url(&sede("openid")))
        .await;
    let refused = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    assert_ne!(refused.status, 303, "the right password no longer logs in");

    let reset = Browser::new();
    let started = selfservice::start(
        &reset,
        &app,
        "/password/forgot",
        &[
            ("username", CITIZEN),
            ("email", EMAIL),
            ("activation_code", &code.expose_grouped()),
        ],
    )
    .await;
    let (_, after_code) = selfservice::type_code(&reset, &app, &started, &app.last_otp()).await;
    let chosen = selfservice::choose_password(&reset, &app, &after_code, "Recuperada-2028").await;
    assert_eq!(chosen.status, 200, "{}", chosen.body);
    let page = open_account(&app, &Browser::new(), CITIZEN, "Recuperada-2028").await;
    let rows = history(&page);
    assert!(
        rows.iter()
            .any(|r| r.ends_with("Aviso «No fui yo»: cuenta protegida")),
        "{rows:#?}"
    );
    assert!(
        rows.contains(&"Contraseña nueva tras olvidarla o bloquearla".to_owned()),
        "{rows:#?}"
    );
}

async fn the_account_login_only_completes_in_the_browser_that_started_it(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let stranger = Browser::new();
    let forged = stranger
        .get(&app.url(&format!(
            "/account/callback?code=abc&state=def&iss={}",
            urlencoding(&app.issuer)
        )))
        .await;
    assert_eq!(forged.status, 400, "no login was started here");

    let citizen = Browser::new();
    let callback = account_callback(&app, &citizen, CITIZEN, PASSWORD).await;
    // The answer carried into another browser (login CSRF, RFC 9700 §4.7) is refused.
    let elsewhere = stranger.get(&callback).await;
    assert_eq!(elsewhere.status, 400);
    assert_eq!(
        stranger.get(&app.url("/account")).await.status,
        302,
        "the stranger is not let in"
    );
    // A tampered state or issuer is refused in the right browser too.
    let tampered = callback.replace("state=", "state=x");
    assert_eq!(citizen.get(&tampered).await.status, 400);
    let wrong_issuer = callback.replace("iss=", "iss=https%3A%2F%2Fevil.example%26x%3D");
    assert_eq!(citizen.get(&wrong_issuer).await.status, 400);
    // The genuine answer still works once, and only once.
    let back = citizen.get(&callback).await;
    assert_eq!(back.status, 302, "{}", back.body);
    assert_eq!(citizen.get(&app.url("/account")).await.status, 200);
    assert_eq!(
        citizen.get(&callback).await.status,
        400,
        "a code works once"
    );
}

async fn a_citizen_ends_one_of_their_sessions_but_never_another_citizens(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    app.active_citizen(OTHER_CITIZEN).await;
    app.client(ClientSpec::confidential("sede")).await;
    let laptop = Browser::new();
    let phone = Browser::new();
    let neighbour = Browser::new();
    phone.log_in(&app, &app.url(&sede("openid")), CITIZEN).await;
    let theirs = open_account(&app, &neighbour, OTHER_CITIZEN, PASSWORD).await;
    let their_sid = listed_sessions(&theirs).pop().unwrap();

    let page = open_account(&app, &laptop, CITIZEN, PASSWORD).await;
    let csrf = page.csrf();
    let foreign = laptop
        .post(
            &app.url("/account/sessions/end"),
            &[("csrf_token", &csrf), ("sid", &their_sid)],
        )
        .await;
    assert_eq!(foreign.status, 400, "another citizen's session");
    assert!(has_session(&app, &neighbour, &sede("openid")).await);
    let oversized = "s".repeat(10_000);
    let huge = laptop
        .post(
            &app.url("/account/sessions/end"),
            &[("csrf_token", &csrf), ("sid", &oversized)],
        )
        .await;
    assert_eq!(huge.status, 400);

    let sessions = listed_sessions(&page);
    assert_eq!(sessions.len(), 2, "laptop and phone");
    let current = texts(&page, "section[aria-labelledby=sessions] .record__title");
    let phone_sid = sessions
        .iter()
        .zip(&current)
        .find(|(_, title)| !title.contains("(este navegador)"))
        .map(|(sid, _)| sid.clone())
        .unwrap();
    let ended = laptop
        .post(
            &app.url("/account/sessions/end"),
            &[("csrf_token", &csrf), ("sid", &phone_sid)],
        )
        .await;
    assert_eq!(ended.status, 303, "{}", ended.body);
    assert_eq!(
        ended.location.as_deref(),
        Some("/account?done=session-ended")
    );
    assert!(!has_session(&app, &phone, &sede("openid")).await);
    assert!(has_session(&app, &laptop, &sede("openid")).await);
    let after = laptop.get(&app.url("/account?done=session-ended")).await;
    assert!(after.body.contains("Ha cerrado la sesión."));
    assert_eq!(listed_sessions(&after).len(), 1);
    let again = laptop
        .post(
            &app.url("/account/sessions/end"),
            &[("csrf_token", &csrf), ("sid", &phone_sid)],
        )
        .await;
    assert_eq!(again.status, 400, "already ended");
}

async fn a_stale_login_is_asked_again_and_forms_need_their_csrf_token(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    let page = open_account(&app, &browser, CITIZEN, PASSWORD).await;
    let without = browser
        .post(&app.url("/account/sessions/end-all"), &[])
        .await;
    assert_eq!(without.status, 403, "{}", without.body);
    let wrong = browser
        .post(
            &app.url("/account/not-me"),
            &[("csrf_token", "not-the-token")],
        )
        .await;
    assert_eq!(wrong.status, 403);
    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(!citizen.password_blocked, "nothing changed");
    assert!(has_session(&app, &browser, &sede("openid")).await);

    app.clock.advance(clave_idp::account::FRESH_SECS + 1);
    let asked = browser.get(&app.url("/account")).await;
    assert_eq!(asked.status, 302, "a stale login is asked again");
    let authorize = absolute(&app, asked.location.as_deref().unwrap());
    assert!(authorize.contains("max_age=900"));
    let answer = browser.get(&authorize).await;
    assert!(
        !answer
            .location
            .as_deref()
            .unwrap_or_default()
            .contains("/account/callback"),
        "the old session does not pass max_age"
    );
    // A stale login cannot act either: the form starts a login instead.
    let acted = browser
        .post(
            &app.url("/account/sessions/end-all"),
            &[("csrf_token", &page.csrf())],
        )
        .await;
    assert_eq!(acted.status, 302);
    assert!(has_session(&app, &browser, &sede("openid")).await);
}

async fn the_history_is_paged_newest_first(app: TestApp) {
    use clave_idp::domain::AuditKind;
    use clave_idp::store::sql::AuditEvent;
    app.active_citizen(CITIZEN).await;
    for _ in 0..45 {
        app.clock.advance(1);
        let event = AuditEvent::new(app.clock_now(), AuditKind::PasswordChanged, "citizen")
            .citizen(CITIZEN);
        app.state.db.append_audit(&event).await.unwrap();
    }
    let browser = Browser::new();
    let first = open_account(&app, &browser, CITIZEN, PASSWORD).await;
    assert_eq!(history(&first).len(), 20);
    let stamps = |page: &Seen| {
        let html = Html::parse_document(&page.body);
        let selector = Selector::parse("section[aria-labelledby=history] time").unwrap();
        html.select(&selector)
            .filter_map(|t| t.value().attr("datetime").map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let mut seen = history(&first);
    let mut times = stamps(&first);
    let mut next = first;
    let mut pages = 1;
    loop {
        let html = Html::parse_document(&next.body);
        let older =
            Selector::parse("section[aria-labelledby=history] a[href^=\"/account?before=\"]")
                .unwrap();
        let Some(link) = html
            .select(&older)
            .next()
            .and_then(|a| a.value().attr("href"))
            .map(str::to_owned)
        else {
            break;
        };
        let page = browser.get(&app.url(&link)).await;
        assert_eq!(page.status, 200, "{link}");
        seen.extend(history(&page));
        times.extend(stamps(&page));
        next = page;
        pages += 1;
        assert!(pages < 10, "the pages end");
    }
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first across the pages");
    // 45 changes + registration + activation + the account page's own sign-in.
    assert_eq!(seen.len(), 48, "{seen:#?}");
    assert_eq!(pages, 3);
    assert_eq!(
        seen.iter().filter(|r| *r == "Cambio de contraseña").count(),
        45
    );
    let bad = browser.get(&app.url("/account?before=abc")).await;
    assert_eq!(bad.status, 400);
}

/// A DNI with its check letter.
fn dni(number: u32) -> String {
    const LETTERS: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    format!("{number:08}{}", LETTERS[(number % 23) as usize] as char)
}

/// The provider behind a reverse proxy at 127.0.0.1 whose `X-Forwarded-For`
/// names the client, on its shipped attempt limits.
async fn behind_a_proxy(backends: crate::harness::Backends) -> Option<TestApp> {
    let shipped = clave_idp::settings::Settings::default();
    TestApp::spawn_configured(backends, None, |s| {
        s.trusted_proxies = "127.0.0.1".to_owned();
        s.rate_ip_soft = shipped.rate_ip_soft;
        s.rate_ip_hard = shipped.rate_ip_hard;
        s.rate_account_soft = shipped.rate_account_soft;
    })
    .await
}

/// A script from hundreds of addresses, without the citizen's session, posts to
/// every account action (with and without a CSRF token of its own, naming the
/// citizen's real session): each is sent to log in, nothing changes and nothing
/// is stored; the citizen's own page is as it was.
async fn a_script_from_many_addresses_without_the_session_changes_and_stores_nothing(
    backends: crate::harness::Backends,
) {
    let Some(app) = behind_a_proxy(backends).await else {
        return;
    };
    app.active_citizen(CITIZEN).await;
    let citizen = Browser::behind_proxy("192.0.2.10");
    let page = open_account(&app, &citizen, CITIZEN, PASSWORD).await;
    let sid = listed_sessions(&page).pop().expect("the citizen's session");
    let events = app.state.db.audit_events_for(CITIZEN).await.unwrap().len();
    let before = crate::bounds::stored(&app).await;

    for n in 0..300u32 {
        let script = Browser::behind_proxy(&format!("2001:db8:{:x}::{:x}", n / 7, n + 1));
        let own_csrf = script.get(&app.url("/activate")).await.csrf();
        for (path, fields) in [
            ("/account/not-me", vec![("csrf_token", own_csrf.as_str())]),
            ("/account/sessions/end-all", vec![]),
            (
                "/account/sessions/end",
                vec![("csrf_token", own_csrf.as_str()), ("sid", sid.as_str())],
            ),
            (
                "/account/browsers/forget",
                vec![("csrf_token", own_csrf.as_str()), ("id", "x")],
            ),
        ] {
            let seen = script.post(&app.url(path), &fields).await;
            assert!(
                seen.status == 302
                    && seen
                        .location
                        .as_deref()
                        .is_some_and(|l| l.starts_with("/authorize")),
                "{path} from script {n}: {} {}",
                seen.status,
                seen.body
            );
        }
    }

    assert_eq!(
        crate::bounds::stored(&app).await.0,
        before.0,
        "unauthenticated requests store nothing"
    );
    let stored = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(
        !stored.password_blocked,
        "nobody could say \"not me\" for her"
    );
    assert_eq!(
        app.state.db.audit_events_for(CITIZEN).await.unwrap().len(),
        events,
        "nothing happened to the account"
    );
    let again = citizen.get(&app.url("/account")).await;
    assert_eq!(again.status, 200, "her session is as it was");
    assert_eq!(listed_sessions(&again), [sid]);
}

/// An office of citizens behind one address, each opening their own account
/// page on the shipped limits: every one gets in, none is asked the question.
async fn an_office_behind_one_address_opens_its_account_pages(backends: crate::harness::Backends) {
    let Some(app) = behind_a_proxy(backends).await else {
        return;
    };
    let office = "198.51.100.20";
    for n in 0..40u32 {
        let id = dni(30_000_000 + n);
        app.active_citizen(&id).await;
        let browser = Browser::behind_proxy(office);
        let page = open_account(&app, &browser, &id, PASSWORD).await;
        assert!(
            page.body.contains("Mi Cl@ve"),
            "citizen {n} sees the page: {}",
            page.body
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_from_many_addresses_without_the_session_changes_and_stores_nothing_on_the_embedded_backends()
 {
    a_script_from_many_addresses_without_the_session_changes_and_stores_nothing(
        crate::harness::Backends::Embedded,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_script_from_many_addresses_without_the_session_changes_and_stores_nothing_on_postgres_and_redis()
 {
    a_script_from_many_addresses_without_the_session_changes_and_stores_nothing(
        crate::harness::Backends::Real,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_behind_one_address_opens_its_account_pages_on_the_embedded_backends() {
    an_office_behind_one_address_opens_its_account_pages(crate::harness::Backends::Embedded).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_behind_one_address_opens_its_account_pages_on_postgres_and_redis() {
    an_office_behind_one_address_opens_its_account_pages(crate::harness::Backends::Real).await;
}
