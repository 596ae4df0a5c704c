//! Builds the SMS sender the settings ask for (`CLAVE_SMS`), once at start-up.
//!
//! Whether production may use a development sender (`log`, `outbox`) is decided when
//! the settings load (`Settings::check`); here each kind only gets what it needs, and a
//! missing or malformed gateway setting stops start-up with the variable's name.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

use super::{HttpSender, LogSender, OutboxSender, SmsSender};
use crate::clock::SharedClock;
use crate::settings::{Settings, SmsKind};

/// The sender chosen by `settings.sms`: `log`, `outbox` (at `sms_outbox`, stamped by
/// `clock`) or `http` (to `sms_http_url` with `sms_http_token`, `sms_http_timeout_ms`
/// per attempt and `sms_http_retries` retries).
pub fn sender_from_settings(
    settings: &Settings,
    clock: SharedClock,
) -> anyhow::Result<Arc<dyn SmsSender>> {
    Ok(match settings.sms {
        SmsKind::Log => Arc::new(LogSender::new()),
        SmsKind::Outbox => Arc::new(OutboxSender::with_clock(&settings.sms_outbox, clock)),
        SmsKind::Http => {
            let raw = settings
                .sms_http_url
                .as_deref()
                .context("CLAVE_SMS_HTTP_URL (sms_http_url) is required when CLAVE_SMS=http")?;
            // The URL may carry credentials: the message names the setting, not the value.
            let url = url::Url::parse(raw)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .context("CLAVE_SMS_HTTP_URL (sms_http_url) must be an http:// or https:// URL")?;
            if settings.sms_http_timeout_ms == 0 {
                anyhow::bail!("CLAVE_SMS_HTTP_TIMEOUT_MS (sms_http_timeout_ms) must be above 0");
            }
            let token = settings.sms_http_token.clone().unwrap_or_default();
            let timeout = Duration::from_millis(settings.sms_http_timeout_ms);
            let sender = HttpSender::new(url, token, timeout, settings.sms_http_retries)
                .context("cannot set up the SMS gateway client")?;
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

    fn settings(sms: SmsKind) -> Settings {
        Settings {
            sms,
            ..Settings::default()
        }
    }

    #[test]
    fn each_kind_builds_its_sender() {
        let log = sender_from_settings(&settings(SmsKind::Log), clock()).unwrap();
        assert_eq!(log.name(), "log");
        let outbox = sender_from_settings(&settings(SmsKind::Outbox), clock()).unwrap();
        assert_eq!(outbox.name(), "outbox");
        let http = Settings {
            sms_http_url: Some("https://sms.example/send".into()),
            sms_http_token: Some("gateway-token".into()),
            ..settings(SmsKind::Http)
        };
        let sender = sender_from_settings(&http, clock()).unwrap();
        assert_eq!(sender.name(), "http");
        assert!(!format!("{sender:?}").contains("gateway-token"));
    }

    #[tokio::test]
    async fn the_outbox_sender_writes_where_the_settings_say_with_the_clock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outbox.jsonl");
        let outbox = Settings {
            sms_outbox: path.clone(),
            ..settings(SmsKind::Outbox)
        };
        let sender = sender_from_settings(&outbox, clock()).unwrap();
        let msg = super::super::SmsMessage {
            to: "+34600111222".into(),
            body: "body".into(),
            purpose: "login".into(),
        };
        sender.send(&msg).await.unwrap();
        let entries = super::super::read_outbox(&path);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].sent_at, "2023-11-14T22:13:20Z");
    }

    #[test]
    fn http_without_a_usable_url_names_the_setting_without_echoing_it() {
        let missing = sender_from_settings(&settings(SmsKind::Http), clock()).unwrap_err();
        assert!(missing.to_string().contains("CLAVE_SMS_HTTP_URL"));
        let bad = Settings {
            sms_http_url: Some("ftp://user:secret@sms.example".into()),
            ..settings(SmsKind::Http)
        };
        let error = format!("{:#}", sender_from_settings(&bad, clock()).unwrap_err());
        assert!(error.contains("CLAVE_SMS_HTTP_URL"), "{error}");
        assert!(!error.contains("secret"), "{error}");
    }
}
