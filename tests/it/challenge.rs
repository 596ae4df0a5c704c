//! The challenge past the attempt limits, as a script and a citizen without
//! scripts meet it: the proof-of-work (which a program can solve: it costs, it
//! does not exclude), single use and bound to its form, and the SMS alternative
//! to the question, which answers alike for registered and unknown DNI/NIE.

use clave_idp::abuse::pow::{Challenge, solve};

use crate::harness::{Backends, Browser, ClientSpec, PASSWORD, Seen, TestApp};

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    [
        embedded: super::challenged(crate::harness::Backends::Embedded).await.map(|app| (app, ())),
        real: super::challenged(crate::harness::Backends::Real).await.map(|app| (app, ())),
    ]
    [
        a_solved_proof_of_work_passes_the_gate_once,
        a_proof_of_work_for_another_form_or_past_its_time_is_refused,
        the_sms_alternative_passes_the_gate,
        the_sms_alternative_answers_alike_for_an_unknown_dni_and_sends_nothing,
        the_sms_alternative_is_bounded_by_the_cool_down,
        a_challenge_needs_a_form_tag,
        an_empty_form_reports_its_fields_not_the_question,
    ]
);

const CITIZEN: &str = "12345678Z";
const AUTHORIZE: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid";

/// A provider whose every attempt meets the challenge (soft quota 0).
async fn challenged(backends: Backends) -> Option<TestApp> {
    let app = TestApp::spawn_configured(backends, None, |s| {
        s.rate_ip_soft = 0;
        s.rate_account_soft = 0;
    })
    .await?;
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(CITIZEN).await;
    Some(app)
}

/// The password page of a new login, already showing the challenge (a first
/// password met it; an empty one is no attempt and meets nothing).
async fn challenge_page(app: &TestApp, browser: &Browser, id: &str) -> Seen {
    let (page, _) = browser.reach_password_page(app, &app.url(AUTHORIZE)).await;
    let met = browser
        .submit_password(app, &page, id, "not-the-password")
        .await;
    assert!(met.security_question().is_some(), "{}", met.body);
    met
}

/// The challenge the page's widget would fetch.
async fn fetch_challenge(app: &TestApp, browser: &Browser, page: &Seen) -> Challenge {
    let start = page.body.find("challengeurl=\"").expect("a widget") + "challengeurl=\"".len();
    let url = &page.body[start..start + page.body[start..].find('"').unwrap()];
    let url = url.replace("&#x2F;", "/").replace("&amp;", "&");
    let response = browser.http.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.json().await.unwrap()
}

/// Posts the password form of `page` with `extra` fields.
async fn post_with(app: &TestApp, browser: &Browser, page: &Seen, extra: &[(&str, &str)]) -> Seen {
    let (csrf, tx) = (page.csrf(), page.field("tx").unwrap());
    let mut form = vec![
        ("csrf_token", csrf.as_str()),
        ("tx", tx.as_str()),
        ("username", CITIZEN),
        ("password", PASSWORD),
    ];
    form.extend_from_slice(extra);
    browser.post(&app.url("/login/permanente"), &form).await
}

async fn a_solved_proof_of_work_passes_the_gate_once(app: TestApp) {
    let browser = Browser::new();
    let page = challenge_page(&app, &browser, CITIZEN).await;
    let payload = solve(&fetch_challenge(&app, &browser, &page).await).expect("solvable");
    // It opens the form once: a wrong password checked with it spends it.
    let (csrf, tx) = (page.csrf(), page.field("tx").unwrap());
    let wrong = browser
        .post(
            &app.url("/login/permanente"),
            &[
                ("csrf_token", csrf.as_str()),
                ("tx", tx.as_str()),
                ("username", CITIZEN),
                ("password", "Wrong-Pass-1"),
                ("altcha", payload.as_str()),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong.body.contains("no son correctos"),
        "the password was checked: {}",
        wrong.body
    );
    let replay = post_with(&app, &browser, &wrong, &[("altcha", &payload)]).await;
    assert_eq!(replay.status, 422, "a spent proof-of-work opens nothing");
    assert!(replay.security_question().is_some());
    // A fresh one for the same form logs in.
    let fresh = solve(&fetch_challenge(&app, &browser, &replay).await).unwrap();
    let done = post_with(&app, &browser, &replay, &[("altcha", &fresh)]).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert!(done.location.unwrap().contains("code="), "logged in");
}

async fn a_proof_of_work_for_another_form_or_past_its_time_is_refused(app: TestApp) {
    let browser = Browser::new();
    let first = challenge_page(&app, &browser, CITIZEN).await;
    let second = challenge_page(&app, &browser, CITIZEN).await;
    let for_first = solve(&fetch_challenge(&app, &browser, &first).await).unwrap();
    let crossed = post_with(&app, &browser, &second, &[("altcha", &for_first)]).await;
    assert_eq!(crossed.status, 422, "bound to the first form");
    // A challenge outlives no deadline.
    let third = challenge_page(&app, &browser, CITIZEN).await;
    let late = solve(&fetch_challenge(&app, &browser, &third).await).unwrap();
    app.clock.advance(11 * 60);
    let expired = post_with(&app, &browser, &third, &[("altcha", &late)]).await;
    assert_eq!(expired.status, 422, "past its ten minutes");
    // Forged: a payload that is not ours.
    let forged = post_with(
        &app,
        &browser,
        &third,
        &[("altcha", "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=")],
    )
    .await;
    assert_eq!(forged.status, 422);
}

async fn the_sms_alternative_passes_the_gate(app: TestApp) {
    let browser = Browser::new();
    let page = challenge_page(&app, &browser, CITIZEN).await;
    let before = app.sms_count();
    let sent = post_with(&app, &browser, &page, &[("challenge_sms", "send")]).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(
        sent.body.contains("name=\"challenge_code\""),
        "the field for the code"
    );
    // Sent off the request path: give it a moment.
    for _ in 0..100 {
        if app.sms_count() > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(app.sms_count(), before + 1);
    let code = app.last_otp();
    let done = post_with(&app, &browser, &sent, &[("challenge_code", &code)]).await;
    assert_eq!(done.status, 303, "{}", done.body);
}

async fn the_sms_alternative_answers_alike_for_an_unknown_dni_and_sends_nothing(app: TestApp) {
    const UNKNOWN: &str = "87654321X";
    let mut bodies = Vec::new();
    for id in [CITIZEN, UNKNOWN] {
        let browser = Browser::new();
        let page = challenge_page(&app, &browser, id).await;
        let (csrf, tx) = (page.csrf(), page.field("tx").unwrap());
        let sent = browser
            .post(
                &app.url("/login/permanente"),
                &[
                    ("csrf_token", csrf.as_str()),
                    ("tx", tx.as_str()),
                    ("username", id),
                    ("challenge_sms", "send"),
                ],
            )
            .await;
        assert_eq!(sent.status, 200, "{id}");
        let body = sent
            .body
            .replace(&format!("value=\"{id}\""), "value=\"DNI\"")
            .split('\n')
            .filter(|line| {
                !line.contains("csrf")
                    && !line.contains("tx")
                    && !line.contains("login=")
                    && !line.contains("captcha")
                    && !line.contains("challengeurl")
            })
            .collect::<Vec<_>>()
            .join("\n");
        bodies.push(body);
    }
    assert_eq!(bodies[0], bodies[1], "the same page for both");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let to_unknown = clave_idp::sms::outbox::read_outbox(&app.outbox)
        .into_iter()
        .filter(|sms| sms.purpose == "challenge")
        .count();
    assert_eq!(
        to_unknown, 1,
        "only the registered citizen's mobile got one"
    );
}

async fn the_sms_alternative_is_bounded_by_the_cool_down(app: TestApp) {
    let browser = Browser::new();
    let mut page = challenge_page(&app, &browser, CITIZEN).await;
    for _ in 0..5 {
        page = post_with(&app, &browser, &page, &[("challenge_sms", "send")]).await;
        assert_eq!(page.status, 200);
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let sent = clave_idp::sms::outbox::read_outbox(&app.outbox)
        .into_iter()
        .filter(|sms| sms.purpose == "challenge")
        .count();
    assert_eq!(sent, 1, "one code per cool-down, however often asked");
}

async fn a_challenge_needs_a_form_tag(app: TestApp) {
    let http = reqwest::Client::new();
    for query in [
        "",
        "?form=",
        "?form=zz",
        &format!("?form={}", "a".repeat(200)),
    ] {
        let response = http
            .get(app.url(&format!("/challenge{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{query}");
    }
}

/// Every attempt here meets the question (as from an address that has failed a
/// lot), but a form with an empty field is no attempt: nothing can be checked.
/// It gets all its field errors in one answer and no question, so the citizen
/// sees every mistake; the question comes with the first complete form.
async fn an_empty_form_reports_its_fields_not_the_question(app: TestApp) {
    let summary = |page: &Seen| -> Vec<String> {
        let html = scraper::Html::parse_document(&page.body);
        let links = scraper::Selector::parse(".error-summary a").unwrap();
        html.select(&links)
            .filter_map(|a| {
                a.value()
                    .attr("href")
                    .map(|h| h.trim_start_matches('#').to_owned())
            })
            .collect()
    };
    for path in ["/activate", "/password/forgot"] {
        let seen = crate::selfservice::start(&Browser::new(), &app, path, &[]).await;
        assert_eq!(seen.status, 422, "{path}: {}", seen.body);
        assert_eq!(
            summary(&seen),
            ["username", "email", "activation_code"],
            "{path}"
        );
        assert!(seen.security_question().is_none(), "{path}: {}", seen.body);
    }
    for path in ["/password/change", "/unsubscribe"] {
        let seen =
            crate::selfservice::start(&Browser::new(), &app, path, &[("username", CITIZEN)]).await;
        assert_eq!(summary(&seen), ["password"], "{path}");
        assert!(seen.security_question().is_none(), "{path}");
        // With the password, the form meets the question.
        let seen = crate::selfservice::start(
            &Browser::new(),
            &app,
            path,
            &[("username", CITIZEN), ("password", PASSWORD)],
        )
        .await;
        assert!(seen.security_question().is_some(), "{path}: {}", seen.body);
    }
    let browser = Browser::new();
    let (page, _) = browser.reach_password_page(&app, &app.url(AUTHORIZE)).await;
    let seen = browser.submit_password(&app, &page, CITIZEN, "").await;
    assert_eq!(summary(&seen), ["password"]);
    assert!(seen.security_question().is_none(), "{}", seen.body);
    let seen = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    assert!(seen.security_question().is_some(), "{}", seen.body);
    assert_eq!(app.sms_count(), 0, "nothing was checked, nothing sent");
}
