//! Client metadata files for `clave-idp client add|update --metadata FILE.json`
//! and `client show --json`: the standard names of RFC 7591 §2 and OpenID Connect
//! Dynamic Client Registration 1.0 §2, plus three of ours (`clave_*`).
//!
//! Every name is checked, with a message naming it. A standard name this
//! version does not act on (request URIs hosted by the client, front-channel
//! logout, `initiate_login_uri`, `default_max_age`, `require_auth_time`) is
//! refused rather than stored and ignored: a portal that registered one must
//! not believe it is in force. A name nobody defines is refused too (an
//! operator's typo), where RFC 7591 §2 has a server ignore what a *client* sends.
//!
//! The government-grade names (keys, signed and pushed requests, DPoP,
//! encrypted responses, back-channel logout) become the client's
//! [`ClientProfile`]; each is checked here by setting it on a profile, and the
//! profile as a whole by [`ClientProfile::problems`] when the client is built.

use serde_json::{Map, Value, json};

use super::client::ClientSpec;
use crate::crypto::KeyAlg;
use crate::domain::{ClientProfile, Encryption, JweAlg, JweEnc};
use crate::oauth::client_keys::parse_jwks;
use crate::store::sql::ClientRecord;

/// Names of RFC 7591 / OIDC Registration this version does not implement.
const NOT_YET: &[&str] = &[
    "request_uris",
    "frontchannel_logout_uri",
    "frontchannel_logout_session_required",
    "initiate_login_uri",
    "default_max_age",
    "require_auth_time",
];

/// How the client authenticates at the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// `client_secret_basic` or `client_secret_post`.
    Secret,
    /// `private_key_jwt` (RFC 7523).
    PrivateKeyJwt,
    /// `none`: a public client.
    None,
}

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
    /// `token_endpoint_auth_method`.
    pub auth_method: Option<AuthMethod>,
    /// `id_token_signed_response_alg`.
    pub id_token_alg: Option<String>,
    /// `clave_social_security`: a Social Security portal.
    pub social_security: Option<bool>,
    /// `clave_require_pkce`: PKCE from a confidential client too.
    pub require_pkce: Option<bool>,
    /// `clave_sector`: the pairwise-subject sector.
    pub sector: Option<String>,
    /// The government-grade names, each already checked by [`set_profile`], in
    /// the file's order.
    pub profile: Vec<(String, Value)>,
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
                    out.auth_method = Some(match string(name, value)?.as_str() {
                        "client_secret_basic" | "client_secret_post" => AuthMethod::Secret,
                        "private_key_jwt" => AuthMethod::PrivateKeyJwt,
                        "none" => AuthMethod::None,
                        "client_secret_jwt" | "tls_client_auth" | "self_signed_tls_client_auth" => {
                            return Err(format!(
                                "{name}: {value} is not supported by this version; use \
                                 private_key_jwt, client_secret_basic, client_secret_post or none"
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
                    if alg.parse::<KeyAlg>().is_err() {
                        return Err(format!(
                            "{name}: {alg:?} is not offered; use RS256, ES256 or PS256"
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
                _ if PROFILE_NAMES.contains(&name) || name.starts_with("client_name#") => {
                    set_profile(&mut ClientProfile::default(), name, value)?;
                    out.profile.push((name.to_owned(), value.clone()));
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
        for (enc, alg) in [
            (
                "id_token_encrypted_response_enc",
                "id_token_encrypted_response_alg",
            ),
            (
                "userinfo_encrypted_response_enc",
                "userinfo_encrypted_response_alg",
            ),
        ] {
            if object.contains_key(enc) && !object.contains_key(alg) {
                return Err(format!("{enc}: only with {alg} (OIDC Registration §2)"));
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
            auth_method,
            id_token_alg,
            social_security,
            require_pkce,
            sector,
            profile,
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
        spec.public |= auth_method == Some(AuthMethod::None);
        spec.private_key_jwt |= auth_method == Some(AuthMethod::PrivateKeyJwt);
        for (name, value) in &profile {
            // Checked when the file was parsed.
            let _ = set_profile(&mut spec.profile, name, value);
        }
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
    object.insert(
        "token_endpoint_auth_method".into(),
        json!(client.kind.auth_method()),
    );
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
    if let Value::Object(profile) = profile_metadata(&client.profile) {
        object.extend(profile);
    }
    object.insert("created_at".into(), json!(client.created_at));
    Value::Object(object)
}

/// The names that make up a [`ClientProfile`].
const PROFILE_NAMES: &[&str] = &[
    "jwks",
    "jwks_uri",
    "token_endpoint_auth_signing_alg",
    "request_object_signing_alg",
    "require_signed_request_object",
    "require_pushed_authorization_requests",
    "dpop_bound_access_tokens",
    "userinfo_signed_response_alg",
    "id_token_encrypted_response_alg",
    "id_token_encrypted_response_enc",
    "userinfo_encrypted_response_alg",
    "userinfo_encrypted_response_enc",
    "backchannel_logout_uri",
    "backchannel_logout_session_required",
    "default_acr_values",
    "sector_identifier_uri",
];

fn signing_alg(name: &str, value: &Value) -> Result<Option<KeyAlg>, String> {
    if value.is_null() {
        return Ok(None);
    }
    let alg = string(name, value)?;
    alg.parse()
        .map(Some)
        .map_err(|_| format!("{name}: {alg:?} is not offered; use RS256, ES256 or PS256"))
}

fn https_uri(name: &str, value: &Value) -> Result<Option<String>, String> {
    if value.is_null() {
        return Ok(None);
    }
    let text = string(name, value)?;
    let url = url::Url::parse(&text).map_err(|e| format!("{name}: {text:?} is not a URL ({e})"))?;
    let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
        return Err(format!(
            "{name}: {text:?} must use https (plain http only for localhost)"
        ));
    }
    if url.fragment().is_some() {
        return Err(format!("{name}: {text:?} must not have a #fragment"));
    }
    Ok(Some(text))
}

/// Sets one government-grade name on `profile` (`null` clears it), or says
/// what is wrong with its value.
pub fn set_profile(profile: &mut ClientProfile, name: &str, value: &Value) -> Result<(), String> {
    let flag = |value: &Value| -> Result<bool, String> {
        if value.is_null() {
            Ok(false)
        } else {
            boolean(name, value)
        }
    };
    let encryption = |current: Option<Encryption>,
                      value: &Value,
                      is_alg: bool|
     -> Result<Option<Encryption>, String> {
        if value.is_null() {
            return Ok(if is_alg { None } else { current });
        }
        let text = string(name, value)?;
        if is_alg {
            let alg = JweAlg::parse(&text).ok_or_else(|| {
                format!("{name}: {text:?} is not offered; use RSA-OAEP-256 or ECDH-ES")
            })?;
            // OIDC Registration §2: enc defaults to A128CBC-HS256.
            let enc = current.map_or(JweEnc::A128CbcHs256, |c| c.enc);
            Ok(Some(Encryption { alg, enc }))
        } else {
            let enc = JweEnc::parse(&text).ok_or_else(|| {
                format!("{name}: {text:?} is not offered; use A256GCM or A128CBC-HS256")
            })?;
            // The alg is set in the same file (checked by the parser) or stored.
            let alg = current.map_or(JweAlg::RsaOaep256, |c| c.alg);
            Ok(Some(Encryption { alg, enc }))
        }
    };
    match name {
        "jwks" => {
            profile.jwks = if value.is_null() {
                None
            } else {
                let text = value.to_string();
                parse_jwks(&text).map_err(|e| format!("{name}: {e}"))?;
                Some(text)
            };
        }
        "jwks_uri" => profile.jwks_uri = https_uri(name, value)?,
        "token_endpoint_auth_signing_alg" => {
            profile.token_endpoint_auth_signing_alg = signing_alg(name, value)?;
        }
        "request_object_signing_alg" => {
            profile.request_object_signing_alg = signing_alg(name, value)?;
        }
        "require_signed_request_object" => profile.require_signed_request_object = flag(value)?,
        "require_pushed_authorization_requests" => {
            profile.require_pushed_authorization_requests = flag(value)?;
        }
        "dpop_bound_access_tokens" => profile.dpop_bound_access_tokens = flag(value)?,
        "userinfo_signed_response_alg" => {
            profile.userinfo_signed_response_alg = signing_alg(name, value)?;
        }
        "id_token_encrypted_response_alg" => {
            profile.id_token_encryption = encryption(profile.id_token_encryption, value, true)?;
        }
        "id_token_encrypted_response_enc" => {
            profile.id_token_encryption = encryption(profile.id_token_encryption, value, false)?;
        }
        "userinfo_encrypted_response_alg" => {
            profile.userinfo_encryption = encryption(profile.userinfo_encryption, value, true)?;
        }
        "userinfo_encrypted_response_enc" => {
            profile.userinfo_encryption = encryption(profile.userinfo_encryption, value, false)?;
        }
        "backchannel_logout_uri" => profile.backchannel_logout_uri = https_uri(name, value)?,
        "backchannel_logout_session_required" => {
            profile.backchannel_logout_session_required = flag(value)?;
        }
        "default_acr_values" => {
            let values = if value.is_null() {
                Vec::new()
            } else {
                strings(name, value)?
            };
            for acr in &values {
                if acr != crate::domain::ACR_LOW && acr != crate::domain::ACR_SUBSTANTIAL {
                    return Err(format!(
                        "{name}: {acr:?} is not a level this provider reaches; use {} or {}",
                        crate::domain::ACR_LOW,
                        crate::domain::ACR_SUBSTANTIAL
                    ));
                }
            }
            profile.default_acr_values = values;
        }
        "sector_identifier_uri" => {
            let uri = https_uri(name, value)?;
            if uri.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                return Err(format!("{name}: must use https (OIDC Core §8.1)"));
            }
            profile.sector_identifier_uri = uri;
        }
        _ if name.starts_with("client_name#") => {
            let language = language_of(name)?;
            if value.is_null() {
                profile.localized_names.remove(&language);
            } else {
                let text = string(name, value)?.trim().to_owned();
                if text.is_empty()
                    || text.chars().count() > 100
                    || text.chars().any(char::is_control)
                {
                    return Err(format!(
                        "{name}: give the portal's name (1–100 characters, no control characters)"
                    ));
                }
                profile.localized_names.insert(language, text);
            }
        }
        _ => {
            return Err(format!(
                "{name}: not a client metadata name this provider knows"
            ));
        }
    }
    Ok(())
}

/// The language of `client_name#<BCP 47 tag>`, as the pages look it up: the tag
/// of a language they speak (`client_name#ca-ES` → `ca`, `client_name#ca-ES-valencia`
/// → `ca-valencia`), else the primary language subtag, lower case.
fn language_of(name: &str) -> Result<String, String> {
    let tag = name.split_once('#').map_or("", |(_, tag)| tag);
    let primary = tag.split('-').next().unwrap_or("");
    if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(crate::web::Lang::from_tag(tag).map_or_else(
            || primary.to_ascii_lowercase(),
            |lang| lang.code().to_owned(),
        ))
    } else {
        Err(format!(
            "{name}: after # comes a language tag (RFC 5646), such as client_name#ca or client_name#en"
        ))
    }
}

/// A profile in the names of a metadata file (what `client show --json` adds).
pub fn profile_metadata(profile: &ClientProfile) -> Value {
    let mut object = Map::new();
    if let Some(jwks) = &profile.jwks {
        object.insert(
            "jwks".into(),
            serde_json::from_str(jwks).unwrap_or(Value::Null),
        );
    }
    let text = |v: &Option<String>| v.as_ref().map(|s| json!(s));
    let alg = |v: Option<KeyAlg>| v.map(|a| json!(a.as_str()));
    let pairs: [(&str, Option<Value>); 9] = [
        ("jwks_uri", text(&profile.jwks_uri)),
        (
            "token_endpoint_auth_signing_alg",
            alg(profile.token_endpoint_auth_signing_alg),
        ),
        (
            "request_object_signing_alg",
            alg(profile.request_object_signing_alg),
        ),
        (
            "userinfo_signed_response_alg",
            alg(profile.userinfo_signed_response_alg),
        ),
        (
            "id_token_encrypted_response_alg",
            profile.id_token_encryption.map(|e| json!(e.alg.as_str())),
        ),
        (
            "id_token_encrypted_response_enc",
            profile.id_token_encryption.map(|e| json!(e.enc.as_str())),
        ),
        (
            "userinfo_encrypted_response_alg",
            profile.userinfo_encryption.map(|e| json!(e.alg.as_str())),
        ),
        (
            "userinfo_encrypted_response_enc",
            profile.userinfo_encryption.map(|e| json!(e.enc.as_str())),
        ),
        (
            "backchannel_logout_uri",
            text(&profile.backchannel_logout_uri),
        ),
    ];
    for (name, value) in pairs {
        if let Some(value) = value {
            object.insert(name.into(), value);
        }
    }
    for (name, on) in [
        (
            "require_signed_request_object",
            profile.require_signed_request_object,
        ),
        (
            "require_pushed_authorization_requests",
            profile.require_pushed_authorization_requests,
        ),
        ("dpop_bound_access_tokens", profile.dpop_bound_access_tokens),
        (
            "backchannel_logout_session_required",
            profile.backchannel_logout_session_required,
        ),
    ] {
        object.insert(name.into(), json!(on));
    }
    if !profile.default_acr_values.is_empty() {
        object.insert(
            "default_acr_values".into(),
            json!(profile.default_acr_values),
        );
    }
    if let Some(uri) = &profile.sector_identifier_uri {
        object.insert("sector_identifier_uri".into(), json!(uri));
    }
    for (language, name) in &profile.localized_names {
        object.insert(format!("client_name#{language}"), json!(name));
    }
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
        assert_eq!(metadata.auth_method, Some(AuthMethod::None));
        assert_eq!(metadata.id_token_alg.as_deref(), Some("ES256"));
        assert_eq!(metadata.social_security, Some(true));
    }

    #[test]
    fn names_in_other_languages_are_kept_by_language_and_shown_back() {
        let metadata = Metadata::parse(
            r#"{"client_name": "Sede", "client_name#en": " Tax office ",
                "client_name#ca-ES": "Seu electrònica",
                "client_name#ca-ES-valencia": "Seu electrònica valenciana"}"#,
        )
        .unwrap();
        let mut profile = ClientProfile::default();
        for (name, value) in &metadata.profile {
            set_profile(&mut profile, name, value).unwrap();
        }
        assert_eq!(profile.localized_names["en"], "Tax office");
        assert_eq!(profile.localized_names["ca"], "Seu electrònica");
        assert_eq!(
            profile.localized_names["ca-valencia"],
            "Seu electrònica valenciana"
        );
        let shown = profile_metadata(&profile);
        assert_eq!(shown["client_name#en"], "Tax office");
        assert_eq!(shown["client_name#ca"], "Seu electrònica");
        assert_eq!(
            shown["client_name#ca-valencia"],
            "Seu electrònica valenciana"
        );
        // `null` in an update removes one.
        set_profile(&mut profile, "client_name#en", &Value::Null).unwrap();
        assert!(!profile.localized_names.contains_key("en"));
        for bad in [
            r#"{"client_name#": "X"}"#,
            r#"{"client_name#1x": "X"}"#,
            r#"{"client_name#en": ""}"#,
            r#"{"client_name#en": 7}"#,
        ] {
            let error = Metadata::parse(bad).unwrap_err();
            assert!(error.starts_with("client_name#"), "{bad}: {error}");
        }
    }

    #[test]
    fn every_refusal_names_its_field() {
        for (file, field) in [
            (
                r#"{"redirect_uris": "https://a.example/cb"}"#,
                "redirect_uris",
            ),
            (
                r#"{"token_endpoint_auth_method": "client_secret_jwt"}"#,
                "token_endpoint_auth_method",
            ),
            (r#"{"jwks": {"keys": [{"kty": "RSA"}]}}"#, "jwks"),
            (r#"{"jwks_uri": "http://a.example/jwks"}"#, "jwks_uri"),
            (
                r#"{"userinfo_encrypted_response_enc": "A256GCM"}"#,
                "userinfo_encrypted_response_enc",
            ),
            (
                r#"{"id_token_encrypted_response_alg": "RSA1_5"}"#,
                "id_token_encrypted_response_alg",
            ),
            (
                r#"{"request_uris": ["https://a.example/r"]}"#,
                "request_uris",
            ),
            (
                r#"{"default_acr_values": ["loa-high"]}"#,
                "default_acr_values",
            ),
            (
                r#"{"id_token_signed_response_alg": "none"}"#,
                "id_token_signed_response_alg",
            ),
            (r#"{"grant_types": ["implicit"]}"#, "grant_types"),
            (r#"{"subject_type": "public"}"#, "subject_type"),
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
