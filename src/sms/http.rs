//! The production SMS sender: POSTs each message to an SMS gateway.
//!
//! Request: `POST <url>` with `Authorization: Bearer <token>` and the JSON body
//! `{"to","body","purpose"}`. Any 2xx means accepted.
//!
//! Failure handling, so a slow or failing gateway never hangs a citizen's request:
//! - every attempt has its own `timeout` (connect + response);
//! - connection errors, timeouts, 5xx, 408 and 429 are retried up to `retries` times
//!   with a short exponential backoff (100 ms, 200 ms, … capped at 1 s), then reported
//!   as [`SmsError::Unavailable`] (the page answers 503 + `Retry-After`);
//! - other 4xx are [`SmsError::Rejected`] at once: the same request would fail again.
//!
//! Worst case a send takes about `(retries + 1) · timeout` plus the backoff.
//! Redirects are not followed (they would carry the bearer token elsewhere). The body
//! (it carries the OTP) and the token are never logged; `Debug` redacts the token.

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::StatusCode;
use url::Url;

use super::{SmsError, SmsMessage, SmsSender};

/// Sends messages through an HTTP SMS gateway.
pub struct HttpSender {
    client: reqwest::Client,
    url: Url,
    bearer_token: String,
    timeout: Duration,
    retries: u32,
}

impl fmt::Debug for HttpSender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only scheme, host, port and path: user info or a query could hold secrets.
        let mut shown = self.url.clone();
        shown.set_query(None);
        let _ = shown.set_username("");
        let _ = shown.set_password(None);
        f.debug_struct("HttpSender")
            .field("url", &shown.as_str())
            .field("bearer_token", &"[redacted]")
            .field("timeout", &self.timeout)
            .field("retries", &self.retries)
            .finish()
    }
}

/// What one attempt came to.
enum Attempt {
    Sent,
    Retry(String),
    Rejected(String),
    Fatal(String),
}

impl HttpSender {
    /// A sender posting to `url` with `bearer_token`; each attempt times out after
    /// `timeout`, and failed attempts are retried at most `retries` times.
    pub fn new(
        url: Url,
        bearer_token: impl Into<String>,
        timeout: Duration,
        retries: u32,
    ) -> Result<Self, SmsError> {
        let client = reqwest::Client::builder()
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| SmsError::Unavailable(format!("HTTP client: {e}")))?;
        Ok(Self {
            client,
            url,
            bearer_token: bearer_token.into(),
            timeout,
            retries,
        })
    }

    async fn attempt(&self, msg: &SmsMessage) -> Attempt {
        let body = serde_json::json!({
            "to": msg.to,
            "body": msg.body,
            "purpose": msg.purpose,
        });
        let sent = self
            .client
            .post(self.url.clone())
            .bearer_auth(&self.bearer_token)
            .timeout(self.timeout)
            .json(&body)
            .send()
            .await;
        match sent {
            Ok(response) => classify(response.status()),
            // A request that could not even be built will not build next time.
            Err(err) if err.is_builder() => Attempt::Fatal(err.without_url().to_string()),
            Err(err) if err.is_timeout() => Attempt::Retry("gateway timed out".into()),
            Err(err) => Attempt::Retry(err.without_url().to_string()),
        }
    }
}

/// Maps a gateway status to the next step.
fn classify(status: StatusCode) -> Attempt {
    if status.is_success() {
        Attempt::Sent
    } else if status.is_server_error()
        || status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
    {
        Attempt::Retry(format!("gateway answered {status}"))
    } else if status.is_client_error() {
        Attempt::Rejected(format!("gateway answered {status}"))
    } else {
        Attempt::Fatal(format!("unexpected gateway answer {status}"))
    }
}

/// Pause before retry number `retry` (1-based): 100 ms doubling, at most 1 s.
fn backoff(retry: u32) -> Duration {
    Duration::from_millis(100u64.saturating_mul(1 << retry.saturating_sub(1).min(4)))
        .min(Duration::from_secs(1))
}

#[async_trait]
impl SmsSender for HttpSender {
    async fn send(&self, msg: &SmsMessage) -> Result<(), SmsError> {
        let mut last = String::new();
        for attempt in 0..=self.retries {
            if attempt > 0 {
                tokio::time::sleep(backoff(attempt)).await;
            }
            match self.attempt(msg).await {
                Attempt::Sent => return Ok(()),
                Attempt::Rejected(reason) => {
                    tracing::warn!(target: "sms", purpose = %msg.purpose, %reason, "SMS rejected by the gateway");
                    return Err(SmsError::Rejected(reason));
                }
                Attempt::Fatal(reason) => return Err(SmsError::Unavailable(reason)),
                Attempt::Retry(reason) => {
                    tracing::warn!(target: "sms", attempt = attempt + 1, purpose = %msg.purpose, %reason, "SMS attempt failed");
                    last = reason;
                }
            }
        }
        Err(SmsError::Unavailable(format!(
            "{last} ({} attempts)",
            self.retries + 1
        )))
    }

    fn name(&self) -> &'static str {
        "http"
    }
}

#[cfg(test)]
#[path = "http_tests.rs"]
mod tests;
