//! Password hashing: argon2id on a bounded pool, off the async executor.
//!
//! An argon2id hash with the OWASP parameters (19 MiB, 2 passes, 1 lane) costs about
//! 25 ms of one core (release build; ~0.7 s unoptimised, hence
//! [`HasherParams::cheap`] in tests) and 19 MiB of memory. Run on the async executor, a burst of logins
//! would stall every other request; run on an unbounded `spawn_blocking`, it would
//! queue without limit and exhaust memory. So every hash and verification takes a
//! permit from a semaphore sized to the cores (`workers`) and runs on one of
//! `workers` dedicated threads of lower priority ([`HASHING_NICE`]); at most `queue` callers may wait for a permit, and
//! the next one gets [`HashError::Busy`] at once, which the server answers with 503 +
//! `Retry-After` (load shedding instead of unbounded latency).
//! [`PasswordHasher::queue_depth`] feeds the metrics.
//!
//! Each hashing thread owns its argon2 working area ([`Scratch`]) and reuses it for
//! every hash, so the memory of the pool is `workers` × 19 MiB, allocated once.
//! Letting argon2 allocate its 19 MiB per call instead grew a burst of logins on
//! tokio's blocking pool to 378 MiB (`a_burst_of_hashes_keeps_memory_bounded_by_the_workers`).
//! A working area idle for [`HasherParams::idle_release`] (10 s, [`IDLE_RELEASE`])
//! is released, and it must really go back to the kernel: glibc's malloc serves a
//! request above its mmap threshold (128 KiB at start) with its own mapping, but
//! when such a mapping is freed it raises the threshold to that size and the trim
//! threshold to twice it, so from the second burst on each 19 MiB area was carved
//! from the hashing thread's own heap and kept there when freed (a few bytes of
//! the jobs pinned it; the next area went beside it). Twelve bursts of ten logins
//! left 86 MiB of anonymous memory that never came back. So the area is reserved
//! with a capacity above the threshold's ceiling ([`MIN_RESERVED_BYTES`]), which
//! malloc always maps on its own and unmaps when freed, and which never moves the
//! threshold; only the pages argon2 writes (its 19 MiB) are resident.
//!
//! For unknown users the password is hashed with our parameters all the same, so "no
//! such user" costs the same time as "wrong password" and login timing does not
//! reveal which DNI/NIE are registered.
//!
//! Legacy Social Security users are imported with bcrypt or argon2 hashes; both verify,
//! and [`PasswordHasher::needs_rehash`] tells the caller to store a fresh argon2id hash
//! after the next successful login. Callers NFC-normalise passwords before calling;
//! nothing here logs a password.

use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use argon2::password_hash::phc::{Output, ParamsString, Salt};
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};
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
    /// How long a hashing thread keeps its working area with nothing to do.
    pub idle_release: Duration,
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
            idle_release: IDLE_RELEASE,
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
    jobs: Arc<JobQueue>,
    /// Blocks of our own parameters.
    block_count: usize,
}

/// Work for a hashing thread, given that thread's working area.
type Job = Box<dyn FnOnce(&mut Scratch) + Send>;

/// How long a hashing thread keeps its working area with nothing to do, unless
/// [`HasherParams::idle_release`] says otherwise.
pub const IDLE_RELEASE: Duration = Duration::from_secs(10);

/// The least capacity a working area is allocated with: above
/// `DEFAULT_MMAP_THRESHOLD_MAX`, the ceiling of glibc's dynamic mmap threshold on
/// 64-bit systems (32 MiB, mallopt(3)), so that malloc maps every area on its
/// own, unmaps it when it is released, and never raises its threshold for it.
/// Capacity beyond the blocks argon2 uses is address space only: never touched,
/// never resident. Other allocators map allocations this large on their own too.
pub const MIN_RESERVED_BYTES: usize = 32 * 1024 * 1024 + Block::SIZE;

/// Working areas of stored hashes with more memory than ours (imported legacy
/// hashes) up to this many blocks are kept for the next call; larger ones are
/// allocated for the one call.
const MAX_KEPT_BLOCKS: usize = 64 * 1024;

/// One hashing thread's argon2 memory, reused from hash to hash. Argon2 writes every
/// block of the first pass before reading it, so a reused area needs no clearing.
#[derive(Default)]
pub(crate) struct Scratch {
    blocks: Vec<Block>,
}

impl Scratch {
    /// Computes the raw argon2 output of `password` into `out` (its length is the
    /// output length), in this scratch area when it can hold `params`.
    fn compute(
        &mut self,
        argon2: &Argon2<'_>,
        block_count: usize,
        password: &[u8],
        salt: &[u8],
        out: &mut [u8],
    ) -> Result<(), argon2::Error> {
        if block_count > self.blocks.len() && block_count <= MAX_KEPT_BLOCKS {
            self.release();
            let mut blocks = Vec::with_capacity(block_count.max(MIN_RESERVED_BYTES / Block::SIZE));
            blocks.resize(block_count, Block::new());
            self.blocks = blocks;
        }
        match self.blocks.get_mut(..block_count) {
            Some(area) => argon2.hash_password_into_with_memory(password, salt, out, area),
            None => argon2.hash_password_into(password, salt, out),
        }
    }

    fn release(&mut self) {
        self.blocks = Vec::new();
    }
}

/// The jobs waiting for a hashing thread. A mutex and a condition variable rather
/// than a channel: every idle thread waits on its own clock, so each releases its
/// working area after `idle_release` (threads queued on a channel's lock would
/// release theirs one after another).
struct JobQueue {
    state: std::sync::Mutex<Pending>,
    ready: std::sync::Condvar,
    idle_release: Duration,
}

#[derive(Default)]
struct Pending {
    jobs: VecDeque<Job>,
    closed: bool,
}

impl JobQueue {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push(&self, job: Job) -> Result<(), HashError> {
        let mut pending = self.lock();
        if pending.closed {
            return Err(HashError::Internal("hashing threads stopped".into()));
        }
        pending.jobs.push_back(job);
        self.ready.notify_one();
        Ok(())
    }

    /// Ends the threads once the queue is empty.
    fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_all();
    }

    /// The next job, or `None` when closed; releases `scratch` when idle.
    fn next(&self, scratch: &mut Scratch) -> Option<Job> {
        let mut pending = self.lock();
        loop {
            if let Some(job) = pending.jobs.pop_front() {
                return Some(job);
            }
            if pending.closed {
                return None;
            }
            let (guard, waited) = self
                .ready
                .wait_timeout(pending, self.idle_release)
                .unwrap_or_else(PoisonError::into_inner);
            pending = guard;
            if waited.timed_out() {
                scratch.release();
            }
        }
    }
}

/// Starts `workers` long-lived hashing threads, each with its own [`Scratch`]. The
/// threads end when the hasher is dropped.
fn start_workers(workers: usize, idle_release: Duration) -> Result<Arc<JobQueue>, HashError> {
    let queue = Arc::new(JobQueue {
        state: std::sync::Mutex::default(),
        ready: std::sync::Condvar::new(),
        idle_release,
    });
    for n in 0..workers {
        let jobs = Arc::clone(&queue);
        std::thread::Builder::new()
            .name(format!("argon2-{n}"))
            .spawn(move || work(&jobs))
            .map_err(|e| HashError::Internal(format!("cannot start a hashing thread: {e}")))?;
    }
    Ok(queue)
}

/// Nice value of the hashing threads. The hashes use every core a burst leaves
/// free, but a request that needs no hash (userinfo, a token, a page) takes a core
/// from them at once instead of waiting for its time slice; without it a login
/// burst raised userinfo's p99 from 0.4 ms to 21 ms on two cores.
const HASHING_NICE: i32 = 10;

/// A hashing thread: runs jobs in turn, releasing its working area when idle.
fn work(jobs: &JobQueue) {
    // On Linux the nice value belongs to the thread; this lowers only ours.
    if let Err(error) = rustix::process::setpriority_process(None, HASHING_NICE) {
        tracing::warn!(%error, "cannot lower the priority of a password hashing thread");
    }
    let mut scratch = Scratch::default();
    while let Some(job) = jobs.next(&mut scratch) {
        job(&mut scratch);
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.jobs.close();
    }
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
    /// Builds the hasher and starts its `workers` hashing threads (call it once, at
    /// start-up); their working areas are allocated on first use.
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
        let block_count = argon_params.block_count();
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
        Ok(Self {
            inner: Arc::new(Inner {
                argon2,
                params,
                permits: Arc::new(Semaphore::new(params.workers)),
                waiting: AtomicUsize::new(0),
                jobs: start_workers(params.workers, params.idle_release)?,
                block_count,
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
        self.run(move |inner, scratch| inner.hash_blocking(scratch, password.as_bytes()))
            .await?
    }

    /// Checks `password` against a stored hash (argon2 PHC or legacy bcrypt).
    ///
    /// `None` means the user is unknown: the password is hashed with our parameters
    /// all the same, so the answer (`false`) takes as long as for a known user.
    pub async fn verify(&self, password: &str, phc: Option<&str>) -> Result<bool, HashError> {
        let password = Zeroizing::new(password.to_owned());
        let stored = phc.map(str::to_owned);
        self.run(move |inner, scratch| {
            inner.verify_blocking(scratch, password.as_bytes(), stored.as_deref())
        })
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

    /// Runs `job` on a hashing thread under a worker permit, waiting in the bounded
    /// queue if every worker is busy.
    async fn run<T, F>(&self, job: F) -> Result<T, HashError>
    where
        T: Send + 'static,
        F: FnOnce(&Inner, &mut Scratch) -> T + Send + 'static,
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
        let (done, result) = tokio::sync::oneshot::channel();
        // The permit moves into the job: if the caller gives up (request
        // cancelled), the worker still counts as busy until the hash really finishes.
        let work: Job = Box::new(move |scratch| {
            let result = job(&inner, scratch);
            // Free the worker before answering, so a caller that got its answer
            // never sees its own hash still counted as in flight.
            drop(permit);
            let _ = done.send(result);
        });
        self.inner.jobs.push(work)?;
        result
            .await
            .map_err(|_| HashError::Internal("a hashing thread failed".into()))
    }
}

impl Inner {
    /// Hashes `password` with our parameters and a fresh 16-byte salt.
    fn hash_blocking(&self, scratch: &mut Scratch, password: &[u8]) -> Result<String, HashError> {
        let mut salt = [0u8; Salt::RECOMMENDED_LENGTH];
        rand::fill(&mut salt[..]);
        let mut out = Zeroizing::new([0u8; Params::DEFAULT_OUTPUT_LEN]);
        scratch
            .compute(
                &self.argon2,
                self.block_count,
                password,
                &salt,
                &mut out[..],
            )
            .map_err(|e| HashError::Internal(e.to_string()))?;
        let phc = PasswordHash {
            algorithm: argon2::ARGON2ID_IDENT,
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(self.argon2.params())
                .map_err(|e| HashError::Internal(e.to_string()))?,
            salt: Some(Salt::new(&salt).map_err(|e| HashError::Internal(e.to_string()))?),
            hash: Some(Output::new(&out[..]).map_err(|e| HashError::Internal(e.to_string()))?),
        };
        Ok(phc.to_string())
    }

    fn verify_blocking(
        &self,
        scratch: &mut Scratch,
        password: &[u8],
        stored: Option<&str>,
    ) -> Result<bool, HashError> {
        match stored {
            None => {
                self.burn(scratch, password);
                Ok(false)
            }
            Some(hash) if is_bcrypt(hash) => {
                // `verify` (not `non_truncating_verify`): legacy systems hashed only
                // the first 72 bytes, so must we to accept their hashes.
                bcrypt::verify(password, hash).map_err(|_| HashError::MalformedHash)
            }
            Some(hash) => match StoredArgon2::parse(hash) {
                // The parameters and algorithm come from the stored hash, not from us.
                Some(stored) => stored.matches(scratch, password),
                None => {
                    self.burn(scratch, password);
                    Err(HashError::MalformedHash)
                }
            },
        }
    }

    /// Spends the time of one verification with our parameters, discarding the result.
    fn burn(&self, scratch: &mut Scratch, password: &[u8]) {
        let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
        let _ = scratch.compute(
            &self.argon2,
            self.block_count,
            password,
            b"no such citizen: same time as a wrong password",
            &mut out,
        );
    }
}

/// A stored argon2 hash, parsed: how to recompute it and what it must equal.
struct StoredArgon2 {
    argon2: Argon2<'static>,
    block_count: usize,
    salt: Salt,
    expected: Output,
}

impl StoredArgon2 {
    /// `None` for anything that is not a complete argon2 PHC string.
    fn parse(phc: &str) -> Option<Self> {
        let parsed = PasswordHash::new(phc).ok()?;
        let algorithm = Algorithm::try_from(parsed.algorithm.as_str()).ok()?;
        let version = match parsed.version {
            Some(number) => Version::try_from(number).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&parsed).ok()?;
        Some(Self {
            block_count: params.block_count(),
            argon2: Argon2::new(algorithm, version, params),
            salt: parsed.salt?,
            expected: parsed.hash?,
        })
    }

    /// Recomputes the hash of `password`; compared in constant time.
    fn matches(&self, scratch: &mut Scratch, password: &[u8]) -> Result<bool, HashError> {
        let mut out = Zeroizing::new(vec![0u8; self.expected.len()]);
        scratch
            .compute(
                &self.argon2,
                self.block_count,
                password,
                self.salt.as_ref(),
                &mut out,
            )
            .map_err(|_| HashError::MalformedHash)?;
        let computed = Output::new(&out).map_err(|_| HashError::MalformedHash)?;
        Ok(computed == self.expected)
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
