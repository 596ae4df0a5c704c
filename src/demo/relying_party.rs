//! The demo portal as an OpenID Connect relying party, written only with the
//! `openidconnect` crate, the way an integrator would: discovery from the issuer,
//! authorization code flow with PKCE S256, `state` and `nonce`, `client_secret_basic`
//! at the token endpoint, ID token verification (signature through the JWKS, `iss`,
//! `aud`, `exp`, `nonce`, `at_hash`), userinfo bound to the ID token's `sub`, and
//! RP-initiated logout.
//!
//! **Discovery cache.** Metadata and JWKS are fetched over HTTP from the provider's
//! own issuer URL and kept for [`DISCOVERY_TTL`]. Rotation publishes the next key in
//! the JWKS 15 minutes before it signs, so a cache younger than that always knows
//! the signing key. A failed discovery is not cached: the next click retries.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdToken};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AuthenticationContextClass, AuthorizationCode, ClientId,
    ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, LanguageTag,
    LogoutRequest, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, Scope, TokenResponse,
    UserInfoClaims,
};
use serde::{Deserialize, Serialize};
use tokio::sync::OnceCell;

use super::failure::{Failure, error_chain};
use super::records::{DemoSession, PendingLogin};
use super::{CLIENT_ID, SECRET_NAME, callback_url, home_url};
use crate::crypto::random_token;
use crate::domain::ACR_SUBSTANTIAL;
use crate::state::AppState;

/// How long discovered metadata and keys are reused.
const DISCOVERY_TTL: Duration = Duration::from_secs(5 * 60);
/// Timeout of each call the portal makes to the provider.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

type Metadata = ProviderMetadataWithLogout;
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

    /// The authorization request (OIDC Core §3.1.2.1) for `scopes` and `acr`.
    pub async fn start(
        &self,
        state: &AppState,
        scopes: &[&str],
        acr: &str,
        lang: &str,
    ) -> Result<Started, Failure> {
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
        let claims = id_token
            .claims(&verifier, &Nonce::new(pending.nonce.clone()))
            .map_err(|e| invalid(&e))?;
        if let Some(expected) = claims.access_token_hash() {
            let alg = id_token.signing_alg().map_err(|e| invalid(&e))?;
            let key = id_token.signing_key(&verifier).map_err(|e| invalid(&e))?;
            let actual = AccessTokenHash::from_token(tokens.access_token(), alg, key)
                .map_err(|e| invalid(&e))?;
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
        })
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

/// The claims of a JWS already verified: its payload, decoded.
fn payload(jwt: &str) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    use base64::Engine as _;
    let encoded = jwt.split('.').nth(1).ok_or("the ID token is not a JWS")?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded)?;
    Ok(serde_json::from_slice(&bytes)?)
}
