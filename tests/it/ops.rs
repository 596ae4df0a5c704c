//! Operations: health, readiness, metrics.

use crate::harness::{Backends, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_by_route_template_and_never_carry_secrets() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    let http = reqwest::Client::new();
    http.get(app.url("/.well-known/openid-configuration"))
        .send()
        .await
        .unwrap();
    http.get(app.url("/activate/code?flow=SECRET-FLOW-ID-123456"))
        .send()
        .await
        .unwrap();

    let response = http.get(app.url("/metrics")).send().await.unwrap();
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = response.text().await.unwrap();
    assert!(text.contains("clave_http_requests_total{method=\"GET\",route=\"/.well-known/openid-configuration\",status=\"200\"}"), "{text}");
    assert!(
        text.contains("clave_http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.contains("route=\"/activate/code\""), "{text}");
    assert!(!text.contains("SECRET-FLOW-ID"), "no URL values in labels");
    for series in [
        "clave_store_call_duration_seconds_bucket{backend=\"sqlite\"",
        "clave_store_call_duration_seconds_bucket{backend=\"memory\"",
    ] {
        assert!(text.contains(series), "{series} missing:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness_answer_while_the_stores_do() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    let health = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
    let ready: serde_json::Value = reqwest::get(app.url("/readyz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["checks"]["database"]["backend"], "sqlite");
    assert_eq!(ready["checks"]["ephemeral_store"]["backend"], "memory");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_shows_in_the_login_and_hash_pool_metrics() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    app.active_citizen("12345678Z").await;
    app.client(crate::harness::ClientSpec::confidential("sede"))
        .await;
    let url = app.url("/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid");
    crate::harness::Browser::new()
        .log_in(&app, &url, "12345678Z")
        .await;

    let text = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            "clave_logins_total{outcome=\"success\",acr=\"http://eidas.europa.eu/LoA/low\"}"
        ),
        "{text}"
    );
    assert!(text.contains("clave_password_hash_wait_seconds"), "{text}");
    assert!(!text.contains("12345678Z"), "no DNI/NIE in any label");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_front_page_lists_the_self_service_and_the_language_switch_keeps_the_login() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    let browser = crate::harness::Browser::new();
    let home = browser.get(&app.url("/")).await;
    assert_eq!(home.status, 200);
    for path in [
        "/activate",
        "/password/forgot",
        "/password/change",
        "/unsubscribe",
        "/activation-code/regenerate",
        "/help",
    ] {
        assert!(home.body.contains(&format!("href=\"{path}\"")), "{path}");
    }

    app.client(crate::harness::ClientSpec::confidential("sede"))
        .await;
    let url = app.url("/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid");
    let (page, tx) = browser.reach_password_page(&app, &url).await;
    let again = browser
        .submit_password(&app, &page, "12345678Z", "Wrong-Pass-1")
        .await;
    assert_eq!(again.status, 422);
    assert!(
        again
            .body
            .contains(&format!("permanente?tx={tx}&amp;lang=en")),
        "{}",
        again.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_on_an_empty_database_share_one_first_key_per_algorithm() {
    let Some(url) = crate::support::isolated_postgres_url().await else {
        return;
    };
    let kek = clave_idp::kek::Kek::generate();
    let build = |url: String, kek: String| async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let settings = clave_idp::settings::Settings {
            database_url: url,
            key_encryption_key: Some(kek),
            ..clave_idp::settings::Settings::default()
        };
        let overrides = clave_idp::startup::Overrides {
            hasher: clave_idp::crypto::HasherParams::for_tests(),
            ..Default::default()
        };
        clave_idp::startup::Application::build_on(listener, settings, overrides)
            .await
            .unwrap()
    };
    let (a, b, c) = tokio::join!(
        build(url.clone(), kek.clone()),
        build(url.clone(), kek.clone()),
        build(url, kek)
    );
    let jwks: Vec<String> = [&a, &b, &c]
        .iter()
        .map(|app| app.state().key_ring().jwks_json().to_owned())
        .collect();
    assert_eq!(jwks[0], jwks[1]);
    assert_eq!(jwks[1], jwks[2]);
    let keys: serde_json::Value = serde_json::from_str(&jwks[0]).unwrap();
    assert_eq!(
        keys["keys"].as_array().unwrap().len(),
        3,
        "one RS256, one ES256 and one PS256 key: {keys}"
    );
}

/// The value of the Prometheus sample `series` (its whole name and labels) in `text`.
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_paths_are_counted_under_one_bounded_label_never_their_own() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    let http = reqwest::Client::new();
    let metrics = || async {
        reqwest::get(app.url("/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let series = "clave_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"}";
    let before = sample(&metrics().await, series);

    let scanned: Vec<String> = (0..5)
        .map(|n| format!("/wp-admin-{n}-{}", crate::support::unique_name("scan")))
        .collect();
    for path in &scanned {
        let response = http.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }

    let text = metrics().await;
    // Other tests of this binary share the recorder, so at least, not exactly, five.
    assert!(sample(&text, series) >= before + 5.0, "{text}");
    for path in &scanned {
        assert!(
            !text.contains(path.as_str()),
            "{path} became a label:\n{text}"
        );
    }
    assert!(!text.contains("wp-admin"), "no raw path in any label");
}

/// An SMS gateway that answers after `delay`.
#[derive(Debug)]
struct SlowGateway {
    delay: std::time::Duration,
}

#[async_trait::async_trait]
impl clave_idp::sms::SmsSender for SlowGateway {
    async fn send(
        &self,
        _message: &clave_idp::sms::SmsMessage,
    ) -> Result<(), clave_idp::sms::SmsError> {
        tokio::time::sleep(self.delay).await;
        Ok(())
    }
    fn name(&self) -> &'static str {
        "slow"
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_held_past_the_request_timeout_answers_503_with_retry_after() {
    let slow = std::sync::Arc::new(SlowGateway {
        delay: std::time::Duration::from_secs(10),
    });
    let app = TestApp::spawn_configured(Backends::Embedded, Some(slow), |settings| {
        settings.request_timeout_ms = 500;
    })
    .await
    .unwrap();
    let code = clave_idp::domain::ActivationCode::generate();
    app.pending_citizen("12345678Z", &code.hash()).await;
    let browser = crate::harness::Browser::new();
    let page = browser.get(&app.url("/activate")).await;
    assert_eq!(page.status, 200, "{}", page.body);

    let form = [
        ("csrf_token", page.csrf()),
        ("username", "12345678Z".to_owned()),
        ("email", "maria@example.es".to_owned()),
        ("activation_code", code.expose_grouped()),
    ];
    // Answers within the timeout plus a margin: status, Retry-After, body.
    let send = |accept: &'static str| {
        let request = browser
            .http
            .post(app.url("/activate"))
            .header("accept", accept)
            .form(&form);
        async move {
            let started = std::time::Instant::now();
            let response = tokio::time::timeout(std::time::Duration::from_secs(5), request.send())
                .await
                .expect("the provider answers instead of waiting for the gateway")
                .unwrap();
            let took = started.elapsed();
            assert!(
                took < std::time::Duration::from_millis(500 + 2_000),
                "answered after {took:?}"
            );
            let status = response.status().as_u16();
            let retry_after: u64 = response.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            (status, retry_after, response.text().await.unwrap())
        }
    };

    let (status, retry_after, body) = send("text/html,application/xhtml+xml").await;
    assert_eq!(status, 503, "{body}");
    assert!(retry_after > 0);
    assert!(body.contains("<html"), "a calm page for a browser: {body}");

    let (status, retry_after, body) = send("application/json").await;
    assert_eq!(status, 503, "{body}");
    assert!(retry_after > 0);
    let error: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        error["error"], "temporarily_unavailable",
        "the OAuth error for a program"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_require_a_bearer_token() {
    let app = TestApp::spawn_configured(Backends::Embedded, None, |s| {
        s.metrics_token = Some("scrape-me-9f2c".to_owned());
    })
    .await
    .unwrap();
    let http = reqwest::Client::new();
    let status = |request: reqwest::RequestBuilder| async move {
        let response = request.send().await.unwrap();
        let challenge = response.headers().get("www-authenticate").is_some();
        (response.status().as_u16(), challenge)
    };
    assert_eq!(status(http.get(app.url("/metrics"))).await, (401, true));
    assert_eq!(
        status(http.get(app.url("/metrics")).bearer_auth("wrong")).await,
        (401, true)
    );
    let (ok, _) = status(http.get(app.url("/metrics")).bearer_auth("scrape-me-9f2c")).await;
    assert_eq!(ok, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_can_move_to_their_own_listener() {
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = free.local_addr().unwrap();
    drop(free);
    let app = TestApp::spawn_configured(Backends::Embedded, None, |s| {
        s.metrics_listen = Some(address);
    })
    .await
    .unwrap();
    let main = reqwest::get(app.url("/metrics")).await.unwrap();
    assert_eq!(main.status(), 404, "not on the public listener");
    let mut served = None;
    for _ in 0..50 {
        if let Ok(response) = reqwest::get(format!("http://{address}/metrics")).await {
            served = Some(response);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let served = served.expect("the metrics listener answers");
    assert_eq!(served.status(), 200);
    assert!(
        served
            .text()
            .await
            .unwrap()
            .contains("clave_http_requests_total")
    );
}
