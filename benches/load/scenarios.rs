//! The scenarios against one provider (embedded or PostgreSQL + Redis), each
//! timed on its own, with the server's CPU and memory around it, and the targets
//! they are held to.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, ensure};
use hdrhistogram::Histogram;
use reqwest::StatusCode;
use serde_json::json;

use clave_idp::crypto::password::IDLE_RELEASE;

use crate::baselines::Rate;
use crate::child::{ProviderSpec, Role, Server};
use crate::driver::{self, Budget, Run, Step, closed_loop, open_loop, quantile_ms};
use crate::flows::{Jar, OFFLINE_SCOPE, PasswordPage, Provider, SCOPE};
use crate::procfs;
use crate::report::{Row, Target};

/// How hard and how long.
#[derive(Debug, Clone)]
pub struct Config {
    /// Time limit of each timed phase.
    pub secs: Duration,
    /// Workers of the closed loops.
    pub concurrency: usize,
    /// Operation limit of each timed phase.
    pub max_ops: u64,
    /// Citizens registered in each provider.
    pub citizens: usize,
    /// Only these scenarios (`static`, `login`, `code`, `refresh`, `userinfo`,
    /// `introspection`, `burst`, `rss-bursts`, `rss-tokens`); `None` = all.
    pub only: Option<Vec<String>>,
}

impl Config {
    /// Whether `scenario` is to be timed.
    pub fn wants(&self, scenario: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|s| s == scenario))
    }
}

/// The floors every scenario is compared with.
#[derive(Clone)]
pub struct Baselines {
    /// The bare handler's URL (its server runs for the whole bench).
    pub bare_url: String,
    /// Its p99 at 80 % of its maximum, ms.
    pub bare_p99_at_80: f64,
    /// RS256 signatures on all cores.
    pub rs256: Rate,
    /// The key ring that signed them, to measure again next to each scenario.
    pub rs256_bench: Arc<crate::baselines::Rs256>,
}

/// Everything measured so far.
#[derive(Debug, Default)]
pub struct Results {
    /// The table.
    pub rows: Vec<Row>,
    /// The targets.
    pub targets: Vec<Target>,
    /// Numbers that do not fit the table (per backend).
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Which stores the provider runs on.
#[derive(Debug, Clone)]
pub enum Stores {
    /// SQLite file in a temp dir, in-process ephemeral store.
    Embedded,
    /// PostgreSQL (a schema of its own) and Redis (a prefix of its own).
    Real {
        /// PostgreSQL URL.
        database_url: String,
        /// Redis URL.
        redis_url: String,
    },
}

impl Stores {
    /// The backend's name in the table.
    pub fn name(&self) -> &'static str {
        match self {
            Stores::Embedded => "embedded",
            Stores::Real { .. } => "postgres+redis",
        }
    }
}

/// Resource use around a timed phase.
struct Meter {
    pid: u32,
    start_kib: Option<u64>,
    server_cpu: f64,
    client_cpu: f64,
    store_cpu: Option<f64>,
}

/// What a timed phase cost.
struct Usage {
    server_cpu: f64,
    client_cpu: f64,
    store_cpu: Option<f64>,
    start_kib: Option<u64>,
    peak_kib: Option<u64>,
    end_kib: Option<u64>,
}

impl Usage {
    fn zero() -> Usage {
        Usage {
            server_cpu: 0.0,
            client_cpu: 0.0,
            store_cpu: None,
            start_kib: None,
            peak_kib: None,
            end_kib: None,
        }
    }

    /// This phase followed by `next`.
    fn plus(self, next: Usage) -> Usage {
        Usage {
            server_cpu: self.server_cpu + next.server_cpu,
            client_cpu: self.client_cpu + next.client_cpu,
            store_cpu: match (self.store_cpu, next.store_cpu) {
                (Some(a), Some(b)) => Some(a + b),
                (a, b) => a.or(b),
            },
            start_kib: self.start_kib.or(next.start_kib),
            peak_kib: self.peak_kib.max(next.peak_kib),
            end_kib: next.end_kib.or(self.end_kib),
        }
    }
}

const STORE_PROCESSES: [&str; 2] = ["postgres", "redis-server"];

impl Meter {
    fn start(pid: u32, track_stores: bool) -> Meter {
        procfs::reset_peak(pid);
        Meter {
            pid,
            start_kib: procfs::status_kib(pid, "VmRSS"),
            server_cpu: procfs::cpu_seconds(pid),
            client_cpu: procfs::cpu_seconds(std::process::id()),
            store_cpu: track_stores.then(|| procfs::cpu_seconds_of_named(&STORE_PROCESSES)),
        }
    }

    fn stop(self) -> Usage {
        Usage {
            server_cpu: procfs::cpu_seconds(self.pid) - self.server_cpu,
            client_cpu: procfs::cpu_seconds(std::process::id()) - self.client_cpu,
            store_cpu: self
                .store_cpu
                .map(|before| procfs::cpu_seconds_of_named(&STORE_PROCESSES) - before),
            start_kib: self.start_kib,
            peak_kib: procfs::status_kib(self.pid, "VmHWM"),
            end_kib: procfs::status_kib(self.pid, "VmRSS"),
        }
    }
}

/// A table row from a run and what it cost.
fn row(
    backend: &str,
    scenario: &str,
    run: &Run,
    usage: Option<&Usage>,
    baseline: Option<(&str, f64)>,
) -> Row {
    let per_op = |cpu: f64| (run.ok > 0).then(|| cpu * 1000.0 / run.ok as f64);
    Row {
        backend: backend.to_owned(),
        scenario: scenario.to_owned(),
        ops: run.ok,
        failed: run.failed,
        seconds: run.elapsed.as_secs_f64(),
        ops_per_s: run.rate(),
        p50_ms: run.quantile_ms(0.50),
        p99_ms: run.quantile_ms(0.99),
        server_cpu_ms_per_op: usage.and_then(|u| per_op(u.server_cpu)),
        client_cpu_ms_per_op: usage.and_then(|u| per_op(u.client_cpu)),
        store_cpu_ms_per_op: usage.and_then(|u| u.store_cpu.and_then(per_op)),
        start_rss_mib: usage.and_then(|u| u.start_kib).map(procfs::mib),
        peak_rss_mib: usage.and_then(|u| u.peak_kib).map(procfs::mib),
        end_rss_mib: usage.and_then(|u| u.end_kib).map(procfs::mib),
        baseline: baseline.map(|(name, _)| name.to_owned()),
        baseline_ops_per_s: baseline.map(|(_, rate)| rate),
        ratio: baseline.map(|(_, rate)| run.rate() / rate),
        first_error: run.first_error.clone(),
        note: None,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The bare handler's server, kept running for the whole bench so every
/// scenario can be measured next to it.
pub struct Bare {
    server: Server,
    /// `http://127.0.0.1:PORT/bare`.
    pub url: String,
}

impl Bare {
    /// Starts it.
    pub async fn start() -> anyhow::Result<Bare> {
        let server = tokio::task::spawn_blocking(|| Server::start(&Role::Bare)).await??;
        let url = format!("{}/bare", server.ready.base);
        Ok(Bare { server, url })
    }

    /// Stops it.
    pub async fn stop(self) {
        let server = self.server;
        let _ = tokio::task::spawn_blocking(move || server.stop()).await;
    }
}

fn bare_op(
    http: reqwest::Client,
    url: String,
) -> impl Fn(
    usize,
    u64,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<Step>> + Send>>
+ Clone
+ Send
+ Sync
+ 'static {
    move |_: usize, _: u64| {
        let (http, url) = (http.clone(), url.clone());
        Box::pin(async move {
            let response = http.get(&url).send().await?;
            ensure!(
                response.status() == StatusCode::OK,
                "bare: {}",
                response.status()
            );
            response.bytes().await?;
            Ok(Step::Done)
        })
    }
}

/// The bare handler alone: its maximum rate and its p99 at 80 % of it.
pub async fn bare_baseline(
    cfg: &Config,
    http: reqwest::Client,
    bare: &Bare,
    results: &mut Results,
) -> anyhow::Result<(f64, f64)> {
    let op = bare_op(http, bare.url.clone());
    warm_up(cfg, op.clone()).await;
    let pid = bare.server.pid;
    let meter = Meter::start(pid, false);
    let run = closed_loop(cfg.concurrency, budget(cfg), op.clone()).await;
    let usage = meter.stop();
    let max = run.rate();
    results.rows.push(row(
        "baseline",
        "bare axum handler",
        &run,
        Some(&usage),
        None,
    ));
    let p99 = at_80_percent(
        cfg,
        "baseline",
        "bare @80% max (open loop)",
        max,
        pid,
        false,
        op,
        results,
    )
    .await;
    Ok((max, p99))
}

/// Runs `op` in an open loop at 80 % of `max` (its closed-loop maximum), adds the
/// row and returns the p99 in ms.
#[allow(clippy::too_many_arguments)]
async fn at_80_percent<F, Fut>(
    cfg: &Config,
    backend: &str,
    label: &str,
    max: f64,
    pid: u32,
    real: bool,
    op: F,
    results: &mut Results,
) -> f64
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = anyhow::Result<Step>> + Send + 'static,
{
    let meter = Meter::start(pid, real);
    let open = open_loop(0.8 * max, cfg.secs, cfg.concurrency, None, move |n| {
        op(0, n)
    })
    .await;
    let usage = meter.stop();
    let mut open_row = row(backend, label, &open.run, Some(&usage), None);
    open_row.note = Some(format!(
        "{:.0}/s scheduled; p99 from send {:.2} ms; {} skipped",
        0.8 * max,
        quantile_ms(&open.from_send, 0.99),
        open.skipped
    ));
    results.rows.push(open_row);
    open.run.quantile_ms(0.99)
}

/// What a scenario is compared with, measured in slices alternating with it.
#[derive(Clone)]
pub enum Floor {
    /// The bare handler (HTTP floor).
    Bare {
        /// The shared client.
        http: reqwest::Client,
        /// Its URL.
        url: String,
    },
    /// argon2id on every core.
    Argon2,
    /// RS256 on every core.
    Rs256(Arc<crate::baselines::Rs256>),
}

impl Floor {
    fn name(&self) -> &'static str {
        match self {
            Floor::Bare { .. } => "bare handler",
            Floor::Argon2 => "argon2 all cores",
            Floor::Rs256(_) => "RS256 all cores",
        }
    }
}

/// A scenario measured in slices alternating with its floor.
struct Paired {
    run: Run,
    usage: Usage,
    /// The floor's rate over its slices.
    floor_rate: f64,
    /// The floor's CPU per operation (CPU floors only), s.
    floor_cpu_per_op: f64,
}

/// Slices per paired measurement.
const ROUNDS: u32 = 3;

/// Measures `op` on `concurrency` workers in [`ROUNDS`] slices, each after a
/// slice of `floor`, so both see the same machine: other processes' load drifts
/// over seconds, and a ratio of two runs minutes apart would measure that drift.
async fn paired<F, Fut>(
    cfg: &Config,
    floor: &Floor,
    pid: u32,
    real: bool,
    concurrency: usize,
    op: F,
) -> anyhow::Result<Paired>
where
    F: Fn(usize, u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = anyhow::Result<Step>> + Send + 'static,
{
    let slice = (cfg.secs / ROUNDS).max(Duration::from_millis(300));
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut run = Run::empty();
    let mut usage: Option<Usage> = None;
    let (mut floor_ops, mut floor_secs, mut floor_cpu) = (0u64, 0f64, 0f64);
    for _ in 0..ROUNDS {
        match floor {
            Floor::Bare { http, url } => {
                let bare = closed_loop(
                    cfg.concurrency,
                    Budget {
                        time: slice,
                        ops: cfg.max_ops / u64::from(ROUNDS),
                    },
                    bare_op(http.clone(), url.clone()),
                )
                .await;
                floor_ops += bare.ok;
                floor_secs += bare.elapsed.as_secs_f64();
            }
            Floor::Argon2 => {
                let rate =
                    tokio::task::spawn_blocking(move || crate::baselines::argon2(cores, slice))
                        .await??;
                floor_ops += rate.ops;
                floor_secs += rate.ops as f64 / rate.per_second;
                floor_cpu += rate.cpu_per_op * rate.ops as f64;
            }
            Floor::Rs256(bench) => {
                let bench = Arc::clone(bench);
                let rate = tokio::task::spawn_blocking(move || bench.run(cores, slice)).await?;
                floor_ops += rate.ops;
                floor_secs += rate.ops as f64 / rate.per_second;
                floor_cpu += rate.cpu_per_op * rate.ops as f64;
            }
        }
        let meter = Meter::start(pid, real);
        let part = closed_loop(
            concurrency,
            Budget {
                time: slice,
                ops: cfg.max_ops / u64::from(ROUNDS),
            },
            op.clone(),
        )
        .await;
        let measured = meter.stop();
        usage = Some(match usage {
            None => measured,
            Some(total) => total.plus(measured),
        });
        run.merge(part);
    }
    Ok(Paired {
        run,
        usage: usage.unwrap_or_else(Usage::zero),
        floor_rate: floor_ops as f64 / floor_secs.max(1e-9),
        floor_cpu_per_op: floor_cpu / floor_ops.max(1) as f64,
    })
}

impl Paired {
    fn row(&self, backend: &str, scenario: &str, floor: &Floor) -> Row {
        row(
            backend,
            scenario,
            &self.run,
            Some(&self.usage),
            Some((floor.name(), self.floor_rate)),
        )
    }

    fn ratio(&self) -> f64 {
        self.run.rate() / self.floor_rate
    }

    /// Server CPU per operation, ms.
    fn server_cpu_ms(&self) -> f64 {
        self.usage.server_cpu * 1000.0 / self.run.ok.max(1) as f64
    }

    /// The target "ratio ≥ `at_least`", measured as ratio, both rates and `detail`.
    fn target(&self, backend: &str, label: &str, at_least: f64, detail: &str) -> Target {
        let rate = |r: f64| {
            if r >= 100.0 {
                format!("{r:.0}")
            } else {
                format!("{r:.1}")
            }
        };
        Target::check(
            backend,
            label,
            format!(
                "{:.2} × ({}/s vs {}/s{detail})",
                self.ratio(),
                rate(self.run.rate()),
                rate(self.floor_rate)
            ),
            self.ratio() >= at_least,
        )
    }
}

fn budget(cfg: &Config) -> Budget {
    Budget {
        time: cfg.secs,
        ops: cfg.max_ops,
    }
}

async fn warm_up<F, Fut>(cfg: &Config, op: F)
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = anyhow::Result<Step>> + Send + 'static,
{
    let _ = closed_loop(
        cfg.concurrency,
        Budget {
            time: Duration::from_millis(300),
            ops: 2_000,
        },
        op,
    )
    .await;
}

/// A unique, lower-case name for a schema or key prefix.
fn unique_name() -> String {
    let random = clave_idp::crypto::hash_token(&clave_idp::crypto::random_token(16));
    format!("bench_{}_{}", std::process::id(), &random[..12])
}

/// The scenarios [`run_provider`] times, by the names `CLAVE_BENCH_ONLY` takes.
const SUITE: [&str; 7] = [
    "static",
    "login",
    "code",
    "refresh",
    "userinfo",
    "introspection",
    "burst",
];

/// Runs every scenario against a provider on `stores`: the suite on one
/// provider, then each memory scenario on a fresh provider of its own.
pub async fn provider_suite(
    cfg: &Config,
    base: &Baselines,
    stores: &Stores,
    password_hash: &str,
    http: reqwest::Client,
    results: &mut Results,
) -> anyhow::Result<()> {
    if SUITE.iter().any(|scenario| cfg.wants(scenario)) {
        let fresh = Fresh::new(stores, password_hash, cfg.citizens).await?;
        let outcome =
            run_provider(cfg, base, stores, fresh.spec.clone(), http.clone(), results).await;
        fresh.clean_up().await;
        outcome?;
    }
    if cfg.wants(crate::rss_bursts::NAME) {
        let fresh = Fresh::new(stores, password_hash, cfg.citizens).await?;
        let outcome =
            crate::rss_bursts::run(stores, fresh.spec.clone(), http.clone(), results).await;
        fresh.clean_up().await;
        outcome?;
    }
    if cfg.wants(crate::rss_tokens::NAME) && matches!(stores, Stores::Embedded) {
        let fresh = Fresh::new(stores, password_hash, cfg.citizens).await?;
        let outcome = crate::rss_tokens::run(stores, fresh.spec.clone(), results).await;
        fresh.clean_up().await;
        outcome?;
    }
    Ok(())
}

/// A provider's own stores: a temporary folder and, on PostgreSQL + Redis, a
/// schema and a key prefix of its own, dropped by [`Fresh::clean_up`].
pub struct Fresh {
    _dir: tempfile::TempDir,
    name: String,
    stores: Stores,
    /// How to start a provider on them.
    pub spec: ProviderSpec,
}

impl Fresh {
    /// New, empty stores for a provider with `citizens` citizens.
    pub async fn new(
        stores: &Stores,
        password_hash: &str,
        citizens: usize,
    ) -> anyhow::Result<Fresh> {
        let dir = tempfile::tempdir()?;
        let name = unique_name();
        let (database_url, redis_url) = match stores {
            Stores::Embedded => (None, None),
            Stores::Real {
                database_url,
                redis_url,
            } => {
                let admin =
                    clave_idp::store::sql::SqlStore::connect(database_url, Duration::from_secs(10))
                        .await
                        .context("cannot connect to the bench PostgreSQL")?;
                admin.execute_raw(&format!("CREATE SCHEMA {name}")).await?;
                admin.close().await;
                let separator = if database_url.contains('?') { '&' } else { '?' };
                (
                    Some(format!(
                        "{database_url}{separator}options=-c%20search_path%3D{name}"
                    )),
                    Some(redis_url.clone()),
                )
            }
        };
        let spec = ProviderSpec {
            dir: dir.path().to_owned(),
            database_url,
            redis_url,
            redis_prefix: format!("{name}:"),
            password_hash: password_hash.to_owned(),
            citizens,
            hash_idle_release: None,
            store_max_bytes: None,
        };
        Ok(Fresh {
            _dir: dir,
            name,
            stores: stores.clone(),
            spec,
        })
    }

    /// Drops the schema and the keys (the folder goes when `self` does).
    pub async fn clean_up(self) {
        if let Stores::Real {
            database_url,
            redis_url,
        } = &self.stores
        {
            clean_up(database_url, redis_url, &self.name).await;
        }
    }
}

async fn clean_up(database_url: &str, redis_url: &str, name: &str) {
    if let Ok(admin) =
        clave_idp::store::sql::SqlStore::connect(database_url, Duration::from_secs(10)).await
    {
        let _ = admin
            .execute_raw(&format!("DROP SCHEMA {name} CASCADE"))
            .await;
        admin.close().await;
    }
    let Ok(client) = redis::Client::open(redis_url) else {
        return;
    };
    let Ok(mut conn) = client.get_multiplexed_async_connection().await else {
        return;
    };
    let mut cursor = 0u64;
    loop {
        let Ok((next, keys)): Result<(u64, Vec<String>), _> = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(format!("{name}:*"))
            .arg("COUNT")
            .arg(1000)
            .query_async(&mut conn)
            .await
        else {
            return;
        };
        if !keys.is_empty() {
            let _: Result<u64, _> = redis::cmd("DEL").arg(&keys).query_async(&mut conn).await;
        }
        if next == 0 {
            return;
        }
        cursor = next;
    }
}

async fn run_provider(
    cfg: &Config,
    base: &Baselines,
    stores: &Stores,
    spec: ProviderSpec,
    http: reqwest::Client,
    results: &mut Results,
) -> anyhow::Result<()> {
    let backend = stores.name();
    let real = matches!(stores, Stores::Real { .. });
    let started = Instant::now();
    let role = Role::Provider(spec);
    let server = tokio::task::spawn_blocking(move || Server::start(&role)).await??;
    let startup_s = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pid = server.pid;
    let status = |field: &str| procfs::status_kib(pid, field).unwrap_or(0);
    let (idle_kib, startup_peak_kib) = (status("VmRSS"), status("VmHWM"));
    let (idle_anon_kib, idle_file_kib) = (status("RssAnon"), status("RssFile"));
    let p = Arc::new(Provider::new(http.clone(), &server.ready));
    let workers = server.ready.hash_workers;
    let queue = server.ready.hash_queue;
    let mut extra = serde_json::Map::new();
    extra.insert("startup_s".into(), json!(startup_s));
    extra.insert("idle_rss_mib".into(), json!(procfs::mib(idle_kib)));
    extra.insert(
        "idle_rss_anon_mib".into(),
        json!(procfs::mib(idle_anon_kib)),
    );
    extra.insert(
        "idle_rss_file_mib".into(),
        json!(procfs::mib(idle_file_kib)),
    );
    extra.insert(
        "startup_peak_rss_mib".into(),
        json!(procfs::mib(startup_peak_kib)),
    );
    extra.insert("hash_workers".into(), json!(workers));
    extra.insert("hash_queue".into(), json!(queue));
    eprintln!(
        "[{backend}] provider pid {pid} ready in {startup_s:.2} s; idle RSS {:.1} MiB (start-up peak {:.1} MiB); hash pool {workers} workers + {queue} queue",
        procfs::mib(idle_kib),
        procfs::mib(startup_peak_kib)
    );
    let mut targets = Vec::new();
    let bare = Floor::Bare {
        http: http.clone(),
        url: base.bare_url.clone(),
    };
    let rs256 = Floor::Rs256(Arc::clone(&base.rs256_bench));

    // --- Discovery and JWKS: maximum rate next to the bare handler's, then p99
    // at 80 % of that maximum.
    if cfg.wants("static") {
        for (scenario, path) in [
            ("discovery", "/.well-known/openid-configuration"),
            ("jwks", "/jwks"),
        ] {
            let op = {
                let p = Arc::clone(&p);
                move |_: usize, _: u64| {
                    let p = Arc::clone(&p);
                    async move {
                        p.get_ok(path).await?;
                        Ok(Step::Done)
                    }
                }
            };
            warm_up(cfg, op.clone()).await;
            let measured = paired(cfg, &bare, pid, real, cfg.concurrency, op.clone()).await?;
            let max = measured.run.rate();
            results.rows.push(measured.row(backend, scenario, &bare));
            targets.push(measured.target(
                backend,
                &format!("{scenario} ≥ 0.9 × bare handler"),
                0.9,
                ", measured in alternating slices",
            ));
            let label = format!("{scenario} @80% max (open)");
            let p99 = at_80_percent(cfg, backend, &label, max, pid, real, op, results).await;
            targets.push(Target::check(
                backend,
                &format!("{scenario} p99 ≤ 2 ms at 80 % of max"),
                format!(
                    "p99 {p99:.2} ms at {:.0}/s (bare handler at 80 % of its max: {:.2} ms)",
                    0.8 * max,
                    base.bare_p99_at_80
                ),
                p99 <= 2.0,
            ));
        }
    }

    // --- Browsers with an SSO session: they make codes with one request each.
    let browser_count = p.citizens.len().min(8);
    let mut browsers: Vec<Jar> = Vec::new();
    for (i, citizen) in p.citizens.iter().take(browser_count).enumerate() {
        let (jar, _) = p.log_in(citizen, 1_000_000 + i as u64).await?;
        browsers.push(jar);
    }
    let browsers = Arc::new(browsers);
    // The token scenarios hash nothing: let the hashing threads give back the
    // argon2 working areas of those logins first (as a provider does once its
    // logins pause), so that their memory is the token scenarios' own.
    let after_logins_kib = status("VmRSS");
    tokio::time::sleep(IDLE_RELEASE + Duration::from_secs(1)).await;
    let released_kib = status("VmRSS");
    extra.insert(
        "rss_after_logins_mib".into(),
        json!(procfs::mib(after_logins_kib)),
    );
    extra.insert(
        "rss_after_hash_release_mib".into(),
        json!(procfs::mib(released_kib)),
    );
    let mut token_phases: Vec<(String, Option<u64>, Option<u64>)> = Vec::new();

    // --- Code exchange: codes made beforehand; only the token requests are timed.
    let code_wanted = cfg.wants("code");
    // An exchange signs, so it cannot outrun the raw signing rate: that many codes
    // for the phase, and a tenth more. (A code left unredeemed stays in the store
    // until it expires and would count in the phase's memory.)
    let wanted = if code_wanted {
        ((base.rs256.per_second * cfg.secs.as_secs_f64() * 1.1) as u64).clamp(100, cfg.max_ops)
    } else {
        64
    };
    let codes = Arc::new(Mutex::new(Vec::<String>::new()));
    let prep = {
        let (p, browsers, codes) = (Arc::clone(&p), Arc::clone(&browsers), Arc::clone(&codes));
        move |worker: usize, n: u64| {
            let (p, browsers, codes) = (Arc::clone(&p), Arc::clone(&browsers), Arc::clone(&codes));
            async move {
                let code = p
                    .sso_code(&browsers[worker % browsers.len()], SCOPE, n)
                    .await?;
                lock(&codes).push(code);
                Ok(Step::Done)
            }
        }
    };
    let prepared = closed_loop(
        cfg.concurrency,
        Budget {
            time: 2 * cfg.secs,
            ops: wanted,
        },
        prep,
    )
    .await;
    let access_tokens = Arc::new(Mutex::new(Vec::<String>::new()));
    let exchange = {
        let (p, codes, access_tokens) = (
            Arc::clone(&p),
            Arc::clone(&codes),
            Arc::clone(&access_tokens),
        );
        move |_: usize, _: u64| {
            let (p, codes, access_tokens) = (
                Arc::clone(&p),
                Arc::clone(&codes),
                Arc::clone(&access_tokens),
            );
            async move {
                let Some(code) = lock(&codes).pop() else {
                    return Ok(Step::Exhausted);
                };
                let tokens = p.exchange(&code).await?;
                let mut kept = lock(&access_tokens);
                if kept.len() < 4096 {
                    kept.push(tokens.access_token);
                }
                Ok(Step::Done)
            }
        }
    };
    if code_wanted {
        let mut sso_row = row(
            backend,
            "(prep) SSO authorize → code",
            &prepared,
            None,
            None,
        );
        sso_row.note = Some("not a target; makes the codes".into());
        results.rows.push(sso_row);
        let measured = paired(cfg, &rs256, pid, real, cfg.concurrency, exchange).await?;
        let mut code_row = measured.row(backend, "code exchange", &rs256);
        code_row.note = Some(format!("{} codes made beforehand", prepared.ok));
        token_phases.push((
            "code exchange".into(),
            measured.usage.start_kib,
            measured.usage.peak_kib,
        ));
        results.rows.push(code_row);
        targets.push(measured.target(
            backend,
            "code exchange ≥ 0.7 × raw RS256 signs/s",
            0.7,
            &format!(
                "; server CPU {:.2} ms per exchange vs {:.2} ms per signature",
                measured.server_cpu_ms(),
                measured.floor_cpu_per_op * 1000.0
            ),
        ));
    } else {
        let _ = closed_loop(cfg.concurrency, budget(cfg), exchange).await;
    }

    // --- Refresh: one rotating chain per worker.
    if cfg.wants("refresh") {
        let mut chains = Vec::new();
        for worker in 0..cfg.concurrency {
            let code = p
                .sso_code(
                    &browsers[worker % browsers.len()],
                    OFFLINE_SCOPE,
                    2_000_000 + worker as u64,
                )
                .await?;
            let tokens = p.exchange(&code).await?;
            chains.push(Mutex::new(
                tokens
                    .refresh_token
                    .context("no refresh_token for an offline_access request")?,
            ));
        }
        let chains = Arc::new(chains);
        let refresh = {
            let (p, chains) = (Arc::clone(&p), Arc::clone(&chains));
            move |worker: usize, _: u64| {
                let (p, chains) = (Arc::clone(&p), Arc::clone(&chains));
                async move {
                    let current = lock(&chains[worker]).clone();
                    let next = p.refresh(&current).await?;
                    *lock(&chains[worker]) = next;
                    Ok(Step::Done)
                }
            }
        };
        let measured = paired(cfg, &rs256, pid, real, cfg.concurrency, refresh).await?;
        token_phases.push((
            "refresh".into(),
            measured.usage.start_kib,
            measured.usage.peak_kib,
        ));
        results
            .rows
            .push(measured.row(backend, "refresh (rotate + ID token)", &rs256));
        targets.push(measured.target(
            backend,
            "refresh ≥ 0.5 × its limit (raw RS256 signs/s: one ID token each)",
            0.5,
            &format!(
                "; server CPU {:.2} ms per refresh",
                measured.server_cpu_ms()
            ),
        ));
    }

    // --- Userinfo and introspection with the access tokens issued above.
    let tokens: Arc<Vec<String>> = Arc::new(lock(&access_tokens).clone());
    ensure!(
        !tokens.is_empty(),
        "the code exchange issued no access token"
    );
    let mut userinfo_max = 10_000.0;
    for scenario in ["userinfo", "introspection"] {
        if !cfg.wants(scenario) {
            continue;
        }
        let op = {
            let (p, tokens) = (Arc::clone(&p), Arc::clone(&tokens));
            move |_: usize, n: u64| {
                let (p, tokens) = (Arc::clone(&p), Arc::clone(&tokens));
                async move {
                    let token = &tokens[(n as usize) % tokens.len()];
                    if scenario == "userinfo" {
                        p.userinfo(token).await?;
                    } else {
                        p.introspect(token).await?;
                    }
                    Ok(Step::Done)
                }
            }
        };
        let measured = paired(cfg, &bare, pid, real, cfg.concurrency, op).await?;
        token_phases.push((
            scenario.into(),
            measured.usage.start_kib,
            measured.usage.peak_kib,
        ));
        if scenario == "userinfo" {
            userinfo_max = measured.run.rate();
        }
        results.rows.push(measured.row(backend, scenario, &bare));
        targets.push(measured.target(
            backend,
            &format!("{scenario} ≥ 0.5 × its limit (the bare handler)"),
            0.5,
            "",
        ));
    }

    // --- Memory (before the login scenarios, whose argon2 blocks stay resident).
    let idle_mib = procfs::mib(idle_kib);
    targets.push(Target::check(
        backend,
        "idle RSS after start-up ≤ 20 MiB",
        format!(
            "{idle_mib:.1} MiB ({:.1} anonymous + {:.1} file-backed; start-up peak {:.1} MiB)",
            procfs::mib(idle_anon_kib),
            procfs::mib(idle_file_kib),
            procfs::mib(startup_peak_kib)
        ),
        idle_mib <= 20.0,
    ));
    if !token_phases.is_empty() {
        let peak = token_phases
            .iter()
            .filter_map(|(_, _, peak)| *peak)
            .max()
            .unwrap_or(0);
        let first = token_phases
            .first()
            .and_then(|(_, start, _)| *start)
            .unwrap_or(0);
        let detail: Vec<String> = token_phases
            .iter()
            .map(|(name, start, peak)| {
                format!(
                    "{name} {:.1}→{:.1}",
                    procfs::mib(start.unwrap_or(0)),
                    procfs::mib(peak.unwrap_or(0))
                )
            })
            .collect();
        targets.push(Target::check(
            backend,
            "peak RSS ≤ 40 MiB under the token scenarios",
            format!(
                "{:.1} MiB; {:.1} MiB when they began ({browser_count} logins left {:.1} MiB, {:.1} MiB once the hashing threads released their argon2 areas; MiB start→peak: {})",
                procfs::mib(peak),
                procfs::mib(first),
                procfs::mib(after_logins_kib),
                procfs::mib(released_kib),
                detail.join(", ")
            ),
            procfs::mib(peak) <= 40.0,
        ));
    }

    // --- Full password login: 5 requests and one argon2id verification each,
    // alternating with argon2 on every core.
    if cfg.wants("login") {
        let login_concurrency = (4 * workers).max(4);
        let login_op = {
            let p = Arc::clone(&p);
            move |worker: usize, n: u64| {
                let p = Arc::clone(&p);
                async move {
                    let citizen = p.citizens[worker % p.citizens.len()].clone();
                    p.log_in(&citizen, n).await?;
                    Ok(Step::Done)
                }
            }
        };
        let floor = Floor::Argon2;
        let measured = paired(cfg, &floor, pid, real, login_concurrency, login_op).await?;
        let mut login_row = measured.row(backend, "login (5 requests)", &floor);
        login_row.note = Some(format!("{login_concurrency} browsers at once"));
        let login_cpu_ms = login_row.server_cpu_ms_per_op.unwrap_or(f64::NAN);
        let hash_cpu_ms = measured.floor_cpu_per_op * 1000.0;
        let outside_hash_ms = login_cpu_ms - hash_cpu_ms;
        extra.insert("login_cpu_outside_hash_ms".into(), json!(outside_hash_ms));
        results.rows.push(login_row);
        targets.push(measured.target(
            backend,
            "login ≥ 0.8 × argon2 hashes/s on all cores",
            0.8,
            "",
        ));
        targets.push(Target::check(
            backend,
            "server CPU outside the hash ≤ 3 ms per login",
            format!(
                "{outside_hash_ms:.2} ms ({login_cpu_ms:.2} ms per login − {hash_cpu_ms:.2} ms per hash){}",
                measured
                    .usage
                    .store_cpu
                    .map(|cpu| format!(
                        "; + {:.2} ms in PostgreSQL/Redis",
                        cpu * 1000.0 / measured.run.ok.max(1) as f64
                    ))
                    .unwrap_or_default()
            ),
            outside_hash_ms <= 3.0,
        ));
    }

    // --- Burst: logins beyond the hashing pool while userinfo is measured.
    if cfg.wants("burst") {
        let burst = burst(cfg, &p, pid, workers, queue, userinfo_max, &tokens).await?;
        targets.extend(burst.targets(backend));
        extra.insert("burst".into(), burst.json());
        results.rows.extend(burst.rows(backend));
    }

    results.targets.extend(targets);
    results
        .extra
        .insert(backend.into(), serde_json::Value::Object(extra));
    tokio::task::spawn_blocking(move || server.stop()).await?;
    Ok(())
}

/// What the burst showed.
struct Burst {
    unloaded: driver::OpenRun,
    loaded: driver::OpenRun,
    rate: f64,
    fired: usize,
    capacity: usize,
    accepted: Histogram<u64>,
    refused: Histogram<u64>,
    refused_without_retry_after: u64,
    other: Vec<String>,
    drain_s: f64,
    usage: Usage,
}

impl Burst {
    fn targets(&self, backend: &str) -> Vec<Target> {
        let unloaded = self.unloaded.run.quantile_ms(0.99);
        let loaded = self.loaded.run.quantile_ms(0.99);
        let refused = self.refused.len();
        let refused_p99 = quantile_ms(&self.refused, 0.99);
        vec![
            Target::check(
                backend,
                "burst: userinfo p99 ≤ 2 × unloaded p99",
                format!(
                    "{loaded:.2} ms vs {unloaded:.2} ms unloaded ({:.1} ×) at {:.0}/s",
                    loaded / unloaded,
                    self.rate
                ),
                loaded <= 2.0 * unloaded,
            ),
            Target::check(
                backend,
                "burst: overflow logins refused at once (429/503 + Retry-After, p99 ≤ 100 ms)",
                format!(
                    "{refused} of {} refused (pool {} = workers + queue; ≥ {} expected), p99 {refused_p99:.1} ms; {} without Retry-After; {} other",
                    self.fired,
                    self.capacity,
                    self.fired.saturating_sub(self.capacity),
                    self.refused_without_retry_after,
                    self.other.len()
                ),
                refused > 0 && self.refused_without_retry_after == 0 && refused_p99 <= 100.0,
            ),
        ]
    }

    fn rows(&self, backend: &str) -> Vec<Row> {
        let mut unloaded = row(
            backend,
            "userinfo unloaded (open)",
            &self.unloaded.run,
            None,
            None,
        );
        unloaded.note = Some(format!("{:.0}/s", self.rate));
        let mut loaded = row(
            backend,
            "userinfo during login burst",
            &self.loaded.run,
            None,
            None,
        );
        loaded.note = Some(format!("{:.0}/s during the burst", self.rate));
        let as_run = |h: &Histogram<u64>| Run {
            ok: h.len(),
            failed: 0,
            elapsed: Duration::from_secs_f64(self.drain_s.max(1e-9)),
            latency: h.clone(),
            first_error: None,
        };
        let mut accepted = row(
            backend,
            "burst logins accepted",
            &as_run(&self.accepted),
            Some(&self.usage),
            None,
        );
        accepted.note = Some(
            "latency of the password POST (waits in the hash queue); CPU and RSS of the whole burst, per accepted login".into(),
        );
        let mut refused = row(
            backend,
            "burst logins refused",
            &as_run(&self.refused),
            None,
            None,
        );
        refused.note = Some("429/503 with Retry-After".into());
        vec![unloaded, loaded, accepted, refused]
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "userinfo_rate": self.rate,
            "userinfo_unloaded_p99_ms": self.unloaded.run.quantile_ms(0.99),
            "userinfo_loaded_p99_ms": self.loaded.run.quantile_ms(0.99),
            "userinfo_loaded_failed": self.loaded.run.failed,
            "fired": self.fired,
            "pool_capacity": self.capacity,
            "accepted": self.accepted.len(),
            "accepted_p99_ms": quantile_ms(&self.accepted, 0.99),
            "refused": self.refused.len(),
            "refused_p50_ms": quantile_ms(&self.refused, 0.5),
            "refused_p99_ms": quantile_ms(&self.refused, 0.99),
            "refused_without_retry_after": self.refused_without_retry_after,
            "other": self.other,
            "drain_s": self.drain_s,
        })
    }
}

async fn burst(
    cfg: &Config,
    p: &Arc<Provider>,
    pid: u32,
    workers: usize,
    queue: usize,
    userinfo_max: f64,
    tokens: &Arc<Vec<String>>,
) -> anyhow::Result<Burst> {
    let rate = (0.1 * userinfo_max).clamp(100.0, 1000.0);
    let userinfo = {
        let (p, tokens) = (Arc::clone(p), Arc::clone(tokens));
        move |n: u64| {
            let (p, tokens) = (Arc::clone(&p), Arc::clone(&tokens));
            async move {
                p.userinfo(&tokens[(n as usize) % tokens.len()]).await?;
                Ok(Step::Done)
            }
        }
    };
    let unloaded = open_loop(rate, cfg.secs, cfg.concurrency, None, userinfo.clone()).await;

    // Twice what the pool admits, brought to the password page beforehand.
    let capacity = workers + queue;
    let fired = 2 * capacity;
    let pages = Arc::new(Mutex::new(Vec::<PasswordPage>::new()));
    let prepare = {
        let (p, pages) = (Arc::clone(p), Arc::clone(&pages));
        move |_: usize, n: u64| {
            let (p, pages) = (Arc::clone(&p), Arc::clone(&pages));
            async move {
                let citizen = p.citizens[(n as usize) % p.citizens.len()].clone();
                let page = p.reach_password_page(&citizen, 3_000_000 + n).await?;
                lock(&pages).push(page);
                Ok(Step::Done)
            }
        }
    };
    let prepared = closed_loop(
        cfg.concurrency,
        Budget {
            time: Duration::from_secs(30),
            ops: fired as u64,
        },
        prepare,
    )
    .await;
    let pages: Vec<PasswordPage> = std::mem::take(&mut *lock(&pages));
    ensure!(
        pages.len() == fired,
        "only {} of {fired} logins reached the password page: {:?}",
        pages.len(),
        prepared.first_error
    );

    let stop = Arc::new(AtomicBool::new(false));
    let meter = Meter::start(pid, false);
    let loaded = tokio::spawn(open_loop(
        rate,
        Duration::from_secs(20),
        cfg.concurrency,
        Some(Arc::clone(&stop)),
        userinfo,
    ));
    let fire_at = Instant::now();
    let mut submissions = tokio::task::JoinSet::new();
    for page in pages {
        let p = Arc::clone(p);
        submissions.spawn(async move {
            let sent = Instant::now();
            let outcome = p.submit_password(page).await;
            let elapsed = sent.elapsed();
            outcome.map(|(response, _)| {
                let status = response.status();
                let retry_after = response
                    .headers()
                    .contains_key(reqwest::header::RETRY_AFTER);
                (status, retry_after, elapsed)
            })
        });
    }
    let (mut accepted, mut refused) = (driver::histogram(), driver::histogram());
    let mut refused_without_retry_after = 0;
    let mut other = Vec::new();
    while let Some(joined) = submissions.join_next().await {
        match joined {
            Ok(Ok((status, retry_after, elapsed))) => {
                let micros = u64::try_from(elapsed.as_micros())
                    .unwrap_or(u64::MAX)
                    .max(1);
                match status {
                    StatusCode::SEE_OTHER => accepted.saturating_record(micros),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                        refused.saturating_record(micros);
                        if !retry_after {
                            refused_without_retry_after += 1;
                        }
                    }
                    other_status => other.push(other_status.to_string()),
                }
            }
            Ok(Err(error)) => other.push(format!("{error:#}")),
            Err(error) => other.push(error.to_string()),
        }
    }
    let drain_s = fire_at.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    let loaded = loaded.await?;
    let usage = meter.stop();
    other.truncate(10);
    Ok(Burst {
        unloaded,
        loaded,
        rate,
        fired,
        capacity,
        accepted,
        refused,
        refused_without_retry_after,
        other,
        drain_s,
        usage,
    })
}
