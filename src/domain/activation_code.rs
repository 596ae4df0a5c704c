//! The activation code handed to the citizen at the registration act.
//!
//! It is printed once, read and typed by people, and kept after activation for
//! password recovery, so it is shaped for humans and for storage:
//!
//! * **Alphabet.** 30 symbols, `ABCDEFGHJKMNPQRSTVWXYZ23456789`: Crockford's
//!   Base32 idea (no `I`, `L`, `O`, `U`) minus the digits `0` and `1` as well, since
//!   Crockford maps them onto `O`/`I`/`L` but we accept lower case, where `l` and
//!   `1` are easily confused. No character has a look-alike left in the set.
//! * **Entropy.** 16 symbols drawn uniformly from a CSPRNG: 16 × log₂ 30 ≈ 78.5
//!   bits (the rule asks for at least 60). Shown in four groups of four,
//!   `ABCD-EFGH-JKMN-PQRS`, which is easy to read aloud or copy from paper.
//! * **Input.** [`ActivationCode::parse`] ignores case, spaces and hyphens, and
//!   says *why* a code is malformed (length or a character not in the alphabet).
//! * **Storage.** Only [`ActivationCode::hash`] is stored: hex SHA-256 of the
//!   canonical form. A fast hash is enough because the code is random and long:
//!   brute-forcing 2^78 SHA-256 guesses offline is out of reach, unlike a
//!   human-chosen password that needs argon2. Online guessing is stopped by the
//!   5-attempt block. [`ActivationCode::verify`] compares in constant time.
//! * **Secrecy.** `Debug` prints `ActivationCode(***)`, there is no `Display`,
//!   `PartialEq` or `Serialize`; [`ActivationCode::expose_grouped`] is the one way
//!   to read it (to print it at the registration act).

use std::fmt;

use rand::{CryptoRng, RngExt};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The symbols an activation code is made of.
pub const ALPHABET: &[u8; 30] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";
/// Symbols in a code.
pub const LENGTH: usize = 16;
const GROUP: usize = 4;

/// A well-formed activation code in canonical form (upper case, no separators).
pub struct ActivationCode(String);

/// Why a typed activation code is malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivationCodeError {
    /// Nothing was typed.
    #[error("the activation code is empty")]
    Empty,
    /// Not 16 letters and digits.
    #[error("the activation code has 16 letters and digits, but {found} were typed")]
    WrongLength {
        /// How many symbols were typed (separators not counted).
        found: usize,
    },
    /// A character that no activation code contains.
    #[error("activation codes never contain {0:?}; check the letters and digits on your paper")]
    InvalidCharacter(char),
}

impl ActivationCode {
    /// A new random code from the thread-local CSPRNG.
    pub fn generate() -> Self {
        Self::generate_with(&mut rand::rng())
    }

    /// A new random code from `rng`, which must be cryptographically secure.
    pub fn generate_with<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let code = (0..LENGTH)
            .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
            .collect();
        Self(code)
    }

    /// Reads a typed code: case-insensitive, spaces and hyphens ignored.
    pub fn parse(input: &str) -> Result<Self, ActivationCodeError> {
        let mut code = String::with_capacity(LENGTH);
        let mut found = 0usize;
        for c in input.chars().filter(|&c| !c.is_whitespace() && c != '-') {
            let upper = c.to_ascii_uppercase();
            if !upper.is_ascii() || !ALPHABET.contains(&(upper as u8)) {
                return Err(ActivationCodeError::InvalidCharacter(c));
            }
            found += 1;
            if found <= LENGTH {
                code.push(upper);
            }
        }
        match found {
            0 => Err(ActivationCodeError::Empty),
            LENGTH => Ok(Self(code)),
            _ => Err(ActivationCodeError::WrongLength { found }),
        }
    }

    /// The code in groups of four, `ABCD-EFGH-JKMN-PQRS`, to show the citizen once.
    pub fn expose_grouped(&self) -> String {
        let groups: Vec<&str> = (0..LENGTH)
            .step_by(GROUP)
            .map(|start| &self.0[start..start + GROUP])
            .collect();
        groups.join("-")
    }

    /// Hex SHA-256 of the canonical form: the only thing stored.
    pub fn hash(&self) -> String {
        Sha256::digest(self.0.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// Whether this code is the one whose [`hash`](Self::hash) was stored, in constant time.
    pub fn verify(&self, stored_hash: &str) -> bool {
        self.hash().as_bytes().ct_eq(stored_hash.as_bytes()).into()
    }
}

impl fmt::Debug for ActivationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ActivationCode(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn the_alphabet_has_no_look_alikes_and_enough_entropy() {
        for ambiguous in b"01ILOU" {
            assert!(!ALPHABET.contains(ambiguous));
        }
        let bits = LENGTH as f64 * (ALPHABET.len() as f64).log2();
        assert!(bits >= 60.0, "{bits} bits");
    }

    #[test]
    fn a_generated_code_is_shown_in_four_groups_of_four() {
        let grouped = ActivationCode::generate().expose_grouped();
        assert_eq!(grouped.len(), 19);
        assert_eq!(grouped.matches('-').count(), 3);
        assert!(grouped.split('-').all(|g| g.len() == 4));
    }

    #[test]
    fn two_generated_codes_differ() {
        assert_ne!(
            ActivationCode::generate().hash(),
            ActivationCode::generate().hash()
        );
    }

    #[test]
    fn typed_forms_parse_to_the_same_code() {
        let code = ActivationCode::parse("ABCD-EFGH-JKMN-PQRS").unwrap();
        for typed in [
            "abcdefghjkmnpqrs",
            " abcd efgh jkmn pqrs ",
            "AbCd-eFgH jKmN-pQrS",
        ] {
            assert_eq!(
                ActivationCode::parse(typed).unwrap().hash(),
                code.hash(),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_code_of_the_wrong_length_is_rejected_with_the_count() {
        let short = ActivationCode::parse("ABCD-EFGH-JKMN-PQ");
        assert_eq!(
            short.unwrap_err(),
            ActivationCodeError::WrongLength { found: 14 }
        );
        let long = ActivationCode::parse("ABCD-EFGH-JKMN-PQRS-T");
        assert_eq!(
            long.unwrap_err(),
            ActivationCodeError::WrongLength { found: 17 }
        );
    }

    #[test]
    fn a_character_outside_the_alphabet_is_rejected_by_name() {
        let err = ActivationCode::parse("ABCD-EFGH-JKMN-PQR0").unwrap_err();
        assert_eq!(err, ActivationCodeError::InvalidCharacter('0'));
        assert!(matches!(
            ActivationCode::parse("ÑBCD"),
            Err(ActivationCodeError::InvalidCharacter('Ñ'))
        ));
    }

    #[test]
    fn an_empty_code_is_rejected() {
        assert_eq!(
            ActivationCode::parse(" - ").unwrap_err(),
            ActivationCodeError::Empty
        );
    }

    #[test]
    fn the_hash_is_hex_sha256_of_the_canonical_form() {
        let code = ActivationCode::parse("abcd efgh jkmn pqrs").unwrap();
        let expected: String = Sha256::digest(b"ABCDEFGHJKMNPQRS")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(code.hash(), expected);
        assert_eq!(code.hash().len(), 64);
    }

    #[test]
    fn verify_accepts_the_stored_hash_and_rejects_others() {
        let code = ActivationCode::generate();
        let stored = code.hash();
        assert!(
            ActivationCode::parse(&code.expose_grouped())
                .unwrap()
                .verify(&stored)
        );
        assert!(!ActivationCode::generate().verify(&stored));
        assert!(!code.verify(""));
        assert!(!code.verify(&stored.to_uppercase()));
    }

    #[test]
    fn debug_never_shows_the_code() {
        assert_eq!(
            format!("{:?}", ActivationCode::generate()),
            "ActivationCode(***)"
        );
    }

    proptest! {
        #[test]
        fn every_generated_code_round_trips_through_its_grouped_form(seed in any::<u64>()) {
            let code = ActivationCode::generate_with(&mut StdRng::seed_from_u64(seed));
            let grouped = code.expose_grouped();
            prop_assert!(grouped.bytes().all(|b| b == b'-' || ALPHABET.contains(&b)));
            let reparsed = ActivationCode::parse(&grouped.to_lowercase()).unwrap();
            prop_assert!(reparsed.verify(&code.hash()));
        }

        #[test]
        fn parsing_any_text_never_panics(input in "\\PC{0,40}") {
            let _ = ActivationCode::parse(&input);
        }
    }
}
