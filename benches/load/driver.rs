//! Load generators: a closed loop (N workers, each sends its next request when the
//! last one answered: finds the maximum rate) and an open loop (requests sent on a
//! fixed schedule whatever the answers: latency at a given rate). Both stop by
//! themselves at a time limit or an operation count, whichever comes first.
//! Latencies go into HdrHistograms in microseconds.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;

/// Latencies up to 2 minutes, 3 significant digits.
pub fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 120_000_000, 3).expect("constant, valid bounds")
}

fn record(histogram: &mut Histogram<u64>, elapsed: Duration) {
    let micros = u64::try_from(elapsed.as_micros())
        .unwrap_or(u64::MAX)
        .max(1);
    histogram.saturating_record(micros);
}

/// When a run stops.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Time limit.
    pub time: Duration,
    /// Operation limit.
    pub ops: u64,
}

/// What one operation reports.
pub enum Step {
    /// Done: its latency counts.
    Done,
    /// Nothing left to do (e.g. no pre-made codes left): the worker stops.
    Exhausted,
}

/// The outcome of a run.
pub struct Run {
    /// Operations that succeeded.
    pub ok: u64,
    /// Operations that failed.
    pub failed: u64,
    /// Wall time from the first request to the last answer.
    pub elapsed: Duration,
    /// Latency of the successful operations, µs.
    pub latency: Histogram<u64>,
    /// The first failure, for the report.
    pub first_error: Option<String>,
}

impl Run {
    /// Successful operations per second.
    pub fn rate(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// A latency quantile in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        quantile_ms(&self.latency, q)
    }
}

/// A latency quantile of `histogram` in milliseconds (NaN when empty).
pub fn quantile_ms(histogram: &Histogram<u64>, q: f64) -> f64 {
    if histogram.is_empty() {
        f64::NAN
    } else {
        histogram.value_at_quantile(q) as f64 / 1000.0
    }
}

/// Runs `op(worker, n)` on `concurrency` workers until the budget is spent.
pub async fn closed_loop<F, Fut>(concurrency: usize, budget: Budget, op: F) -> Run
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = anyhow::Result<Step>> + Send + 'static,
{
    let op = Arc::new(op);
    let issued = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + budget.time;
    let mut workers = tokio::task::JoinSet::new();
    for worker in 0..concurrency.max(1) {
        let op = Arc::clone(&op);
        let issued = Arc::clone(&issued);
        workers.spawn(async move {
            let mut latency = histogram();
            let (mut ok, mut failed, mut first_error) = (0u64, 0u64, None::<String>);
            while Instant::now() < deadline {
                let n = issued.fetch_add(1, Ordering::Relaxed);
                if n >= budget.ops {
                    break;
                }
                let sent = Instant::now();
                match op(worker, n).await {
                    Ok(Step::Done) => {
                        record(&mut latency, sent.elapsed());
                        ok += 1;
                    }
                    Ok(Step::Exhausted) => break,
                    Err(error) => {
                        failed += 1;
                        first_error.get_or_insert_with(|| format!("{error:#}"));
                    }
                }
            }
            (latency, ok, failed, first_error)
        });
    }
    let mut run = Run {
        ok: 0,
        failed: 0,
        elapsed: Duration::ZERO,
        latency: histogram(),
        first_error: None,
    };
    while let Some(joined) = workers.join_next().await {
        match joined {
            Ok((latency, ok, failed, first_error)) => {
                let _ = run.latency.add(&latency);
                run.ok += ok;
                run.failed += failed;
                if run.first_error.is_none() {
                    run.first_error = first_error;
                }
            }
            Err(error) => {
                run.failed += 1;
                run.first_error.get_or_insert_with(|| error.to_string());
            }
        }
    }
    run.elapsed = started.elapsed();
    run
}

/// The outcome of an open-loop run.
pub struct OpenRun {
    /// The finished requests; latency as [`open_loop`] explains.
    pub run: Run,
    /// Requests the schedule called for.
    pub scheduled: u64,
    /// Scheduled requests dropped because the run was already past its end plus
    /// a grace period (the server fell far behind the rate).
    pub skipped: u64,
    /// Latency from the moment each request was actually sent (service time only).
    pub from_send: Histogram<u64>,
}

/// How long an open loop may run past its end to finish its backlog.
const GRACE: Duration = Duration::from_secs(2);

/// Sends `op(n)` at `rate` per second for `time`, or until `stop` is set, from
/// `workers` tasks (so at most that many connections), like wrk2: worker `w` sends
/// requests `w`, `w + workers`, … each at its scheduled instant.
///
/// Latency counts from the scheduled instant when the worker was still busy with
/// its previous request then (waiting for the server is latency: no coordinated
/// omission), and from the moment it woke up when it was idle (tokio's timer
/// ticks in milliseconds: its lateness is the client's, not the server's).
pub async fn open_loop<F, Fut>(
    rate: f64,
    time: Duration,
    workers: usize,
    stop: Option<Arc<AtomicBool>>,
    op: F,
) -> OpenRun
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = anyhow::Result<Step>> + Send + 'static,
{
    let op = Arc::new(op);
    let workers = workers.max(1);
    let interval = Duration::from_secs_f64(1.0 / rate.max(1.0));
    let started = Instant::now() + Duration::from_millis(2);
    let hard_stop = started + time + GRACE;
    let mut pool = tokio::task::JoinSet::new();
    for worker in 0..workers {
        let (op, stop) = (Arc::clone(&op), stop.clone());
        pool.spawn(async move {
            let (mut from_due, mut from_send) = (histogram(), histogram());
            let (mut ok, mut failed, mut skipped, mut scheduled) = (0u64, 0u64, 0u64, 0u64);
            let mut first_error = None::<String>;
            let mut n = worker as u64;
            loop {
                let due = started + interval.mul_f64(n as f64);
                if due.duration_since(started) >= time
                    || stop.as_ref().is_some_and(|s| s.load(Ordering::Relaxed))
                {
                    break;
                }
                scheduled += 1;
                n += workers as u64;
                let mark = if Instant::now() < due {
                    tokio::time::sleep_until(due.into()).await;
                    Instant::now()
                } else {
                    due
                };
                if Instant::now() > hard_stop {
                    skipped += 1;
                    continue;
                }
                let sent = Instant::now();
                match op(n - workers as u64).await {
                    Ok(_) => {
                        let answered = Instant::now();
                        record(&mut from_due, answered.saturating_duration_since(mark));
                        record(&mut from_send, answered - sent);
                        ok += 1;
                    }
                    Err(error) => {
                        failed += 1;
                        first_error.get_or_insert_with(|| format!("{error:#}"));
                    }
                }
            }
            (
                from_due,
                from_send,
                ok,
                failed,
                skipped,
                scheduled,
                first_error,
            )
        });
    }
    let mut out = OpenRun {
        run: Run {
            ok: 0,
            failed: 0,
            elapsed: Duration::ZERO,
            latency: histogram(),
            first_error: None,
        },
        scheduled: 0,
        skipped: 0,
        from_send: histogram(),
    };
    while let Some(joined) = pool.join_next().await {
        if let Ok((from_due, from_send, ok, failed, skipped, scheduled, first_error)) = joined {
            let _ = out.run.latency.add(&from_due);
            let _ = out.from_send.add(&from_send);
            out.run.ok += ok;
            out.run.failed += failed;
            out.skipped += skipped;
            out.scheduled += scheduled;
            if out.run.first_error.is_none() {
                out.run.first_error = first_error;
            }
        }
    }
    out.run.elapsed = started.elapsed();
    out
}

impl Run {
    /// An empty run, to merge slices into.
    pub fn empty() -> Run {
        Run {
            ok: 0,
            failed: 0,
            elapsed: Duration::ZERO,
            latency: histogram(),
            first_error: None,
        }
    }

    /// Adds another slice of the same measurement.
    pub fn merge(&mut self, other: Run) {
        self.ok += other.ok;
        self.failed += other.failed;
        self.elapsed += other.elapsed;
        let _ = self.latency.add(&other.latency);
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }
}
