//! The help text a legacy citizen is sent to about the migration
//! (`GET /help/legacy`); the consent step itself is a login screen
//! (`src/login/legacy.rs`).

use crate::web::{Page, PageContext};

/// `GET /help/legacy`: who the legacy users are, where the migration is offered,
/// what accepting or declining means.
pub async fn help(ctx: PageContext) -> Page {
    ctx.page("legacy/help.html").title("legacy-help-title")
}
