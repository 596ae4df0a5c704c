//! Legacy Social Security users (DESIGN.md, "legacy users"): citizens imported
//! from the Social Security register, who registered there before Cl@ve existed and
//! have not consented to the use of those data in Cl@ve.
//!
//! - [`import`]: `clave-idp citizen import-legacy FILE.csv`, streamed and
//!   idempotent; [`row`] and [`hash`] parse each line through the domain types;
//!   [`command`] is the operator's view of it (progress bar, `--json`).
//! - [`consent`]: the migration offered at login at a Social Security portal
//!   (`/login/legacy`): accept makes the account a normal Cl@ve account, decline
//!   keeps it legacy and goes on to that portal only.
//! - [`pages`]: the help text about the migration and the page a legacy citizen
//!   gets at any other portal.
//! - [`rehash`]: the imported bcrypt (or weak argon2) hash is replaced by argon2id
//!   after a successful login, without restarting the 2-year expiry.
//!
//! What a legacy account may do elsewhere is decided where it is used: tokens only
//! for Social Security clients (`oidc::tokens::still_valid`), no self-service flow
//! (`selfservice::start`).

pub(crate) mod command;
pub mod consent;
pub mod hash;
pub mod import;
pub mod pages;
pub mod rehash;
pub mod row;

pub use consent::LEGACY_CONSENT_WORDING;
pub use hash::{LegacyHash, LegacyHashError, LegacyHashKind};
pub use import::{
    BATCH_ROWS, ImportError, ImportProgress, ImportReport, MAX_REPORTED_ERRORS, RowError,
    import_file,
};
