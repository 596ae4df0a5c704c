//! `redis-server` alone and as a 3-master Cluster.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::{Instant, sleep};

use super::{cluster_port, free_port, kill, output, runs};

/// Prints the skip message and says whether `redis-server` and `redis-cli` exist.
pub fn redis_available(what: &str) -> bool {
    let ok = runs("redis-server") && runs("redis-cli");
    if !ok {
        eprintln!("skipped: {what} (redis-server or redis-cli is not on PATH)");
    }
    ok
}

/// Sends `PING` over a raw socket; true on `+PONG`.
async fn pings(port: u16) -> bool {
    let Ok(Ok(mut socket)) = tokio::time::timeout(
        Duration::from_millis(300),
        tokio::net::TcpStream::connect(("127.0.0.1", port)),
    )
    .await
    else {
        return false;
    };
    if socket.write_all(b"PING\r\n").await.is_err() {
        return false;
    }
    let mut reply = [0u8; 16];
    matches!(
        tokio::time::timeout(Duration::from_millis(300), socket.read(&mut reply)).await,
        Ok(Ok(n)) if reply[..n].starts_with(b"+PONG")
    )
}

/// One `redis-server` on a port of its own, working in a temporary folder (a
/// replica writes the data it receives there); killed when dropped.
pub struct RedisServer {
    port: u16,
    args: Vec<String>,
    child: Option<Child>,
    dir: tempfile::TempDir,
}

impl RedisServer {
    /// A plain server (no persistence) on a free port, answering PING.
    pub async fn start() -> Self {
        Self::start_with(free_port(), Vec::new()).await
    }

    /// A server on `port` with extra command-line arguments.
    pub async fn start_with(port: u16, args: Vec<String>) -> Self {
        let mut server = Self {
            port,
            args,
            child: None,
            dir: tempfile::tempdir().expect("temp dir"),
        };
        server.resume().await;
        server
    }

    /// `redis://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Kills the server at once (an outage, not a shutdown): its data is gone.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill(&mut child);
        }
    }

    /// Starts the server again on the same port and waits for PING.
    pub async fn resume(&mut self) {
        assert!(self.child.is_none(), "the server is already running");
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(self.dir.path())
            .args(&self.args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start redis-server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !pings(self.port).await {
            assert!(
                Instant::now() < deadline,
                "redis-server on {} did not answer within 10 s",
                self.port
            );
            sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Three masters, no replicas, made with `redis-cli --cluster create`.
pub struct RedisCluster {
    nodes: Vec<RedisServer>,
    _dir: tempfile::TempDir,
}

impl RedisCluster {
    /// Starts three cluster-enabled servers and joins them (about 2 s).
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut nodes = Vec::new();
        for _ in 0..3 {
            let port = cluster_port();
            let args = vec![
                "--cluster-enabled".to_owned(),
                "yes".to_owned(),
                "--cluster-config-file".to_owned(),
                dir.path()
                    .join(format!("nodes-{port}.conf"))
                    .display()
                    .to_string(),
                "--cluster-node-timeout".to_owned(),
                "2000".to_owned(),
            ];
            nodes.push(RedisServer::start_with(port, args).await);
        }
        let addresses: Vec<String> = nodes
            .iter()
            .map(|n| format!("127.0.0.1:{}", n.port()))
            .collect();
        let mut args: Vec<&str> = vec!["--cluster", "create"];
        args.extend(addresses.iter().map(String::as_str));
        args.push("--cluster-yes");
        let (ok, text) = output("redis-cli", &args, Duration::from_secs(30)).await;
        assert!(ok, "redis-cli --cluster create failed:\n{text}");
        let cluster = Self { nodes, _dir: dir };
        cluster.wait_until_ok().await;
        cluster
    }

    async fn wait_until_ok(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        for node in &self.nodes {
            loop {
                let port = node.port().to_string();
                let (_, info) = output(
                    "redis-cli",
                    &["-p", &port, "cluster", "info"],
                    Duration::from_secs(5),
                )
                .await;
                if info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384") {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "the cluster did not settle:\n{info}"
                );
                sleep(Duration::from_millis(100)).await;
            }
        }
    }

    /// `redis+cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3`.
    pub fn url(&self) -> String {
        let nodes: Vec<String> = self
            .nodes
            .iter()
            .map(|n| format!("127.0.0.1:{}", n.port()))
            .collect();
        format!("redis+cluster://{}", nodes.join(","))
    }

    /// How many keys each master holds (to see the keys spread over the slots).
    pub async fn keys_per_node(&self) -> Vec<u64> {
        let mut counts = Vec::new();
        for node in &self.nodes {
            let port = node.port().to_string();
            let (_, text) = output(
                "redis-cli",
                &["-p", &port, "dbsize"],
                Duration::from_secs(5),
            )
            .await;
            counts.push(text.trim().parse().unwrap_or(0));
        }
        counts
    }
}
