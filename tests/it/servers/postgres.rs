//! A PostgreSQL of its own, made with `initdb` and driven with `pg_ctl`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{free_port, output, runs};

/// A PostgreSQL cluster of its own (`initdb` + `pg_ctl`, about 2 s), on a free
/// port, with trust authentication on 127.0.0.1 only. As root it runs as the
/// `postgres` user (initdb refuses root). Stopped (immediately) when dropped.
pub struct Postgres {
    port: u16,
    dir: tempfile::TempDir,
    running: bool,
}

impl Postgres {
    /// Prints the skip message and says whether `initdb`/`pg_ctl` can be used.
    pub fn available(what: &str) -> bool {
        let ok = pg_bin("initdb").is_some()
            && pg_bin("pg_ctl").is_some()
            && (!is_root()
                || Command::new("id")
                    .arg("postgres")
                    .output()
                    .is_ok_and(|o| o.status.success()));
        if !ok {
            eprintln!(
                "skipped: {what} (PostgreSQL's initdb/pg_ctl or the postgres user is missing)"
            );
        }
        ok
    }

    /// Makes and starts a new database cluster.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        if is_root() {
            let (ok, text) = output(
                "chown",
                &["postgres:postgres", &dir.path().display().to_string()],
                Duration::from_secs(10),
            )
            .await;
            assert!(ok, "chown: {text}");
        }
        let data = data_dir(dir.path());
        let initdb = pg_bin("initdb").expect("initdb");
        let (ok, text) = as_postgres(
            &initdb,
            &["-D", &data, "-A", "trust", "-U", "postgres", "--no-sync"],
            Duration::from_secs(60),
        )
        .await;
        assert!(ok, "initdb failed:\n{text}");
        let mut server = Self {
            port: free_port(),
            dir,
            running: false,
        };
        server.resume().await;
        server
    }

    /// `postgres://postgres@127.0.0.1:PORT/postgres`.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server (`pg_ctl stop -m fast`): an outage for the provider.
    pub async fn stop(&mut self) {
        let data = data_dir(self.dir.path());
        let pg_ctl = pg_bin("pg_ctl").expect("pg_ctl");
        let (ok, text) = as_postgres(
            &pg_ctl,
            &["-D", &data, "stop", "-m", "fast", "-w", "-t", "30"],
            Duration::from_secs(40),
        )
        .await;
        assert!(ok, "pg_ctl stop failed:\n{text}");
        self.running = false;
    }

    /// Starts the server again on the same port and data.
    pub async fn resume(&mut self) {
        let data = data_dir(self.dir.path());
        let log = self.dir.path().join("log").display().to_string();
        let socket_dir = self.dir.path().display().to_string();
        let options = format!(
            "-p {} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off",
            self.port
        );
        let pg_ctl = pg_bin("pg_ctl").expect("pg_ctl");
        let (ok, text) = as_postgres(
            &pg_ctl,
            &[
                "-D", &data, "-o", &options, "-l", &log, "-w", "-t", "30", "start",
            ],
            Duration::from_secs(40),
        )
        .await;
        let server_log = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(ok, "pg_ctl start failed:\n{text}\n{server_log}");
        self.running = true;
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if self.running
            && let Some(pg_ctl) = pg_bin("pg_ctl")
        {
            let data = data_dir(self.dir.path());
            let mut command = if is_root() {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(&pg_ctl);
                c
            } else {
                Command::new(&pg_ctl)
            };
            let _ = command
                .args(["-D", &data, "stop", "-m", "immediate", "-w", "-t", "10"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn data_dir(dir: &Path) -> String {
    dir.join("data").display().to_string()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `name` on PATH, else in the newest `/usr/lib/postgresql/*/bin`.
fn pg_bin(name: &str) -> Option<PathBuf> {
    if runs(name) {
        return Some(PathBuf::from(name));
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin").join(name)))
        .filter(|p| p.exists())
        .collect();
    versions.sort();
    versions.pop()
}

async fn as_postgres(program: &Path, args: &[&str], within: Duration) -> (bool, String) {
    let program = program.display().to_string();
    if is_root() {
        let mut all = vec!["-u", "postgres", "--", program.as_str()];
        all.extend_from_slice(args);
        output("runuser", &all, within).await
    } else {
        output(&program, args, within).await
    }
}
