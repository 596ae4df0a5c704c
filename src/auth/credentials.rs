//! Passwords: checking one against the lockout rules, choosing a new one against
//! the policy, and upgrading an imported hash — for every path that checks or sets
//! a password (the login, its expired-password renewal and legacy consent, and the
//! self-service flows), so the rules cannot differ between them.
//!
//! - An unknown DNI/NIE costs the same argon2 verification as a known one (the
//!   hasher verifies against a stand-in), so timing tells nothing.
//! - A wrong password on a known account counts toward its block (five in a row,
//!   `docs/architecture.md`, "Account lifecycle"), atomically in the database, and
//!   is recorded in the audit trail with the address it came from.
//! - Hashing runs on the bounded pool ([`crate::crypto::PasswordHasher`]); a full
//!   pool is [`ServiceError::Busy`], answered 503 with `Retry-After`.

use std::net::IpAddr;

use super::ServiceError;
use super::trusted::Lane;
use crate::clock::SharedClock;
use crate::crypto::{HashError, PasswordHasher};
use crate::domain::AuditKind;
use crate::domain::{DocumentId, PasswordPolicy, PersonalData, PolicyProfile, normalize_password};
use crate::notices::{Notice, Notices, Source};
use crate::store::sql::{AuditEvent, CitizenRecord, SqlStore};
use crate::web::Lang;
use crate::web::{CookieNames, FieldError};

/// Where a password was typed, for the audit trail of a failure.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// The audit kind recorded for a wrong password (`login_failed`, …).
    pub failure_kind: AuditKind,
    /// The address the attempt came from.
    pub ip: IpAddr,
    /// One detail naming the context (`client_id` of the portal, or `flow`).
    pub context: (&'static str, String),
    /// The page's language, for a notice the attempt may cause.
    pub lang: Lang,
    /// The browser the attempt came from, for that notice.
    pub device: crate::domain::Device,
}

/// The result of checking a password.
#[derive(Debug)]
pub enum PasswordCheck {
    /// Wrong password, or no such account (indistinguishable by design).
    Wrong,
    /// The right password for this citizen, whatever the account's status.
    Right {
        /// The citizen.
        citizen: Box<CitizenRecord>,
        /// Whether the password is blocked in the lane it was typed in (this
        /// trusted browser's, or the unknown browsers'): told only now, after
        /// the right password.
        blocked_here: bool,
    },
}

/// The password service, built once at start-up.
#[derive(Clone)]
pub struct Credentials {
    db: SqlStore,
    hasher: PasswordHasher,
    clock: SharedClock,
    policy: PolicyProfile,
    notices: Notices,
    cookies: CookieNames,
    endings: Option<super::SessionEnds>,
}

impl Credentials {
    /// The service over its stores, pool, clock and password policy, reading
    /// the cookies `cookies` names.
    pub fn new(
        db: SqlStore,
        hasher: PasswordHasher,
        clock: SharedClock,
        policy: PolicyProfile,
        notices: Notices,
        cookies: CookieNames,
    ) -> Self {
        Self {
            db,
            hasher,
            clock,
            policy,
            notices,
            cookies,
            endings: None,
        }
    }

    /// The service ending the citizen's sessions (and telling their portals)
    /// when a block ends them.
    pub fn with_session_ends(mut self, endings: super::SessionEnds) -> Self {
        self.endings = Some(endings);
        self
    }

    pub(super) fn cookies(&self) -> CookieNames {
        self.cookies
    }

    /// The security notices (`crate::notices`), for the other checks that block.
    pub fn notices(&self) -> &Notices {
        &self.notices
    }

    pub(super) fn store(&self) -> &SqlStore {
        &self.db
    }

    pub(super) fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Checks `password` for `id`. A wrong one on a known account is counted and
    /// recorded; the right one is not yet "accepted" ([`Self::accept`]): the
    /// caller first decides whether the account may go on here.
    pub async fn check_password(
        &self,
        id: &DocumentId,
        password: &str,
        attempt: Attempt,
        lane: &Lane,
    ) -> Result<PasswordCheck, ServiceError> {
        let citizen = self.db.citizen(id.as_str()).await?;
        let stored = citizen.as_ref().and_then(|c| c.password_hash.as_deref());
        let matches = self.verify(&normalize_password(password), stored).await?;
        match citizen {
            Some(citizen) if matches => {
                let blocked_here = match lane {
                    Lane::Trusted(browser) => browser.password_blocked,
                    Lane::Unknown => citizen.password_blocked,
                };
                Ok(PasswordCheck::Right {
                    citizen: Box::new(citizen),
                    blocked_here,
                })
            }
            Some(citizen) => {
                self.record_failure(&citizen, attempt, lane).await?;
                Ok(PasswordCheck::Wrong)
            }
            None => Ok(PasswordCheck::Wrong),
        }
    }

    /// The right password was typed and the account goes on: the consecutive
    /// failures start again from zero, and an imported or weak hash is upgraded.
    pub async fn accept(
        &self,
        citizen: &CitizenRecord,
        password: &str,
        lane: &Lane,
    ) -> Result<(), ServiceError> {
        match lane {
            Lane::Trusted(browser) if browser.password_failures > 0 => {
                self.db.clear_browser_failures(&browser.id).await?;
            }
            Lane::Unknown if citizen.password_failures > 0 => {
                self.db.clear_password_failures(citizen.id.as_str()).await?;
            }
            _ => {}
        }
        self.upgrade_hash_if_weak(citizen, &normalize_password(password))
            .await;
        Ok(())
    }

    /// Checks a new password and hashes it; `Ok(Err(errors))` lists every problem
    /// at once (each failed rule, a confirmation that differs, the current password).
    pub async fn choose_new_password(
        &self,
        citizen: &CitizenRecord,
        new_password: &str,
        confirm: &str,
    ) -> Result<Result<String, Vec<FieldError>>, ServiceError> {
        let person = PersonalData {
            given_name: &citizen.given_name,
            first_surname: &citizen.first_surname,
            second_surname: citizen.second_surname.as_deref(),
            document: &citizen.id,
        };
        let mut errors = Vec::new();
        let checked = PasswordPolicy::new(self.policy).check(new_password, &person);
        if let Err(violations) = &checked {
            errors.extend(
                violations
                    .iter()
                    .map(|v| FieldError::from_error("new_password", v)),
            );
        }
        if normalize_password(new_password) != normalize_password(confirm) {
            errors.push(FieldError::new(
                "new_password_confirm",
                "password-confirm-mismatch",
            ));
        }
        let password = match checked {
            Ok(password) if errors.is_empty() => password,
            _ => return Ok(Err(errors)),
        };
        if citizen.password_hash.is_some()
            && self
                .hasher
                .verify(password.expose(), citizen.password_hash.as_deref())
                .await?
        {
            return Ok(Err(vec![FieldError::new(
                "new_password",
                "password-same-as-current",
            )]));
        }
        Ok(Ok(self.hasher.hash(password.expose()).await?))
    }

    /// Whether `password` (NFC-normalised) matches `stored`; `None` costs the same
    /// verification against a stand-in, so unknown accounts take as long as known ones.
    async fn verify(&self, password: &str, stored: Option<&str>) -> Result<bool, ServiceError> {
        match self.hasher.verify(password, stored).await {
            Ok(matches) => Ok(matches),
            Err(HashError::MalformedHash) => Ok(false),
            Err(other) => Err(other.into()),
        }
    }

    async fn record_failure(
        &self,
        citizen: &CitizenRecord,
        attempt: Attempt,
        lane: &Lane,
    ) -> Result<(), ServiceError> {
        let now = self.clock.now();
        let counted = match lane {
            Lane::Trusted(browser) => self.db.record_browser_failure(&browser.id).await?,
            Lane::Unknown => {
                self.db
                    .record_password_failure(citizen.id.as_str(), now)
                    .await?
            }
        };
        let Some(count) = counted else {
            return Ok(());
        };
        let (key, value) = attempt.context;
        let mut audit = AuditEvent::new(now, attempt.failure_kind, "citizen")
            .citizen(citizen.id.as_str())
            .ip(attempt.ip)
            .outcome("failure")
            .detail(key, value)
            .detail(
                "lane",
                if lane.is_trusted() {
                    "trusted"
                } else {
                    "unknown"
                },
            )
            .detail("failures", count.failures);
        // Only the failure that set the block says so, so the trail shows one
        // block however many wrong passwords raced past it.
        if count.just_blocked {
            audit = audit.detail("password_blocked", true);
            metrics::counter!("clave_password_blocks_total", "lane" => if lane.is_trusted() { "trusted" } else { "unknown" })
                .increment(1);
            let source = Source {
                device: attempt.device,
                ip: attempt.ip,
            };
            self.notices
                .tell(Notice::PasswordBlocked, citizen, attempt.lang, source)
                .await;
            // The account's password is blocked (not one trusted browser's
            // lane): its sessions end, with their tokens, and their portals
            // are told.
            if !lane.is_trusted()
                && let Some(endings) = &self.endings
            {
                endings.end_all(citizen.id.as_str()).await;
            }
        }
        self.db.append_audit(&audit).await?;
        Ok(())
    }

    /// Re-hashes `password` (NFC-normalised, just verified against the stored hash)
    /// when the stored hash is weaker than today's parameters, keeping
    /// `password_set_at`: the password did not change, so its 2-year expiry does
    /// not restart. Best-effort: a busy pool or a database hiccup is logged and
    /// retried at the next login, never a failed login.
    async fn upgrade_hash_if_weak(&self, citizen: &CitizenRecord, password: &str) {
        let Some(stored) = citizen.password_hash.as_deref() else {
            return;
        };
        if !self.hasher.needs_rehash(stored) {
            return;
        }
        let fresh = match self.hasher.hash(password).await {
            Ok(fresh) => fresh,
            Err(HashError::Busy) => return, // next login
            Err(error) => {
                tracing::warn!(%error, "could not re-hash a weak password hash");
                return;
            }
        };
        let from = if stored.starts_with("$2") {
            "bcrypt"
        } else {
            "argon2"
        };
        let now = self.clock.now();
        let audit = AuditEvent::new(now, AuditKind::PasswordRehashed, "system")
            .citizen(citizen.id.as_str())
            .detail("from", from)
            .detail("to", "argon2id");
        if let Err(error) = self
            .db
            .update_password_hash(citizen.id.as_str(), stored, &fresh, now, &audit)
            .await
        {
            tracing::warn!(%error, "could not store a re-hashed password");
        }
    }
}
