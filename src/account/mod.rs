//! The citizen's account page, "Mi Cl@ve" (docs/architecture.md, "The account
//! page"): where the citizen sees where their identity was used, ends the
//! sessions they left open, forgets trusted browsers and, when something was not
//! them, locks everything at once.
//!
//! The page logs in the way every portal does: it is a relying party of this
//! very provider (the public client [`CLIENT_ID`], registered at every start by
//! [`register`]), so its login has the same screens, limits, security question,
//! trusted-browser lanes and expired-password renewal as any portal's, and its
//! sign-ins appear in the history under its own name. A login older than
//! [`FRESH_SECS`] is asked again (`max_age`, OIDC Core §3.1.2.1). Changes that
//! the seeds confirm with an SMS code (password change, unsubscribe, a new
//! activation code) are the self-service flows, linked from the page; ending
//! sessions and "this wasn't me" only protect, so they need no code (DESIGN.md).
//!
//! - [`login`]: the page's own login (`state` and PKCE bound to this browser).
//! - [`overview`]: history, open sessions, trusted browsers, portals used.
//! - [`actions`]: end one session, end all, forget a browser, "this wasn't me".

pub mod actions;
pub mod login;
pub mod overview;
pub mod register;

pub use register::register_account_client;

use axum::Router;
use axum::routing::{get, post};

use crate::routes;
use crate::state::AppState;

/// The account page's client id.
pub const CLIENT_ID: &str = "mi-clave";

/// The account page's name, as the login screens and the history show it.
pub const CLIENT_NAME: &str = "Mi Cl@ve";

/// How old a login may be for the account page to show it without asking
/// again: the page lists where the identity was used and can lock the account,
/// so a browser left open at a library must not show it for the whole session.
pub const FRESH_SECS: i64 = 15 * 60;

/// History events per page.
pub const HISTORY_PAGE: u32 = 20;

/// The account page's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::ACCOUNT, get(overview::show))
        .route(routes::ACCOUNT_CALLBACK, get(login::callback))
        .route(routes::ACCOUNT_SESSION_END, post(actions::end_session))
        .route(routes::ACCOUNT_SESSIONS_END_ALL, post(actions::end_all))
        .route(
            routes::ACCOUNT_BROWSER_FORGET,
            post(actions::forget_browser),
        )
        .route(
            routes::ACCOUNT_NOT_ME,
            get(actions::not_me_show).post(actions::not_me),
        )
}
