//! The CPU-bound floors, measured on all cores in this process: argon2id with the
//! provider's own parameters, and RS256 signatures of an ID-token claim set with
//! the provider's own key ring.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use anyhow::Context;
use argon2::{Algorithm, Argon2, Params, PasswordHasher as _, Version};
use clave_idp::crypto::{HasherParams, KeyAlg, KeyRing, StoredKey, generate_key};
use serde_json::{Map, Value, json};

use crate::procfs;

/// A CPU-bound rate on all cores.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// Operations per second, all threads together.
    pub per_second: f64,
    /// CPU seconds per operation (per-thread CPU clocks, so other processes'
    /// load does not inflate it).
    pub cpu_per_op: f64,
    /// Threads used.
    pub threads: usize,
    /// Operations done.
    pub ops: u64,
}

/// Runs `work` on `threads` threads for `time`; `work` does one operation.
fn on_all_cores<W>(threads: usize, time: Duration, make: impl Fn() -> W) -> Rate
where
    W: FnMut() + Send + 'static,
{
    let done = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let barrier = Arc::new(Barrier::new(threads + 1));
    let mut handles = Vec::new();
    for index in 0..threads {
        let mut work = make();
        let (done, stop, barrier) = (Arc::clone(&done), Arc::clone(&stop), Arc::clone(&barrier));
        let handle = std::thread::Builder::new()
            .name(format!("bench-base-{index}"))
            .spawn(move || {
                barrier.wait();
                let cpu = procfs::thread_cpu_seconds();
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    work();
                    n += 1;
                }
                done.fetch_add(n, Ordering::Relaxed);
                procfs::thread_cpu_seconds() - cpu
            });
        if let Ok(handle) = handle {
            handles.push(handle);
        }
    }
    barrier.wait();
    let started = Instant::now();
    std::thread::sleep(time);
    stop.store(true, Ordering::Relaxed);
    let cpu: f64 = handles.into_iter().filter_map(|h| h.join().ok()).sum();
    // Operations still running when `stop` was set finish and count: use the
    // time until the last thread ended.
    let elapsed = started.elapsed().as_secs_f64();
    let ops = done.load(Ordering::Relaxed);
    Rate {
        per_second: ops as f64 / elapsed,
        cpu_per_op: cpu / ops.max(1) as f64,
        threads,
        ops,
    }
}

/// argon2id hashes per second with `HasherParams::default()` on every core.
pub fn argon2(threads: usize, time: Duration) -> anyhow::Result<Rate> {
    let params = HasherParams::default();
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        None,
    )
    .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    Ok(on_all_cores(threads, time, move || {
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params.clone());
        move || {
            let _ = std::hint::black_box(argon2.hash_password(b"Clave-Segura-2026"));
        }
    }))
}

/// A typical ID token: what `oidc::tokens::mint` puts in one.
pub fn id_token_claims() -> Map<String, Value> {
    let now = 1_767_225_600i64;
    let claims = json!({
        "iss": "http://127.0.0.1:8080",
        "sub": "Jm3a1yX0k9q5Qb2pWc8rVt4uZs7eHn6dLf0gKiOoRy1",
        "aud": "bench_portal",
        "azp": "bench_portal",
        "exp": now + 3600,
        "iat": now,
        "auth_time": now,
        "nonce": "n-0S6_WzA2Mj",
        "acr": "http://eidas.europa.eu/LoA/low",
        "amr": ["pwd"],
        "sid": "8fQ2cZr1LkWm0aPz7TqXbA",
        "at_hash": "77QmUPtjPfzWtF2AnpK9RQ",
    });
    match claims {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A key ring with one fresh RSA-2048 key and the claims to sign.
pub struct Rs256 {
    ring: Arc<KeyRing>,
    claims: Arc<Map<String, Value>>,
}

impl Rs256 {
    /// Generates the key (tens of milliseconds) and checks that signing works.
    pub fn new() -> anyhow::Result<Rs256> {
        let material = generate_key(KeyAlg::Rs256, "bench-rs256".to_owned())
            .context("cannot generate an RSA key")?;
        let ring = KeyRing::load(
            vec![StoredKey {
                material,
                activates_at: 0,
                retires_at: None,
            }],
            1,
        )
        .context("cannot load the key ring")?;
        let claims = id_token_claims();
        ring.sign_jwt(KeyAlg::Rs256, &claims)
            .context("cannot sign with the key ring")?;
        Ok(Rs256 {
            ring: Arc::new(ring),
            claims: Arc::new(claims),
        })
    }

    /// RS256 signatures per second through `KeyRing::sign_jwt`, on `threads` threads.
    pub fn run(&self, threads: usize, time: Duration) -> Rate {
        let (ring, claims) = (Arc::clone(&self.ring), Arc::clone(&self.claims));
        on_all_cores(threads, time, move || {
            let (ring, claims) = (Arc::clone(&ring), Arc::clone(&claims));
            move || {
                let _ = std::hint::black_box(ring.sign_jwt(KeyAlg::Rs256, &claims));
            }
        })
    }
}
