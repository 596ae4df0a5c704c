//! The outbox email sender: one JSON object per line appended to a file.
//!
//! Each message becomes `{"to","subject","body","purpose","sent_at"}` on its own line
//! (JSON Lines): `body` is the plain text (the HTML part says the same and is not
//! kept), `sent_at` is the injected clock's time in RFC 3339 UTC, as in the SMS
//! outbox, so the same scripts read both. Integration tests and demos read it with
//! [`read_outbox`] or `tail -f`; no mail server is needed. The file holds addresses
//! and account events: it is created owner-only, and production refuses this sender
//! unless explicitly allowed.
//!
//! Lines never interleave: within a process a mutex serialises appends, and each line
//! is written with a single `write` on a file opened in append mode (`O_APPEND`), which
//! on local Linux file systems also keeps lines from different processes whole.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;

use super::{EmailError, EmailMessage, EmailSender};
use crate::clock::{SharedClock, SystemClock};

/// One line of the email outbox file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailOutboxEntry {
    /// The recipient's address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
    /// Why it was sent.
    pub purpose: String,
    /// When it was sent, RFC 3339 UTC.
    pub sent_at: String,
}

/// Appends messages to a JSON Lines file.
#[derive(Debug)]
pub struct OutboxSender {
    path: PathBuf,
    clock: SharedClock,
    append: Mutex<()>,
}

impl OutboxSender {
    /// An outbox writing to `path` (parent directories are created on first send),
    /// stamping messages with the system clock.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self::with_clock(path, Arc::new(SystemClock))
    }

    /// An outbox stamping messages with `clock`.
    pub fn with_clock(path: impl Into<PathBuf>, clock: SharedClock) -> Self {
        Self {
            path: path.into(),
            clock,
            append: Mutex::new(()),
        }
    }

    /// The file this outbox appends to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn unavailable(&self, err: impl std::fmt::Display) -> EmailError {
        EmailError::Unavailable(format!("email outbox {}: {err}", self.path.display()))
    }
}

#[async_trait]
impl EmailSender for OutboxSender {
    async fn send(&self, msg: &EmailMessage) -> Result<(), EmailError> {
        let sent_at = OffsetDateTime::from_unix_timestamp(self.clock.now())
            .map_err(|e| self.unavailable(e))?
            .format(&Rfc3339)
            .map_err(|e| self.unavailable(e))?;
        let entry = EmailOutboxEntry {
            to: msg.to.clone(),
            subject: msg.subject.clone(),
            body: msg.text.clone(),
            purpose: msg.purpose.clone(),
            sent_at,
        };
        let mut line = serde_json::to_string(&entry).map_err(|e| self.unavailable(e))?;
        line.push('\n');

        let _guard = self.append.lock().await;
        append_line(&self.path, line.as_bytes())
            .await
            .map_err(|e| self.unavailable(e))
    }

    fn name(&self) -> &'static str {
        "outbox"
    }
}

/// Appends `line` to the file at `path` with one write, creating the file (owner-only)
/// and its parent folders if needed. The caller serialises calls.
async fn append_line(path: &Path, line: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        tokio::fs::create_dir_all(parent).await?;
    }
    let mut file = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .await?;
    file.write_all(line).await?;
    file.flush().await
}

/// Every entry of the outbox at `path`, oldest first; a missing file gives none and
/// malformed lines are skipped (for tests and tools reading notices).
pub fn read_outbox(path: impl AsRef<Path>) -> Vec<EmailOutboxEntry> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    fn message(n: usize) -> EmailMessage {
        EmailMessage {
            to: format!("ciudadano{n}@example.es"),
            subject: format!("Aviso {n}"),
            text: format!("Texto del aviso {n:03}"),
            html: format!("<p>Aviso {n:03}</p>"),
            purpose: "password_changed".into(),
        }
    }

    #[tokio::test]
    async fn a_sent_message_is_one_json_line_with_exactly_the_documented_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/dirs/email-outbox.jsonl");
        let sender = OutboxSender::with_clock(&path, Arc::new(ManualClock::new(1_700_000_000)));

        sender.send(&message(1)).await.unwrap();
        sender.send(&message(2)).await.unwrap();

        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2);
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        let mut keys: Vec<&str> = first
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["body", "purpose", "sent_at", "subject", "to"]);
        assert_eq!(first["to"], "ciudadano1@example.es");
        assert_eq!(first["subject"], "Aviso 1");
        assert_eq!(first["body"], "Texto del aviso 001");
        assert_eq!(first["purpose"], "password_changed");
        assert_eq!(first["sent_at"], "2023-11-14T22:13:20Z");
        assert_eq!(read_outbox(&path)[1].body, "Texto del aviso 002");
        assert_eq!(sender.name(), "outbox");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner reads the notices");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_sends_give_one_whole_line_per_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("email-outbox.jsonl");
        let sender = Arc::new(OutboxSender::new(&path));

        let tasks: Vec<_> = (0..100)
            .map(|n| {
                let sender = Arc::clone(&sender);
                tokio::spawn(async move { sender.send(&message(n)).await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }

        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 100);
        let mut bodies: Vec<String> = read_outbox(&path).into_iter().map(|e| e.body).collect();
        bodies.sort();
        bodies.dedup();
        assert_eq!(bodies.len(), 100, "every line parsed and distinct");
    }

    #[test]
    fn reading_a_missing_outbox_gives_no_entries() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_outbox(dir.path().join("absent.jsonl")).is_empty());
    }

    #[tokio::test]
    async fn an_unwritable_outbox_reports_unavailable() {
        let dir = tempfile::tempdir().unwrap();
        // The "file" is a directory: opening it for append fails.
        let sender = OutboxSender::new(dir.path());
        assert!(matches!(
            sender.send(&message(0)).await,
            Err(EmailError::Unavailable(_))
        ));
    }
}
