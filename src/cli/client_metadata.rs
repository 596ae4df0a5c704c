//! Client metadata files for `clave-idp client add|update --metadata FILE.json`
//! and `client show --json`: the standard names of RFC 7591 §2 and OpenID Connect
//! Dynamic Client Registration 1.0 §2, plus three of ours (`clave_*`).
//!
//! Every name is checked, with a message naming it. A standard name this
//! version does not act on (a client's keys, pushed or signed requests,
//! sender-constrained tokens, encrypted responses, back-channel logout) is
//! refused rather than stored and ignored: a portal that registered `jwks` must
//! not believe its secret is no longer what authenticates it. A name nobody
//! defines is refused too (an operator's typo), where RFC 7591 §2 has a server
//! ignore what a *client* sends.

use serde_json::{Map, Value, json};

use super::client::ClientSpec;
use crate::store::sql::ClientRecord;

/// Names of RFC 7591 / OIDC Registration this version does not implement.
const NOT_YET: &[&str] = &[
    "jwks",
    "jwks_uri",
    "token_endpoint_auth_signing_alg",
    "request_object_signing_alg",
    "request_uris",
    "require_pushed_authorization_requests",
    "dpop_bound_access_tokens",
    "userinfo_signed_response_alg",
    "userinfo_encrypted_response_alg",
    "userinfo_encrypted_response_enc",
    "id_token_encrypted_response_alg",
    "id_token_encrypted_response_enc",
    "backchannel_logout_uri",
    "backchannel_logout_session_required",
    "frontchannel_logout_uri",
    "frontchannel_logout_session_required",
    "sector_identifier_uri",
    "initiate_login_uri",
    "default_acr_values",
    "default_max_age",
    "require_auth_time",
];

/// Descriptive names that change nothing here and are accepted as such.
const DESCRIPTIVE: &[&str] = &[
    "client_uri",
    "logo_uri",
    "policy_uri",
    "tos_uri",
    "contacts",
    "software_id",
    "software_version",
    "application_type",
];

/// What a metadata file says, checked. `None` where the file is silent.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// `client_id` (chosen by the operator).
    pub client_id: Option<String>,
    /// `client_name`.
    pub name: Option<String>,
    /// `redirect_uris`.
    pub redirect_uris: Option<Vec<String>>,
    /// `post_logout_redirect_uris`.
    pub post_logout_redirect_uris: Option<Vec<String>>,
    /// `token_endpoint_auth_method` is `none`.
    pub public: Option<bool>,
    /// `id_token_signed_response_alg`.
    pub id_token_alg: Option<String>,
    /// `clave_social_security`: a Social Security portal.
    pub social_security: Option<bool>,
    /// `clave_require_pkce`: PKCE from a confidential client too.
    pub require_pkce: Option<bool>,
    /// `clave_sector`: the pairwise-subject sector.
    pub sector: Option<String>,
}

fn strings(name: &str, value: &Value) -> Result<Vec<String>, String> {
    let list = value
        .as_array()
        .ok_or_else(|| format!("{name}: must be a list of strings"))?;
    list.iter()
        .map(|item| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{name}: must be a list of strings"))
        })
        .collect()
}

fn string(name: &str, value: &Value) -> Result<String, String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{name}: must be a string"))
}

fn boolean(name: &str, value: &Value) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{name}: must be true or false"))
}

impl Metadata {
    /// Parses and checks the JSON object of a metadata file.
    pub fn parse(text: &str) -> Result<Self, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("the file is not JSON: {e}"))?;
        let Value::Object(object) = value else {
            return Err("the file must hold one JSON object of client metadata".into());
        };
        let mut out = Metadata::default();
        for (name, value) in &object {
            let name = name.as_str();
            match name {
                "client_id" => out.client_id = Some(string(name, value)?),
                "client_name" => out.name = Some(string(name, value)?),
                "redirect_uris" => out.redirect_uris = Some(strings(name, value)?),
                "post_logout_redirect_uris" => {
                    out.post_logout_redirect_uris = Some(strings(name, value)?);
                }
                "token_endpoint_auth_method" => {
                    out.public = Some(match string(name, value)?.as_str() {
                        "client_secret_basic" | "client_secret_post" => false,
                        "none" => true,
                        "private_key_jwt"
                        | "client_secret_jwt"
                        | "tls_client_auth"
                        | "self_signed_tls_client_auth" => {
                            return Err(format!(
                                "{name}: {value} is not supported by this version; use \
                                 client_secret_basic, client_secret_post or none"
                            ));
                        }
                        _ => {
                            return Err(format!(
                                "{name}: {value} is not a method this provider knows"
                            ));
                        }
                    });
                }
                "id_token_signed_response_alg" => {
                    let alg = string(name, value)?;
                    if !matches!(alg.as_str(), "RS256" | "ES256") {
                        return Err(format!(
                            "{name}: {alg:?} is not offered; use RS256 or ES256"
                        ));
                    }
                    out.id_token_alg = Some(alg);
                }
                "grant_types" => {
                    for grant in strings(name, value)? {
                        if !matches!(grant.as_str(), "authorization_code" | "refresh_token") {
                            return Err(format!(
                                "{name}: {grant:?} is not offered; use authorization_code and refresh_token"
                            ));
                        }
                    }
                }
                "response_types" => {
                    for response in strings(name, value)? {
                        if response != "code" {
                            return Err(format!("{name}: {response:?} is not offered; use code"));
                        }
                    }
                }
                "subject_type" => {
                    if string(name, value)? != "pairwise" {
                        return Err(format!(
                            "{name}: every portal gets pairwise subjects here; use pairwise"
                        ));
                    }
                }
                "clave_social_security" => out.social_security = Some(boolean(name, value)?),
                "clave_require_pkce" => out.require_pkce = Some(boolean(name, value)?),
                "clave_sector" => out.sector = Some(string(name, value)?),
                "client_secret" => {
                    return Err(format!(
                        "{name}: the provider draws the secret itself and shows it once"
                    ));
                }
                _ if NOT_YET.contains(&name) => {
                    return Err(format!(
                        "{name}: not supported by this version of clave-idp"
                    ));
                }
                _ if DESCRIPTIVE.contains(&name) => {}
                _ => {
                    return Err(format!(
                        "{name}: not a client metadata name this provider knows"
                    ));
                }
            }
        }
        Ok(out)
    }

    /// `spec` with what the file says wherever the operator gave no flag.
    pub fn fill(self, spec: &mut ClientSpec) {
        let Metadata {
            client_id,
            name,
            redirect_uris,
            post_logout_redirect_uris,
            public,
            id_token_alg,
            social_security,
            require_pkce,
            sector,
        } = self;
        if spec.name.is_empty() {
            spec.name = name.unwrap_or_default();
        }
        if spec.redirect_uris.is_empty() {
            spec.redirect_uris = redirect_uris.unwrap_or_default();
        }
        if spec.post_logout_redirect_uris.is_empty() {
            spec.post_logout_redirect_uris = post_logout_redirect_uris.unwrap_or_default();
        }
        spec.public |= public.unwrap_or(false);
        spec.social_security |= social_security.unwrap_or(false);
        spec.require_pkce |= require_pkce.unwrap_or(false);
        if spec.sector.is_none() {
            spec.sector = sector;
        }
        if spec.id_token_alg.is_none() {
            spec.id_token_alg = id_token_alg;
        }
        if spec.client_id.is_none() {
            spec.client_id = client_id;
        }
    }
}

/// The stored client as a metadata object (never its secret), in the names a
/// file uses, so `client show --json` can be edited and given to `client update`.
pub fn of_record(client: &ClientRecord) -> Value {
    let uris = |list: &[crate::domain::RegisteredUri]| -> Vec<String> {
        list.iter().map(|u| u.as_str().to_owned()).collect()
    };
    let mut object = Map::new();
    object.insert("client_id".into(), json!(client.client_id));
    object.insert("client_name".into(), json!(client.name));
    object.insert("redirect_uris".into(), json!(uris(&client.redirect_uris)));
    object.insert(
        "post_logout_redirect_uris".into(),
        json!(uris(&client.post_logout_redirect_uris)),
    );
    let method = if client.is_confidential() {
        "client_secret_basic"
    } else {
        "none"
    };
    object.insert("token_endpoint_auth_method".into(), json!(method));
    object.insert(
        "grant_types".into(),
        json!(["authorization_code", "refresh_token"]),
    );
    object.insert("response_types".into(), json!(["code"]));
    object.insert("subject_type".into(), json!("pairwise"));
    object.insert(
        "id_token_signed_response_alg".into(),
        json!(client.id_token_alg.as_str()),
    );
    object.insert("clave_sector".into(), json!(client.sector));
    object.insert(
        "clave_social_security".into(),
        json!(client.social_security),
    );
    object.insert("clave_require_pkce".into(), json!(client.require_pkce));
    object.insert("created_at".into(), json!(client.created_at));
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_the_standard_names_is_read() {
        let metadata = Metadata::parse(
            r#"{"client_name": "Sede", "redirect_uris": ["https://sede.example/cb"],
                "token_endpoint_auth_method": "none", "id_token_signed_response_alg": "ES256",
                "grant_types": ["authorization_code"], "response_types": ["code"],
                "subject_type": "pairwise", "logo_uri": "https://sede.example/logo.png",
                "clave_social_security": true}"#,
        )
        .unwrap();
        assert_eq!(metadata.name.as_deref(), Some("Sede"));
        assert_eq!(metadata.public, Some(true));
        assert_eq!(metadata.id_token_alg.as_deref(), Some("ES256"));
        assert_eq!(metadata.social_security, Some(true));
    }

    #[test]
    fn every_refusal_names_its_field() {
        for (file, field) in [
            (
                r#"{"redirect_uris": "https://a.example/cb"}"#,
                "redirect_uris",
            ),
            (
                r#"{"token_endpoint_auth_method": "private_key_jwt"}"#,
                "token_endpoint_auth_method",
            ),
            (
                r#"{"id_token_signed_response_alg": "none"}"#,
                "id_token_signed_response_alg",
            ),
            (r#"{"grant_types": ["implicit"]}"#, "grant_types"),
            (r#"{"subject_type": "public"}"#, "subject_type"),
            (r#"{"jwks_uri": "https://a.example/jwks"}"#, "jwks_uri"),
            (r#"{"client_secret": "mine"}"#, "client_secret"),
            (
                r#"{"redirect_uri": "https://a.example/cb"}"#,
                "redirect_uri",
            ),
            (
                r#"{"clave_social_security": "yes"}"#,
                "clave_social_security",
            ),
        ] {
            let error = Metadata::parse(file).unwrap_err();
            assert!(error.starts_with(field), "{file}: {error}");
        }
        assert!(Metadata::parse("[1]").is_err());
        assert!(Metadata::parse("not json").is_err());
    }
}
