//! The token endpoint (RFC 6749 §3.2, OIDC Core §3.1.3): authorization codes and
//! refresh tokens exchanged for tokens.
//!
//! Codes are single-use by construction: redemption atomically replaces the code's
//! record with a note of what it issues, so of two parallel redemptions exactly one
//! gets the grant. A code presented again finds that note and revokes what it names
//! (RFC 6749 §4.1.2). Refresh tokens rotate
//! at every use in one conditional SQL update; a replay revokes the family.

use std::net::IpAddr;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::abuse::ClientIp;
use crate::crypto::{hash_token, random_token};
use crate::domain::{Assurance, ClientKind, Scope, Scopes};
use crate::oauth::error::{ErrorCode, OAuthError, no_store};
use crate::oauth::grants::{
    ACCESS_TOKENS, Authorization, CODES, CodeGrant, CodeState, RedeemedCode,
};
use crate::oauth::params::Params;
use crate::oauth::pkce;
use crate::oauth::tokens::{self, AccessToken, TokenResponse, still_valid};
use crate::routes;
use crate::state::AppState;
use crate::store::ephemeral::EphemeralStoreExt;
use crate::store::ephemeral::keys::{USED_CODE_MEMORY_SECS, ttl_for};
use crate::store::sql::{ClientRecord, RotateOutcome};

/// `POST /token`.
pub async fn token(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match exchange(&state, ip, &headers, &body).await {
        Ok(body) => {
            let mut response = Json(body).into_response();
            no_store(&mut response);
            response
        }
        Err(error) => error.into_response(),
    }
}

/// Checks that a request body is a form (RFC 6749 §3.2).
pub(crate) fn require_form(headers: &HeaderMap) -> Result<(), OAuthError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        Ok(())
    } else {
        Err(OAuthError::invalid_request(
            "the body must be application/x-www-form-urlencoded",
        ))
    }
}

async fn exchange(
    state: &AppState,
    ip: IpAddr,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<TokenResponse, OAuthError> {
    require_form(headers)?;
    let params = Params::parse(body)?;
    let (client, _) = state
        .client_auth
        .authenticate(ip, headers, &params, routes::TOKEN)
        .await?;
    // RFC 9449 §5: a proof binds the tokens issued to its key.
    let url = format!("{}{}", state.provider.issuer, routes::TOKEN);
    let proof = state.dpop.check(headers, "POST", &url, None).await?;
    if proof.is_none() && client.profile.dpop_bound_access_tokens {
        return Err(OAuthError::new(
            ErrorCode::InvalidDpopProof,
            "this client's tokens are bound to a key: send a DPoP proof",
        ));
    }
    let jkt = proof.map(|p| p.jkt);
    match params.require("grant_type")? {
        "authorization_code" => redeem_code(state, &client, &params, jkt).await,
        "refresh_token" => refresh(state, &client, &params, jkt).await,
        other => Err(OAuthError::new(
            ErrorCode::UnsupportedGrantType,
            format!(
                "grant_type {other:?} is not supported; use authorization_code or refresh_token"
            ),
        )),
    }
}

async fn redeem_code(
    state: &AppState,
    client: &ClientRecord,
    params: &Params,
    jkt: Option<String>,
) -> Result<TokenResponse, OAuthError> {
    let code = params.require("code")?;
    // What this redemption will issue is drawn first, so that one atomic replace
    // both consumes the code and leaves in its place the note a replay revokes.
    let access_token = AccessToken::draw().bound_to(jkt.clone());
    let redeemed = RedeemedCode {
        access_token_hash: access_token.hash.clone(),
        refresh_family: Some(random_token(16)),
    };
    let note = serde_json::to_vec(&redeemed).map_err(|e| OAuthError::server_error(&e))?;
    let held = state
        .ephemeral
        .replace(
            &CODES.key(&hash_token(code)),
            &note,
            ttl_for(USED_CODE_MEMORY_SECS),
        )
        .await?;
    let grant = match held.map(|bytes| serde_json::from_slice::<CodeState>(&bytes)) {
        Some(Ok(CodeState::Issued(grant))) => grant,
        Some(Ok(CodeState::Redeemed(earlier))) => {
            revoke_what_a_replayed_code_issued(state, earlier).await?;
            return Err(OAuthError::invalid_grant(
                "the code is invalid, expired or already used",
            ));
        }
        Some(Err(error)) => return Err(OAuthError::server_error(&error)),
        None => {
            return Err(OAuthError::invalid_grant(
                "the code is invalid, expired or already used",
            ));
        }
    };
    if grant.authz.client_id != client.client_id {
        return Err(OAuthError::invalid_grant(
            "the code was issued to another client",
        ));
    }
    if state.now() > grant.expires_at {
        return Err(OAuthError::invalid_grant("the code has expired"));
    }
    // OIDC Core §3.1.3.2: redirect_uri must be identical to the authorization request's.
    if params.get("redirect_uri") != Some(grant.redirect_uri.as_str()) {
        return Err(OAuthError::invalid_grant(
            "redirect_uri does not match the authorization request",
        ));
    }
    // RFC 9449 §10: a code asked for with dpop_jkt is redeemed by that key only.
    if let Some(bound) = &grant.dpop_jkt
        && jkt.as_ref() != Some(bound)
    {
        return Err(OAuthError::invalid_grant(
            "the code is bound to another DPoP key (dpop_jkt)",
        ));
    }
    match (&grant.code_challenge, params.get("code_verifier")) {
        (Some(challenge), Some(verifier)) => {
            if !pkce::verify(verifier, challenge) {
                return Err(OAuthError::invalid_grant(
                    "code_verifier does not match the code_challenge",
                ));
            }
        }
        (Some(_), None) => return Err(OAuthError::invalid_grant("code_verifier is required")),
        // RFC 9700 §2.1.1: a verifier without a challenge may be a downgrade attempt.
        (None, Some(_)) => {
            return Err(OAuthError::invalid_grant(
                "code_verifier sent but no code_challenge was",
            ));
        }
        (None, None) => {}
    }
    match issue_for_code(state, client, &grant, access_token, redeemed.refresh_family).await {
        Err(error) if error.code == ErrorCode::TemporarilyUnavailable => {
            // A store failed before the client received anything: give the code
            // back, so the same request succeeds once the store has recovered
            // instead of the login being lost.
            let left = grant.expires_at - state.now();
            if let Err(restore) = state
                .ephemeral
                .put_json(&CODES.key(&hash_token(code)), &grant, ttl_for(left))
                .await
            {
                tracing::warn!(error = %restore, "could not restore a code after a store failure");
            }
            Err(error)
        }
        issued => issued,
    }
}

/// The tokens a valid code grants: `access_token` and, with `offline_access`, a
/// refresh token of `family`.
async fn issue_for_code(
    state: &AppState,
    client: &ClientRecord,
    grant: &CodeGrant,
    access_token: AccessToken,
    family: Option<String>,
) -> Result<TokenResponse, OAuthError> {
    let citizen = state.db.citizen(&grant.authz.citizen_id).await?;
    let Some(citizen) = citizen.filter(|c| still_valid(c, client, &grant.authz)) else {
        return Err(OAuthError::invalid_grant(
            "the citizen's session is no longer valid",
        ));
    };
    let minted = state
        .tokens
        .mint(
            client,
            &grant.authz,
            &citizen,
            grant.nonce.as_deref(),
            access_token,
        )
        .await?;
    let refresh = if grant.authz.scope.contains(Scope::OfflineAccess) {
        // RFC 9449 §5.0: a public client's refresh tokens are bound to its key.
        let bound = Authorization {
            dpop_jkt: minted
                .jkt
                .clone()
                .filter(|_| client.kind == ClientKind::Public),
            ..grant.authz.clone()
        };
        Some(state.tokens.new_refresh(&bound, family)?)
    } else {
        None
    };
    if let Some((_, record)) = &refresh {
        state.db.insert_refresh_token(record).await?;
    }
    Ok(tokens::response_body(
        minted,
        grant.authz.scope,
        refresh.map(|(token, _)| token),
    ))
}

/// RFC 6749 §4.1.2: a code presented twice revokes what its redemption issued.
async fn revoke_what_a_replayed_code_issued(
    state: &AppState,
    redeemed: RedeemedCode,
) -> Result<(), OAuthError> {
    tracing::warn!("authorization code replayed; revoking the tokens it issued");
    state
        .ephemeral
        .delete(&ACCESS_TOKENS.key(&redeemed.access_token_hash))
        .await?;
    if let Some(family) = redeemed.refresh_family {
        state.db.revoke_refresh_family(&family).await?;
    }
    Ok(())
}

fn not_the_bound_key() -> OAuthError {
    OAuthError::new(
        ErrorCode::InvalidDpopProof,
        "the refresh token is bound to another DPoP key",
    )
}

fn wider_scope() -> OAuthError {
    OAuthError::new(ErrorCode::InvalidScope, "scope exceeds the original grant")
}

async fn refresh(
    state: &AppState,
    client: &ClientRecord,
    params: &Params,
    jkt: Option<String>,
) -> Result<TokenResponse, OAuthError> {
    let presented = params.require("refresh_token")?;
    let now = state.now();
    let presented_hash = crate::crypto::hash_token(presented);
    // RFC 6749 §6: a narrower scope may be asked for, never a wider one (nor one
    // this provider does not know). Checked before the token rotates, so a refused
    // request leaves it usable; the grant a rotation copies is this one.
    let asked = match params.get("scope") {
        None => None,
        Some(asked) => {
            let known: Option<Scopes> = asked.split(' ').map(Scope::parse).collect();
            let Some(asked) = known else {
                return Err(wider_scope());
            };
            Some(asked)
        }
    };
    // What the token grants, read before it rotates when a check needs it: a
    // wider scope, or a public client's binding to its DPoP key.
    if (asked.is_some() || client.kind == ClientKind::Public)
        && let Some(live) = state.db.live_refresh_token(&presented_hash, now).await?
        && live.client_id == client.client_id
    {
        let granted: Authorization =
            serde_json::from_str(&live.grant_data).map_err(|e| OAuthError::server_error(&e))?;
        if asked.is_some_and(|asked| !granted.scope.covers(asked)) {
            return Err(wider_scope());
        }
        if granted.dpop_jkt.is_some() && granted.dpop_jkt != jkt {
            return Err(not_the_bound_key());
        }
    }
    // The next token is made before the rotation so that the rotation and its
    // replacement are one transaction; the store copies the old token's grant.
    let placeholder = Authorization {
        client_id: client.client_id.clone(),
        citizen_id: String::new(),
        scope: Scopes::default(),
        claims: Default::default(),
        auth_time: 0,
        acr: Assurance::Low,
        amr: Vec::new(),
        sid: String::new(),
        dpop_jkt: None,
    };
    let (next_token, next) = state.tokens.new_refresh(&placeholder, None)?;
    let outcome = state
        .db
        .rotate_refresh_token(&presented_hash, &client.client_id, &next, now)
        .await?;
    let rotated = match outcome {
        RotateOutcome::Rotated(rotated) => rotated,
        RotateOutcome::Reused => {
            tracing::warn!(client_id = %client.client_id, "refresh token replayed; family revoked");
            return Err(OAuthError::invalid_grant(
                "the refresh token was already used",
            ));
        }
        RotateOutcome::Invalid => {
            return Err(OAuthError::invalid_grant(
                "the refresh token is invalid, expired or revoked",
            ));
        }
    };
    let authz: Authorization =
        serde_json::from_str(&rotated.grant_data).map_err(|e| OAuthError::server_error(&e))?;
    let scope = match asked {
        None => authz.scope,
        // Checked above; a grant never changes across rotations.
        Some(narrower) if authz.scope.covers(narrower) => narrower,
        Some(_) => return Err(wider_scope()),
    };
    let citizen = state.db.citizen(&authz.citizen_id).await?;
    let Some(citizen) = citizen.filter(|c| still_valid(c, client, &authz)) else {
        state.db.revoke_refresh_family(&rotated.family_id).await?;
        return Err(OAuthError::invalid_grant(
            "the citizen's session is no longer valid",
        ));
    };
    if authz.dpop_jkt.is_some() && authz.dpop_jkt != jkt {
        return Err(not_the_bound_key());
    }
    let narrowed = Authorization { scope, ..authz };
    // OIDC Core §12.2: the new ID token keeps sub, aud, azp and auth_time; no nonce.
    let minted = state
        .tokens
        .mint(
            client,
            &narrowed,
            &citizen,
            None,
            AccessToken::draw().bound_to(jkt),
        )
        .await?;
    Ok(tokens::response_body(minted, scope, Some(next_token)))
}
