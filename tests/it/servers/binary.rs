//! The `clave-idp` binary as a child process: `serve`, and operator commands.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

use tokio::time::{Instant, sleep};

use super::kill;

/// The `clave-idp` binary Cargo built for this test run.
pub const BINARY: &str = env!("CARGO_BIN_EXE_clave-idp");

/// Settings shared by the processes of one test: a fresh environment holding only
/// these `CLAVE_*` variables (the caller's own `CLAVE_*` are removed).
#[derive(Debug, Clone, Default)]
pub struct Env(pub Vec<(String, String)>);

impl Env {
    /// Adds or replaces one variable.
    pub fn set(&mut self, name: &str, value: impl Into<String>) -> &mut Self {
        self.0.retain(|(n, _)| n != name);
        self.0.push((name.to_owned(), value.into()));
        self
    }

    fn apply(&self, command: &mut Command, dir: &Path) {
        for (name, _) in std::env::vars() {
            if name.starts_with("CLAVE_") || name == "RUST_LOG" {
                command.env_remove(name);
            }
        }
        // An empty config folder: the repository's TOML files play no part.
        command.env("CLAVE_CONFIG_DIR", dir).current_dir(dir);
        for (name, value) in &self.0 {
            command.env(name, value);
        }
    }
}

/// `clave-idp serve` as a child process on its own loopback port; killed when
/// dropped. Its log is kept in a file and printed if it fails to start.
pub struct Instance {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    child: Option<Child>,
    log: PathBuf,
}

impl Instance {
    /// Starts `clave-idp serve` on `port` with `env` in `dir` (which must exist);
    /// returns once `/healthz` answers.
    pub async fn start(env: &Env, port: u16, dir: &Path, name: &str) -> Self {
        let log = dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).expect("log file");
        let mut command = Command::new(BINARY);
        command.arg("serve");
        env.apply(&mut command, dir);
        command
            .env("CLAVE_LISTEN", format!("127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("log file"))
            .stderr(file);
        let child = command.spawn().expect("start clave-idp serve");
        let mut instance = Self {
            base: format!("http://127.0.0.1:{port}"),
            child: Some(child),
            log,
        };
        instance.wait_until_serving().await;
        instance
    }

    async fn wait_until_serving(&mut self) {
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(response) = http.get(self.url("/healthz")).send().await
                && response.status() == 200
            {
                return;
            }
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                panic!(
                    "clave-idp serve exited with {status} before serving:\n{}",
                    self.log_text()
                );
            }
            assert!(
                Instant::now() < deadline,
                "clave-idp serve did not answer within 60 s:\n{}",
                self.log_text()
            );
            sleep(Duration::from_millis(50)).await;
        }
    }

    /// The absolute URL of `path` on this instance.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// What the process printed so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends SIGTERM (`kill -TERM PID`).
    pub fn terminate(&self) {
        let pid = self.child.as_ref().expect("running").id().to_string();
        let status = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM {pid} failed");
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// Waits (at most `within`) for the process to exit and returns its status.
    pub async fn exit_status(&mut self, within: Duration) -> ExitStatus {
        let deadline = Instant::now() + within;
        let child = self.child.as_mut().expect("started");
        loop {
            if let Some(status) = child.try_wait().expect("try_wait") {
                self.child = None;
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "clave-idp did not exit within {within:?}:\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
            sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill(&mut child);
        }
    }
}

/// Runs one operator command of the binary (`--json` added) with `env`; returns
/// its JSON answer.
pub async fn cli(env: &Env, dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut command = Command::new(BINARY);
    command.args(args).arg("--json");
    env.apply(&mut command, dir);
    let mut command = tokio::process::Command::from(command);
    let out = tokio::time::timeout(Duration::from_secs(60), command.output())
        .await
        .expect("the command finished within 60 s")
        .expect("the command ran");
    assert!(
        out.status.success(),
        "clave-idp {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "clave-idp {args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}
