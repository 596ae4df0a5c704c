//! What the last send of a code came to, carried in a page's `?notice=` after the
//! redirect that follows it, and the sentence each notice shows.

use super::{OtpPolicy, OtpServiceError, SendOutcome, VerifyOutcome};
use crate::store::ephemeral::EphemeralError;
use crate::web::{FieldError, Lang, tr, tr_args};

/// What the last send came to, as the page after the redirect is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The first code of the step was sent (nothing to say).
    Sent,
    /// A new code was sent on request.
    Resent,
    /// Too soon after the last code: none was sent.
    CoolingDown,
    /// The hourly cap of codes was reached.
    HourlyLimit,
    /// The SMS gateway did not take the message.
    SmsFailed,
}

impl Notice {
    /// Every notice.
    pub const ALL: [Notice; 5] = [
        Notice::Sent,
        Notice::Resent,
        Notice::CoolingDown,
        Notice::HourlyLimit,
        Notice::SmsFailed,
    ];

    /// The word in the URL (`?notice=…`) and the templates.
    pub fn as_str(self) -> &'static str {
        match self {
            Notice::Sent => "sent",
            Notice::Resent => "resent",
            Notice::CoolingDown => "cooling-down",
            Notice::HourlyLimit => "hourly-limit",
            Notice::SmsFailed => "sms-failed",
        }
    }

    /// The notice a URL word names; anything else is no notice.
    pub fn parse(word: &str) -> Option<Self> {
        Notice::ALL.into_iter().find(|n| n.as_str() == word)
    }

    /// The notice of a send the citizen asked for again.
    pub fn on_resend(self) -> Self {
        match self {
            Notice::Sent => Notice::Resent,
            other => other,
        }
    }
}

/// The notice for a send's result; a store fault stays an error (503).
pub fn notice_of(result: Result<SendOutcome, OtpServiceError>) -> Result<Notice, EphemeralError> {
    match result {
        Ok(SendOutcome::Sent { .. }) => Ok(Notice::Sent),
        Ok(SendOutcome::CoolingDown { .. }) => Ok(Notice::CoolingDown),
        Ok(SendOutcome::HourlyLimit { .. }) => Ok(Notice::HourlyLimit),
        // The flow stays: the citizen can ask again once the gateway answers.
        Err(OtpServiceError::SmsUnavailable(_)) => Ok(Notice::SmsFailed),
        Err(OtpServiceError::Unavailable(error)) => Err(error),
    }
}

/// The sentence for the notice a URL word names, if it has one.
pub fn notice_text(lang: Lang, policy: &OtpPolicy, word: Option<&str>) -> Option<String> {
    Some(match Notice::parse(word?)? {
        Notice::Sent => return None,
        Notice::SmsFailed => tr(lang, "otp-sms-unavailable"),
        Notice::HourlyLimit => tr_args(lang, "otp-hourly-limit", &[("minutes", "60")]),
        Notice::CoolingDown => tr_args(
            lang,
            "otp-cooling-down",
            &[("seconds", &policy.cooldown_secs().to_string())],
        ),
        Notice::Resent => tr(lang, "otp-resent"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_word_reads_back_and_nothing_else_is_a_notice() {
        for notice in Notice::ALL {
            assert_eq!(Notice::parse(notice.as_str()), Some(notice));
        }
        assert_eq!(Notice::parse("<script>"), None);
        assert_eq!(Notice::Sent.on_resend(), Notice::Resent);
        assert_eq!(Notice::CoolingDown.on_resend(), Notice::CoolingDown);
    }
}
