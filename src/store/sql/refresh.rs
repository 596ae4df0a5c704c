//! Refresh tokens: stored hashed, rotated at every use, families revoked on reuse.
//!
//! Rotation is one conditional `UPDATE … RETURNING` (RFC 9700 §4.14.2): of two
//! parallel redemptions of one token exactly one marks it used and gets a new one;
//! the other finds it used, which is what a replay looks like, and revokes the
//! whole family. Rows of families that are dead are purged (see `retention.rs`).

use super::{Backend, SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;

/// A refresh token as stored (its hash only).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RefreshRecord {
    /// SHA-256 of the token.
    pub token_hash: String,
    /// Every token rotated from one authorization shares this id.
    pub family_id: String,
    /// The client it was issued to.
    pub client_id: String,
    /// The citizen it acts for.
    pub citizen_id: String,
    /// The grant, as JSON text: scope, claims, auth_time, acr, amr, sid.
    pub grant_data: String,
    /// When it was issued.
    pub issued_at: i64,
    /// When it expires.
    pub expires_at: i64,
}

/// What presenting a refresh token did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RotateOutcome {
    /// The token was valid: it is now used, and the new one is stored.
    Rotated(RefreshRecord),
    /// The token had already been rotated: the whole family is now revoked.
    Reused,
    /// Unknown, expired or revoked.
    Invalid,
}

impl SqlStore {
    /// Stores a newly issued refresh token.
    pub async fn insert_refresh_token(&self, token: &RefreshRecord) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO refresh_tokens (token_hash, family_id, client_id, citizen_id, \
                 grant_data, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&token.token_hash)
            .bind(&token.family_id)
            .bind(&token.client_id)
            .bind(&token.citizen_id)
            .bind(&token.grant_data)
            .bind(token.issued_at)
            .bind(token.expires_at)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// Uses the token `presented_hash` of `client_id` and stores `next` in its
    /// place. The new token inherits the old one's family, citizen and grant:
    /// `next` supplies only its hash and times.
    pub async fn rotate_refresh_token(
        &self,
        presented_hash: &str,
        client_id: &str,
        next: &RefreshRecord,
        now: UnixTime,
    ) -> Result<RotateOutcome, StoreError> {
        // PostgreSQL does the rotation in one statement, one round trip: the
        // data-modifying CTE marks the token used (its row lock makes a parallel
        // rotation wait and then find it used) and the insert copies it. SQLite
        // has no DML in CTEs and takes the transaction below; so does PostgreSQL
        // when the statement rotated nothing, to tell a replay from a bad token.
        let single_statement = self.backend() == Backend::Postgres;
        with_pool!(self, pool => {
            if single_statement {
                let rotated: Option<RefreshRecord> = sqlx::query_as(
                    "WITH used AS (UPDATE refresh_tokens SET used_at = $3 \
                     WHERE token_hash = $1 AND client_id = $2 AND used_at IS NULL \
                     AND revoked = FALSE AND expires_at > $3 \
                     RETURNING family_id, client_id, citizen_id, grant_data) \
                     INSERT INTO refresh_tokens (token_hash, family_id, client_id, \
                     citizen_id, grant_data, issued_at, expires_at) \
                     SELECT $4, family_id, client_id, citizen_id, grant_data, $5, $6 FROM used \
                     RETURNING token_hash, family_id, client_id, citizen_id, grant_data, \
                     issued_at, expires_at",
                )
                .bind(presented_hash)
                .bind(client_id)
                .bind(now)
                .bind(&next.token_hash)
                .bind(next.issued_at)
                .bind(next.expires_at)
                .fetch_optional(pool)
                .await?;
                if let Some(rotated) = rotated {
                    return Ok(RotateOutcome::Rotated(rotated));
                }
            }
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let used: Option<RefreshRecord> = sqlx::query_as(
                "UPDATE refresh_tokens SET used_at = $3 \
                 WHERE token_hash = $1 AND client_id = $2 AND used_at IS NULL \
                 AND revoked = FALSE AND expires_at > $3 \
                 RETURNING token_hash, family_id, client_id, citizen_id, grant_data, \
                 issued_at, expires_at",
            )
            .bind(presented_hash)
            .bind(client_id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let outcome = match used {
                Some(old) => {
                    let stored = RefreshRecord {
                        family_id: old.family_id.clone(),
                        citizen_id: old.citizen_id.clone(),
                        grant_data: old.grant_data.clone(),
                        ..next.clone()
                    };
                    sqlx::query(
                        "INSERT INTO refresh_tokens (token_hash, family_id, client_id, \
                         citizen_id, grant_data, issued_at, expires_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(&stored.token_hash)
                    .bind(&stored.family_id)
                    .bind(&stored.client_id)
                    .bind(&stored.citizen_id)
                    .bind(&stored.grant_data)
                    .bind(stored.issued_at)
                    .bind(stored.expires_at)
                    .execute(&mut *tx)
                    .await?;
                    RotateOutcome::Rotated(stored)
                }
                None => {
                    let replayed: Option<(String,)> = sqlx::query_as(
                        "SELECT family_id FROM refresh_tokens \
                         WHERE token_hash = $1 AND client_id = $2 AND used_at IS NOT NULL",
                    )
                    .bind(presented_hash)
                    .bind(client_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                    match replayed {
                        Some((family,)) => {
                            sqlx::query("UPDATE refresh_tokens SET revoked = TRUE WHERE family_id = $1")
                                .bind(&family)
                                .execute(&mut *tx)
                                .await?;
                            RotateOutcome::Reused
                        }
                        None => RotateOutcome::Invalid,
                    }
                }
            };
            tx.commit().await?;
            Ok::<_, sqlx::Error>(outcome)
        })
    }

    /// The live (unused, unrevoked, unexpired) token with this hash, for
    /// introspection.
    pub async fn live_refresh_token(
        &self,
        token_hash: &str,
        now: UnixTime,
    ) -> Result<Option<RefreshRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT token_hash, family_id, client_id, citizen_id, grant_data, issued_at, \
                 expires_at FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NULL \
                 AND revoked = FALSE AND expires_at > $2",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
        })
    }

    /// Revokes every token of a family (revocation endpoint, code replay).
    pub async fn revoke_refresh_family(&self, family_id: &str) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE refresh_tokens SET revoked = TRUE WHERE family_id = $1")
                .bind(family_id)
                .execute(pool)
                .await
                .map(|_| ())
        })
    }

    /// Deletes at most `limit` rows of families whose every token expired before
    /// `cutoff`; returns how many went.
    pub async fn purge_refresh_tokens(
        &self,
        cutoff: UnixTime,
        limit: u32,
    ) -> Result<u64, StoreError> {
        // A row goes only when no row of its family expires at or after `cutoff`:
        // while one token of a family can be redeemed, its used tokens must stay
        // so that their replay revokes the family. A dead family gets no new row
        // (rotation needs an unexpired token), so the check cannot go stale.
        // PostgreSQL skips rows another instance's purge holds instead of waiting.
        let sql = match self.backend() {
            Backend::Postgres => {
                "DELETE FROM refresh_tokens WHERE token_hash IN (SELECT r.token_hash \
                 FROM refresh_tokens r WHERE r.expires_at < $1 AND NOT EXISTS \
                 (SELECT 1 FROM refresh_tokens l WHERE l.family_id = r.family_id \
                 AND l.expires_at >= $1) LIMIT $2 FOR UPDATE SKIP LOCKED)"
            }
            Backend::Sqlite => {
                "DELETE FROM refresh_tokens WHERE token_hash IN (SELECT r.token_hash \
                 FROM refresh_tokens r WHERE r.expires_at < $1 AND NOT EXISTS \
                 (SELECT 1 FROM refresh_tokens l WHERE l.family_id = r.family_id \
                 AND l.expires_at >= $1) LIMIT $2)"
            }
        };
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            sqlx::query(sql)
                .bind(cutoff)
                .bind(i64::from(limit))
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })
    }
}
