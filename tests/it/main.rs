//! The one integration-test binary: every suite is a module here, so the crate links
//! once. Suites that need PostgreSQL or Redis read `CLAVE_TEST_DATABASE_URL` and
//! `CLAVE_TEST_REDIS_URL` and say they were skipped when those are unset.

mod support;

/// Stamps each named `async fn name(app: TestApp)` out as two tests: on the
/// embedded backends (SQLite + in-process store) and on PostgreSQL + Redis (which
/// says it was skipped when the test servers are not configured).
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod embedded {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = crate::harness::TestApp::spawn(crate::harness::Backends::Embedded).await.unwrap();
                    super::$name(app).await;
                }
            )*
        }
        mod real {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(app) = crate::harness::TestApp::spawn(crate::harness::Backends::Real).await else { return };
                    super::$name(app).await;
                }
            )*
        }
    };
}

mod abuse;
mod cli;
mod compose;
mod demo;
mod ephemeral;
mod faults;
mod harness;
mod legacy;
mod maintenance;
mod oidc;
mod ops;
mod otp;
mod scale;
mod selfservice;
mod servers;
mod sql;
