//! The servers under test run in a child process: this same bench binary started
//! again with `CLAVE_BENCH_ROLE` set.
//!
//! Why a process and not a thread: the server's CPU time is then exactly the
//! child's `utime + stime` (every thread it ever ran, hashing pool and SQLite
//! workers included, nothing of the load client), and its memory is the child's
//! own `VmHWM`, which can be reset between scenarios. In-process, the load
//! client's threads, its buffers and the baselines' 19 MiB argon2 blocks would
//! be mixed into both numbers. The child builds the real provider with
//! `Application::build_on` on 127.0.0.1:0 (or, for the baseline, a bare axum
//! handler), prints one JSON line saying where it listens, and serves until its
//! standard input closes. A provider child also takes commands on its standard
//! input, one a line, each answered with one JSON line: `tokens N` mints N access
//! tokens and `codes N` issues N authorization codes through the provider's own
//! token issuer, so that a scenario can measure what live records cost without
//! the HTTP round trips that would make them (see `rss_tokens.rs`).

use clave_idp::domain::AuditKind;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

use clave_idp::clock::{Clock, SystemClock};
use clave_idp::crypto::{HasherParams, KeyAlg, hash_token};
use clave_idp::domain::{ClientKind, RegisteredUri};
use clave_idp::settings::{Settings, SmsKind};
use clave_idp::startup::{Application, Overrides};
use clave_idp::store::sql::{AuditEvent, ClientRecord, NewCitizen};

/// Names the role of a child process.
pub const ROLE_VAR: &str = "CLAVE_BENCH_ROLE";

/// The relying party's redirect URI (never contacted: codes are read from it).
pub const REDIRECT_URI: &str = "https://portal.bench.example/callback";
/// The citizens' password.
pub const PASSWORD: &str = "Clave-Segura-2026";
const CLIENT_ID: &str = "bench_portal";
const CLIENT_SECRET: &str = "bench_portal_secret_0f1e2d3c4b5a69788796a5b4";

/// What a child serves.
#[derive(Debug, Clone)]
pub enum Role {
    /// A bare axum handler returning a fixed JSON body at `/bare`.
    Bare,
    /// The provider.
    Provider(ProviderSpec),
}

/// How to set up the provider.
#[derive(Debug, Clone)]
pub struct ProviderSpec {
    /// Folder for the SQLite file and the SMS outbox.
    pub dir: PathBuf,
    /// PostgreSQL URL (with its own schema); `None` = SQLite in `dir`.
    pub database_url: Option<String>,
    /// Redis URL; `None` = in-process store.
    pub redis_url: Option<String>,
    /// Redis key prefix.
    pub redis_prefix: String,
    /// The argon2id PHC string of [`PASSWORD`], made by the parent with the
    /// provider's parameters (so the child's memory after start-up is what a
    /// production start-up leaves, not one more hash's arena).
    pub password_hash: String,
    /// How many citizens to register.
    pub citizens: usize,
    /// How long the hashing threads keep an idle working area, if not the
    /// provider's default.
    pub hash_idle_release: Option<Duration>,
    /// The in-process store's bound in bytes, if not the shipped one.
    pub store_max_bytes: Option<u64>,
}

/// The line a child prints when it is ready.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ready {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The confidential client.
    pub client_id: String,
    /// Its secret.
    pub client_secret: String,
    /// Registered, active citizens (DNI) whose password is [`PASSWORD`].
    pub citizens: Vec<String>,
    /// Hashing workers of the provider's pool.
    pub hash_workers: usize,
    /// Callers that may wait for a hashing worker before the next is refused.
    pub hash_queue: usize,
}

/// A running child.
pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    /// Its process id.
    pub pid: u32,
    /// What it printed when ready.
    pub ready: Ready,
}

impl Server {
    /// Starts a child with `role` and waits until it listens.
    pub fn start(role: &Role) -> anyhow::Result<Server> {
        let exe = std::env::current_exe().context("cannot find the bench binary")?;
        let mut command = Command::new(exe);
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        match role {
            Role::Bare => {
                command.env(ROLE_VAR, "bare");
            }
            Role::Provider(spec) => {
                command
                    .env(ROLE_VAR, "provider")
                    .env("CLAVE_BENCH_CHILD_DIR", &spec.dir)
                    .env("CLAVE_BENCH_CHILD_PREFIX", &spec.redis_prefix)
                    .env("CLAVE_BENCH_CHILD_PHC", &spec.password_hash)
                    .env("CLAVE_BENCH_CHILD_CITIZENS", spec.citizens.to_string());
                if let Some(url) = &spec.database_url {
                    command.env("CLAVE_BENCH_CHILD_DB", url);
                }
                if let Some(url) = &spec.redis_url {
                    command.env("CLAVE_BENCH_CHILD_REDIS", url);
                }
                if let Some(idle) = spec.hash_idle_release {
                    command.env(
                        "CLAVE_BENCH_CHILD_HASH_IDLE_MS",
                        idle.as_millis().to_string(),
                    );
                }
                if let Some(bytes) = spec.store_max_bytes {
                    command.env("CLAVE_BENCH_CHILD_STORE_MAX_BYTES", bytes.to_string());
                }
            }
        }
        // Experiments: extra environment for the server only, e.g.
        // `CLAVE_BENCH_SERVER_ENV="MALLOC_ARENA_MAX=2;MALLOC_MMAP_THRESHOLD_=131072"`.
        if let Ok(extra) = std::env::var("CLAVE_BENCH_SERVER_ENV") {
            for pair in extra.split(';').filter(|p| !p.trim().is_empty()) {
                if let Some((key, value)) = pair.split_once('=') {
                    command.env(key.trim(), value.trim());
                }
            }
        }
        let mut child = command.spawn().context("cannot start the server process")?;
        let pid = child.id();
        let mut stdout = BufReader::new(child.stdout.take().context("no stdout")?);
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .context("cannot read from the server process")?;
        let ready: Ready = match serde_json::from_str(line.trim()) {
            Ok(ready) => ready,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                bail!("the server process did not start (it printed {line:?})");
            }
        };
        let stdin = child.stdin.take();
        Ok(Server {
            child,
            stdin,
            stdout,
            pid,
            ready,
        })
    }

    /// Sends a provider child one command line and returns its one-line JSON answer.
    pub fn command(&mut self, line: &str) -> anyhow::Result<serde_json::Value> {
        let stdin = self.stdin.as_mut().context("the server is stopping")?;
        writeln!(stdin, "{line}")?;
        stdin.flush()?;
        let mut answer = String::new();
        self.stdout
            .read_line(&mut answer)
            .context("cannot read from the server process")?;
        let value: serde_json::Value = serde_json::from_str(answer.trim())
            .with_context(|| format!("the server answered {answer:?} to {line:?}"))?;
        if let Some(error) = value.get("error") {
            bail!("{line}: {error}");
        }
        Ok(value)
    }

    /// Asks the child to stop (closes its stdin) and waits up to 5 s, then kills it.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.stdin.is_some() {
            self.shut_down();
        }
    }
}

/// The role of this process, when it is a child.
pub fn role_from_env() -> Option<String> {
    std::env::var(ROLE_VAR).ok().filter(|r| !r.is_empty())
}

/// Runs a child until its standard input closes.
pub fn run(role: &str) -> anyhow::Result<()> {
    // The same runtime the `clave-idp` binary builds (`cli::run`).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let outcome = runtime.block_on(async {
        match role {
            "bare" => serve_bare().await,
            "provider" => serve_provider(spec_from_env()?).await,
            other => bail!("unknown {ROLE_VAR} {other:?}"),
        }
    });
    if let Err(error) = &outcome {
        eprintln!("bench server: {error:#}");
    }
    outcome
}

fn spec_from_env() -> anyhow::Result<ProviderSpec> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    Ok(ProviderSpec {
        dir: var("CLAVE_BENCH_CHILD_DIR")
            .context("CLAVE_BENCH_CHILD_DIR")?
            .into(),
        database_url: var("CLAVE_BENCH_CHILD_DB"),
        redis_url: var("CLAVE_BENCH_CHILD_REDIS"),
        redis_prefix: var("CLAVE_BENCH_CHILD_PREFIX").unwrap_or_else(|| "bench:".into()),
        password_hash: var("CLAVE_BENCH_CHILD_PHC").context("CLAVE_BENCH_CHILD_PHC")?,
        citizens: var("CLAVE_BENCH_CHILD_CITIZENS")
            .and_then(|v| v.parse().ok())
            .unwrap_or(16),
        hash_idle_release: var("CLAVE_BENCH_CHILD_HASH_IDLE_MS")
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis),
        store_max_bytes: var("CLAVE_BENCH_CHILD_STORE_MAX_BYTES").and_then(|v| v.parse().ok()),
    })
}

/// Resolves when the parent closes our standard input (or dies).
async fn parent_gone() {
    let _ = tokio::task::spawn_blocking(|| {
        let mut sink = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut sink);
    })
    .await;
}

fn announce(ready: &Ready) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", serde_json::to_string(ready)?)?;
    out.flush()?;
    Ok(())
}

/// The fixed body of the bare handler.
const BARE_BODY: &str = r#"{"status":"ok","service":"bare axum handler","fixed":true}"#;

async fn serve_bare() -> anyhow::Result<()> {
    use axum::http::header;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let router = axum::Router::new().route(
        "/bare",
        axum::routing::get(|| async { ([(header::CONTENT_TYPE, "application/json")], BARE_BODY) }),
    );
    announce(&Ready {
        base,
        client_id: String::new(),
        client_secret: String::new(),
        citizens: Vec::new(),
        hash_workers: 0,
        hash_queue: 0,
    })?;
    axum::serve(listener, router)
        .with_graceful_shutdown(parent_gone())
        .await?;
    Ok(())
}

/// A valid DNI: eight digits and their check letter.
pub fn dni(number: u32) -> String {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    format!("{number:08}{}", LETTERS[(number % 23) as usize] as char)
}

async fn serve_provider(spec: ProviderSpec) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let base = format!("http://{address}");
    let database_url = spec
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", spec.dir.join("clave.db").display()));
    // The attempt limits it ships with: honest traffic (every login succeeds,
    // every token request authenticates) must never meet them.
    let settings = Settings {
        listen: address,
        issuer: base.clone(),
        database_url,
        redis_url: spec.redis_url.clone(),
        redis_prefix: spec.redis_prefix.clone(),
        sms: SmsKind::Outbox,
        sms_outbox: spec.dir.join("sms.jsonl"),
        store_timeout_ms: 10_000,
        demo_portal: false,
        key_encryption_key: Some(clave_idp::kek::Kek::generate()),
        memory_store_max_bytes: spec
            .store_max_bytes
            .unwrap_or(Settings::default().memory_store_max_bytes),
        ..Settings::default()
    };
    // The provider's real argon2id parameters and pool (not the tests' cheap ones).
    // `CLAVE_BENCH_HASH_WORKERS` changes only the pool size, for experiments.
    let mut hasher = HasherParams::default();
    if let Some(workers) = std::env::var("CLAVE_BENCH_HASH_WORKERS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|w| *w > 0)
    {
        hasher.workers = workers;
        hasher.queue = 64 * workers;
    }
    if let Some(idle) = spec.hash_idle_release {
        hasher.idle_release = idle;
    }
    let overrides = Overrides {
        clock: Arc::new(SystemClock),
        hasher,
        sms: None,
        email: None,
    };
    let app = Application::build_on(listener, settings, overrides)
        .await
        .context("cannot build the provider")?;
    let state = app.state().clone();
    let now = SystemClock.now();

    let client = ClientRecord {
        client_id: CLIENT_ID.to_owned(),
        name: "Portal de pruebas de carga".to_owned(),
        kind: ClientKind::Confidential {
            secret_hash: hash_token(CLIENT_SECRET),
        },
        redirect_uris: vec![RegisteredUri::parse(REDIRECT_URI).context("the bench redirect URI")?],
        post_logout_redirect_uris: Vec::new(),
        sector: "portal.bench.example".to_owned(),
        social_security: false,
        require_pkce: false,
        id_token_alg: KeyAlg::Rs256,
        created_at: now,
        profile: Default::default(),
    };
    let audit = AuditEvent::new(now, AuditKind::ClientRegistered, "bench");
    state.db.insert_client(&client, &audit).await?;

    let mut citizens = Vec::with_capacity(spec.citizens);
    for i in 0..spec.citizens {
        let id = dni(10_000_000 + i as u32);
        let citizen = NewCitizen {
            id: id.clone(),
            given_name: "María".to_owned(),
            first_surname: "García".to_owned(),
            second_surname: Some("López".to_owned()),
            email: format!("ciudadana{i}@example.es"),
            phone: "+34600112233".to_owned(),
        };
        let audit = AuditEvent::new(now, AuditKind::CitizenRegistered, "bench").citizen(&id);
        state
            .db
            .register_citizen(&citizen, "unused-activation-code-hash", now, &audit)
            .await?;
        let audit = AuditEvent::new(now, AuditKind::CitizenActivated, "bench").citizen(&id);
        if !state
            .db
            .set_password(&id, &spec.password_hash, now, false, &audit)
            .await?
        {
            bail!("could not activate citizen {id}");
        }
        citizens.push(id);
    }

    announce(&Ready {
        base,
        client_id: CLIENT_ID.to_owned(),
        client_secret: CLIENT_SECRET.to_owned(),
        citizens: citizens.clone(),
        hash_workers: hasher.workers,
        hash_queue: hasher.queue,
    })?;
    let filler = Filler {
        state,
        client,
        citizens,
    };
    app.run_until_stopped(filler.serve_commands()).await
}

/// Makes live records through the provider's own token issuer, on command.
struct Filler {
    state: clave_idp::state::AppState,
    client: ClientRecord,
    citizens: Vec<String>,
}

impl Filler {
    /// Answers the parent's commands until its standard input closes.
    async fn serve_commands(self) {
        let (lines, mut commands) = tokio::sync::mpsc::unbounded_channel::<String>();
        // A thread of its own reads the blocking standard input; at its end the
        // channel closes and the server stops.
        std::thread::spawn(move || {
            for line in std::io::stdin().lines() {
                let Ok(line) = line else { break };
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        while let Some(line) = commands.recv().await {
            let answer = match self.fill(line.trim()).await {
                Ok(answer) => answer,
                Err(error) => serde_json::json!({ "error": format!("{error:#}") }),
            };
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{answer}");
            let _ = out.flush();
        }
    }

    /// `tokens N` or `codes N`: that many live records, as an ordinary login
    /// leaves them (scopes `openid profile email`, a session id, a nonce).
    async fn fill(&self, command: &str) -> anyhow::Result<serde_json::Value> {
        use clave_idp::crypto::random_token;
        use clave_idp::domain::{Assurance, Scopes};
        use clave_idp::oauth::claims::ClaimsRequest;
        use clave_idp::oauth::grants::Authorization;
        use clave_idp::oauth::request::AuthRequest;
        use clave_idp::oauth::tokens::AccessToken;

        let (what, count) = command.split_once(' ').context("expected `WHAT COUNT`")?;
        let count: usize = count.trim().parse().context("COUNT")?;
        let mut citizens = Vec::new();
        for id in &self.citizens {
            citizens.push(
                self.state
                    .db
                    .citizen(id)
                    .await?
                    .context("a bench citizen")?,
            );
        }
        // The ID token that `tokens` also signs is thrown away: ES256 keeps the
        // fill quick, and the access token's record does not depend on it.
        let mut client = self.client.clone();
        client.id_token_alg = KeyAlg::Es256;
        let scope = Scopes::parse_known(crate::flows::SCOPE);
        for n in 0..count {
            let citizen = &citizens[n % citizens.len()];
            let authz = Authorization {
                client_id: client.client_id.clone(),
                citizen_id: citizen.id.as_str().to_owned(),
                scope,
                claims: ClaimsRequest::default(),
                auth_time: SystemClock.now(),
                acr: Assurance::Low,
                amr: Assurance::Low.methods().to_vec(),
                sid: random_token(16),
                dpop_jkt: None,
            };
            match what {
                "tokens" => {
                    let nonce = random_token(16);
                    self.state
                        .tokens
                        .mint(&client, &authz, citizen, Some(&nonce), AccessToken::draw())
                        .await
                        .map_err(|e| anyhow::anyhow!("mint: {e:?}"))?;
                }
                "codes" => {
                    let request = AuthRequest {
                        client_id: client.client_id.clone(),
                        redirect_uri: REDIRECT_URI.to_owned(),
                        scope,
                        state: Some(random_token(16)),
                        nonce: Some(random_token(16)),
                        code_challenge: None,
                        prompt_none: false,
                        prompt_login: false,
                        max_age: None,
                        assurance: Assurance::Low,
                        claims: ClaimsRequest::default(),
                        login_hint: None,
                        ui_locales: None,
                        id_token_hint: None,
                        dpop_jkt: None,
                    };
                    self.state.tokens.issue_code(&request, authz).await?;
                }
                other => bail!("unknown record kind {other:?}"),
            }
        }
        let footprint = self.state.ephemeral.footprint();
        Ok(serde_json::json!({
            "made": count,
            "store_keys": footprint.as_ref().map(|f| f.keys),
            "store_bytes": footprint.as_ref().map(|f| f.bytes),
        }))
    }
}
