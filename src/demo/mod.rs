//! The demo e-government portal served under `/demo` in the development profile: a
//! relying party, built with the `openidconnect` crate exactly as a real portal
//! would be, so a newcomer can click through the whole Cl@ve flow on one machine.
//!
//! The portal talks HTTP to the provider's own issuer URL (discovery, token,
//! userinfo, JWKS), as a separate site would; nothing inside the provider is
//! short-cut. It is a confidential client, `demo-portal`, registered at every start
//! by [`register_demo_client`].
//!
//! - [`register`]: the idempotent registration of the client.
//! - [`relying_party`]: discovery (cached), the authorization URL, the code
//!   exchange, ID-token and userinfo verification, the logout URL;
//!   [`government`]: the keys, assertions and DPoP proofs of the government
//!   profile (`demo-portal-gov`: private_key_jwt, PAR, DPoP).
//! - [`records`]: what the portal keeps in the ephemeral store (pending logins,
//!   demo sessions) and its cookies, which carry only random ids.
//! - [`failure`]: why a flow stopped, as the portal's error page shows it.
//! - [`pages`]: the handlers of `/demo`, `/demo/login`, `/demo/callback`,
//!   `/demo/logout`; [`view`]: how the received claims are shown.
//!
//! Wiring (in `startup`): when [`enabled`] holds, call [`register_demo_client`]
//! while building the application and merge [`routes`] into the router.

mod failure;
pub mod government;
mod pages;
mod records;
pub mod register;
mod relying_party;
mod view;

use std::sync::Arc;

use axum::routing::get;
use axum::{Extension, Router};

pub use register::{DemoClient, register_demo_client};

use crate::settings::{Profile, Settings};
use crate::state::AppState;

/// The demo portal's client id (fixed: nothing in it depends on the settings).
pub const CLIENT_ID: &str = "demo-portal";
/// The name citizens see on the Cl@ve login screens.
pub const CLIENT_NAME: &str = "Sede electrónica de demostración";
/// The provider secret holding the demo portal's client secret.
pub const SECRET_NAME: &str = "demo_client_secret";

/// Whether the demo portal is served: `demo_portal` is on and the profile is
/// development (a production deployment never has a portal with a known secret).
pub fn enabled(settings: &Settings) -> bool {
    settings.demo_portal && settings.profile == Profile::Development
}

/// The portal's home page, `{issuer}/demo` (also its post-logout redirect URI).
pub fn home_url(issuer: &str) -> String {
    format!("{issuer}/demo")
}

/// The portal's redirect URI, `{issuer}/demo/callback`.
pub fn callback_url(issuer: &str) -> String {
    format!("{issuer}/demo/callback")
}

/// The routes of the demo portal. Each call makes its own discovery cache, so two
/// applications in one process (as in the tests) never share one.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(crate::routes::DEMO, get(pages::home))
        .route(crate::routes::DEMO_LOGIN, get(pages::login))
        .route(crate::routes::DEMO_CALLBACK, get(pages::callback))
        .route(crate::routes::DEMO_LOGOUT, get(pages::logout))
        .layer(Extension(Arc::new(relying_party::DemoRp::new())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portal_is_served_only_in_development_and_when_switched_on() {
        let development = Settings::default();
        assert!(enabled(&development));
        let off = Settings {
            demo_portal: false,
            ..Settings::default()
        };
        assert!(!enabled(&off));
        let production = Settings {
            profile: Profile::Production,
            ..Settings::default()
        };
        assert!(!enabled(&production));
    }

    #[test]
    fn the_portal_urls_hang_from_the_issuer() {
        assert_eq!(
            home_url("http://127.0.0.1:8080"),
            "http://127.0.0.1:8080/demo"
        );
        assert_eq!(
            callback_url("https://clave.example"),
            "https://clave.example/demo/callback"
        );
    }
}
