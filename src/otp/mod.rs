//! One-time codes by SMS: the second step of every flow that must prove the citizen
//! holds the registered mobile (login at LoA substantial, activation, forgotten
//! password, password change, unsubscribe, activation-code regeneration, renewal of an
//! expired password).
//!
//! [`OtpService::send`] draws a six-digit code from a CSPRNG, texts it and keeps only its
//! keyed hash ([`OtpKey`]); [`OtpService::verify`] checks a typed code. The rules are an
//! [`OtpPolicy`] (defaults: valid 5 minutes, 3 tries, a resend after 60 s, 5 sends per
//! account per hour).
//!
//! Everything lives in the ephemeral store (see `records` for the keys) and every rule
//! that could race is one atomic store operation: the cool-down is claimed with
//! `put_new`, tries and the hourly cap are `increment`s, and a right code is consumed
//! with `take`, so 50 concurrent guesses count as 50 tries (all but 3 refused unseen)
//! and a code verifies once. Deadlines are compared with the injected [`Clock`], so
//! tests move a `ManualClock` instead of sleeping.
//!
//! Codes are never logged; only the development `log` SMS sender shows them.
//!
//! [`Clock`]: crate::clock::Clock

mod key;
pub mod notice;
mod outcome;
mod purpose;
mod records;
mod texts;

use std::sync::Arc;

use crate::clock::SharedClock;
use crate::crypto::tokens::{constant_time_eq, random_token};
use crate::domain::otp::OtpCode;
use crate::domain::{DocumentId, MobilePhone};
use crate::sms::{SmsMessage, SmsSender};
use crate::store::ephemeral::{EphemeralStore, EphemeralStoreExt};
use crate::web::i18n::Lang;

pub use self::key::OtpKey;
pub use self::outcome::{OtpServiceError, SendOutcome, VerifyOutcome};
pub use self::purpose::{OtpPolicy, OtpPurpose};

use self::records::{Claim, Release, StoredCode};

/// Sends and checks one-time codes; cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct OtpService {
    store: Arc<dyn EphemeralStore>,
    sms: Arc<dyn SmsSender>,
    clock: SharedClock,
    key: OtpKey,
    policy: OtpPolicy,
}

impl OtpService {
    /// A service keeping its state in `store` and texting through `sms`; `key` comes
    /// from [`OtpKey::load`] once at start-up.
    pub fn new(
        store: Arc<dyn EphemeralStore>,
        sms: Arc<dyn SmsSender>,
        clock: SharedClock,
        key: OtpKey,
        policy: OtpPolicy,
    ) -> Self {
        Self {
            store,
            sms,
            clock,
            key,
            policy,
        }
    }

    /// The rules in force.
    pub fn policy(&self) -> &OtpPolicy {
        &self.policy
    }

    /// Sends a new code for `purpose` in `flow_id` to `phone` (E.164), in `lang`.
    ///
    /// `account` (the canonical DNI/NIE) is only used for the per-account hourly cap.
    /// A sent code replaces the flow's previous one, which stops working, and starts
    /// with all its tries. If the SMS cannot be sent nothing of the flow changes: the
    /// previous code still works and the cool-down is given back, so the citizen can
    /// retry at once. The hourly cap does count the failed send, on purpose: a gateway
    /// that timed out may still have delivered it, the cap exists to bound what an
    /// attacker can make us text (SMS pumping), and a counter cannot be decremented
    /// without racing the window's expiry.
    pub async fn send(
        &self,
        flow_id: &str,
        purpose: OtpPurpose,
        account: &DocumentId,
        phone: &MobilePhone,
        lang: Lang,
    ) -> Result<SendOutcome, OtpServiceError> {
        let now = self.clock.now();
        let store = self.store.as_ref();
        let ttl = self.policy.effective_store_ttl();
        let cooldown = self.policy.cooldown_secs();
        let release = match records::claim_cooldown(store, flow_id, now, cooldown, ttl).await? {
            Claim::Granted(release) => release,
            Claim::Refused { retry_in_secs } => {
                return Ok(SendOutcome::CoolingDown { retry_in_secs });
            }
        };

        let sends_key = records::sends_key(&self.key.account_tag(account.as_str()));
        let sends = match store.increment(&sends_key, self.policy.send_window).await {
            Ok(sends) => sends,
            Err(err) => return Err(self.give_back(release, err.into()).await),
        };
        if sends > u64::from(self.policy.max_sends_per_window) {
            let left = store.time_to_live(&sends_key).await.ok().flatten();
            let left = left.unwrap_or(self.policy.send_window);
            let retry_in_secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
            self.release_quietly(release).await;
            return Ok(SendOutcome::HourlyLimit { retry_in_secs });
        }

        let code = OtpCode::generate();
        let minutes = self.policy.validity_minutes();
        let message = SmsMessage {
            to: phone.as_str().to_owned(),
            body: texts::sms_body(lang, purpose, code.expose(), minutes),
            purpose: purpose.as_str().to_owned(),
        };
        if let Err(err) = self.sms.send(&message).await {
            metrics::counter!("clave_sms_failures_total", "sender" => self.sms.name()).increment(1);
            tracing::warn!(
                target: "otp",
                purpose = purpose.as_str(),
                sender = self.sms.name(),
                error = %err,
                "OTP not sent: SMS failed"
            );
            return Err(self
                .give_back(release, OtpServiceError::SmsUnavailable(err))
                .await);
        }
        metrics::counter!("clave_otp_sent_total", "purpose" => purpose.as_str()).increment(1);

        let expires_at = now.saturating_add(self.policy.validity_secs());
        let record = StoredCode {
            purpose,
            nonce: random_token(16),
            mac: self.key.code_mac(flow_id, purpose, &code),
            expires_at,
        };
        if let Err(err) = store
            .put_json(&records::code_key(flow_id), &record, ttl)
            .await
        {
            return Err(self.give_back(release, err.into()).await);
        }
        tracing::info!(target: "otp", purpose = purpose.as_str(), sender = self.sms.name(), "OTP sent");
        Ok(SendOutcome::Sent {
            expires_at,
            resend_after: now.saturating_add(cooldown),
        })
    }

    /// Checks `typed` against the code pending for `purpose` in `flow_id`.
    ///
    /// Each check of a well-formed code against a live one counts as a try (one atomic
    /// `increment`) before the comparison, so concurrent guesses cannot exceed the
    /// limit. A right code is consumed; a replay gets [`VerifyOutcome::NoCode`].
    pub async fn verify(
        &self,
        flow_id: &str,
        purpose: OtpPurpose,
        typed: &str,
    ) -> Result<VerifyOutcome, OtpServiceError> {
        let Ok(code) = OtpCode::parse(typed) else {
            return Ok(VerifyOutcome::Malformed);
        };
        let store = self.store.as_ref();
        let key = records::code_key(flow_id);
        let Some(pending) = store.get_json::<StoredCode>(&key).await? else {
            return Ok(VerifyOutcome::NoCode);
        };
        if pending.purpose != purpose {
            return Ok(VerifyOutcome::NoCode);
        }
        if self.clock.now() >= pending.expires_at {
            return Ok(VerifyOutcome::Expired);
        }
        let ttl = self.policy.effective_store_ttl();
        let tries_key = records::tries_key(flow_id, &pending.nonce);
        let tries = store.increment(&tries_key, ttl).await?;
        let max = u64::from(self.policy.max_tries);
        if tries > max {
            return Ok(VerifyOutcome::TooManyTries);
        }
        let typed_mac = self.key.code_mac(flow_id, purpose, &code);
        if !constant_time_eq(typed_mac.as_bytes(), pending.mac.as_bytes()) {
            let tries_left = u32::try_from(max - tries).unwrap_or(0);
            return Ok(if tries_left == 0 {
                VerifyOutcome::TooManyTries
            } else {
                VerifyOutcome::Wrong { tries_left }
            });
        }
        match store.take_json::<StoredCode>(&key).await? {
            Some(taken) if taken.nonce == pending.nonce => Ok(VerifyOutcome::Verified),
            Some(newer) => {
                // A resend replaced the code while this one was checked: the checked
                // code is dead, the new one must stay. Put it back unless an even
                // newer send already wrote the key.
                store.put_new_json(&key, &newer, ttl).await?;
                Ok(VerifyOutcome::NoCode)
            }
            // Another request consumed it first.
            None => Ok(VerifyOutcome::NoCode),
        }
    }

    /// Releases a cool-down claim after a failed send and returns `err`.
    async fn give_back(&self, release: Release, err: OtpServiceError) -> OtpServiceError {
        self.release_quietly(release).await;
        err
    }

    async fn release_quietly(&self, release: Release) {
        let ttl = self.policy.effective_store_ttl();
        if let Err(err) = records::release_cooldown(self.store.as_ref(), release, ttl).await {
            // The cool-down then simply runs its course.
            tracing::warn!(target: "otp", error = %err, "could not release an OTP cool-down");
        }
    }
}
