//! clave-idp: an OpenID Connect identity provider that re-creates the Spanish
//! e-government login Cl@ve Permanente.
//!
//! The binary (`src/main.rs`) only calls [`cli::run`]; everything lives in this library
//! so that the integration tests drive the same code the operators run.
//!
//! - [`domain`]: the account rules as types (DNI/NIE, password policy, codes).
//! - [`store`]: the durable SQL store (PostgreSQL or SQLite) and the ephemeral store
//!   (Redis or in-process).
//! - [`crypto`]: argon2id pool, tokens, signing keys. [`signing`]: keys ↔ database.
//! - [`sms`]: how one-time codes reach the citizen.
//! - [`startup`], [`state`], [`http`]: the server. [`cli`]: the operator commands.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod abuse;
pub mod account;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod crypto;
pub mod demo;
pub mod domain;
pub mod email;
pub mod http;
pub mod kek;
pub mod legacy;
pub mod login;
pub mod notices;
pub mod oauth;
pub mod oidc;
pub mod otp;
pub mod routes;
pub mod selfservice;
pub mod settings;
pub mod signing;
pub mod sms;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod web;
