//! One failed password rule, with a translatable key and an English sentence.
//!
//! Pages look up [`PolicyViolation::message_key`] in the i18n catalogs and list
//! every violation the policy found; the `Display` text is the English fallback
//! (and what the CLI and logs show).

use std::fmt;

use super::password_policy::NO_GROUPS_FROM_CHARS;
use super::password_rules::SPECIALS;

/// One failed rule; [`PolicyViolation::message_key`] names it for the i18n catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyViolation {
    /// Fewer than `min` characters.
    TooShort {
        /// The minimum length.
        min: usize,
    },
    /// More than `max` characters.
    TooLong {
        /// The maximum length.
        max: usize,
    },
    /// Under 16 characters and fewer than three of the four groups.
    NeedsThreeGroups,
    /// Contains the given name or a surname.
    ContainsName,
    /// Contains the DNI/NIE or its number part.
    ContainsDocument,
    /// On the list of common or breached passwords.
    TooCommon,
}

impl PolicyViolation {
    /// The key of this message in the translation catalogs.
    pub fn message_key(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "password-too-short",
            Self::TooLong { .. } => "password-too-long",
            Self::NeedsThreeGroups => "password-needs-three-groups",
            Self::ContainsName => "password-contains-name",
            Self::ContainsDocument => "password-contains-document",
            Self::TooCommon => "password-too-common",
        }
    }
}

impl fmt::Display for PolicyViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooShort { min } => {
                write!(f, "The password must have at least {min} characters.")
            }
            Self::TooLong { max } => write!(f, "The password must have at most {max} characters."),
            Self::NeedsThreeGroups => write!(
                f,
                "A password shorter than {NO_GROUPS_FROM_CHARS} characters must mix at least three of: \
                 lower-case letters, upper-case letters, digits and special characters ({SPECIALS})."
            ),
            Self::ContainsName => {
                f.write_str("The password must not contain your name or surnames.")
            }
            Self::ContainsDocument => {
                f.write_str("The password must not contain your DNI/NIE or its number.")
            }
            Self::TooCommon => {
                f.write_str("This password is too common and easy to guess; choose another.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const ALL: [PolicyViolation; 6] = [
        PolicyViolation::TooShort { min: 8 },
        PolicyViolation::TooLong { max: 128 },
        PolicyViolation::NeedsThreeGroups,
        PolicyViolation::ContainsName,
        PolicyViolation::ContainsDocument,
        PolicyViolation::TooCommon,
    ];

    #[test]
    fn every_violation_has_its_own_password_key() {
        let keys: HashSet<&str> = ALL.iter().map(PolicyViolation::message_key).collect();
        assert_eq!(keys.len(), ALL.len());
        assert!(keys.iter().all(|k| k.starts_with("password-")));
    }

    #[test]
    fn messages_are_sentences_that_name_the_limits() {
        assert_eq!(
            PolicyViolation::TooShort { min: 8 }.to_string(),
            "The password must have at least 8 characters."
        );
        assert!(
            PolicyViolation::NeedsThreeGroups
                .to_string()
                .contains("16 characters")
        );
        for violation in ALL {
            let text = violation.to_string();
            assert!(text.ends_with('.'), "{text}");
        }
    }
}
