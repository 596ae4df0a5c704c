//! The one integration-test binary: every suite is a module here, so the crate links
//! once. Suites that need PostgreSQL or Redis read `CLAVE_TEST_DATABASE_URL` and
//! `CLAVE_TEST_REDIS_URL` and say they were skipped when those are unset.

mod support;

/// Stamps each named `async fn name(arg: Arg)` out as one test per backend, in a
/// module named after the backend:
///
/// ```ignore
/// for_each_backend!(
///     #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
///     [
///         memory: Some((std::sync::Arc::new(super::MemoryStore::new()), ())),
///         redis: super::redis_store().await.map(|store| (store, ())),
///     ]
///     [check_a, check_b]
/// );
/// ```
///
/// generates `memory::check_a`, `memory::check_b`, `redis::check_a` and
/// `redis::check_b`, each running under the given test attribute. A setup expression
/// is evaluated inside the test's `async fn` in the generated module (so it may
/// `.await`, and reaches the suite through `super::` or `crate::`) and yields
/// `Option<(Arg, Keep)>`: `None` means the backend is not configured and has already
/// said it was skipped, so the test returns; `Keep` (a temp dir, or `()`) is held
/// until the test ends.
macro_rules! for_each_backend {
    (#[$test:meta] [$($backend:ident: $setup:expr),+ $(,)?] $names:tt) => {
        $(for_each_backend!(@one #[$test] $backend: $setup, $names);)+
    };
    (@one #[$test:meta] $backend:ident: $setup:expr, [$($name:ident),* $(,)?]) => {
        mod $backend {
            $(
                #[$test]
                async fn $name() {
                    let Some((arg, _keep)) = $setup else { return };
                    super::$name(arg).await;
                }
            )*
        }
    };
}

/// Stamps each named `async fn name(app: TestApp)` out as two tests: on the
/// embedded backends (SQLite + in-process store) and on PostgreSQL + Redis (which
/// says it was skipped when the test servers are not configured): the
/// `for_each_backend!` of the suites that drive a whole provider.
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        for_each_backend!(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            [
                embedded: Some((crate::harness::TestApp::spawn(crate::harness::Backends::Embedded).await.unwrap(), ())),
                real: crate::harness::TestApp::spawn(crate::harness::Backends::Real).await.map(|app| (app, ())),
            ]
            [$($name),*]
        );
    };
}

mod abuse;
mod account;
mod bounds;
mod challenge;
mod cli;
mod compose;
mod demo;
mod ephemeral;
mod faults;
mod government;
mod harness;
mod journeys;
mod languages;
mod legacy;
mod limits;
mod maintenance;
mod notices;
mod oidc;
mod ops;
mod otp;
mod scale;
mod selfservice;
mod servers;
mod sql;
