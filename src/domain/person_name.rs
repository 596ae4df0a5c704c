//! A given name or a surname, as recorded at the registration act.
//!
//! Names go into ID tokens (`given_name`, `family_name`), onto pages and into the
//! password policy, so they must be clean text: letters of any script (ñ, ç, à,
//! ü…), spaces, hyphens, apostrophes (`'` and `’`, as in *D’Ors*) and periods
//! (*Mª.*). Digits, control characters and markup (`<`, `>`, `&`…) are refused.
//!
//! Parsing trims, collapses runs of whitespace into one space and applies Unicode
//! NFC, so `José` typed with a combining accent and `José` typed precomposed are
//! the same name. The length limit (1–100) counts characters, not bytes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

const MAX_CHARS: usize = 100;

/// A clean, NFC-normalised given name or surname of 1–100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

/// Why a text is not an acceptable name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PersonNameError {
    /// Nothing but spaces.
    #[error("the name is empty")]
    Empty,
    /// More than 100 characters.
    #[error("the name is too long (at most 100 characters)")]
    TooLong,
    /// A character that does not belong in a name.
    #[error("the name contains a character that is not allowed: {0:?}")]
    ForbiddenCharacter(char),
    /// Only punctuation, no letter at all.
    #[error("the name must contain at least one letter")]
    NoLetters,
}

impl PersonName {
    /// Cleans and validates a name.
    pub fn parse(input: &str) -> Result<Self, PersonNameError> {
        let normalised: String = input.nfc().collect();
        let collapsed = normalised.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(PersonNameError::Empty);
        }
        if collapsed.chars().count() > MAX_CHARS {
            return Err(PersonNameError::TooLong);
        }
        if let Some(bad) = collapsed.chars().find(|&c| !allowed(c)) {
            return Err(PersonNameError::ForbiddenCharacter(bad));
        }
        if !collapsed.chars().any(char::is_alphabetic) {
            return Err(PersonNameError::NoLetters);
        }
        Ok(Self(collapsed))
    }

    /// The name as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Letters (with any combining marks NFC could not fold in) and name punctuation.
fn allowed(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c) || matches!(c, ' ' | '-' | '\'' | '’' | '.')
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for PersonName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for PersonName {
    type Err = PersonNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for PersonName {
    type Error = PersonNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PersonName> for String {
    fn from(name: PersonName) -> Self {
        name.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spanish_names_with_accents_and_enye_are_accepted() {
        for input in [
            "María José",
            "Muñoz",
            "García-Valdecasas",
            "D’Ors",
            "O'Connor",
            "Mª. Ángeles",
            "Çelik",
            "Zoë",
        ] {
            assert_eq!(PersonName::parse(input).unwrap().as_str(), input);
        }
    }

    #[test]
    fn surrounding_and_repeated_spaces_are_cleaned() {
        assert_eq!(
            PersonName::parse("  María \t  José ").unwrap().as_str(),
            "María José"
        );
    }

    #[test]
    fn a_decomposed_accent_is_stored_composed() {
        let decomposed = "Jose\u{301}";
        assert_eq!(PersonName::parse(decomposed).unwrap().as_str(), "Jos\u{e9}");
    }

    #[test]
    fn digits_are_rejected() {
        assert_eq!(
            PersonName::parse("Juan2"),
            Err(PersonNameError::ForbiddenCharacter('2'))
        );
    }

    #[test]
    fn markup_and_control_characters_are_rejected() {
        assert_eq!(
            PersonName::parse("<script>"),
            Err(PersonNameError::ForbiddenCharacter('<'))
        );
        assert_eq!(
            PersonName::parse("Ana\u{0}"),
            Err(PersonNameError::ForbiddenCharacter('\u{0}'))
        );
        assert_eq!(
            PersonName::parse("Ana & Eva"),
            Err(PersonNameError::ForbiddenCharacter('&'))
        );
    }

    #[test]
    fn empty_and_punctuation_only_names_are_rejected() {
        assert_eq!(PersonName::parse(" \n "), Err(PersonNameError::Empty));
        assert_eq!(PersonName::parse("- ."), Err(PersonNameError::NoLetters));
    }

    #[test]
    fn a_name_of_101_characters_is_rejected_but_100_is_accepted() {
        assert!(PersonName::parse(&"ñ".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse(&"ñ".repeat(101)),
            Err(PersonNameError::TooLong)
        );
    }

    #[test]
    fn deserialising_cannot_skip_the_check() {
        assert!(serde_json::from_str::<PersonName>("\"R2D2\"").is_err());
        let ok: PersonName = serde_json::from_str("\" Ana  \"").unwrap();
        assert_eq!(ok.as_str(), "Ana");
    }

    proptest! {
        #[test]
        fn names_of_letters_and_single_spaces_round_trip(name in "[a-zA-ZñÑáéíóúÁÉÍÓÚü]{1,20}( [a-zA-ZñÑáéíóú]{1,20}){0,3}") {
            let parsed = PersonName::parse(&name).unwrap();
            prop_assert_eq!(parsed.as_str(), name.as_str());
            prop_assert_eq!(PersonName::parse(parsed.as_str()).unwrap(), parsed);
        }

        #[test]
        fn any_text_with_a_digit_is_rejected(before in "[a-z]{0,10}", digit in "[0-9]", after in "[a-z]{0,10}") {
            let input = format!("{before}{digit}{after}");
            prop_assert!(PersonName::parse(&input).is_err());
        }

        #[test]
        fn accepted_names_are_trimmed_and_bounded(input in "\\PC{0,120}") {
            if let Ok(name) = PersonName::parse(&input) {
                let s = name.as_str();
                prop_assert_eq!(s, s.trim());
                prop_assert!(!s.contains("  "));
                prop_assert!((1..=MAX_CHARS).contains(&s.chars().count()));
            }
        }
    }
}
