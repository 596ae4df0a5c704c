//! What the kernel says about a process: CPU time and resident memory.
//!
//! The provider under load runs in a child process (see `child.rs`), so its CPU
//! time is `utime + stime` of that process (every thread, including the blocking
//! pool, SQLite workers and threads that already exited) and its memory is that
//! process's `VmHWM`/`VmRSS` alone, without the load client's share.

use std::fs;

/// `/proc/*/stat` counts in clock ticks of `USER_HZ`, which Linux fixes at 100 for
/// user space on every architecture this runs on.
const TICKS_PER_SECOND: f64 = 100.0;

/// CPU seconds (user + system) a process has used so far.
pub fn cpu_seconds(pid: u32) -> f64 {
    stat_cpu(&format!("/proc/{pid}/stat"))
}

/// CPU seconds the calling thread has used so far.
pub fn thread_cpu_seconds() -> f64 {
    stat_cpu("/proc/thread-self/stat")
}

fn stat_cpu(path: &str) -> f64 {
    let Ok(text) = fs::read_to_string(path) else {
        return f64::NAN;
    };
    // The command name is in parentheses and may contain spaces: split after it.
    let Some((_, rest)) = text.rsplit_once(')') else {
        return f64::NAN;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After ")": state(3) … utime is field 14 and stime 15 of the whole line.
    let ticks = |index: usize| {
        fields
            .get(index)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) as f64 / TICKS_PER_SECOND
}

/// A `Vm*` line of `/proc/PID/status`, in KiB.
pub fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let text = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|value| value.split_whitespace().next()?.parse().ok())
}

/// Resets the process's peak resident set (`VmHWM`) to its current size, so the
/// next reading is the peak of what ran in between (Linux ≥ 4.0,
/// `Documentation/filesystems/proc.rst`, `clear_refs` value 5).
pub fn reset_peak(pid: u32) -> bool {
    fs::write(format!("/proc/{pid}/clear_refs"), "5").is_ok()
}

/// The 1-minute load average, to show how busy the machine was.
pub fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| {
            let parts: Vec<&str> = text.split_whitespace().take(3).collect();
            Some(parts.join(" ")).filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "?".to_owned())
}

/// KiB to MiB.
pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// CPU seconds used so far by every process named one of `names` (e.g. the
/// PostgreSQL and Redis servers). Machine-wide: includes work for other users of
/// those servers.
pub fn cpu_seconds_of_named(names: &[&str]) -> f64 {
    let Ok(entries) = fs::read_dir("/proc") else {
        return f64::NAN;
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            fs::read_to_string(format!("/proc/{pid}/comm"))
                .map(|comm| names.contains(&comm.trim()))
                .unwrap_or(false)
        })
        .map(cpu_seconds)
        .filter(|cpu| cpu.is_finite())
        .sum()
}
