//! Attempt limits on the default settings, as a national service meets them:
//! only failures count, a citizen's own logins never add up, thousands share one
//! address, and nobody can aim a refusal at a citizen by typing their DNI/NIE.

use clave_idp::settings::Settings;

use clave_idp::domain::{ActivationCode, AuditKind};
use clave_idp::store::sql::AuditEvent;

use crate::harness::{Backends, Browser, ClientSpec, PASSWORD, Seen, TestApp, solve_question};

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    [
        embedded: super::on_defaults(crate::harness::Backends::Embedded).await.map(|app| (app, ())),
        real: super::on_defaults(crate::harness::Backends::Real).await.map(|app| (app, ())),
    ]
    [
        forty_logins_of_one_citizen_in_a_row_all_succeed,
        sixty_citizens_behind_one_address_log_in_without_a_question,
        empty_password_posts_on_a_dni_never_refuse_or_challenge_the_citizen,
        a_script_with_fresh_browsers_and_addresses_cannot_lock_out_the_citizens_own_browser,
        five_wrong_passwords_in_the_citizens_own_browser_block_it_there_only,
        a_block_sends_one_sms_notice_a_day,
        made_up_activation_codes_without_the_email_do_not_block_the_code,
        wrong_codes_with_the_email_block_the_code_for_unknown_browsers_only,
        known_and_unknown_dni_answer_a_wrong_password_alike,
        wrong_client_secrets_from_one_address_are_refused_while_the_portal_is_served,
        seven_thousand_refreshes_by_one_portal_are_all_served,
    ]
);

const CITIZEN: &str = "12345678Z";
const AUTHORIZE: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid";

/// The provider with the attempt limits it ships with (the harness loosens them).
async fn on_defaults(backends: Backends) -> Option<TestApp> {
    let app = TestApp::spawn_configured(backends, None, |s| {
        let shipped = Settings::default();
        s.rate_ip_soft = shipped.rate_ip_soft;
        s.rate_ip_hard = shipped.rate_ip_hard;
        s.rate_account_soft = shipped.rate_account_soft;
        s.rate_window_secs = shipped.rate_window_secs;
        // The attacker's many addresses arrive through the provider's proxy.
        s.trusted_proxies = "127.0.0.1".to_owned();
    })
    .await?;
    app.client(ClientSpec::confidential("sede")).await;
    Some(app)
}

/// The DNI with number `n` and its check letter.
fn dni(n: u32) -> String {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    format!("{n:08}{}", LETTERS[(n % 23) as usize] as char)
}

async fn forty_logins_of_one_citizen_in_a_row_all_succeed(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    for n in 0..40 {
        // A fresh browser each time, as the certification suite's test runs are.
        let done = Browser::new()
            .log_in(&app, &app.url(AUTHORIZE), CITIZEN)
            .await;
        assert!(done.location_param("code").is_some(), "login {n}");
    }
}

async fn sixty_citizens_behind_one_address_log_in_without_a_question(app: TestApp) {
    for n in 0..60 {
        let id = dni(10_000_000 + n);
        app.active_citizen(&id).await;
        let browser = Browser::new();
        let (page, _) = browser.reach_password_page(&app, &app.url(AUTHORIZE)).await;
        assert!(page.security_question().is_none(), "citizen {n}");
        // One typo among them changes nothing for the others.
        if n == 30 {
            let typo = browser
                .submit_password(&app, &page, &id, "Clave-Segura-2025")
                .await;
            assert_eq!(typo.status, 422);
        }
        let done = browser.log_in(&app, &app.url(AUTHORIZE), &id).await;
        assert!(done.location_param("code").is_some(), "citizen {n}");
    }
}

async fn empty_password_posts_on_a_dni_never_refuse_or_challenge_the_citizen(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let script = Browser::new();
    let (page, _) = script.reach_password_page(&app, &app.url(AUTHORIZE)).await;
    for _ in 0..31 {
        let answer = script.submit_password(&app, &page, CITIZEN, "").await;
        assert_eq!(answer.status, 422, "{}", answer.body);
    }
    let citizen = Browser::new();
    let (page, _) = citizen.reach_password_page(&app, &app.url(AUTHORIZE)).await;
    assert!(page.security_question().is_none());
    let done = citizen.log_in(&app, &app.url(AUTHORIZE), CITIZEN).await;
    assert!(done.location_param("code").is_some());
}

const LOGIN_AGAIN: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid&prompt=login";

/// An active citizen whose activation code is known (for the forgotten password).
async fn citizen_with_code(app: &TestApp) -> String {
    let code = ActivationCode::generate();
    app.pending_citizen(CITIZEN, &code.hash()).await;
    let hash = app.state.hasher.hash(PASSWORD).await.unwrap();
    let now = app.clock_now();
    let audit = AuditEvent::new(now, AuditKind::CitizenActivated, "test").citizen(CITIZEN);
    assert!(
        app.state
            .db
            .set_password(CITIZEN, &hash, now, false, &audit)
            .await
            .unwrap()
    );
    code.expose_grouped()
}

/// One wrong password from `browser`, answering the security question if asked.
async fn wrong_password(app: &TestApp, browser: &Browser) -> Seen {
    answering(app, browser, AUTHORIZE, "Wrong-Pass-1").await
}

/// `password` from `browser` at `authorize`, answering the question if asked.
async fn answering(app: &TestApp, browser: &Browser, authorize: &str, password: &str) -> Seen {
    let (page, _) = browser.reach_password_page(app, &app.url(authorize)).await;
    let first = browser.submit_password(app, &page, CITIZEN, password).await;
    let Some(text) = first.security_question() else {
        return first;
    };
    let form = [
        ("csrf_token", first.csrf()),
        ("tx", first.field("tx").unwrap()),
        ("username", CITIZEN.to_owned()),
        ("password", password.to_owned()),
        ("captcha_id", first.field("captcha_id").unwrap()),
        ("captcha_answer", solve_question(&text).to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(&app.url("/login/permanente"), &form).await
}

/// The password page reached at `authorize`, and what the right password gets.
async fn right_password(app: &TestApp, browser: &Browser, authorize: &str) -> (Seen, Seen) {
    let (page, _) = browser.reach_password_page(app, &app.url(authorize)).await;
    let answer = browser.submit_password(app, &page, CITIZEN, PASSWORD).await;
    (page, answer)
}

/// The forgotten-password flow, in `browser`: activation code, SMS code, new password.
async fn forgotten_password(app: &TestApp, browser: &Browser, code: &str, new_password: &str) {
    let page = browser.get(&app.url("/password/forgot")).await;
    let form = [
        ("csrf_token", page.csrf()),
        ("username", CITIZEN.to_owned()),
        ("email", "maria@example.es".to_owned()),
        ("activation_code", code.to_owned()),
    ];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut started = browser.post(&app.url("/password/forgot"), &fields).await;
    // An unknown browser meets the question while the account is under pressure.
    if let Some(text) = started.security_question() {
        let answer = solve_question(&text).to_string();
        let id = started.field("captcha_id").unwrap();
        let csrf = started.csrf();
        let mut fields: Vec<(&str, &str)> = vec![("csrf_token", csrf.as_str())];
        fields.extend(form[1..].iter().map(|(k, v)| (*k, v.as_str())));
        fields.push(("captcha_id", &id));
        fields.push(("captcha_answer", &answer));
        started = browser.post(&app.url("/password/forgot"), &fields).await;
    }
    assert_eq!(started.status, 303, "{}", started.body);
    let code_page = browser
        .get(&app.url(started.location.as_deref().unwrap()))
        .await;
    let typed = browser
        .post(
            &app.url("/password/forgot/code"),
            &[
                ("csrf_token", code_page.csrf().as_str()),
                ("flow", code_page.field("flow").unwrap().as_str()),
                ("otp", app.last_otp().as_str()),
            ],
        )
        .await;
    assert_eq!(typed.status, 303, "{}", typed.body);
    let form = browser
        .get(&app.url(typed.location.as_deref().unwrap()))
        .await;
    let done = browser
        .post(
            &app.url("/password/forgot/password"),
            &[
                ("csrf_token", form.csrf().as_str()),
                ("flow", form.field("flow").unwrap().as_str()),
                ("new_password", new_password),
                ("new_password_confirm", new_password),
            ],
        )
        .await;
    let done = crate::selfservice::follow_to_done(browser, app, done).await;
    assert_eq!(done.status, 200, "{}", done.body);
}

async fn a_script_with_fresh_browsers_and_addresses_cannot_lock_out_the_citizens_own_browser(
    app: TestApp,
) {
    let code = citizen_with_code(&app).await;
    // The citizen logged in minutes ago with their own browser.
    let own = Browser::new();
    let (_, first) = right_password(&app, &own, AUTHORIZE).await;
    assert_eq!(first.status, 303, "{}", first.body);

    // A script that knows the DNI/NIE: 12 wrong passwords, each from a fresh
    // browser and address, answering every question a program can answer.
    for n in 0..12 {
        let script = Browser::behind_proxy(&format!("203.0.113.{}", n + 1));
        let answer = wrong_password(&app, &script).await;
        assert_eq!(answer.status, 422, "attempt {n}: {}", answer.body);
    }
    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(
        citizen.password_blocked,
        "the unknown browsers' lane is blocked"
    );

    // The citizen's own browser logs in at once, without a question.
    let (page, again) = right_password(&app, &own, LOGIN_AGAIN).await;
    assert!(page.security_question().is_none());
    assert_eq!(again.status, 303, "{}", again.body);
    assert!(again.location_param("code").is_some());

    // A new browser is refused, even with the right password (and the answer)…
    let stranger = Browser::behind_proxy("198.51.100.7");
    let refused = answering(&app, &stranger, AUTHORIZE, PASSWORD).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    // …until the forgotten-password flow, which unblocks every lane.
    forgotten_password(&app, &stranger, &code, "Otra-Clave-Segura-27").await;
    let fresh = Browser::behind_proxy("198.51.100.8");
    let back = answering(&app, &fresh, AUTHORIZE, "Otra-Clave-Segura-27").await;
    assert_eq!(back.status, 303, "{}", back.body);
}

async fn five_wrong_passwords_in_the_citizens_own_browser_block_it_there_only(app: TestApp) {
    citizen_with_code(&app).await;
    let own = Browser::new();
    let (_, first) = right_password(&app, &own, AUTHORIZE).await;
    assert_eq!(first.status, 303, "{}", first.body);

    for n in 0..5 {
        let (page, _) = own.reach_password_page(&app, &app.url(LOGIN_AGAIN)).await;
        assert!(page.security_question().is_none(), "attempt {n}");
        let answer = own
            .submit_password(&app, &page, CITIZEN, "Wrong-Pass-1")
            .await;
        assert_eq!(answer.status, 422, "attempt {n}: {}", answer.body);
        assert!(
            answer.security_question().is_none(),
            "never a question here"
        );
    }
    let (_, blocked) = right_password(&app, &own, LOGIN_AGAIN).await;
    assert_eq!(
        blocked.status, 403,
        "blocked in this browser: {}",
        blocked.body
    );

    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(!citizen.password_blocked, "the other lane is untouched");
    let elsewhere = Browser::new();
    let (_, other) = right_password(&app, &elsewhere, AUTHORIZE).await;
    assert_eq!(
        other.status, 303,
        "another browser still logs in: {}",
        other.body
    );
}

/// When failures block the password, the citizen hears of it once a day at most.
async fn a_block_sends_one_sms_notice_a_day(app: TestApp) {
    citizen_with_code(&app).await;
    let own = Browser::new();
    let (_, first) = right_password(&app, &own, AUTHORIZE).await;
    assert_eq!(first.status, 303, "{}", first.body);
    let notices = || {
        clave_idp::sms::outbox::read_outbox(&app.outbox)
            .into_iter()
            .filter(|sms| sms.purpose == "password_blocked")
            .collect::<Vec<_>>()
    };
    for n in 0..5 {
        let script = Browser::behind_proxy(&format!("203.0.113.{}", n + 1));
        wrong_password(&app, &script).await;
    }
    // Sent off the request path: give it a moment.
    for _ in 0..50 {
        if !notices().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let sent = notices();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].body.contains("5"), "{}", sent[0].body);
    assert!(!sent[0].body.contains("http"), "no link in the notice");

    // Five more in the citizen's own browser block that lane too: no second SMS today.
    for _ in 0..5 {
        let (page, _) = own.reach_password_page(&app, &app.url(LOGIN_AGAIN)).await;
        own.submit_password(&app, &page, CITIZEN, "Wrong-Pass-1")
            .await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(notices().len(), 1, "at most one notice a day");
}

/// A script that knows only the DNI/NIE cannot block the activation code, the
/// citizen's way back: a made-up code counts only with the registered email.
async fn made_up_activation_codes_without_the_email_do_not_block_the_code(app: TestApp) {
    let code = citizen_with_code(&app).await;
    for n in 0..7 {
        let script = Browser::behind_proxy(&format!("203.0.113.{}", n + 1));
        let page = script.get(&app.url("/password/forgot")).await;
        let tried = script
            .post(
                &app.url("/password/forgot"),
                &[
                    ("csrf_token", page.csrf().as_str()),
                    ("username", CITIZEN),
                    ("email", "someone@example.es"),
                    ("activation_code", "AAAA-AAAA-AAAA-AAAA"),
                ],
            )
            .await;
        assert_eq!(tried.status, 422, "attempt {n}: {}", tried.body);
    }
    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert_eq!(citizen.activation_code_failures, 0);
    assert!(!citizen.activation_code_blocked);
    forgotten_password(&app, &Browser::new(), &code, "Otra-Clave-Segura-27").await;
}

/// One `/password/forgot` post of `code` with the registered email from
/// `browser`, answering the security question if asked.
async fn forgot_with(app: &TestApp, browser: &Browser, code: &str) -> Seen {
    let page = browser.get(&app.url("/password/forgot")).await;
    let mut form = vec![
        ("csrf_token", page.csrf()),
        ("username", CITIZEN.to_owned()),
        ("email", "maria@example.es".to_owned()),
        ("activation_code", code.to_owned()),
    ];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let first = browser.post(&app.url("/password/forgot"), &fields).await;
    let Some(text) = first.security_question() else {
        return first;
    };
    form[0].1 = first.csrf();
    form.push(("captcha_id", first.field("captcha_id").unwrap()));
    form.push(("captcha_answer", solve_question(&text).to_string()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(&app.url("/password/forgot"), &fields).await
}

async fn wrong_codes_with_the_email_block_the_code_for_unknown_browsers_only(app: TestApp) {
    let code = citizen_with_code(&app).await;
    // The citizen's own browser: trusted since it logged in.
    let own = Browser::new();
    own.log_in(&app, &app.url(AUTHORIZE), CITIZEN).await;
    // A script that knows the DNI/NIE and the email, a fresh browser and address
    // for each wrong code, answering every question.
    for n in 0..6 {
        let script = Browser::behind_proxy(&format!("203.0.113.{}", n + 1));
        let tried = forgot_with(&app, &script, "AAAA-AAAA-AAAA-AAAA").await;
        assert!(
            matches!(tried.status, 422 | 403),
            "attempt {n}: {}",
            tried.body
        );
    }
    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(
        citizen.activation_code_blocked,
        "blocked in the unknown browsers' lane"
    );
    // A new browser, even with the right code, is told the code is blocked.
    let stranger = forgot_with(&app, &Browser::behind_proxy("198.51.100.77"), &code).await;
    assert_eq!(stranger.status, 403, "{}", stranger.body);
    // The citizen hears once (sent off the request path: give it a moment).
    let notices = || {
        clave_idp::sms::outbox::read_outbox(&app.outbox)
            .into_iter()
            .filter(|sms| sms.purpose == "activation_code_blocked")
            .count()
    };
    for _ in 0..50 {
        if notices() > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(notices(), 1);
    // The citizen's own browser still resets the password with the code.
    forgotten_password(&app, &own, &code, "Otra-Clave-Segura-27").await;
}

/// A wrong password on a registered DNI/NIE and on an unknown one answer with
/// the same status and body and in the same time: the medians of 50 samples
/// each differ by less than 1 ms. The answer waits for a 150 ms floor; without
/// it a known account's failure (a database write and an audit line) made its
/// median 1.4–2.1 ms slower here, with it the medians were 0.01–0.5 ms apart.
async fn known_and_unknown_dni_answer_a_wrong_password_alike(app: TestApp) {
    let mut times = [Vec::new(), Vec::new()];
    let mut bodies = [String::new(), String::new()];
    for n in 0..100 {
        // A different account each time, so no account's quota is in play either.
        let (who, id) = if n % 2 == 0 {
            let id = dni(20_000_000 + n);
            app.active_citizen(&id).await;
            (0, id)
        } else {
            (1, dni(30_000_000 + n))
        };
        let id = id.as_str();
        // Fresh browsers and addresses, so no quota or question is in play.
        let browser = Browser::behind_proxy(&format!("198.18.{}.{}", n / 200, n % 200 + 1));
        let (page, _) = browser.reach_password_page(&app, &app.url(AUTHORIZE)).await;
        let started = std::time::Instant::now();
        let answer = browser
            .submit_password(&app, &page, id, "Wrong-Pass-1")
            .await;
        times[who].push(started.elapsed());
        assert_eq!(answer.status, 422, "{}", answer.body);
        assert!(answer.security_question().is_none());
        // The body differs only in the echoed DNI/NIE and the per-request tokens
        // (the CSRF token, the login id in the form and in the links that carry it).
        let body = answer
            .body
            .replace(id, "DNI")
            .split('\n')
            .filter(|line| {
                !line.contains("csrf") && !line.contains("tx") && !line.contains("login=")
            })
            .collect::<Vec<_>>()
            .join("\n");
        bodies[who] = body;
    }
    assert_eq!(bodies[0], bodies[1], "the same page for both");
    // Each known sample is paired with the unknown one taken right after it, so a
    // change in the machine's load moves both alike; the median of the paired
    // differences must be under 1 ms (the leak this guards against was 1.2 ms,
    // 18.8 against 17.6 ms, before the answer floor).
    let mut gaps: Vec<f64> = times[0]
        .iter()
        .zip(&times[1])
        .map(|(known, unknown)| known.as_secs_f64() * 1e3 - unknown.as_secs_f64() * 1e3)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let gap = gaps[gaps.len() / 2];
    assert!(
        gap.abs() < 1.0,
        "median paired gap {gap:.3} ms (known − unknown), over {} pairs",
        gaps.len()
    );
}

const SECRET: &str = "sede-secret_XYZ";

/// A token-endpoint request of the portal `sede`, from `address` (through the
/// provider's trusted proxy).
async fn token_post(
    http: &reqwest::Client,
    app: &TestApp,
    address: &str,
    secret: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    http.post(app.url("/token"))
        .header("x-forwarded-for", address)
        .basic_auth("sede", Some(secret))
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn wrong_client_secrets_from_one_address_are_refused_while_the_portal_is_served(
    app: TestApp,
) {
    let http = reqwest::Client::new();
    let quota = Settings::default().rate_client_failures;
    let exchange = [
        ("grant_type", "authorization_code"),
        ("code", "not-a-code"),
        ("redirect_uri", "https://sede.example/callback"),
    ];
    let mut statuses = Vec::new();
    let mut waits = Vec::new();
    for n in 0..quota + 5 {
        let guess = format!("guess-{n}");
        let response = token_post(&http, &app, "203.0.113.66", &guess, &exchange).await;
        statuses.push(response.status().as_u16());
        if let Some(wait) = response.headers().get("retry-after") {
            waits.push(wait.to_str().unwrap().parse::<u64>().unwrap());
        }
    }
    let expected: Vec<u16> = (0..quota + 5)
        .map(|n| if n < quota { 401 } else { 429 })
        .collect();
    assert_eq!(statuses, expected);
    let window = Settings::default().rate_window_secs;
    assert!(
        waits.iter().all(|w| (window - 30..=window).contains(w)),
        "the true wait of the window, not a fixed one: {waits:?}"
    );
    // Refused before the secret is compared: the right one is refused there too.
    let right = token_post(&http, &app, "203.0.113.66", SECRET, &exchange).await;
    assert_eq!(right.status(), 429);
    // The portal, from its own address, is served: its code is only wrong.
    let portal = token_post(&http, &app, "198.51.100.10", SECRET, &exchange).await;
    assert_eq!(
        portal.status(),
        400,
        "the portal authenticates; the code is bad"
    );
    let body: serde_json::Value = portal.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");
    // Made-up client ids share one count per address, and do not touch the portal's.
    for n in 0..quota + 1 {
        let status = http
            .post(app.url("/token"))
            .header("x-forwarded-for", "203.0.113.77")
            .basic_auth(format!("nobody-{n}"), Some("x"))
            .form(&exchange)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert_eq!(status, if n < quota { 401 } else { 429 }, "made-up id {n}");
    }
    let portal = token_post(&http, &app, "203.0.113.77", SECRET, &exchange).await;
    assert_eq!(portal.status(), 400);
}

/// A refresh token for `sede` from a real login.
async fn refresh_token(app: &TestApp, id: &str) -> String {
    let authorize = format!("{AUTHORIZE}%20offline_access");
    let done = Browser::new().log_in(app, &app.url(&authorize), id).await;
    let code = done.location_param("code").expect("a code");
    let http = reqwest::Client::new();
    let response = token_post(
        &http,
        app,
        "198.51.100.10",
        SECRET,
        &[
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", "https://sede.example/callback"),
        ],
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    body["refresh_token"]
        .as_str()
        .expect("a refresh token")
        .to_owned()
}

async fn seven_thousand_refreshes_by_one_portal_are_all_served(app: TestApp) {
    const CHAINS: usize = 8;
    const EACH: usize = 875;
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for chain in 0..CHAINS {
        let id = dni(20_000_000 + chain as u32);
        app.active_citizen(&id).await;
        let mut token = refresh_token(&app, &id).await;
        let app = std::sync::Arc::clone(&app);
        tasks.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut served = 0;
            for _ in 0..EACH {
                let response = token_post(
                    &http,
                    &app,
                    "198.51.100.10",
                    SECRET,
                    &[("grant_type", "refresh_token"), ("refresh_token", &token)],
                )
                .await;
                let status = response.status().as_u16();
                if status != 200 {
                    let body = response.text().await.unwrap();
                    panic!("refresh {served} of chain {chain}: {status} {body}");
                }
                let body: serde_json::Value = response.json().await.unwrap();
                token = body["refresh_token"].as_str().unwrap().to_owned();
                served += 1;
            }
            served
        }));
    }
    let mut served = 0;
    for task in tasks {
        served += task.await.unwrap();
    }
    assert_eq!(served, CHAINS * EACH);
}
