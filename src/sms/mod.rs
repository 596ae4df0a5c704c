//! SMS senders: how one-time codes reach the citizen's mobile.
//!
//! The flows (activation, forgotten password, password change, unsubscribe, login at
//! LoA substantial) only know the [`SmsSender`] trait; settings choose the
//! implementation once at start-up (README, "Settings": `CLAVE_SMS`):
//!
//! - [`LogSender`] (`log`): writes the message to the log; development only.
//! - [`OutboxSender`] (`outbox`): appends one JSON line per message to a file, which
//!   tests and demos read to get the OTP.
//! - [`HttpSender`] (`http`): POSTs to the SMS gateway with a bearer token, timeouts
//!   and bounded retries; production.
//!
//! Message bodies carry OTPs: [`SmsMessage`]'s `Debug` redacts the body, and no sender
//! except the development `log` one ever writes it to the log.

use std::fmt;

use async_trait::async_trait;

pub mod factory;
pub mod http;
pub mod log;
pub mod outbox;

pub use self::http::HttpSender;
pub use self::log::LogSender;
pub use self::outbox::{OutboxEntry, OutboxSender, read_outbox};

/// One text message to one phone.
#[derive(Clone, PartialEq, Eq)]
pub struct SmsMessage {
    /// Destination in E.164 (`+34600111222`).
    pub to: String,
    /// The text; contains the OTP, so it is secret.
    pub body: String,
    /// Why it is sent (`activation`, `password_reset`, `login`, …), for audit and the
    /// gateway's statistics.
    pub purpose: String,
}

impl fmt::Debug for SmsMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmsMessage")
            .field("to", &self.to)
            .field("body", &"[redacted]")
            .field("purpose", &self.purpose)
            .finish()
    }
}

/// Why a message was not sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// The gateway could not be reached or failed (after retries): a temporary fault,
    /// shown as 503 with `Retry-After`.
    #[error("SMS service unavailable: {0}")]
    Unavailable(String),
    /// The gateway refused this message (bad number, bad request): retrying the same
    /// message will not help.
    #[error("SMS rejected: {0}")]
    Rejected(String),
}

/// Something that delivers SMS messages.
#[async_trait]
pub trait SmsSender: Send + Sync + fmt::Debug {
    /// Sends one message; returns once it is accepted for delivery.
    async fn send(&self, msg: &SmsMessage) -> Result<(), SmsError>;

    /// The sender's settings name (`log`, `outbox`, `http`), for logs and metrics.
    fn name(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_debug_output_hides_the_body() {
        let msg = SmsMessage {
            to: "+34600111222".into(),
            body: "Su código Cl@ve es 123456".into(),
            purpose: "activation".into(),
        };
        let debug = format!("{msg:?}");
        assert!(debug.contains("+34600111222") && debug.contains("activation"));
        assert!(!debug.contains("123456"));
    }
}
