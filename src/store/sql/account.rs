//! What the citizen's account page changes (docs/architecture.md, "The account
//! page"): ending every session, "this wasn't me", forgetting a trusted browser,
//! the refresh tokens of one ended session, and the language notices use. Each
//! change is written with its audit event in one transaction.

use super::audit::insert_audit;
use super::{AuditEvent, SqlStore, StoreError, TrustedBrowserRecord, with_pool};
use crate::clock::UnixTime;

impl SqlStore {
    /// Ends every session of `citizen` from `now` on: sessions and tokens begun
    /// earlier are void (`sessions_valid_after`) and every refresh token is
    /// revoked, on every instance, with the audit event.
    pub async fn end_all_sessions(
        &self,
        citizen: &str,
        now: UnixTime,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            sqlx::query(
                "UPDATE citizens SET sessions_valid_after = $2, updated_at = $2 WHERE id = $1",
            )
            .bind(citizen)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE refresh_tokens SET revoked = TRUE WHERE citizen_id = $1")
                .bind(citizen)
                .execute(&mut *tx)
                .await?;
            insert_audit!(&mut *tx, audit);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(())
        })
    }

    /// "This wasn't me": blocks the password (only the forgotten-password flow,
    /// with the activation code and an SMS code, lifts it), voids every session
    /// and refresh token, and forgets every trusted browser, so that whoever
    /// knows the password gets in nowhere and no browser keeps a lane of its own.
    /// Says whether the account was there to protect.
    pub async fn report_not_me(
        &self,
        citizen: &str,
        now: UnixTime,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let done = sqlx::query(
                "UPDATE citizens SET password_blocked = TRUE, sessions_valid_after = $2, \
                 updated_at = $2 WHERE id = $1",
            )
            .bind(citizen)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                sqlx::query("UPDATE refresh_tokens SET revoked = TRUE WHERE citizen_id = $1")
                    .bind(citizen)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM trusted_browsers WHERE citizen_id = $1")
                    .bind(citizen)
                    .execute(&mut *tx)
                    .await?;
                insert_audit!(&mut *tx, audit);
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(done)
        })
    }

    /// Revokes the refresh tokens issued under session `sid` of `citizen` (its
    /// logout ended it); returns how many families went. A citizen holds few
    /// live tokens, so they are read by the citizen index and matched here.
    pub async fn revoke_session_refresh_tokens(
        &self,
        citizen: &str,
        sid: &str,
        now: UnixTime,
    ) -> Result<u64, StoreError> {
        let rows: Vec<(String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT family_id, grant_data FROM refresh_tokens WHERE citizen_id = $1 \
                 AND revoked = FALSE AND used_at IS NULL AND expires_at > $2",
            )
            .bind(citizen)
            .bind(now)
            .fetch_all(pool)
            .await
        })?;
        let mut revoked = 0;
        for (family, grant) in rows {
            let of_session = serde_json::from_str::<serde_json::Value>(&grant)
                .ok()
                .and_then(|g| g.get("sid").and_then(|s| s.as_str()).map(|s| s == sid))
                .unwrap_or(false);
            if of_session {
                self.revoke_refresh_family(&family).await?;
                revoked += 1;
            }
        }
        Ok(revoked)
    }

    /// Revokes every refresh token of `citizen` (every session ended).
    pub async fn revoke_citizen_refresh_tokens(&self, citizen: &str) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE refresh_tokens SET revoked = TRUE WHERE citizen_id = $1 AND revoked = FALSE",
            )
            .bind(citizen)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// Notes the language `citizen` last used, when it changed.
    pub async fn set_language(&self, citizen: &str, language: &str) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE citizens SET language = $2 WHERE id = $1 \
                 AND (language IS NULL OR language <> $2)",
            )
            .bind(citizen)
            .bind(language)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// The browsers `citizen` trusts, the last used first.
    pub async fn trusted_browsers_of(
        &self,
        citizen: &str,
    ) -> Result<Vec<TrustedBrowserRecord>, StoreError> {
        with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, citizen_id, token_hash, created_at, last_used_at, \
                 password_failures, password_blocked, activation_code_failures, \
                 activation_code_blocked, browser FROM trusted_browsers \
                 WHERE citizen_id = $1 ORDER BY last_used_at DESC, id",
            )
            .bind(citizen)
            .fetch_all(pool)
            .await
        })
    }

    /// Forgets trusted browser `id` of `citizen`: its cookie stops counting in a
    /// lane of its own. Says whether there was one.
    pub async fn forget_trusted_browser(
        &self,
        citizen: &str,
        id: &str,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let done = sqlx::query("DELETE FROM trusted_browsers WHERE id = $1 AND citizen_id = $2")
                .bind(id)
                .bind(citizen)
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
