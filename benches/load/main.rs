//! `cargo bench --bench load`: how fast the provider is, against floors measured
//! in the same run on the same (noisy) machine.
//!
//! **Baselines**, measured first: a bare axum handler returning a fixed JSON
//! body, driven by the same client at the same concurrency; argon2id hashes/s with
//! the provider's own parameters (`HasherParams::default()`) on every core; RS256
//! signatures/s of a typical ID-token claim set through `KeyRing::sign_jwt` on
//! every core.
//!
//! **Scenarios**, against the real provider (`Application::build_on` on a loopback
//! port, real argon2 parameters, rate limits out of the way) on the embedded
//! defaults (SQLite file + in-process store) and, when configured, on PostgreSQL +
//! Redis: discovery, JWKS, full password login, code exchange, refresh, userinfo,
//! introspection; discovery and JWKS again at 80 % of their maximum rate (open
//! loop); and a burst of logins beyond the hashing pool while userinfo is measured.
//! Then, each on a fresh provider of its own: memory given back after bursts of
//! logins (`rss_bursts.rs`) and, on the embedded store, the memory of a live
//! access token and a live code (`rss_tokens.rs`).
//!
//! Each server runs in a child process (this binary again, see `child.rs`) so
//! that its CPU time and peak RSS are its own, with nothing of the load client.
//! Every phase stops by itself after `CLAVE_BENCH_SECS` or `CLAVE_BENCH_MAX_OPS`.
//!
//! Settings (environment): `CLAVE_BENCH_SECS` (3), `CLAVE_BENCH_CONCURRENCY` (32),
//! `CLAVE_BENCH_MAX_OPS` (200000), `CLAVE_BENCH_CITIZENS` (16),
//! `CLAVE_BENCH_BACKENDS` (`embedded,postgres`), `CLAVE_BENCH_ONLY` (e.g.
//! `static,login`; of `static login code refresh userinfo introspection burst
//! rss-bursts rss-tokens`), `CLAVE_BENCH_DATABASE_URL` /
//! `CLAVE_BENCH_REDIS_URL` (else `CLAVE_TEST_DATABASE_URL` / `CLAVE_TEST_REDIS_URL`;
//! PostgreSQL + Redis run only when both are set), `CLAVE_BENCH_JSON=PATH` (or
//! `cargo bench --bench load -- --json PATH`) to write the results as JSON.
//! Experiments only: `CLAVE_BENCH_SERVER_ENV="K=V;K=V"` (environment of the server
//! process, e.g. glibc malloc tunables) and `CLAVE_BENCH_HASH_WORKERS` (hashing
//! pool size instead of one per core).

mod baselines;
mod child;
mod driver;
mod flows;
mod procfs;
mod report;
mod rss_bursts;
mod rss_tokens;
mod scenarios;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use argon2::{Algorithm, Argon2, Params, PasswordHasher as _, Version};
use clave_idp::crypto::HasherParams;
use serde_json::json;

use crate::report::Row;
use crate::scenarios::{Baselines, Config, Results, Stores};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn env_parse<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match env(name) {
        None => Ok(default),
        Some(value) => value
            .trim()
            .parse()
            .map_err(|_| anyhow::anyhow!("{name}={value:?} is not a valid number")),
    }
}

fn json_path() -> Option<PathBuf> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .or_else(|| env("CLAVE_BENCH_JSON").map(PathBuf::from))
}

fn main() -> anyhow::Result<()> {
    if let Some(role) = child::role_from_env() {
        return child::run(&role);
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let cfg = Config {
        secs: Duration::from_secs_f64(env_parse("CLAVE_BENCH_SECS", 3.0f64)?.clamp(0.5, 60.0)),
        concurrency: env_parse("CLAVE_BENCH_CONCURRENCY", 32usize)?.clamp(1, 1024),
        max_ops: env_parse("CLAVE_BENCH_MAX_OPS", 200_000u64)?.max(10),
        citizens: env_parse("CLAVE_BENCH_CITIZENS", 16usize)?.clamp(1, 10_000),
        only: env("CLAVE_BENCH_ONLY")
            .map(|list| list.split(',').map(|s| s.trim().to_owned()).collect()),
    };
    let wanted = env("CLAVE_BENCH_BACKENDS").unwrap_or_else(|| "embedded,postgres".into());
    let database_url = env("CLAVE_BENCH_DATABASE_URL").or_else(|| env("CLAVE_TEST_DATABASE_URL"));
    let redis_url = env("CLAVE_BENCH_REDIS_URL").or_else(|| env("CLAVE_TEST_REDIS_URL"));
    let mut backends = Vec::new();
    if wanted.contains("embedded") {
        backends.push(Stores::Embedded);
    }
    if wanted.contains("postgres") {
        match (database_url, redis_url) {
            (Some(database_url), Some(redis_url)) => backends.push(Stores::Real {
                database_url,
                redis_url,
            }),
            _ => eprintln!(
                "skipped: PostgreSQL + Redis (set CLAVE_BENCH_DATABASE_URL and CLAVE_BENCH_REDIS_URL, \
                 or CLAVE_TEST_DATABASE_URL and CLAVE_TEST_REDIS_URL)"
            ),
        }
    }
    let load_before = procfs::load_average();
    eprintln!(
        "clave-idp load bench: {cores} cores, load average {load_before}; {:.1} s or {} ops per phase, {} workers",
        cfg.secs.as_secs_f64(),
        cfg.max_ops,
        cfg.concurrency
    );

    let mut results = Results::default();

    // --- CPU floors, in this process, before any server exists.
    eprintln!("baseline: argon2id on {cores} threads …");
    let argon2 = baselines::argon2(cores, cfg.secs)?;
    eprintln!("baseline: RS256 on {cores} threads …");
    let rs256_bench = std::sync::Arc::new(baselines::Rs256::new()?);
    let rs256 = rs256_bench.run(cores, cfg.secs);
    for (name, rate) in [
        ("argon2id hash (all cores)", argon2),
        ("RS256 sign (all cores)", rs256),
    ] {
        results.rows.push(Row {
            backend: "baseline".into(),
            scenario: name.into(),
            ops: rate.ops,
            seconds: rate.ops as f64 / rate.per_second,
            ops_per_s: rate.per_second,
            p50_ms: f64::NAN,
            p99_ms: f64::NAN,
            server_cpu_ms_per_op: Some(rate.cpu_per_op * 1000.0),
            note: Some(format!(
                "{} threads; CPU per op from the threads' own clocks",
                rate.threads
            )),
            ..Row::default()
        });
    }
    // The citizens' password hash, made here so the provider's idle memory is
    // that of a production start-up.
    let params = HasherParams::default();
    let password_hash = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            None,
        )
        .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?,
    )
    .hash_password(child::PASSWORD.as_bytes())
    .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
    .to_string();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .thread_name("bench-client")
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let http = flows::http_client()?;
        eprintln!("baseline: bare axum handler …");
        let bare_server = scenarios::Bare::start().await?;
        let (_bare, bare_p99_at_80) =
            scenarios::bare_baseline(&cfg, http.clone(), &bare_server, &mut results).await?;
        let base = Baselines {
            bare_url: bare_server.url.clone(),
            bare_p99_at_80,
            rs256,
            rs256_bench,
        };
        for stores in &backends {
            eprintln!("[{}] scenarios …", stores.name());
            if let Err(error) = scenarios::provider_suite(
                &cfg,
                &base,
                stores,
                &password_hash,
                http.clone(),
                &mut results,
            )
            .await
            {
                eprintln!("[{}] FAILED: {error:#}", stores.name());
                results.targets.push(report::Target::check(
                    stores.name(),
                    "the scenarios run to the end",
                    format!("{error:#}"),
                    false,
                ));
            }
        }
        bare_server.stop().await;
        anyhow::Ok(())
    })?;
    let load_after = procfs::load_average();

    println!();
    println!(
        "clave-idp load bench — {cores} cores; load average {load_before} before, {load_after} after; \
         {:.1} s or {} ops per phase; {} client workers",
        cfg.secs.as_secs_f64(),
        cfg.max_ops,
        cfg.concurrency
    );
    println!(
        "srvCPU = CPU of the server process per op (child process utime+stime); cliCPU = this load client;"
    );
    println!(
        "storeCPU = PostgreSQL + Redis server processes (machine-wide); RSS = server process VmHWM / VmRSS."
    );
    println!();
    print!("{}", report::table(&results.rows));
    println!();
    print!("{}", report::targets(&results.targets));

    if let Some(path) = json_path() {
        let document = json!({
            "cores": cores,
            "load_average_before": load_before,
            "load_average_after": load_after,
            "secs_per_phase": cfg.secs.as_secs_f64(),
            "max_ops_per_phase": cfg.max_ops,
            "concurrency": cfg.concurrency,
            "citizens": cfg.citizens,
            "rows": results.rows,
            "targets": results.targets,
            "backends": results.extra,
        });
        std::fs::write(&path, serde_json::to_string_pretty(&document)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
