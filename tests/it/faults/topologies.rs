//! Redis beyond one server: a 3-master Redis Cluster and a Sentinel-managed
//! master with a replica, each started from the machine's `redis-server`.
//!
//! On each, the store's operations (the conformance suite's checks in short: values,
//! create-if-absent, take-once under contention, exact counters with a fixed
//! window, TTLs, JSON) and then, for the Cluster, a whole login through the provider;
//! for Sentinel, a failover that the store follows by itself.

use std::sync::Arc;
use std::time::Duration;

use clave_idp::store::ephemeral::redis::RedisStore;
use clave_idp::store::ephemeral::{EphemeralStore, EphemeralStoreExt};
use tokio::time::{Instant, sleep};

use crate::harness::{Backends, Browser, ClientSpec, TestApp};
use crate::servers::{RedisCluster, RedisSentinel, redis_available};
use crate::support;

const MINUTE: Duration = Duration::from_secs(60);

/// A store on `url` under a fresh prefix; returns the prefix too.
async fn store_on(url: &str) -> (Arc<RedisStore>, String) {
    let prefix = format!("{}:", support::unique_name("topo"));
    let store = RedisStore::connect(url, &prefix, Duration::from_secs(2))
        .await
        .unwrap();
    (Arc::new(store), prefix)
}

/// The conformance checks, in one pass, on `store`.
async fn store_operations(store: Arc<RedisStore>) {
    store.ping().await.unwrap();
    store.put("value", b"v1", MINUTE).await.unwrap();
    assert_eq!(store.get("value").await.unwrap(), Some(b"v1".to_vec()));
    store
        .put("value", b"v2", Duration::from_secs(5))
        .await
        .unwrap();
    let ttl = store.time_to_live("value").await.unwrap().unwrap();
    assert!(ttl <= Duration::from_secs(5), "{ttl:?}");
    assert_eq!(store.get("absent").await.unwrap(), None);
    assert_eq!(store.time_to_live("absent").await.unwrap(), None);

    assert!(store.put_new("code", b"first", MINUTE).await.unwrap());
    assert!(!store.put_new("code", b"second", MINUTE).await.unwrap());
    assert!(store.delete("code").await.unwrap());
    assert!(!store.delete("code").await.unwrap());
    assert!(store.put_new("code", b"again", MINUTE).await.unwrap());

    store.put("once", b"x", MINUTE).await.unwrap();
    let takes = (0..32).map(|_| {
        let store = store.clone();
        tokio::spawn(async move { store.take("once").await.unwrap() })
    });
    let mut winners = 0;
    for take in takes.collect::<Vec<_>>() {
        winners += usize::from(take.await.unwrap().is_some());
    }
    assert_eq!(winners, 1, "exactly one take wins");

    let increments = (0..50).map(|_| {
        let store = store.clone();
        tokio::spawn(async move { store.increment("count", MINUTE).await.unwrap() })
    });
    let mut counts = Vec::new();
    for increment in increments.collect::<Vec<_>>() {
        counts.push(increment.await.unwrap());
    }
    counts.sort_unstable();
    assert_eq!(counts, (1..=50).collect::<Vec<u64>>());
    store
        .increment("window", Duration::from_millis(300))
        .await
        .unwrap();
    sleep(Duration::from_millis(150)).await;
    store
        .increment("window", Duration::from_secs(60))
        .await
        .unwrap();
    sleep(Duration::from_millis(250)).await;
    assert_eq!(
        store.increment("window", MINUTE).await.unwrap(),
        1,
        "a later increment did not extend the window"
    );
    store.put("text", b"not a number", MINUTE).await.unwrap();
    assert!(store.increment("text", MINUTE).await.is_err());

    store
        .put("short", b"x", Duration::from_millis(100))
        .await
        .unwrap();
    sleep(Duration::from_millis(200)).await;
    assert_eq!(store.get("short").await.unwrap(), None);

    let value = serde_json::json!({"flow": "activation", "step": 2});
    store.put_json("json", &value, MINUTE).await.unwrap();
    let back: Option<serde_json::Value> = store.take_json("json").await.unwrap();
    assert_eq!(back, Some(value));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_cluster_passes_the_store_operations_and_carries_a_whole_login() {
    if !redis_available("Redis Cluster test") {
        return;
    }
    let cluster = RedisCluster::start().await;
    let (store, _) = store_on(&cluster.url()).await;
    store_operations(store.clone()).await;
    for n in 0..30 {
        store
            .put(&format!("spread:{n}"), b"x", MINUTE)
            .await
            .unwrap();
    }
    let per_node = cluster.keys_per_node().await;
    assert!(
        per_node.iter().all(|n| *n > 0),
        "the prefix is no hash tag: keys spread over every master {per_node:?}"
    );

    let url = cluster.url();
    let app = TestApp::spawn_configured(Backends::Embedded, None, |s| {
        s.redis_url = Some(url);
        s.store_timeout_ms = 2_000;
    })
    .await
    .unwrap();
    app.active_citizen("12345678Z").await;
    app.client(ClientSpec::confidential("sede")).await;
    let ready: serde_json::Value = reqwest::get(app.url("/readyz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        ready["checks"]["ephemeral_store"]["status"], "up",
        "{ready}"
    );
    let done = Browser::new()
        .log_in(&app, &app.url(super::AUTHORIZE), "12345678Z")
        .await;
    let code = done.location_param("code").expect("a code");
    let (status, tokens, _) = super::redeem(&app, &code).await;
    assert_eq!(status, 200, "{tokens}");
    let (again, _, _) = super::redeem(&app, &code).await;
    assert_eq!(again, 400, "the code was taken once, on the cluster");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sentinel_master_passes_the_store_operations_and_its_failover_is_followed() {
    if !redis_available("Redis Sentinel test") {
        return;
    }
    let mut sentinel = RedisSentinel::start().await;
    let (store, prefix) = store_on(&sentinel.url()).await;
    store_operations(store.clone()).await;
    store
        .put("kept", b"through the failover", MINUTE)
        .await
        .unwrap();
    // Let the replica catch up before the master dies.
    let deadline = Instant::now() + Duration::from_secs(5);
    while !replica_has(&sentinel, &prefix, "kept").await {
        assert!(Instant::now() < deadline, "the replica did not catch up");
        sleep(Duration::from_millis(50)).await;
    }

    sentinel.master.stop();
    let replica = sentinel.replica.port();
    sentinel
        .wait_for_master(replica, Duration::from_secs(20))
        .await;

    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match store.get("kept").await {
            Ok(value) => {
                assert_eq!(value, Some(b"through the failover".to_vec()));
                break;
            }
            Err(error) => assert!(
                Instant::now() < deadline,
                "the store did not follow the failover: {error}"
            ),
        }
        sleep(Duration::from_millis(100)).await;
    }
    store.put("after", b"written", MINUTE).await.unwrap();
    assert_eq!(
        store.take("after").await.unwrap(),
        Some(b"written".to_vec())
    );
}

/// Whether the replica already holds `key` (read straight from it).
async fn replica_has(sentinel: &RedisSentinel, prefix: &str, key: &str) -> bool {
    let direct = RedisStore::connect(&sentinel.replica.url(), prefix, Duration::from_secs(1))
        .await
        .unwrap();
    matches!(direct.get(key).await, Ok(Some(_)))
}
