//! Abuse resistance through HTTP: attempt limits, the security question, no
//! account probing, security headers, and bad input answered with a 4xx while the
//! server keeps serving.

use crate::harness::{Backends, Browser, ClientSpec, PASSWORD, Seen, TestApp, solve_question};

const ID: &str = "12345678Z";

async fn limited(backends: Backends, account_soft: u32, ip_hard: u32) -> Option<TestApp> {
    TestApp::spawn_configured(backends, None, |s| {
        s.rate_account_soft = account_soft;
        s.rate_ip_hard = ip_hard;
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn self_service_asks_the_question_past_the_soft_quota_and_refuses_the_address_past_its_hard_one()
 {
    let app = limited(Backends::Embedded, 2, 6).await.unwrap();
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let mut page = browser.get(&app.url("/password/change")).await;
    for _ in 0..2 {
        page = browser
            .post(
                &app.url("/password/change"),
                &[
                    ("csrf_token", &page.csrf()),
                    ("username", ID),
                    ("password", "Wrong-1-aaaa"),
                ],
            )
            .await;
        assert_eq!(page.status, 422);
        assert!(
            page.security_question().is_none(),
            "no question within the soft quota"
        );
    }
    let asked = browser
        .post(
            &app.url("/password/change"),
            &[
                ("csrf_token", &page.csrf()),
                ("username", ID),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        asked.status, 422,
        "the right password alone no longer goes through"
    );
    let text = asked.security_question().expect("a security question");
    assert!(
        !text.chars().any(|c| c.is_ascii_digit()),
        "the sum is written in words: {text}"
    );
    let answer = solve_question(&text).to_string();
    let id = asked.field("captcha_id").unwrap();
    let passed = browser
        .post(
            &app.url("/password/change"),
            &[
                ("csrf_token", &asked.csrf()),
                ("username", ID),
                ("password", PASSWORD),
                ("captcha_id", &id),
                ("captcha_answer", &answer),
            ],
        )
        .await;
    assert_eq!(
        passed.status, 303,
        "the right answer and password go through: {}",
        passed.body
    );

    let mut last = passed;
    for _ in 0..4 {
        last = browser
            .post(
                &app.url("/password/change"),
                &[
                    ("csrf_token", &page.csrf()),
                    ("username", ID),
                    ("password", PASSWORD),
                ],
            )
            .await;
    }
    assert_eq!(last.status, 429);
    assert!(last.headers.contains_key("retry-after"));
    let other = browser.get(&app.url("/help")).await;
    assert_eq!(other.status, 200, "the server keeps serving");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_answer_counts_but_never_against_the_password_block() {
    let app = limited(Backends::Embedded, 1, 1000).await.unwrap();
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let mut page = browser.get(&app.url("/unsubscribe")).await;
    for _ in 0..20 {
        page = browser
            .post(
                &app.url("/unsubscribe"),
                &[
                    ("csrf_token", &page.csrf()),
                    ("username", ID),
                    ("password", "Wrong-1-aaaa"),
                    ("captcha_answer", "99"),
                ],
            )
            .await;
        assert_eq!(page.status, 422);
    }
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(
        citizen.password_failures, 1,
        "only the attempt within the soft quota reached the password"
    );
    assert!(!citizen.password_blocked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_html_page_carries_the_security_headers() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();
    let pages = [
        "/activate",
        "/password/forgot",
        "/password/change",
        "/unsubscribe",
        "/activation-code/regenerate",
        "/help",
        "/cookies",
        "/privacy",
        "/login?tx=nonexistent-transaction-id",
        "/activate/code?flow=nope",
        "/no/such/page",
        "/logout",
        "/authorize?client_id=nobody&redirect_uri=https%3A%2F%2Fx.example%2F",
    ];
    for path in pages {
        let seen = browser.get(&app.url(path)).await;
        assert!(
            seen.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        let csp = seen
            .headers
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"))
            .to_str()
            .unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'")
                && csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(seen.headers["x-content-type-options"], "nosniff", "{path}");
        assert!(seen.headers.contains_key("referrer-policy"), "{path}");
        assert_eq!(seen.headers["cache-control"], "no-store", "{path}");
        for cookie in seen.headers.get_all("set-cookie") {
            let cookie = cookie.to_str().unwrap();
            assert!(
                cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
                "{path}: {cookie}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_a_4xx_and_the_server_keeps_serving() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    app.client(ClientSpec::confidential("sede")).await;
    // A connection of its own for each case: the server may close one after a
    // bad request (a body it will not read), and a pooled connection reused just
    // as it closes is a transport error that says nothing about the next case.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let base = "client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid";
    let cases: Vec<(String, reqwest::RequestBuilder)> = vec![
        ("duplicate parameter".into(), http.get(app.url(&format!("/authorize?{base}&scope=openid")))),
        ("NUL in a parameter".into(), http.get(app.url(&format!("/authorize?{base}&state=a%00b")))),
        ("overlong parameter".into(), http.get(app.url(&format!("/authorize?{base}&state={}", "a".repeat(10_000))))),
        ("duplicate token parameter".into(), http.post(app.url("/token")).header("content-type", "application/x-www-form-urlencoded").body("grant_type=authorization_code&grant_type=refresh_token&client_id=sede&client_secret=x")),
        ("JSON to the token endpoint".into(), http.post(app.url("/token")).header("content-type", "application/json").body("{}")),
        ("oversized body".into(), http.post(app.url("/token")).header("content-type", "application/x-www-form-urlencoded").body("a=".to_owned() + &"b".repeat(200 * 1024))),
        ("invalid UTF-8 form".into(), http.post(app.url("/activate")).header("content-type", "application/x-www-form-urlencoded").body(vec![b'u', b'=', 0xff, 0xfe])),
        ("form without CSRF token".into(), http.post(app.url("/activate")).form(&[("username", ID)])),
        ("control character in a form".into(), http.post(app.url("/userinfo")).header("content-type", "application/x-www-form-urlencoded").body("access_token=a%01b")),
    ];
    for (what, request) in cases {
        let response = match request.send().await {
            Ok(response) => response,
            // The server may answer 413 and close before an oversized body is sent.
            Err(error) if what == "oversized body" && !error.is_timeout() => continue,
            Err(error) => panic!("{what}: {error}"),
        };
        let status = response.status().as_u16();
        if status == 302 || status == 303 {
            let location = response.headers()["location"].to_str().unwrap().to_owned();
            assert!(
                location.contains("error=invalid_request"),
                "{what}: {location}"
            );
        } else {
            assert!((400..500).contains(&status), "{what}: got {status}");
        }
    }
    let discovery = http
        .get(app.url("/.well-known/openid-configuration"))
        .send()
        .await
        .unwrap();
    assert_eq!(discovery.status(), 200, "still serving");
}

async fn password_page(app: &TestApp, browser: &Browser) -> Seen {
    app.client(ClientSpec::confidential("sede")).await;
    let url = app.url("/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid");
    browser.reach_password_page(app, &url).await.0
}

async fn two_hundred_concurrent_wrong_logins_count_exactly_the_quota_and_block_once(
    backends: Backends,
) {
    let Some(app) = TestApp::spawn_configured(backends, None, |s| {
        // The address's hard quota alone decides here (one atomic counter): with
        // the account's soft quota in play too, a request can pass one counter
        // and meet the other's question, and fewer than 10 would be checked.
        s.rate_account_soft = 1000;
        s.rate_ip_hard = 10;
    })
    .await
    else {
        return;
    };
    app.active_citizen(ID).await;
    let browser = std::sync::Arc::new(Browser::new());
    let page = password_page(&app, &browser).await;
    let (csrf, tx) = (page.csrf(), page.field("tx").unwrap());
    let url = app.url("/login/permanente");

    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (browser, url, csrf, tx) = (browser.clone(), url.clone(), csrf.clone(), tx.clone());
            tokio::spawn(async move {
                let mut statuses = Vec::new();
                for _ in 0..10 {
                    let form = [
                        ("csrf_token", csrf.as_str()),
                        ("tx", tx.as_str()),
                        ("username", ID),
                        ("password", "Wrong-Pass-1"),
                    ];
                    statuses.push(browser.post(&url, &form).await.status);
                }
                statuses
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.extend(task.await.unwrap());
    }

    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        10,
        "exactly the quota reached the password check"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 190);
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(citizen.password_failures, 10);
    assert!(citizen.password_blocked);
    let blocks = app
        .state
        .db
        .audit_events_for(ID)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.detail.contains("\"password_blocked\":true"))
        .count();
    assert_eq!(blocks, 1, "the block was set once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_wrong_logins_on_the_embedded_backends() {
    two_hundred_concurrent_wrong_logins_count_exactly_the_quota_and_block_once(Backends::Embedded)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_wrong_logins_on_postgres_and_redis() {
    two_hundred_concurrent_wrong_logins_count_exactly_the_quota_and_block_once(Backends::Real)
        .await;
}

async fn a_bot_that_never_answers_cannot_block_an_account(backends: Backends) {
    let Some(app) = limited(backends, 3, 1000).await else {
        return;
    };
    app.active_citizen(ID).await;
    let browser = Browser::new();
    let mut page = password_page(&app, &browser).await;
    let tx = page.field("tx").unwrap();
    for _ in 0..30 {
        page = browser
            .post(
                &app.url("/login/permanente"),
                &[
                    ("csrf_token", &page.csrf()),
                    ("tx", &tx),
                    ("username", ID),
                    ("password", "Wrong-Pass-1"),
                ],
            )
            .await;
        assert_eq!(page.status, 422);
    }
    let citizen = app.state.db.citizen(ID).await.unwrap().unwrap();
    assert_eq!(citizen.password_failures, 3);
    assert!(!citizen.password_blocked);

    // The citizen, answering the question, still gets in.
    let text = page.security_question().expect("the question is asked");
    let done = browser
        .post(
            &app.url("/login/permanente"),
            &[
                ("csrf_token", &page.csrf()),
                ("tx", &tx),
                ("username", ID),
                ("password", PASSWORD),
                ("captcha_id", &page.field("captcha_id").unwrap()),
                ("captcha_answer", &solve_question(&text).to_string()),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_that_never_answers_cannot_block_an_account_on_the_embedded_backends() {
    a_bot_that_never_answers_cannot_block_an_account(Backends::Embedded).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_that_never_answers_cannot_block_an_account_on_postgres_and_redis() {
    a_bot_that_never_answers_cannot_block_an_account(Backends::Real).await;
}
