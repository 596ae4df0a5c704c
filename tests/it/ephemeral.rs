//! Ephemeral store conformance: one suite, stamped out for every backend.
//!
//! Each check is written once as an `async fn` over `Arc<dyn EphemeralStore>`;
//! `for_each_backend!` (in `main.rs`) generates a `#[tokio::test]` per check and
//! backend: `memory` always, `redis` when `CLAVE_TEST_REDIS_URL` is set (each test
//! under its own key prefix). The Redis fault tests at the end need no
//! configuration: one points a store at a closed port, the other runs a private
//! `redis-server` and stops it.

use std::sync::Arc;
use std::time::Duration;

use clave_idp::store::ephemeral::memory::MemoryStore;
use clave_idp::store::ephemeral::redis::RedisStore;
use clave_idp::store::ephemeral::{EphemeralError, EphemeralStore, EphemeralStoreExt};
use tokio::time::{Instant, sleep};

use crate::support;

type Store = Arc<dyn EphemeralStore>;

const MINUTE: Duration = Duration::from_secs(60);
const TIMEOUT: Duration = Duration::from_millis(500);

for_each_backend!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    [
        memory: Some((std::sync::Arc::new(super::MemoryStore::new()), ())),
        redis: super::shared_redis().await.map(|store| (store, ())),
    ]
    [
        put_then_get_returns_the_value,
        put_replaces_the_value_and_its_ttl,
        binary_and_empty_values_round_trip,
        get_of_an_absent_key_is_none,
        put_new_refuses_while_the_key_holds_a_value,
        put_new_succeeds_again_after_delete,
        put_new_succeeds_again_after_expiry,
        take_returns_the_value_once_then_none,
        only_one_of_64_concurrent_takes_gets_the_value,
        replace_returns_the_old_value_and_keeps_the_new_for_its_ttl,
        replace_of_an_absent_key_stores_nothing,
        only_one_of_64_concurrent_replaces_gets_the_original,
        fifty_concurrent_increments_count_exactly_fifty,
        increment_does_not_extend_its_window,
        a_counter_starts_again_after_its_window,
        increment_of_a_value_that_is_not_a_counter_fails,
        decrement_gives_one_back_keeps_the_window_and_never_goes_below_zero,
        decrement_never_creates_a_counter,
        an_item_is_gone_after_its_ttl,
        delete_reports_whether_something_was_there,
        time_to_live_is_none_for_an_absent_key,
        ping_answers,
        json_values_round_trip,
    ]
);

/// A store on the shared test Redis under a fresh prefix, or `None` (skipped).
async fn shared_redis() -> Option<Store> {
    let Some(url) = support::test_redis_url() else {
        support::skipped("Redis ephemeral store tests", "CLAVE_TEST_REDIS_URL");
        return None;
    };
    let prefix = format!("{}:", support::unique_name("eph"));
    let store = RedisStore::connect(&url, &prefix, Duration::from_secs(2))
        .await
        .unwrap();
    Some(Arc::new(store))
}

async fn put_then_get_returns_the_value(store: Store) {
    store.put("session:a", b"value", MINUTE).await.unwrap();

    let value = store.get("session:a").await.unwrap();

    assert_eq!(value.as_deref(), Some(&b"value"[..]));
}

async fn put_replaces_the_value_and_its_ttl(store: Store) {
    store.put("k", b"first", MINUTE).await.unwrap();

    store
        .put("k", b"second", Duration::from_secs(5))
        .await
        .unwrap();

    assert_eq!(store.get("k").await.unwrap(), Some(b"second".to_vec()));
    let ttl = store.time_to_live("k").await.unwrap().unwrap();
    assert!(ttl <= Duration::from_secs(5), "{ttl:?}");
}

async fn binary_and_empty_values_round_trip(store: Store) {
    let binary = [0u8, 255, 13, 10, 0xc3, 0x28];
    store.put("binary", &binary, MINUTE).await.unwrap();
    store.put("empty", b"", MINUTE).await.unwrap();

    assert_eq!(store.get("binary").await.unwrap(), Some(binary.to_vec()));
    assert_eq!(store.take("empty").await.unwrap(), Some(Vec::new()));
}

async fn get_of_an_absent_key_is_none(store: Store) {
    assert_eq!(store.get("never-written").await.unwrap(), None);
}

async fn put_new_refuses_while_the_key_holds_a_value(store: Store) {
    assert!(store.put_new("code", b"first", MINUTE).await.unwrap());

    let stored_again = store.put_new("code", b"second", MINUTE).await.unwrap();

    assert!(!stored_again);
    assert_eq!(store.get("code").await.unwrap(), Some(b"first".to_vec()));
}

async fn put_new_succeeds_again_after_delete(store: Store) {
    assert!(store.put_new("code", b"first", MINUTE).await.unwrap());
    store.delete("code").await.unwrap();

    assert!(store.put_new("code", b"second", MINUTE).await.unwrap());
    assert_eq!(store.get("code").await.unwrap(), Some(b"second".to_vec()));
}

async fn put_new_succeeds_again_after_expiry(store: Store) {
    let short = Duration::from_millis(200);
    assert!(store.put_new("code", b"first", short).await.unwrap());

    sleep(Duration::from_millis(400)).await;

    assert!(store.put_new("code", b"second", MINUTE).await.unwrap());
}

async fn take_returns_the_value_once_then_none(store: Store) {
    store.put("auth-code", b"grant", MINUTE).await.unwrap();

    let first = store.take("auth-code").await.unwrap();
    let second = store.take("auth-code").await.unwrap();

    assert_eq!(first, Some(b"grant".to_vec()));
    assert_eq!(second, None);
    assert_eq!(store.get("auth-code").await.unwrap(), None);
}

async fn only_one_of_64_concurrent_takes_gets_the_value(store: Store) {
    store.put("auth-code", b"grant", MINUTE).await.unwrap();

    let takers: Vec<_> = (0..64)
        .map(|_| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.take("auth-code").await })
        })
        .collect();
    let mut winners = 0;
    for taker in takers {
        if taker.await.unwrap().unwrap().is_some() {
            winners += 1;
        }
    }

    assert_eq!(winners, 1);
}

async fn replace_returns_the_old_value_and_keeps_the_new_for_its_ttl(store: Store) {
    store.put("auth-code", b"grant", MINUTE).await.unwrap();

    let held = store
        .replace("auth-code", b"redeemed", Duration::from_millis(300))
        .await
        .unwrap();

    assert_eq!(held, Some(b"grant".to_vec()));
    assert_eq!(
        store.get("auth-code").await.unwrap(),
        Some(b"redeemed".to_vec())
    );
    let left = store.time_to_live("auth-code").await.unwrap().unwrap();
    assert!(
        left <= Duration::from_millis(300),
        "the new ttl applies: {left:?}"
    );
    sleep(Duration::from_millis(450)).await;
    assert_eq!(store.get("auth-code").await.unwrap(), None);
}

async fn replace_of_an_absent_key_stores_nothing(store: Store) {
    let held = store
        .replace("auth-code", b"redeemed", MINUTE)
        .await
        .unwrap();

    assert_eq!(held, None);
    assert_eq!(store.get("auth-code").await.unwrap(), None);
}

async fn only_one_of_64_concurrent_replaces_gets_the_original(store: Store) {
    store.put("auth-code", b"grant", MINUTE).await.unwrap();

    let replacers: Vec<_> = (0..64u8)
        .map(|n| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.replace("auth-code", &[n], MINUTE).await })
        })
        .collect();
    let mut originals = 0;
    for replacer in replacers {
        let held = replacer
            .await
            .unwrap()
            .unwrap()
            .expect("the key stays filled");
        if held == b"grant" {
            originals += 1;
        }
    }

    assert_eq!(originals, 1);
}

async fn fifty_concurrent_increments_count_exactly_fifty(store: Store) {
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.increment("attempts", MINUTE).await })
        })
        .collect();
    let mut counts = Vec::new();
    for task in tasks {
        counts.push(task.await.unwrap().unwrap());
    }
    counts.sort_unstable();

    assert_eq!(counts, (1..=50).collect::<Vec<u64>>());
    assert_eq!(store.get("attempts").await.unwrap(), Some(b"50".to_vec()));
}

async fn increment_does_not_extend_its_window(store: Store) {
    assert_eq!(store.increment("window", MINUTE).await.unwrap(), 1);
    let first_ttl = store.time_to_live("window").await.unwrap().unwrap();
    sleep(Duration::from_millis(20)).await;

    assert_eq!(store.increment("window", MINUTE).await.unwrap(), 2);
    let second_ttl = store.time_to_live("window").await.unwrap().unwrap();

    assert!(first_ttl <= MINUTE, "{first_ttl:?}");
    assert!(second_ttl <= first_ttl, "{second_ttl:?} > {first_ttl:?}");
}

async fn a_counter_starts_again_after_its_window(store: Store) {
    let window = Duration::from_millis(200);
    store.increment("window", window).await.unwrap();
    assert_eq!(store.increment("window", window).await.unwrap(), 2);

    sleep(Duration::from_millis(400)).await;

    assert_eq!(store.increment("window", window).await.unwrap(), 1);
}

async fn decrement_gives_one_back_keeps_the_window_and_never_goes_below_zero(store: Store) {
    store.increment("attempts", MINUTE).await.unwrap();
    store.increment("attempts", MINUTE).await.unwrap();
    let ttl = store.time_to_live("attempts").await.unwrap().unwrap();

    store.decrement("attempts").await.unwrap();
    assert_eq!(store.get("attempts").await.unwrap(), Some(b"1".to_vec()));
    assert!(store.time_to_live("attempts").await.unwrap().unwrap() <= ttl);
    for _ in 0..3 {
        store.decrement("attempts").await.unwrap();
    }
    assert_eq!(store.get("attempts").await.unwrap(), Some(b"0".to_vec()));
    assert_eq!(store.increment("attempts", MINUTE).await.unwrap(), 1);
}

async fn decrement_never_creates_a_counter(store: Store) {
    store.decrement("absent").await.unwrap();
    assert_eq!(store.get("absent").await.unwrap(), None);
    assert_eq!(store.time_to_live("absent").await.unwrap(), None);
}

async fn increment_of_a_value_that_is_not_a_counter_fails(store: Store) {
    store.put("flow", b"not a number", MINUTE).await.unwrap();

    let result = store.increment("flow", MINUTE).await;

    assert!(
        matches!(result, Err(EphemeralError::Backend(_))),
        "{result:?}"
    );
    assert_eq!(
        store.get("flow").await.unwrap(),
        Some(b"not a number".to_vec())
    );
}

async fn an_item_is_gone_after_its_ttl(store: Store) {
    store
        .put("otp", b"123456", Duration::from_millis(300))
        .await
        .unwrap();
    assert!(store.get("otp").await.unwrap().is_some());

    sleep(Duration::from_millis(600)).await;

    assert_eq!(store.get("otp").await.unwrap(), None);
    assert_eq!(store.take("otp").await.unwrap(), None);
    assert_eq!(store.time_to_live("otp").await.unwrap(), None);
}

async fn delete_reports_whether_something_was_there(store: Store) {
    store.put("session", b"v", MINUTE).await.unwrap();

    assert!(store.delete("session").await.unwrap());
    assert!(!store.delete("session").await.unwrap());
    assert_eq!(store.get("session").await.unwrap(), None);
}

async fn time_to_live_is_none_for_an_absent_key(store: Store) {
    store.put("present", b"v", MINUTE).await.unwrap();

    let absent = store.time_to_live("absent").await.unwrap();
    let present = store.time_to_live("present").await.unwrap().unwrap();

    assert_eq!(absent, None);
    assert!(
        present > Duration::from_secs(50) && present <= MINUTE,
        "{present:?}"
    );
}

async fn ping_answers(store: Store) {
    store.ping().await.unwrap();
}

async fn json_values_round_trip(store: Store) {
    let flow = serde_json::json!({ "step": "otp", "tries": 2 });
    store.put_json("flow:abc", &flow, MINUTE).await.unwrap();
    store
        .put("flow:broken", b"{not json", MINUTE)
        .await
        .unwrap();

    let read: Option<serde_json::Value> = store.get_json("flow:abc").await.unwrap();
    let taken: Option<serde_json::Value> = store.take_json("flow:abc").await.unwrap();
    let broken = store.get_json::<serde_json::Value>("flow:broken").await;

    assert_eq!(read.as_ref(), Some(&flow));
    assert_eq!(taken, Some(flow));
    assert_eq!(store.get("flow:abc").await.unwrap(), None);
    assert!(
        matches!(broken, Err(EphemeralError::Backend(_))),
        "{broken:?}"
    );
}

// --- Redis only -----------------------------------------------------------------

#[tokio::test]
async fn redis_prefixes_keep_stores_sharing_one_redis_apart() {
    let Some(url) = support::test_redis_url() else {
        return support::skipped("Redis prefix isolation", "CLAVE_TEST_REDIS_URL");
    };
    let store = |stem| {
        let prefix = format!("{}:", support::unique_name(stem));
        let url = url.clone();
        async move { RedisStore::connect(&url, &prefix, TIMEOUT).await.unwrap() }
    };
    let (one, other) = (store("eph").await, store("eph").await);

    one.put("k", b"one", MINUTE).await.unwrap();

    assert_eq!(other.get("k").await.unwrap(), None);
    assert_eq!(one.get("k").await.unwrap(), Some(b"one".to_vec()));
}

#[tokio::test]
async fn redis_store_on_a_closed_port_starts_and_fails_fast() {
    let port = free_port();
    let url = format!("redis://:secret@127.0.0.1:{port}");

    let started = Instant::now();
    let store = RedisStore::connect(&url, "eph:", TIMEOUT).await.unwrap();
    let ping = store.ping().await;
    let put = store.put("k", b"v", MINUTE).await;

    assert!(ping.is_err() && put.is_err(), "{ping:?} {put:?}");
    assert!(
        started.elapsed() < 4 * TIMEOUT,
        "took {:?}",
        started.elapsed()
    );
    let debug = format!("{store:?}");
    assert!(
        !debug.contains("secret") && debug.contains("***"),
        "{debug}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_store_recovers_when_redis_comes_back_without_a_new_store() {
    if !redis_server_on_path() {
        eprintln!("skipped: Redis recovery test (redis-server is not on PATH)");
        return;
    }
    let port = free_port();
    let url = format!("redis://127.0.0.1:{port}");
    // Redis is down when the provider starts: the store is made anyway.
    let store = RedisStore::connect(&url, "eph:", TIMEOUT).await.unwrap();
    assert!(store.ping().await.is_err());

    let mut server = PrivateRedis::start(port).await;
    wait_until_answering(&store).await;
    store.put("k", b"v", MINUTE).await.unwrap();
    assert_eq!(store.increment("n", MINUTE).await.unwrap(), 1);

    // An outage longer than the manager's own retries: every call fails, none hangs.
    server.stop();
    let outage = Instant::now();
    while outage.elapsed() < Duration::from_millis(1500) {
        let started = Instant::now();
        let result = store.put("k", b"v", MINUTE).await;
        assert!(result.is_err(), "put succeeded with Redis stopped");
        assert!(started.elapsed() < TIMEOUT + Duration::from_millis(300));
        sleep(Duration::from_millis(50)).await;
    }

    // Back, empty, with no cached scripts: the same store works again.
    let _server = PrivateRedis::start(port).await;
    wait_until_answering(&store).await;
    store.put("k", b"again", MINUTE).await.unwrap();
    assert_eq!(store.take("k").await.unwrap(), Some(b"again".to_vec()));
    assert_eq!(store.increment("n", MINUTE).await.unwrap(), 1);
}

async fn wait_until_answering(store: &RedisStore) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while store.ping().await.is_err() {
        assert!(
            Instant::now() < deadline,
            "the store did not recover within 5 s"
        );
        sleep(Duration::from_millis(50)).await;
    }
}

/// A port nothing listens on (bound, then released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn redis_server_on_path() -> bool {
    std::process::Command::new("redis-server")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

/// A throw-away `redis-server` on its own port; killed when dropped. Never the
/// machine's shared Redis.
struct PrivateRedis(Option<std::process::Child>);

impl PrivateRedis {
    async fn start(port: u16) -> Self {
        let child = std::process::Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "redis-server did not start");
            sleep(Duration::from_millis(20)).await;
        }
        Self(Some(child))
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.stop();
    }
}
