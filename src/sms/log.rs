//! The development SMS sender: writes each message to the log.
//!
//! This sender exists so a developer can see the OTP without a phone or a gateway: it
//! logs the whole message, body and OTP included, at INFO with target `sms`. That is
//! exactly why production refuses it unless explicitly allowed (settings), and why no
//! other sender logs message bodies.

use async_trait::async_trait;

use super::{SmsError, SmsMessage, SmsSender};

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
impl SmsSender for LogSender {
    async fn send(&self, msg: &SmsMessage) -> Result<(), SmsError> {
        // Deliberately logs the body: showing the OTP is this sender's purpose.
        tracing::info!(
            target: "sms",
            to = %msg.to,
            purpose = %msg.purpose,
            body = %msg.body,
            "SMS (development log sender, not delivered)"
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
        let msg = SmsMessage {
            to: "+34600111222".into(),
            body: "Código: 654321".into(),
            purpose: "login".into(),
        };
        assert_eq!(sender.send(&msg).await, Ok(()));
        assert_eq!(sender.name(), "log");
    }
}
