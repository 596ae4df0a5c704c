//! The development email sender: writes each notice to the log.
//!
//! So a developer sees the notice without a mail server: it logs the recipient, the
//! subject, the purpose and the plain-text body at INFO with target `email` (notices
//! carry no secret, but they are personal data; the HTML body is left out, it says
//! the same). Production refuses this sender unless explicitly allowed (settings).

use async_trait::async_trait;

use super::{EmailError, EmailMessage, EmailSender};

/// Logs messages instead of sending them (development only).
#[derive(Debug, Default, Clone, Copy)]
pub struct LogSender;

impl LogSender {
    /// A new log sender.
    pub fn new() -> Self {
        Self
    }
}

#[async_trait]
impl EmailSender for LogSender {
    async fn send(&self, msg: &EmailMessage) -> Result<(), EmailError> {
        // Deliberately logs the text body: showing the notice is this sender's purpose.
        tracing::info!(
            target: "email",
            to = %msg.to,
            subject = %msg.subject,
            purpose = %msg.purpose,
            text = %msg.text,
            "email (development log sender, not delivered)"
        );
        Ok(())
    }

    fn name(&self) -> &'static str {
        "log"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_log_sender_always_succeeds_and_names_itself_log() {
        let sender = LogSender::new();
        let msg = EmailMessage {
            to: "ana@example.es".into(),
            subject: "Nuevo acceso".into(),
            text: "Se ha accedido desde un navegador nuevo".into(),
            html: "<p>Se ha accedido desde un navegador nuevo</p>".into(),
            purpose: "new_browser".into(),
        };
        assert_eq!(sender.send(&msg).await, Ok(()));
        assert_eq!(sender.name(), "log");
    }
}
