//! Where the Redis store's commands go, for each [`RedisTopology`].
//!
//! - **One server**: the redis crate's [`ConnectionManager`], created lazily; it
//!   reconnects by itself.
//! - **Cluster**: the crate's [`ClusterConnection`], which follows the slot map
//!   (MOVED/ASK), connects to each master it needs and refreshes the topology.
//! - **Sentinel**: a multiplexed connection to the master the sentinels name.
//!
//! The last two are [`Lazy`]: made on the first call rather than at start-up (the
//! provider must start while Redis is down), and dropped when a call fails for a
//! reason that a fresh connection could cure (the connection broke, a timeout, a
//! master demoted by a failover answering READONLY), so the next call connects
//! again — asking the sentinels anew, which is how a failover is followed.
//! Connecting is serialised: during an outage one caller dials at a time while the
//! others wait within their own timeouts.

use std::sync::Mutex;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig, MultiplexedConnection};
use redis::cluster::ClusterClient;
use redis::cluster_async::ClusterConnection;
use redis::sentinel::{SentinelClient, SentinelClientBuilder, SentinelServerType};
use redis::{
    AsyncConnectionConfig, Cmd, ConnectionAddr, FromRedisValue, RedisError, RedisResult,
    ScriptInvocation,
};

use super::topology::{RedisTopology, SentinelTarget};

/// Connection attempts after the first, per reconnection (one server) or per
/// request (cluster).
const RECONNECT_RETRIES: usize = 2;

/// What one call sends: a command, or a script (EVALSHA, then EVAL after a
/// NOSCRIPT from a restarted or failed-over server).
pub(super) enum Request<'a> {
    /// A plain command.
    Cmd(Cmd),
    /// A Lua script with its keys and arguments.
    Script(ScriptInvocation<'a>),
}

/// A connection of any topology, cheap to clone (every clone shares one socket or
/// one set of node sockets).
#[derive(Clone)]
enum Connection {
    Single(ConnectionManager),
    Cluster(ClusterConnection),
    Sentinel(MultiplexedConnection),
}

impl Connection {
    async fn send<T: FromRedisValue>(&mut self, request: &Request<'_>) -> RedisResult<T> {
        match (self, request) {
            (Connection::Single(con), Request::Cmd(cmd)) => cmd.query_async(con).await,
            (Connection::Single(con), Request::Script(script)) => script.invoke_async(con).await,
            (Connection::Cluster(con), Request::Cmd(cmd)) => cmd.query_async(con).await,
            (Connection::Cluster(con), Request::Script(script)) => script.invoke_async(con).await,
            (Connection::Sentinel(con), Request::Cmd(cmd)) => cmd.query_async(con).await,
            (Connection::Sentinel(con), Request::Script(script)) => script.invoke_async(con).await,
        }
    }
}

/// How a [`Lazy`] connection is made.
enum Dialer {
    Cluster(Box<ClusterClient>),
    Sentinel(Box<SentinelClient>, Box<AsyncConnectionConfig>),
}

impl Dialer {
    async fn dial(&mut self) -> RedisResult<Connection> {
        match self {
            Dialer::Cluster(client) => client.get_async_connection().await.map(Connection::Cluster),
            Dialer::Sentinel(client, config) => client
                .get_async_connection_with_config(config)
                .await
                .map(Connection::Sentinel),
        }
    }
}

/// A connection made on first use and remade after a failure.
pub(super) struct Lazy {
    current: Mutex<Option<Connection>>,
    dialer: tokio::sync::Mutex<Dialer>,
}

impl Lazy {
    fn new(dialer: Dialer) -> Self {
        Self {
            current: Mutex::new(None),
            dialer: tokio::sync::Mutex::new(dialer),
        }
    }

    fn cached(&self) -> Option<Connection> {
        match self.current.lock() {
            Ok(slot) => slot.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set(&self, connection: Option<Connection>) {
        match self.current.lock() {
            Ok(mut slot) => *slot = connection,
            Err(poisoned) => *poisoned.into_inner() = connection,
        }
    }

    async fn connection(&self) -> RedisResult<Connection> {
        if let Some(connection) = self.cached() {
            return Ok(connection);
        }
        let mut dialer = self.dialer.lock().await;
        // Another caller may have connected while this one waited.
        if let Some(connection) = self.cached() {
            return Ok(connection);
        }
        let connection = dialer.dial().await?;
        self.set(Some(connection.clone()));
        Ok(connection)
    }
}

/// The store's way to Redis.
pub(super) enum Source {
    Single(ConnectionManager),
    Lazy(Box<Lazy>),
}

impl Source {
    /// Prepares the connection for `topology` without connecting; each attempt to
    /// connect and each reply is bounded by `timeout`.
    pub(super) fn new(topology: &RedisTopology, timeout: Duration) -> RedisResult<Self> {
        match topology {
            RedisTopology::Single(url) => {
                let client = redis::Client::open(url.as_str())?;
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(timeout))
                    .set_response_timeout(Some(timeout))
                    .set_number_of_retries(RECONNECT_RETRIES)
                    .set_min_delay(Duration::from_millis(50))
                    .set_max_delay(Duration::from_millis(500));
                Ok(Source::Single(ConnectionManager::new_lazy_with_config(
                    client, config,
                )?))
            }
            RedisTopology::Cluster(nodes) => {
                let client = ClusterClient::builder(nodes.iter().map(String::as_str))
                    .connection_timeout(timeout)
                    .response_timeout(timeout)
                    .retries(RECONNECT_RETRIES as u32)
                    .min_retry_wait(20)
                    .max_retry_wait(200)
                    .build()?;
                Ok(Source::Lazy(Box::new(Lazy::new(Dialer::Cluster(
                    Box::new(client),
                )))))
            }
            RedisTopology::Sentinel(target) => {
                let client = sentinel_client(target)?;
                let config = AsyncConnectionConfig::new()
                    .set_connection_timeout(Some(timeout))
                    .set_response_timeout(Some(timeout));
                Ok(Source::Lazy(Box::new(Lazy::new(Dialer::Sentinel(
                    Box::new(client),
                    Box::new(config),
                )))))
            }
        }
    }

    /// Sends `request`; the caller bounds the whole call with its timeout and
    /// reports a timeout with [`Source::timed_out`].
    pub(super) async fn send<T: FromRedisValue>(&self, request: &Request<'_>) -> RedisResult<T> {
        let mut connection = match self {
            Source::Single(manager) => Connection::Single(manager.clone()),
            Source::Lazy(lazy) => lazy.connection().await?,
        };
        let result = connection.send(request).await;
        if let (Err(error), Source::Lazy(lazy)) = (&result, self)
            && worth_reconnecting(error)
        {
            lazy.set(None);
        }
        result
    }

    /// A call took longer than the store's timeout: a lazy connection is remade.
    pub(super) fn timed_out(&self) {
        if let Source::Lazy(lazy) = self {
            lazy.set(None);
        }
    }
}

/// Whether a fresh connection might cure `error`: broken or refused connections,
/// timeouts, and a server that is no longer the master (Sentinel failover).
fn worth_reconnecting(error: &RedisError) -> bool {
    error.is_io_error()
        || error.is_connection_dropped()
        || error.is_connection_refusal()
        || error.is_timeout()
        || error.is_unrecoverable_error()
        || matches!(
            error.code(),
            Some("READONLY" | "MASTERDOWN" | "LOADING" | "CLUSTERDOWN")
        )
}

fn sentinel_client(target: &SentinelTarget) -> RedisResult<SentinelClient> {
    let sentinels = target
        .sentinels
        .iter()
        .map(|(host, port)| ConnectionAddr::Tcp(host.clone(), *port));
    let mut builder =
        SentinelClientBuilder::new(sentinels, &target.service, SentinelServerType::Master)?
            .set_client_to_redis_db(target.db);
    if let Some(username) = &target.username {
        builder = builder.set_client_to_redis_username(username);
    }
    if let Some(password) = &target.password {
        builder = builder.set_client_to_redis_password(password);
    }
    if let Some(username) = &target.sentinel_username {
        builder = builder.set_client_to_sentinel_username(username);
    }
    if let Some(password) = &target.sentinel_password {
        builder = builder.set_client_to_sentinel_password(password);
    }
    builder.build()
}
