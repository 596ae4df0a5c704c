//! The token issuer: everything that turns a login into what a client receives —
//! the authorization code and its redirect (OIDC Core §3.1.2.5, §3.1.2.6, with
//! `iss`, RFC 9207), the opaque access token, the signed ID token, the refresh
//! token, and the client's pairwise `sub` (OIDC Core §8.1).
//!
//! Built once at start-up over the ephemeral store, the key ring, the clock and
//! the provider's issuer and pairwise salt; the endpoints and the login's last
//! step reach it as `state.tokens`, and its tests need no HTTP.

use std::sync::{Arc, RwLock};

use serde_json::{Map, Value};

use super::claims::{self, citizen_claim};
use super::client_keys::ClientKeys;
use super::error::OAuthError;
use super::grants::{
    ACCESS_TOKENS, AccessGrant, Authorization, CODES, CodeGrant, CodeState, ENDED_SESSIONS,
    ID_TOKEN_TTL_SECS, REFRESH_TOKEN_TTL_SECS,
};
use super::request::AuthRequest;
use super::tokens::{AccessToken, IdTokenClaims, Minted, half_hash};
use crate::clock::SharedClock;
use crate::crypto::{KeyRing, hash_token, random_token};
use crate::store::ephemeral::keys::{ACCESS_TOKEN_SECS, CODE_SECS};
use crate::store::ephemeral::{EphemeralError, EphemeralStore};
use crate::store::sql::{CitizenRecord, ClientRecord, RefreshRecord};
use crate::web::redirect::with_query;

/// Issues codes and tokens.
#[derive(Clone)]
pub struct TokenIssuer {
    issuer: Arc<str>,
    pairwise_salt: Arc<[u8]>,
    keys: Arc<RwLock<Arc<KeyRing>>>,
    store: Arc<dyn EphemeralStore>,
    clock: SharedClock,
    client_keys: ClientKeys,
}

impl TokenIssuer {
    /// The issuer of `provider`, signing with the ring behind `keys` (replaced in
    /// place when keys rotate) and keeping codes and access tokens in `store`.
    pub fn new(
        provider: &super::Provider,
        keys: Arc<RwLock<Arc<KeyRing>>>,
        store: Arc<dyn EphemeralStore>,
        clock: SharedClock,
    ) -> Self {
        Self {
            issuer: provider.issuer.as_str().into(),
            pairwise_salt: provider.pairwise_salt.as_slice().into(),
            keys,
            store,
            clock,
            client_keys: ClientKeys::new(),
        }
    }

    /// The issuer encrypting to clients' keys from `keys` (the cache the
    /// endpoints share).
    pub fn with_client_keys(mut self, keys: ClientKeys) -> Self {
        self.client_keys = keys;
        self
    }

    /// The issuer URL.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The current key ring.
    pub fn key_ring(&self) -> Arc<KeyRing> {
        match self.keys.read() {
            Ok(ring) => Arc::clone(&ring),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// The client's pairwise `sub` for a citizen.
    pub fn subject(&self, client: &ClientRecord, citizen_id: &str) -> String {
        claims::pairwise_sub(&self.pairwise_salt, &client.sector, citizen_id)
    }

    /// Stores `access_token` for `authz` and signs an ID token.
    pub async fn mint(
        &self,
        client: &ClientRecord,
        authz: &Authorization,
        citizen: &CitizenRecord,
        nonce: Option<&str>,
        access_token: AccessToken,
    ) -> Result<Minted, OAuthError> {
        let now = self.clock.now();
        // A session ended since the code or the refresh token was issued grants
        // nothing more (its refresh tokens were revoked when it ended; this
        // covers a code still in flight).
        if !authz.sid.is_empty()
            && ENDED_SESSIONS
                .get(self.store.as_ref(), &authz.sid)
                .await?
                .is_some()
        {
            return Err(OAuthError::invalid_grant("the citizen's session has ended"));
        }
        let sub = self.subject(client, citizen.id.as_str());
        let AccessToken {
            token: access_token,
            hash: access_token_hash,
            jkt,
        } = access_token;
        let mut userinfo = claims::release(authz.scope, &authz.claims.userinfo, citizen);
        userinfo.insert("sub".to_owned(), Value::String(sub.clone()));
        let grant = AccessGrant {
            client_id: client.client_id.clone(),
            sub: sub.clone(),
            scope: authz.scope,
            userinfo,
            jkt: jkt.clone(),
            jwt_userinfo: client.profile.userinfo_signed_response_alg.is_some()
                || client.profile.userinfo_encryption.is_some(),
            sid: (!authz.sid.is_empty()).then(|| authz.sid.clone()),
            issued_at: now,
            expires_at: now + ACCESS_TOKEN_SECS,
        };
        ACCESS_TOKENS
            .put(self.store.as_ref(), &access_token_hash, &grant)
            .await?;

        let requested: Map<String, Value> = authz
            .claims
            .id_token
            .iter()
            .filter_map(|name| citizen_claim(name, citizen).map(|value| (name.clone(), value)))
            .collect();
        let id = IdTokenClaims {
            iss: &self.issuer,
            sub: &sub,
            aud: &client.client_id,
            azp: &client.client_id,
            exp: now + ID_TOKEN_TTL_SECS,
            iat: now,
            auth_time: authz.auth_time,
            nonce,
            acr: authz.acr,
            amr: &authz.amr,
            sid: &authz.sid,
            at_hash: half_hash(&access_token),
            requested,
        };
        let mut id_token = self
            .key_ring()
            .sign_jwt(client.id_token_alg, &id)
            .map_err(|e| OAuthError::server_error(&e))?;
        if let Some(encryption) = client.profile.id_token_encryption {
            // OIDC Core §10.2: signed, then encrypted (a nested JWT).
            id_token = self
                .encrypt_to(client, id_token.as_bytes(), encryption)
                .await?;
        }
        Ok(Minted {
            access_token,
            access_token_hash,
            id_token,
            jkt,
        })
    }

    /// `payload` encrypted to the client's key (a nested signed JWT).
    pub async fn encrypt_to(
        &self,
        client: &ClientRecord,
        payload: &[u8],
        encryption: crate::domain::Encryption,
    ) -> Result<String, OAuthError> {
        self.client_keys
            .encrypt(client, payload, encryption, true)
            .await
            .map_err(|problem| {
                tracing::warn!(client_id = %client.client_id, %problem, "cannot encrypt to a client");
                OAuthError::new(
                    super::error::ErrorCode::TemporarilyUnavailable,
                    format!("the response cannot be encrypted to the client: {problem}"),
                )
            })
    }

    /// A new refresh token record (not yet stored) and the token itself.
    pub fn new_refresh(
        &self,
        authz: &Authorization,
        family: Option<String>,
    ) -> Result<(String, RefreshRecord), OAuthError> {
        let now = self.clock.now();
        let token = random_token(32);
        let grant_data = serde_json::to_string(authz).map_err(|e| OAuthError::server_error(&e))?;
        let record = RefreshRecord {
            token_hash: hash_token(&token),
            family_id: family.unwrap_or_else(|| random_token(16)),
            client_id: authz.client_id.clone(),
            citizen_id: authz.citizen_id.clone(),
            grant_data,
            issued_at: now,
            expires_at: now + REFRESH_TOKEN_TTL_SECS,
        };
        Ok((token, record))
    }

    /// Stores a code for what the login authorized (`authz`) and returns the
    /// redirect URI carrying it.
    pub async fn issue_code(
        &self,
        request: &AuthRequest,
        authz: Authorization,
    ) -> Result<String, EphemeralError> {
        let code = random_token(32);
        let grant = CodeGrant {
            authz,
            redirect_uri: request.redirect_uri.clone(),
            nonce: request.nonce.clone(),
            code_challenge: request.code_challenge.clone(),
            dpop_jkt: request.dpop_jkt.clone(),
            expires_at: self.clock.now() + CODE_SECS,
        };
        let held = CodeState::Issued(Box::new(grant));
        CODES
            .put(self.store.as_ref(), &hash_token(&code), &held)
            .await?;
        let mut pairs = vec![("code", code.as_str())];
        if let Some(client_state) = &request.state {
            pairs.push(("state", client_state));
        }
        pairs.push(("iss", &self.issuer));
        Ok(with_query(&request.redirect_uri, &pairs))
    }

    /// The redirect URI carrying an error (OIDC Core §3.1.2.6, RFC 9207).
    pub fn error_location(
        &self,
        redirect_uri: &str,
        client_state: Option<&str>,
        error: &OAuthError,
    ) -> String {
        let mut pairs = vec![
            ("error", error.code.as_str()),
            ("error_description", error.description.as_ref()),
        ];
        if let Some(client_state) = client_state {
            pairs.push(("state", client_state));
        }
        pairs.push(("iss", &self.issuer));
        with_query(redirect_uri, &pairs)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::clock::ManualClock;
    use crate::crypto::{KeyAlg, StoredKey, generate_key};
    use crate::domain::{Amr, Assurance, ClientKind, RegisteredUri, Scopes};
    use crate::oauth::claims::ClaimsRequest;
    use crate::store::ephemeral::memory::MemoryStore;

    const NOW: i64 = 1_790_000_000;

    fn issuer() -> (TokenIssuer, Arc<MemoryStore>) {
        let ring = KeyRing::load(
            vec![StoredKey {
                material: generate_key(KeyAlg::Es256, "ec-1".into()).unwrap(),
                activates_at: 0,
                retires_at: None,
            }],
            NOW,
        )
        .unwrap();
        let provider = crate::oauth::Provider {
            issuer: "https://clave.example".into(),
            discovery: String::new(),
            pairwise_salt: b"salt".to_vec(),
        };
        let store = Arc::new(MemoryStore::new());
        let tokens = TokenIssuer::new(
            &provider,
            Arc::new(RwLock::new(Arc::new(ring))),
            store.clone(),
            Arc::new(ManualClock::new(NOW)),
        );
        (tokens, store)
    }

    fn sede() -> ClientRecord {
        ClientRecord {
            client_id: "sede".into(),
            name: "Sede".into(),
            kind: ClientKind::Public,
            redirect_uris: vec![RegisteredUri::parse("https://sede.example/cb?x=1").unwrap()],
            post_logout_redirect_uris: Vec::new(),
            sector: "sede.example".into(),
            social_security: false,
            require_pkce: true,
            id_token_alg: KeyAlg::Es256,
            created_at: 0,
            profile: Default::default(),
        }
    }

    fn substantial_login() -> Authorization {
        Authorization {
            client_id: "sede".into(),
            citizen_id: "12345678Z".into(),
            scope: Scopes::parse_known("openid email"),
            claims: ClaimsRequest {
                id_token: BTreeSet::from(["nif".to_owned()]),
                ..ClaimsRequest::default()
            },
            auth_time: NOW - 5,
            acr: Assurance::Substantial,
            amr: Assurance::Substantial.methods().to_vec(),
            sid: "sid-1".into(),
            dpop_jkt: None,
        }
    }

    #[tokio::test]
    async fn a_minted_id_token_verifies_and_says_who_how_and_for_whom() {
        let (tokens, store) = issuer();
        let minted = tokens
            .mint(
                &sede(),
                &substantial_login(),
                &CitizenRecord::sample(),
                Some("n-1"),
                AccessToken::draw(),
            )
            .await
            .unwrap();

        let claims = tokens.key_ring().verify_jwt(&minted.id_token).unwrap();
        assert_eq!(claims["iss"], "https://clave.example");
        assert_eq!(claims["aud"], "sede");
        assert_eq!(claims["acr"], Assurance::Substantial.acr());
        assert_eq!(claims["amr"], serde_json::json!(["pwd", "sms"]));
        assert_eq!(claims["nonce"], "n-1");
        assert_eq!(
            claims["nif"], "12345678Z",
            "a claim asked for in the ID token"
        );
        assert_eq!(claims["at_hash"], half_hash(&minted.access_token));
        assert_eq!(claims["exp"], NOW + ID_TOKEN_TTL_SECS);
        let sub = tokens.subject(&sede(), "12345678Z");
        assert_eq!(claims["sub"], sub.as_str());
        assert_ne!(
            sub, "12345678Z",
            "the subject is pairwise, never the DNI/NIE"
        );

        let grant = ACCESS_TOKENS
            .get(store.as_ref(), &minted.access_token_hash)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(grant.userinfo["email"], "maria@example.es");
        assert!(
            !grant.userinfo.contains_key("nif"),
            "nif was asked for the ID token only"
        );
        assert_eq!(grant.expires_at, NOW + ACCESS_TOKEN_SECS);
        assert_eq!(substantial_login().amr, [Amr::Pwd, Amr::Sms]);
    }

    #[tokio::test]
    async fn a_code_is_stored_under_its_hash_and_sent_with_state_and_iss() {
        let (tokens, store) = issuer();
        let request = AuthRequest {
            client_id: "sede".into(),
            redirect_uri: "https://sede.example/cb?x=1".into(),
            scope: Scopes::parse_known("openid"),
            state: Some("st&te".into()),
            nonce: None,
            code_challenge: None,
            prompt_none: false,
            prompt_login: false,
            max_age: None,
            assurance: Assurance::Low,
            claims: ClaimsRequest::default(),
            login_hint: None,
            ui_locales: None,
            id_token_hint: None,
            dpop_jkt: None,
        };
        let authz = Authorization {
            client_id: "sede".into(),
            citizen_id: "12345678Z".into(),
            scope: request.scope,
            claims: ClaimsRequest::default(),
            auth_time: NOW,
            acr: Assurance::Low,
            amr: vec![Amr::Pwd],
            sid: "sid-1".into(),
            dpop_jkt: None,
        };
        let location = tokens.issue_code(&request, authz).await.unwrap();
        let url = url::Url::parse(&location).unwrap();
        let pairs: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(pairs["x"], "1", "the registered query is kept");
        assert_eq!(pairs["state"], "st&te");
        assert_eq!(pairs["iss"], "https://clave.example");
        let held = CODES
            .get(store.as_ref(), &hash_token(&pairs["code"]))
            .await
            .unwrap();
        match held {
            Some(CodeState::Issued(grant)) => {
                assert_eq!(grant.authz.citizen_id, "12345678Z");
                assert_eq!(grant.expires_at, NOW + CODE_SECS);
            }
            other => panic!("the code's grant is stored: {other:?}"),
        }
        assert!(
            CODES
                .get(store.as_ref(), &pairs["code"])
                .await
                .unwrap()
                .is_none(),
            "never under the code itself"
        );
    }
}
