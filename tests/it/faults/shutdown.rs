//! SIGTERM: the binary stops accepting, lets the request in flight finish, and
//! exits 0.
//!
//! The request is held open by the test itself: its headers are sent, then half of
//! its body; SIGTERM arrives while the handler waits for the rest. That makes the
//! overlap certain, where a slow handler would only make it likely.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::sleep;

use crate::harness::PORTAL;
use crate::servers::{Env, Instance, cli, free_port};

/// The `name=value` pairs of every `Set-Cookie`, for a hand-written request.
fn cookies(headers: &reqwest::header::HeaderMap, jar: &mut Vec<String>) {
    for value in headers.get_all("set-cookie") {
        let pair = value
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let name = pair.split('=').next().unwrap().to_owned();
        jar.retain(|c| !c.starts_with(&format!("{name}=")));
        jar.push(pair);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_the_request_in_flight_finish_then_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut env = Env::default();
    env.set("CLAVE_ISSUER", format!("http://127.0.0.1:{port}"))
        .set(
            "CLAVE_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("clave.db").display()),
        )
        .set("CLAVE_SMS", "outbox")
        .set(
            "CLAVE_SMS_OUTBOX",
            dir.path().join("sms.jsonl").display().to_string(),
        )
        .set("CLAVE_KEY_ENCRYPTION_KEY", clave_idp::kek::Kek::generate())
        .set("CLAVE_DEMO_PORTAL", "false")
        .set("CLAVE_LOG_FILTER", "info");
    let mut server = Instance::start(&env, port, dir.path(), "serve").await;
    let client = cli(
        &env,
        dir.path(),
        &["client", "add", "--name", "Sede", "--redirect-uri", PORTAL],
    )
    .await;
    let client_id = client["client_id"].as_str().unwrap();

    // The method-selection page, read by hand to keep its cookies and token.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut jar = Vec::new();
    let authorize = http
        .get(server.url(&format!(
            "/authorize?client_id={client_id}&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid&state=s1"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(authorize.status(), 302);
    cookies(authorize.headers(), &mut jar);
    let login = authorize.headers()["location"].to_str().unwrap().to_owned();
    let page = http
        .get(server.url(&login))
        .header("cookie", jar.join("; "))
        .send()
        .await
        .unwrap();
    cookies(page.headers(), &mut jar);
    let page = crate::harness::Seen {
        status: page.status().as_u16(),
        location: None,
        headers: page.headers().clone(),
        body: page.text().await.unwrap(),
    };
    let body = serde_urlencoded::to_string([
        ("csrf_token", page.csrf()),
        ("tx", page.field("tx").unwrap()),
        ("method", "permanente".to_owned()),
    ])
    .unwrap();

    // Headers and half the body: the handler is now waiting for the rest.
    let mut socket = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        jar.join("; "),
        body.len()
    );
    let (first, rest) = body.split_at(body.len() / 2);
    socket.write_all(head.as_bytes()).await.unwrap();
    socket.write_all(first.as_bytes()).await.unwrap();
    sleep(Duration::from_millis(300)).await;

    server.terminate();
    sleep(Duration::from_millis(500)).await;
    assert!(
        server.is_running(),
        "the process waits for the request in flight:\n{}",
        server.log_text()
    );
    socket.write_all(rest.as_bytes()).await.unwrap();
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(10), socket.read_to_string(&mut answer))
        .await
        .expect("the answer came within 10 s")
        .unwrap();

    let status: u16 = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {answer}"));
    assert!(
        (200..400).contains(&status),
        "the request in flight completed: {answer}"
    );
    let exit = server.exit_status(Duration::from_secs(10)).await;
    assert!(exit.success(), "exit status {exit}:\n{}", server.log_text());
    assert!(
        TcpStream::connect(("127.0.0.1", port)).await.is_err(),
        "nothing listens any more"
    );
}
