//! The citizen's user code: a Spanish DNI or NIE, checked against its control letter.
//!
//! A DNI is eight digits and a check letter (`12345678Z`); a NIE is `X`, `Y` or `Z`
//! (standing for 0, 1 and 2), seven digits and a check letter (`X1234567L`). The
//! letter is `TRWAGMYFPDXBNJZSQVHLCKE[number % 23]`, which catches every single typo
//! and most transpositions before anything touches the database.
//!
//! People write their number in many ways (`12.345.678-z`, ` x 1234567 l`), so
//! [`DocumentId::parse`] first normalises: trims, drops inner spaces, hyphens and
//! dots, and upper-cases. The stored form is always the canonical upper-case one,
//! which is also the form the account is keyed by and that can never change.
//!
//! The field is private and deserialisation goes through [`DocumentId::parse`]
//! (`#[serde(try_from = "String")]`), so a `DocumentId` in hand is always valid.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The check letters, indexed by the number modulo 23 (Ministerio del Interior).
const CHECK_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Inputs longer than this are refused before normalising (no DNI/NIE is near it).
const MAX_RAW_LEN: usize = 64;

/// A canonical length: both a DNI and a NIE have nine characters.
const CANONICAL_LEN: usize = 9;

/// A valid DNI or NIE in canonical upper-case form, e.g. `12345678Z`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DocumentId(String);

/// Which kind of identity document a [`DocumentId`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Documento Nacional de Identidad (Spanish nationals).
    Dni,
    /// Número de Identidad de Extranjero (foreign residents).
    Nie,
}

/// Why a text is not a valid DNI/NIE; one variant per reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentIdError {
    /// Nothing was typed (or only spaces and separators).
    #[error("the DNI/NIE is empty")]
    Empty,
    /// Longer than any DNI/NIE can be.
    #[error("the DNI/NIE is too long: it has 9 characters, like 12345678Z or X1234567L")]
    TooLong,
    /// Not the shape of a DNI or NIE.
    #[error(
        "a DNI is 8 digits and a letter (12345678Z); a NIE is X, Y or Z, 7 digits and a letter (X1234567L)"
    )]
    BadFormat,
    /// The shape is right but the check letter does not match the number.
    ///
    /// `expected` is kept for operators' tooling but deliberately left out of the
    /// message shown to citizens, so the form cannot be used as a letter calculator.
    #[error("the check letter of {id} is wrong")]
    WrongCheckLetter {
        /// The normalised text that was typed.
        id: String,
        /// The letter the number calls for.
        expected: char,
    },
}

impl DocumentId {
    /// Normalises and validates a DNI or NIE.
    pub fn parse(input: &str) -> Result<Self, DocumentIdError> {
        if input.chars().count() > MAX_RAW_LEN {
            return Err(DocumentIdError::TooLong);
        }
        let normalised: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.'))
            .flat_map(char::to_uppercase)
            .collect();
        if normalised.is_empty() {
            return Err(DocumentIdError::Empty);
        }
        if normalised.chars().count() > CANONICAL_LEN {
            return Err(DocumentIdError::TooLong);
        }
        let bytes = normalised.as_bytes();
        if bytes.len() != CANONICAL_LEN {
            return Err(DocumentIdError::BadFormat);
        }
        let prefix_digit = match bytes[0] {
            b'X' => Some(b'0'),
            b'Y' => Some(b'1'),
            b'Z' => Some(b'2'),
            b'0'..=b'9' => None,
            _ => return Err(DocumentIdError::BadFormat),
        };
        let body = if prefix_digit.is_some() {
            &bytes[1..8]
        } else {
            &bytes[..8]
        };
        let letter = bytes[8];
        if !body.iter().all(u8::is_ascii_digit) || !letter.is_ascii_uppercase() {
            return Err(DocumentIdError::BadFormat);
        }
        let number = prefix_digit
            .into_iter()
            .chain(body.iter().copied())
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        let expected = check_letter(number);
        if char::from(letter) != expected {
            return Err(DocumentIdError::WrongCheckLetter {
                id: normalised,
                expected,
            });
        }
        Ok(Self(normalised))
    }

    /// The canonical form, e.g. `12345678Z`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// DNI or NIE.
    pub fn kind(&self) -> DocumentKind {
        if self.0.starts_with(|c: char| c.is_ascii_digit()) {
            DocumentKind::Dni
        } else {
            DocumentKind::Nie
        }
    }

    /// The digits as written, without prefix letter or check letter:
    /// `12345678` for `12345678Z`, `1234567` for `X1234567L`.
    ///
    /// The password policy refuses passwords containing it.
    pub fn number_part(&self) -> &str {
        match self.kind() {
            DocumentKind::Dni => &self.0[..8],
            DocumentKind::Nie => &self.0[1..8],
        }
    }
}

/// The check letter for a DNI number (or a NIE number with its prefix replaced).
fn check_letter(number: u32) -> char {
    char::from(CHECK_LETTERS[(number % 23) as usize])
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for DocumentId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for DocumentId {
    type Err = DocumentIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for DocumentId {
    type Error = DocumentIdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DocumentId> for String {
    fn from(id: DocumentId) -> Self {
        id.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_valid_dni_parses_and_is_a_dni() {
        let id = DocumentId::parse("12345678Z").unwrap();
        assert_eq!(id.as_str(), "12345678Z");
        assert_eq!(id.kind(), DocumentKind::Dni);
        assert_eq!(id.number_part(), "12345678");
    }

    #[test]
    fn a_valid_nie_parses_and_is_a_nie() {
        let id = DocumentId::parse("X1234567L").unwrap();
        assert_eq!(id.kind(), DocumentKind::Nie);
        assert_eq!(id.number_part(), "1234567");
        assert!(DocumentId::parse("Y1234567X").is_ok());
        assert!(DocumentId::parse("Z1234567R").is_ok());
    }

    #[test]
    fn written_forms_normalise_to_the_canonical_one() {
        for input in ["12.345.678-z", " 12345678 z ", "12345678-Z", "12 345 678z"] {
            assert_eq!(DocumentId::parse(input).unwrap().as_str(), "12345678Z");
        }
        assert_eq!(
            DocumentId::parse("x-1234567-l").unwrap().as_str(),
            "X1234567L"
        );
    }

    #[test]
    fn dni_with_wrong_check_letter_is_rejected() {
        let err = DocumentId::parse("12345678A").unwrap_err();
        assert_eq!(
            err,
            DocumentIdError::WrongCheckLetter {
                id: "12345678A".into(),
                expected: 'Z'
            }
        );
        assert_eq!(err.to_string(), "the check letter of 12345678A is wrong");
    }

    #[test]
    fn nie_with_wrong_check_letter_is_rejected() {
        assert!(matches!(
            DocumentId::parse("X1234567A"),
            Err(DocumentIdError::WrongCheckLetter { expected: 'L', .. })
        ));
    }

    #[test]
    fn empty_input_is_rejected_as_empty() {
        assert_eq!(DocumentId::parse(""), Err(DocumentIdError::Empty));
        assert_eq!(DocumentId::parse("  - . "), Err(DocumentIdError::Empty));
    }

    #[test]
    fn overlong_input_is_rejected_as_too_long() {
        assert_eq!(
            DocumentId::parse("123456789Z"),
            Err(DocumentIdError::TooLong)
        );
        assert_eq!(
            DocumentId::parse(&"1".repeat(1000)),
            Err(DocumentIdError::TooLong)
        );
    }

    #[test]
    fn wrong_shapes_are_rejected_as_bad_format() {
        for input in [
            "1234567Z",
            "A2345678Z",
            "X12345678",
            "123456789",
            "1234567ÑZ",
            "W1234567L",
        ] {
            assert_eq!(
                DocumentId::parse(input),
                Err(DocumentIdError::BadFormat),
                "{input}"
            );
        }
    }

    #[test]
    fn deserialising_cannot_skip_the_check() {
        let ok: DocumentId = serde_json::from_str("\"12345678z\"").unwrap();
        assert_eq!(ok.as_str(), "12345678Z");
        assert!(serde_json::from_str::<DocumentId>("\"12345678A\"").is_err());
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"12345678Z\"");
    }

    fn valid_ids() -> impl Strategy<Value = String> {
        (
            prop_oneof![Just(""), Just("X"), Just("Y"), Just("Z")],
            0u32..10_000_000,
            0u32..10,
        )
            .prop_map(|(prefix, low, high)| {
                let (digits, number) = match prefix {
                    "" => {
                        let n = high * 10_000_000 + low;
                        (format!("{n:08}"), n)
                    }
                    p => {
                        let lead = u32::from(p.as_bytes()[0] - b'X');
                        (format!("{low:07}"), lead * 10_000_000 + low)
                    }
                };
                format!("{prefix}{digits}{}", check_letter(number))
            })
    }

    proptest! {
        #[test]
        fn every_valid_id_parses_and_round_trips(id in valid_ids()) {
            let parsed = DocumentId::parse(&id).unwrap();
            prop_assert_eq!(parsed.as_str(), id.as_str());
            prop_assert_eq!(DocumentId::parse(parsed.as_ref()).unwrap(), parsed);
        }

        #[test]
        fn every_other_check_letter_is_rejected(id in valid_ids(), letter in b'A'..=b'Z') {
            let mut changed = id.clone().into_bytes();
            prop_assume!(changed[8] != letter);
            changed[8] = letter;
            let changed = String::from_utf8(changed).unwrap();
            let is_wrong_letter =
                matches!(DocumentId::parse(&changed), Err(DocumentIdError::WrongCheckLetter { .. }));
            prop_assert!(is_wrong_letter);
        }

        #[test]
        fn lower_case_and_spaced_forms_normalise_to_the_same_value(
            id in valid_ids(),
            cut in 0usize..=9,
            sep in prop_oneof![Just(" "), Just("-"), Just("."), Just("  ")],
        ) {
            let lower = id.to_lowercase();
            let spaced = format!(" {}{sep}{} ", &lower[..cut], &lower[cut..]);
            let parsed = DocumentId::parse(&spaced).unwrap();
            prop_assert_eq!(parsed.as_str(), id.as_str());
        }
    }
}
