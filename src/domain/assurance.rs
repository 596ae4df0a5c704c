//! Levels of assurance and authentication methods, as the protocol names them.
//!
//! `acr` values follow eIDAS (`http://eidas.europa.eu/LoA/low` for the password,
//! `…/substantial` for the password and an SMS one-time code); `amr` values
//! follow RFC 8176 (`pwd`, `sms`). Both serialise as those strings, so sessions,
//! grants and ID tokens carry the standard values and nothing else.

use serde::{Deserialize, Serialize};

/// eIDAS level of assurance "low": something the citizen knows.
pub const ACR_LOW: &str = "http://eidas.europa.eu/LoA/low";
/// eIDAS level of assurance "substantial": password plus SMS one-time code.
pub const ACR_SUBSTANTIAL: &str = "http://eidas.europa.eu/LoA/substantial";

/// The level of assurance a request needs, or a login reached (`acr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Assurance {
    /// Password (eIDAS low).
    #[serde(rename = "http://eidas.europa.eu/LoA/low")]
    Low,
    /// Password and SMS one-time code (eIDAS substantial).
    #[serde(rename = "http://eidas.europa.eu/LoA/substantial")]
    Substantial,
}

impl Assurance {
    /// The `acr` value.
    pub fn acr(self) -> &'static str {
        match self {
            Assurance::Low => ACR_LOW,
            Assurance::Substantial => ACR_SUBSTANTIAL,
        }
    }

    /// The level an `acr` value names, if it names one.
    pub fn parse(acr: &str) -> Option<Self> {
        match acr {
            ACR_LOW => Some(Assurance::Low),
            ACR_SUBSTANTIAL => Some(Assurance::Substantial),
            _ => None,
        }
    }

    /// The methods a login at this level used (`amr`).
    pub fn methods(self) -> &'static [Amr] {
        match self {
            Assurance::Low => &[Amr::Pwd],
            Assurance::Substantial => &[Amr::Pwd, Amr::Sms],
        }
    }
}

/// An authentication method (RFC 8176 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Amr {
    /// A password.
    Pwd,
    /// A one-time code sent by SMS.
    Sms,
}

impl Amr {
    /// The `amr` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Amr::Pwd => "pwd",
            Amr::Sms => "sms",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_methods_serialise_as_their_standard_values() {
        assert_eq!(
            serde_json::to_value(Assurance::Substantial).unwrap(),
            serde_json::json!(ACR_SUBSTANTIAL)
        );
        assert_eq!(
            serde_json::to_value(Assurance::Low.methods()).unwrap(),
            serde_json::json!(["pwd"])
        );
        assert_eq!(
            serde_json::to_value(Assurance::Substantial.methods()).unwrap(),
            serde_json::json!(["pwd", "sms"])
        );
        let back: Assurance = serde_json::from_str(&format!("\"{ACR_LOW}\"")).unwrap();
        assert_eq!(back, Assurance::Low);
    }

    #[test]
    fn only_the_two_eidas_levels_parse_and_they_are_ordered() {
        assert_eq!(Assurance::parse(ACR_LOW), Some(Assurance::Low));
        assert_eq!(Assurance::parse("http://eidas.europa.eu/LoA/high"), None);
        assert_eq!(Assurance::parse(""), None);
        assert!(Assurance::Low < Assurance::Substantial);
    }
}
