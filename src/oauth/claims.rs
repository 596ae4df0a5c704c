//! Which claims a relying party receives, and the pairwise subject.
//!
//! Claims by scope ([`Scope::claims`]: `profile` → names, `email`,
//! `phone` → `phone_number`, `nif` → the DNI/NIE), plus individual claims asked for
//! with the `claims` request parameter (OIDC Core §5.5), for the ID token or for
//! userinfo. `sub` is pairwise per sector (OIDC Core §8.1): an HMAC of the sector
//! and the citizen under a provider-wide salt, so two portals in different sectors
//! cannot correlate a citizen and no portal can recover the DNI/NIE from it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::crypto::hmac_sha256_hex;
use crate::domain::{Assurance, Scope, Scopes};
use crate::store::sql::CitizenRecord;

/// Claims this provider can release about a citizen.
pub const CITIZEN_CLAIMS: [&str; 8] = [
    "name",
    "given_name",
    "family_name",
    "first_surname",
    "second_surname",
    "email",
    "phone_number",
    "nif",
];

/// The protocol claims of the ID token a `claims` request may name besides the
/// citizen claims (OIDC Core §2, §5.5.1.1).
const PROTOCOL_CLAIMS: [&str; 4] = ["sub", "acr", "amr", "auth_time"];

/// Whether a `claims` request's name is kept: a citizen or protocol claim.
fn kept(name: &str) -> bool {
    CITIZEN_CLAIMS.contains(&name) || PROTOCOL_CLAIMS.contains(&name)
}

/// The individual claims asked for with the `claims` parameter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimsRequest {
    /// Claims asked for in userinfo.
    pub userinfo: BTreeSet<String>,
    /// Claims asked for in the ID token.
    pub id_token: BTreeSet<String>,
    /// `acr` values asked for as an ID token claim (`value` or `values`).
    pub acr_values: Vec<String>,
}

impl ClaimsRequest {
    /// Parses the `claims` parameter's JSON; `Err` explains what is malformed.
    pub fn parse(json: &str) -> Result<Self, String> {
        let value: Value =
            serde_json::from_str(json).map_err(|e| format!("claims is not JSON: {e}"))?;
        let object = value.as_object().ok_or("claims must be a JSON object")?;
        let mut request = ClaimsRequest::default();
        for (member, target) in [
            ("userinfo", &mut request.userinfo),
            ("id_token", &mut request.id_token),
        ] {
            match object.get(member) {
                None | Some(Value::Null) => {}
                Some(Value::Object(claims)) => {
                    for (name, spec) in claims {
                        if !(spec.is_null() || spec.is_object()) {
                            return Err(format!(
                                "claims.{member}.{name} must be null or an object"
                            ));
                        }
                        // Only names this provider can answer are kept, so
                        // a long list of made-up ones adds nothing to the
                        // login transaction (`docs/architecture.md`, "Bounds").
                        if kept(name) {
                            target.insert(name.clone());
                        }
                    }
                }
                Some(_) => return Err(format!("claims.{member} must be an object")),
            }
        }
        if let Some(acr) = object.get("id_token").and_then(|t| t.get("acr")) {
            let single = acr.get("value").and_then(Value::as_str);
            let listed = acr.get("values").and_then(Value::as_array);
            let asked = single
                .into_iter()
                .chain(listed.into_iter().flatten().filter_map(Value::as_str));
            // Levels this provider does not offer cannot be met: not kept.
            for value in asked {
                if Assurance::parse(value).is_some()
                    && !request.acr_values.iter().any(|a| a == value)
                {
                    request.acr_values.push(value.to_owned());
                }
            }
        }
        Ok(request)
    }
}

/// The pairwise `sub` of `citizen_id` for relying parties of `sector`.
pub fn pairwise_sub(salt: &[u8], sector: &str, citizen_id: &str) -> String {
    hmac_sha256_hex(salt, format!("{sector}\n{citizen_id}").as_bytes())
}

/// The value of one citizen claim, if the citizen has it.
pub fn citizen_claim(name: &str, citizen: &CitizenRecord) -> Option<Value> {
    let family = match &citizen.second_surname {
        Some(second) => format!("{} {second}", citizen.first_surname),
        None => citizen.first_surname.clone(),
    };
    let value = match name {
        "name" => format!("{} {family}", citizen.given_name),
        "given_name" => citizen.given_name.clone(),
        "family_name" => family,
        "first_surname" => citizen.first_surname.clone(),
        "second_surname" => citizen.second_surname.clone()?,
        "email" => citizen.email.to_string(),
        "phone_number" => citizen.phone.to_string(),
        "nif" => citizen.id.to_string(),
        _ => return None,
    };
    Some(Value::String(value))
}

/// The scope without which a claim is never released, even when asked for by
/// name: the identifiers and contact data are personal data whose release the
/// citizen consented to by scope (GDPR art. 5(1)(c), data minimisation). Names
/// may be asked for one by one (OIDC Core §5.5), which releases less than
/// `profile`.
fn guarded_by(claim: &str) -> Option<Scope> {
    match claim {
        "email" => Some(Scope::Email),
        "phone_number" => Some(Scope::Phone),
        "nif" => Some(Scope::Nif),
        _ => None,
    }
}

/// The citizen claims released for `scope` plus those named in `extra` that the
/// scope allows.
pub fn release(
    scope: Scopes,
    extra: &BTreeSet<String>,
    citizen: &CitizenRecord,
) -> Map<String, Value> {
    let mut names: BTreeSet<&str> = scope.iter().flat_map(Scope::claims).copied().collect();
    names.extend(
        extra
            .iter()
            .map(String::as_str)
            .filter(|name| guarded_by(name).is_none_or(|needed| scope.contains(needed))),
    );
    names
        .into_iter()
        .filter_map(|name| citizen_claim(name, citizen).map(|v| (name.to_owned(), v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_gives_the_names_with_both_surnames() {
        let claims = release(
            Scopes::parse_known("openid profile"),
            &BTreeSet::new(),
            &CitizenRecord::sample(),
        );
        assert_eq!(claims["name"], "María García López");
        assert_eq!(claims["family_name"], "García López");
        assert_eq!(claims["second_surname"], "López");
        assert!(!claims.contains_key("email") && !claims.contains_key("nif"));
    }

    #[test]
    fn each_scope_gives_exactly_its_claims() {
        let claims = release(
            Scopes::parse_known("openid email phone nif"),
            &BTreeSet::new(),
            &CitizenRecord::sample(),
        );
        let names: Vec<&str> = claims.keys().map(String::as_str).collect();
        assert_eq!(names, ["email", "nif", "phone_number"]);
    }

    #[test]
    fn individually_requested_names_are_added_and_unknown_ones_ignored() {
        let extra = BTreeSet::from(["given_name".to_owned(), "shoe_size".to_owned()]);
        let claims = release(
            Scopes::parse_known("openid"),
            &extra,
            &CitizenRecord::sample(),
        );
        assert_eq!(claims.len(), 1);
        assert_eq!(claims["given_name"], "María");
    }

    #[test]
    fn identifiers_and_contact_data_are_released_only_within_their_scope() {
        let extra = BTreeSet::from([
            "nif".to_owned(),
            "email".to_owned(),
            "phone_number".to_owned(),
        ]);
        let claims = release(
            Scopes::parse_known("openid profile"),
            &extra,
            &CitizenRecord::sample(),
        );
        assert!(
            ["nif", "email", "phone_number"]
                .iter()
                .all(|c| !claims.contains_key(*c)),
            "{claims:?}"
        );
        let claims = release(
            Scopes::parse_known("openid nif"),
            &extra,
            &CitizenRecord::sample(),
        );
        let names: Vec<&str> = claims.keys().map(String::as_str).collect();
        assert_eq!(names, ["nif"]);
    }

    #[test]
    fn the_claims_parameter_is_parsed_and_malformed_ones_explained() {
        let request = ClaimsRequest::parse(
            r#"{"userinfo":{"nif":{"essential":true},"email":null},"id_token":{"acr":{"values":["http://eidas.europa.eu/LoA/substantial"]}}}"#,
        )
        .unwrap();
        assert!(request.userinfo.contains("nif") && request.userinfo.contains("email"));
        assert!(request.id_token.contains("acr"));
        assert_eq!(request.acr_values, [crate::domain::ACR_SUBSTANTIAL]);
        assert!(ClaimsRequest::parse("[1]").is_err());
        let padded = ClaimsRequest::parse(
            r#"{"userinfo":{"nif":null,"shoe_size":null},"id_token":{"acr":{"values":["x","x","http://eidas.europa.eu/LoA/low"]}}}"#,
        )
        .unwrap();
        assert_eq!(padded.userinfo, BTreeSet::from(["nif".to_owned()]));
        assert_eq!(padded.acr_values, [crate::domain::ACR_LOW]);
        assert!(ClaimsRequest::parse(r#"{"userinfo":{"nif":3}}"#).is_err());
        assert!(ClaimsRequest::parse("not json").is_err());
    }

    #[test]
    fn pairwise_subjects_differ_by_sector_and_are_stable() {
        let a = pairwise_sub(b"salt", "sede.example", "12345678Z");
        assert_eq!(a, pairwise_sub(b"salt", "sede.example", "12345678Z"));
        assert_ne!(a, pairwise_sub(b"salt", "other.example", "12345678Z"));
        assert!(!a.contains("12345678"));
    }
}
