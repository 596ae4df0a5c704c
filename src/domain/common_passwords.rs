//! The bundled list of common and breached passwords that the policy refuses.
//!
//! NIST SP 800-63B §5.1.1.2 asks verifiers to refuse "passwords obtained from
//! previous breach corpuses" and "commonly-used, expected, or compromised values".
//! `common_passwords.txt` holds several hundred of them, English and Spanish
//! (`123456`, `password`, `contraseña`, `barcelona`, `teamo`…), lower-case, one a
//! line. It is compiled in with `include_str!` and turned into a set once.
//!
//! Both the list and the candidate go through the same folding as the name rule
//! (lower-case, accents stripped), so `Contraseña`, `CONTRASENA` and `contrasena`
//! are one entry. We deliberately do *not* strip trailing digits or symbols before
//! the lookup: under the Cl@ve profile the three-groups rule pushes almost every
//! short password into the shape word + digit + symbol, so stripping would refuse
//! most passwords Cl@ve's composition rule accepts and give citizens a rule they cannot see.
//! Instead the list carries the decorated variants that top real breach corpora
//! (`password1`, `qwerty123`, `barcelona1`, `españa2024`…).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::password_rules::fold;

static LIST: &str = include_str!("common_passwords.txt");

static COMMON: LazyLock<HashSet<String>> = LazyLock::new(|| {
    LIST.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(fold)
        .collect()
});

/// Whether `candidate` (already NFC) is on the bundled list, ignoring case and accents.
pub(crate) fn is_common(candidate: &str) -> bool {
    COMMON.contains(&fold(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn the_list_has_several_hundred_lower_case_nfc_entries() {
        let lines: Vec<&str> = LIST.lines().collect();
        assert!(lines.len() >= 300, "only {} entries", lines.len());
        for line in lines {
            assert_eq!(line, line.trim(), "{line:?} has surrounding spaces");
            assert!(!line.is_empty());
            assert_eq!(line, line.to_lowercase(), "{line:?} is not lower-case");
            assert_eq!(line, line.nfc().collect::<String>(), "{line:?} is not NFC");
        }
    }

    #[test]
    fn well_known_passwords_are_common_in_any_case() {
        for candidate in ["123456", "Password1", "QWERTY123", "RealMadrid", "teamo"] {
            assert!(is_common(candidate), "{candidate}");
        }
    }

    #[test]
    fn accents_do_not_hide_a_common_password() {
        assert!(is_common("Contraseña"));
        assert!(is_common("CONTRASENA"));
        assert!(is_common("ESPAÑA"));
    }

    #[test]
    fn a_decorated_variant_not_on_the_list_is_not_common() {
        assert!(!is_common("Barcelona#1899"));
    }
}
