//! OAuth scopes this provider knows (OIDC Core §5.4), and a set of them.
//!
//! A request's `scope` is parsed once into [`Scopes`]; unknown values are left out
//! of the grant (RFC 6749 §3.3). The set serialises as the space-separated string
//! the protocol uses, in a fixed order.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// An OpenID Connect request (required).
    Openid,
    /// Names: `name`, `given_name`, `family_name`, `first_surname`, `second_surname`.
    Profile,
    /// `email`.
    Email,
    /// `phone_number`.
    Phone,
    /// `nif`: the DNI/NIE, for services that must identify the citizen.
    Nif,
    /// A refresh token (OIDC Core §11).
    OfflineAccess,
}

impl Scope {
    /// Every scope, in discovery order.
    pub const ALL: [Scope; 6] = [
        Scope::Openid,
        Scope::Profile,
        Scope::Email,
        Scope::Phone,
        Scope::Nif,
        Scope::OfflineAccess,
    ];

    /// The scope's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Openid => "openid",
            Scope::Profile => "profile",
            Scope::Email => "email",
            Scope::Phone => "phone",
            Scope::Nif => "nif",
            Scope::OfflineAccess => "offline_access",
        }
    }

    /// The scope named `name`, if this provider knows it.
    pub fn parse(name: &str) -> Option<Self> {
        Scope::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The citizen claims the scope stands for.
    pub fn claims(self) -> &'static [&'static str] {
        match self {
            Scope::Profile => &[
                "name",
                "given_name",
                "family_name",
                "first_surname",
                "second_surname",
            ],
            Scope::Email => &["email"],
            Scope::Phone => &["phone_number"],
            Scope::Nif => &["nif"],
            Scope::Openid | Scope::OfflineAccess => &[],
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of known scopes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Scopes(u8);

impl Scopes {
    /// The known scopes named in a space-separated `scope` value; unknown names
    /// are left out.
    pub fn parse_known(text: &str) -> Self {
        text.split(' ').filter_map(Scope::parse).collect()
    }

    /// Whether `scope` is in the set.
    pub fn contains(self, scope: Scope) -> bool {
        self.0 & scope.bit() != 0
    }

    /// Whether every scope of `other` is in this set.
    pub fn covers(self, other: Scopes) -> bool {
        other.0 & !self.0 == 0
    }

    /// The scopes, in discovery order.
    pub fn iter(self) -> impl Iterator<Item = Scope> {
        Scope::ALL.into_iter().filter(move |s| self.contains(*s))
    }
}

impl FromIterator<Scope> for Scopes {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> Self {
        Scopes(iter.into_iter().fold(0, |bits, s| bits | s.bit()))
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, scope) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(scope.as_str())?;
        }
        Ok(())
    }
}

impl Serialize for Scopes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Scopes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Scopes::parse_known(&text))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn unknown_scopes_are_left_out_and_the_order_is_fixed() {
        let scopes = Scopes::parse_known("nif  openid address profile");
        assert_eq!(scopes.to_string(), "openid profile nif");
        assert!(scopes.contains(Scope::Nif));
        assert!(!scopes.contains(Scope::Email));
    }

    #[test]
    fn a_set_covers_its_subsets_only() {
        let granted = Scopes::parse_known("openid profile offline_access");
        assert!(granted.covers(Scopes::parse_known("openid profile")));
        assert!(granted.covers(Scopes::default()));
        assert!(!granted.covers(Scopes::parse_known("openid email")));
    }

    #[test]
    fn a_set_serialises_as_the_protocol_string() {
        let scopes = Scopes::parse_known("openid email");
        assert_eq!(serde_json::to_value(scopes).unwrap(), "openid email");
        let back: Scopes = serde_json::from_str("\"email openid\"").unwrap();
        assert_eq!(back, scopes);
    }

    proptest! {
        #[test]
        fn printing_and_parsing_a_set_gives_it_back(bits in 0u8..64) {
            let scopes: Scopes = Scope::ALL
                .into_iter()
                .filter(|s| bits & s.bit() != 0)
                .collect();
            prop_assert_eq!(Scopes::parse_known(&scopes.to_string()), scopes);
        }
    }
}
