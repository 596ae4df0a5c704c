//! What the last send of a code came to, carried in a page's `?notice=` after the
//! redirect that follows it, and the sentence each notice shows.

use super::{OtpPolicy, OtpServiceError, SendOutcome, VerifyOutcome};
use crate::store::ephemeral::EphemeralError;
use crate::web::{FieldError, Lang, tr, tr_args};

/// The notice word for a send's result; a store fault stays an error (503).
pub fn notice_of(
    result: Result<SendOutcome, OtpServiceError>,
) -> Result<&'static str, EphemeralError> {
    match result {
        Ok(SendOutcome::Sent { .. }) => Ok("sent"),
        Ok(SendOutcome::CoolingDown { .. }) => Ok("cooling-down"),
        Ok(SendOutcome::HourlyLimit { .. }) => Ok("hourly-limit"),
        // The flow stays: the citizen can ask again once the gateway answers.
        Err(OtpServiceError::SmsUnavailable(_)) => Ok("sms-failed"),
        Err(OtpServiceError::Unavailable(error)) => Err(error),
    }
}

/// The sentence for a notice word, if it has one.
pub fn notice_text(lang: Lang, policy: &OtpPolicy, notice: Option<&str>) -> Option<String> {
    Some(match notice? {
        "sms-failed" => tr(lang, "otp-sms-unavailable"),
        "hourly-limit" => tr_args(lang, "otp-hourly-limit", &[("minutes", "60")]),
        "cooling-down" => tr_args(
            lang,
            "otp-cooling-down",
            &[("seconds", &policy.cooldown_secs().to_string())],
        ),
        "resent" => tr(lang, "otp-resent"),
        _ => return None,
    })
}

/// The field error for a code that was not accepted.
pub fn field_error(outcome: VerifyOutcome) -> FieldError {
    match outcome {
        VerifyOutcome::Wrong { tries_left } => {
            FieldError::new("otp", "otp-wrong").arg("tries", tries_left)
        }
        VerifyOutcome::Expired => FieldError::new("otp", "otp-expired"),
        VerifyOutcome::TooManyTries => FieldError::new("otp", "otp-too-many-tries"),
        VerifyOutcome::NoCode => FieldError::new("otp", "otp-no-code"),
        VerifyOutcome::Malformed | VerifyOutcome::Verified => {
            FieldError::new("otp", "otp-malformed")
        }
    }
}
