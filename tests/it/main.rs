//! The one integration-test binary: every suite is a module here, so the crate links
//! once. Suites that need PostgreSQL or Redis read `CLAVE_TEST_DATABASE_URL` and
//! `CLAVE_TEST_REDIS_URL` and say they were skipped when those are unset.

mod support;

mod compose;
mod ephemeral;
mod harness;
mod oidc;
mod otp;
mod selfservice;
mod sql;
