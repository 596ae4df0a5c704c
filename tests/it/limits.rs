//! Attempt limits on the default settings, as a national service meets them:
//! only failures count, a citizen's own logins never add up, thousands share one
//! address, and nobody can aim a refusal at a citizen by typing their DNI/NIE.

use clave_idp::settings::Settings;

use crate::harness::{Backends, Browser, ClientSpec, TestApp};

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
