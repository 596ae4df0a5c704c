//! Retention: refresh tokens and audit events do not stay for ever.
//!
//! [`SqlStore::purge_expired`] deletes, in batches of bounded size so that no
//! statement holds locks on a large table for long, the refresh-token families
//! that can no longer be used nor replayed usefully (see
//! [`REFRESH_PURGE_GRACE_SECS`]) and the audit events older than
//! `CLAVE_AUDIT_RETENTION_DAYS`. The server runs it every few minutes; several
//! instances may run it at once: each batch is idempotent, and on PostgreSQL a
//! batch skips the rows another instance is deleting instead of waiting for them.

use super::{SqlStore, StoreError};
use crate::clock::UnixTime;

/// How long after the *newest* token of a family expired its rows are deleted.
///
/// A used token stays while any token of its family may still be redeemed: a
/// replay of it is what revokes the family (RFC 9700 §4.14.2), so rows go only
/// once the whole family is dead. The day beyond that covers clocks of instances
/// that disagree and leaves the family to be read while an incident is examined.
pub const REFRESH_PURGE_GRACE_SECS: i64 = 24 * 3600;

/// Rows one statement deletes at most.
pub const PURGE_BATCH: u32 = 1_000;

/// Batches one run deletes at most per table, so a run that finds a backlog
/// (a first run on years of rows) ends and the next run goes on.
const MAX_BATCHES: u32 = 100;

/// What one run deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    /// Refresh-token rows.
    pub refresh_tokens: u64,
    /// Audit events.
    pub audit_events: u64,
}

impl SqlStore {
    /// Deletes, `batch` rows at a time, refresh-token families dead for longer than
    /// [`REFRESH_PURGE_GRACE_SECS`] and audit events older than
    /// `audit_retention_secs` at `now`.
    pub async fn purge_expired(
        &self,
        now: UnixTime,
        audit_retention_secs: i64,
        batch: u32,
    ) -> Result<Purged, StoreError> {
        let batch = batch.max(1);
        let mut purged = Purged::default();
        let refresh_cutoff = now.saturating_sub(REFRESH_PURGE_GRACE_SECS);
        for _ in 0..MAX_BATCHES {
            let deleted = self.purge_refresh_tokens(refresh_cutoff, batch).await?;
            purged.refresh_tokens += deleted;
            if deleted < u64::from(batch) {
                break;
            }
        }
        let audit_cutoff = now.saturating_sub(audit_retention_secs);
        for _ in 0..MAX_BATCHES {
            let deleted = self.purge_audit_events(audit_cutoff, batch).await?;
            purged.audit_events += deleted;
            if deleted < u64::from(batch) {
                break;
            }
        }
        Ok(purged)
    }
}
