//! What a citizen reads about a field: [`FieldError`] and the catalog keys of the
//! domain's parse errors.
//!
//! The domain (`src/domain/*`) speaks English in `Display` (for logs and the CLI);
//! pages speak the citizen's language. [`MessageKey`] maps each domain error to a
//! catalog key (`locales/*/fields.ftl`) plus its Fluent arguments, so a handler turns
//! any parse failure into a translated inline error with
//! `FieldError::from_error("username", &error)`. A test checks that every key exists.
//!
//! Deliberately left out of the arguments: the check letter a DNI/NIE calls for (the
//! form must not become a letter calculator) and any typed value besides a single
//! offending character.

use serde::Serialize;

use crate::domain::otp::OTP_DIGITS;
use crate::domain::password_policy::NO_GROUPS_FROM_CHARS;
use crate::domain::{
    ActivationCodeError, DocumentIdError, EmailError, OtpError, PersonNameError, PhoneError,
    PolicyViolation,
};

/// The special characters of the Cl@ve password policy, as the citizen reads them.
const SPECIALS: &str = "¡!$?%&#@/\\()=¿?*[];,:._<>+-";

/// An error the citizen must read: its catalog key and the Fluent arguments.
pub trait MessageKey {
    /// The catalog key.
    fn message_key(&self) -> &'static str;

    /// Named arguments for the message; none by default.
    fn message_args(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// One invalid field of a form: shown in the error summary (a link to `#field`) and
/// next to the input whose `id` is `field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The `id` of the input (by convention equal to its `name`).
    pub field: String,
    /// The catalog key of the message.
    pub message_key: String,
    /// Named Fluent arguments of the message.
    pub args: Vec<(String, String)>,
}

impl FieldError {
    /// An error on `field` with the message `message_key`.
    pub fn new(field: impl Into<String>, message_key: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message_key: message_key.into(),
            args: Vec::new(),
        }
    }

    /// Adds a Fluent argument.
    pub fn arg(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.args.push((name.into(), value.to_string()));
        self
    }

    /// The error a domain parse failure or policy violation gives on `field`.
    pub fn from_error(field: impl Into<String>, error: &impl MessageKey) -> Self {
        let mut out = Self::new(field, error.message_key());
        for (name, value) in error.message_args() {
            out = out.arg(name, value);
        }
        out
    }
}

impl MessageKey for DocumentIdError {
    fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "document-id-empty",
            Self::TooLong => "document-id-too-long",
            Self::BadFormat => "document-id-bad-format",
            Self::WrongCheckLetter { .. } => "document-id-wrong-check-letter",
        }
    }
}

impl MessageKey for EmailError {
    fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "email-empty",
            Self::TooLong => "email-too-long",
            Self::ForbiddenCharacter => "email-forbidden-character",
            Self::NotOneAt => "email-not-one-at",
            Self::InvalidLocalPart => "email-invalid-local-part",
            Self::InvalidDomain => "email-invalid-domain",
        }
    }
}

impl MessageKey for PhoneError {
    fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "phone-empty",
            Self::InvalidCharacter => "phone-invalid-character",
            Self::TooShort => "phone-too-short",
            Self::TooLong => "phone-too-long",
            Self::NotSpanishMobile => "phone-not-spanish-mobile",
            Self::InvalidCountryCode => "phone-invalid-country-code",
        }
    }
}

impl MessageKey for OtpError {
    fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "otp-empty",
            Self::NotDigits => "otp-not-digits",
            Self::WrongLength => "otp-wrong-length",
        }
    }

    fn message_args(&self) -> Vec<(&'static str, String)> {
        vec![("digits", OTP_DIGITS.to_string())]
    }
}

impl MessageKey for ActivationCodeError {
    fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "activation-code-empty",
            Self::WrongLength { .. } => "activation-code-wrong-length",
            Self::InvalidCharacter(_) => "activation-code-invalid-character",
        }
    }

    fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Empty => Vec::new(),
            Self::WrongLength { found } => vec![
                (
                    "expected",
                    crate::domain::activation_code::LENGTH.to_string(),
                ),
                ("found", found.to_string()),
            ],
            Self::InvalidCharacter(c) => vec![("character", c.to_string())],
        }
    }
}

impl MessageKey for PersonNameError {
    fn message_key(&self) -> &'static str {
        match self {
            Self::Empty => "person-name-empty",
            Self::TooLong => "person-name-too-long",
            Self::ForbiddenCharacter(_) => "person-name-forbidden-character",
            Self::NoLetters => "person-name-no-letters",
        }
    }

    fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::ForbiddenCharacter(c) => vec![("character", c.to_string())],
            _ => Vec::new(),
        }
    }
}

impl MessageKey for PolicyViolation {
    fn message_key(&self) -> &'static str {
        PolicyViolation::message_key(self)
    }

    fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::TooShort { min } => vec![("min", min.to_string())],
            Self::TooLong { max } => vec![("max", max.to_string())],
            Self::NeedsThreeGroups => vec![
                ("groups_from", NO_GROUPS_FROM_CHARS.to_string()),
                ("specials", SPECIALS.to_owned()),
            ],
            Self::ContainsName | Self::ContainsDocument | Self::TooCommon => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::i18n::{Lang, tr_args};

    fn every_domain_error() -> Vec<Box<dyn MessageKey>> {
        vec![
            Box::new(DocumentIdError::Empty),
            Box::new(DocumentIdError::TooLong),
            Box::new(DocumentIdError::BadFormat),
            Box::new(DocumentIdError::WrongCheckLetter {
                id: "12345678A".into(),
                expected: 'Z',
            }),
            Box::new(EmailError::Empty),
            Box::new(EmailError::TooLong),
            Box::new(EmailError::ForbiddenCharacter),
            Box::new(EmailError::NotOneAt),
            Box::new(EmailError::InvalidLocalPart),
            Box::new(EmailError::InvalidDomain),
            Box::new(PhoneError::Empty),
            Box::new(PhoneError::InvalidCharacter),
            Box::new(PhoneError::TooShort),
            Box::new(PhoneError::TooLong),
            Box::new(PhoneError::NotSpanishMobile),
            Box::new(PhoneError::InvalidCountryCode),
            Box::new(OtpError::Empty),
            Box::new(OtpError::NotDigits),
            Box::new(OtpError::WrongLength),
            Box::new(ActivationCodeError::Empty),
            Box::new(ActivationCodeError::WrongLength { found: 12 }),
            Box::new(ActivationCodeError::InvalidCharacter('O')),
            Box::new(PersonNameError::Empty),
            Box::new(PersonNameError::TooLong),
            Box::new(PersonNameError::ForbiddenCharacter('<')),
            Box::new(PersonNameError::NoLetters),
            Box::new(PolicyViolation::TooShort { min: 8 }),
            Box::new(PolicyViolation::TooLong { max: 128 }),
            Box::new(PolicyViolation::NeedsThreeGroups),
            Box::new(PolicyViolation::ContainsName),
            Box::new(PolicyViolation::ContainsDocument),
            Box::new(PolicyViolation::TooCommon),
        ]
    }

    #[test]
    fn every_domain_error_has_a_complete_sentence_in_every_language() {
        for error in every_domain_error() {
            let args = error.message_args();
            let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
            for &lang in Lang::ALL {
                let text = tr_args(lang, error.message_key(), &args);
                assert_ne!(
                    text,
                    error.message_key(),
                    "{lang} lacks {}",
                    error.message_key()
                );
                assert!(
                    text.ends_with('.') && !text.contains("{$"),
                    "{lang}: {text}"
                );
            }
        }
    }

    #[test]
    fn policy_messages_name_their_limits() {
        let error = FieldError::from_error("new_password", &PolicyViolation::TooShort { min: 8 });
        assert_eq!(error.message_key, "password-too-short");
        assert_eq!(error.args, vec![("min".to_owned(), "8".to_owned())]);
        let text = tr_args(
            Lang::Es,
            "password-needs-three-groups",
            &[("groups_from", "16"), ("specials", SPECIALS)],
        );
        assert!(
            text.contains("16 caracteres") && text.contains("¿?*[]"),
            "{text}"
        );
    }

    #[test]
    fn a_wrong_check_letter_does_not_reveal_the_right_letter() {
        let error = DocumentIdError::WrongCheckLetter {
            id: "12345678A".into(),
            expected: 'Z',
        };
        assert!(error.message_args().is_empty());
        let text = tr_args(Lang::En, error.message_key(), &[]);
        assert!(!text.contains('Z') && !text.contains("12345678"), "{text}");
    }
}
