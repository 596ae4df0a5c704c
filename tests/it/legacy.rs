//! Legacy Social Security users: the import of the register (on both databases and
//! through the built binary), and their logins through HTTP on both backends —
//! turned away from other portals, offered the migration at Social Security
//! portals, accepting or declining it, and the upgrade of their bcrypt hashes.

mod import;

use std::path::{Path, PathBuf};

use clave_idp::domain::CitizenStatus;
use clave_idp::legacy::import_file;
use clave_idp::login::LEGACY_CONSENT_WORDING;
use clave_idp::store::sql::AuditRecord;
use serde_json::Value;

use crate::harness::{Browser, ClientSpec, OTHER_PORTAL, PASSWORD, PORTAL, Seen, TestApp};

const LEGACY: &str = "12345678Z";
const HEADER: &str = "id,given_name,first_surname,second_surname,email,phone,password_hash";

both_backends!(
    a_legacy_user_at_another_portal_gets_the_legacy_page_and_no_code,
    a_legacy_user_at_a_social_security_portal_is_offered_the_migration,
    declining_returns_a_code_to_that_portal_and_the_citizen_stays_legacy,
    accepting_makes_the_account_active_records_the_wording_and_returns_a_code,
    accepting_at_substantial_assurance_goes_on_to_the_sms_code,
    a_bcrypt_password_is_rehashed_after_the_first_login_and_keeps_its_date,
    the_self_service_flows_still_turn_a_legacy_user_away,
);

/// Writes a CSV file of `lines` after the header.
fn csv_file(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    let mut text = format!("{HEADER}\n");
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// A register line for `id` with a cheap bcrypt hash of `password`.
fn line(id: &str, password: &str) -> String {
    let hash = bcrypt::hash(password, 4).unwrap();
    format!("{id},Rosa,Martín,Sanz,rosa@example.es,600 11 22 33,{hash}")
}

/// Imports the legacy citizen [`LEGACY`] (password [`PASSWORD`], bcrypt) and
/// registers the portals: `sede` (not Social Security) and `tuss` (Social Security).
/// Returns the secret of `tuss`.
async fn legacy_and_portals(app: &TestApp) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = csv_file(dir.path(), "ss.csv", &[line(LEGACY, PASSWORD)]);
    let report = import_file(&app.state.db, &file, app.clock_now(), "test", &mut |_| {})
        .await
        .unwrap();
    assert_eq!(report.imported, 1, "{report:?}");
    app.client(ClientSpec::confidential("sede")).await;
    app.client(ClientSpec {
        id: "tuss",
        redirect_uri: OTHER_PORTAL,
        social_security: true,
        ..ClientSpec::confidential("tuss")
    })
    .await
    .unwrap()
}

fn authorize(app: &TestApp, client: &str, redirect: &str, extra: &str) -> String {
    let redirect: String = url::form_urlencoded::byte_serialize(redirect.as_bytes()).collect();
    app.url(&format!(
        "/authorize?client_id={client}&redirect_uri={redirect}&response_type=code\
         &scope=openid&state=st1&nonce=n1{extra}"
    ))
}

/// Logs in at the Social Security portal up to the consent page.
async fn reach_consent(app: &TestApp, browser: &Browser, extra: &str) -> Seen {
    let url = authorize(app, "tuss", OTHER_PORTAL, extra);
    let (page, _) = browser.reach_password_page(app, &url).await;
    let answer = browser.submit_password(app, &page, LEGACY, PASSWORD).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.location.as_deref().unwrap();
    assert!(location.starts_with("/login/legacy?tx="), "{location}");
    let consent = browser.get(&app.url(location)).await;
    assert_eq!(consent.status, 200, "{}", consent.body);
    consent
}

async fn decide(app: &TestApp, browser: &Browser, consent: &Seen, decision: &str) -> Seen {
    let tx = consent.field("tx").unwrap();
    browser
        .post(
            &app.url("/login/legacy"),
            &[
                ("csrf_token", &consent.csrf()),
                ("tx", &tx),
                ("decision", decision),
            ],
        )
        .await
}

/// Exchanges a code of `tuss`; returns the token endpoint's status.
async fn redeem(app: &TestApp, secret: &str, code: &str) -> u16 {
    reqwest::Client::new()
        .post(app.url("/token"))
        .basic_auth("tuss", Some(secret))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", OTHER_PORTAL),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn status(app: &TestApp) -> CitizenStatus {
    app.state.db.citizen(LEGACY).await.unwrap().unwrap().status
}

async fn events(app: &TestApp, kind: &str) -> Vec<AuditRecord> {
    let all = app.state.db.audit_events_for(LEGACY).await.unwrap();
    all.into_iter().filter(|e| e.kind == kind).collect()
}

async fn a_legacy_user_at_another_portal_gets_the_legacy_page_and_no_code(app: TestApp) {
    legacy_and_portals(&app).await;
    let browser = Browser::new();
    let url = authorize(&app, "sede", PORTAL, "");
    let (page, _) = browser.reach_password_page(&app, &url).await;
    let answer = browser.submit_password(&app, &page, LEGACY, PASSWORD).await;
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert!(answer.location.is_none(), "no code goes back");
    assert!(answer.body.contains("Seguridad Social"), "{}", answer.body);
    assert!(
        answer.body.contains("href=\"/help/legacy\""),
        "{}",
        answer.body
    );
    let help = browser.get(&app.url("/help/legacy")).await;
    assert_eq!(help.status, 200);
    assert!(help.body.contains("Tu Seguridad Social"), "{}", help.body);
    assert_eq!(status(&app).await, CitizenStatus::Legacy);
}

async fn a_legacy_user_at_a_social_security_portal_is_offered_the_migration(app: TestApp) {
    legacy_and_portals(&app).await;
    let consent = reach_consent(&app, &Browser::new(), "").await;
    assert!(
        consent.body.contains("antes de la llegada de Cl@ve"),
        "{}",
        consent.body
    );
    for decision in ["value=\"accept\"", "value=\"decline\"", "name=\"decision\""] {
        assert!(consent.body.contains(decision), "{decision}");
    }
    assert!(consent.body.contains("Rosa Martín Sanz"));
    assert!(consent.body.contains("href=\"/help/legacy\""));
    let refused = Browser::new()
        .get(&app.url(&format!(
            "/login/legacy?tx={}",
            consent.field("tx").unwrap()
        )))
        .await;
    assert_eq!(refused.status, 400, "another browser cannot use the step");
}

async fn declining_returns_a_code_to_that_portal_and_the_citizen_stays_legacy(app: TestApp) {
    let secret = legacy_and_portals(&app).await;
    let browser = Browser::new();
    let consent = reach_consent(&app, &browser, "").await;
    let done = decide(&app, &browser, &consent, "decline").await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert!(done.location.as_deref().unwrap().starts_with(OTHER_PORTAL));
    let code = done.location_param("code").expect("a code for the portal");
    assert_eq!(redeem(&app, &secret, &code).await, 200);
    assert_eq!(status(&app).await, CitizenStatus::Legacy);
    let declined = events(&app, "legacy_migration_declined").await;
    assert_eq!(declined.len(), 1);
    let detail: Value = serde_json::from_str(&declined[0].detail).unwrap();
    assert_eq!(detail["wording_version"], LEGACY_CONSENT_WORDING);

    let sso = browser.get(&authorize(&app, "sede", PORTAL, "")).await;
    let location = sso.location.unwrap_or_default();
    assert!(
        location.starts_with("/login?tx="),
        "no SSO to another portal: {location}"
    );
    let elsewhere = Browser::new();
    let url = authorize(&app, "sede", PORTAL, "");
    let (page, _) = elsewhere.reach_password_page(&app, &url).await;
    let refused = elsewhere
        .submit_password(&app, &page, LEGACY, PASSWORD)
        .await;
    assert_eq!(refused.status, 403, "still refused elsewhere");
}

async fn accepting_makes_the_account_active_records_the_wording_and_returns_a_code(app: TestApp) {
    let secret = legacy_and_portals(&app).await;
    let browser = Browser::new();
    let consent = reach_consent(&app, &browser, "").await;
    let done = decide(&app, &browser, &consent, "accept").await;
    assert_eq!(done.status, 303, "{}", done.body);
    let code = done.location_param("code").expect("a code for the portal");
    assert_eq!(redeem(&app, &secret, &code).await, 200);
    assert_eq!(status(&app).await, CitizenStatus::Active);
    let accepted = events(&app, "legacy_migration_accepted").await;
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].actor, "citizen");
    let detail: Value = serde_json::from_str(&accepted[0].detail).unwrap();
    assert_eq!(detail["wording_version"], LEGACY_CONSENT_WORDING);
    assert_eq!(detail["consent_at"], app.clock_now());

    let other = Browser::new()
        .log_in(&app, &authorize(&app, "sede", PORTAL, ""), LEGACY)
        .await;
    assert!(
        other.location.unwrap().starts_with(PORTAL),
        "now a Cl@ve account"
    );
}

async fn accepting_at_substantial_assurance_goes_on_to_the_sms_code(app: TestApp) {
    legacy_and_portals(&app).await;
    let browser = Browser::new();
    let substantial = "&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial";
    let consent = reach_consent(&app, &browser, substantial).await;
    assert_eq!(app.sms_count(), 0, "no SMS before the citizen decides");
    let next = decide(&app, &browser, &consent, "accept").await;
    assert_eq!(next.status, 303, "{}", next.body);
    assert!(next.location.unwrap().starts_with("/login/otp?tx="));
    assert_eq!(app.sms_count(), 1);
}

async fn a_bcrypt_password_is_rehashed_after_the_first_login_and_keeps_its_date(app: TestApp) {
    legacy_and_portals(&app).await;
    let before = app.state.db.citizen(LEGACY).await.unwrap().unwrap();
    assert!(before.password_hash.as_deref().unwrap().starts_with("$2b$"));
    app.clock.advance(3600);
    let browser = Browser::new();
    let consent = reach_consent(&app, &browser, "").await;
    let after = app.state.db.citizen(LEGACY).await.unwrap().unwrap();
    let hash = after.password_hash.as_deref().unwrap();
    assert!(hash.starts_with("$argon2id$"), "re-hashed: {hash}");
    assert_eq!(after.password_set_at, before.password_set_at, "expiry kept");
    assert_eq!(events(&app, "password_rehashed").await.len(), 1);
    decide(&app, &browser, &consent, "decline").await;

    // The same password still works, against the new hash.
    reach_consent(&app, &Browser::new(), "").await;
    let again = app.state.db.citizen(LEGACY).await.unwrap().unwrap();
    assert_eq!(
        again.password_hash, after.password_hash,
        "no second re-hash"
    );
}

async fn the_self_service_flows_still_turn_a_legacy_user_away(app: TestApp) {
    legacy_and_portals(&app).await;
    for path in ["/password/change", "/unsubscribe"] {
        let browser = Browser::new();
        let form = browser.get(&app.url(path)).await;
        let fields = [
            ("csrf_token", form.csrf()),
            ("username", LEGACY.to_owned()),
            ("password", PASSWORD.to_owned()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = browser.post(&app.url(path), &fields).await;
        assert_ne!(answer.status, 303, "{path} goes no further");
        assert!(
            answer.body.contains("debe incorporarse antes a Cl@ve"),
            "{path}: {}",
            answer.body
        );
    }
    assert_eq!(status(&app).await, CitizenStatus::Legacy);
}
