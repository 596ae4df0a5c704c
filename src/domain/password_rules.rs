//! The individual password rules as pure functions, composed by the policy.
//!
//! Kept apart from [`super::PasswordPolicy`] so each rule's fine print — what a
//! "group" is, what a name "token" is, how accents are ignored — is specified and
//! tested on its own. Every function expects its input already in NFC.
//!
//! Accent- and case-insensitive comparison ("folding") lower-cases, decomposes to
//! NFD and drops the combining marks: `García` → `garcia`, `Peña` → `pena`. So a
//! surname registered with or without its accent catches the password written
//! either way.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::DocumentId;

/// The special characters that count as the fourth group (the list Cl@ve publishes).
pub const SPECIALS: &str = "¡!$?%&#@/\\()=¿?*[];,:._<>+-";
/// Name tokens shorter than this are ignored (`de`, `la`); `Gil` counts.
const MIN_NAME_TOKEN_CHARS: usize = 3;

/// Lower-cases, decomposes (NFD) and drops combining marks: `García` → `garcia`.
pub(crate) fn fold(s: &str) -> String {
    s.to_lowercase()
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect()
}

/// How many of the four groups appear: lower case, upper case, digits, [`SPECIALS`].
///
/// `char::is_lowercase`/`is_uppercase` make `ñ`, `Á`, `ü` count as letters.
pub(super) fn character_groups(password: &str) -> usize {
    let has = |test: fn(char) -> bool| password.chars().any(test);
    [
        has(char::is_lowercase),
        has(char::is_uppercase),
        has(|c| c.is_ascii_digit()),
        has(|c| SPECIALS.contains(c)),
    ]
    .into_iter()
    .filter(|&present| present)
    .count()
}

/// Whether a 3+-letter token of any of `names` appears in the password, ignoring
/// case and accents. Tokens are the runs of letters: `María de los Ángeles` gives
/// `maria`, `los`, `angeles`.
pub(super) fn contains_name(password: &str, names: &[&str]) -> bool {
    let folded = fold(password);
    names.iter().any(|name| {
        fold(name)
            .split(|c: char| !c.is_alphabetic())
            .filter(|token| token.chars().count() >= MIN_NAME_TOKEN_CHARS)
            .any(|token| folded.contains(token))
    })
}

/// Whether the DNI/NIE (any case) or its number part appears in the password.
pub(super) fn contains_document(password: &str, document: &DocumentId) -> bool {
    let lower = password.to_lowercase();
    lower.contains(&document.as_str().to_lowercase()) || lower.contains(document.number_part())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folding_drops_accents_and_case() {
        assert_eq!(fold("GARCÍA Peña Müller"), "garcia pena muller");
    }

    #[test]
    fn each_group_is_counted_once() {
        assert_eq!(character_groups("abcdefgh"), 1);
        assert_eq!(character_groups("abcDEF"), 2);
        assert_eq!(character_groups("abcDEF12"), 3);
        assert_eq!(character_groups("aB1¡"), 4);
    }

    #[test]
    fn enye_and_accented_capitals_are_letters_of_their_case() {
        assert_eq!(character_groups("ñ"), 1);
        assert_eq!(character_groups("ÑÁ"), 1);
        assert_eq!(character_groups("ñÁ"), 2);
    }

    #[test]
    fn characters_outside_the_seed_list_are_no_special_group() {
        assert_eq!(character_groups("abc ~{}€\"'"), 1);
    }

    #[test]
    fn an_unaccented_surname_catches_an_accented_password_and_vice_versa() {
        assert!(contains_name("Mi-García-99", &["Garcia"]));
        assert!(contains_name("Mi-Garcia-99", &["García"]));
        assert!(contains_name("NUÑEZ2024", &["Nunez"]));
    }

    #[test]
    fn name_tokens_of_three_letters_or_more_count_and_shorter_ones_do_not() {
        let names = ["María de los Ángeles", "Gil", ""];
        assert!(contains_name("xLOSx", &names));
        assert!(contains_name("xgilx", &names));
        assert!(contains_name("angeles", &names));
        assert!(!contains_name("delaxx", &names));
    }

    #[test]
    fn hyphens_and_apostrophes_split_names_into_tokens() {
        assert!(contains_name("zzvaldecasas", &["García-Valdecasas"]));
        assert!(contains_name("connor!!", &["O'Connor"]));
    }

    #[test]
    fn the_whole_document_is_found_in_any_case() {
        let dni = DocumentId::parse("12345678Z").unwrap();
        assert!(contains_document("ab12345678zcd", &dni));
    }

    #[test]
    fn a_nie_number_part_is_found_without_its_letters() {
        let nie = DocumentId::parse("X1234567L").unwrap();
        assert!(contains_document("Zz!1234567", &nie));
        assert!(!contains_document("Zz!123456", &nie));
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,30}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn a_name_is_always_found_inside_a_password_made_from_it(
            name in "[a-zA-ZñÑáéíóú]{3,12}",
            before in "[0-9!]{0,4}",
            after in "[0-9!]{0,4}",
        ) {
            let password = format!("{before}{}{after}", name.to_uppercase());
            prop_assert!(contains_name(&password, &[&name]));
        }
    }
}
