//! The pages a legacy citizen reads outside the consent step: the help text about
//! the migration (`GET /help/legacy`) and the page shown, after the right
//! password, at a portal that is not a Social Security service.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::login::transaction::LoginTx;
use crate::web::{Page, PageContext};

/// The path of the help text about the migration; the pages that turn a legacy
/// citizen away link to it (the templates write it literally: tera escapes `/`
/// in variables).
pub const HELP_PATH: &str = "/help/legacy";

/// `GET /help/legacy`: who the legacy users are, where the migration is offered,
/// what accepting or declining means.
pub async fn help(ctx: PageContext) -> Page {
    ctx.page("legacy/help.html").title("legacy-help-title")
}

/// "You have not joined Cl@ve yet": the legacy citizen at a portal that is not a
/// Social Security service (403, no code goes back to the portal).
pub fn not_migrated(ctx: &PageContext, tx: &LoginTx) -> Response {
    ctx.page("legacy/not_migrated.html")
        .title("login-account-status-title")
        .with("client_name", &tx.client_name)
        .status(StatusCode::FORBIDDEN)
        .into_response()
}
