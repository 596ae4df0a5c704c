//! Trusted browsers: the password and activation-code lanes of the browsers a
//! citizen has used (`migrations/*/0003_trusted_browsers.sql`,
//! `0004_browser_code_lanes.sql`). Every counter is one atomic
//! statement, like the account's own.

use super::citizens::FailureCount;
use super::{SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;
use crate::domain::{ACTIVATION_CODE_LIMIT, PASSWORD_LIMIT};

/// A browser a citizen trusts, as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrustedBrowserRecord {
    /// The id the browser's cookie names.
    pub id: String,
    /// The citizen (DNI/NIE) it is trusted for.
    pub citizen_id: String,
    /// SHA-256 of the secret the cookie carries.
    pub token_hash: String,
    /// When it was first trusted.
    pub created_at: UnixTime,
    /// The last login from it.
    pub last_used_at: UnixTime,
    /// Consecutive wrong passwords typed in it.
    pub password_failures: i32,
    /// Whether the password is blocked in this browser.
    pub password_blocked: bool,
    /// Wrong activation codes typed in it.
    pub activation_code_failures: i32,
    /// Whether the activation code is blocked in this browser.
    pub activation_code_blocked: bool,
    /// The browser and operating system it was first trusted as, in plain words.
    pub browser: Option<String>,
}

impl SqlStore {
    /// Records a new trusted browser.
    pub async fn trust_browser(&self, record: &TrustedBrowserRecord) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO trusted_browsers (id, citizen_id, token_hash, created_at, \
                 last_used_at, password_failures, password_blocked, browser) \
                 VALUES ($1, $2, $3, $4, $5, 0, FALSE, $6)",
            )
            .bind(&record.id)
            .bind(&record.citizen_id)
            .bind(&record.token_hash)
            .bind(record.created_at)
            .bind(record.last_used_at)
            .bind(&record.browser)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// The trusted browser `id`, if there is one.
    pub async fn trusted_browser(
        &self,
        id: &str,
    ) -> Result<Option<TrustedBrowserRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, citizen_id, token_hash, created_at, last_used_at, \
                 password_failures, password_blocked, activation_code_failures, \
                 activation_code_blocked, browser FROM trusted_browsers WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(pool)
            .await
        })
    }

    /// A login from the browser: it stays trusted from now on.
    pub async fn renew_trusted_browser(&self, id: &str, now: UnixTime) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE trusted_browsers SET last_used_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(pool)
                .await
                .map(|_| ())
        })
    }

    /// Counts a wrong password typed in the browser `id`; `None` if it is gone.
    pub async fn record_browser_failure(
        &self,
        id: &str,
    ) -> Result<Option<FailureCount>, StoreError> {
        let row: Option<(i32, bool)> = with_pool!(self, pool => {
            sqlx::query_as(
                "UPDATE trusted_browsers SET password_failures = password_failures + 1, \
                 password_blocked = (password_blocked OR password_failures + 1 >= $2) \
                 WHERE id = $1 RETURNING password_failures, password_blocked",
            )
            .bind(id)
            .bind(PASSWORD_LIMIT.blocks_at())
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|row| FailureCount::counted(PASSWORD_LIMIT, row)))
    }

    /// Counts a wrong activation code typed in the browser `id`; `None` if it is
    /// gone.
    pub async fn record_browser_code_failure(
        &self,
        id: &str,
    ) -> Result<Option<FailureCount>, StoreError> {
        let row: Option<(i32, bool)> = with_pool!(self, pool => {
            sqlx::query_as(
                "UPDATE trusted_browsers SET activation_code_failures = activation_code_failures + 1, \
                 activation_code_blocked = (activation_code_blocked \
                     OR activation_code_failures + 1 >= $2) \
                 WHERE id = $1 RETURNING activation_code_failures, activation_code_blocked",
            )
            .bind(id)
            .bind(ACTIVATION_CODE_LIMIT.blocks_at())
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|row| FailureCount::counted(ACTIVATION_CODE_LIMIT, row)))
    }

    /// Clears the browser's consecutive failures after a right password (never a
    /// block); writes only when there is something to clear.
    pub async fn clear_browser_failures(&self, id: &str) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE trusted_browsers SET password_failures = 0 \
                 WHERE id = $1 AND password_failures > 0 AND password_blocked = FALSE",
            )
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }
}
