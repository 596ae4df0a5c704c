//! Citizens: registration acts, activation-code and password counters, status.
//!
//! Every change that matters to the account is written together with its audit
//! event in one transaction, so the trail and the account never disagree.
//!
//! The lifecycle and the credential limits are decided by `crate::domain::citizen`;
//! the statements here bind what it computed and guard on the status they expect
//! (`WHERE status = $n`), so concurrent changes are settled by the database.

use super::audit::{AuditEvent, insert_audit};
use super::{SqlStore, StoreError, with_pool};
use crate::clock::UnixTime;
use crate::domain::{
    ACTIVATION_CODE_LIMIT, CitizenStatus, DocumentId, Email, FailureLimit, MobilePhone,
    PASSWORD_LIMIT,
};

/// A citizen as stored; a row whose values do not parse is [`StoreError::Corrupt`].
#[derive(Clone, PartialEq, Eq)]
pub struct CitizenRecord {
    /// The DNI/NIE.
    pub id: DocumentId,
    /// Given name.
    pub given_name: String,
    /// First surname.
    pub first_surname: String,
    /// Second surname, if the citizen has one.
    pub second_surname: Option<String>,
    /// Registered email.
    pub email: Email,
    /// Registered mobile.
    pub phone: MobilePhone,
    /// Lifecycle state.
    pub status: CitizenStatus,
    /// Hash of the current activation code.
    pub activation_code_hash: Option<String>,
    /// Wrong activation codes entered since the code was issued.
    pub activation_code_failures: i32,
    /// Whether the activation code is blocked.
    pub activation_code_blocked: bool,
    /// PHC string of the password hash.
    pub password_hash: Option<String>,
    /// When the password was set (its 2 years run from here).
    pub password_set_at: Option<UnixTime>,
    /// Consecutive wrong passwords.
    pub password_failures: i32,
    /// Whether the password is blocked.
    pub password_blocked: bool,
    /// Sessions and tokens from before this instant are void.
    pub sessions_valid_after: UnixTime,
    /// The language the citizen last used (`es`, `en`, …), which notices use.
    pub language: Option<String>,
    /// When the citizen was first registered.
    pub created_at: UnixTime,
    /// When the row last changed.
    pub updated_at: UnixTime,
}

impl std::fmt::Debug for CitizenRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Hashes stay out of logs; they are not secrets, but they are not useful either.
        f.debug_struct("CitizenRecord")
            .field("id", &self.id)
            .field("status", &self.status)
            .field("activation_code_failures", &self.activation_code_failures)
            .field("activation_code_blocked", &self.activation_code_blocked)
            .field("password_failures", &self.password_failures)
            .field("password_blocked", &self.password_blocked)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
impl CitizenRecord {
    /// The unit tests' citizen: María García López, 12345678Z, active, with her
    /// email and mobile and no password, counters or language. A test changes
    /// what it is about with `CitizenRecord { …, ..CitizenRecord::sample() }`.
    pub(crate) fn sample() -> Self {
        Self {
            id: DocumentId::parse("12345678Z").expect("a valid DNI"),
            given_name: "María".into(),
            first_surname: "García".into(),
            second_surname: Some("López".into()),
            email: Email::parse("maria@example.es").expect("a valid email"),
            phone: MobilePhone::parse("+34600112233").expect("a valid mobile"),
            status: CitizenStatus::Active,
            activation_code_hash: None,
            activation_code_failures: 0,
            activation_code_blocked: false,
            password_hash: None,
            password_set_at: None,
            password_failures: 0,
            password_blocked: false,
            sessions_valid_after: 0,
            language: None,
            created_at: 0,
            updated_at: 0,
        }
    }
}

#[derive(sqlx::FromRow)]
struct CitizenRow {
    id: String,
    given_name: String,
    first_surname: String,
    second_surname: Option<String>,
    email: String,
    phone: String,
    status: String,
    activation_code_hash: Option<String>,
    activation_code_failures: i32,
    activation_code_blocked: bool,
    password_hash: Option<String>,
    password_set_at: Option<i64>,
    password_failures: i32,
    password_blocked: bool,
    sessions_valid_after: i64,
    language: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<CitizenRow> for CitizenRecord {
    type Error = StoreError;
    fn try_from(row: CitizenRow) -> Result<Self, StoreError> {
        Ok(Self {
            status: parse_status(&row.status)?,
            id: canonical("id", &row.id, DocumentId::parse)?,
            email: canonical("email", &row.email, Email::parse)?,
            phone: canonical("phone", &row.phone, MobilePhone::parse)?,
            given_name: row.given_name,
            first_surname: row.first_surname,
            second_surname: row.second_surname,
            activation_code_hash: row.activation_code_hash,
            activation_code_failures: row.activation_code_failures,
            activation_code_blocked: row.activation_code_blocked,
            password_hash: row.password_hash,
            password_set_at: row.password_set_at,
            password_failures: row.password_failures,
            password_blocked: row.password_blocked,
            sessions_valid_after: row.sessions_valid_after,
            language: row.language,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

/// The status stored in a row.
fn parse_status(text: &str) -> Result<CitizenStatus, StoreError> {
    CitizenStatus::parse(text)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown status {text:?}")))
}

/// A stored value parsed by its domain type. Values are stored in their canonical
/// form, so one that parses to something else is corrupt too: the account is keyed
/// and compared by that form.
fn canonical<T: AsRef<str>, E: std::fmt::Display>(
    column: &str,
    stored: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, StoreError> {
    match parse(stored) {
        Ok(value) if value.as_ref() == stored => Ok(value),
        Ok(_) => Err(StoreError::Corrupt(format!(
            "citizens.{column} is not in canonical form"
        ))),
        Err(error) => Err(StoreError::Corrupt(format!("citizens.{column}: {error}"))),
    }
}

/// The data of a registration act.
#[derive(Debug, Clone)]
pub struct NewCitizen {
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
}

/// What a registration act did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterOutcome {
    /// A new citizen was recorded.
    Created,
    /// A pending, unsubscribed or legacy account was (re)opened with a new code.
    Reopened {
        /// The status the account had before.
        previous: CitizenStatus,
    },
    /// The DNI/NIE already has an active account; nothing changed.
    AlreadyActive,
}

/// The state of a failure counter after one more failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureCount {
    /// Failures counted so far, this one included.
    pub failures: i32,
    /// Whether the credential is now blocked.
    pub blocked: bool,
    /// Whether this very failure set the block (true for exactly one caller).
    pub just_blocked: bool,
}

impl FailureCount {
    /// The counter's state as the store returned it, judged by its limit.
    pub(super) fn counted(limit: FailureLimit, (failures, blocked): (i32, bool)) -> Self {
        Self {
            failures,
            blocked,
            just_blocked: limit.just_blocked(failures),
        }
    }
}

/// The status an account takes when a password is set: `$5`–`$12` are the four
/// (status, status after) pairs of [`CitizenStatus::set_password`], NULL where
/// it refuses. A macro so both places in the statement share one text.
macro_rules! status_after_password {
    () => {
        "CASE status WHEN $5 THEN $6 WHEN $7 THEN $8 WHEN $9 THEN $10 WHEN $11 THEN $12 END"
    };
}

const SELECT_CITIZEN: &str = "SELECT id, given_name, first_surname, second_surname, email, phone, \
     status, activation_code_hash, activation_code_failures, activation_code_blocked, \
     password_hash, password_set_at, password_failures, password_blocked, \
     sessions_valid_after, language, created_at, updated_at FROM citizens WHERE id = $1";

impl SqlStore {
    /// The citizen with this DNI/NIE, if registered.
    pub async fn citizen(&self, id: &str) -> Result<Option<CitizenRecord>, StoreError> {
        let row: Option<CitizenRow> = with_pool!(self, pool => {
            sqlx::query_as(SELECT_CITIZEN).bind(id).fetch_optional(pool).await
        })?;
        row.map(CitizenRecord::try_from).transpose()
    }

    /// Records a registration act with the hash of a freshly issued activation code.
    ///
    /// A new DNI/NIE is created as pending. An existing account that is pending,
    /// unsubscribed or legacy is reopened as pending: its data are replaced, any
    /// password is cleared, its sessions are voided and the new code replaces the
    /// old. An active account is refused and left untouched.
    pub async fn register_citizen(
        &self,
        citizen: &NewCitizen,
        code_hash: &str,
        now: UnixTime,
        audit: &AuditEvent,
    ) -> Result<RegisterOutcome, StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let previous: Option<(String,)> =
                sqlx::query_as("SELECT status FROM citizens WHERE id = $1")
                    .bind(&citizen.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            // An unknown status is a decode error, which surfaces as `Corrupt`.
            let previous = previous
                .map(|(s,)| parse_status(&s).map_err(|e| sqlx::Error::Decode(e.into())))
                .transpose()?;
            let outcome = match previous.map(|from| (from, from.new_registration_act())) {
                Some((_, Err(_))) => RegisterOutcome::AlreadyActive,
                Some((from, Ok(to))) => {
                    // Guarded by the status just read, so a concurrent activation
                    // between the two statements is not overwritten.
                    let updated = sqlx::query(
                        "UPDATE citizens SET given_name = $2, first_surname = $3, \
                         second_surname = $4, email = $5, phone = $6, status = $10, \
                         activation_code_hash = $7, activation_code_failures = 0, \
                         activation_code_blocked = FALSE, activation_code_issued_at = $8, \
                         password_hash = NULL, password_set_at = NULL, password_failures = 0, \
                         password_blocked = FALSE, sessions_valid_after = $8, updated_at = $8 \
                         WHERE id = $1 AND status = $9",
                    )
                    .bind(&citizen.id)
                    .bind(&citizen.given_name)
                    .bind(&citizen.first_surname)
                    .bind(&citizen.second_surname)
                    .bind(&citizen.email)
                    .bind(&citizen.phone)
                    .bind(code_hash)
                    .bind(now)
                    .bind(from.as_str())
                    .bind(to.as_str())
                    .execute(&mut *tx)
                    .await?;
                    if updated.rows_affected() == 1 {
                        RegisterOutcome::Reopened { previous: from }
                    } else {
                        RegisterOutcome::AlreadyActive
                    }
                }
                None => {
                    sqlx::query(
                        "INSERT INTO citizens (id, given_name, first_surname, second_surname, \
                         email, phone, status, activation_code_hash, activation_code_issued_at, \
                         created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $9, $7, $8, $8, $8)",
                    )
                    .bind(&citizen.id)
                    .bind(&citizen.given_name)
                    .bind(&citizen.first_surname)
                    .bind(&citizen.second_surname)
                    .bind(&citizen.email)
                    .bind(&citizen.phone)
                    .bind(code_hash)
                    .bind(now)
                    .bind(CitizenStatus::REGISTERED.as_str())
                    .execute(&mut *tx)
                    .await?;
                    RegisterOutcome::Created
                }
            };
            if outcome != RegisterOutcome::AlreadyActive {
                insert_audit!(&mut *tx, audit);
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(outcome)
        })
    }

    /// Replaces the activation code of an existing citizen (regeneration), which
    /// also unblocks it. Returns false when the citizen does not exist.
    pub async fn replace_activation_code(
        &self,
        id: &str,
        code_hash: &str,
        now: UnixTime,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let done = sqlx::query(
                "UPDATE citizens SET activation_code_hash = $2, activation_code_failures = 0, \
                 activation_code_blocked = FALSE, activation_code_issued_at = $3, updated_at = $3 \
                 WHERE id = $1",
            )
            .bind(id)
            .bind(code_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                // A new code unblocks every code lane: the trusted browsers' too.
                sqlx::query(
                    "UPDATE trusted_browsers SET activation_code_failures = 0, \
                     activation_code_blocked = FALSE \
                     WHERE citizen_id = $1 AND (activation_code_failures > 0 \
                     OR activation_code_blocked)",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                insert_audit!(&mut *tx, audit);
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(done)
        })
    }

    /// Counts one wrong activation code; the entry that reaches
    /// [`ACTIVATION_CODE_LIMIT`] (more than 5 wrong ones) blocks the code for good.
    /// One atomic statement.
    pub async fn record_activation_code_failure(
        &self,
        id: &str,
        now: UnixTime,
    ) -> Result<Option<FailureCount>, StoreError> {
        let row: Option<(i32, bool)> = with_pool!(self, pool => {
            sqlx::query_as(
                "UPDATE citizens SET activation_code_failures = activation_code_failures + 1, \
                 activation_code_blocked = (activation_code_blocked \
                     OR activation_code_failures + 1 >= $2), updated_at = $3 \
                 WHERE id = $1 RETURNING activation_code_failures, activation_code_blocked",
            )
            .bind(id)
            .bind(ACTIVATION_CODE_LIMIT.blocks_at())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|row| FailureCount::counted(ACTIVATION_CODE_LIMIT, row)))
    }

    /// Counts one wrong password; the one that reaches [`PASSWORD_LIMIT`] (the 5th
    /// consecutive) blocks the password. One atomic statement.
    pub async fn record_password_failure(
        &self,
        id: &str,
        now: UnixTime,
    ) -> Result<Option<FailureCount>, StoreError> {
        let row: Option<(i32, bool)> = with_pool!(self, pool => {
            sqlx::query_as(
                "UPDATE citizens SET password_failures = password_failures + 1, \
                 password_blocked = (password_blocked OR password_failures + 1 >= $2), \
                 updated_at = $3 \
                 WHERE id = $1 RETURNING password_failures, password_blocked",
            )
            .bind(id)
            .bind(PASSWORD_LIMIT.blocks_at())
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|row| FailureCount::counted(PASSWORD_LIMIT, row)))
    }

    /// Clears the consecutive-failure count after a right password. Writes only
    /// when there is something to clear, so a normal login costs no write.
    pub async fn clear_password_failures(&self, id: &str) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE citizens SET password_failures = 0 \
                 WHERE id = $1 AND password_failures > 0 AND password_blocked = FALSE",
            )
            .bind(id)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// Sets a new password: clears the failure count and block, restarts the
    /// 2-year expiry, and moves the status as [`CitizenStatus::set_password`] says
    /// (a pending account becomes active; a legacy one stays legacy, since only the
    /// citizen's consent migrates it; an unsubscribed one is refused). When
    /// `void_sessions` is set, sessions and tokens issued before `now` stop working.
    pub async fn set_password(
        &self,
        id: &str,
        password_hash: &str,
        now: UnixTime,
        void_sessions: bool,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        // One statement, so no status change can slip between reading and writing:
        // the CASE maps every status to the one the domain computed, or to NULL where
        // the domain refuses, and the WHERE leaves those rows alone.
        let pairs = CitizenStatus::ALL.map(|from| {
            (
                from.as_str(),
                from.set_password().ok().map(CitizenStatus::as_str),
            )
        });
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let done = sqlx::query(concat!(
                "UPDATE citizens SET password_hash = $2, password_set_at = $3, \
                 password_failures = 0, password_blocked = FALSE, status = ",
                status_after_password!(),
                ", sessions_valid_after = CASE WHEN $4 THEN $3 ELSE sessions_valid_after END, \
                 updated_at = $3 WHERE id = $1 AND ",
                status_after_password!(),
                " IS NOT NULL",
            ))
            .bind(id)
            .bind(password_hash)
            .bind(now)
            .bind(void_sessions)
            .bind(pairs[0].0)
            .bind(pairs[0].1)
            .bind(pairs[1].0)
            .bind(pairs[1].1)
            .bind(pairs[2].0)
            .bind(pairs[2].1)
            .bind(pairs[3].0)
            .bind(pairs[3].1)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                // A new password unblocks every lane: the trusted browsers' too.
                sqlx::query(
                    "UPDATE trusted_browsers SET password_failures = 0, password_blocked = FALSE \
                     WHERE citizen_id = $1 AND (password_failures > 0 OR password_blocked)",
                )
                .bind(id)
                .execute(&mut *tx)
                .await?;
                insert_audit!(&mut *tx, audit);
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(done)
        })
    }

    /// Changes the status of an account (unsubscribe, legacy migration), guarded
    /// on `from`. A change the domain does not allow
    /// ([`CitizenStatus::event_to`]) writes nothing and returns false, like a guard
    /// that found another status. Entering a status that voids sessions
    /// (unsubscribed) voids them and revokes refresh tokens in the same transaction.
    pub async fn set_status(
        &self,
        id: &str,
        from: CitizenStatus,
        to: CitizenStatus,
        now: UnixTime,
        audit: &AuditEvent,
    ) -> Result<bool, StoreError> {
        if from.event_to(to).is_none() {
            tracing::warn!(citizen = id, %from, %to, "status change refused by the lifecycle");
            return Ok(false);
        }
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            let done = sqlx::query(
                "UPDATE citizens SET status = $3, updated_at = $4, \
                 sessions_valid_after = CASE WHEN $5 THEN $4 ELSE sessions_valid_after END \
                 WHERE id = $1 AND status = $2",
            )
            .bind(id)
            .bind(from.as_str())
            .bind(to.as_str())
            .bind(now)
            .bind(to.voids_sessions())
            .execute(&mut *tx)
            .await?
            .rows_affected()
                == 1;
            if done {
                if to.voids_sessions() {
                    sqlx::query("UPDATE refresh_tokens SET revoked = TRUE WHERE citizen_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                insert_audit!(&mut *tx, audit);
                tx.commit().await?;
            }
            Ok::<_, sqlx::Error>(done)
        })
    }
}
