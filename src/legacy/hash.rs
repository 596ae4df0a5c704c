//! The password hash of a Social Security user, as the old register kept it.
//!
//! Only the two families [`crate::crypto::PasswordHasher::verify`] understands are
//! accepted: an argon2 PHC string (`$argon2id$…`, `$argon2i$…`, `$argon2d$…`) whose
//! parameters parse, or a bcrypt hash (`$2a$`, `$2b$`, `$2y$`, a cost of 04–31 and
//! the 53 characters of salt and digest). Anything else would be a citizen who can
//! never log in, so the import refuses the row instead. Error messages never echo
//! the hash.

use argon2::{Params, PasswordHash};

/// The algorithm family of a [`LegacyHash`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyHashKind {
    /// argon2id, argon2i or argon2d.
    Argon2,
    /// bcrypt.
    Bcrypt,
}

impl LegacyHashKind {
    /// `argon2` or `bcrypt`, for the audit trail.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Argon2 => "argon2",
            Self::Bcrypt => "bcrypt",
        }
    }
}

/// Why a hash of the old register is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LegacyHashError {
    /// The column is empty.
    #[error("the password hash is empty")]
    Empty,
    /// Neither prefix.
    #[error("not an argon2 ($argon2…) or bcrypt ($2a$/$2b$/$2y$) hash")]
    UnknownAlgorithm,
    /// An argon2 prefix, but not a valid PHC string with usable parameters.
    #[error("a malformed argon2 hash")]
    MalformedArgon2,
    /// A bcrypt prefix, but not the 60-character bcrypt layout.
    #[error("a malformed bcrypt hash")]
    MalformedBcrypt,
}

/// A hash the password verifier will accept.
#[derive(Clone, PartialEq, Eq)]
pub struct LegacyHash {
    phc: String,
    kind: LegacyHashKind,
}

impl std::fmt::Debug for LegacyHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LegacyHash")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl LegacyHash {
    /// Checks the shape of a hash (surrounding spaces are ignored).
    pub fn parse(input: &str) -> Result<Self, LegacyHashError> {
        let phc = input.trim();
        let kind = if phc.is_empty() {
            return Err(LegacyHashError::Empty);
        } else if ["$2a$", "$2b$", "$2y$"].iter().any(|p| phc.starts_with(p)) {
            check_bcrypt(phc)?;
            LegacyHashKind::Bcrypt
        } else if phc.starts_with("$argon2") {
            check_argon2(phc)?;
            LegacyHashKind::Argon2
        } else {
            return Err(LegacyHashError::UnknownAlgorithm);
        };
        Ok(Self {
            phc: phc.to_owned(),
            kind,
        })
    }

    /// The PHC string.
    pub fn as_str(&self) -> &str {
        &self.phc
    }

    /// The algorithm family.
    pub fn kind(&self) -> LegacyHashKind {
        self.kind
    }
}

/// `$2b$` + two-digit cost + `$` + 22 characters of salt + 31 of digest.
fn check_bcrypt(phc: &str) -> Result<(), LegacyHashError> {
    let rest = &phc[4..];
    let (cost, tail) = rest
        .split_at_checked(2)
        .ok_or(LegacyHashError::MalformedBcrypt)?;
    let cost: u32 = cost.parse().map_err(|_| LegacyHashError::MalformedBcrypt)?;
    let digest = tail
        .strip_prefix('$')
        .ok_or(LegacyHashError::MalformedBcrypt)?;
    let alphabet = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'/';
    if !(4..=31).contains(&cost) || digest.len() != 53 || !digest.bytes().all(alphabet) {
        return Err(LegacyHashError::MalformedBcrypt);
    }
    Ok(())
}

fn check_argon2(phc: &str) -> Result<(), LegacyHashError> {
    let parsed = PasswordHash::new(phc).map_err(|_| LegacyHashError::MalformedArgon2)?;
    let known = ["argon2id", "argon2i", "argon2d"].contains(&parsed.algorithm.as_str());
    if !known || parsed.hash.is_none() || Params::try_from(&parsed).is_err() {
        return Err(LegacyHashError::MalformedArgon2);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BCRYPT: &str = "$2b$04$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie";
    const ARGON2: &str = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$3ZyZVjOgXbUbVn2b/SvUVY4fhgUPSVOdTtRhBm1Vbcg";

    #[test]
    fn bcrypt_and_argon2_hashes_are_accepted_with_their_kind() {
        assert_eq!(
            LegacyHash::parse(BCRYPT).unwrap().kind(),
            LegacyHashKind::Bcrypt
        );
        let argon = LegacyHash::parse(&format!(" {ARGON2} ")).unwrap();
        assert_eq!(argon.kind(), LegacyHashKind::Argon2);
        assert_eq!(argon.as_str(), ARGON2);
        for prefix in ["$2a$", "$2y$"] {
            let other = BCRYPT.replacen("$2b$", prefix, 1);
            assert!(LegacyHash::parse(&other).is_ok(), "{prefix}");
        }
    }

    #[test]
    fn other_algorithms_and_broken_hashes_are_refused() {
        let cases = [
            ("", LegacyHashError::Empty),
            ("plaintext", LegacyHashError::UnknownAlgorithm),
            ("$1$md5crypt$abc", LegacyHashError::UnknownAlgorithm),
            ("$2b$04$short", LegacyHashError::MalformedBcrypt),
            (
                "$2b$99$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie",
                LegacyHashError::MalformedBcrypt,
            ),
            ("$argon2id$v=19$m=64", LegacyHashError::MalformedArgon2),
            (
                "$argon2x$v=19$m=64,t=1,p=1$c29tZXNhbHQ$abc",
                LegacyHashError::MalformedArgon2,
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(LegacyHash::parse(input).unwrap_err(), expected, "{input}");
        }
    }

    #[test]
    fn a_refused_hash_is_never_echoed_in_the_message() {
        let error = LegacyHash::parse("$2b$04$secretsecret").unwrap_err();
        assert!(!error.to_string().contains("secret"));
    }
}
