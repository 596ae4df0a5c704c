//! What `CLAVE_REDIS_URL` names: one Redis server, a Redis Cluster, or the master
//! that Redis Sentinel points at.
//!
//! | form | meaning |
//! |---|---|
//! | `redis://[[user]:password@]host[:port][/db]`, `rediss://…`, `redis+unix:///path` | one server (the redis crate's own syntax) |
//! | `redis+cluster://[[user]:password@]host:port,host:port,…` | a Cluster, from any of its seed nodes (database 0 only) |
//! | `redis+sentinel://[[user]:password@]host:port,host:port,…/service[/db][?sentinel_username=…&sentinel_password=…]` | the master of `service`, found through these sentinels |
//!
//! Ports default to 6379 (cluster nodes) and 26379 (sentinels). In the Sentinel form
//! the user-info authenticates to the Redis master; sentinels that need credentials
//! of their own get them from the query. User-info is percent-encoded as in any URL.
//!
//! The several-host forms are not URLs that `url::Url` accepts (an authority has one
//! host), so they are parsed here, once, by [`RedisTopology::parse`], which the
//! settings check also runs, so a wrong value stops start-up with a clear message.

use redis::IntoConnectionInfo as _;

/// Where the Redis store sends its commands.
#[derive(Clone, PartialEq, Eq)]
pub enum RedisTopology {
    /// One server: the URL as given, for `redis::Client::open`.
    Single(String),
    /// A Cluster: one `redis://[user-info@]host:port` URL per seed node.
    Cluster(Vec<String>),
    /// A master found through Sentinel.
    Sentinel(SentinelTarget),
}

/// The parts of a `redis+sentinel://` URL.
#[derive(Clone, PartialEq, Eq)]
pub struct SentinelTarget {
    /// The sentinels, `(host, port)`.
    pub sentinels: Vec<(String, u16)>,
    /// The service (master) name the sentinels monitor.
    pub service: String,
    /// The database on the master.
    pub db: i64,
    /// Credentials for the master (from the URL's user-info).
    pub username: Option<String>,
    /// Password for the master.
    pub password: Option<String>,
    /// Credentials for the sentinels themselves (query `sentinel_username`).
    pub sentinel_username: Option<String>,
    /// Query `sentinel_password`.
    pub sentinel_password: Option<String>,
}

const CLUSTER: &str = "redis+cluster://";
const SENTINEL: &str = "redis+sentinel://";
const SINGLE: [&str; 4] = ["redis://", "rediss://", "redis+unix://", "unix://"];

/// What the setting accepts, for error messages.
pub const ACCEPTED: &str = "accepted values are redis://host[:port][/db] (one server), \
     redis+cluster://host:port,host:port,… (Redis Cluster seed nodes) or \
     redis+sentinel://host:port,host:port,…/service_name[/db] (Sentinel); \
     unset it for the in-process store";

impl RedisTopology {
    /// Reads a `CLAVE_REDIS_URL`. The error says what is wrong and never repeats
    /// a password.
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(rest) = url.strip_prefix(CLUSTER) {
            parse_cluster(rest)
        } else if let Some(rest) = url.strip_prefix(SENTINEL) {
            parse_sentinel(rest).map(RedisTopology::Sentinel)
        } else if SINGLE.iter().any(|p| url.starts_with(p)) {
            Ok(RedisTopology::Single(url.to_owned()))
        } else {
            Err(ACCEPTED.to_owned())
        }
    }
}

impl std::fmt::Debug for RedisTopology {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RedisTopology::Single(url) => write!(f, "Single({})", redact(url)),
            RedisTopology::Cluster(nodes) => {
                let nodes: Vec<String> = nodes.iter().map(|n| redact(n)).collect();
                write!(f, "Cluster({nodes:?})")
            }
            RedisTopology::Sentinel(target) => f
                .debug_struct("Sentinel")
                .field("sentinels", &target.sentinels)
                .field("service", &target.service)
                .field("db", &target.db)
                .finish_non_exhaustive(),
        }
    }
}

/// The URL with every password (user-info, `password`, `pass`, `sentinel_password`)
/// replaced by `***`, for logs and `Debug`. Works on all three forms.
pub fn redact(url: &str) -> String {
    let several = [CLUSTER, SENTINEL].iter().any(|p| url.starts_with(p));
    if !several {
        return redact_single(url);
    }
    let (scheme, rest) = url.split_at(url.find("://").map_or(0, |i| i + 3));
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let (authority, path) = match before_query.split_once('/') {
        Some((authority, path)) => (authority, Some(path)),
        None => (before_query, None),
    };
    let mut out = scheme.to_owned();
    match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(user, _)| user);
            let hidden = if userinfo.contains(':') { ":***" } else { "" };
            out.push_str(&format!("{user}{hidden}@{hosts}"));
        }
        None => out.push_str(authority),
    }
    if let Some(path) = path {
        out.push('/');
        out.push_str(path);
    }
    if let Some(query) = query {
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .map(|(name, value)| {
                let value = if is_secret(&name) {
                    "***".into()
                } else {
                    value
                };
                (name.into_owned(), value.into_owned())
            })
            .collect();
        out.push('?');
        out.push_str(
            &url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish(),
        );
    }
    out
}

fn is_secret(name: &str) -> bool {
    matches!(name, "password" | "pass" | "sentinel_password")
}

fn redact_single(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return "(unparseable URL)".to_owned();
    };
    if parsed.password().is_some() {
        // Fails only for URLs that cannot have a password, which this one has.
        let _ = parsed.set_password(Some("***"));
    }
    if parsed.query_pairs().any(|(name, _)| is_secret(&name)) {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(name, value)| {
                let value = if is_secret(&name) {
                    "***".into()
                } else {
                    value
                };
                (name.into_owned(), value.into_owned())
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

/// `[user-info@]hosts[/path][?query]` of a several-host URL.
struct Parts<'a> {
    userinfo: Option<&'a str>,
    hosts: Vec<(String, u16)>,
    path: &'a str,
    query: &'a str,
}

fn split(rest: &str, default_port: u16) -> Result<Parts<'_>, String> {
    if rest.contains('#') {
        return Err("a fragment (#…) is not accepted".to_owned());
    }
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = before_query.split_once('/').unwrap_or((before_query, ""));
    let (userinfo, hosts) = match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => (Some(userinfo), hosts),
        None => (None, authority),
    };
    let hosts = hosts
        .split(',')
        .map(|h| host_port(h, default_port))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Parts {
        userinfo,
        hosts,
        path,
        query,
    })
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`.
fn host_port(item: &str, default_port: u16) -> Result<(String, u16), String> {
    let item = item.trim();
    if item.is_empty() {
        return Err("a host is missing (empty item in the comma-separated list)".to_owned());
    }
    let (host, port) = if let Some(v6) = item.strip_prefix('[') {
        let (host, after) = v6
            .split_once(']')
            .ok_or_else(|| format!("{item:?}: unclosed [ in an IPv6 address"))?;
        let port = match after {
            "" => None,
            p => Some(
                p.strip_prefix(':')
                    .ok_or_else(|| format!("{item:?}: expected :port after ]"))?,
            ),
        };
        (format!("[{host}]"), port)
    } else {
        match item.rsplit_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (item.to_owned(), None),
        }
    };
    let port = match port {
        None => default_port,
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| format!("{item:?}: the port must be a number from 1 to 65535"))?,
    };
    // The host must be one `url` accepts (names, IPv4, bracketed IPv6).
    let valid = !host.is_empty()
        && url::Url::parse(&format!("redis://{host}:{port}"))
            .is_ok_and(|u| u.host_str().is_some() && u.path().is_empty());
    if !valid {
        return Err(format!("{item:?} is not a host name or address"));
    }
    Ok((host, port))
}

fn parse_cluster(rest: &str) -> Result<RedisTopology, String> {
    let parts = split(rest, 6379)?;
    if !matches!(parts.path, "" | "0") {
        return Err("Redis Cluster has only database 0: remove the /path".to_owned());
    }
    if !parts.query.is_empty() {
        return Err("redis+cluster:// takes no ?parameters".to_owned());
    }
    let userinfo = parts.userinfo.map(|u| format!("{u}@")).unwrap_or_default();
    let nodes = parts
        .hosts
        .iter()
        .map(|(host, port)| format!("redis://{userinfo}{host}:{port}"))
        .collect::<Vec<_>>();
    // Let the redis crate read each node the way it will when connecting.
    for node in &nodes {
        node.as_str()
            .into_connection_info()
            .map_err(|e| format!("a cluster node is not usable ({:?})", e.kind()))?;
    }
    Ok(RedisTopology::Cluster(nodes))
}

fn parse_sentinel(rest: &str) -> Result<SentinelTarget, String> {
    let parts = split(rest, 26379)?;
    let mut segments = parts.path.split('/');
    let service = segments.next().unwrap_or_default();
    let valid_name = !service.is_empty()
        && service
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid_name {
        return Err(
            "redis+sentinel:// needs the monitored service name as its path: \
             redis+sentinel://host:26379,host:26379/mymaster"
                .to_owned(),
        );
    }
    let db = match segments.next() {
        None | Some("") => 0,
        Some(db) => db
            .parse::<i64>()
            .ok()
            .filter(|db| *db >= 0)
            .ok_or_else(|| format!("{db:?} is not a database number"))?,
    };
    if segments.next().is_some() {
        return Err("the path is /service_name[/db]".to_owned());
    }
    let (username, password) = match parts.userinfo {
        None => (None, None),
        Some(userinfo) => {
            // Decoded by the redis crate, exactly as for a one-server URL.
            let info = format!("redis://{userinfo}@127.0.0.1/")
                .into_connection_info()
                .map_err(|_| "the user-info (user:password@) cannot be read".to_owned())?;
            let settings = info.redis_settings();
            (
                settings.username().map(str::to_owned),
                settings.password().map(str::to_owned),
            )
        }
    };
    let mut target = SentinelTarget {
        sentinels: parts.hosts,
        service: service.to_owned(),
        db,
        username,
        password,
        sentinel_username: None,
        sentinel_password: None,
    };
    for (name, value) in url::form_urlencoded::parse(parts.query.as_bytes()) {
        match name.as_ref() {
            "sentinel_username" => target.sentinel_username = Some(value.into_owned()),
            "sentinel_password" => target.sentinel_password = Some(value.into_owned()),
            other => {
                return Err(format!(
                    "unknown parameter {other:?}: redis+sentinel:// takes \
                     sentinel_username and sentinel_password"
                ));
            }
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentinel(url: &str) -> SentinelTarget {
        match RedisTopology::parse(url) {
            Ok(RedisTopology::Sentinel(target)) => target,
            other => panic!("{url}: {other:?}"),
        }
    }

    #[test]
    fn one_server_urls_pass_through_unchanged() {
        for url in [
            "redis://127.0.0.1:6379",
            "redis://:secret@cache/2",
            "rediss://cache:6380",
            "redis+unix:///run/redis.sock",
        ] {
            assert_eq!(
                RedisTopology::parse(url),
                Ok(RedisTopology::Single(url.to_owned()))
            );
        }
    }

    #[test]
    fn a_cluster_url_lists_its_seed_nodes_with_shared_credentials() {
        let parsed =
            RedisTopology::parse("redis+cluster://:s%40cret@10.0.0.1:7001,node-b,[::1]:7003");
        assert_eq!(
            parsed,
            Ok(RedisTopology::Cluster(vec![
                "redis://:s%40cret@10.0.0.1:7001".to_owned(),
                "redis://:s%40cret@node-b:6379".to_owned(),
                "redis://:s%40cret@[::1]:7003".to_owned(),
            ]))
        );
        assert!(RedisTopology::parse("redis+cluster://a:1,b:2/").is_ok());
    }

    #[test]
    fn a_cluster_url_with_a_database_an_empty_host_or_a_bad_port_is_refused() {
        for (url, says) in [
            ("redis+cluster://a:7001/3", "database 0"),
            ("redis+cluster://a:7001,,b:7002", "host is missing"),
            ("redis+cluster://", "host is missing"),
            ("redis+cluster://a:70000", "port"),
            ("redis+cluster://a:0", "port"),
            ("redis+cluster://a b:7001", "not a host"),
            ("redis+cluster://a:7001?db=1", "no ?parameters"),
        ] {
            let error = RedisTopology::parse(url).expect_err(url);
            assert!(error.contains(says), "{url}: {error}");
        }
    }

    #[test]
    fn a_sentinel_url_names_the_sentinels_the_service_and_the_database() {
        let target = sentinel("redis+sentinel://s1:26380,s2,10.0.0.3:26379/mymaster/2");
        assert_eq!(
            target.sentinels,
            [
                ("s1".to_owned(), 26380),
                ("s2".to_owned(), 26379),
                ("10.0.0.3".to_owned(), 26379)
            ]
        );
        assert_eq!((target.service.as_str(), target.db), ("mymaster", 2));
        assert_eq!((target.username, target.password), (None, None));
    }

    #[test]
    fn sentinel_credentials_go_to_the_master_and_the_query_ones_to_the_sentinels() {
        let target = sentinel(
            "redis+sentinel://app:p%3Ass@s1,s2/cache?sentinel_username=watch&sentinel_password=w%26x",
        );
        assert_eq!(target.username.as_deref(), Some("app"));
        assert_eq!(target.password.as_deref(), Some("p:ss"));
        assert_eq!(target.sentinel_username.as_deref(), Some("watch"));
        assert_eq!(target.sentinel_password.as_deref(), Some("w&x"));
        assert_eq!(target.db, 0);
    }

    #[test]
    fn a_sentinel_url_without_a_service_or_with_unknown_parameters_is_refused() {
        for (url, says) in [
            ("redis+sentinel://s1:26379", "service name"),
            ("redis+sentinel://s1:26379/", "service name"),
            ("redis+sentinel://s1/my%20master", "service name"),
            ("redis+sentinel://s1/m/x", "database number"),
            ("redis+sentinel://s1/m/1/2", "/service_name[/db]"),
            ("redis+sentinel://s1/m?password=x", "unknown parameter"),
            ("redis+sentinel://s1/m#frag", "fragment"),
        ] {
            let error = RedisTopology::parse(url).expect_err(url);
            assert!(error.contains(says), "{url}: {error}");
        }
    }

    #[test]
    fn other_schemes_are_refused_with_the_accepted_forms() {
        let error = RedisTopology::parse("memcached://cache").unwrap_err();
        assert!(
            error.contains("redis+cluster://") && error.contains("redis+sentinel://"),
            "{error}"
        );
    }

    #[test]
    fn errors_and_debug_never_repeat_a_password() {
        for url in [
            "redis+cluster://:hunter2@a:70000",
            "redis+sentinel://u:hunter2@s1/m/x",
            "redis+sentinel://s1/m?sentinel_password=hunter2&bogus=1",
        ] {
            let error = RedisTopology::parse(url).unwrap_err();
            assert!(!error.contains("hunter2"), "{error}");
        }
        let parsed =
            RedisTopology::parse("redis+sentinel://u:hunter2@s1/m?sentinel_password=hunter2")
                .unwrap();
        assert!(!format!("{parsed:?}").contains("hunter2"));
        let cluster = RedisTopology::parse("redis+cluster://:hunter2@a:1,b:2").unwrap();
        assert!(!format!("{cluster:?}").contains("hunter2"));
    }

    #[test]
    fn redaction_hides_every_password_in_every_form() {
        assert_eq!(redact("redis://:secret@host"), "redis://:***@host");
        assert_eq!(
            redact("redis://user:secret@host:6380/2"),
            "redis://user:***@host:6380/2"
        );
        assert_eq!(
            redact("redis+cluster://:secret@a:7001,b:7002"),
            "redis+cluster://:***@a:7001,b:7002"
        );
        assert_eq!(
            redact(
                "redis+sentinel://app:secret@s1,s2/m/1?sentinel_password=other&sentinel_username=w"
            ),
            "redis+sentinel://app:***@s1,s2/m/1?sentinel_password=***&sentinel_username=w"
        );
        let unix = redact("redis+unix:///run/redis.sock?db=1&pass=secret");
        assert!(!unix.contains("secret") && unix.contains("db=1"), "{unix}");
        assert_eq!(redact("::secret::"), "(unparseable URL)");
    }
}
