//! clave-idp: an OpenID Connect identity provider that re-creates the Spanish
//! e-government login Cl@ve Permanente.
//!
//! The binary (`src/main.rs`) only calls [`cli::run`]; everything lives in this library
//! so that the integration tests drive the same code the operators run.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod clock;
pub mod domain;
pub mod store;
