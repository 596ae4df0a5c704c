//! Legacy Social Security users: the import of the old register, and the quiet
//! upgrade of an old password hash after a successful login.
//!
//! The import is idempotent by construction: each row is one
//! `INSERT … ON CONFLICT (id) DO NOTHING`, so a DNI/NIE already present — in any
//! status, imported before or registered at a Cl@ve office — is never touched, and
//! its `legacy_imported` audit event is written only when the row really went in,
//! in the same transaction. Rows arrive in batches, one transaction each, so a
//! large register costs a few thousand commits rather than millions.

use super::audit::{AuditEvent, insert_audit};
use super::{SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;
use crate::domain::CitizenStatus;

/// Rows of an import batch granted one store timeout.
const ROWS_PER_TIMEOUT: usize = 50;

/// A citizen of the Social Security register, already parsed by the domain types.
#[derive(Clone, PartialEq, Eq)]
pub struct NewLegacyCitizen {
    /// DNI/NIE, upper case.
    pub id: String,
    /// Given name.
    pub given_name: String,
    /// First surname.
    pub first_surname: String,
    /// Second surname.
    pub second_surname: Option<String>,
    /// Email.
    pub email: String,
    /// Mobile, E.164.
    pub phone: String,
    /// The argon2 or bcrypt PHC string of the old register.
    pub password_hash: String,
}

impl std::fmt::Debug for NewLegacyCitizen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewLegacyCitizen")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// What one batch of the import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LegacyBatchOutcome {
    /// Rows inserted as new legacy citizens.
    pub imported: u64,
    /// Rows whose DNI/NIE was already present: left as they were.
    pub unchanged: u64,
}

impl SqlStore {
    /// Inserts a batch of legacy citizens in one transaction: status `legacy`, the
    /// imported hash, `password_set_at = now` (the 2 years run from the import),
    /// no activation code. A DNI/NIE already present is left untouched; each row
    /// that goes in writes its audit event in the same transaction.
    pub async fn import_legacy_batch(
        &self,
        batch: &[(NewLegacyCitizen, AuditEvent)],
        now: UnixTime,
    ) -> Result<LegacyBatchOutcome, StoreError> {
        if batch.is_empty() {
            return Ok(LegacyBatchOutcome::default());
        }
        // A batch is up to two statements a row in one transaction: its time bound
        // grows with its size (one store timeout per 50 rows), so a distant
        // database is not mistaken for a dead one.
        let chunks = u32::try_from(batch.len().div_ceil(ROWS_PER_TIMEOUT)).unwrap_or(u32::MAX);
        let store = SqlStore {
            pool: self.pool.clone(),
            timeout: self.timeout.saturating_mul(chunks.max(1)),
            clients: self.clients.clone(),
            writers: self.writers.clone(),
        };
        with_pool!(&store, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let mut outcome = LegacyBatchOutcome::default();
            for (citizen, audit) in batch {
                let inserted = sqlx::query(
                    "INSERT INTO citizens (id, given_name, first_surname, second_surname, \
                     email, phone, status, password_hash, password_set_at, created_at, \
                     updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $9, $7, $8, $8, $8) \
                     ON CONFLICT (id) DO NOTHING",
                )
                .bind(&citizen.id)
                .bind(&citizen.given_name)
                .bind(&citizen.first_surname)
                .bind(&citizen.second_surname)
                .bind(&citizen.email)
                .bind(&citizen.phone)
                .bind(&citizen.password_hash)
                .bind(now)
                .bind(CitizenStatus::IMPORTED.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if inserted {
                    insert_audit!(&mut *tx, audit);
                    outcome.imported += 1;
                } else {
                    outcome.unchanged += 1;
                }
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(outcome)
        })
    }

    /// Replaces a password hash by a stronger hash of the same password, keeping
    /// `password_set_at` (the 2-year expiry does not restart: the password did not
    /// change). Compare-and-set on the old hash, so a password changed meanwhile is
    /// never overwritten; returns whether the hash was replaced.
    pub async fn update_password_hash(
        &self,
        id: &str,
        old_hash: &str,
        new_hash: &str,
        now: UnixTime,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let done = sqlx::query(
                "UPDATE citizens SET password_hash = $3, updated_at = $4 \
                 WHERE id = $1 AND password_hash = $2",
            )
            .bind(id)
            .bind(old_hash)
            .bind(new_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                insert_audit!(&mut *tx, audit);
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(done)
        })
    }
}
