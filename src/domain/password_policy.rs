//! The password policy of Cl@ve Permanente, made exact, and the [`NewPassword`] it grants.
//!
//! Rules (`docs/architecture.md`, "Account rules"), checked on the NFC form of the candidate:
//!
//! 1. at least 8 and at most 128 characters — counted as `char`s, not bytes, so
//!    `ñ` is one character;
//! 2. under the [`PolicyProfile::Clave`] profile, a password of fewer than 16
//!    characters needs three of four groups: lower case, upper case, digits and the
//!    specials `¡!$?%&#@/\()=¿?*[];,:._<>+-` (ñ and accented letters are letters);
//!    16 characters or more need no groups. [`PolicyProfile::Nist`] (NIST SP
//!    800-63B §5.1.1.2) has no composition rule at all;
//! 3. it must not contain the given name or either surname — each split into
//!    tokens of 3+ letters, compared case- and accent-insensitively — nor the
//!    DNI/NIE or its number part;
//! 4. it must not be on the bundled list of common passwords (both profiles).
//!
//! [`PasswordPolicy::check`] reports *every* failed rule at once, each as its own
//! [`PolicyViolation`] with a translatable key, so the citizen fixes everything in
//! one go instead of discovering rules one submission at a time.
//!
//! NFC matters twice: a password typed on a Mac (`n` + combining tilde) and on
//! Windows (`ñ`) must hash the same, so both the policy and the login path
//! ([`normalize_password`]) normalise before anything else.

use super::DocumentId;
use super::common_passwords::is_common;
use super::new_password::{NewPassword, normalize_password};
use super::password_rules::{character_groups, contains_document, contains_name};
use super::policy_violation::PolicyViolation;

pub use super::password_rules::SPECIALS;

/// Fewest characters any profile accepts.
pub const MIN_CHARS: usize = 8;
/// Most characters any profile accepts (bounds the cost of hashing).
pub const MAX_CHARS: usize = 128;
/// From this length on, the Cl@ve profile drops the three-groups rule.
pub const NO_GROUPS_FROM_CHARS: usize = 16;

/// Which set of rules applies; chosen in the settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PolicyProfile {
    /// Cl@ve's own rules: three of four groups below 16 characters.
    #[default]
    Clave,
    /// NIST SP 800-63B: length and blocklists only, no composition rule.
    Nist,
}

/// The personal data a password must not contain.
#[derive(Debug, Clone, Copy)]
pub struct PersonalData<'a> {
    /// The citizen's given name(s).
    pub given_name: &'a str,
    /// The first surname.
    pub first_surname: &'a str,
    /// The second surname, if the citizen has one.
    pub second_surname: Option<&'a str>,
    /// The citizen's DNI/NIE.
    pub document: &'a DocumentId,
}

/// The password policy under one profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// The set of rules in force.
    pub profile: PolicyProfile,
}

impl PasswordPolicy {
    /// A policy with the given profile.
    pub fn new(profile: PolicyProfile) -> Self {
        Self { profile }
    }

    /// Checks `candidate` against every rule; all failures are returned together.
    pub fn check(
        &self,
        candidate: &str,
        person: &PersonalData<'_>,
    ) -> Result<NewPassword, Vec<PolicyViolation>> {
        let password = normalize_password(candidate);
        let length = password.chars().count();
        let mut violations = Vec::new();
        if length < MIN_CHARS {
            violations.push(PolicyViolation::TooShort { min: MIN_CHARS });
        }
        if length > MAX_CHARS {
            violations.push(PolicyViolation::TooLong { max: MAX_CHARS });
        }
        if self.profile == PolicyProfile::Clave
            && length < NO_GROUPS_FROM_CHARS
            && character_groups(&password) < 3
        {
            violations.push(PolicyViolation::NeedsThreeGroups);
        }
        let names = [
            person.given_name,
            person.first_surname,
            person.second_surname.unwrap_or_default(),
        ];
        if contains_name(&password, &names) {
            violations.push(PolicyViolation::ContainsName);
        }
        if contains_document(&password, person.document) {
            violations.push(PolicyViolation::ContainsDocument);
        }
        if is_common(&password) {
            violations.push(PolicyViolation::TooCommon);
        }
        if violations.is_empty() {
            Ok(NewPassword::new(password))
        } else {
            Err(violations)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn document() -> DocumentId {
        DocumentId::parse("12345678Z").unwrap()
    }

    fn person(document: &DocumentId) -> PersonalData<'_> {
        PersonalData {
            given_name: "María de los Ángeles",
            first_surname: "García",
            second_surname: Some("Peña"),
            document,
        }
    }

    fn check(profile: PolicyProfile, candidate: &str) -> Result<NewPassword, Vec<PolicyViolation>> {
        let document = document();
        PasswordPolicy::new(profile).check(candidate, &person(&document))
    }

    fn violations(candidate: &str) -> Vec<PolicyViolation> {
        check(PolicyProfile::Clave, candidate)
            .err()
            .unwrap_or_default()
    }

    #[test]
    fn a_good_password_is_accepted_and_exposed_as_typed() {
        let password = check(PolicyProfile::Clave, "Tr3s-Tristes").unwrap();
        assert_eq!(password.expose(), "Tr3s-Tristes");
    }

    #[test]
    fn a_short_password_is_rejected_as_too_short() {
        assert_eq!(
            violations("Ab1!xyz"),
            [PolicyViolation::TooShort { min: 8 }]
        );
    }

    #[test]
    fn a_password_over_128_characters_is_rejected_as_too_long() {
        let candidate = "Xq7!".repeat(33);
        assert_eq!(
            violations(&candidate),
            [PolicyViolation::TooLong { max: 128 }]
        );
        assert!(check(PolicyProfile::Clave, &candidate[..128]).is_ok());
    }

    #[test]
    fn a_short_password_with_two_groups_needs_three() {
        assert_eq!(
            violations("tazaverde77"),
            [PolicyViolation::NeedsThreeGroups]
        );
    }

    #[test]
    fn specials_from_the_seed_list_count_as_a_group() {
        assert!(check(PolicyProfile::Clave, "tazaverde¿77").is_ok());
        assert!(check(PolicyProfile::Clave, "tazaverde\\77").is_ok());
    }

    #[test]
    fn a_16_character_all_lower_case_password_is_accepted() {
        assert!(check(PolicyProfile::Clave, "caballitodemarazul").is_ok());
        assert!(check(PolicyProfile::Clave, "tazasverdesazuls").is_ok());
    }

    #[test]
    fn enye_and_accented_letters_count_as_letters() {
        assert!(check(PolicyProfile::Clave, "Cigüeña1").is_ok());
        assert!(check(PolicyProfile::Clave, "ÑANDÚ-vuela").is_ok());
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(
            violations("ñññññ1A"),
            [PolicyViolation::TooShort { min: 8 }]
        );
        assert!(check(PolicyProfile::Clave, "ññññññ1A").is_ok());
    }

    #[test]
    fn a_decomposed_password_is_normalised_before_counting_and_returned_in_nfc() {
        let decomposed = "n\u{303}n\u{303}n\u{303}n\u{303}n\u{303}n\u{303}1A";
        let password = check(PolicyProfile::Clave, decomposed).unwrap();
        assert_eq!(password.expose(), "ññññññ1A");
        assert_eq!(normalize_password(decomposed), "ññññññ1A");
    }

    #[test]
    fn a_password_containing_the_surname_is_rejected_whatever_the_accents() {
        assert_eq!(violations("mi-garcía-99"), [PolicyViolation::ContainsName]);
        assert_eq!(violations("Mi-GARCIA-99"), [PolicyViolation::ContainsName]);
        assert_eq!(violations("Mi-pena-2024"), [PolicyViolation::ContainsName]);
    }

    #[test]
    fn a_password_containing_the_document_is_rejected() {
        assert_eq!(
            violations("Ab!12345678z"),
            [PolicyViolation::ContainsDocument]
        );
        assert_eq!(
            violations("Ab!12345678"),
            [PolicyViolation::ContainsDocument]
        );
    }

    #[test]
    fn a_common_password_is_rejected_in_any_case() {
        assert_eq!(violations("Password123"), [PolicyViolation::TooCommon]);
        assert_eq!(violations("RealMadrid1"), [PolicyViolation::TooCommon]);
    }

    #[test]
    fn every_failed_rule_is_listed_together() {
        assert_eq!(
            violations("garcía"),
            [
                PolicyViolation::TooShort { min: 8 },
                PolicyViolation::NeedsThreeGroups,
                PolicyViolation::ContainsName,
                PolicyViolation::TooCommon
            ]
        );
        assert_eq!(
            violations("12345678"),
            [
                PolicyViolation::NeedsThreeGroups,
                PolicyViolation::ContainsDocument,
                PolicyViolation::TooCommon
            ]
        );
    }

    #[test]
    fn the_nist_profile_has_no_composition_rule_but_keeps_the_others() {
        assert!(check(PolicyProfile::Nist, "tazaverde").is_ok());
        assert_eq!(
            check(PolicyProfile::Nist, "short").unwrap_err(),
            [PolicyViolation::TooShort { min: 8 }]
        );
        assert_eq!(
            check(PolicyProfile::Nist, "qwerty123").unwrap_err(),
            [PolicyViolation::TooCommon]
        );
        assert_eq!(
            check(PolicyProfile::Nist, "garciagarcia").unwrap_err(),
            [PolicyViolation::ContainsName]
        );
    }

    #[test]
    fn the_profile_is_read_from_settings_in_lower_case() {
        assert_eq!(
            serde_json::from_str::<PolicyProfile>("\"nist\"").unwrap(),
            PolicyProfile::Nist
        );
        assert_eq!(PolicyProfile::default(), PolicyProfile::Clave);
    }

    proptest! {
        #[test]
        fn an_accepted_password_is_8_to_128_characters_and_never_holds_the_document(
            candidate in "[a-zA-Z0-9ñÑ!?#.]{0,140}",
            nist in any::<bool>(),
        ) {
            let profile = if nist { PolicyProfile::Nist } else { PolicyProfile::Clave };
            if let Ok(password) = check(profile, &candidate) {
                let length = password.expose().chars().count();
                prop_assert!((MIN_CHARS..=MAX_CHARS).contains(&length));
                prop_assert!(!password.expose().contains(document().number_part()));
            }
        }

        #[test]
        fn a_password_built_around_the_document_number_is_always_refused(
            before in "[a-zA-Z!]{0,10}",
            after in "[a-zA-Z!]{0,10}",
        ) {
            let candidate = format!("{before}12345678{after}");
            prop_assert!(violations(&candidate).contains(&PolicyViolation::ContainsDocument));
        }

        #[test]
        fn the_clave_profile_never_accepts_a_short_password_with_fewer_than_three_groups(
            candidate in "[a-z0-9]{8,15}",
        ) {
            prop_assert!(violations(&candidate).contains(&PolicyViolation::NeedsThreeGroups));
        }
    }
}
