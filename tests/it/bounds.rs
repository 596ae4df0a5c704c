//! Bounded unauthenticated state and connections (`docs/architecture.md`,
//! "Bounds"): over-long authorization parameters are refused and leave nothing
//! behind; a flood of maximal `/authorize` requests from one address grows the
//! store by a bounded amount, and other addresses are still served; the
//! listener closes slow-header and idle connections within its timeout and
//! serves at most `CLAVE_MAX_CONNECTIONS` at once.

use std::time::{Duration, Instant};

use clave_idp::auth::transaction::MAX_LOGIN_TX_BYTES;
use clave_idp::settings::Settings;
use clave_idp::store::ephemeral::memory::ENTRY_OVERHEAD;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::harness::{Backends, Browser, ClientSpec, PORTAL, TestApp};

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    [
        embedded: super::provider(crate::harness::Backends::Embedded).await.map(|app| (app, ())),
        real: super::provider(crate::harness::Backends::Real).await.map(|app| (app, ())),
    ]
    [
        an_over_long_parameter_is_sent_back_as_invalid_request_and_nothing_is_stored,
        an_over_long_client_id_or_redirect_uri_gets_the_error_page_and_nothing_is_stored,
        ten_thousand_maximal_authorize_requests_from_one_address_grow_the_store_by_a_bounded_amount,
    ]
);

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    [
        embedded_quota: super::quota_of(5, crate::harness::Backends::Embedded).await.map(|app| (app, ())),
        real_quota: super::quota_of(5, crate::harness::Backends::Real).await.map(|app| (app, ())),
    ]
    [an_address_past_its_transaction_quota_gets_429_with_the_true_wait_and_others_are_served]
);

/// The provider on its shipped transaction quota, with the portal `sede`.
async fn provider(backends: Backends) -> Option<TestApp> {
    let shipped = Settings::default().rate_authorize_ip;
    quota_of(shipped, backends).await
}

/// The provider with a quota of `per_window` new logins per address, behind a
/// proxy at 127.0.0.1 whose `X-Forwarded-For` names the citizen's address.
async fn quota_of(per_window: u32, backends: Backends) -> Option<TestApp> {
    let app = TestApp::spawn_configured(backends, None, |s| {
        s.rate_authorize_ip = per_window;
        s.trusted_proxies = "127.0.0.1".to_owned();
    })
    .await?;
    app.client(ClientSpec::confidential("sede")).await;
    Some(app)
}

const AUTHORIZE: &str = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid";

fn encoded(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Keys and bytes (keys plus values) the provider holds in its ephemeral store:
/// the in-process store's own accounting (which adds [`ENTRY_OVERHEAD`] an
/// entry), or on Redis everything under the provider's prefix, with the
/// server's `MEMORY USAGE` of those keys as the third figure.
pub(crate) async fn stored(app: &TestApp) -> (usize, usize, usize) {
    if let Some(footprint) = app.state.ephemeral.footprint() {
        return (footprint.keys, footprint.bytes, footprint.bytes);
    }
    let url = app.state.settings.redis_url.clone().expect("redis");
    let client = redis::Client::open(url).unwrap();
    let mut redis = client.get_multiplexed_async_connection().await.unwrap();
    let pattern = format!("{}*", app.state.settings.redis_prefix);
    let mut keys: Vec<String> = Vec::new();
    let mut cursor: u64 = 0;
    loop {
        let (next, batch): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(&pattern)
            .arg("COUNT")
            .arg(1000)
            .query_async(&mut redis)
            .await
            .unwrap();
        keys.extend(batch);
        if next == 0 {
            break;
        }
        cursor = next;
    }
    let (mut bytes, mut usage) = (0, 0);
    for chunk in keys.chunks(500) {
        let mut lengths = redis::pipe();
        let mut memory = redis::pipe();
        for key in chunk {
            lengths.cmd("STRLEN").arg(key);
            memory.cmd("MEMORY").arg("USAGE").arg(key);
        }
        let lengths: Vec<usize> = lengths.query_async(&mut redis).await.unwrap();
        let memory: Vec<Option<usize>> = memory.query_async(&mut redis).await.unwrap();
        bytes += chunk.iter().map(String::len).sum::<usize>() + lengths.iter().sum::<usize>();
        usage += memory.into_iter().flatten().sum::<usize>();
    }
    (keys.len(), bytes, usage)
}

async fn an_over_long_parameter_is_sent_back_as_invalid_request_and_nothing_is_stored(
    app: TestApp,
) {
    let before = stored(&app).await;
    let browser = Browser::new();
    for (name, cap) in [
        ("state", 1024),
        ("nonce", 512),
        ("login_hint", 64),
        ("ui_locales", 128),
        ("claims", 4096),
    ] {
        let long = if name == "claims" {
            format!(r#"{{"userinfo":{{"nif":null,"x":"{}"}}}}"#, "y".repeat(cap))
        } else {
            "a".repeat(cap + 1)
        };
        let state = if name == "state" { "" } else { "&state=s1" };
        let got = browser
            .get(&app.url(&format!("{AUTHORIZE}{state}&{name}={}", encoded(&long))))
            .await;
        assert_eq!(got.status, 302, "{name}: {}", got.body);
        assert!(
            got.location.as_deref().unwrap().starts_with(PORTAL),
            "{name}"
        );
        assert_eq!(
            got.location_param("error").as_deref(),
            Some("invalid_request"),
            "{name}"
        );
        if name != "state" {
            assert_eq!(got.location_param("state").as_deref(), Some("s1"), "{name}");
        }
        let description = got.location_param("error_description").unwrap();
        assert!(description.contains(name), "{name}: {description}");
    }
    let posted = browser
        .post(
            &app.url("/authorize"),
            &[
                ("client_id", "sede"),
                ("redirect_uri", PORTAL),
                ("response_type", "code"),
                ("scope", "openid"),
                ("nonce", &"n".repeat(513)),
            ],
        )
        .await;
    assert_eq!(posted.status, 303, "{}", posted.body);
    assert_eq!(
        posted.location_param("error").as_deref(),
        Some("invalid_request")
    );

    assert_eq!(stored(&app).await.0, before.0, "nothing was stored");
    // At the caps, the same request starts a login.
    let at_cap = browser
        .get(&app.url(&format!(
            "{AUTHORIZE}&state={}&nonce={}",
            "s".repeat(1024),
            "n".repeat(512)
        )))
        .await;
    assert_eq!(at_cap.status, 302);
    assert!(
        at_cap.location.as_deref().unwrap().starts_with("/login"),
        "{:?}",
        at_cap.location
    );
}

async fn an_over_long_client_id_or_redirect_uri_gets_the_error_page_and_nothing_is_stored(
    app: TestApp,
) {
    let before = stored(&app).await;
    let browser = Browser::new();
    let long_client = browser
        .get(&app.url(&format!(
            "/authorize?client_id={}&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid",
            "c".repeat(129)
        )))
        .await;
    assert_eq!(long_client.status, 400, "{}", long_client.body);
    assert!(long_client.location.is_none());
    assert!(long_client.body.contains("<html"), "an HTML page");
    let long_uri = browser
        .get(&app.url(&format!(
            "/authorize?client_id=sede&redirect_uri={}&response_type=code&scope=openid",
            encoded(&format!("{PORTAL}?x={}", "a".repeat(2048)))
        )))
        .await;
    assert_eq!(long_uri.status, 400, "{}", long_uri.body);
    assert!(long_uri.location.is_none(), "never redirected to");
    let huge = browser
        .get(&app.url(&format!("{AUTHORIZE}&state={}", "a".repeat(9000))))
        .await;
    assert_eq!(huge.status, 400, "past every cap: the error page");
    assert_eq!(stored(&app).await.0, before.0, "nothing was stored");
}

/// `/authorize` with every capped parameter at its cap.
fn maximal_authorize(n: usize) -> String {
    let claims = format!(
        r#"{{"userinfo":{{"nif":null,"email":null,"{}":null}},"id_token":{{"acr":{{"values":["http://eidas.europa.eu/LoA/substantial"]}}}}}}"#,
        "z".repeat(3900)
    );
    let state = format!("{n:08}{}", "\"".repeat(1016));
    format!(
        "{AUTHORIZE}%20profile%20email%20phone%20nif&state={}&nonce={}&login_hint={}&ui_locales={}&claims={}&acr_values={}&prompt=login&max_age=999999",
        encoded(&state),
        encoded(&"\\".repeat(512)),
        encoded(&"\"".repeat(64)),
        encoded(&"\"".repeat(128)),
        encoded(&claims),
        encoded(&"a".repeat(512)),
    )
}

async fn ten_thousand_maximal_authorize_requests_from_one_address_grow_the_store_by_a_bounded_amount(
    app: TestApp,
) {
    const REQUESTS: usize = 10_000;
    const CONCURRENCY: usize = 16;
    let quota = app.state.settings.rate_authorize_ip as usize;
    let before = stored(&app).await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..CONCURRENCY {
        let http = http.clone();
        let base = app.issuer.clone();
        tasks.push(tokio::spawn(async move {
            let (mut started_logins, mut refused) = (0usize, 0usize);
            for n in (worker..REQUESTS).step_by(CONCURRENCY) {
                let answer = http
                    .get(format!("{base}{}", maximal_authorize(n)))
                    .header("x-forwarded-for", "198.51.100.7")
                    .send()
                    .await
                    .unwrap();
                match answer.status().as_u16() {
                    302 => {
                        let to = answer.headers()["location"].to_str().unwrap();
                        assert!(to.starts_with("/login"), "{to}");
                        started_logins += 1;
                    }
                    429 => {
                        let wait: u64 = answer.headers()["retry-after"]
                            .to_str()
                            .unwrap()
                            .parse()
                            .unwrap();
                        assert!((1..=600).contains(&wait), "{wait}");
                        let page = answer.text().await.unwrap();
                        assert!(page.contains("<html"), "an HTML page");
                        refused += 1;
                    }
                    other => panic!("{other}: {}", answer.text().await.unwrap()),
                }
            }
            (started_logins, refused)
        }));
    }
    let (mut started_logins, mut refused) = (0, 0);
    for task in tasks {
        let (s, r) = task.await.unwrap();
        started_logins += s;
        refused += r;
    }
    let elapsed = started.elapsed();
    let after = stored(&app).await;
    let (keys, bytes, usage) = (
        after.0 - before.0,
        after.1 - before.1,
        after.2.saturating_sub(before.2),
    );
    eprintln!(
        "bounds: {REQUESTS} maximal /authorize from one address in {elapsed:?}: \
         {started_logins} logins started, {refused} refused; store +{keys} keys, \
         +{bytes} B counted (+{usage} B by the backend's own measure)"
    );

    // The quota, plus what refilled while the test ran (a token every
    // 600 s / quota), lets logins start; every other request was refused.
    let refill = (elapsed.as_secs_f64() * quota as f64 / 600.0).ceil() as usize + 1;
    assert_eq!(started_logins + refused, REQUESTS);
    assert!(started_logins >= quota.min(REQUESTS), "{started_logins}");
    assert!(
        started_logins <= quota + refill,
        "{started_logins} > {quota} + {refill}"
    );
    // One key per started login (and the address's counter on Redis), each at
    // most the stated size of a maximal transaction and its key.
    assert!(keys <= started_logins + 1, "{keys} keys");
    let per_login = MAX_LOGIN_TX_BYTES + 3 * 64 + ENTRY_OVERHEAD;
    assert!(
        bytes <= (started_logins + 1) * per_login,
        "{bytes} B for {started_logins} logins"
    );
}

async fn an_address_past_its_transaction_quota_gets_429_with_the_true_wait_and_others_are_served(
    app: TestApp,
) {
    let crowded = Browser::behind_proxy("203.0.113.7");
    for n in 0..5 {
        let got = crowded.get(&app.url(AUTHORIZE)).await;
        assert_eq!(got.status, 302, "{n}: {}", got.body);
    }
    let before = stored(&app).await;
    let refused = crowded.get(&app.url(AUTHORIZE)).await;
    assert_eq!(refused.status, 429, "{}", refused.body);
    let wait: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    // Five logins in a 600 s window: the next is due within 120 s (in-process
    // GCRA) or when the window ends (Redis); never the old fixed 5 s.
    assert!((1..=600).contains(&wait), "{wait}");
    assert!(refused.body.contains("<html"));
    assert_eq!(stored(&app).await.0, before.0, "a refusal stores nothing");

    let elsewhere = Browser::behind_proxy("203.0.113.8")
        .get(&app.url(AUTHORIZE))
        .await;
    assert_eq!(elsewhere.status, 302, "another address is served");
    // An IPv6 subscriber is one /64, however many addresses it uses.
    for n in 1..=5 {
        let got = Browser::behind_proxy(&format!("2001:db8:7:7::{n}"))
            .get(&app.url(AUTHORIZE))
            .await;
        assert_eq!(got.status, 302, "{n}");
    }
    let same_prefix = Browser::behind_proxy("2001:db8:7:7::99")
        .get(&app.url(AUTHORIZE))
        .await;
    assert_eq!(same_prefix.status, 429);
    let next_prefix = Browser::behind_proxy("2001:db8:7:8::1")
        .get(&app.url(AUTHORIZE))
        .await;
    assert_eq!(next_prefix.status, 302);
}

// The listener does not depend on the stores: these run on the embedded ones.

const SHORT_TIMEOUT: Duration = Duration::from_millis(400);
/// Generous: a loaded CI machine may be slow to close, never early.
const MARGIN: Duration = Duration::from_secs(4);

async fn with_listener(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    TestApp::spawn_configured(Backends::Embedded, None, adjust)
        .await
        .unwrap()
}

fn address(app: &TestApp) -> String {
    app.issuer.trim_start_matches("http://").to_owned()
}

/// Reads until the server closes the connection; returns what it sent and when
/// it closed, or `None` if it was still open after `within`.
async fn until_closed(socket: &mut TcpStream, within: Duration) -> Option<(String, Instant)> {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buffer = [0u8; 4096];
        loop {
            match socket.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| (String::from_utf8_lossy(&seen).into_owned(), Instant::now()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_that_never_finishes_its_headers_is_closed_within_the_timeout() {
    let app = with_listener(|s| s.header_read_timeout_ms = SHORT_TIMEOUT.as_millis() as u64).await;
    let mut socket = TcpStream::connect(address(&app)).await.unwrap();
    let opened = Instant::now();
    socket
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();

    let closed = until_closed(&mut socket, SHORT_TIMEOUT + MARGIN).await;

    let (_, at) = closed.expect("the slow-header connection is still open");
    assert!(
        at - opened >= SHORT_TIMEOUT - Duration::from_millis(50),
        "closed early"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed_within_the_timeout() {
    let app = with_listener(|s| s.header_read_timeout_ms = SHORT_TIMEOUT.as_millis() as u64).await;
    let mut socket = TcpStream::connect(address(&app)).await.unwrap();
    socket
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let answered = Instant::now();

    let closed = until_closed(&mut socket, SHORT_TIMEOUT + MARGIN).await;

    let (seen, _) = closed.expect("the idle connection is still open");
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
    assert!(answered.elapsed() >= SHORT_TIMEOUT - Duration::from_millis(50));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_cap_wait_until_one_closes() {
    let app = with_listener(|s| {
        s.max_connections = 2;
        s.header_read_timeout_ms = 60_000;
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut socket = TcpStream::connect(address(&app)).await.unwrap();
        socket
            .write_all(b"GET /healthz HTTP/1.1\r\n")
            .await
            .unwrap();
        held.push(socket);
    }
    // Both slots are taken by connections still sending their headers: the
    // third waits in the backlog, unanswered.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut third = TcpStream::connect(address(&app)).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut byte = [0u8; 1];
    let early = tokio::time::timeout(Duration::from_millis(700), third.read(&mut byte)).await;
    assert!(early.is_err(), "answered beyond the cap: {early:?}");

    drop(held.remove(0));

    let (seen, _) = until_closed(&mut third, MARGIN)
        .await
        .expect("served once a slot freed");
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
}
