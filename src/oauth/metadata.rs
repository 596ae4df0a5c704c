//! The provider metadata (OpenID Connect Discovery 1.0 §3).
//!
//! The metadata are built once at start-up with the `openidconnect` crate's
//! provider types, so names and shapes are those certified clients parse, and are
//! served from memory. They state only what is implemented.

use openidconnect::core::{
    CoreClaimName, CoreClientAuthMethod, CoreGrantType, CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm, CoreJwsSigningAlgorithm, CoreResponseMode, CoreResponseType,
    CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, AuthUrl, AuthenticationContextClass, IssuerUrl, JsonWebKeySetUrl,
    LanguageTag, ProviderMetadata, ResponseTypes, Scope, ServiceDocUrl, TokenUrl, UserInfoUrl,
};
use serde::{Deserialize, Serialize};

use crate::crypto::KeyAlg;
use crate::domain::{ACR_LOW, ACR_SUBSTANTIAL};
use crate::oauth::claims::CITIZEN_CLAIMS;
use crate::routes;

/// The algorithms of DPoP proofs accepted (RFC 9449 §5.1), strongest first.
pub const DPOP_ALGS: [KeyAlg; 3] = [KeyAlg::Es256, KeyAlg::Ps256, KeyAlg::Rs256];

/// The `openidconnect` name of a signing algorithm.
fn jws(alg: KeyAlg) -> CoreJwsSigningAlgorithm {
    match alg {
        KeyAlg::Rs256 => CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        KeyAlg::Es256 => CoreJwsSigningAlgorithm::EcdsaP256Sha256,
        KeyAlg::Ps256 => CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    }
}

/// Metadata beyond OIDC Discovery's core set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExtraMetadata {
    /// RP-Initiated Logout 1.0 §2.1.
    pub end_session_endpoint: String,
    /// Where the citizen manages their account ("Mi Cl@ve"), so portals can
    /// link to it (the name matrix-authentication-service and MSC2965 use).
    pub account_management_uri: String,
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
    /// RFC 9126 §5.
    pub pushed_authorization_request_endpoint: String,
    /// RFC 9126 §5: every client must push (`CLAVE_REQUIRE_PAR`).
    pub require_pushed_authorization_requests: bool,
    /// RFC 9449 §5.1.
    pub dpop_signing_alg_values_supported: Vec<String>,
    /// Back-Channel Logout 1.0 §2.1.
    pub backchannel_logout_supported: bool,
    /// Back-Channel Logout 1.0 §2.1: logout tokens carry `sid`.
    pub backchannel_logout_session_supported: bool,
    /// RFC 8414 §2 for the introspection endpoint.
    pub introspection_endpoint_auth_signing_alg_values_supported: Vec<String>,
    /// RFC 8414 §2 for the revocation endpoint.
    pub revocation_endpoint_auth_signing_alg_values_supported: Vec<String>,
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

/// The discovery document for `issuer`, as JSON text; `require_par` says
/// every client must push its requests.
pub fn document(issuer: &str, require_par: bool) -> anyhow::Result<String> {
    let url = |path: &str| format!("{issuer}{path}");
    let auth_methods = vec![
        CoreClientAuthMethod::ClientSecretBasic,
        CoreClientAuthMethod::ClientSecretPost,
        CoreClientAuthMethod::PrivateKeyJwt,
        CoreClientAuthMethod::None,
    ];
    let names =
        |algs: &[KeyAlg]| -> Vec<String> { algs.iter().map(|a| a.as_str().to_owned()).collect() };
    let jws_algs: Vec<CoreJwsSigningAlgorithm> = KeyAlg::ALL.iter().map(|a| jws(*a)).collect();
    let extra = ExtraMetadata {
        end_session_endpoint: url(routes::LOGOUT),
        account_management_uri: url(routes::ACCOUNT),
        revocation_endpoint: url(routes::REVOKE),
        revocation_endpoint_auth_methods_supported: vec![
            "client_secret_basic".into(),
            "client_secret_post".into(),
            "private_key_jwt".into(),
            "none".into(),
        ],
        introspection_endpoint: url(routes::INTROSPECT),
        introspection_endpoint_auth_methods_supported: vec![
            "client_secret_basic".into(),
            "client_secret_post".into(),
            "private_key_jwt".into(),
        ],
        code_challenge_methods_supported: vec!["S256".into()],
        authorization_response_iss_parameter_supported: true,
        prompt_values_supported: vec!["none".into(), "login".into()],
        pushed_authorization_request_endpoint: url(routes::PAR),
        require_pushed_authorization_requests: require_par,
        dpop_signing_alg_values_supported: names(&DPOP_ALGS),
        backchannel_logout_supported: true,
        backchannel_logout_session_supported: true,
        introspection_endpoint_auth_signing_alg_values_supported: names(&KeyAlg::ALL),
        revocation_endpoint_auth_signing_alg_values_supported: names(&KeyAlg::ALL),
    };
    let jwe_algs = vec![
        CoreJweKeyManagementAlgorithm::RsaOaepSha256,
        CoreJweKeyManagementAlgorithm::EcdhEs,
    ];
    let jwe_encs = vec![
        CoreJweContentEncryptionAlgorithm::Aes256Gcm,
        CoreJweContentEncryptionAlgorithm::Aes128CbcHmacSha256,
    ];
    let metadata: Metadata = ProviderMetadata::new(
        IssuerUrl::new(issuer.to_owned())?,
        AuthUrl::new(url("/authorize"))?,
        JsonWebKeySetUrl::new(url("/jwks"))?,
        vec![ResponseTypes::new(vec![CoreResponseType::Code])],
        vec![CoreSubjectIdentifierType::Pairwise],
        jws_algs.clone(),
        extra,
    )
    .set_token_endpoint(Some(TokenUrl::new(url(routes::TOKEN))?))
    .set_userinfo_endpoint(Some(UserInfoUrl::new(url(routes::USERINFO))?))
    .set_id_token_encryption_alg_values_supported(Some(jwe_algs.clone()))
    .set_id_token_encryption_enc_values_supported(Some(jwe_encs.clone()))
    .set_userinfo_signing_alg_values_supported(Some(jws_algs.clone()))
    .set_userinfo_encryption_alg_values_supported(Some(jwe_algs))
    .set_userinfo_encryption_enc_values_supported(Some(jwe_encs))
    .set_request_object_signing_alg_values_supported(Some(jws_algs.clone()))
    .set_token_endpoint_auth_signing_alg_values_supported(Some(jws_algs))
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
    .set_request_parameter_supported(Some(true))
    // Only the request_uri values of the PAR endpoint (RFC 9126 §4); the
    // provider fetches no request object from a client's server.
    .set_request_uri_parameter_supported(Some(false))
    .set_require_request_uri_registration(Some(false))
    .set_ui_locales_supported(Some(
        crate::web::Lang::ALL
            .iter()
            .map(|lang| LanguageTag::new(lang.code().into()))
            .collect(),
    ))
    .set_service_documentation(Some(ServiceDocUrl::new(url(routes::HELP))?));
    Ok(serde_json::to_string(&metadata)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_names_every_endpoint_under_the_issuer_and_only_what_is_implemented() {
        let doc: serde_json::Value =
            serde_json::from_str(&document("https://clave.example", false).unwrap()).unwrap();
        assert_eq!(doc["issuer"], "https://clave.example");
        for (member, path) in [
            ("authorization_endpoint", "/authorize"),
            ("token_endpoint", "/token"),
            ("userinfo_endpoint", "/userinfo"),
            ("jwks_uri", "/jwks"),
            ("end_session_endpoint", "/logout"),
            ("revocation_endpoint", "/revoke"),
            ("introspection_endpoint", "/introspect"),
            ("pushed_authorization_request_endpoint", "/par"),
            ("account_management_uri", "/account"),
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
            serde_json::json!(["RS256", "ES256", "PS256"])
        );
        assert_eq!(doc["request_parameter_supported"], true);
        assert_eq!(doc["require_pushed_authorization_requests"], false);
        assert_eq!(
            doc["dpop_signing_alg_values_supported"],
            serde_json::json!(["ES256", "PS256", "RS256"])
        );
        assert_eq!(doc["backchannel_logout_supported"], true);
        assert_eq!(
            doc["id_token_encryption_alg_values_supported"],
            serde_json::json!(["RSA-OAEP-256", "ECDH-ES"])
        );
        assert!(
            doc["token_endpoint_auth_methods_supported"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!("private_key_jwt"))
        );
        assert_eq!(doc["authorization_response_iss_parameter_supported"], true);
    }
}
