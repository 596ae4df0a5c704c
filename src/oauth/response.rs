//! The authorization response (OIDC Core §3.1.2.5 and §3.1.2.6): a code stored for
//! the citizen's session, or an error, sent back to the client's redirect URI with
//! `state` and `iss` (RFC 9207).

use super::error::OAuthError;
use super::grants::{Authorization, CODES, CodeGrant, CodeState};
use super::request::AuthRequest;
use crate::auth::session::Session;
use crate::crypto::hash_token;
use crate::crypto::random_token;
use crate::state::AppState;
use crate::store::ephemeral::keys::CODE_SECS;
use crate::web::PageError;
use crate::web::redirect::with_query;

/// What a login at `session` authorizes for `request`.
pub fn authorization(request: &AuthRequest, session: &Session) -> Authorization {
    Authorization {
        client_id: request.client_id.clone(),
        citizen_id: session.citizen_id.clone(),
        scope: request.scope,
        claims: request.claims.clone(),
        auth_time: session.auth_time,
        acr: session.acr,
        amr: session.amr.clone(),
        sid: session.sid.clone(),
    }
}

/// Stores a code for `session` and returns the redirect URI carrying it.
pub async fn issue_code(
    state: &AppState,
    request: &AuthRequest,
    session: &Session,
) -> Result<String, PageError> {
    let code = random_token(32);
    let grant = CodeGrant {
        authz: authorization(request, session),
        redirect_uri: request.redirect_uri.clone(),
        nonce: request.nonce.clone(),
        code_challenge: request.code_challenge.clone(),
        expires_at: state.now() + CODE_SECS,
    };
    let held = CodeState::Issued(Box::new(grant));
    CODES
        .put(state.ephemeral.as_ref(), &hash_token(&code), &held)
        .await?;
    let mut pairs = vec![("code", code.as_str())];
    if let Some(client_state) = &request.state {
        pairs.push(("state", client_state));
    }
    pairs.push(("iss", &state.provider.issuer));
    Ok(with_query(&request.redirect_uri, &pairs))
}

/// The redirect URI carrying an error (OIDC Core §3.1.2.6, RFC 9207).
pub fn error_location(
    state: &AppState,
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
    pairs.push(("iss", &state.provider.issuer));
    with_query(redirect_uri, &pairs)
}
