//! The in-process ephemeral store: the embedded default for a single instance.
//!
//! Shaped after the key-value store of tokio-rs/mini-redis (`src/db.rs`):
//!
//! - One [`std::sync::Mutex`] guards a `HashMap` of entries and a `BTreeMap` that
//!   orders their deadlines. The lock is never held across an `.await` and every
//!   critical section is short, so a blocking mutex beats an async one. Because every
//!   operation runs under that one lock, take-once, create-if-absent and counters are
//!   atomic exactly as they are in Redis.
//! - A background task purges expired entries and then sleeps until the next deadline.
//!   Inserting an entry that expires before all others wakes it through a
//!   [`tokio::sync::Notify`]. It purges in batches, releasing the lock between them, so
//!   a mass expiry never stalls requests.
//! - Reads never trust the purge: an entry past its deadline is absent even if the task
//!   has not removed it yet.
//! - Clones share one `Handle`; when the last one is dropped, its `Drop` sets the
//!   shutdown flag and wakes the task, which then ends and frees the entries.
//! - Each key is held once, packed ([`super::packed_key`]: a SHA-256 key as its
//!   space and 32 bytes), and shared by the maps that order it; values are held
//!   as their callers encoded them (access tokens compactly, see
//!   `oauth::grant_encoding`), and an entry is its value and deadline (whether
//!   it may be evicted follows from its key; deadlines are 8-byte counts). With
//!   100,000 live access tokens a token costs ~370 bytes of anonymous memory,
//!   key, value, maps and allocator together (896 when values were JSON and keys
//!   were held as two strings; `cargo bench --bench load`, scenario
//!   `rss-tokens`).
//! - It is bounded in bytes (`CLAVE_MEMORY_STORE_MAX_BYTES`, [`DEFAULT_MAX_BYTES`]:
//!   keys, values and [`ENTRY_OVERHEAD`] for the maps' bookkeeping of each entry)
//!   and in keys ([`DEFAULT_CAPACITY_LIMIT`]), so a flood cannot exhaust memory
//!   (`docs/architecture.md`, "Bounds"). A write that does not fit first drops
//!   expired entries, then the entries of the spaces [`Space::evictable`] names
//!   (logins before the password, security questions), earliest deadline first;
//!   only if it still does not fit is it refused with [`EphemeralError::Backend`],
//!   which callers answer with 503 like any other store failure. So a flood of
//!   unauthenticated logins costs, at worst, the oldest untouched logins a
//!   restart, and never a session, a code or a token.
//!
//! Deadlines count in nanoseconds from the store's creation, a
//! [`tokio::time::Instant`] (monotonic); the flows' own logical expiry is checked
//! against the injected clock, so this is housekeeping only.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::keys::Space;
use super::packed_key::{pack, space_of};
use super::{EphemeralError, EphemeralStore, Footprint};

/// The default bound on the number of keys held at once.
pub const DEFAULT_CAPACITY_LIMIT: usize = 1_000_000;

/// The default bound on the bytes held (`CLAVE_MEMORY_STORE_MAX_BYTES`).
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Bytes counted for each entry besides its key and value: the `HashMap` slot
/// (the key's handle and `Entry`), the deadline's `BTreeMap` slot and a share
/// of the tree's nodes, the key's reference counts, rounded up. The packed key
/// is counted once: the maps share it.
pub const ENTRY_OVERHEAD: usize = 160;

/// Bytes counted besides for an evictable entry's slot in the second tree.
const EVICTABLE_OVERHEAD: usize = 48;

/// A packed key, shared by the maps that hold it.
type Key = Arc<[u8]>;

/// How many expired entries the purge task removes before releasing the lock.
const PURGE_BATCH: usize = 1024;

/// Longest TTL honoured, so that a deadline can always be computed.
const MAX_TTL: Duration = Duration::from_secs(365 * 24 * 3600);

const FULL: &str = "in-process store is full";
const FULL_BYTES: &str = "in-process store is full (CLAVE_MEMORY_STORE_MAX_BYTES)";

/// An in-process [`EphemeralStore`]. Cheap to clone: clones share the same entries.
#[derive(Clone)]
pub struct MemoryStore {
    handle: Arc<Handle>,
}

/// Owned by every clone of a store; its `Drop` stops the purge task.
struct Handle {
    shared: Arc<Shared>,
}

/// State shared by the store handles and the purge task.
struct Shared {
    state: Mutex<State>,
    /// Wakes the purge task: an earlier deadline was inserted, or shutdown.
    purge_task: Notify,
}

struct State {
    entries: HashMap<Key, Entry>,
    /// Deadlines in order, each with its entry's key (which breaks ties); an
    /// entry dropped or replaced takes its deadline out with it.
    expirations: BTreeSet<(Deadline, Key)>,
    /// The deadlines of the entries that may be dropped early to make room.
    evictable: BTreeSet<(Deadline, Key)>,
    /// What deadlines count from: when the store was made.
    epoch: Instant,
    capacity_limit: usize,
    /// Bytes held, as [`footprint`] counts them.
    bytes: usize,
    /// The part of `bytes` held by evictable entries.
    evictable_bytes: usize,
    max_bytes: usize,
    /// Set by an insert whose deadline is now the earliest; cleared by the notifier.
    wake_purge_task: bool,
    shutdown: bool,
}

/// What a key holds. Kept small: with 100,000 live tokens each byte here is
/// ~1.3 bytes of the hash table. Whether it is evictable follows from its key.
struct Entry {
    value: Box<[u8]>,
    expires_at: Deadline,
}

/// A deadline, in nanoseconds since the store's epoch: half the size of an
/// `Instant`, in every entry and in every slot of the deadline trees.
type Deadline = u64;

/// Whether the entry of packed key `key` may be dropped early to make room.
fn is_evictable(key: &[u8]) -> bool {
    space_of(key).is_some_and(Space::evictable)
}

/// The bytes an entry is counted for.
#[cfg(test)]
fn footprint(key: &str, value: &[u8], evictable: bool) -> usize {
    counted_bytes(pack(key).as_bytes(), value.len(), evictable)
}

/// The bytes an entry of packed key `key` is counted for.
fn counted_bytes(key: &[u8], value_len: usize, evictable: bool) -> usize {
    let slot = if evictable { EVICTABLE_OVERHEAD } else { 0 };
    ENTRY_OVERHEAD + slot + value_len + key.len()
}

/// What the purge task should do after a purge pass.
#[derive(Debug, PartialEq)]
enum NextPurge {
    /// More expired entries remain: purge again after yielding.
    Now,
    /// Sleep until this deadline (or a notification).
    At(Instant),
    /// Nothing to expire: wait for a notification.
    Idle,
}

impl MemoryStore {
    /// An empty store holding at most [`DEFAULT_CAPACITY_LIMIT`] keys.
    ///
    /// Inside a tokio runtime this spawns the purge task. Outside one no task is
    /// spawned: expired entries are then dropped when read and when the store is full.
    pub fn new() -> Self {
        Self::with_limits(DEFAULT_CAPACITY_LIMIT, DEFAULT_MAX_BYTES)
    }

    /// An empty store holding at most `capacity_limit` keys; see [`MemoryStore::new`].
    pub fn with_capacity_limit(capacity_limit: usize) -> Self {
        Self::with_limits(capacity_limit, DEFAULT_MAX_BYTES)
    }

    /// An empty store holding at most `max_bytes` bytes ([`footprint`]).
    pub fn with_max_bytes(max_bytes: usize) -> Self {
        Self::with_limits(DEFAULT_CAPACITY_LIMIT, max_bytes)
    }

    fn with_limits(capacity_limit: usize, max_bytes: usize) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::new(capacity_limit, max_bytes)),
            purge_task: Notify::new(),
        });
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(purge_expired(Arc::clone(&shared)));
        }
        Self {
            handle: Arc::new(Handle { shared }),
        }
    }

    /// How many entries are held, counting expired ones not yet purged.
    pub fn len(&self) -> usize {
        self.state().entries.len()
    }

    /// Whether no entries are held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held, counting expired entries not yet purged.
    pub fn bytes(&self) -> usize {
        self.state().bytes
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.handle.shared.lock()
    }

    /// Runs `op` under the lock, then wakes the purge task if `op` inserted the
    /// earliest deadline. The lock is released first so the task does not wake only to
    /// wait for it.
    fn with_state<T>(&self, op: impl FnOnce(&mut State, Instant) -> T) -> T {
        let mut state = self.state();
        let result = op(&mut state, Instant::now());
        let wake = std::mem::take(&mut state.wake_purge_task);
        drop(state);
        if wake {
            self.handle.shared.purge_task.notify_one();
        }
        result
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for MemoryStore {
    // Never prints values: they are session state, OTP hashes and tokens.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.state();
        f.debug_struct("MemoryStore")
            .field("keys", &state.entries.len())
            .field("bytes", &state.bytes)
            .field("capacity_limit", &state.capacity_limit)
            .field("max_bytes", &state.max_bytes)
            .finish()
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.shared.lock().shutdown = true;
        self.shared.purge_task.notify_one();
    }
}

impl Shared {
    /// The state. A poisoned lock is taken over: every operation leaves the state
    /// usable, and a stale deadline left behind is ignored by the deadline check.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    fn new(capacity_limit: usize, max_bytes: usize) -> Self {
        Self {
            entries: HashMap::new(),
            expirations: BTreeSet::new(),
            evictable: BTreeSet::new(),
            epoch: Instant::now(),
            capacity_limit,
            bytes: 0,
            evictable_bytes: 0,
            max_bytes,
            wake_purge_task: false,
            shutdown: false,
        }
    }

    /// The entry under `key` if it has not expired by `now`.
    fn live(&self, key: &str, now: Instant) -> Option<&Entry> {
        let now = self.deadline(now);
        self.entries
            .get(pack(key).as_bytes())
            .filter(|e| e.expires_at > now)
    }

    /// `instant` as a [`Deadline`] (an instant before the epoch is the epoch).
    fn deadline(&self, instant: Instant) -> Deadline {
        let since = instant.saturating_duration_since(self.epoch).as_nanos();
        Deadline::try_from(since).unwrap_or(Deadline::MAX)
    }

    /// The instant of `deadline`.
    fn instant(&self, deadline: Deadline) -> Instant {
        self.epoch + Duration::from_nanos(deadline)
    }

    /// Removes the entry of packed key `key`, its deadline and its bytes, live or not.
    fn drop_entry(&mut self, key: &[u8]) -> Option<Entry> {
        let (key, entry) = self.entries.remove_entry(key)?;
        let evictable = is_evictable(&key);
        let size = counted_bytes(&key, entry.value.len(), evictable);
        let slot = (entry.expires_at, key);
        self.expirations.remove(&slot);
        if evictable {
            self.evictable.remove(&slot);
            self.evictable_bytes = self.evictable_bytes.saturating_sub(size);
        }
        self.bytes = self.bytes.saturating_sub(size);
        Some(entry)
    }

    /// Removes `key` and its deadline; returns the entry if it was still live.
    fn remove(&mut self, key: &str, now: Instant) -> Option<Entry> {
        let entry = self.drop_entry(pack(key).as_bytes())?;
        (entry.expires_at > self.deadline(now)).then_some(entry)
    }

    /// Makes room for `needed` more bytes: expired entries first, then the
    /// evictable ones by deadline. Says whether they now fit.
    fn make_room(&mut self, needed: usize, now: Instant) -> bool {
        let fits = |s: &Self| s.bytes.saturating_add(needed) <= s.max_bytes;
        if fits(self) {
            return true;
        }
        self.purge(now, usize::MAX);
        // Nothing is dropped for a write that would not fit anyway.
        let floor = self.bytes - self.evictable_bytes.min(self.bytes);
        if floor.saturating_add(needed) > self.max_bytes {
            return false;
        }
        while !fits(self) {
            let Some((_, key)) = self.evictable.pop_first() else {
                return false;
            };
            if let Some(entry) = self.drop_entry(&key) {
                let space = space_of(&key).map_or("other", Space::prefix);
                metrics::counter!("clave_ephemeral_evictions_total", "space" => space).increment(1);
                drop(entry);
            }
        }
        true
    }

    /// Stores `value` under `key` until `now + ttl`, replacing any earlier entry.
    fn insert(
        &mut self,
        key: &str,
        value: Vec<u8>,
        ttl: Duration,
        now: Instant,
    ) -> Result<(), EphemeralError> {
        let packed = pack(key);
        let packed = packed.as_bytes();
        if !self.entries.contains_key(packed) && self.entries.len() >= self.capacity_limit {
            self.purge(now, usize::MAX);
            if self.entries.len() >= self.capacity_limit {
                return Err(EphemeralError::Backend(FULL.to_owned()));
            }
        }
        let evictable = is_evictable(packed);
        let size = counted_bytes(packed, value.len(), evictable);
        // The entry it replaces goes first; if the new one does not fit, the
        // key is left empty, as if it had expired.
        self.drop_entry(packed);
        if !self.make_room(size, now) {
            return Err(EphemeralError::Backend(FULL_BYTES.to_owned()));
        }
        let lifetime = Deadline::try_from(ttl.min(MAX_TTL).as_nanos()).unwrap_or(Deadline::MAX);
        let expires_at = self.deadline(now).saturating_add(lifetime);
        if self
            .expirations
            .first()
            .is_none_or(|(first, _)| expires_at < *first)
        {
            self.wake_purge_task = true;
        }
        let shared: Key = Arc::from(packed);
        self.expirations.insert((expires_at, Arc::clone(&shared)));
        if evictable {
            self.evictable.insert((expires_at, Arc::clone(&shared)));
            self.evictable_bytes += size;
        }
        self.bytes += size;
        let entry = Entry {
            value: value.into_boxed_slice(),
            expires_at,
        };
        self.entries.insert(shared, entry);
        Ok(())
    }

    /// Sets the value of the live counter `key` to `count`, keeping its deadline.
    fn set_count(&mut self, key: &str, count: u64) {
        if let Some(entry) = self.entries.get_mut(pack(key).as_bytes()) {
            let before = entry.value.len();
            entry.value = count.to_string().into_bytes().into_boxed_slice();
            // A counter changes by a digit or two: counted, never refused.
            self.bytes = (self.bytes + entry.value.len()).saturating_sub(before);
        }
    }

    /// Removes up to `budget` entries whose deadline has passed at `now`.
    fn purge(&mut self, now: Instant, budget: usize) -> NextPurge {
        let mut removed = 0;
        let now = self.deadline(now);
        while let Some((when, key)) = self.expirations.pop_first() {
            if when > now {
                self.expirations.insert((when, key));
                return NextPurge::At(self.instant(when));
            }
            if removed == budget {
                self.expirations.insert((when, key));
                return NextPurge::Now;
            }
            if self.entries.get(&key).is_some_and(|e| e.expires_at == when) {
                self.drop_entry(&key);
            }
            removed += 1;
        }
        NextPurge::Idle
    }
}

/// The purge task: purge, then sleep until the next deadline or a notification; end
/// once the last [`Handle`] is gone.
async fn purge_expired(shared: Arc<Shared>) {
    loop {
        let next = {
            let mut state = shared.lock();
            if state.shutdown {
                return;
            }
            state.purge(Instant::now(), PURGE_BATCH)
        };
        match next {
            NextPurge::Now => tokio::task::yield_now().await,
            NextPurge::At(when) => {
                tokio::select! {
                    () = tokio::time::sleep_until(when) => {}
                    () = shared.purge_task.notified() => {}
                }
            }
            NextPurge::Idle => shared.purge_task.notified().await,
        }
    }
}

#[async_trait]
impl EphemeralStore for MemoryStore {
    async fn put(&self, key: &str, value: &[u8], ttl: Duration) -> Result<(), EphemeralError> {
        self.with_state(|s, now| s.insert(key, value.to_vec(), ttl, now))
    }

    async fn put_new(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<bool, EphemeralError> {
        self.with_state(|s, now| {
            if s.live(key, now).is_some() {
                return Ok(false);
            }
            s.insert(key, value.to_vec(), ttl, now).map(|()| true)
        })
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        self.with_state(|s, now| match s.live(key, now) {
            Some(entry) => Ok(Some(entry.value.to_vec())),
            None => {
                s.remove(key, now); // an expired entry goes now rather than at the purge
                Ok(None)
            }
        })
    }

    async fn take(&self, key: &str) -> Result<Option<Vec<u8>>, EphemeralError> {
        self.with_state(|s, now| Ok(s.remove(key, now).map(|e| e.value.into_vec())))
    }

    async fn replace(
        &self,
        key: &str,
        value: &[u8],
        ttl: Duration,
    ) -> Result<Option<Vec<u8>>, EphemeralError> {
        self.with_state(|s, now| {
            let Some(held) = s.remove(key, now) else {
                return Ok(None);
            };
            // The key's own slot was just freed, so the store is not full of
            // keys; a larger value may still not fit in bytes (then 503).
            s.insert(key, value.to_vec(), ttl, now)?;
            Ok(Some(held.value.into_vec()))
        })
    }

    async fn increment(&self, key: &str, ttl: Duration) -> Result<u64, EphemeralError> {
        self.with_state(|s, now| {
            let Some(entry) = s.live(key, now) else {
                // Absent or expired: a new window starts (Redis: INCR, then PEXPIRE).
                return s.insert(key, b"1".to_vec(), ttl, now).map(|()| 1);
            };
            // Counters are kept as decimal text, as Redis keeps them.
            let count = std::str::from_utf8(&entry.value)
                .ok()
                .and_then(|text| text.parse::<u64>().ok())
                .and_then(|count| count.checked_add(1))
                .ok_or_else(|| {
                    EphemeralError::Backend("value is not an integer or out of range".to_owned())
                })?;
            s.set_count(key, count);
            Ok(count)
        })
    }

    async fn decrement(&self, key: &str) -> Result<(), EphemeralError> {
        self.with_state(|s, now| {
            let Some(entry) = s.live(key, now) else {
                return Ok(());
            };
            let count = std::str::from_utf8(&entry.value)
                .ok()
                .and_then(|text| text.parse::<u64>().ok())
                .ok_or_else(|| {
                    EphemeralError::Backend("value is not an integer or out of range".to_owned())
                })?;
            s.set_count(key, count.saturating_sub(1));
            Ok(())
        })
    }

    async fn delete(&self, key: &str) -> Result<bool, EphemeralError> {
        self.with_state(|s, now| Ok(s.remove(key, now).is_some()))
    }

    async fn time_to_live(&self, key: &str) -> Result<Option<Duration>, EphemeralError> {
        self.with_state(|s, now| {
            let now_deadline = s.deadline(now);
            Ok(s.live(key, now)
                .map(|e| Duration::from_nanos(e.expires_at - now_deadline)))
        })
    }

    async fn ping(&self) -> Result<(), EphemeralError> {
        Ok(())
    }

    fn footprint(&self) -> Option<Footprint> {
        let state = self.state();
        Some(Footprint {
            keys: state.entries.len(),
            bytes: state.bytes,
            max_bytes: state.max_bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Weak;

    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn an_entry_past_its_deadline_is_absent_before_any_purge() {
        let mut state = State::new(10, DEFAULT_MAX_BYTES);
        let now = Instant::now();
        state.insert("k", b"v".to_vec(), SECOND, now).unwrap();

        let later = now + 2 * SECOND;

        assert!(state.live("k", now).is_some());
        assert!(state.live("k", later).is_none());
        assert!(state.remove("k", later).is_none());
    }

    #[test]
    fn replacing_a_key_retires_its_old_deadline() {
        let mut state = State::new(10, DEFAULT_MAX_BYTES);
        let now = Instant::now();
        state.insert("k", b"old".to_vec(), SECOND, now).unwrap();
        state
            .insert("k", b"new".to_vec(), 3600 * SECOND, now)
            .unwrap();

        state.purge(now + 2 * SECOND, usize::MAX);

        assert_eq!(
            &state.live("k", now + 2 * SECOND).unwrap().value[..],
            b"new"
        );
        assert_eq!(state.expirations.len(), 1);
    }

    #[test]
    fn the_purge_removes_expired_entries_in_bounded_batches() {
        let mut state = State::new(10, DEFAULT_MAX_BYTES);
        let now = Instant::now();
        for key in ["a", "b", "c", "d", "e"] {
            state.insert(key, Vec::new(), SECOND, now).unwrap();
        }
        state.insert("kept", Vec::new(), 60 * SECOND, now).unwrap();
        let later = now + 2 * SECOND;

        assert_eq!(state.purge(later, 2), NextPurge::Now);
        assert_eq!(state.entries.len(), 4);
        assert_eq!(state.purge(later, 10), NextPurge::At(now + 60 * SECOND));
        assert_eq!(state.entries.len(), 1);
    }

    #[test]
    fn a_full_store_makes_room_by_dropping_expired_entries() {
        let mut state = State::new(1, DEFAULT_MAX_BYTES);
        let now = Instant::now();
        state.insert("old", Vec::new(), SECOND, now).unwrap();

        state
            .insert("new", Vec::new(), SECOND, now + 2 * SECOND)
            .unwrap();

        let keys: Vec<&[u8]> = state.entries.keys().map(|k| &k[..]).collect();
        assert_eq!(keys, [b"new".as_slice()]);
    }

    #[tokio::test]
    async fn a_full_store_refuses_new_keys_but_still_replaces_and_counts() {
        let store = MemoryStore::with_capacity_limit(2);
        store.put("a", b"1", 60 * SECOND).await.unwrap();
        store.increment("n", 60 * SECOND).await.unwrap();

        let refused = store.put("c", b"3", 60 * SECOND).await;
        let refused_counter = store.increment("m", 60 * SECOND).await;
        let refused_new = store.put_new("d", b"4", 60 * SECOND).await;

        assert!(matches!(refused, Err(EphemeralError::Backend(m)) if m == FULL));
        assert!(matches!(refused_counter, Err(EphemeralError::Backend(_))));
        assert!(matches!(refused_new, Err(EphemeralError::Backend(_))));
        store.put("a", b"replaced", 60 * SECOND).await.unwrap();
        assert_eq!(store.increment("n", 60 * SECOND).await.unwrap(), 2);
        store.delete("a").await.unwrap();
        store.put("c", b"3", 60 * SECOND).await.unwrap();
    }

    fn kb(n: usize) -> Vec<u8> {
        vec![b'x'; n * 1024]
    }

    #[tokio::test]
    async fn a_store_full_of_bytes_drops_the_oldest_untouched_logins_and_never_a_session() {
        let store = MemoryStore::with_max_bytes(64 * 1024);
        store
            .put("session:s1", &kb(8), 3600 * SECOND)
            .await
            .unwrap();
        for n in 0..40 {
            store
                .put(&format!("login:{n:03}"), &kb(4), (600 + n) * SECOND)
                .await
                .unwrap();
        }

        let footprint = store.footprint().unwrap();
        assert!(footprint.bytes <= 64 * 1024, "{footprint:?}");
        assert!(store.get("session:s1").await.unwrap().is_some());
        assert!(
            store.get("login:039").await.unwrap().is_some(),
            "the newest stays"
        );
        assert!(
            store.get("login:000").await.unwrap().is_none(),
            "the oldest went"
        );
        store.put("code:c1", &kb(4), 60 * SECOND).await.unwrap();
        assert!(store.get("code:c1").await.unwrap().is_some());
        assert!(store.get("session:s1").await.unwrap().is_some());
    }

    #[tokio::test]
    async fn a_store_full_of_sessions_refuses_new_entries_rather_than_drop_one() {
        let store = MemoryStore::with_max_bytes(32 * 1024);
        let mut kept = Vec::new();
        for n in 0..10 {
            let key = format!("session:{n}");
            match store.put(&key, &kb(4), 3600 * SECOND).await {
                Ok(()) => kept.push(key),
                Err(EphemeralError::Backend(message)) => {
                    assert_eq!(message, FULL_BYTES);
                }
                Err(other) => panic!("{other:?}"),
            }
        }
        assert!((5..10).contains(&kept.len()), "{}", kept.len());
        for key in &kept {
            assert!(store.get(key).await.unwrap().is_some(), "{key}");
        }
        let refused = store.put("login:new", &kb(4), 600 * SECOND).await;
        assert!(matches!(refused, Err(EphemeralError::Backend(_))));
        assert!(store.footprint().unwrap().bytes <= 32 * 1024);
    }

    #[tokio::test]
    async fn bytes_are_given_back_by_delete_take_replace_expiry_and_counters() {
        let store = MemoryStore::with_max_bytes(1024 * 1024);
        store.put("login:a", &kb(2), 60 * SECOND).await.unwrap();
        store.put("login:a", &kb(1), 60 * SECOND).await.unwrap();
        store.put("code:b", &kb(1), 60 * SECOND).await.unwrap();
        store.replace("code:b", &kb(3), 60 * SECOND).await.unwrap();
        store
            .put("at:c", b"v", Duration::from_millis(20))
            .await
            .unwrap();
        for _ in 0..1000 {
            store.increment("rl:n", 60 * SECOND).await.unwrap();
        }
        store.decrement("rl:n").await.unwrap();
        let held = store.bytes();
        let expected = footprint("login:a", &kb(1), true)
            + footprint("code:b", &kb(3), false)
            + footprint("at:c", b"v", false)
            + footprint("rl:n", b"999", false);
        assert_eq!(held, expected);

        store.delete("login:a").await.unwrap();
        store.take("code:b").await.unwrap();
        store.delete("rl:n").await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;

        assert_eq!(store.bytes(), 0);
        assert_eq!(store.len(), 0);
    }

    #[tokio::test]
    async fn a_value_larger_than_the_whole_store_is_refused() {
        let store = MemoryStore::with_max_bytes(16 * 1024);
        store.put("login:a", &kb(1), 60 * SECOND).await.unwrap();
        assert!(store.put("login:b", &kb(17), 60 * SECOND).await.is_err());
        assert_eq!(store.bytes(), footprint("login:a", &kb(1), true));
    }

    #[tokio::test]
    async fn the_purge_task_removes_expired_entries_without_reads() {
        let store = MemoryStore::new();
        // The long deadline first, so the task must be woken for the earlier ones.
        store.put("kept", b"v", 60 * SECOND).await.unwrap();
        for key in ["a", "b", "c"] {
            store
                .put(key, b"v", Duration::from_millis(50))
                .await
                .unwrap();
        }
        assert_eq!(store.len(), 4);

        tokio::time::sleep(Duration::from_millis(300)).await;

        assert_eq!(store.len(), 1);
    }

    #[tokio::test]
    async fn the_purge_task_ends_when_the_last_handle_is_dropped() {
        let store = MemoryStore::new();
        let clone = store.clone();
        store.put("k", b"v", 60 * SECOND).await.unwrap();
        let shared: Weak<Shared> = Arc::downgrade(&store.handle.shared);

        drop(store);
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(shared.upgrade().is_some(), "a clone still uses the store");
        drop(clone);

        let deadline = Instant::now() + SECOND;
        while shared.upgrade().is_some() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(
            shared.upgrade().is_none(),
            "the purge task still holds the state"
        );
    }

    #[test]
    fn a_store_made_outside_a_runtime_still_works() {
        let store = MemoryStore::new();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();

        runtime.block_on(async {
            store.put("k", b"v", SECOND).await.unwrap();
            assert_eq!(store.take("k").await.unwrap(), Some(b"v".to_vec()));
        });
    }
}
