//! The help text a legacy citizen is sent to about the migration
//! (`GET /help/legacy`); the consent step itself is a login screen
//! (`src/login/legacy.rs`).

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
