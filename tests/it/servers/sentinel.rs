//! A master, its replica and one Sentinel, to follow a failover.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::time::{Instant, sleep};

use super::redis::RedisServer;
use super::{free_port, kill, output};

/// A master, a replica and one Sentinel watching them (`redis-server --sentinel`).
pub struct RedisSentinel {
    /// The master's server.
    pub master: RedisServer,
    /// The replica's server.
    pub replica: RedisServer,
    sentinel: Option<Child>,
    sentinel_port: u16,
    _dir: tempfile::TempDir,
}

/// The service name the sentinel monitors.
pub const SENTINEL_SERVICE: &str = "clavemaster";

impl RedisSentinel {
    /// Starts master, replica and sentinel; returns once the sentinel names the master.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let master = RedisServer::start().await;
        let replica = RedisServer::start_with(
            free_port(),
            vec![
                "--replicaof".to_owned(),
                "127.0.0.1".to_owned(),
                master.port().to_string(),
            ],
        )
        .await;
        let sentinel_port = free_port();
        let config = dir.path().join("sentinel.conf");
        std::fs::write(
            &config,
            format!(
                "port {sentinel_port}\nbind 127.0.0.1\ndir {dir}\n\
                 sentinel monitor {SENTINEL_SERVICE} 127.0.0.1 {master} 1\n\
                 sentinel down-after-milliseconds {SENTINEL_SERVICE} 1000\n\
                 sentinel failover-timeout {SENTINEL_SERVICE} 5000\n",
                dir = dir.path().display(),
                master = master.port(),
            ),
        )
        .expect("write sentinel.conf");
        let sentinel = Command::new("redis-server")
            .arg(&config)
            .arg("--sentinel")
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the sentinel");
        let mut this = Self {
            master,
            replica,
            sentinel: Some(sentinel),
            sentinel_port,
            _dir: dir,
        };
        let master_port = this.master.port();
        this.wait_for_master(master_port, Duration::from_secs(10))
            .await;
        this
    }

    /// `redis+sentinel://127.0.0.1:PORT/clavemaster`.
    pub fn url(&self) -> String {
        format!(
            "redis+sentinel://127.0.0.1:{}/{SENTINEL_SERVICE}",
            self.sentinel_port
        )
    }

    /// Waits until the sentinel names `port` as the master.
    pub async fn wait_for_master(&mut self, port: u16, within: Duration) {
        let deadline = Instant::now() + within;
        let sentinel = self.sentinel_port.to_string();
        loop {
            let (_, text) = output(
                "redis-cli",
                &[
                    "-p",
                    &sentinel,
                    "sentinel",
                    "get-master-addr-by-name",
                    SENTINEL_SERVICE,
                ],
                Duration::from_secs(5),
            )
            .await;
            if text.lines().nth(1).map(str::trim) == Some(port.to_string().as_str()) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the sentinel did not name {port} as the master: {text}"
            );
            sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for RedisSentinel {
    fn drop(&mut self) {
        if let Some(mut child) = self.sentinel.take() {
            kill(&mut child);
        }
    }
}
