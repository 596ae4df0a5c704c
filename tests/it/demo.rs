//! The demo portal under `/demo`, clicked through like a newcomer would: the portal
//! sends the browser to Cl@ve, the citizen logs in, the portal shows what it
//! received and logs out through the provider. Embedded backends only: the portal
//! adds no store code of its own.

use clave_idp::demo::register_demo_client;

use scraper::{Html, Selector};

use crate::harness::{Backends, Browser, PASSWORD, Seen, TestApp};

const CITIZEN: &str = "12345678Z";

/// A provider with the demo portal and an active citizen.
async fn portal() -> TestApp {
    let app = TestApp::spawn(Backends::Embedded)
        .await
        .expect("embedded backends");
    // Start-up registers the portal too; registering again must change nothing.
    let demo = register_demo_client(&app.state.db, &app.state.settings, app.state.now())
        .await
        .unwrap();
    assert!(demo.usable);
    app.active_citizen(CITIZEN).await;
    app
}

/// Clicks "Acceder con Cl@ve" with `acr` and the profile and nif scopes; returns
/// the authorization URL the portal redirects to.
async fn click_log_in(app: &TestApp, browser: &Browser, acr: &str) -> String {
    let home = browser.get(&app.url("/demo")).await;
    assert_eq!(
        home.status, 200,
        "GET /demo (is crate::demo::routes() merged?): {}",
        home.body
    );
    let started = browser
        .get(&app.url(&format!("/demo/login?acr={acr}&profile=on&nif=on")))
        .await;
    assert_eq!(started.status, 302, "{}", started.body);
    let authorize = started.location.expect("a redirect to Cl@ve");
    assert!(
        authorize.starts_with(&app.url("/authorize?")),
        "{authorize}"
    );
    authorize
}

/// Follows the provider's redirect back to the portal's callback.
async fn come_back(app: &TestApp, browser: &Browser, from_clave: &Seen) {
    let callback = from_clave
        .location
        .as_deref()
        .expect("a redirect to the portal");
    assert!(
        callback.starts_with(&app.url("/demo/callback?")),
        "{callback}"
    );
    let landed = browser.get(callback).await;
    assert_eq!(
        (landed.status, landed.location.as_deref()),
        (302, Some("/demo")),
        "{}",
        landed.body
    );
}

/// The value the portal's home page shows for `claim`.
fn shown_claim(page: &Seen, claim: &str) -> Option<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse(&format!("#claim-{claim}")).unwrap();
    html.select(&selector).next().map(|e| e.text().collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_logs_in_at_the_demo_portal_sees_their_claims_and_logs_out() {
    let app = portal().await;
    let browser = Browser::new();

    let authorize = click_log_in(&app, &browser, "low").await;
    let from_clave = browser.log_in(&app, &authorize, CITIZEN).await;
    come_back(&app, &browser, &from_clave).await;
    let home = browser.get(&app.url("/demo")).await;

    assert!(home.body.contains("Sede electrónica de demostración"));
    assert_eq!(
        shown_claim(&home, "name").as_deref(),
        Some("María García López"),
        "{}",
        home.body
    );
    assert_eq!(shown_claim(&home, "nif").as_deref(), Some(CITIZEN));
    assert_eq!(
        shown_claim(&home, "acr").as_deref(),
        Some("http://eidas.europa.eu/LoA/low")
    );
    assert!(
        shown_claim(&home, "sub").is_some_and(|sub| sub != CITIZEN),
        "pairwise"
    );
    assert!(home.body.contains("Cerrar sesión"));

    let out = browser.get(&app.url("/demo/logout")).await;
    let end_session = out
        .location
        .expect("a redirect to the end-session endpoint");
    assert!(
        end_session.starts_with(&app.url("/logout?")) && end_session.contains("id_token_hint=")
    );
    let returned = browser.get(&end_session).await;
    let back_home = returned.location.expect("Cl@ve returns to the portal");
    assert!(
        back_home.starts_with(&app.url("/demo?state=")),
        "{back_home}"
    );
    let home = browser.get(&back_home).await;

    assert!(home.body.contains("Ha cerrado la sesión"), "{}", home.body);
    assert!(home.body.contains("Acceder con Cl@ve"));
    assert_eq!(shown_claim(&home, "name"), None);
    let again = browser
        .get(&click_log_in(&app, &browser, "low").await)
        .await;
    assert!(
        again.location.unwrap().starts_with("/login?"),
        "the Cl@ve session ended too"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn substantial_assurance_at_the_portal_goes_through_the_sms_code() {
    let app = portal().await;
    let browser = Browser::new();
    let authorize = click_log_in(&app, &browser, "substantial").await;
    let (page, _) = browser.reach_password_page(&app, &authorize).await;
    let after_password = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    let otp_page = browser
        .get(&app.url(after_password.location.as_deref().unwrap()))
        .await;
    let tx = otp_page.field("tx").unwrap();

    let from_clave = browser
        .post(
            &app.url("/login/otp"),
            &[
                ("csrf_token", &otp_page.csrf()),
                ("tx", &tx),
                ("otp", &app.last_otp()),
            ],
        )
        .await;
    come_back(&app, &browser, &from_clave).await;
    let home = browser.get(&app.url("/demo")).await;

    assert_eq!(
        shown_claim(&home, "acr").as_deref(),
        Some("http://eidas.europa.eu/LoA/substantial"),
        "{}",
        home.body
    );
    assert_eq!(shown_claim(&home, "amr").as_deref(), Some("pwd, sms"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_at_cl_ve_shows_a_clear_page_at_the_portal() {
    let app = portal().await;
    let browser = Browser::new();
    let authorize = click_log_in(&app, &browser, "low").await;
    let (page, tx) = browser.reach_password_page(&app, &authorize).await;

    let cancelled = browser
        .post(
            &app.url("/login/cancel"),
            &[("csrf_token", &page.csrf()), ("tx", &tx)],
        )
        .await;
    let shown = browser
        .get(cancelled.location.as_deref().expect("back to the portal"))
        .await;

    assert_eq!(shown.status, 200, "{}", shown.body);
    assert!(
        shown.body.contains("Ha cancelado la identificación"),
        "{}",
        shown.body
    );
    assert!(shown.body.contains("access_denied"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_callback_the_browser_did_not_start_is_refused_in_the_citizens_language() {
    let app = portal().await;
    let browser = Browser::new();
    browser.get(&app.url("/demo?lang=en")).await;

    let forged = browser
        .get(&app.url("/demo/callback?code=stolen&state=guessed"))
        .await;

    assert_eq!(forged.status, 400);
    assert!(
        forged
            .body
            .contains("The login has expired or was already used"),
        "{}",
        forged.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_the_portal_again_keeps_it_and_another_issuer_is_reported_unusable() {
    let app = portal().await;
    let mut settings = (*app.state.settings).clone();

    let again = register_demo_client(&app.state.db, &settings, app.state.now())
        .await
        .unwrap();
    settings.issuer = "http://127.0.0.1:1".to_owned();
    let moved = register_demo_client(&app.state.db, &settings, app.state.now())
        .await
        .unwrap();

    assert!(!again.created && again.usable);
    assert_eq!(again.redirect_uri, app.url("/demo/callback"));
    assert!(!moved.created && !moved.usable);
    let stored = app.state.db.client("demo-portal").await.unwrap().unwrap();
    assert_eq!(stored.redirect_uris, [app.url("/demo/callback")]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_callback_with_another_state_is_refused_and_the_pending_login_is_spent() {
    let app = portal().await;
    let browser = Browser::new();
    let authorize = click_log_in(&app, &browser, "low").await;
    let from_clave = browser.log_in(&app, &authorize, CITIZEN).await;
    let state = from_clave.location_param("state").unwrap();
    let genuine = from_clave.location.unwrap();

    let tampered = browser.get(&genuine.replace(&state, "tampered")).await;
    let replayed = browser.get(&genuine).await;

    assert_eq!(tampered.status, 400);
    assert!(
        tampered.body.contains("no corresponde"),
        "{}",
        tampered.body
    );
    assert_eq!(replayed.status, 400, "the pending login is used once");
}

/// The government profile, with and without DPoP nonces: the portal pushes its
/// request (the browser carries only a `request_uri`), authenticates with its
/// key and gets a DPoP-bound token, and a login without PAR is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_government_profile_logs_in_through_par_with_a_key_and_dpop() {
    for nonces in [false, true] {
        let app = TestApp::spawn_configured(Backends::Embedded, None, |s| s.dpop_nonce = nonces)
            .await
            .expect("embedded backends");
        app.active_citizen(CITIZEN).await;
        let browser = Browser::new();
        let started = browser
            .get(&app.url("/demo/login?acr=low&profile=on&nif=on&government=on"))
            .await;
        assert_eq!(started.status, 302, "nonces {nonces}: {}", started.body);
        let authorize = started.location.expect("a redirect to Cl@ve");
        let query: Vec<(String, String)> = url::Url::parse(&authorize)
            .unwrap()
            .query_pairs()
            .into_owned()
            .collect();
        let names: Vec<&str> = query.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["client_id", "request_uri"], "{authorize}");
        assert_eq!(query[0].1, "demo-portal-gov");
        assert!(query[1].1.starts_with("urn:ietf:params:oauth:request_uri:"));

        let from_clave = browser.log_in(&app, &authorize, CITIZEN).await;
        come_back(&app, &browser, &from_clave).await;
        let home = browser.get(&app.url("/demo")).await;
        assert_eq!(
            shown_claim(&home, "nif").as_deref(),
            Some(CITIZEN),
            "nonces {nonces}: {}",
            home.body
        );
        let html = Html::parse_document(&home.body);
        let marker = html
            .select(&Selector::parse("#government-profile").unwrap())
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default();
        assert!(marker.contains("DPoP"), "{}", home.body);

        // The request_uri was used once; the same client without PAR is refused.
        let again = Browser::new().get(&authorize).await;
        assert_ne!(again.status, 302, "a request_uri works once");
        let unpushed = Browser::new()
            .get(&app.url(
                "/authorize?response_type=code&client_id=demo-portal-gov&scope=openid\
                 &redirect_uri=http%3A%2F%2F127.0.0.1%2Fdemo%2Fcallback",
            ))
            .await;
        assert_ne!(unpushed.status, 302, "{}", unpushed.body);
        assert!(
            !unpushed.location.unwrap_or_default().contains("code="),
            "no code without PAR"
        );
    }
}
