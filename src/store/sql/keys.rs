//! Signing keys, shared by every instance through the database.

use super::audit::{AuditEvent, insert_audit};
use super::{SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;

/// A signing key as stored. `private_jwk` is secret: Debug hides it.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SigningKeyRecord {
    /// Key id, as published in the JWKS.
    pub kid: String,
    /// `RS256` or `ES256`.
    pub alg: String,
    /// The private key as a JWK (JSON).
    pub private_jwk: String,
    /// The public key as a JWK (JSON).
    pub public_jwk: String,
    /// When the key was made (published from then on).
    pub created_at: i64,
    /// When it may start signing.
    pub activates_at: i64,
    /// When it stops being published, once superseded.
    pub retires_at: Option<i64>,
}

impl std::fmt::Debug for SigningKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeyRecord")
            .field("kid", &self.kid)
            .field("alg", &self.alg)
            .field("activates_at", &self.activates_at)
            .field("retires_at", &self.retires_at)
            .finish_non_exhaustive()
    }
}

impl SqlStore {
    /// Keys still published at `now` (not retired), oldest first.
    pub async fn published_keys(&self, now: UnixTime) -> Result<Vec<SigningKeyRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT kid, alg, private_jwk, public_jwk, created_at, activates_at, retires_at \
                 FROM signing_keys WHERE retires_at IS NULL OR retires_at > $1 \
                 ORDER BY activates_at, created_at",
            )
            .bind(now)
            .fetch_all(pool)
            .await
        })
    }

    /// Adds a key and sets the retirement of the keys of the same algorithm that it
    /// supersedes (`retire_others_at`), in one transaction.
    pub async fn insert_key(
        &self,
        key: &SigningKeyRecord,
        retire_others_at: Option<UnixTime>,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            if let Some(retire_at) = retire_others_at {
                sqlx::query(
                    "UPDATE signing_keys SET retires_at = $2 \
                     WHERE alg = $1 AND (retires_at IS NULL OR retires_at > $2)",
                )
                .bind(&key.alg)
                .bind(retire_at)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query(
                "INSERT INTO signing_keys (kid, alg, private_jwk, public_jwk, created_at, \
                 activates_at, retires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&key.kid)
            .bind(&key.alg)
            .bind(&key.private_jwk)
            .bind(&key.public_jwk)
            .bind(key.created_at)
            .bind(key.activates_at)
            .bind(key.retires_at)
            .execute(&mut *tx)
            .await?;
            insert_audit!(&mut *tx, audit);
            tx.commit().await
        })
    }
}
