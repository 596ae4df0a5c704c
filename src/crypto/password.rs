//! Password hashing: argon2id on a bounded pool, off the async executor.
//!
//! An argon2id hash with the OWASP parameters (19 MiB, 2 passes, 1 lane) costs about
//! 25 ms of one core (release build; ~0.7 s unoptimised, hence
//! [`HasherParams::cheap`] in tests) and 19 MiB of memory. Run on the async executor, a burst of logins
//! would stall every other request; run on an unbounded `spawn_blocking`, it would
//! queue without limit and exhaust memory. So every hash and verification takes a
//! permit from a semaphore sized to the cores (`workers`) and runs on the blocking
//! pool; at most `queue` callers may wait for a permit, and the next one gets
//! [`HashError::Busy`] at once, which the server answers with 503 + `Retry-After`
//! (load shedding instead of unbounded latency). [`PasswordHasher::queue_depth`] feeds
//! the metrics.
//!
//! Unknown users are verified against a dummy hash made at construction with the same
//! parameters, so "no such user" costs the same time as "wrong password" and login
//! timing does not reveal which DNI/NIE are registered.
//!
//! Legacy Social Security users are imported with bcrypt or argon2 hashes; both verify,
//! and [`PasswordHasher::needs_rehash`] tells the caller to store a fresh argon2id hash
//! after the next successful login. Callers NFC-normalise passwords before calling;
//! nothing here logs a password.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use argon2::password_hash::Error as PhcError;
use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher as _, PasswordVerifier};
use tokio::sync::{Semaphore, TryAcquireError};
use zeroize::Zeroizing;

/// Cost parameters of argon2id and the size of the hashing pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HasherParams {
    /// Memory per hash, in KiB (argon2 `m`).
    pub memory_kib: u32,
    /// Passes over the memory (argon2 `t`).
    pub iterations: u32,
    /// Lanes (argon2 `p`).
    pub parallelism: u32,
    /// Hashes computed at the same time (semaphore permits).
    pub workers: usize,
    /// Callers allowed to wait for a worker before the next one is refused with `Busy`.
    pub queue: usize,
}

impl Default for HasherParams {
    /// OWASP Password Storage Cheat Sheet: argon2id, m=19456 KiB, t=2, p=1; one worker
    /// per core and a queue of 64 callers per worker.
    fn default() -> Self {
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        Self {
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1,
            workers,
            queue: 64 * workers,
        }
    }
}

impl HasherParams {
    /// Deliberately weak parameters (64 KiB, one pass) that keep tests fast. Never for
    /// production: [`PasswordHasher::needs_rehash`] flags such hashes under the defaults.
    pub fn cheap() -> Self {
        Self {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
            ..Self::default()
        }
    }

    /// Same as [`HasherParams::cheap`], named for the tests that use it.
    pub fn for_tests() -> Self {
        Self::cheap()
    }
}

/// Why a password could not be hashed or verified.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// Too many callers are already waiting for a hashing worker; retry later (503).
    #[error("password hashing is saturated; retry later")]
    Busy,
    /// The configured argon2 parameters are not valid.
    #[error("invalid password hashing parameters: {0}")]
    InvalidParams(String),
    /// A stored hash is neither a valid argon2 PHC string nor a bcrypt hash.
    #[error("stored password hash is malformed or uses an unsupported algorithm")]
    MalformedHash,
    /// The hashing worker failed (argon2 error or a panicked task).
    #[error("password hashing failed: {0}")]
    Internal(String),
}

/// Hashes and verifies passwords; cheap to clone (shares one pool).
#[derive(Clone)]
pub struct PasswordHasher {
    inner: Arc<Inner>,
}

struct Inner {
    argon2: Argon2<'static>,
    params: HasherParams,
    permits: Arc<Semaphore>,
    waiting: AtomicUsize,
    dummy_phc: String,
}

impl fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordHasher")
            .field("params", &self.inner.params)
            .field("queue_depth", &self.queue_depth())
            .finish_non_exhaustive()
    }
}

impl PasswordHasher {
    /// Builds the hasher and computes the dummy hash for unknown users (one full hash,
    /// done synchronously: call it at start-up, not per request).
    pub fn new(params: HasherParams) -> Result<Self, HashError> {
        if params.workers == 0 {
            return Err(HashError::InvalidParams(
                "workers must be at least 1".into(),
            ));
        }
        let argon_params = Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            None,
        )
        .map_err(|e| HashError::InvalidParams(e.to_string()))?;
        let argon2 = Argon2::new(Algorithm::Argon2id, argon2::Version::V0x13, argon_params);
        let dummy_phc = argon2
            .hash_password(b"dummy password for unknown users")
            .map_err(|e| HashError::Internal(e.to_string()))?
            .to_string();
        Ok(Self {
            inner: Arc::new(Inner {
                argon2,
                params,
                permits: Arc::new(Semaphore::new(params.workers)),
                waiting: AtomicUsize::new(0),
                dummy_phc,
            }),
        })
    }

    /// The parameters this hasher was built with.
    pub fn params(&self) -> HasherParams {
        self.inner.params
    }

    /// Callers currently waiting for a hashing worker (a gauge for `/metrics`).
    pub fn queue_depth(&self) -> usize {
        self.inner.waiting.load(Ordering::Relaxed)
    }

    /// Hashes currently being computed.
    pub fn in_flight(&self) -> usize {
        self.inner.params.workers - self.inner.permits.available_permits()
    }

    /// Hashes `password` with argon2id and a fresh random salt; returns the PHC string.
    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = Zeroizing::new(password.to_owned());
        self.run(move |inner| {
            inner
                .argon2
                .hash_password(password.as_bytes())
                .map(|phc| phc.to_string())
                .map_err(|e| HashError::Internal(e.to_string()))
        })
        .await?
    }

    /// Checks `password` against a stored hash (argon2 PHC or legacy bcrypt).
    ///
    /// `None` means the user is unknown: the password is checked against the dummy hash
    /// so the answer (`false`) takes as long as for a known user.
    pub async fn verify(&self, password: &str, phc: Option<&str>) -> Result<bool, HashError> {
        let password = Zeroizing::new(password.to_owned());
        let stored = phc.map(str::to_owned);
        self.run(move |inner| inner.verify_blocking(password.as_bytes(), stored.as_deref()))
            .await?
    }

    /// True when a stored hash should be replaced by a fresh one after a successful
    /// login: bcrypt, argon2 other than argon2id v1.3, weaker parameters than ours, or
    /// anything unparseable.
    pub fn needs_rehash(&self, phc: &str) -> bool {
        if is_bcrypt(phc) {
            return true;
        }
        let Ok(parsed) = PasswordHash::new(phc) else {
            return true;
        };
        let Ok(stored) = Params::try_from(&parsed) else {
            return true;
        };
        let ours = self.inner.params;
        parsed.algorithm.as_str() != "argon2id"
            || parsed.version != Some(0x13)
            || stored.m_cost() < ours.memory_kib
            || stored.t_cost() < ours.iterations
            || stored.p_cost() < ours.parallelism
    }

    /// Runs `job` on the blocking pool under a worker permit, waiting in the bounded
    /// queue if every worker is busy.
    async fn run<T, F>(&self, job: F) -> Result<T, HashError>
    where
        T: Send + 'static,
        F: FnOnce(&Inner) -> T + Send + 'static,
    {
        let permits = Arc::clone(&self.inner.permits);
        let arrived = std::time::Instant::now();
        let permit = match Arc::clone(&permits).try_acquire_owned() {
            Ok(permit) => permit,
            Err(TryAcquireError::NoPermits) => {
                let waiter = Waiter::enter(&self.inner.waiting, self.inner.params.queue);
                metrics::gauge!("clave_password_hash_queue_depth").set(self.queue_depth() as f64);
                if waiter.is_err() {
                    metrics::counter!("clave_password_hash_refused_total").increment(1);
                }
                let _waiter = waiter?;
                permits
                    .acquire_owned()
                    .await
                    .map_err(|_| HashError::Internal("hashing pool closed".into()))?
            }
            Err(TryAcquireError::Closed) => {
                return Err(HashError::Internal("hashing pool closed".into()));
            }
        };
        metrics::histogram!("clave_password_hash_wait_seconds")
            .record(arrived.elapsed().as_secs_f64());
        metrics::gauge!("clave_password_hash_queue_depth").set(self.queue_depth() as f64);
        let inner = Arc::clone(&self.inner);
        // The permit moves into the blocking task: if the caller gives up (request
        // cancelled), the worker still counts as busy until the hash really finishes.
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            job(&inner)
        })
        .await
        .map_err(|e| HashError::Internal(e.to_string()))
    }
}

impl Inner {
    fn verify_blocking(&self, password: &[u8], stored: Option<&str>) -> Result<bool, HashError> {
        match stored {
            None => {
                self.burn_dummy(password);
                Ok(false)
            }
            Some(hash) if is_bcrypt(hash) => {
                // `verify` (not `non_truncating_verify`): legacy systems hashed only
                // the first 72 bytes, so must we to accept their hashes.
                bcrypt::verify(password, hash).map_err(|_| HashError::MalformedHash)
            }
            Some(hash) => {
                let Ok(parsed) = PasswordHash::new(hash) else {
                    self.burn_dummy(password);
                    return Err(HashError::MalformedHash);
                };
                // The parameters and algorithm come from the stored hash, not from us.
                match self.argon2.verify_password(password, &parsed) {
                    Ok(()) => Ok(true),
                    Err(PhcError::PasswordInvalid) => Ok(false),
                    Err(_) => Err(HashError::MalformedHash),
                }
            }
        }
    }

    /// Spends the time of one verification with our parameters, discarding the result.
    fn burn_dummy(&self, password: &[u8]) {
        let _ = PasswordVerifier::<str>::verify_password(&self.argon2, password, &self.dummy_phc);
    }
}

/// Legacy bcrypt hash prefixes (OpenBSD `$2a$`/`$2b$`, PHP/crypt_blowfish `$2y$`).
fn is_bcrypt(phc: &str) -> bool {
    ["$2a$", "$2b$", "$2y$"]
        .iter()
        .any(|prefix| phc.starts_with(prefix))
}

/// A place in the wait queue, released on drop (also when the caller is cancelled).
struct Waiter<'a>(&'a AtomicUsize);

impl<'a> Waiter<'a> {
    fn enter(waiting: &'a AtomicUsize, bound: usize) -> Result<Self, HashError> {
        if waiting.fetch_add(1, Ordering::AcqRel) >= bound {
            waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(HashError::Busy);
        }
        Ok(Self(waiting))
    }
}

impl Drop for Waiter<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
#[path = "password_tests.rs"]
mod tests;
