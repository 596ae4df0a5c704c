//! What sending and checking a code can come to.
//!
//! Outcomes a citizen can cause (a cool-down, a wrong code) are values, each with its
//! translated page text in `locales/*/otp.ftl`; only faults of the services behind
//! (the ephemeral store, the SMS gateway) are errors, answered with 503.

use crate::clock::UnixTime;
use crate::sms::SmsError;
use crate::store::ephemeral::EphemeralError;

/// The result of asking for a code to be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendOutcome {
    /// A new code is on its way; any earlier code of the flow no longer works.
    Sent {
        /// When the new code stops working.
        expires_at: UnixTime,
        /// When another code may be asked for.
        resend_after: UnixTime,
    },
    /// A code was sent to this flow too recently (`otp-cooling-down`).
    CoolingDown {
        /// Seconds until a new code may be asked for.
        retry_in_secs: u64,
    },
    /// The account has had its codes for this hour (`otp-hourly-limit`).
    HourlyLimit {
        /// Seconds until the window ends.
        retry_in_secs: u64,
    },
}

/// The result of checking a typed code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyOutcome {
    /// The code was right; it is now used up.
    Verified,
    /// The code was wrong and `tries_left` more entries are allowed (`otp-wrong`).
    Wrong {
        /// Entries still allowed, at least 1.
        tries_left: u32,
    },
    /// The code's time is over (`otp-expired`).
    Expired,
    /// The wrong entries used up the code, including the one that used the last try
    /// (`otp-too-many-tries`): a right code is refused from then on.
    TooManyTries,
    /// No code of this purpose is pending in this flow: none was sent, or it was already
    /// used (`otp-no-code`).
    NoCode,
    /// Not six digits (`otp-malformed`). Not counted as a try: a typo in the length
    /// reveals nothing about the code and guesses nothing.
    Malformed,
}

/// A service behind the OTPs failed; nothing was changed and the citizen may retry.
#[derive(Debug, thiserror::Error)]
pub enum OtpServiceError {
    /// The ephemeral store did not answer.
    #[error(transparent)]
    Unavailable(#[from] EphemeralError),
    /// The SMS could not be sent (`otp-sms-unavailable`); the flow's previous code, if
    /// any, still works and a new send may be asked for at once.
    #[error(transparent)]
    SmsUnavailable(SmsError),
}
