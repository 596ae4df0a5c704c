//! The one-time code sent by SMS to confirm activation, recovery, changes and logins.
//!
//! Six decimal digits drawn uniformly from a CSPRNG (leading zeros kept: `004711`).
//! Six digits is the usual SMS format and is typed easily on a phone's numeric
//! keypad (`inputmode="numeric"`); its small space (10⁶) is safe only because each
//! code is short-lived and allows few tries — those limits live with the store.
//! For the same reason a bare hash of an OTP is trivially reversible, so storing it
//! is the job of a keyed MAC in `crypto/`, not of this type.
//!
//! Parsing tolerates what phones and people add (surrounding and inner spaces) and
//! nothing else. The code is a secret: `Debug` is redacted, there is no `Display`,
//! and [`OtpCode::expose`] is the explicit way to read it (to put it in the SMS).

use std::fmt;

use rand::{CryptoRng, RngExt};
use subtle::ConstantTimeEq;

/// Digits in a code.
pub const OTP_DIGITS: usize = 6;

/// A six-digit one-time code.
pub struct OtpCode(String);

/// Why a typed one-time code is malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OtpError {
    /// Nothing was typed.
    #[error("the code is empty")]
    Empty,
    /// Something other than digits was typed.
    #[error("the code has only digits")]
    NotDigits,
    /// Not exactly six digits.
    #[error("the code has 6 digits")]
    WrongLength,
}

impl OtpCode {
    /// A new random code from the thread-local CSPRNG.
    pub fn generate() -> Self {
        Self::generate_with(&mut rand::rng())
    }

    /// A new random code from `rng`, which must be cryptographically secure.
    pub fn generate_with<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        Self(format!("{:06}", rng.random_range(0..1_000_000u32)))
    }

    /// Reads a typed code: spaces ignored, exactly six ASCII digits.
    pub fn parse(input: &str) -> Result<Self, OtpError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(OtpError::Empty);
        }
        if !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OtpError::NotDigits);
        }
        if compact.len() != OTP_DIGITS {
            return Err(OtpError::WrongLength);
        }
        Ok(Self(compact))
    }

    /// The six digits, to send by SMS or to feed a MAC.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether two codes are equal, compared in constant time.
    pub fn matches(&self, other: &OtpCode) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl fmt::Debug for OtpCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OtpCode(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn a_generated_code_is_six_digits() {
        let code = OtpCode::generate();
        assert_eq!(code.expose().len(), 6);
        assert!(code.expose().bytes().all(|b| b.is_ascii_digit()));
    }

    #[test]
    fn spaces_are_ignored_and_leading_zeros_kept() {
        assert_eq!(OtpCode::parse(" 004 711 ").unwrap().expose(), "004711");
    }

    #[test]
    fn letters_are_rejected() {
        assert_eq!(OtpCode::parse("12a456").unwrap_err(), OtpError::NotDigits);
        assert_eq!(OtpCode::parse("123-456").unwrap_err(), OtpError::NotDigits);
    }

    #[test]
    fn wrong_lengths_are_rejected() {
        assert_eq!(OtpCode::parse("12345").unwrap_err(), OtpError::WrongLength);
        assert_eq!(
            OtpCode::parse("1234567").unwrap_err(),
            OtpError::WrongLength
        );
        assert_eq!(OtpCode::parse("  ").unwrap_err(), OtpError::Empty);
    }

    #[test]
    fn non_ascii_digits_are_rejected() {
        assert_eq!(OtpCode::parse("١٢٣٤٥٦").unwrap_err(), OtpError::NotDigits);
    }

    #[test]
    fn matching_compares_the_digits() {
        let code = OtpCode::parse("123456").unwrap();
        assert!(code.matches(&OtpCode::parse("123 456").unwrap()));
        assert!(!code.matches(&OtpCode::parse("123457").unwrap()));
    }

    #[test]
    fn debug_never_shows_the_code() {
        assert_eq!(
            format!("{:?}", OtpCode::parse("123456").unwrap()),
            "OtpCode(***)"
        );
    }

    proptest! {
        #[test]
        fn every_generated_code_parses_back_to_itself(seed in any::<u64>()) {
            let code = OtpCode::generate_with(&mut StdRng::seed_from_u64(seed));
            let reparsed = OtpCode::parse(code.expose()).unwrap();
            prop_assert!(reparsed.matches(&code));
        }

        #[test]
        fn every_six_digit_number_parses(n in 0u32..1_000_000) {
            let text = format!("{n:06}");
            let parsed = OtpCode::parse(&text).unwrap();
            prop_assert_eq!(parsed.expose(), text.as_str());
        }
    }
}
