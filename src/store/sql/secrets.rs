//! Provider-wide secrets shared by every instance (pairwise-subject salt, CSRF key).
//!
//! Made once, by whichever instance asks first: the insert does nothing when
//! another instance won the race, and everyone then reads the winner's value.

use super::{SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;

impl SqlStore {
    /// The secret called `name`, storing `candidate` if there is none yet.
    pub async fn secret_or_insert(
        &self,
        name: &str,
        candidate: &str,
        now: UnixTime,
    ) -> Result<String, StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO provider_secrets (name, value, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(name)
            .bind(candidate)
            .bind(now)
            .execute(pool)
            .await?;
            let (value,): (String,) =
                sqlx::query_as("SELECT value FROM provider_secrets WHERE name = $1")
                    .bind(name)
                    .fetch_one(pool)
                    .await?;
            Ok::<_, sqlx::Error>(value)
        })
    }

    /// Replaces the clear value `clear` of secret `name` by its sealed form; does
    /// nothing if another instance already did.
    pub async fn reseal_secret(
        &self,
        name: &str,
        clear: &str,
        sealed: &str,
    ) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE provider_secrets SET value = $3 WHERE name = $1 AND value = $2")
                .bind(name)
                .bind(clear)
                .bind(sealed)
                .execute(pool)
                .await
                .map(drop)
        })
    }
}
