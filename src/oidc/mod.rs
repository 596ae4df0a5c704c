//! The OpenID Connect endpoints: OIDC Core 1.0, Discovery 1.0, RP-Initiated Logout
//! 1.0, pushed authorization requests (RFC 9126), revocation (RFC 7009) and
//! introspection (RFC 7662).
//!
//! One endpoint a file, each a thin HTTP handler over the protocol logic in
//! [`crate::oauth`] and the services in [`crate::auth`]; see
//! `docs/architecture.md`.

pub mod authorize;
pub mod discovery;
pub mod introspect;
pub mod logout;
pub mod par;
pub mod token;
pub mod userinfo;

use axum::Router;
use axum::routing::{get, post};

use crate::routes;
use crate::state::AppState;

/// The protocol endpoints (the login screens are routed beside them, in `login/`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::DISCOVERY, get(discovery::discovery))
        .route(routes::JWKS, get(discovery::jwks))
        .route(
            routes::AUTHORIZE,
            get(authorize::authorize_get).post(authorize::authorize_post),
        )
        .route(
            routes::LOGOUT,
            get(logout::logout_get).post(logout::logout_post),
        )
        .route(routes::LOGOUT_CONFIRM, post(logout::confirm))
        .route(routes::TOKEN, post(token::token))
        .route(routes::PAR, post(par::push))
        .route(
            routes::USERINFO,
            get(userinfo::userinfo_get).post(userinfo::userinfo_post),
        )
        .route(routes::INTROSPECT, post(introspect::introspect))
        .route(routes::REVOKE, post(introspect::revoke))
}
