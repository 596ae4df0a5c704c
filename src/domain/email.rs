//! The citizen's e-mail address, recorded at the registration act.
//!
//! Validation is deliberately pragmatic rather than a full RFC 5322 grammar: the
//! address was typed by an operator from a form, and it is only ever compared with
//! what the citizen types during activation. So we refuse what is surely a typo
//! (no `@`, two `@`, spaces, a domain without a dot) and accept the rest:
//!
//! * exactly one `@`; at most 254 characters in all (RFC 5321 §4.5.3.1.3);
//! * a local part of 1–64 characters, no whitespace, control characters or
//!   `<>()[]\,;:"`, no leading, trailing or doubled dot; kept exactly as typed
//!   (the local part is case-sensitive in theory);
//! * a domain of at least two dot-separated labels of `[A-Za-z0-9-]`, each 1–63
//!   characters and not starting or ending with `-`; stored lower-case.
//!
//! The activation check ("is this the e-mail we registered?") must not fail because
//! of case or stray spaces, so it goes through [`Email::matches`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

const MAX_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;

/// A plausible e-mail address: local part as typed, domain lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a text is not an acceptable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was typed.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than 254 characters.
    #[error("the e-mail address is too long (at most 254 characters)")]
    TooLong,
    /// Spaces or control characters inside.
    #[error("the e-mail address must not contain spaces or control characters")]
    ForbiddenCharacter,
    /// No `@`, or more than one.
    #[error("the e-mail address must contain exactly one @")]
    NotOneAt,
    /// The part before the `@` is empty, too long or has characters not allowed.
    #[error("the part before the @ is not valid")]
    InvalidLocalPart,
    /// The part after the `@` is not a domain name like `example.es`.
    #[error("the part after the @ is not a valid domain such as example.es")]
    InvalidDomain,
}

impl Email {
    /// Validates an address, trimming surrounding spaces and lower-casing the domain.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > MAX_LEN {
            return Err(EmailError::TooLong);
        }
        if trimmed.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::ForbiddenCharacter);
        }
        let (local, domain) = match trimmed.split_once('@') {
            Some((l, d)) if !d.contains('@') => (l, d),
            _ => return Err(EmailError::NotOneAt),
        };
        if !valid_local_part(local) {
            return Err(EmailError::InvalidLocalPart);
        }
        if !valid_domain(domain) {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The address as stored: local part as typed, domain lower-case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `other` names this address, ignoring surrounding spaces and case.
    ///
    /// Used by activation, where the citizen re-types the address the operator
    /// recorded; real mail systems treat local parts case-insensitively.
    pub fn matches(&self, other: &str) -> bool {
        self.0.to_lowercase() == other.trim().to_lowercase()
    }
}

fn valid_local_part(local: &str) -> bool {
    let len = local.chars().count();
    (1..=MAX_LOCAL_LEN).contains(&len)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !local.chars().any(|c| "<>()[]\\,;:\"".contains(c))
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=MAX_LABEL_LEN).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for Email {
    type Err = EmailError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> Self {
        email.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_plain_address_is_accepted_and_its_domain_lower_cased() {
        let email = Email::parse("  Maria.Garcia@Correo.GOB.es ").unwrap();
        assert_eq!(email.as_str(), "Maria.Garcia@correo.gob.es");
    }

    #[test]
    fn plus_tags_and_hyphenated_domains_are_accepted() {
        assert!(Email::parse("ana+clave@mi-dominio.example.com").is_ok());
    }

    #[test]
    fn an_address_without_at_is_rejected() {
        assert_eq!(Email::parse("ana.example.com"), Err(EmailError::NotOneAt));
    }

    #[test]
    fn an_address_with_two_ats_is_rejected() {
        assert_eq!(Email::parse("ana@b@example.com"), Err(EmailError::NotOneAt));
    }

    #[test]
    fn an_empty_address_is_rejected() {
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
    }

    #[test]
    fn inner_spaces_and_control_characters_are_rejected() {
        assert_eq!(
            Email::parse("ana maria@example.com"),
            Err(EmailError::ForbiddenCharacter)
        );
        assert_eq!(
            Email::parse("ana\u{7}@example.com"),
            Err(EmailError::ForbiddenCharacter)
        );
    }

    #[test]
    fn bad_local_parts_are_rejected() {
        for input in [
            "@example.com",
            ".ana@example.com",
            "ana.@example.com",
            "a..b@example.com",
            "<ana>@example.com",
        ] {
            assert_eq!(
                Email::parse(input),
                Err(EmailError::InvalidLocalPart),
                "{input}"
            );
        }
        let long = format!("{}@example.com", "a".repeat(65));
        assert_eq!(Email::parse(&long), Err(EmailError::InvalidLocalPart));
    }

    #[test]
    fn bad_domains_are_rejected() {
        for input in [
            "ana@localhost",
            "ana@",
            "ana@-x.com",
            "ana@x-.com",
            "ana@exa_mple.com",
            "ana@example..com",
            "ana@ejemplo.españa",
        ] {
            assert_eq!(
                Email::parse(input),
                Err(EmailError::InvalidDomain),
                "{input}"
            );
        }
    }

    #[test]
    fn an_address_over_254_characters_is_rejected() {
        let long = format!("ana@{}.com", "a".repeat(251));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn matching_ignores_case_and_surrounding_spaces() {
        let email = Email::parse("Ana@Example.com").unwrap();
        assert!(email.matches(" ana@EXAMPLE.COM "));
        assert!(!email.matches("ana@example.es"));
    }

    #[test]
    fn deserialising_cannot_skip_the_check() {
        assert!(serde_json::from_str::<Email>("\"not-an-email\"").is_err());
        let ok: Email = serde_json::from_str("\"a@B.es\"").unwrap();
        assert_eq!(ok.as_str(), "a@b.es");
    }

    proptest! {
        #[test]
        fn generated_addresses_parse_and_round_trip(
            local in "[A-Za-z0-9_+-]{1,20}",
            domain in "[a-z0-9]{1,10}(\\.[a-z]{2,6}){1,3}",
        ) {
            let input = format!("{local}@{domain}");
            let email = Email::parse(&input).unwrap();
            prop_assert_eq!(email.as_str(), input.as_str());
            prop_assert!(email.matches(&input.to_uppercase()));
        }

        #[test]
        fn parsing_never_panics_and_accepted_values_are_bounded(input in "\\PC{0,300}") {
            if let Ok(email) = Email::parse(&input) {
                prop_assert!(email.as_str().chars().count() <= MAX_LEN);
                prop_assert_eq!(email.as_str().matches('@').count(), 1);
            }
        }
    }
}
