//! The citizen's self-service flows through HTTP, reading the SMS codes from the
//! outbox, on both backends.

use clave_idp::domain::AuditKind;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use clave_idp::domain::{ActivationCode, CitizenStatus};
use clave_idp::sms::{SmsError, SmsMessage, SmsSender};
use clave_idp::store::sql::{AuditEvent, NewCitizen, RegisterOutcome};

use crate::harness::{Backends, Browser, ClientSpec, PASSWORD, Seen, TestApp};

const ID: &str = "12345678Z";
const EMAIL: &str = "maria@example.es";
const NEW_PASSWORD: &str = "Otra-Clave-2027";

both_backends!(
    activation_works_end_to_end_and_the_citizen_can_log_in,
    more_than_five_wrong_codes_block_the_code_even_for_the_right_one,
    wrong_email_and_wrong_code_get_the_same_answer,
    each_password_rule_is_refused_with_its_message_and_nothing_changes,
    a_long_lower_case_password_is_accepted,
    a_blocked_password_is_recovered_through_forgotten_password,
    a_password_change_needs_the_sms_code_before_it_takes_effect,
    unsubscribing_ends_logins_and_a_new_registration_reopens_the_account,
    the_sms_code_expires_dies_after_three_wrong_tries_and_cannot_be_replayed,
    a_regenerated_code_is_shown_once_and_replaces_the_old_one,
);

async fn pending(app: &TestApp) -> String {
    let code = ActivationCode::generate();
    app.pending_citizen(ID, &code.hash()).await;
    code.expose_grouped()
}

/// Fills the first page of a flow and submits it.
pub(crate) async fn start(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
) -> Seen {
    let page = browser.get(&app.url(path)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = page.csrf();
    let mut form = vec![("csrf_token", csrf.as_str())];
    form.extend_from_slice(fields);
    browser.post(&app.url(path), &form).await
}

/// From the redirect to the code page: types the last SMS code; returns the answer.
pub(crate) async fn type_code(
    browser: &Browser,
    app: &TestApp,
    to_code_page: &Seen,
    code: &str,
) -> (Seen, Seen) {
    assert_eq!(to_code_page.status, 303, "{}", to_code_page.body);
    let page = browser
        .get(&app.url(to_code_page.location.as_deref().unwrap()))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("autocomplete=\"one-time-code\""));
    let flow = page.field("flow").unwrap();
    let path = to_code_page
        .location
        .as_deref()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let answer = browser
        .post(
            &app.url(&path),
            &[("csrf_token", &page.csrf()), ("flow", &flow), ("otp", code)],
        )
        .await;
    (page, answer)
}

/// From the redirect to the password page: submits `password` twice.
pub(crate) async fn choose_password(
    browser: &Browser,
    app: &TestApp,
    to_password: &Seen,
    password: &str,
) -> Seen {
    assert_eq!(to_password.status, 303, "{}", to_password.body);
    let location = to_password.location.as_deref().unwrap();
    let page = browser.get(&app.url(location)).await;
    let path = location.split('?').next().unwrap();
    let answer = submit_password(browser, app, path, &page, password).await;
    follow_to_done(browser, app, answer).await
}

/// The answer to the step that finishes a flow is a redirect to its end page
/// (Post/Redirect/Get): follows it; any other answer is returned as it is.
pub(crate) async fn follow_to_done(browser: &Browser, app: &TestApp, answer: Seen) -> Seen {
    match answer.location.as_deref() {
        Some(location) if answer.status == 303 && location.contains("/done?flow=") => {
            browser.get(&app.url(location)).await
        }
        _ => answer,
    }
}

/// Submits `password` twice on the password form `page`, which posts to `path`.
async fn submit_password(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    page: &Seen,
    password: &str,
) -> Seen {
    browser
        .post(
            &app.url(path),
            &[
                ("csrf_token", &page.csrf()),
                ("flow", &page.field("flow").unwrap()),
                ("new_password", password),
                ("new_password_confirm", password),
            ],
        )
        .await
}

async fn activate(app: &TestApp, code: &str, password: &str) -> Seen {
    let browser = Browser::new();
    let started = start(
        &browser,
        app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", code),
        ],
    )
    .await;
    let (_, after_code) = type_code(&browser, app, &started, &app.last_otp()).await;
    choose_password(&browser, app, &after_code, password).await
}

async fn can_log_in(app: &TestApp, password: &str) -> bool {
    let browser = Browser::new();
    let url = app.url("/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid");
    let (page, _) = browser.reach_password_page(app, &url).await;
    let seen = browser.submit_password(app, &page, ID, password).await;
    seen.status == 303
        && seen
            .location
            .as_deref()
            .is_some_and(|l| l.contains("code="))
}

async fn activation_works_end_to_end_and_the_citizen_can_log_in(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    let code = pending(&app).await;

    let done = activate(&app, &code.to_lowercase().replace('-', " "), NEW_PASSWORD).await;

    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        done.body.contains("Tu Seguridad Social"),
        "the page says which services it opens"
    );
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(citizen.status, CitizenStatus::Active);
    assert!(
        citizen.activation_code_hash.is_some(),
        "the code is kept for password recovery"
    );
    assert!(can_log_in(&app, NEW_PASSWORD).await);
    let events: Vec<String> = app
        .state
        .db
        .audit_events_for(ID)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert!(
        events.contains(&"citizen_activated".to_owned()),
        "{events:?}"
    );
}

async fn more_than_five_wrong_codes_block_the_code_even_for_the_right_one(app: TestApp) {
    let code = pending(&app).await;
    let browser = Browser::new();
    for attempt in 1..=6 {
        let seen = start(
            &browser,
            &app,
            "/activate",
            &[
                ("username", ID),
                ("email", EMAIL),
                ("activation_code", "AAAA-AAAA-AAAA-AAAA"),
            ],
        )
        .await;
        assert!(
            seen.status == 422 || (attempt == 6 && seen.status == 403),
            "attempt {attempt}: {}",
            seen.status
        );
    }
    let right = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;

    assert_eq!(
        right.status, 403,
        "a blocked code is refused even when right"
    );
    assert!(right.body.contains("registro") || right.body.contains("regenerar"));
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert!(citizen.activation_code_blocked);
    assert_eq!(citizen.status, CitizenStatus::Pending);
    let forgot = start(
        &browser,
        &app,
        "/password/forgot",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    assert_eq!(
        forgot.status, 403,
        "a blocked code cannot reset a password either"
    );
}

async fn wrong_email_and_wrong_code_get_the_same_answer(app: TestApp) {
    let code = pending(&app).await;
    let browser = Browser::new();
    let wrong_email = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", "otra@example.es"),
            ("activation_code", &code),
        ],
    )
    .await;
    let wrong_code = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", "AAAA-AAAA-AAAA-AAAA"),
        ],
    )
    .await;
    let unknown = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", "00000000T"),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    assert_eq!(
        (wrong_email.status, wrong_code.status, unknown.status),
        (422, 422, 422)
    );
    let without_tokens = |s: &Seen| {
        s.body
            .replace(&s.csrf(), "")
            .replace("otra@example.es", EMAIL)
            .replace("00000000T", ID)
    };
    assert_eq!(without_tokens(&wrong_email), without_tokens(&wrong_code));
    assert_eq!(without_tokens(&unknown), without_tokens(&wrong_code));
}

async fn each_password_rule_is_refused_with_its_message_and_nothing_changes(app: TestApp) {
    let code = pending(&app).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    let (_, after_code) = type_code(&browser, &app, &started, &app.last_otp()).await;
    let location = after_code.location.clone().unwrap();
    let page = browser.get(&app.url(&location)).await;
    let flow = page.field("flow").unwrap();
    let cases = [
        ("Ab1-", "al menos 8"),
        ("abcdefgh1", "tres"),
        ("Maria-2027x", "nombre"),
        ("X-12345678-y", "DNI"),
        ("Password1!", "común"),
    ];
    for (password, expected) in cases {
        let seen = submit_password(&browser, &app, "/activate/password", &page, password).await;
        assert_eq!(seen.status, 422, "{password}");
        assert!(
            seen.body.contains(expected),
            "{password} should be refused with a message containing {expected:?}:\n{}",
            seen.body
        );
    }
    let mismatch = browser
        .post(
            &app.url("/activate/password"),
            &[
                ("csrf_token", &page.csrf()),
                ("flow", &flow),
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", "Otra-Clave-2028"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(citizen.status, CitizenStatus::Pending);
    assert!(citizen.password_hash.is_none());
}

async fn a_long_lower_case_password_is_accepted(app: TestApp) {
    let code = pending(&app).await;
    let done = activate(&app, &code, "correct horse battery staple").await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(
        app.state.db.citizen(ID).await.unwrap().unwrap().status,
        CitizenStatus::Active
    );
}

async fn a_blocked_password_is_recovered_through_forgotten_password(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    let code = pending(&app).await;
    activate(&app, &code, NEW_PASSWORD).await;
    for _ in 0..5 {
        assert!(!can_log_in(&app, "Wrong-Password-9").await);
    }
    assert!(!can_log_in(&app, NEW_PASSWORD).await, "blocked");

    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/password/forgot",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    let (_, after_code) = type_code(&browser, &app, &started, &app.last_otp()).await;
    let done = choose_password(&browser, &app, &after_code, "Recuperada-2028").await;

    assert_eq!(done.status, 200, "{}", done.body);
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert!(!citizen.password_blocked);
    assert_eq!(citizen.password_set_at, Some(app.clock_now()));
    assert!(can_log_in(&app, "Recuperada-2028").await);
}

async fn a_password_change_needs_the_sms_code_before_it_takes_effect(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/password/change",
        &[("username", ID), ("password", PASSWORD)],
    )
    .await;
    let (_, wrong) = type_code(&browser, &app, &started, "000000").await;
    assert_eq!(wrong.status, 422);
    assert!(
        browser
            .get(
                &app.url(
                    &started
                        .location
                        .clone()
                        .unwrap()
                        .replace("/code", "/password")
                )
            )
            .await
            .status
            >= 400,
        "no password page before the code"
    );
    assert!(can_log_in(&app, PASSWORD).await, "nothing changed yet");

    let (_, after_code) = type_code(&browser, &app, &started, &app.last_otp()).await;
    let same = choose_password(&browser, &app, &after_code, PASSWORD).await;
    assert_eq!(same.status, 422, "the new password must differ");
    let done = choose_password(&browser, &app, &after_code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(can_log_in(&app, NEW_PASSWORD).await);
    assert!(!can_log_in(&app, PASSWORD).await);
}

async fn unsubscribing_ends_logins_and_a_new_registration_reopens_the_account(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/unsubscribe",
        &[("username", ID), ("password", PASSWORD)],
    )
    .await;
    let (_, after_code) = type_code(&browser, &app, &started, &app.last_otp()).await;
    assert_eq!(after_code.status, 303);
    let confirm = browser
        .get(&app.url(after_code.location.as_deref().unwrap()))
        .await;
    assert!(
        confirm.body.contains("registro"),
        "the page says how to come back"
    );
    let flow = confirm.field("flow").unwrap();
    let done = follow_to_done(
        &browser,
        &app,
        browser
            .post(
                &app.url("/unsubscribe/confirm"),
                &[("csrf_token", &confirm.csrf()), ("flow", &flow)],
            )
            .await,
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);

    assert_eq!(
        app.state.db.citizen(ID).await.unwrap().unwrap().status,
        CitizenStatus::Unsubscribed
    );
    assert!(!can_log_in(&app, PASSWORD).await);
    let citizen = NewCitizen {
        id: ID.into(),
        given_name: "María".into(),
        first_surname: "García".into(),
        second_surname: None,
        email: EMAIL.into(),
        phone: "+34600112233".into(),
    };
    let code = ActivationCode::generate();
    let audit = AuditEvent::new(app.clock_now(), AuditKind::CitizenRegistered, "test").citizen(ID);
    let outcome = app
        .state
        .db
        .register_citizen(&citizen, &code.hash(), app.clock_now(), &audit)
        .await
        .unwrap();
    assert_eq!(
        outcome,
        RegisterOutcome::Reopened {
            previous: CitizenStatus::Unsubscribed
        }
    );
    app.clock.advance(61);
    let again = activate(&app, &code.expose_grouped(), NEW_PASSWORD).await;
    assert_eq!(again.status, 200, "{}", again.body);
    assert!(can_log_in(&app, NEW_PASSWORD).await);
}

async fn the_sms_code_expires_dies_after_three_wrong_tries_and_cannot_be_replayed(app: TestApp) {
    let code = pending(&app).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    let sent = app.last_otp();
    app.clock.advance(301);
    let (_, expired) = type_code(&browser, &app, &started, &sent).await;
    assert_eq!(expired.status, 422, "expired");

    let browser = Browser::new();
    app.clock.advance(61);
    let started = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    let sent = app.last_otp();
    for _ in 0..3 {
        let (_, wrong) = type_code(&browser, &app, &started, "000000").await;
        assert_eq!(wrong.status, 422);
    }
    let (_, dead) = type_code(&browser, &app, &started, &sent).await;
    assert_eq!(dead.status, 422, "void after 3 wrong tries");

    let browser = Browser::new();
    app.clock.advance(61);
    let started = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    let sent = app.last_otp();
    let (page, ok) = type_code(&browser, &app, &started, &sent).await;
    assert_eq!(ok.status, 303);
    let flow = page.field("flow").unwrap();
    let replay = browser
        .post(
            &app.url("/activate/code"),
            &[
                ("csrf_token", &page.csrf()),
                ("flow", &flow),
                ("otp", &sent),
            ],
        )
        .await;
    assert!(replay.status >= 400, "the code cannot be used twice");
}

async fn a_regenerated_code_is_shown_once_and_replaces_the_old_one(app: TestApp) {
    let old = pending(&app).await;
    activate(&app, &old, NEW_PASSWORD).await;
    let browser = Browser::new();
    app.clock.advance(61);
    let started = start(
        &browser,
        &app,
        "/activation-code/regenerate",
        &[("username", ID), ("password", NEW_PASSWORD)],
    )
    .await;
    let (_, shown) = type_code(&browser, &app, &started, &app.last_otp()).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    assert_eq!(shown.headers["cache-control"], "no-store");
    let html = scraper::Html::parse_document(&shown.body);
    let new_code = html
        .select(&scraper::Selector::parse("#activation-code").unwrap())
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    let parsed = ActivationCode::parse(&new_code).unwrap();
    assert!(parsed.verify(citizen.activation_code_hash.as_deref().unwrap()));
    assert!(
        !ActivationCode::parse(&old)
            .unwrap()
            .verify(citizen.activation_code_hash.as_deref().unwrap())
    );
}

/// An SMS gateway that fails the first `failures` sends.
#[derive(Debug)]
struct FlakyGateway {
    failures: usize,
    calls: AtomicUsize,
    inner: Arc<dyn SmsSender>,
}

#[async_trait]
impl SmsSender for FlakyGateway {
    async fn send(&self, message: &SmsMessage) -> Result<(), SmsError> {
        if self.calls.fetch_add(1, Ordering::SeqCst) < self.failures {
            return Err(SmsError::Unavailable("gateway down".into()));
        }
        self.inner.send(message).await
    }
    fn name(&self) -> &'static str {
        "flaky"
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_sms_gateway_loses_no_flow() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("gateway.jsonl");
    let gateway = Arc::new(FlakyGateway {
        failures: 1,
        calls: AtomicUsize::new(0),
        inner: Arc::new(clave_idp::sms::outbox::OutboxSender::new(&outbox)),
    });
    let app = TestApp::spawn_with(Backends::Embedded, Some(gateway))
        .await
        .unwrap();
    let code = pending(&app).await;
    let browser = Browser::new();

    let started = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    assert_eq!(started.status, 303);
    let page = browser
        .get(&app.url(started.location.as_deref().unwrap()))
        .await;
    assert!(
        page.body.contains("No hemos podido enviar el SMS"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("hemos enviado un SMS"),
        "the page does not claim the SMS went out"
    );
    let flow = page.field("flow").unwrap();
    let resent = browser
        .post(
            &app.url("/activate/code/resend"),
            &[("csrf_token", &page.csrf()), ("flow", &flow)],
        )
        .await;
    assert_eq!(resent.status, 303);
    let sms = clave_idp::sms::outbox::read_outbox(&outbox);
    assert_eq!(sms.len(), 1, "the retry went out");
    let typed = sms[0]
        .body
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .unwrap()
        .to_owned();
    let answer = browser
        .post(
            &app.url("/activate/code"),
            &[
                ("csrf_token", &page.csrf()),
                ("flow", &flow),
                ("otp", &typed),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "the same flow goes on: {}", answer.body);
    assert_eq!(app.sms_count(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_nist_profile_drops_the_character_group_rule_but_keeps_the_others() {
    let app = TestApp::spawn_configured(Backends::Embedded, None, |s| {
        s.password_policy = clave_idp::domain::PolicyProfile::Nist;
    })
    .await
    .unwrap();
    let code = pending(&app).await;
    let browser = Browser::new();
    let started = start(
        &browser,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code),
        ],
    )
    .await;
    let (_, after_code) = type_code(&browser, &app, &started, &app.last_otp()).await;
    let page = browser
        .get(&app.url(after_code.location.as_deref().unwrap()))
        .await;
    assert!(
        !page.body.contains("data-rule=\"groups\""),
        "the page states only the rules in force"
    );
    let personal =
        submit_password(&browser, &app, "/activate/password", &page, "garcialopez").await;
    assert_eq!(personal.status, 422, "personal data are still refused");
    let done = submit_password(
        &browser,
        &app,
        "/activate/password",
        &page,
        "vaquerosalegres",
    )
    .await;
    let done = follow_to_done(&browser, &app, done).await;
    assert_eq!(done.status, 200, "{}", done.body);
}
