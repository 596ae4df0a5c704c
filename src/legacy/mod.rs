//! Legacy Social Security users (`docs/architecture.md`, "Account lifecycle"): citizens imported
//! from the Social Security register, who registered there before Cl@ve existed and
//! have not consented to the use of those data in Cl@ve.
//!
//! - [`import`]: `clave-idp citizen import-legacy FILE.csv`, streamed and
//!   idempotent; [`row`] and [`hash`] parse each line through the domain types;
//!   `crate::cli` is the operator's view of it (progress bar, `--json`).
//! - [`pages`]: the help text about the migration (`/help/legacy`).
//!
//! The migration itself is offered at login at a Social Security portal
//! (the login screens, `/login/legacy`); the imported bcrypt (or weak argon2) hash is
//! replaced by argon2id after a successful login by `crate::auth::Credentials`.
//!
//! What a legacy account may do elsewhere is decided where it is used: tokens only
//! for Social Security clients (`oidc::tokens::still_valid`), no self-service flow
//! (`selfservice::start`).

pub mod hash;
pub mod import;
pub mod pages;
pub mod row;

pub use hash::{LegacyHash, LegacyHashError, LegacyHashKind};
pub use import::{
    BATCH_ROWS, ImportError, ImportProgress, ImportReport, MAX_REPORTED_ERRORS, RowError,
    import_file,
};
