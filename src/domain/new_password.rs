//! A password that has passed the policy, and the normalisation every password gets.
//!
//! [`NewPassword`] is the only input the password hasher takes, and the only way to
//! get one is [`super::PasswordPolicy::check`] (its constructor is private to
//! `domain`). So "we stored a password that breaks the rules" cannot compile.
//!
//! Passwords are compared as Unicode NFC: `ñ` typed as one code point (Windows) or
//! as `n` + combining tilde (macOS) must be the same password. Login therefore runs
//! [`normalize_password`] on the typed text before verifying it against the hash,
//! exactly as the policy did before hashing it.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

/// The password as the citizen typed it, in Unicode NFC: use before hashing or verifying.
pub fn normalize_password(s: &str) -> String {
    s.nfc().collect()
}

/// A password that passed the policy, in NFC; the only input the hasher accepts.
///
/// It has no `Display` or `Serialize`, and its `Debug` is redacted, so it cannot
/// end up in a log or a response by accident.
pub struct NewPassword(String);

impl NewPassword {
    /// Wraps a password that has just passed [`super::PasswordPolicy::check`].
    pub(super) fn new(nfc: String) -> Self {
        Self(nfc)
    }

    /// The normalised secret, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn debug_never_shows_the_password() {
        let password = NewPassword::new("Tr3s-Tristes".into());
        assert_eq!(format!("{password:?}"), "NewPassword(***)");
        assert_eq!(password.expose(), "Tr3s-Tristes");
    }

    #[test]
    fn normalising_composes_a_combining_tilde() {
        assert_eq!(normalize_password("Espan\u{303}a-1"), "España-1");
    }

    proptest! {
        #[test]
        fn normalising_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize_password(&s);
            prop_assert_eq!(normalize_password(&once), once);
        }
    }
}
