//! Private servers for the tests that stop, fail over or multiply them: a
//! `redis-server`, a 3-master Redis Cluster, a Sentinel, a PostgreSQL made with
//! `initdb`/`pg_ctl`, and the `clave-idp` binary itself.
//!
//! Each listens on 127.0.0.1 only, on a port found free, keeps its files in a
//! temporary folder and is stopped when dropped. None of them ever touches the
//! machine's shared servers (5432, 6379): those are only ever reached through
//! `CLAVE_TEST_DATABASE_URL` and `CLAVE_TEST_REDIS_URL`, never started or stopped.
//! A helper whose program is missing says so, and the test prints that it was
//! skipped.

mod binary;
mod postgres;
mod redis;
mod sentinel;

pub use self::binary::{Env, Instance, cli};
pub use self::postgres::Postgres;
pub use self::redis::{RedisCluster, RedisServer, redis_available};
pub use self::sentinel::RedisSentinel;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A port nothing listens on now (bound, then released).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

fn bindable(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

/// A free port ≤ 55535 whose port + 10000 (a cluster node's bus) is free too.
fn cluster_port() -> u16 {
    for _ in 0..200 {
        let port = free_port();
        if port <= 55_535 && bindable(port + 10_000) {
            return port;
        }
    }
    panic!("no free port pair for a Redis Cluster node");
}

/// Whether `program --version` runs.
fn runs(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `program args…` to completion (bounded) and returns its stdout.
async fn output(program: &str, args: &[&str], within: Duration) -> (bool, String) {
    let run = tokio::process::Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .output();
    match tokio::time::timeout(within, run).await {
        Ok(Ok(out)) => {
            let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            (out.status.success(), text)
        }
        Ok(Err(error)) => (false, format!("{program} did not run: {error}")),
        Err(_) => (false, format!("{program} took longer than {within:?}")),
    }
}

/// Kills and reaps a child.
fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}
