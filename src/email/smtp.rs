//! The production email sender: hands each notice to an SMTP relay, off the request
//! path.
//!
//! **Relay.** Built from `CLAVE_SMTP_URL` with lettre's URL form:
//! `smtps://user:password@host[:465]` (implicit TLS) or
//! `smtp://user:password@host[:587]?tls=required` (STARTTLS, refused if the server
//! does not offer it); plain `smtp://host:25` only for a relay on the same host or
//! network (settings refuse credentials without TLS). TLS is rustls with the `ring`
//! provider and Mozilla's roots. Each message is `multipart/alternative` (text, then
//! HTML), `From` the `CLAVE_EMAIL_FROM` mailbox, with a `Message-ID` in its domain.
//!
//! **Delivery.** [`SmtpSender::send`] builds the message (a recipient that does not
//! parse is [`EmailError::Rejected`] at once) and pushes it onto a bounded queue
//! ([`QUEUE_CAPACITY`]); it never waits for the relay, so a slow or failing relay
//! never slows a citizen's page. A full queue drops the message with a warning and
//! [`EmailError::Unavailable`] rather than grow without bound. A task started by
//! [`SmtpSender::start`] delivers at most [`IN_FLIGHT`] messages at once; each
//! attempt has its own timeout; transient failures (4xx replies, connection and
//! network errors, timeouts) are retried up to `retries` times with exponential
//! back-off, permanent ones (5xx, TLS, a message the client cannot send) are not.
//! `clave_emails_total{outcome}` counts `sent`, `failed` and `dropped`.
//!
//! Nothing here logs a message body; `Debug` shows the relay without credentials.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use async_trait::async_trait;
use lettre::address::Envelope;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{Semaphore, mpsc};

use super::{EmailError, EmailMessage, EmailSender};
use crate::clock::SharedClock;
use crate::crypto::random_token;

/// How many messages may wait for delivery.
pub const QUEUE_CAPACITY: usize = 1_000;
/// How many messages may be under way at once (one connection each).
pub const IN_FLIGHT: usize = 4;
/// The longest pause between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// How the sender delivers.
#[derive(Debug, Clone)]
pub struct SmtpOptions {
    /// Longest time one attempt (connect, TLS, the whole SMTP exchange) may take.
    pub timeout: Duration,
    /// Attempts after the first, for transient failures only.
    pub retries: u32,
    /// Messages that may wait in the queue (at least 1).
    pub queue_capacity: usize,
    /// Pause before the first retry; it doubles for each next one, up to 30 s.
    pub first_backoff: Duration,
}

impl SmtpOptions {
    /// `timeout` per attempt and `retries` retries, with the default queue
    /// ([`QUEUE_CAPACITY`]) and a first back-off of one second.
    pub fn new(timeout: Duration, retries: u32) -> Self {
        Self {
            timeout,
            retries,
            queue_capacity: QUEUE_CAPACITY,
            first_backoff: Duration::from_secs(1),
        }
    }
}

/// One message ready for the relay.
struct Outgoing {
    envelope: Envelope,
    raw: Vec<u8>,
    purpose: String,
}

/// Queues messages for an SMTP relay (see the module text).
pub struct SmtpSender {
    queue: mpsc::Sender<Outgoing>,
    from: Mailbox,
    relay: String,
    clock: SharedClock,
    options: SmtpOptions,
}

impl fmt::Debug for SmtpSender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSender")
            .field("relay", &self.relay)
            .field("from", &self.from.to_string())
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl SmtpSender {
    /// A sender relaying through `url` (lettre's form, see the module text) with
    /// `from` as the sender, stamping `Date` with `clock`.
    ///
    /// Starts the delivery task, so it must be called inside a Tokio runtime; outside
    /// one it fails with [`EmailError::Unavailable`]. A malformed `url` fails with a
    /// message that does not repeat it (it may hold a password).
    pub fn start(
        url: &str,
        from: Mailbox,
        options: SmtpOptions,
        clock: SharedClock,
    ) -> Result<Self, EmailError> {
        let relay = relay_label(url).ok_or_else(malformed_url)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|_| malformed_url())?
            .timeout(Some(options.timeout))
            .build::<Tokio1Executor>();
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| {
            EmailError::Unavailable("the SMTP sender must be started inside a Tokio runtime".into())
        })?;
        let (queue, outgoing) = mpsc::channel(options.queue_capacity.max(1));
        runtime.spawn(deliver(transport, outgoing, options.clone()));
        Ok(Self {
            queue,
            from,
            relay,
            clock,
            options,
        })
    }

    /// The message as it goes to the relay.
    fn build(&self, msg: &EmailMessage) -> Result<Message, EmailError> {
        let to: Mailbox = msg.to.parse().map_err(|_| {
            EmailError::Rejected("the recipient is not a valid email address".into())
        })?;
        let message_id = format!("<{}@{}>", random_token(18), self.from.email.domain());
        let date = UNIX_EPOCH + Duration::from_secs(u64::try_from(self.clock.now()).unwrap_or(0));
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(msg.subject.as_str())
            .date(date)
            .message_id(Some(message_id))
            .multipart(MultiPart::alternative_plain_html(
                msg.text.clone(),
                msg.html.clone(),
            ))
            .map_err(|e| EmailError::Rejected(format!("cannot build the message: {e}")))
    }
}

#[async_trait]
impl EmailSender for SmtpSender {
    async fn send(&self, msg: &EmailMessage) -> Result<(), EmailError> {
        let message = self.build(msg)?;
        let outgoing = Outgoing {
            envelope: message.envelope().clone(),
            raw: message.formatted(),
            purpose: msg.purpose.clone(),
        };
        match self.queue.try_send(outgoing) {
            Ok(()) => Ok(()),
            Err(mpsc::error::TrySendError::Full(_)) => {
                tracing::warn!(target: "email", purpose = %msg.purpose, "email queue full; message dropped");
                metrics::counter!("clave_emails_total", "outcome" => "dropped").increment(1);
                Err(EmailError::Unavailable("the email queue is full".into()))
            }
            Err(mpsc::error::TrySendError::Closed(_)) => {
                metrics::counter!("clave_emails_total", "outcome" => "dropped").increment(1);
                Err(EmailError::Unavailable(
                    "the email delivery task has stopped".into(),
                ))
            }
        }
    }

    fn name(&self) -> &'static str {
        "smtp"
    }
}

fn malformed_url() -> EmailError {
    EmailError::Unavailable(
        "not a usable smtp:// or smtps:// URL (expected smtps://user:password@host or \
         smtp://user:password@host?tls=required)"
            .into(),
    )
}

/// `scheme://host:port` of the relay, without user, password, path or query.
fn relay_label(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw).ok()?;
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    })
}

/// Takes queued messages and delivers each in its own task, at most [`IN_FLIGHT`]
/// at once; ends when every [`SmtpSender`] handle is gone and the queue is empty.
async fn deliver(
    transport: AsyncSmtpTransport<Tokio1Executor>,
    mut outgoing: mpsc::Receiver<Outgoing>,
    options: SmtpOptions,
) {
    let in_flight = Arc::new(Semaphore::new(IN_FLIGHT));
    while let Some(message) = outgoing.recv().await {
        let Ok(permit) = Arc::clone(&in_flight).acquire_owned().await else {
            return;
        };
        let transport = transport.clone();
        let options = options.clone();
        tokio::spawn(async move {
            let outcome = deliver_one(&transport, &message, &options).await;
            metrics::counter!("clave_emails_total", "outcome" => outcome).increment(1);
            drop(permit);
        });
    }
}

/// Delivers one message with retries; the outcome for the metric.
async fn deliver_one(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    message: &Outgoing,
    options: &SmtpOptions,
) -> &'static str {
    let purpose = message.purpose.as_str();
    let mut wait = options.first_backoff;
    for attempt in 0..=options.retries {
        if attempt > 0 {
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(MAX_BACKOFF);
        }
        let sent = tokio::time::timeout(
            options.timeout,
            transport.send_raw(&message.envelope, &message.raw),
        )
        .await;
        match sent {
            Ok(Ok(_)) => {
                tracing::debug!(target: "email", purpose, attempt, "email handed to the relay");
                return "sent";
            }
            Ok(Err(error)) if !is_retryable(&error) => {
                tracing::warn!(target: "email", purpose, attempt, %error, "the relay refused an email; not retried");
                return "failed";
            }
            Ok(Err(error)) => {
                tracing::warn!(target: "email", purpose, attempt, %error, "email attempt failed");
            }
            Err(_) => {
                tracing::warn!(target: "email", purpose, attempt, "email attempt timed out");
            }
        }
    }
    tracing::warn!(target: "email", purpose, attempts = options.retries + 1, "email not delivered; giving up");
    "failed"
}

/// Whether trying the same message again may succeed: a 4xx reply (RFC 5321
/// §4.2.1), a timeout, or a connection or network fault. A 5xx reply, a TLS
/// failure (certificate, no STARTTLS), a client-side error (no common
/// authentication mechanism) or a garbled reply will fail the same way again.
fn is_retryable(error: &SmtpError) -> bool {
    if error.is_transient() || error.is_timeout() {
        return true;
    }
    !(error.is_permanent()
        || error.is_tls()
        || error.is_client()
        || error.is_response()
        || error.is_transport_shutdown())
}

#[cfg(test)]
#[path = "smtp_tests.rs"]
mod tests;
