//! Email senders: how security notices reach the citizen's registered address.
//!
//! The notices (activation completed, password changed, password blocked, a sign-in
//! from a new browser, unsubscribe) only know the [`EmailSender`] trait; settings
//! choose the implementation once at start-up (README, "Settings": `CLAVE_EMAIL`),
//! in the same shape as the SMS senders ([`crate::sms`]):
//!
//! - [`LogSender`] (`log`): writes the notice to the log; development only.
//! - [`OutboxSender`] (`outbox`): appends one JSON line per notice to a file, which
//!   tests and demos read.
//! - [`SmtpSender`] (`smtp`): hands each notice to an SMTP relay from a bounded queue
//!   and a background task, with timeouts and bounded retries; production.
//!
//! Notices carry no secret (no code, no password: they say what happened and link to
//! `/account`), but they are personal data about the account: [`EmailMessage`]'s
//! `Debug` leaves the bodies out, and only the development `log` sender writes one to
//! the log.

use std::fmt;

use async_trait::async_trait;

pub mod factory;
pub mod log;
pub mod outbox;
pub mod smtp;

pub use self::log::LogSender;
pub use self::outbox::{EmailOutboxEntry, OutboxSender, read_outbox};
pub use self::smtp::{SmtpOptions, SmtpSender};

/// One email to one address.
#[derive(Clone, PartialEq, Eq)]
pub struct EmailMessage {
    /// The recipient's address (`ana@example.es`).
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body, the same notice as `text`.
    pub html: String,
    /// Why it is sent (`activation`, `password_changed`, `new_browser`, …), for
    /// audit, logs and metrics.
    pub purpose: String,
}

impl fmt::Debug for EmailMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmailMessage")
            .field("to", &self.to)
            .field("subject", &self.subject)
            .field("purpose", &self.purpose)
            .finish_non_exhaustive()
    }
}

/// Why a message was not sent (or, for `smtp`, not queued).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// The mail path cannot take the message now (file not writable, queue full,
    /// delivery task gone): a temporary fault.
    #[error("email service unavailable: {0}")]
    Unavailable(String),
    /// This message cannot be sent as it is (the address does not parse): retrying
    /// the same message will not help.
    #[error("email rejected: {0}")]
    Rejected(String),
}

/// Something that delivers emails.
#[async_trait]
pub trait EmailSender: Send + Sync + fmt::Debug {
    /// Sends one message; returns once it is accepted for delivery (for `smtp`, once
    /// it is queued: delivery happens later, off the request path).
    async fn send(&self, msg: &EmailMessage) -> Result<(), EmailError>;

    /// The sender's settings name (`log`, `outbox`, `smtp`), for logs and metrics.
    fn name(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_debug_output_hides_both_bodies() {
        let msg = EmailMessage {
            to: "ana@example.es".into(),
            subject: "Su contraseña ha cambiado".into(),
            text: "Texto del aviso".into(),
            html: "<p>Aviso en HTML</p>".into(),
            purpose: "password_changed".into(),
        };
        let debug = format!("{msg:?}");
        assert!(debug.contains("ana@example.es"), "{debug}");
        assert!(debug.contains("Su contraseña ha cambiado"), "{debug}");
        assert!(debug.contains("password_changed"), "{debug}");
        assert!(!debug.contains("Texto del aviso"), "{debug}");
        assert!(!debug.contains("Aviso en HTML"), "{debug}");
    }
}
