//! Builds the email sender the settings ask for (`CLAVE_EMAIL`), once at start-up.
//!
//! Whether production may use a development sender (`log`, `outbox`) is decided when
//! the settings load (`Settings::check`), as for SMS; here each kind only gets what it
//! needs, and a missing or malformed relay setting stops start-up with the variable's
//! name, never its value (`CLAVE_SMTP_URL` may carry a password).

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use lettre::message::Mailbox;

use super::{EmailSender, LogSender, OutboxSender, SmtpOptions, SmtpSender};
use crate::clock::SharedClock;
use crate::settings::{EmailKind, Settings};

/// The sender chosen by `settings.email`: `log`, `outbox` (at `email_outbox`, stamped
/// by `clock`) or `smtp` (through `smtp_url`, from `email_from`, `smtp_timeout_ms`
/// per attempt and `smtp_retries` retries).
///
/// For `smtp` this starts the delivery task, so it must be called inside a Tokio
/// runtime (see [`SmtpSender::start`]).
pub fn sender_from_settings(
    settings: &Settings,
    clock: SharedClock,
) -> anyhow::Result<Arc<dyn EmailSender>> {
    Ok(match settings.email {
        EmailKind::Log => Arc::new(LogSender::new()),
        EmailKind::Outbox => Arc::new(OutboxSender::with_clock(&settings.email_outbox, clock)),
        EmailKind::Smtp => {
            let url = settings
                .smtp_url
                .as_deref()
                .context("CLAVE_SMTP_URL (smtp_url) is required when CLAVE_EMAIL=smtp")?;
            let from: Mailbox = settings.email_from.parse().map_err(|_| {
                anyhow::anyhow!("CLAVE_EMAIL_FROM (email_from) must be a mailbox such as \"Cl@ve\" <no-reply@example.es>")
            })?;
            if settings.smtp_timeout_ms == 0 {
                anyhow::bail!("CLAVE_SMTP_TIMEOUT_MS (smtp_timeout_ms) must be above 0");
            }
            let options = SmtpOptions::new(
                Duration::from_millis(settings.smtp_timeout_ms),
                settings.smtp_retries,
            );
            // SmtpSender's errors never repeat the URL; the context names the setting.
            let sender = SmtpSender::start(url, from, options, clock)
                .context("CLAVE_SMTP_URL (smtp_url): cannot set up the SMTP relay")?;
            Arc::new(sender)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    fn clock() -> SharedClock {
        Arc::new(ManualClock::new(1_700_000_000))
    }

    fn settings(email: EmailKind) -> Settings {
        Settings {
            email,
            ..Settings::default()
        }
    }

    #[tokio::test]
    async fn each_kind_builds_its_sender() {
        let log = sender_from_settings(&settings(EmailKind::Log), clock()).unwrap();
        assert_eq!(log.name(), "log");
        let outbox = sender_from_settings(&settings(EmailKind::Outbox), clock()).unwrap();
        assert_eq!(outbox.name(), "outbox");
        let smtp = Settings {
            smtp_url: Some("smtps://mailer:relay-pw@smtp.example.es".into()),
            ..settings(EmailKind::Smtp)
        };
        let sender = sender_from_settings(&smtp, clock()).unwrap();
        assert_eq!(sender.name(), "smtp");
        assert!(!format!("{sender:?}").contains("relay-pw"));
    }

    #[tokio::test]
    async fn the_outbox_sender_writes_where_the_settings_say_with_the_clock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("email-outbox.jsonl");
        let outbox = Settings {
            email_outbox: path.clone(),
            ..settings(EmailKind::Outbox)
        };
        let sender = sender_from_settings(&outbox, clock()).unwrap();
        let msg = super::super::EmailMessage {
            to: "ana@example.es".into(),
            subject: "Aviso".into(),
            text: "texto".into(),
            html: "<p>texto</p>".into(),
            purpose: "activation".into(),
        };
        sender.send(&msg).await.unwrap();
        let entries = super::super::read_outbox(&path);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].sent_at, "2023-11-14T22:13:20Z");
    }

    #[tokio::test]
    async fn smtp_without_a_usable_url_names_the_setting_without_echoing_it() {
        let missing = sender_from_settings(&settings(EmailKind::Smtp), clock()).unwrap_err();
        assert!(missing.to_string().contains("CLAVE_SMTP_URL"));
        for raw in ["ftp://user:secret@relay.example", "smtp://user:secret@"] {
            let bad = Settings {
                smtp_url: Some(raw.into()),
                ..settings(EmailKind::Smtp)
            };
            let error = format!("{:#}", sender_from_settings(&bad, clock()).unwrap_err());
            assert!(error.contains("CLAVE_SMTP_URL"), "{error}");
            assert!(!error.contains("secret"), "{error}");
        }
    }
}
