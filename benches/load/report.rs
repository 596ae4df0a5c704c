//! The results: one row per scenario and backend, the targets with PASS/FAIL, and
//! the same as JSON.

use std::fmt::Write as _;

use serde::Serialize;

/// One measured scenario.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Row {
    /// `baseline`, `embedded` or `postgres+redis`.
    pub backend: String,
    /// What was measured.
    pub scenario: String,
    /// Successful operations.
    pub ops: u64,
    /// Failed operations.
    pub failed: u64,
    /// Wall time of the timed phase, s.
    pub seconds: f64,
    /// Successful operations per second.
    pub ops_per_s: f64,
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 99th-percentile latency, ms.
    pub p99_ms: f64,
    /// CPU of the server process per operation, ms.
    pub server_cpu_ms_per_op: Option<f64>,
    /// CPU of the load client (this process) per operation, ms.
    pub client_cpu_ms_per_op: Option<f64>,
    /// CPU of the PostgreSQL and Redis servers per operation, ms (machine-wide).
    pub store_cpu_ms_per_op: Option<f64>,
    /// Resident set of the server process when the timed phase began, MiB.
    pub start_rss_mib: Option<f64>,
    /// Peak resident set of the server process during the timed phase, MiB.
    pub peak_rss_mib: Option<f64>,
    /// Resident set of the server process at the end of the phase, MiB.
    pub end_rss_mib: Option<f64>,
    /// The baseline this scenario is compared with.
    pub baseline: Option<String>,
    /// Its rate.
    pub baseline_ops_per_s: Option<f64>,
    /// ops_per_s / baseline_ops_per_s.
    pub ratio: Option<f64>,
    /// The first failure, if any.
    pub first_error: Option<String>,
    /// Anything else worth knowing.
    pub note: Option<String>,
}

/// A target checked against the measurements.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// Backend.
    pub backend: String,
    /// The target, in words.
    pub target: String,
    /// What was measured, in words.
    pub measured: String,
    /// Whether it is met.
    pub pass: bool,
}

impl Target {
    /// A checked target.
    pub fn check(backend: &str, target: &str, measured: String, pass: bool) -> Target {
        Target {
            backend: backend.to_owned(),
            target: target.to_owned(),
            measured,
            pass,
        }
    }
}

fn num(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "-".to_owned()
    }
}

fn opt(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "-".to_owned(), |v| num(v, decimals))
}

/// The table.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<15} {:<28} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {:<26} {:>6}",
        "backend",
        "scenario",
        "ops/s",
        "p50 ms",
        "p99 ms",
        "srvCPU",
        "cliCPU",
        "storeCPU",
        "peakRSS",
        "endRSS",
        "baseline (ops/s)",
        "ratio"
    );
    let _ = writeln!(
        out,
        "{:<15} {:<28} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {:<26} {:>6}",
        "", "", "", "", "", "ms/op", "ms/op", "ms/op", "MiB", "MiB", "", ""
    );
    for row in rows {
        let baseline = match (&row.baseline, row.baseline_ops_per_s) {
            (Some(name), Some(rate)) => format!("{name} ({})", num(rate, 0)),
            _ => "-".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<15} {:<28} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {:<26} {:>6}{}",
            row.backend,
            row.scenario,
            num(row.ops_per_s, 1),
            num(row.p50_ms, 2),
            num(row.p99_ms, 2),
            opt(row.server_cpu_ms_per_op, 3),
            opt(row.client_cpu_ms_per_op, 3),
            opt(row.store_cpu_ms_per_op, 3),
            opt(row.peak_rss_mib, 1),
            opt(row.end_rss_mib, 1),
            baseline,
            opt(row.ratio, 2),
            if row.failed > 0 {
                format!(
                    "  [{} failed: {}]",
                    row.failed,
                    row.first_error.as_deref().unwrap_or("?")
                )
            } else {
                String::new()
            }
        );
    }
    out
}

/// The targets, one line each.
pub fn targets(targets: &[Target]) -> String {
    let mut out = String::new();
    for t in targets {
        let _ = writeln!(
            out,
            "{:<4} [{}] {} — {}",
            if t.pass { "PASS" } else { "FAIL" },
            t.backend,
            t.target,
            t.measured
        );
    }
    let failed = targets.iter().filter(|t| !t.pass).count();
    let _ = writeln!(
        out,
        "targets: {} passed, {} failed",
        targets.len() - failed,
        failed
    );
    out
}
