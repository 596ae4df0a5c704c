//! The citizen's journeys through HTTP on both backends: every mistake of a form
//! reported in one submit, each on its field; a way back to the portal on every
//! step of a login; error pages that lead somewhere (the start of the flow, home).

use scraper::{Html, Selector};

use crate::harness::{Browser, ClientSpec, PASSWORD, Seen, TestApp};
use crate::selfservice::start;

const ID: &str = "12345678Z";
const LOGIN: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid&state=xyz";

both_backends!(
    every_empty_field_of_a_first_page_is_reported_in_one_submit,
    the_login_reports_a_bad_dni_and_an_empty_password_together,
    a_field_breaking_two_rules_is_one_summary_entry_saying_what_the_field_says,
    every_step_of_a_login_offers_the_way_back_to_the_portal,
    error_pages_lead_to_the_start_of_their_flow_and_home,
    back_after_a_finished_flow_says_it_is_done_and_runs_nothing_again,
    a_blocked_code_of_a_citizen_not_yet_activated_leads_to_an_office_never_to_regeneration,
    the_step_count_follows_the_pages_of_the_login,
    a_portal_is_named_in_the_language_of_the_page_where_it_registered_one,
    a_citizen_sent_from_the_login_to_reset_the_password_continues_to_the_service,
);

/// The error summary's links, as `(field, message)`.
fn summary(page: &Seen) -> Vec<(String, String)> {
    let html = Html::parse_document(&page.body);
    let links = Selector::parse(".error-summary a").unwrap();
    html.select(&links)
        .map(|a| {
            (
                a.value()
                    .attr("href")
                    .unwrap()
                    .trim_start_matches('#')
                    .to_owned(),
                a.text().collect::<String>().trim().to_owned(),
            )
        })
        .collect()
}

/// The message shown beside field `id`, without its "Error:" prefix.
fn field_message(page: &Seen, id: &str) -> Option<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse(&format!("#{id}-error")).unwrap();
    let prefix = Selector::parse(".visually-hidden").unwrap();
    html.select(&selector).next().map(|p| {
        let hidden: String = p.select(&prefix).flat_map(|e| e.text()).collect();
        let all: String = p.text().collect();
        all.replacen(&hidden, "", 1).trim().to_owned()
    })
}

/// The fields marked invalid, in page order.
fn invalid_fields(page: &Seen) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse("input[aria-invalid=true]").unwrap();
    html.select(&selector)
        .map(|e| e.value().attr("id").unwrap().to_owned())
        .collect()
}

fn links(page: &Seen) -> Vec<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse("main a").unwrap();
    html.select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

fn fields(page: &Seen) -> Vec<String> {
    summary(page).into_iter().map(|(field, _)| field).collect()
}

async fn every_empty_field_of_a_first_page_is_reported_in_one_submit(app: TestApp) {
    for path in ["/activate", "/password/forgot"] {
        let browser = Browser::new();
        let seen = start(&browser, &app, path, &[]).await;
        assert_eq!(seen.status, 422, "{path}: {}", seen.body);
        assert_eq!(
            fields(&seen),
            ["username", "email", "activation_code"],
            "{path}"
        );
        assert_eq!(invalid_fields(&seen), fields(&seen), "{path}");
        // A bad email is reported as a bad email, not as data that do not match.
        let seen = start(
            &browser,
            &app,
            path,
            &[
                ("username", ID),
                ("email", "maria"),
                ("activation_code", ""),
            ],
        )
        .await;
        assert_eq!(fields(&seen), ["email", "activation_code"], "{path}");
        assert!(
            field_message(&seen, "email")
                .unwrap()
                .contains("una sola @"),
            "{path}: {}",
            seen.body
        );
    }
    for path in [
        "/password/change",
        "/unsubscribe",
        "/activation-code/regenerate",
    ] {
        let seen = start(&Browser::new(), &app, path, &[("username", "12345678")]).await;
        assert_eq!(seen.status, 422, "{path}");
        assert_eq!(fields(&seen), ["username", "password"], "{path}");
    }
    assert!(app.sms_count() == 0, "nothing was checked, nothing sent");
}

async fn the_login_reports_a_bad_dni_and_an_empty_password_together(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    let (page, _) = browser.reach_password_page(&app, &app.url(LOGIN)).await;
    let seen = browser.submit_password(&app, &page, "1234", "").await;
    assert_eq!(seen.status, 422, "{}", seen.body);
    assert_eq!(fields(&seen), ["username", "password"]);
    assert_eq!(invalid_fields(&seen), ["username", "password"]);
}

async fn a_field_breaking_two_rules_is_one_summary_entry_saying_what_the_field_says(app: TestApp) {
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/password/change",
        &[("username", ID), ("password", PASSWORD)],
    )
    .await;
    let (_, after_code) =
        crate::selfservice::type_code(&browser, &app, &started, &app.last_otp()).await;
    // Too short and of one character group: two rules, one field.
    let seen = crate::selfservice::choose_password(&browser, &app, &after_code, "abc").await;
    assert_eq!(seen.status, 422, "{}", seen.body);
    let entries = summary(&seen);
    assert_eq!(fields(&seen), ["new_password"], "{entries:?}");
    let shown = field_message(&seen, "new_password").unwrap();
    assert_eq!(entries[0].1, shown, "the summary says what the field says");
    assert!(shown.contains("8"), "the length rule: {shown}");
    assert!(shown.contains("tres"), "the groups rule: {shown}");
}

/// Whether `page` offers "cancel and return to the portal" for login `tx`, and
/// that it works: the portal gets `access_denied` with its `state`.
async fn cancels_to_the_portal(app: &TestApp, browser: &Browser, page: &Seen) {
    let html = Html::parse_document(&page.body);
    let form = Selector::parse("form[action=\"/login/cancel\"] input[name=tx]").unwrap();
    let tx = html
        .select(&form)
        .next()
        .and_then(|input| input.value().attr("value"))
        .unwrap_or_else(|| panic!("no way back on the page:\n{}", page.body))
        .to_owned();
    let back = browser
        .post(
            &app.url("/login/cancel"),
            &[("csrf_token", &page.csrf()), ("tx", &tx)],
        )
        .await;
    assert_eq!(back.status, 303, "{}", back.body);
    let location = back.location.unwrap();
    assert!(
        location.starts_with("https://sede.example/callback?error=access_denied"),
        "{location}"
    );
    assert!(location.contains("state=xyz"), "{location}");
}

async fn every_step_of_a_login_offers_the_way_back_to_the_portal(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    // The method screen and the password page.
    let browser = Browser::new();
    let (page, _) = browser.reach_password_page(&app, &app.url(LOGIN)).await;
    cancels_to_the_portal(&app, &browser, &page).await;

    // The SMS code at the substantial level.
    let substantial =
        format!("{LOGIN}&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial");
    let browser = Browser::new();
    let (page, _) = browser
        .reach_password_page(&app, &app.url(&substantial))
        .await;
    let to_code = browser.submit_password(&app, &page, ID, PASSWORD).await;
    assert_eq!(to_code.status, 303, "{}", to_code.body);
    let code = browser
        .get(&app.url(to_code.location.as_deref().unwrap()))
        .await;
    assert_eq!(code.status, 200, "{}", code.body);
    cancels_to_the_portal(&app, &browser, &code).await;

    // An account that cannot log in: blocked, not activated, unsubscribed.
    app.pending_citizen("87654321X", "unused").await;
    let browser = Browser::new();
    let (page, _) = browser.reach_password_page(&app, &app.url(LOGIN)).await;
    // A pending citizen has no password: the wrong-password answer, with the way back.
    let seen = browser
        .submit_password(&app, &page, "87654321X", PASSWORD)
        .await;
    cancels_to_the_portal(&app, &browser, &seen).await;
    let browser = Browser::new();
    let (page, _) = browser.reach_password_page(&app, &app.url(LOGIN)).await;
    let mut seen = page;
    for _ in 0..5 {
        seen = browser
            .submit_password(&app, &seen, ID, "Wrong-Password-9")
            .await;
    }
    let blocked = browser.submit_password(&app, &seen, ID, PASSWORD).await;
    assert_eq!(blocked.status, 403, "{}", blocked.body);
    assert!(
        links(&blocked)
            .iter()
            .any(|l| l.starts_with("/password/forgot?login="))
    );
    cancels_to_the_portal(&app, &browser, &blocked).await;
}

async fn error_pages_lead_to_the_start_of_their_flow_and_home(app: TestApp) {
    let browser = Browser::new();
    // No such page: home.
    let missing = browser.get(&app.url("/no-such-page")).await;
    assert_eq!(missing.status, 404);
    assert!(
        links(&missing).contains(&"/".to_owned()),
        "{}",
        missing.body
    );
    // Every page's brand leads home.
    assert!(
        missing.body.contains("<a class=\"brand\" href=\"/\">"),
        "{}",
        missing.body
    );
    // A flow that expired: its first page.
    let expired = browser
        .get(&app.url("/activate/code?flow=nonexistent"))
        .await;
    assert!(expired.status >= 400, "{}", expired.body);
    assert!(
        links(&expired).contains(&"/activate".to_owned()),
        "{}",
        expired.body
    );
    let expired = browser
        .get(&app.url("/password/forgot/password?flow=nonexistent"))
        .await;
    assert!(links(&expired).contains(&"/password/forgot".to_owned()));
    // A form whose CSRF token expired: start again there, never "reload" (which
    // would send the same form again).
    let stale = browser
        .post(
            &app.url("/unsubscribe"),
            &[("csrf_token", "stale"), ("username", ID)],
        )
        .await;
    assert_eq!(stale.status, 403, "{}", stale.body);
    assert!(
        links(&stale).contains(&"/unsubscribe".to_owned()),
        "{}",
        stale.body
    );
    assert!(!stale.body.contains("cargar la página"), "{}", stale.body);
}

async fn back_after_a_finished_flow_says_it_is_done_and_runs_nothing_again(app: TestApp) {
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/password/change",
        &[("username", ID), ("password", PASSWORD)],
    )
    .await;
    let (_, after_code) =
        crate::selfservice::type_code(&browser, &app, &started, &app.last_otp()).await;
    let password_url = after_code.location.clone().unwrap();
    let form = browser.get(&app.url(&password_url)).await;
    let fields = [
        ("csrf_token", form.csrf()),
        ("flow", form.field("flow").unwrap()),
        ("new_password", "Otra-Clave-2027".to_owned()),
        ("new_password_confirm", "Otra-Clave-2027".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = browser
        .post(&app.url("/password/change/password"), &fields)
        .await;
    // Post/Redirect/Get: the answer to the last step is a redirect to the end page.
    assert_eq!(answer.status, 303, "{}", answer.body);
    let done_url = answer.location.unwrap();
    assert!(
        done_url.starts_with("/password/change/done?flow="),
        "{done_url}"
    );
    let done = browser.get(&app.url(&done_url)).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("Su nueva contraseña ya está activa"));
    let changed_at = app
        .state
        .db
        .citizen(ID)
        .await
        .unwrap()
        .unwrap()
        .password_set_at;

    // Back to the password step, and the same form sent again: "already done".
    let back = browser.get(&app.url(&password_url)).await;
    assert_eq!(back.status, 409, "{}", back.body);
    assert!(
        back.body.contains("Esta gestión ya está hecha"),
        "{}",
        back.body
    );
    assert!(back.body.contains("Su nueva contraseña ya está activa"));
    assert!(!back.body.contains("ha caducado"), "{}", back.body);
    // A second change would stamp a later time.
    app.clock.advance(5);
    let again = browser
        .post(&app.url("/password/change/password"), &fields)
        .await;
    assert_eq!(again.status, 409, "{}", again.body);
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(citizen.password_set_at, changed_at, "nothing ran twice");
    // Reloading the end page is harmless.
    assert_eq!(browser.get(&app.url(&done_url)).await.status, 200);

    // A new activation code: shown once; Back says it was made, without it.
    let started = start(
        &browser,
        &app,
        "/activation-code/regenerate",
        &[("username", ID), ("password", "Otra-Clave-2027")],
    )
    .await;
    let code_url = started.location.clone().unwrap();
    let (_, shown) = crate::selfservice::type_code(&browser, &app, &started, &app.last_otp()).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    let back = browser.get(&app.url(&code_url)).await;
    assert_eq!(back.status, 409, "{}", back.body);
    assert!(
        back.body.contains("solo se muestra una vez"),
        "{}",
        back.body
    );
}

async fn a_blocked_code_of_a_citizen_not_yet_activated_leads_to_an_office_never_to_regeneration(
    app: TestApp,
) {
    let code = clave_idp::domain::ActivationCode::generate();
    app.pending_citizen(ID, &code.hash()).await;
    let browser = Browser::new();
    for _ in 0..6 {
        start(
            &browser,
            &app,
            "/activate",
            &[
                ("username", ID),
                ("email", "maria@example.es"),
                ("activation_code", "AAAA-AAAA-AAAA-AAAA"),
            ],
        )
        .await;
    }
    let blocked = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", "maria@example.es"),
            ("activation_code", &code.expose_grouped()),
        ],
    )
    .await;
    assert_eq!(blocked.status, 403, "{}", blocked.body);
    let offered = links(&blocked);
    assert!(
        offered.contains(&"/help#register".to_owned()),
        "{offered:?}"
    );
    assert!(
        !offered.iter().any(|l| l.contains("regenerate")),
        "regeneration needs a password this citizen does not have: {offered:?}"
    );
    assert!(
        blocked.body.contains("oficina de registro"),
        "{}",
        blocked.body
    );
}

/// "Paso N de M" of `page`.
fn step(page: &Seen) -> Option<String> {
    let html = Html::parse_document(&page.body);
    let selector = Selector::parse(".steps").unwrap();
    html.select(&selector)
        .next()
        .map(|p| p.text().collect::<String>().trim().to_owned())
}

async fn the_step_count_follows_the_pages_of_the_login(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    // The low level: the method and the password.
    let browser = Browser::new();
    let method = browser.get(&app.url(LOGIN)).await;
    let method = browser
        .get(&app.url(method.location.as_deref().unwrap()))
        .await;
    assert_eq!(step(&method).as_deref(), Some("Paso 1 de 2"));
    let (page, _) = browser.reach_password_page(&app, &app.url(LOGIN)).await;
    assert_eq!(step(&page).as_deref(), Some("Paso 2 de 2"));
    // The substantial level adds the SMS code: three pages, the code the third.
    let substantial =
        format!("{LOGIN}&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial");
    let browser = Browser::new();
    let (page, _) = browser
        .reach_password_page(&app, &app.url(&substantial))
        .await;
    assert_eq!(step(&page).as_deref(), Some("Paso 2 de 3"));
    let to_code = browser.submit_password(&app, &page, ID, PASSWORD).await;
    let code = browser
        .get(&app.url(to_code.location.as_deref().unwrap()))
        .await;
    assert_eq!(step(&code).as_deref(), Some("Paso 3 de 3"), "{}", code.body);
}

async fn a_portal_is_named_in_the_language_of_the_page_where_it_registered_one(app: TestApp) {
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
    let login = "/authorize?client_id=agencia&redirect_uri=https%3A%2F%2Fagencia.example%2Fcallback&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    let browser = Browser::new();
    let (spanish, _) = browser.reach_password_page(&app, &app.url(login)).await;
    assert!(
        spanish.body.contains("«Portal agencia»"),
        "{}",
        spanish.body
    );
    let browser = Browser::new();
    let (english, _) = browser
        .reach_password_page(&app, &app.url(&format!("{login}&ui_locales=en")))
        .await;
    assert!(
        english.body.contains("“Tax Agency e-office”"),
        "{}",
        english.body
    );
    assert!(!english.body.contains("Portal agencia"), "{}", english.body);
}

async fn a_citizen_sent_from_the_login_to_reset_the_password_continues_to_the_service(
    app: TestApp,
) {
    app.client(ClientSpec::confidential("sede")).await;
    let code = clave_idp::domain::ActivationCode::generate();
    app.active_citizen_with_code(ID, &code.hash()).await;
    let browser = Browser::new();
    let (page, tx) = browser.reach_password_page(&app, &app.url(LOGIN)).await;
    let forgot = format!("/password/forgot?login={tx}");
    assert!(links(&page).contains(&forgot), "{:?}", links(&page));

    let started = start(
        &browser,
        &app,
        &forgot,
        &[
            ("username", ID),
            ("email", "maria@example.es"),
            ("activation_code", &code.expose_grouped()),
            ("login", &tx),
        ],
    )
    .await;
    let (_, after_code) =
        crate::selfservice::type_code(&browser, &app, &started, &app.last_otp()).await;
    let done =
        crate::selfservice::choose_password(&browser, &app, &after_code, "Recuperada-2028").await;
    assert_eq!(done.status, 200, "{}", done.body);
    let onward = format!("/login/permanente?tx={tx}");
    assert!(links(&done).contains(&onward), "{}", done.body);
    assert!(done.body.contains("Continuar a «"), "{}", done.body);

    // On to the portal with the new password, in the same login.
    let password_page = browser.get(&app.url(&onward)).await;
    assert_eq!(password_page.status, 200, "{}", password_page.body);
    let back = browser
        .submit_password(&app, &password_page, ID, "Recuperada-2028")
        .await;
    assert_eq!(back.status, 303, "{}", back.body);
    let location = back.location.unwrap();
    assert!(
        location.starts_with("https://sede.example/callback?code="),
        "{location}"
    );
    assert!(location.contains("state=xyz"), "{location}");

    // Opened on its own (no login), the end page offers no way to a portal.
    let alone = Browser::new();
    let started = start(
        &alone,
        &app,
        "/password/forgot",
        &[
            ("username", ID),
            ("email", "maria@example.es"),
            ("activation_code", &code.expose_grouped()),
        ],
    )
    .await;
    let (_, after_code) =
        crate::selfservice::type_code(&alone, &app, &started, &app.last_otp()).await;
    app.clock.advance(61);
    let done =
        crate::selfservice::choose_password(&alone, &app, &after_code, "Otra-Mas-2029").await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(!done.body.contains("Continuar a «"), "{}", done.body);
}
