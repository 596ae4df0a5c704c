//! The demo portal as an OpenID Connect relying party, written only with the
//! `openidconnect` crate, the way an integrator would: discovery from the issuer,
//! authorization code flow with PKCE S256, `state` and `nonce`, `client_secret_basic`
//! at the token endpoint, ID token verification (signature through the JWKS, `iss`,
//! `aud`, `exp`, `nonce`, `at_hash`), userinfo bound to the ID token's `sub`, and
//! RP-initiated logout. With the government profile switched on the portal is
//! the client `demo-portal-gov` instead, and pushes its request, authenticates
//! with a signed assertion and binds its tokens with DPoP (`government.rs`).
//!
//! **Discovery cache.** Metadata and JWKS are fetched over HTTP from the provider's
//! own issuer URL and kept for [`DISCOVERY_TTL`]. Rotation publishes the next key in
//! the JWKS 15 minutes before it signs, so a cache younger than that always knows
//! the signing key. A failed discovery is not cached: the next click retries.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthenticationFlow, CoreClaimName, CoreClaimType, CoreClient,
    CoreClientAuthMethod, CoreGenderClaim, CoreGrantType, CoreIdToken, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreJwsSigningAlgorithm,
    CoreResponseMode, CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AccessToken, AccessTokenHash, AdditionalClaims, AdditionalProviderMetadata,
    AuthenticationContextClass, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenVerifier, IssuerUrl, LanguageTag,
    LogoutProviderMetadata, LogoutRequest, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, PostLogoutRedirectUrl, ProviderMetadata, RedirectUrl, Scope, TokenResponse,
    UserInfoClaims,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::OnceCell;

use super::failure::{Failure, error_chain};
use super::government::{self, ClientKey, DpopKey, JWT_BEARER, asked_nonce};
use super::records::{DemoSession, PendingLogin};
use super::{CLIENT_ID, SECRET_NAME, callback_url, home_url};
use crate::crypto::random_token;
use crate::domain::ACR_SUBSTANTIAL;
use crate::state::AppState;

/// How long discovered metadata and keys are reused.
const DISCOVERY_TTL: Duration = Duration::from_secs(5 * 60);
/// Timeout of each call the portal makes to the provider.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

/// What discovery says beyond the crate's types: the PAR endpoint (RFC 9126 §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct GovernmentMetadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pushed_authorization_request_endpoint: Option<String>,
}

impl AdditionalProviderMetadata for GovernmentMetadata {}

type Metadata = ProviderMetadata<
    LogoutProviderMetadata<GovernmentMetadata>,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;
type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The citizen claims beyond the standard ones (README, "OpenID Connect for integrators").
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CitizenClaims {
    #[serde(skip_serializing_if = "Option::is_none")]
    nif: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_surname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    second_surname: Option<String>,
}

impl AdditionalClaims for CitizenClaims {}

/// A started login: where to send the browser and what to keep.
pub struct Started {
    /// The authorization URL.
    pub url: String,
    /// What the callback checks.
    pub pending: PendingLogin,
}

/// The relying party with its discovery cache; one per router.
#[derive(Default)]
pub struct DemoRp {
    http: OnceCell<reqwest::Client>,
    secret: OnceCell<String>,
    key: OnceCell<ClientKey>,
    cached: Mutex<Option<(Instant, Arc<Metadata>)>>,
}

impl std::fmt::Debug for DemoRp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the client secret.
        f.debug_struct("DemoRp").finish_non_exhaustive()
    }
}

impl DemoRp {
    /// A relying party that has discovered nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The authorization request (OIDC Core §3.1.2.1) for `scopes` and `acr`,
    /// pushed first when `government` (RFC 9126).
    pub async fn start(
        &self,
        state: &AppState,
        scopes: &[&str],
        acr: &str,
        lang: &str,
        government: bool,
    ) -> Result<Started, Failure> {
        if government {
            return self.start_government(state, scopes, acr, lang).await;
        }
        let client = self.client(state).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge)
            .add_auth_context_value(AuthenticationContextClass::new(acr.to_owned()))
            .add_ui_locale(LanguageTag::new(lang.to_owned()));
        for scope in scopes {
            request = request.add_scope(Scope::new((*scope).to_owned()));
        }
        let (url, csrf, nonce) = request.url();
        let pending = PendingLogin {
            state: csrf.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            acr: acr.to_owned(),
            government: false,
        };
        Ok(Started {
            url: url.to_string(),
            pending,
        })
    }

    /// Redeems `code` and verifies everything received (OIDC Core §3.1.3.5–3.1.3.7,
    /// §5.3.4).
    pub async fn finish(
        &self,
        state: &AppState,
        code: String,
        pending: &PendingLogin,
    ) -> Result<DemoSession, Failure> {
        if pending.government {
            return self.finish_government(state, code, pending).await;
        }
        let client = self.client(state).await?;
        let http = self.http().await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| Failure::provider("demo-error-token", &e))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(http)
            .await
            .map_err(|e| Failure::provider("demo-error-token", &e))?;
        let invalid = |e: &dyn std::error::Error| Failure::provider("demo-error-id-token", e);
        let id_token = tokens.id_token().ok_or_else(|| {
            Failure::new("demo-error-id-token", StatusCode::BAD_GATEWAY)
                .detail("the token response has no id_token")
        })?;
        let verifier = client.id_token_verifier();
        let claims = verified(id_token, &verifier, tokens.access_token(), pending)?;
        let userinfo: UserInfoClaims<CitizenClaims, CoreGenderClaim> = client
            .user_info(
                tokens.access_token().clone(),
                Some(claims.subject().clone()),
            )
            .map_err(|e| Failure::provider("demo-error-userinfo", &e))?
            .request_async(http)
            .await
            .map_err(|e| Failure::provider("demo-error-userinfo", &e))?;
        let id_token_text = id_token.to_string();
        Ok(DemoSession {
            id_token_claims: payload(&id_token_text).map_err(|e| invalid(e.as_ref()))?,
            userinfo: serde_json::to_value(&userinfo)
                .map_err(|e| Failure::provider("demo-error-userinfo", &e))?,
            id_token: id_token_text,
            token_type: None,
        })
    }

    /// The government profile's authorization request: pushed to `/par` with a
    /// client assertion, the browser carrying only `client_id` and `request_uri`.
    async fn start_government(
        &self,
        state: &AppState,
        scopes: &[&str],
        acr: &str,
        lang: &str,
    ) -> Result<Started, Failure> {
        let metadata = self.metadata(state).await?;
        let par = metadata
            .additional_metadata()
            .additional_metadata
            .pushed_authorization_request_endpoint
            .clone()
            .ok_or_else(|| {
                Failure::new("demo-error-par", StatusCode::BAD_GATEWAY)
                    .detail("discovery names no pushed_authorization_request_endpoint")
            })?;
        let key = self.client_key(state).await?;
        let http = self.http().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let csrf = random_token(32);
        let nonce = random_token(32);
        let scope = std::iter::once("openid")
            .chain(scopes.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        let redirect = callback_url(&state.settings.issuer);
        let assertion = key
            .assertion(&state.settings.issuer, state.now())
            .map_err(|e| Failure::new("demo-error-par", StatusCode::BAD_GATEWAY).detail(e))?;
        let form = [
            ("response_type", "code"),
            ("client_id", government::CLIENT_ID),
            ("redirect_uri", redirect.as_str()),
            ("scope", scope.as_str()),
            ("state", csrf.as_str()),
            ("nonce", nonce.as_str()),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
            ("acr_values", acr),
            ("ui_locales", lang),
            ("client_assertion_type", JWT_BEARER),
            ("client_assertion", assertion.as_str()),
        ];
        let response = http.post(&par).form(&form).send().await;
        let pushed = answer(response, "demo-error-par").await?;
        let request_uri = pushed
            .get("request_uri")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                Failure::new("demo-error-par", StatusCode::BAD_GATEWAY)
                    .detail("the PAR answer has no request_uri")
            })?;
        let mut url = metadata.authorization_endpoint().url().clone();
        url.query_pairs_mut()
            .append_pair("client_id", government::CLIENT_ID)
            .append_pair("request_uri", request_uri);
        Ok(Started {
            url: url.to_string(),
            pending: PendingLogin {
                state: csrf,
                nonce,
                pkce_verifier: verifier.secret().clone(),
                acr: acr.to_owned(),
                government: true,
            },
        })
    }

    /// The government profile's code exchange and userinfo call: a client
    /// assertion and a DPoP proof at `/token`, the DPoP-bound access token and a
    /// proof with `ath` at `/userinfo`; a nonce asked for is sent on one retry.
    async fn finish_government(
        &self,
        state: &AppState,
        code: String,
        pending: &PendingLogin,
    ) -> Result<DemoSession, Failure> {
        let metadata = self.metadata(state).await?;
        let key = self.client_key(state).await?;
        let http = self.http().await?;
        let issuer = &state.settings.issuer;
        let refused = |key: &'static str| {
            move |e: String| Failure::new(key, StatusCode::BAD_GATEWAY).detail(e)
        };
        let token_url = metadata
            .token_endpoint()
            .map(|u| u.url().to_string())
            .ok_or_else(|| {
                refused("demo-error-token")("discovery names no token_endpoint".into())
            })?;
        let dpop = DpopKey::new().map_err(refused("demo-error-token"))?;
        let redirect = callback_url(issuer);
        let mut nonce: Option<String> = None;
        let response = loop {
            let assertion = key
                .assertion(issuer, state.now())
                .map_err(refused("demo-error-token"))?;
            let proof = dpop
                .proof("POST", &token_url, state.now(), None, nonce.as_deref())
                .map_err(refused("demo-error-token"))?;
            let form = [
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("redirect_uri", redirect.as_str()),
                ("code_verifier", pending.pkce_verifier.as_str()),
                ("client_id", government::CLIENT_ID),
                ("client_assertion_type", JWT_BEARER),
                ("client_assertion", assertion.as_str()),
            ];
            let sent = http
                .post(&token_url)
                .header("DPoP", proof)
                .form(&form)
                .send()
                .await;
            match &sent {
                Ok(response) if nonce.is_none() => match asked_nonce(response) {
                    Some(asked) => nonce = Some(asked),
                    None => break sent,
                },
                _ => break sent,
            }
        };
        let tokens = answer(response, "demo-error-token").await?;
        let text = |name: &str| tokens.get(name).and_then(Value::as_str).map(str::to_owned);
        // RFC 9449 §5: a DPoP-bound token says so; a bearer one here is a downgrade.
        if text("token_type").as_deref() != Some("DPoP") {
            return Err(refused("demo-error-token")(format!(
                "token_type {:?}, expected DPoP",
                text("token_type")
            )));
        }
        let access_token = text("access_token")
            .ok_or_else(|| refused("demo-error-token")("no access_token".into()))?;
        let id_token_text =
            text("id_token").ok_or_else(|| refused("demo-error-id-token")("no id_token".into()))?;
        let id_token: CoreIdToken = id_token_text
            .parse()
            .map_err(|e: serde_json::Error| refused("demo-error-id-token")(e.to_string()))?;
        let client = CoreClient::from_provider_metadata(
            (*metadata).clone(),
            ClientId::new(government::CLIENT_ID.to_owned()),
            None,
        );
        let verifier = client
            .id_token_verifier()
            .set_allowed_algs(vec![CoreJwsSigningAlgorithm::EcdsaP256Sha256]);
        let access = AccessToken::new(access_token.clone());
        let claims = verified(&id_token, &verifier, &access, pending)?;

        let userinfo_url = metadata
            .userinfo_endpoint()
            .map(|u| u.url().to_string())
            .ok_or_else(|| {
                refused("demo-error-userinfo")("discovery names no userinfo_endpoint".into())
            })?;
        let mut retried = false;
        let response = loop {
            let proof = dpop
                .proof(
                    "GET",
                    &userinfo_url,
                    state.now(),
                    Some(&access_token),
                    nonce.as_deref(),
                )
                .map_err(refused("demo-error-userinfo"))?;
            let sent = http
                .get(&userinfo_url)
                .header("Authorization", format!("DPoP {access_token}"))
                .header("DPoP", proof)
                .send()
                .await;
            match &sent {
                Ok(response) if !retried => match asked_nonce(response) {
                    Some(asked) => {
                        nonce = Some(asked);
                        retried = true;
                    }
                    None => break sent,
                },
                _ => break sent,
            }
        };
        let userinfo = answer(response, "demo-error-userinfo").await?;
        // OIDC Core §5.3.2: the userinfo `sub` must be the ID token's.
        if userinfo.get("sub").and_then(Value::as_str) != Some(claims.subject().as_str()) {
            return Err(refused("demo-error-userinfo")(
                "the userinfo sub is not the ID token's".into(),
            ));
        }
        Ok(DemoSession {
            id_token_claims: payload(&id_token_text)
                .map_err(|e| refused("demo-error-id-token")(e.to_string()))?,
            userinfo,
            id_token: id_token_text,
            token_type: Some("DPoP".to_owned()),
        })
    }

    /// The government profile's signing key, made once (`government.rs`).
    async fn client_key(&self, state: &AppState) -> Result<&ClientKey, Failure> {
        self.key
            .get_or_try_init(|| async {
                let fresh = government::new_client_key().map_err(|e| {
                    Failure::new("demo-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
                        .detail(e)
                })?;
                let stored = state
                    .db
                    .secret_or_insert(government::KEY_NAME, &fresh, state.now())
                    .await
                    .map_err(|e| {
                        Failure::new("demo-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
                            .detail(error_chain(&e))
                    })?;
                ClientKey::parse(&stored).map_err(|e| {
                    Failure::new("demo-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
                        .detail(e)
                })
            })
            .await
    }

    /// The RP-initiated logout URL (RP-Initiated Logout 1.0 §2), or `None` when
    /// the provider publishes no end-session endpoint.
    pub async fn logout_url(
        &self,
        state: &AppState,
        id_token: &str,
        logout_state: String,
        lang: &str,
    ) -> Result<Option<String>, Failure> {
        let metadata = self.metadata(state).await?;
        let Some(endpoint) = metadata.additional_metadata().end_session_endpoint.clone() else {
            return Ok(None);
        };
        let mut request = LogoutRequest::from(endpoint).set_state(CsrfToken::new(logout_state));
        if let Ok(hint) = id_token.parse::<CoreIdToken>() {
            request = request.set_id_token_hint(&hint);
        }
        let home = PostLogoutRedirectUrl::new(home_url(&state.settings.issuer))
            .map_err(|e| Failure::provider("demo-error-discovery", &e))?;
        let url = request
            .set_post_logout_redirect_uri(home)
            .add_ui_locale(LanguageTag::new(lang.to_owned()))
            .http_get_url();
        Ok(Some(url.to_string()))
    }

    async fn client(&self, state: &AppState) -> Result<Client, Failure> {
        let metadata = self.metadata(state).await?;
        let secret = self
            .secret
            .get_or_try_init(|| async {
                state
                    .db
                    .secret_or_insert(SECRET_NAME, &random_token(32), state.now())
                    .await
            })
            .await
            .map_err(|e| {
                Failure::new("demo-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
                    .detail(error_chain(&e))
            })?;
        let redirect = RedirectUrl::new(callback_url(&state.settings.issuer))
            .map_err(|e| Failure::provider("demo-error-discovery", &e))?;
        Ok(CoreClient::from_provider_metadata(
            (*metadata).clone(),
            ClientId::new(CLIENT_ID.to_owned()),
            Some(ClientSecret::new(secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    async fn metadata(&self, state: &AppState) -> Result<Arc<Metadata>, Failure> {
        if let Some(fresh) = self.cached_metadata() {
            return Ok(fresh);
        }
        let failed = |e: &dyn std::error::Error| {
            Failure::provider("demo-error-discovery", e).detail(format!(
                "{} ({})",
                state.settings.issuer,
                error_chain(e)
            ))
        };
        let issuer = IssuerUrl::new(state.settings.issuer.clone()).map_err(|e| failed(&e))?;
        let metadata = Metadata::discover_async(issuer, self.http().await?)
            .await
            .map_err(|e| failed(&e))?;
        let metadata = Arc::new(metadata);
        if let Ok(mut slot) = self.cached.lock() {
            *slot = Some((Instant::now(), Arc::clone(&metadata)));
        }
        Ok(metadata)
    }

    fn cached_metadata(&self) -> Option<Arc<Metadata>> {
        let slot = self.cached.lock().ok()?;
        let (at, metadata) = slot.as_ref()?;
        (at.elapsed() < DISCOVERY_TTL).then(|| Arc::clone(metadata))
    }

    async fn http(&self) -> Result<&reqwest::Client, Failure> {
        self.http
            .get_or_try_init(|| async {
                // No redirects: a relying party must not follow them from these
                // endpoints (SSRF), and the provider never sends any there.
                reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .timeout(HTTP_TIMEOUT)
                    .build()
            })
            .await
            .map_err(|e| Failure::provider("demo-error-discovery", &e))
    }
}

type Claims = openidconnect::IdTokenClaims<openidconnect::EmptyAdditionalClaims, CoreGenderClaim>;

/// The ID token's claims once its signature, `iss`, `aud`, `exp`, `nonce` and
/// `at_hash` are checked, and the level received is the one asked for.
fn verified<'a>(
    id_token: &'a CoreIdToken,
    verifier: &IdTokenVerifier<'_, CoreJsonWebKey>,
    access_token: &AccessToken,
    pending: &PendingLogin,
) -> Result<&'a Claims, Failure> {
    let invalid = |e: &dyn std::error::Error| Failure::provider("demo-error-id-token", e);
    let claims = id_token
        .claims(verifier, &Nonce::new(pending.nonce.clone()))
        .map_err(|e| invalid(&e))?;
    if let Some(expected) = claims.access_token_hash() {
        let alg = id_token.signing_alg().map_err(|e| invalid(&e))?;
        let key = id_token.signing_key(verifier).map_err(|e| invalid(&e))?;
        let actual =
            AccessTokenHash::from_token(access_token, alg, key).map_err(|e| invalid(&e))?;
        if actual != *expected {
            return Err(Failure::new("demo-error-id-token", StatusCode::BAD_GATEWAY)
                .detail("at_hash does not match the access token"));
        }
    }
    let acr = claims.auth_context_ref().map(|a| a.as_str().to_owned());
    // OIDC Core §3.1.2.1: acr_values is a request; the portal checks what it got.
    if pending.acr == ACR_SUBSTANTIAL && acr.as_deref() != Some(ACR_SUBSTANTIAL) {
        return Err(Failure::new("demo-error-acr", StatusCode::FORBIDDEN)
            .detail(format!("asked for {}, received {acr:?}", pending.acr)));
    }
    Ok(claims)
}

/// The JSON answer of a hand-built call, or the provider's OAuth error as detail.
async fn answer(
    sent: Result<reqwest::Response, reqwest::Error>,
    key: &'static str,
) -> Result<Value, Failure> {
    let response = sent.map_err(|e| Failure::provider(key, &e))?;
    let status = response.status();
    let body: Value = response
        .json()
        .await
        .map_err(|e| Failure::provider(key, &e))?;
    if !status.is_success() {
        let field = |name: &str| body.get(name).and_then(Value::as_str).unwrap_or_default();
        return Err(Failure::new(key, StatusCode::BAD_GATEWAY).detail(format!(
            "{status}: {} {}",
            field("error"),
            field("error_description")
        )));
    }
    Ok(body)
}

/// The claims of a JWS already verified: its payload, decoded.
fn payload(jwt: &str) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    use base64::Engine as _;
    let encoded = jwt.split('.').nth(1).ok_or("the ID token is not a JWS")?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded)?;
    Ok(serde_json::from_slice(&bytes)?)
}
