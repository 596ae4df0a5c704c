//! The citizen's mobile number, to which every one-time code is sent by SMS.
//!
//! Stored in E.164 (`+34600112233`) so the SMS gateway gets one unambiguous form.
//! Operators and citizens type numbers in many ways, so [`MobilePhone::parse`]
//! accepts:
//!
//! * a Spanish mobile without prefix, `600 11 22 33` → `+34600112233`;
//! * the international prefix written `00`, `0034 600…` → `+34600…`;
//! * any `+` number, with spaces, hyphens, dots or parentheses between digits.
//!
//! A Spanish number (`+34`) must be a mobile: nine digits starting with 6 or 7
//! (numbers starting with 8 or 9 are landlines and cannot receive our SMS). For
//! other countries we cannot know the numbering plan, so we check only E.164's
//! bounds: 8 to 15 digits in all, country code not starting with 0.
//!
//! Pages show the number only as [`MobilePhone::masked`], which reveals the last
//! three digits: enough for the citizen to recognise it, too little to harvest it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

const SPAIN: &str = "34";
const MIN_DIGITS: usize = 8;
const MAX_DIGITS: usize = 15;
/// Refuse absurd inputs before looking at them character by character.
const MAX_RAW_LEN: usize = 40;

/// A mobile number in E.164 form, e.g. `+34600112233`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MobilePhone(String);

/// Why a text is not an acceptable mobile number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing was typed.
    #[error("the mobile number is empty")]
    Empty,
    /// Letters or symbols other than spaces, hyphens, dots and parentheses.
    #[error("the mobile number may contain only digits, an initial + and spaces")]
    InvalidCharacter,
    /// Fewer digits than any mobile number has.
    #[error("the mobile number is too short")]
    TooShort,
    /// More digits than E.164 allows.
    #[error("the mobile number is too long (at most 15 digits with the country code)")]
    TooLong,
    /// A Spanish number that is not a mobile (9 digits starting with 6 or 7).
    #[error("a Spanish mobile number has 9 digits and starts with 6 or 7")]
    NotSpanishMobile,
    /// A `+` number whose country code starts with 0.
    #[error("the country code after + cannot start with 0")]
    InvalidCountryCode,
}

impl MobilePhone {
    /// Normalises a typed number to E.164 and checks it.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        if trimmed.chars().count() > MAX_RAW_LEN {
            return Err(PhoneError::TooLong);
        }
        let (international, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(PhoneError::InvalidCharacter),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::InvalidCharacter);
        }
        let e164_digits = if international {
            digits
        } else if let Some(after_prefix) = digits.strip_prefix("00") {
            after_prefix.to_owned()
        } else {
            // A national number: only Spanish ones make sense without a prefix.
            format!("{SPAIN}{digits}")
        };
        validate(&e164_digits)?;
        Ok(Self(format!("+{e164_digits}")))
    }

    /// The E.164 form, e.g. `+34600112233`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A form for pages that shows only the last three digits: `+34 *** *** 233`.
    ///
    /// Spanish numbers keep their `+34`; for others the country code is masked too,
    /// since without a numbering plan we cannot tell where it ends.
    pub fn masked(&self) -> String {
        let digits = &self.0[1..];
        let (prefix, national) = match digits.strip_prefix(SPAIN) {
            Some(national) => ("+34 ", national),
            None => ("+", digits),
        };
        let split = national.len().saturating_sub(3);
        let hidden: Vec<&str> = std::iter::repeat_n("*", split).collect();
        let mut groups: Vec<String> = hidden.rchunks(3).rev().map(|g| g.concat()).collect();
        groups.push(national[split..].to_owned());
        format!("{prefix}{}", groups.join(" "))
    }
}

/// Checks the digits after the `+`.
fn validate(digits: &str) -> Result<(), PhoneError> {
    if digits.starts_with('0') {
        return Err(PhoneError::InvalidCountryCode);
    }
    if let Some(national) = digits.strip_prefix(SPAIN) {
        let is_mobile = national.len() == 9 && national.starts_with(['6', '7']);
        return if is_mobile {
            Ok(())
        } else {
            Err(PhoneError::NotSpanishMobile)
        };
    }
    match digits.len() {
        n if n < MIN_DIGITS => Err(PhoneError::TooShort),
        n if n > MAX_DIGITS => Err(PhoneError::TooLong),
        _ => Ok(()),
    }
}

impl fmt::Display for MobilePhone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for MobilePhone {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for MobilePhone {
    type Err = PhoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for MobilePhone {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<MobilePhone> for String {
    fn from(phone: MobilePhone) -> Self {
        phone.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spanish_forms_all_normalise_to_e164() {
        for input in [
            "+34 600 11 22 33",
            "600112233",
            "600-11-22-33",
            "0034 600112233",
            "+34 (600) 112.233",
            "712345678",
        ] {
            let phone = MobilePhone::parse(input).unwrap();
            assert!(phone.as_str().starts_with("+34"), "{input}");
            assert_eq!(phone.as_str().len(), 12, "{input}");
        }
        assert_eq!(
            MobilePhone::parse("600 11 22 33").unwrap().as_str(),
            "+34600112233"
        );
    }

    #[test]
    fn foreign_numbers_with_plus_or_00_are_accepted() {
        assert_eq!(
            MobilePhone::parse("+49 151 2345 6789").unwrap().as_str(),
            "+4915123456789"
        );
        assert_eq!(
            MobilePhone::parse("0033 6 12 34 56 78").unwrap().as_str(),
            "+33612345678"
        );
    }

    #[test]
    fn spanish_landlines_are_rejected() {
        assert_eq!(
            MobilePhone::parse("912345678"),
            Err(PhoneError::NotSpanishMobile)
        );
        assert_eq!(
            MobilePhone::parse("+34 912 345 678"),
            Err(PhoneError::NotSpanishMobile)
        );
    }

    #[test]
    fn spanish_numbers_of_the_wrong_length_are_rejected() {
        assert_eq!(
            MobilePhone::parse("60011223"),
            Err(PhoneError::NotSpanishMobile)
        );
        assert_eq!(
            MobilePhone::parse("+34 6001122334"),
            Err(PhoneError::NotSpanishMobile)
        );
    }

    #[test]
    fn letters_are_rejected() {
        assert_eq!(
            MobilePhone::parse("600 11 22 3A"),
            Err(PhoneError::InvalidCharacter)
        );
        assert_eq!(MobilePhone::parse("+"), Err(PhoneError::InvalidCharacter));
        assert_eq!(
            MobilePhone::parse("++34600112233"),
            Err(PhoneError::InvalidCharacter)
        );
    }

    #[test]
    fn foreign_numbers_too_short_or_too_long_are_rejected() {
        assert_eq!(MobilePhone::parse("+44 1234"), Err(PhoneError::TooShort));
        assert_eq!(
            MobilePhone::parse("+44 1234 5678 9012 34"),
            Err(PhoneError::TooLong)
        );
    }

    #[test]
    fn a_country_code_starting_with_zero_is_rejected() {
        assert_eq!(
            MobilePhone::parse("+0 600 11 22 33"),
            Err(PhoneError::InvalidCountryCode)
        );
    }

    #[test]
    fn an_empty_number_is_rejected() {
        assert_eq!(MobilePhone::parse("  "), Err(PhoneError::Empty));
    }

    #[test]
    fn the_masked_form_shows_only_the_last_three_digits() {
        assert_eq!(
            MobilePhone::parse("600112233").unwrap().masked(),
            "+34 *** *** 233"
        );
        assert_eq!(
            MobilePhone::parse("+4915123456789").unwrap().masked(),
            "+* *** *** *** 789"
        );
    }

    #[test]
    fn deserialising_cannot_skip_the_check() {
        assert!(serde_json::from_str::<MobilePhone>("\"912345678\"").is_err());
        let ok: MobilePhone = serde_json::from_str("\"600112233\"").unwrap();
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"+34600112233\"");
    }

    proptest! {
        #[test]
        fn every_spanish_mobile_round_trips_in_any_written_form(
            first in prop_oneof![Just('6'), Just('7')],
            rest in "[0-9]{8}",
            prefix in prop_oneof![Just(""), Just("+34"), Just("0034"), Just("+34 ")],
        ) {
            let national = format!("{first}{rest}");
            let typed = format!("{prefix}{} {} {}", &national[..3], &national[3..6], &national[6..]);
            let phone = MobilePhone::parse(&typed).unwrap();
            prop_assert_eq!(phone.as_str(), format!("+34{national}"));
            prop_assert_eq!(MobilePhone::parse(phone.as_str()).unwrap(), phone.clone());
            let masked = phone.masked();
            prop_assert!(masked.ends_with(&national[6..]));
            prop_assert_eq!(masked.chars().filter(char::is_ascii_digit).count(), 5);
        }

        #[test]
        fn accepted_numbers_are_always_plus_and_8_to_15_digits(input in "[+0-9 a-z-]{0,24}") {
            if let Ok(phone) = MobilePhone::parse(&input) {
                let digits = &phone.as_str()[1..];
                prop_assert!(phone.as_str().starts_with('+'));
                prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
                prop_assert!((MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()));
            }
        }
    }
}
