//! What a one-time code is for, and the rules it is issued under.
//!
//! The purpose binds a code: it is part of the keyed hash and of the stored record, so a
//! code sent to activate an account never confirms an unsubscribe. It also chooses the
//! SMS text, which tells the citizen what they are confirming (a code that arrives
//! unasked for an operation they did not start is their cue not to hand it over).

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The operation a one-time code confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtpPurpose {
    /// Second factor of a login at LoA substantial.
    Login,
    /// Activation of a registered user.
    Activation,
    /// Forgotten or blocked password.
    PasswordReset,
    /// Change of password by the authenticated citizen.
    PasswordChange,
    /// Closing the account.
    Unsubscribe,
    /// Issuing a new activation code.
    CodeRegeneration,
    /// Setting a new password after the old one expired (2 years).
    ExpiredPasswordRenewal,
    /// The alternative to the security question past the attempt limits
    /// (`abuse::alternative`).
    Challenge,
}

impl OtpPurpose {
    /// Every purpose, for tests and translations checks.
    pub const ALL: [OtpPurpose; 8] = [
        OtpPurpose::Login,
        OtpPurpose::Activation,
        OtpPurpose::PasswordReset,
        OtpPurpose::PasswordChange,
        OtpPurpose::Unsubscribe,
        OtpPurpose::CodeRegeneration,
        OtpPurpose::ExpiredPasswordRenewal,
        OtpPurpose::Challenge,
    ];

    /// The stable name: in store keys, the keyed hash, the SMS `purpose` field and audit.
    pub fn as_str(self) -> &'static str {
        match self {
            OtpPurpose::Login => "login",
            OtpPurpose::Activation => "activation",
            OtpPurpose::PasswordReset => "password_reset",
            OtpPurpose::PasswordChange => "password_change",
            OtpPurpose::Unsubscribe => "unsubscribe",
            OtpPurpose::CodeRegeneration => "code_regeneration",
            OtpPurpose::ExpiredPasswordRenewal => "expired_password_renewal",
            OtpPurpose::Challenge => "challenge",
        }
    }

    /// The translation key of the SMS text (`locales/*/otp.ftl`), which takes the
    /// arguments `$code` and `$minutes`.
    pub fn sms_key(self) -> &'static str {
        match self {
            OtpPurpose::Login => "sms-otp-login",
            OtpPurpose::Activation => "sms-otp-activation",
            OtpPurpose::PasswordReset => "sms-otp-password-reset",
            OtpPurpose::PasswordChange => "sms-otp-password-change",
            OtpPurpose::Unsubscribe => "sms-otp-unsubscribe",
            OtpPurpose::CodeRegeneration => "sms-otp-code-regeneration",
            OtpPurpose::ExpiredPasswordRenewal => "sms-otp-expired-password-renewal",
            OtpPurpose::Challenge => "sms-otp-challenge",
        }
    }
}

/// The limits a code is issued and checked under (`docs/architecture.md`, "Account rules").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtpPolicy {
    /// How long a sent code can be used.
    pub validity: Duration,
    /// Wrong entries allowed; the last one voids the code.
    pub max_tries: u32,
    /// Minimum time between two sends for one flow.
    pub resend_cooldown: Duration,
    /// Sends allowed per account within one [`OtpPolicy::send_window`].
    pub max_sends_per_window: u32,
    /// The fixed window of the per-account send cap, starting at its first send.
    pub send_window: Duration,
    /// How long the ephemeral store keeps codes and cool-downs. Only housekeeping: the
    /// deadlines above are checked against the injected clock, so this must merely be
    /// longer than them (it is raised to the longest if set shorter).
    pub store_ttl: Duration,
}

impl Default for OtpPolicy {
    /// Six digits valid 5 minutes, 3 tries, a resend every 60 s, 5 sends an hour.
    fn default() -> Self {
        Self {
            validity: Duration::from_secs(5 * 60),
            max_tries: 3,
            resend_cooldown: Duration::from_secs(60),
            max_sends_per_window: 5,
            send_window: Duration::from_secs(60 * 60),
            store_ttl: Duration::from_secs(60 * 60),
        }
    }
}

impl OtpPolicy {
    /// The validity in whole minutes, rounded up, as the SMS states it.
    pub fn validity_minutes(&self) -> u64 {
        self.validity.as_secs().div_ceil(60).max(1)
    }

    /// The store TTL, never shorter than a deadline it keeps state for.
    pub(crate) fn effective_store_ttl(&self) -> Duration {
        self.store_ttl
            .max(self.validity)
            .max(self.resend_cooldown)
            .max(Duration::from_secs(1))
    }

    /// [`OtpPolicy::validity`] in seconds, for arithmetic on Unix times.
    pub(crate) fn validity_secs(&self) -> i64 {
        secs(self.validity)
    }

    /// [`OtpPolicy::resend_cooldown`] in seconds, for arithmetic on Unix times.
    pub(crate) fn cooldown_secs(&self) -> i64 {
        secs(self.resend_cooldown)
    }
}

fn secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_default_policy_is_five_minutes_three_tries_sixty_seconds_five_an_hour() {
        let policy = OtpPolicy::default();
        assert_eq!(policy.validity_secs(), 300);
        assert_eq!(policy.max_tries, 3);
        assert_eq!(policy.cooldown_secs(), 60);
        assert_eq!(policy.max_sends_per_window, 5);
        assert_eq!(policy.send_window, Duration::from_secs(3600));
        assert_eq!(policy.validity_minutes(), 5);
    }

    #[test]
    fn validity_minutes_round_up_and_are_at_least_one() {
        let mut policy = OtpPolicy {
            validity: Duration::from_secs(90),
            ..OtpPolicy::default()
        };
        assert_eq!(policy.validity_minutes(), 2);
        policy.validity = Duration::from_secs(10);
        assert_eq!(policy.validity_minutes(), 1);
    }

    #[test]
    fn the_store_ttl_is_never_shorter_than_the_validity_or_the_cooldown() {
        let policy = OtpPolicy {
            store_ttl: Duration::from_secs(1),
            validity: Duration::from_secs(600),
            ..OtpPolicy::default()
        };
        assert_eq!(policy.effective_store_ttl(), Duration::from_secs(600));
    }

    #[test]
    fn purpose_names_and_sms_keys_are_distinct() {
        let names: HashSet<_> = OtpPurpose::ALL.iter().map(|p| p.as_str()).collect();
        let keys: HashSet<_> = OtpPurpose::ALL.iter().map(|p| p.sms_key()).collect();
        assert_eq!(names.len(), OtpPurpose::ALL.len());
        assert_eq!(keys.len(), OtpPurpose::ALL.len());
        assert!(keys.iter().all(|k| k.starts_with("sms-otp-")));
    }

    #[test]
    fn purposes_serialize_as_their_names() {
        for purpose in OtpPurpose::ALL {
            let json = serde_json::to_string(&purpose).unwrap();
            assert_eq!(json, format!("\"{}\"", purpose.as_str()));
        }
    }
}
