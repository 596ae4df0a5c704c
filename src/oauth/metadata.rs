//! The provider metadata (OpenID Connect Discovery 1.0 §3).
//!
//! The metadata are built once at start-up with the `openidconnect` crate's
//! provider types, so names and shapes are those certified clients parse, and are
//! served from memory. They state only what is implemented.

use openidconnect::core::{
    CoreClaimName, CoreClientAuthMethod, CoreGrantType, CoreJwsSigningAlgorithm, CoreResponseMode,
    CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, AuthUrl, AuthenticationContextClass, IssuerUrl, JsonWebKeySetUrl,
    LanguageTag, ProviderMetadata, ResponseTypes, Scope, ServiceDocUrl, TokenUrl, UserInfoUrl,
};
use serde::{Deserialize, Serialize};

use crate::domain::{ACR_LOW, ACR_SUBSTANTIAL};
use crate::oauth::claims::CITIZEN_CLAIMS;

/// Metadata beyond OIDC Discovery's core set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExtraMetadata {
    /// RP-Initiated Logout 1.0 §2.1.
    pub end_session_endpoint: String,
    /// RFC 7009 / RFC 8414.
    pub revocation_endpoint: String,
    /// RFC 8414.
    pub revocation_endpoint_auth_methods_supported: Vec<String>,
    /// RFC 7662 / RFC 8414.
    pub introspection_endpoint: String,
    /// RFC 8414.
    pub introspection_endpoint_auth_methods_supported: Vec<String>,
    /// RFC 7636 / RFC 8414.
    pub code_challenge_methods_supported: Vec<String>,
    /// RFC 9207 §3.
    pub authorization_response_iss_parameter_supported: bool,
    /// OpenID Connect Prompt Create 1.0 (the values accepted).
    pub prompt_values_supported: Vec<String>,
}

impl AdditionalProviderMetadata for ExtraMetadata {}

/// The provider metadata of the `openidconnect` crate with our extra members.
pub type Metadata = ProviderMetadata<
    ExtraMetadata,
    openidconnect::core::CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    openidconnect::core::CoreClaimType,
    CoreGrantType,
    openidconnect::core::CoreJweContentEncryptionAlgorithm,
    openidconnect::core::CoreJweKeyManagementAlgorithm,
    openidconnect::core::CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

/// The discovery document for `issuer`, as JSON text.
pub fn document(issuer: &str) -> anyhow::Result<String> {
    let url = |path: &str| format!("{issuer}{path}");
    let auth_methods = vec![
        CoreClientAuthMethod::ClientSecretBasic,
        CoreClientAuthMethod::ClientSecretPost,
        CoreClientAuthMethod::None,
    ];
    let extra = ExtraMetadata {
        end_session_endpoint: url("/logout"),
        revocation_endpoint: url("/revoke"),
        revocation_endpoint_auth_methods_supported: vec![
            "client_secret_basic".into(),
            "client_secret_post".into(),
            "none".into(),
        ],
        introspection_endpoint: url("/introspect"),
        introspection_endpoint_auth_methods_supported: vec![
            "client_secret_basic".into(),
            "client_secret_post".into(),
        ],
        code_challenge_methods_supported: vec!["S256".into()],
        authorization_response_iss_parameter_supported: true,
        prompt_values_supported: vec!["none".into(), "login".into()],
    };
    let metadata: Metadata = ProviderMetadata::new(
        IssuerUrl::new(issuer.to_owned())?,
        AuthUrl::new(url("/authorize"))?,
        JsonWebKeySetUrl::new(url("/jwks"))?,
        vec![ResponseTypes::new(vec![CoreResponseType::Code])],
        vec![CoreSubjectIdentifierType::Pairwise],
        vec![
            CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
            CoreJwsSigningAlgorithm::EcdsaP256Sha256,
        ],
        extra,
    )
    .set_token_endpoint(Some(TokenUrl::new(url("/token"))?))
    .set_userinfo_endpoint(Some(UserInfoUrl::new(url("/userinfo"))?))
    .set_scopes_supported(Some(
        crate::domain::Scope::ALL
            .iter()
            .map(|s| Scope::new(s.as_str().to_owned()))
            .collect(),
    ))
    .set_response_modes_supported(Some(vec![CoreResponseMode::Query]))
    .set_grant_types_supported(Some(vec![
        CoreGrantType::AuthorizationCode,
        CoreGrantType::RefreshToken,
    ]))
    .set_acr_values_supported(Some(vec![
        AuthenticationContextClass::new(ACR_LOW.to_owned()),
        AuthenticationContextClass::new(ACR_SUBSTANTIAL.to_owned()),
    ]))
    .set_token_endpoint_auth_methods_supported(Some(auth_methods))
    .set_claims_supported(Some(
        [
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "acr",
            "amr",
            "azp",
            "at_hash",
            "sid",
        ]
        .iter()
        .chain(CITIZEN_CLAIMS.iter())
        .map(|c| CoreClaimName::new((*c).to_owned()))
        .collect(),
    ))
    .set_claims_parameter_supported(Some(true))
    .set_request_parameter_supported(Some(false))
    .set_request_uri_parameter_supported(Some(false))
    .set_require_request_uri_registration(Some(false))
    .set_ui_locales_supported(Some(vec![
        LanguageTag::new("es".into()),
        LanguageTag::new("en".into()),
    ]))
    .set_service_documentation(Some(ServiceDocUrl::new(url("/help"))?));
    Ok(serde_json::to_string(&metadata)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_names_every_endpoint_under_the_issuer_and_only_what_is_implemented() {
        let doc: serde_json::Value =
            serde_json::from_str(&document("https://clave.example").unwrap()).unwrap();
        assert_eq!(doc["issuer"], "https://clave.example");
        for (member, path) in [
            ("authorization_endpoint", "/authorize"),
            ("token_endpoint", "/token"),
            ("userinfo_endpoint", "/userinfo"),
            ("jwks_uri", "/jwks"),
            ("end_session_endpoint", "/logout"),
            ("revocation_endpoint", "/revoke"),
            ("introspection_endpoint", "/introspect"),
        ] {
            assert_eq!(
                doc[member],
                format!("https://clave.example{path}"),
                "{member}"
            );
        }
        assert_eq!(doc["response_types_supported"], serde_json::json!(["code"]));
        assert_eq!(
            doc["subject_types_supported"],
            serde_json::json!(["pairwise"])
        );
        assert_eq!(
            doc["code_challenge_methods_supported"],
            serde_json::json!(["S256"])
        );
        assert_eq!(
            doc["id_token_signing_alg_values_supported"],
            serde_json::json!(["RS256", "ES256"])
        );
        assert_eq!(doc["request_parameter_supported"], false);
        assert_eq!(doc["authorization_response_iss_parameter_supported"], true);
    }
}
