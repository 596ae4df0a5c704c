//! Security notices through HTTP on both backends, read from the email and SMS
//! outboxes: a password change, a block, an unsubscribe, an activation and a
//! sign-in from a new browser each put one email in the citizen's language, and
//! the caps hold against a script that repeats what causes them.

use clave_idp::domain::ActivationCode;

use crate::harness::{Backends, Browser, ClientSpec, PASSWORD, Seen, TestApp};
use crate::selfservice::{choose_password, start, type_code};

const ID: &str = "12345678Z";
const EMAIL: &str = "maria@example.es";
const NEW_PASSWORD: &str = "Otra-Clave-2027";
const LOGIN: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid";

const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15";
const EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0";
const ANDROID: &str = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";

both_backends!(
    a_password_change_puts_one_email_in_the_outbox_in_the_language_of_its_page,
    a_block_puts_one_email_and_one_sms_in_the_citizens_own_language_once_a_day,
    an_unsubscribe_puts_one_email_in_the_outbox_without_a_link_to_a_closed_account,
    an_activation_and_a_reset_each_put_one_email_in_the_outbox,
    sign_ins_from_new_browsers_are_told_once_per_browser_and_a_few_a_day,
    a_login_notes_its_language_after_telling_a_new_browser_in_the_one_noted_before,
);

/// A browser of `agent` whose pages are in `lang`.
fn browser(agent: &'static str, lang: &'static str) -> Browser {
    Browser::with_headers(&[("user-agent", agent), ("accept-language", lang)])
}

/// The emails sent for `purpose`.
fn emails_for(app: &TestApp, purpose: &str) -> Vec<clave_idp::email::EmailOutboxEntry> {
    app.emails()
        .into_iter()
        .filter(|e| e.purpose == purpose)
        .collect()
}

/// The first SMS sent for `purpose`, waiting for it (notices are sent off the
/// request path).
async fn wait_for_sms(app: &TestApp, purpose: &str) -> clave_idp::sms::outbox::OutboxEntry {
    for _ in 0..250 {
        let found = clave_idp::sms::outbox::read_outbox(&app.outbox)
            .into_iter()
            .find(|s| s.purpose == purpose);
        if let Some(sms) = found {
            return sms;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("no {purpose} SMS in 5 s");
}

/// Logs in at the portal with `password` (asked again even where a session is
/// open, `prompt=login`); whether it got a code.
async fn log_in(app: &TestApp, browser: &Browser, password: &str) -> bool {
    let url = app.url(&format!("{LOGIN}&prompt=login"));
    let (page, _) = browser.reach_password_page(app, &url).await;
    let seen = browser.submit_password(app, &page, ID, password).await;
    seen.status == 303
        && seen
            .location
            .as_deref()
            .is_some_and(|l| l.contains("code="))
}

/// Walks a password-and-SMS flow (`/password/change`, `/unsubscribe`) to the step
/// after the code.
async fn past_the_code(app: &TestApp, browser: &Browser, path: &str) -> Seen {
    let started = start(
        browser,
        app,
        path,
        &[("username", ID), ("password", PASSWORD)],
    )
    .await;
    let (_, after_code) = type_code(browser, app, &started, &app.last_otp()).await;
    after_code
}

async fn a_password_change_puts_one_email_in_the_outbox_in_the_language_of_its_page(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    let firefox = browser(FIREFOX, "en-GB,en;q=0.8");
    let after_code = past_the_code(&app, &firefox, "/password/change").await;
    assert!(app.emails().is_empty(), "nothing changed yet, nothing told");

    let done = choose_password(&firefox, &app, &after_code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);

    let emails = app.emails();
    assert_eq!(emails.len(), 1, "{emails:?}");
    let email = &emails[0];
    assert_eq!(email.purpose, "password_changed");
    assert_eq!(email.to, EMAIL);
    assert_eq!(email.subject, "Cl@ve: your password was changed");
    assert!(email.body.contains("Hello María,"), "{}", email.body);
    assert!(email.body.contains("Firefox · Windows"), "{}", email.body);
    assert!(email.body.contains("127.0.0.x"), "{}", email.body);
    assert!(
        email
            .body
            .contains(&format!("{}/password/forgot", app.issuer)),
        "what to do if it wasn't them: {}",
        email.body
    );
    assert!(email.body.contains(&format!("{}/account", app.issuer)));
    for secret in [PASSWORD, NEW_PASSWORD, &app.last_otp()] {
        assert!(!email.body.contains(secret), "a notice carries no secret");
    }
    // Without CLAVE_NOTICE_SMS only blocks go by SMS: the one SMS is the code.
    assert_eq!(app.sms_count(), 1);
    // The citizen's language is noted for the notices anybody can cause.
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(citizen.language.as_deref(), Some("en"));
}

async fn a_block_puts_one_email_and_one_sms_in_the_citizens_own_language_once_a_day(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    let code = ActivationCode::generate();
    app.active_citizen_with_code(ID, &code.hash()).await;
    // The citizen last used the English pages.
    app.state.db.set_language(ID, "en").await.unwrap();
    // An attacker on Spanish pages, from a new browser each time.
    for _ in 0..5 {
        assert!(!log_in(&app, &browser(CHROME, "es"), "Wrong-Password-9").await);
    }
    assert!(
        app.state
            .db
            .citizen(ID)
            .await
            .unwrap()
            .unwrap()
            .password_blocked
    );

    let blocked = emails_for(&app, "password_blocked");
    assert_eq!(blocked.len(), 1, "{:?}", app.emails());
    assert_eq!(blocked[0].subject, "Cl@ve: your password was blocked");
    assert!(
        blocked[0].body.contains("Chrome · Linux"),
        "{}",
        blocked[0].body
    );
    assert!(
        blocked[0]
            .body
            .contains(&format!("{}/password/forgot", app.issuer))
    );
    // Sent off the request path: wait for it.
    let sms = wait_for_sms(&app, "password_blocked").await;
    assert_eq!(sms.to, "+34600112233");
    assert!(
        sms.body.starts_with("Cl@ve: your password was blocked"),
        "{}",
        sms.body
    );

    // The citizen unblocks it; the attacker blocks it again the same day, and then
    // blocks the activation code: the citizen is not told again today.
    let citizen = browser(FIREFOX, "en");
    let started = start(
        &citizen,
        &app,
        "/password/forgot",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code.expose_grouped()),
        ],
    )
    .await;
    let (_, after_code) = type_code(&citizen, &app, &started, &app.last_otp()).await;
    let done = choose_password(&citizen, &app, &after_code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(emails_for(&app, "password_reset").len(), 1);
    for _ in 0..5 {
        assert!(!log_in(&app, &browser(CHROME, "es"), "Wrong-Password-9").await);
    }
    assert!(
        app.state
            .db
            .citizen(ID)
            .await
            .unwrap()
            .unwrap()
            .password_blocked
    );
    for _ in 0..6 {
        start(
            &browser(CHROME, "es"),
            &app,
            "/password/forgot",
            &[
                ("username", ID),
                ("email", EMAIL),
                ("activation_code", "AAAA-AAAA-AAAA-AAAA"),
            ],
        )
        .await;
    }
    assert!(
        app.state
            .db
            .citizen(ID)
            .await
            .unwrap()
            .unwrap()
            .activation_code_blocked
    );
    assert_eq!(emails_for(&app, "password_blocked").len(), 1);
    assert_eq!(emails_for(&app, "activation_code_blocked").len(), 0);
    // Give a wrongly sent SMS the time to arrive.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let notices: Vec<_> = clave_idp::sms::outbox::read_outbox(&app.outbox)
        .into_iter()
        .filter(|s| s.purpose.ends_with("_blocked"))
        .collect();
    assert_eq!(notices.len(), 1, "one block SMS a day: {notices:?}");
}

async fn an_unsubscribe_puts_one_email_in_the_outbox_without_a_link_to_a_closed_account(
    app: TestApp,
) {
    app.active_citizen(ID).await;
    let firefox = browser(FIREFOX, "es-ES,es;q=0.9");
    let after_code = past_the_code(&app, &firefox, "/unsubscribe").await;
    let confirm = firefox
        .get(&app.url(after_code.location.as_deref().unwrap()))
        .await;
    let done = crate::selfservice::follow_to_done(
        &firefox,
        &app,
        firefox
            .post(
                &app.url("/unsubscribe/confirm"),
                &[
                    ("csrf_token", &confirm.csrf()),
                    ("flow", &confirm.field("flow").unwrap()),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);

    let emails = app.emails();
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].purpose, "unsubscribe");
    assert_eq!(emails[0].to, EMAIL);
    assert_eq!(
        emails[0].subject,
        "Cl@ve: se ha dado de baja de Cl@ve Permanente"
    );
    assert!(emails[0].body.contains("oficina de registro"));
    assert!(
        !emails[0].body.contains("/account"),
        "no account is left to open: {}",
        emails[0].body
    );
}

async fn an_activation_and_a_reset_each_put_one_email_in_the_outbox(app: TestApp) {
    let code = ActivationCode::generate();
    app.pending_citizen(ID, &code.hash()).await;
    let firefox = browser(FIREFOX, "es");
    let started = start(
        &firefox,
        &app,
        "/activate",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code.expose_grouped()),
        ],
    )
    .await;
    let (_, after_code) = type_code(&firefox, &app, &started, &app.last_otp()).await;
    let done = choose_password(&firefox, &app, &after_code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);

    let emails = app.emails();
    assert_eq!(emails.len(), 1, "{emails:?}");
    assert_eq!(emails[0].purpose, "activation");
    assert_eq!(emails[0].subject, "Cl@ve: ha activado su usuario");
    assert!(
        emails[0].body.contains("Hola, María:"),
        "{}",
        emails[0].body
    );

    // A reset in English: its own email, in English.
    let english = browser(FIREFOX, "en");
    let started = start(
        &english,
        &app,
        "/password/forgot",
        &[
            ("username", ID),
            ("email", EMAIL),
            ("activation_code", &code.expose_grouped()),
        ],
    )
    .await;
    let (_, after_code) = type_code(&english, &app, &started, &app.last_otp()).await;
    let done = choose_password(&english, &app, &after_code, "Recuperada-2028").await;
    assert_eq!(done.status, 200, "{}", done.body);
    let resets = emails_for(&app, "password_reset");
    assert_eq!(resets.len(), 1, "{:?}", app.emails());
    assert_eq!(resets[0].subject, "Cl@ve: a new password was set");
    assert_eq!(app.emails().len(), 2);
}

async fn sign_ins_from_new_browsers_are_told_once_per_browser_and_a_few_a_day(app: TestApp) {
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    let firefox = browser(FIREFOX, "es");
    assert!(log_in(&app, &firefox, PASSWORD).await);
    let told = emails_for(&app, "new_browser");
    assert_eq!(told.len(), 1, "{:?}", app.emails());
    assert!(
        told[0].body.contains("Firefox · Windows"),
        "{}",
        told[0].body
    );
    assert!(told[0].body.contains(&format!("{}/account", app.issuer)));

    // The same browser again (it keeps its cookie): nothing new to tell.
    assert!(log_in(&app, &firefox, PASSWORD).await);
    // The same kind of browser without its cookie (a private window, a script
    // that drops cookies): told once a day, not at every sign-in.
    for _ in 0..3 {
        assert!(log_in(&app, &browser(FIREFOX, "es"), PASSWORD).await);
    }
    assert_eq!(emails_for(&app, "new_browser").len(), 1);

    // Every other kind a script can claim: a few a day, however many it claims.
    for agent in [CHROME, SAFARI, EDGE, ANDROID, "curl/8.5.0"] {
        assert!(log_in(&app, &browser(agent, "es"), PASSWORD).await);
    }
    assert_eq!(
        emails_for(&app, "new_browser").len() as u64,
        clave_idp::notices::NEW_BROWSER_A_DAY
    );
    assert_eq!(app.sms_count(), 0, "no SMS without CLAVE_NOTICE_SMS");
}

/// The language stored for the citizen.
async fn stored_language(app: &TestApp) -> Option<String> {
    app.state.db.citizen(ID).await.unwrap().unwrap().language
}

async fn a_login_notes_its_language_after_telling_a_new_browser_in_the_one_noted_before(
    app: TestApp,
) {
    use clave_idp::web::{Lang, tr};
    app.client(ClientSpec::confidential("sede")).await;
    app.active_citizen(ID).await;
    app.state.db.set_language(ID, "en").await.unwrap();

    // A password login on Spanish pages, from a browser the account never used.
    assert!(log_in(&app, &browser(FIREFOX, "es"), PASSWORD).await);
    let told = emails_for(&app, "new_browser");
    assert_eq!(told.len(), 1, "{:?}", app.emails());
    assert_eq!(told[0].subject, tr(Lang::En, "notice-new-browser-subject"));
    assert_eq!(stored_language(&app).await.as_deref(), Some("es"));

    // A login with the SMS code on English pages, from another new browser.
    let chrome = browser(CHROME, "en");
    let url = app.url(&format!(
        "{LOGIN}&prompt=login&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial"
    ));
    let (page, _) = chrome.reach_password_page(&app, &url).await;
    let after_password = chrome.submit_password(&app, &page, ID, PASSWORD).await;
    assert_eq!(after_password.status, 303, "{}", after_password.body);
    let otp_page = chrome
        .get(&app.url(after_password.location.as_deref().unwrap()))
        .await;
    let done = chrome
        .post(
            &app.url("/login/otp"),
            &[
                ("csrf_token", &otp_page.csrf()),
                ("tx", &otp_page.field("tx").unwrap()),
                ("otp", &app.last_otp()),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let told = emails_for(&app, "new_browser");
    assert_eq!(told.len(), 2, "{:?}", app.emails());
    assert_eq!(told[1].subject, tr(Lang::Es, "notice-new-browser-subject"));
    assert_eq!(stored_language(&app).await.as_deref(), Some("en"));

    // The same browser and language again: nothing new to tell or to note.
    assert!(log_in(&app, &chrome, PASSWORD).await);
    assert_eq!(emails_for(&app, "new_browser").len(), 2);
    assert_eq!(stored_language(&app).await.as_deref(), Some("en"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_notice_sms_every_notice_goes_by_sms_too() {
    let app = TestApp::spawn_configured(Backends::Embedded, None, |s| s.notice_sms = true)
        .await
        .unwrap();
    app.active_citizen(ID).await;
    let firefox = browser(FIREFOX, "es");
    let after_code = past_the_code(&app, &firefox, "/password/change").await;
    let done = choose_password(&firefox, &app, &after_code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(emails_for(&app, "password_changed").len(), 1);
    let notice = wait_for_sms(&app, "password_changed").await;
    assert_eq!(notice.to, "+34600112233");
    assert!(
        notice
            .body
            .starts_with("Cl@ve: se ha cambiado su contraseña")
    );
    assert!(!notice.body.contains("http"), "an SMS has no link");
}
