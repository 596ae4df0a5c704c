//! Faults: Redis and PostgreSQL stopped under a running provider, SIGTERM during a
//! request, and Redis beyond one server (Cluster, Sentinel).
//!
//! Each test runs its own servers ([`crate::servers`]) so it can stop them, and a
//! short store timeout so an outage is seen in half a second. What the provider promises
//! of an outage (README, "Running in production"): `/readyz` is 503 naming the part that is down, a page that needs
//! it answers 503 with `Retry-After` and the calm translated page, an OAuth
//! endpoint answers `temporarily_unavailable`, nothing hangs beyond the timeout,
//! nothing is half-changed, and the provider recovers by itself.

mod shutdown;
mod topologies;

use std::time::Duration;

use clave_idp::domain::{ActivationCode, CitizenStatus};
use serde_json::Value;
use tokio::time::{Instant, sleep};

use crate::harness::{Backends, Browser, ClientSpec, PORTAL, Seen, TestApp};
use crate::servers::{Postgres, RedisServer, redis_available};

const ID: &str = "12345678Z";
const PENDING: &str = "X1234567L";
const EMAIL: &str = "maria@example.es";
const NEW_PASSWORD: &str = "Otra-Clave-2027";
const STORE_TIMEOUT_MS: u64 = 500;
/// The longest any request may take while a store is down: the store timeout (a
/// request stops at its first failed call), with slack for a busy test machine.
const BOUND: Duration = Duration::from_millis(2 * STORE_TIMEOUT_MS + 250);
const AUTHORIZE: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid&state=s1";

/// A provider on the given stores with the short store timeout.
async fn provider(database_url: Option<String>, redis_url: Option<String>) -> TestApp {
    TestApp::spawn_configured(Backends::Embedded, None, |s| {
        if let Some(url) = database_url {
            s.database_url = url;
        }
        s.redis_url = redis_url;
        s.store_timeout_ms = STORE_TIMEOUT_MS;
    })
    .await
    .expect("the embedded provider always starts")
}

/// Runs `request`, asserting it answers within [`BOUND`].
async fn quickly<T>(what: &str, request: impl std::future::Future<Output = T>) -> T {
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(30), request)
        .await
        .unwrap_or_else(|_| panic!("{what} hung"));
    assert!(
        started.elapsed() < BOUND,
        "{what} took {:?} with a store down (bound {BOUND:?})",
        started.elapsed()
    );
    answer
}

async fn readiness(app: &TestApp) -> (u16, Value, Option<String>) {
    let response = reqwest::get(app.url("/readyz")).await.unwrap();
    let status = response.status().as_u16();
    let retry = retry_after(response.headers());
    (status, response.json().await.unwrap(), retry)
}

fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned())
}

/// Polls `/readyz` until it is 200 (the provider was not restarted).
async fn wait_until_ready(app: &TestApp) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body, _) = readiness(app).await;
        if status == 200 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "not ready 20 s after the service came back: {body}"
        );
        sleep(Duration::from_millis(100)).await;
    }
}

/// The calm, translated 503 page.
fn assert_unavailable_page(seen: &Seen, what: &str) {
    assert_eq!(seen.status, 503, "{what}: {}", seen.body);
    assert_eq!(
        retry_after(&seen.headers).as_deref(),
        Some("30"),
        "{what}: Retry-After"
    );
    assert!(
        seen.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{what}"
    );
    assert!(
        seen.body.contains("Servicio no disponible temporalmente"),
        "{what}: the Spanish page: {}",
        seen.body
    );
}

/// `POST /token` for `code` as the confidential client `sede`.
async fn redeem(app: &TestApp, code: &str) -> (u16, Value, Option<String>) {
    let response = reqwest::Client::new()
        .post(app.url("/token"))
        .basic_auth("sede", Some("sede-secret_XYZ"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", PORTAL),
        ])
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let retry = retry_after(response.headers());
    (status, response.json().await.unwrap(), retry)
}

fn assert_temporarily_unavailable(answer: &(u16, Value, Option<String>)) {
    let (status, body, retry) = answer;
    assert_eq!(*status, 503, "{body}");
    assert_eq!(body["error"], "temporarily_unavailable", "{body}");
    assert!(retry.is_some(), "Retry-After");
}

/// A login through the browser, returning the code.
async fn log_in(app: &TestApp, browser: &Browser) -> String {
    let done = browser.log_in(app, &app.url(AUTHORIZE), ID).await;
    done.location_param("code").expect("a code")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_redis_stopped_everything_answers_503_at_once_and_recovers_by_itself() {
    if !redis_available("Redis outage test") {
        return;
    }
    let mut redis = RedisServer::start().await;
    let app = provider(None, Some(redis.url())).await;
    app.active_citizen(ID).await;
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    let code = log_in(&app, &browser).await;
    let login_browser = Browser::new();
    let (password_page, _) = login_browser
        .reach_password_page(&app, &app.url(AUTHORIZE))
        .await;
    let activate_page = browser.get(&app.url("/activate")).await;

    redis.stop();

    let (status, ready, retry) = quickly("/readyz", readiness(&app)).await;
    assert_eq!((status, retry.is_some()), (503, true), "{ready}");
    assert_eq!(ready["down"], serde_json::json!(["redis"]), "{ready}");
    assert_eq!(ready["checks"]["database"]["status"], "up");
    let activation = quickly(
        "POST /activate",
        browser.post(
            &app.url("/activate"),
            &[
                ("csrf_token", &activate_page.csrf()),
                ("username", PENDING),
                ("email", EMAIL),
                ("activation_code", "AAAA-BBBB-CCCC-DDDD"),
            ],
        ),
    )
    .await;
    assert_unavailable_page(&activation, "POST /activate");
    let login = quickly(
        "POST /login/permanente",
        login_browser.submit_password(&app, &password_page, ID, "Whatever-1234"),
    )
    .await;
    assert_unavailable_page(&login, "POST /login/permanente");
    let english = quickly(
        "POST /activate in English",
        browser
            .http
            .post(app.url("/activate"))
            .header("accept-language", "en")
            .form(&[
                ("csrf_token", activate_page.csrf().as_str()),
                ("username", PENDING),
                ("email", EMAIL),
                ("activation_code", "AAAA-BBBB-CCCC-DDDD"),
            ])
            .send(),
    )
    .await
    .unwrap();
    assert_eq!(english.status(), 503);
    let body = english.text().await.unwrap();
    assert!(body.contains("Service temporarily unavailable"), "{body}");
    assert_temporarily_unavailable(&quickly("POST /token", redeem(&app, &code)).await);
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200, "the process itself is fine");

    // Back, empty (codes and sessions were in the lost Redis): no restart needed.
    redis.resume().await;
    wait_until_ready(&app).await;
    let fresh = Browser::new();
    let code = log_in(&app, &fresh).await;
    let (status, tokens, _) = redeem(&app, &code).await;
    assert_eq!(status, 200, "{tokens}");
    assert!(tokens["id_token"].is_string());
}

/// From `POST /activate` to the new-password form of the activation flow.
async fn activation_up_to_the_password_form(app: &TestApp, browser: &Browser) -> Seen {
    let code = ActivationCode::generate();
    app.pending_citizen(PENDING, &code.hash()).await;
    let first = browser.get(&app.url("/activate")).await;
    let started = browser
        .post(
            &app.url("/activate"),
            &[
                ("csrf_token", &first.csrf()),
                ("username", PENDING),
                ("email", EMAIL),
                ("activation_code", &code.expose_grouped()),
            ],
        )
        .await;
    assert_eq!(started.status, 303, "{}", started.body);
    let code_page = browser
        .get(&app.url(started.location.as_deref().unwrap()))
        .await;
    let typed = browser
        .post(
            &app.url("/activate/code"),
            &[
                ("csrf_token", &code_page.csrf()),
                ("flow", &code_page.field("flow").unwrap()),
                ("otp", &app.last_otp()),
            ],
        )
        .await;
    assert_eq!(typed.status, 303, "{}", typed.body);
    let form = browser
        .get(&app.url(typed.location.as_deref().unwrap()))
        .await;
    assert_eq!(form.status, 200, "{}", form.body);
    form
}

async fn choose_password(browser: &Browser, app: &TestApp, form: &Seen) -> Seen {
    browser
        .post(
            &app.url("/activate/password"),
            &[
                ("csrf_token", &form.csrf()),
                ("flow", &form.field("flow").unwrap()),
                ("new_password", NEW_PASSWORD),
                ("new_password_confirm", NEW_PASSWORD),
            ],
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_postgres_stopped_nothing_is_half_changed_and_the_same_flow_completes_after() {
    if !Postgres::available("PostgreSQL outage test") {
        return;
    }
    let mut postgres = Postgres::start().await;
    let app = provider(Some(postgres.url()), None).await;
    app.active_citizen(ID).await;
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    let code = log_in(&app, &Browser::new()).await;
    let login_browser = Browser::new();
    let (password_page, _) = login_browser
        .reach_password_page(&app, &app.url(AUTHORIZE))
        .await;
    let password_form = activation_up_to_the_password_form(&app, &browser).await;

    postgres.stop().await;

    let (status, ready, _) = quickly("/readyz", readiness(&app)).await;
    assert_eq!(status, 503, "{ready}");
    assert_eq!(ready["down"], serde_json::json!(["postgres"]), "{ready}");
    assert_eq!(ready["checks"]["ephemeral_store"]["status"], "up");
    let refused = quickly(
        "POST /activate/password",
        choose_password(&browser, &app, &password_form),
    )
    .await;
    assert_unavailable_page(&refused, "POST /activate/password");
    let login = quickly(
        "POST /login/permanente",
        login_browser.submit_password(&app, &password_page, ID, "Whatever-1234"),
    )
    .await;
    assert_unavailable_page(&login, "POST /login/permanente");
    assert_temporarily_unavailable(&quickly("POST /token", redeem(&app, &code)).await);

    postgres.resume().await;
    wait_until_ready(&app).await;
    let citizen = app.state.db.citizen(PENDING).await.unwrap().unwrap();
    assert_eq!(citizen.status, CitizenStatus::Pending, "still pending");
    assert!(citizen.password_hash.is_none(), "no password was stored");
    let done = choose_password(&browser, &app, &password_form).await;
    let done = crate::selfservice::follow_to_done(&browser, &app, done).await;
    assert_eq!(
        done.status, 200,
        "the same form goes through now: {}",
        done.body
    );
    let citizen = app.state.db.citizen(PENDING).await.unwrap().unwrap();
    assert_eq!(citizen.status, CitizenStatus::Active);
    let (status, tokens, _) = redeem(&app, &code).await;
    assert_eq!(status, 200, "the code kept in Redis survived: {tokens}");
}
