//! `clave-idp citizen import-legacy FILE.csv`, as a library function the command
//! and the tests share: [`import_file`].
//!
//! The file is streamed, never loaded whole: a blocking task reads and parses the
//! CSV and hands batches of [`BATCH_ROWS`] lines through a channel of two slots
//! (back-pressure: the reader never runs far ahead of the database), and each
//! batch is written in one transaction. Memory stays bounded whatever the size of
//! the register; so does the error list ([`MAX_REPORTED_ERRORS`] kept, the rest
//! counted).
//!
//! Nothing is written before the header has been read and checked, so a file that
//! cannot be read or is not the register export leaves the database untouched.
//! Running the same file again changes nothing (see [`crate::store::sql`]'s
//! `import_legacy_batch`): every line is then counted `unchanged`.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::Serialize;
use tokio::sync::mpsc;

use super::row::{HEADER, LegacyRow, is_header, parse_row};
use crate::clock::UnixTime;
use crate::domain::AuditKind;
use crate::store::StoreError;
use crate::store::sql::{AuditEvent, SqlStore};

/// Lines written per transaction.
pub const BATCH_ROWS: usize = 500;
/// Refused lines reported one by one; later ones are only counted.
pub const MAX_REPORTED_ERRORS: usize = 1000;

/// A refused line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// The line of the file (the header is line 1).
    pub line: u64,
    /// Why it was refused (names the column; never repeats a hash).
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// New legacy citizens.
    pub imported: u64,
    /// Lines whose DNI/NIE was already present (any status): left untouched.
    pub unchanged: u64,
    /// Refused lines.
    pub rejected: u64,
    /// The first [`MAX_REPORTED_ERRORS`] refused lines, in file order.
    pub errors: Vec<RowError>,
    /// Refused lines beyond those reported.
    pub errors_omitted: u64,
}

/// How far an import has got, after each batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    /// Bytes of the file read so far.
    pub bytes_read: u64,
    /// Size of the file.
    pub total_bytes: u64,
    /// Lines imported so far.
    pub imported: u64,
    /// Lines unchanged so far.
    pub unchanged: u64,
    /// Lines refused so far.
    pub rejected: u64,
}

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be opened or read before its first line; nothing written.
    #[error("cannot read {path}: {cause}")]
    Unreadable {
        /// The file.
        path: String,
        /// The I/O error.
        cause: String,
    },
    /// The first line is not the expected header; nothing written.
    #[error(
        "{path} does not start with the header `{expected}` (found `{found}`); is it the \
         Social Security register export?"
    )]
    BadHeader {
        /// The file.
        path: String,
        /// The header wanted.
        expected: String,
        /// What the first line held (shortened).
        found: String,
    },
    /// Reading failed part-way; the batches before `line` were written. Running
    /// the import again once the file is readable completes it.
    #[error("reading {path} failed near line {line}: {cause}; earlier lines were imported")]
    ReadFailed {
        /// The file.
        path: String,
        /// Where it failed.
        line: u64,
        /// The I/O error.
        cause: String,
    },
    /// The database failed; batches already committed stay.
    #[error("the database failed during the import: {0}")]
    Store(#[from] StoreError),
}

/// A parsed line, or why it was refused.
type Parsed = (u64, Result<LegacyRow, String>);

enum Message {
    Started { total_bytes: u64 },
    Batch { rows: Vec<Parsed>, bytes_read: u64 },
    Failed(ImportError),
}

/// Imports the register export at `path`; `operator` goes to the audit trail and
/// `progress` is called after every batch.
pub async fn import_file(
    db: &SqlStore,
    path: &Path,
    now: UnixTime,
    operator: &str,
    progress: &mut (dyn FnMut(&ImportProgress) + Send),
) -> Result<ImportReport, ImportError> {
    let (sender, mut receiver) = mpsc::channel(2);
    let owned = path.to_owned();
    let reader = tokio::task::spawn_blocking(move || read_file(&owned, &sender));
    let source = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut report = ImportReport::default();
    let mut total_bytes = 0;
    let result = loop {
        let Some(message) = receiver.recv().await else {
            break Ok(());
        };
        let (rows, bytes_read) = match message {
            Message::Started { total_bytes: size } => {
                total_bytes = size;
                continue;
            }
            Message::Failed(error) => break Err(error),
            Message::Batch { rows, bytes_read } => (rows, bytes_read),
        };
        let mut batch = Vec::with_capacity(rows.len());
        for (line, parsed) in rows {
            match parsed {
                Ok(row) => {
                    let audit = AuditEvent::new(now, AuditKind::LegacyImported, "operator")
                        .citizen(&row.citizen.id)
                        .detail("operator", operator)
                        .detail("source", source.clone())
                        .detail("line", line)
                        .detail("hash_algorithm", row.hash_kind.as_str());
                    batch.push((row.citizen, audit));
                }
                Err(reason) => report.reject(line, reason),
            }
        }
        let outcome = match db.import_legacy_batch(&batch, now).await {
            Ok(outcome) => outcome,
            Err(error) => break Err(error.into()),
        };
        report.imported += outcome.imported;
        report.unchanged += outcome.unchanged;
        progress(&ImportProgress {
            bytes_read,
            total_bytes,
            imported: report.imported,
            unchanged: report.unchanged,
            rejected: report.rejected,
        });
    };
    // Dropping the receiver stops the reader at its next send.
    drop(receiver);
    if let Err(error) = reader.await {
        tracing::warn!(%error, "the CSV reader task failed");
    }
    result.map(|()| report)
}

impl ImportReport {
    fn reject(&mut self, line: u64, reason: String) {
        self.rejected += 1;
        if self.errors.len() < MAX_REPORTED_ERRORS {
            self.errors.push(RowError { line, reason });
        } else {
            self.errors_omitted += 1;
        }
    }
}

/// The blocking half: reads, checks the header, parses and sends batches.
fn read_file(path: &Path, sender: &mpsc::Sender<Message>) {
    let shown = path.display().to_string();
    let fail = |error: ImportError| {
        let _ = sender.blocking_send(Message::Failed(error));
    };
    let unreadable = |cause: String| ImportError::Unreadable {
        path: shown.clone(),
        cause,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return fail(unreadable(error.to_string())),
    };
    let total_bytes = file.metadata().map_or(0, |m| m.len());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::new(file));
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) if is_header(record.iter()) => {}
        Ok(true) => {
            let mut found = record.iter().collect::<Vec<_>>().join(",");
            if found.chars().count() > 120 {
                found = found.chars().take(120).chain("…".chars()).collect();
            }
            return fail(ImportError::BadHeader {
                path: shown,
                expected: HEADER.join(","),
                found,
            });
        }
        Ok(false) => return fail(unreadable("the file is empty".to_owned())),
        Err(error) => return fail(unreadable(error.to_string())),
    }
    if sender
        .blocking_send(Message::Started { total_bytes })
        .is_err()
    {
        return;
    }
    let mut rows = Vec::with_capacity(BATCH_ROWS);
    loop {
        let line = reader.position().line();
        let parsed = match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                (line, parse_row(record.iter()))
            }
            Err(error) => match error.kind() {
                csv::ErrorKind::Utf8 { pos, .. } => (
                    pos.as_ref().map_or(line, |p| p.line()),
                    Err("the line is not valid UTF-8 text".to_owned()),
                ),
                _ => {
                    return fail(ImportError::ReadFailed {
                        path: shown,
                        line,
                        cause: error.to_string(),
                    });
                }
            },
        };
        rows.push(parsed);
        if rows.len() == BATCH_ROWS {
            let batch = std::mem::replace(&mut rows, Vec::with_capacity(BATCH_ROWS));
            let bytes_read = reader.position().byte();
            if sender
                .blocking_send(Message::Batch {
                    rows: batch,
                    bytes_read,
                })
                .is_err()
            {
                return;
            }
        }
    }
    let bytes_read = reader.position().byte();
    let _ = sender.blocking_send(Message::Batch { rows, bytes_read });
}
