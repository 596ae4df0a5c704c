//! `rss-bursts`: memory given back after bursts of logins.
//!
//! On a fresh provider, [`CYCLES`] times: [`LOGINS`] password logins at once
//! (brought to the password page beforehand, so only the password POSTs make
//! the burst), then [`IDLE`] without a request, a little longer than the
//! hashing threads keep an idle argon2 area ([`RELEASE`], set for this
//! provider so the scenario is short; the shipped delay is 10 s). The server's
//! anonymous RSS (`RssAnon`: its own memory, without the code and libraries
//! mapped from files) is read before the first burst, sampled during each burst
//! for its peak, and read after each idle. The target: after every idle it is
//! back within [`MARGIN_MIB`] of the idle figure, as it should be once the
//! hashing areas are released (the sessions the logins leave are a few KiB).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use anyhow::{Context, ensure};
use reqwest::StatusCode;
use serde_json::json;

use crate::child::{ProviderSpec, Role, Server};
use crate::flows::Provider;
use crate::procfs;
use crate::report::{Row, Target};
use crate::scenarios::{Results, Stores};

/// The scenario's name in `CLAVE_BENCH_ONLY`.
pub const NAME: &str = "rss-bursts";
/// Bursts.
const CYCLES: usize = 6;
/// Password logins in each burst.
const LOGINS: usize = 10;
/// How long this provider's hashing threads keep an idle working area.
const RELEASE: Duration = Duration::from_secs(2);
/// The pause after each burst.
const IDLE: Duration = Duration::from_millis(3_500);
/// How far above idle the anonymous RSS may stay after a pause.
const MARGIN_MIB: f64 = 10.0;

/// What one burst did to the server's memory.
struct Cycle {
    /// Highest `RssAnon` sampled during the burst, KiB.
    peak_anon_kib: u64,
    /// `RssAnon` after the pause, KiB.
    after_idle_anon_kib: u64,
}

/// Runs the scenario on a provider of its own.
pub async fn run(
    stores: &Stores,
    mut spec: ProviderSpec,
    http: reqwest::Client,
    results: &mut Results,
) -> anyhow::Result<()> {
    let backend = stores.name();
    spec.hash_idle_release = Some(RELEASE);
    let role = Role::Provider(spec);
    let server = tokio::task::spawn_blocking(move || Server::start(&role)).await??;
    let pid = server.pid;
    let p = Arc::new(Provider::new(http, &server.ready));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let anon = || procfs::status_kib(pid, "RssAnon").unwrap_or(0);
    let idle_anon_kib = anon();
    let idle_rss_kib = procfs::status_kib(pid, "VmRSS").unwrap_or(0);
    eprintln!(
        "[{backend}] {NAME}: provider pid {pid}; idle RSS {:.1} MiB, {:.1} anonymous; {CYCLES} bursts of {LOGINS} logins, {:.1} s apart",
        procfs::mib(idle_rss_kib),
        procfs::mib(idle_anon_kib),
        IDLE.as_secs_f64()
    );
    procfs::reset_peak(pid);
    let mut cycles = Vec::with_capacity(CYCLES);
    let mut logins = 0u64;
    let mut failures = Vec::new();
    for cycle in 0..CYCLES {
        let mut pages = Vec::with_capacity(LOGINS);
        for i in 0..LOGINS {
            let n = (cycle * LOGINS + i) as u64;
            let citizen = p.citizens[(n as usize) % p.citizens.len()].clone();
            pages.push(p.reach_password_page(&citizen, 5_000_000 + n).await?);
        }
        let sampling = Arc::new(AtomicBool::new(true));
        let peak = Arc::new(AtomicU64::new(anon()));
        let sampler = {
            let (sampling, peak) = (Arc::clone(&sampling), Arc::clone(&peak));
            tokio::spawn(async move {
                while sampling.load(Ordering::Relaxed) {
                    peak.fetch_max(
                        procfs::status_kib(pid, "RssAnon").unwrap_or(0),
                        Ordering::Relaxed,
                    );
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            })
        };
        let mut burst = tokio::task::JoinSet::new();
        for page in pages {
            let p = Arc::clone(&p);
            burst.spawn(async move { p.submit_password(page).await });
        }
        while let Some(joined) = burst.join_next().await {
            match joined.context("a login task")? {
                Ok((response, _)) if response.status() == StatusCode::SEE_OTHER => logins += 1,
                Ok((response, _)) => failures.push(response.status().to_string()),
                Err(error) => failures.push(format!("{error:#}")),
            }
        }
        sampling.store(false, Ordering::Relaxed);
        sampler.await?;
        let peak_anon_kib = peak.load(Ordering::Relaxed).max(anon());
        tokio::time::sleep(IDLE).await;
        cycles.push(Cycle {
            peak_anon_kib,
            after_idle_anon_kib: anon(),
        });
    }
    let peak_rss_kib = procfs::status_kib(pid, "VmHWM").unwrap_or(0);
    let end_rss_kib = procfs::status_kib(pid, "VmRSS").unwrap_or(0);
    tokio::task::spawn_blocking(move || server.stop()).await?;
    ensure!(
        failures.is_empty(),
        "{} of {} burst logins failed: {:?}",
        failures.len(),
        CYCLES * LOGINS,
        &failures[..failures.len().min(5)]
    );

    let mib = procfs::mib;
    let idle = mib(idle_anon_kib);
    let peak = cycles.iter().map(|c| c.peak_anon_kib).max().unwrap_or(0);
    let worst = cycles
        .iter()
        .map(|c| c.after_idle_anon_kib)
        .max()
        .unwrap_or(0);
    let after: Vec<String> = cycles
        .iter()
        .map(|c| format!("{:.1}", mib(c.after_idle_anon_kib)))
        .collect();
    let peaks: Vec<String> = cycles
        .iter()
        .map(|c| format!("{:.1}", mib(c.peak_anon_kib)))
        .collect();
    results.rows.push(Row {
        backend: backend.to_owned(),
        scenario: format!("login bursts ({CYCLES} × {LOGINS}, idle)"),
        ops: logins,
        start_rss_mib: Some(mib(idle_rss_kib)),
        peak_rss_mib: Some(mib(peak_rss_kib)),
        end_rss_mib: Some(mib(end_rss_kib)),
        p50_ms: f64::NAN,
        p99_ms: f64::NAN,
        ops_per_s: f64::NAN,
        note: Some(format!(
            "anonymous MiB: idle {idle:.1}; peak per burst {}; after each {:.1} s idle {}",
            peaks.join(", "),
            IDLE.as_secs_f64(),
            after.join(", ")
        )),
        ..Row::default()
    });
    results.targets.push(Target::check(
        backend,
        "after login bursts, anonymous RSS back within 10 MiB of idle",
        format!(
            "idle {idle:.1} MiB, peak {:.1}, after each idle {} (worst +{:.1} MiB); {CYCLES} bursts of {LOGINS} logins",
            mib(peak),
            after.join(", "),
            mib(worst) - idle
        ),
        mib(worst) <= idle + MARGIN_MIB,
    ));
    let entry = results
        .extra
        .entry(backend.to_owned())
        .or_insert_with(|| json!({}));
    if let Some(map) = entry.as_object_mut() {
        map.insert(
            NAME.into(),
            json!({
                "cycles": CYCLES,
                "logins_per_cycle": LOGINS,
                "hash_idle_release_s": RELEASE.as_secs_f64(),
                "idle_s": IDLE.as_secs_f64(),
                "idle_anon_mib": idle,
                "peak_anon_mib": cycles.iter().map(|c| mib(c.peak_anon_kib)).collect::<Vec<_>>(),
                "after_idle_anon_mib": cycles.iter().map(|c| mib(c.after_idle_anon_kib)).collect::<Vec<_>>(),
                "peak_rss_mib": mib(peak_rss_kib),
            }),
        );
    }
    Ok(())
}
