//! Tests of the HTTP SMS sender against a scripted gateway on 127.0.0.1.

use super::*;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;

/// A fake gateway answering with scripted statuses (the last one repeats) and
/// recording what it received. Status 0 means "never answer".
#[derive(Default)]
struct Gateway {
    script: Mutex<VecDeque<u16>>,
    requests: Mutex<Vec<(Option<String>, serde_json::Value)>>,
}

impl Gateway {
    fn attempts(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

async fn answer(
    State(gateway): State<Arc<Gateway>>,
    headers: HeaderMap,
    body: String,
) -> StatusCode {
    let auth = headers
        .get("authorization")
        .map(|v| v.to_str().unwrap().to_owned());
    let json = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
    gateway.requests.lock().unwrap().push((auth, json));
    let status = {
        let mut script = gateway.script.lock().unwrap();
        if script.len() > 1 {
            script.pop_front().unwrap()
        } else {
            *script.front().unwrap()
        }
    };
    if status == 0 {
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
    StatusCode::from_u16(status).unwrap()
}

async fn gateway(script: &[u16]) -> (Url, Arc<Gateway>) {
    let state = Arc::new(Gateway::default());
    state.script.lock().unwrap().extend(script);
    let app = axum::Router::new()
        .route("/sms", post(answer))
        .with_state(Arc::clone(&state));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/sms").parse().unwrap(), state)
}

fn sender(url: Url, timeout_ms: u64, retries: u32) -> HttpSender {
    HttpSender::new(
        url,
        "gateway-token",
        Duration::from_millis(timeout_ms),
        retries,
    )
    .unwrap()
}

fn message() -> SmsMessage {
    SmsMessage {
        to: "+34600111222".into(),
        body: "Su código Cl@ve: 482913".into(),
        purpose: "activation".into(),
    }
}

#[tokio::test]
async fn an_accepted_message_is_posted_once_as_json_with_the_bearer_token() {
    let (url, gw) = gateway(&[200]).await;
    let sms = sender(url, 2_000, 2);

    assert_eq!(sms.send(&message()).await, Ok(()));

    let requests = gw.requests.lock().unwrap();
    assert_eq!(requests.len(), 1);
    let (auth, body) = &requests[0];
    assert_eq!(auth.as_deref(), Some("Bearer gateway-token"));
    assert_eq!(
        body,
        &serde_json::json!({
            "to": "+34600111222",
            "body": "Su código Cl@ve: 482913",
            "purpose": "activation",
        })
    );
    assert_eq!(sms.name(), "http");
}

#[tokio::test]
async fn two_server_errors_then_success_is_a_success_with_two_retries() {
    let (url, gw) = gateway(&[500, 503, 200]).await;
    assert_eq!(sender(url, 2_000, 2).send(&message()).await, Ok(()));
    assert_eq!(gw.attempts(), 3);
}

#[tokio::test]
async fn a_gateway_that_always_fails_is_unavailable_after_retries_plus_one_attempts() {
    let (url, gw) = gateway(&[500]).await;
    let result = sender(url, 2_000, 2).send(&message()).await;
    assert!(
        matches!(result, Err(SmsError::Unavailable(_))),
        "{result:?}"
    );
    assert_eq!(gw.attempts(), 3);
}

#[tokio::test]
async fn a_client_error_is_rejected_without_retrying() {
    let (url, gw) = gateway(&[400, 200]).await;
    let result = sender(url, 2_000, 3).send(&message()).await;
    assert!(matches!(result, Err(SmsError::Rejected(_))), "{result:?}");
    assert_eq!(gw.attempts(), 1);
}

#[tokio::test]
async fn rate_limiting_by_the_gateway_is_retried() {
    let (url, gw) = gateway(&[429, 200]).await;
    assert_eq!(sender(url, 2_000, 1).send(&message()).await, Ok(()));
    assert_eq!(gw.attempts(), 2);
}

#[tokio::test]
async fn a_gateway_that_never_answers_is_unavailable_within_the_attempt_timeouts() {
    let (url, gw) = gateway(&[0]).await;
    let timeout = Duration::from_millis(300);
    let started = Instant::now();

    let result = sender(url, 300, 2).send(&message()).await;

    let elapsed = started.elapsed();
    assert!(
        matches!(result, Err(SmsError::Unavailable(_))),
        "{result:?}"
    );
    assert_eq!(gw.attempts(), 3);
    assert!(elapsed >= timeout * 3, "{elapsed:?}");
    // 3 timeouts + 300 ms of backoff, plus slack for a loaded machine.
    assert!(
        elapsed < timeout * 3 + Duration::from_millis(1_300),
        "{elapsed:?}"
    );
}

#[tokio::test]
async fn an_unreachable_gateway_is_unavailable() {
    // Bind then drop a listener to get a port nobody listens on.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url: Url = format!("http://127.0.0.1:{port}/sms").parse().unwrap();
    let result = sender(url, 500, 1).send(&message()).await;
    assert!(
        matches!(result, Err(SmsError::Unavailable(_))),
        "{result:?}"
    );
}

#[test]
fn debug_output_hides_the_token_and_url_secrets() {
    let url: Url = "https://user:pw@gateway.example/sms?key=secret"
        .parse()
        .unwrap();
    let debug = format!("{:?}", sender(url, 1_000, 0));
    assert!(debug.contains("gateway.example/sms"));
    for secret in ["gateway-token", "pw", "secret"] {
        assert!(!debug.contains(secret), "{debug}");
    }
}

#[test]
fn backoff_doubles_from_100_ms_and_stops_at_one_second() {
    assert_eq!(backoff(1), Duration::from_millis(100));
    assert_eq!(backoff(2), Duration::from_millis(200));
    assert_eq!(backoff(4), Duration::from_millis(800));
    assert_eq!(backoff(5), Duration::from_secs(1));
    assert_eq!(backoff(40), Duration::from_secs(1));
}
