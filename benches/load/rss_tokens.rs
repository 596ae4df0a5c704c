//! `rss-tokens`: what a live access token and a live authorization code cost in
//! the memory of a provider on the embedded (in-process) store.
//!
//! A fresh provider makes [`TOKENS`] access tokens, then [`CODES`] codes,
//! through its own token issuer (`tokens N` and `codes N` on the child's
//! standard input, see `child.rs`): the records an ordinary login leaves
//! (scopes `openid profile email`, a session id, a nonce), without the HTTP
//! round trips and signatures that would take minutes to make this many. The
//! growth of the server's anonymous RSS (`RssAnon`), divided by the number of
//! records, is what each live record costs: its key and value, the store's maps
//! and what the allocator keeps around them. The bound of the store
//! (`CLAVE_MEMORY_STORE_MAX_BYTES`) is raised for this provider so that all of
//! them fit; the store's own count of their bytes is shown beside.

use std::time::Duration;

use serde_json::json;

use crate::child::{ProviderSpec, Role, Server};
use crate::procfs;
use crate::report::{Row, Target};
use crate::scenarios::{Results, Stores};

/// The scenario's name in `CLAVE_BENCH_ONLY`.
pub const NAME: &str = "rss-tokens";
/// Live access tokens measured.
const TOKENS: u64 = 100_000;
/// Live codes measured.
const CODES: u64 = 20_000;
/// The target, bytes of RSS per live access token.
const BYTES_PER_TOKEN: f64 = 400.0;

/// One fill and what it cost.
struct Fill {
    made: u64,
    seconds: f64,
    anon_kib: (u64, u64),
    store_bytes: (u64, u64),
}

impl Fill {
    fn rss_bytes_per_record(&self) -> f64 {
        (self.anon_kib.1 as f64 - self.anon_kib.0 as f64) * 1024.0 / self.made.max(1) as f64
    }

    fn store_bytes_per_record(&self) -> f64 {
        (self.store_bytes.1 as f64 - self.store_bytes.0 as f64) / self.made.max(1) as f64
    }
}

/// Sends `what count` to the child and measures around it.
async fn fill(server: Server, what: &'static str, count: u64) -> anyhow::Result<(Server, Fill)> {
    let command = format!("{what} {count}");
    tokio::task::spawn_blocking(move || {
        let mut server = server;
        let pid = server.pid;
        let anon = || procfs::status_kib(pid, "RssAnon").unwrap_or(0);
        let before_store = server.command(&format!("{what} 0"))?;
        let before = anon();
        let started = std::time::Instant::now();
        let after_store = server.command(&command)?;
        let seconds = started.elapsed().as_secs_f64();
        std::thread::sleep(Duration::from_millis(200));
        let bytes = |answer: &serde_json::Value| answer["store_bytes"].as_u64().unwrap_or(0);
        let fill = Fill {
            made: count,
            seconds,
            anon_kib: (before, anon()),
            store_bytes: (bytes(&before_store), bytes(&after_store)),
        };
        Ok((server, fill))
    })
    .await?
}

/// Runs the scenario on a provider of its own (embedded store only).
pub async fn run(
    stores: &Stores,
    mut spec: ProviderSpec,
    results: &mut Results,
) -> anyhow::Result<()> {
    let backend = stores.name();
    spec.store_max_bytes = Some(1 << 30);
    let role = Role::Provider(spec);
    let server = tokio::task::spawn_blocking(move || Server::start(&role)).await??;
    tokio::time::sleep(Duration::from_millis(300)).await;
    eprintln!(
        "[{backend}] {NAME}: provider pid {}; {TOKENS} access tokens, then {CODES} codes",
        server.pid
    );
    let (server, tokens) = fill(server, "tokens", TOKENS).await?;
    let (server, codes) = fill(server, "codes", CODES).await?;
    tokio::task::spawn_blocking(move || server.stop()).await?;

    for (label, fill) in [("live access tokens", &tokens), ("live codes", &codes)] {
        results.rows.push(Row {
            backend: backend.to_owned(),
            scenario: format!("{label} ({})", fill.made),
            ops: fill.made,
            seconds: fill.seconds,
            ops_per_s: fill.made as f64 / fill.seconds.max(1e-9),
            p50_ms: f64::NAN,
            p99_ms: f64::NAN,
            start_rss_mib: Some(procfs::mib(fill.anon_kib.0)),
            end_rss_mib: Some(procfs::mib(fill.anon_kib.1)),
            note: Some(format!(
                "{:.0} bytes of anonymous RSS each ({:.0} counted by the store); made in-process, RSS columns anonymous",
                fill.rss_bytes_per_record(),
                fill.store_bytes_per_record()
            )),
            ..Row::default()
        });
    }
    results.targets.push(Target::check(
        backend,
        "≤ 400 bytes of RSS per live access token (100,000 live)",
        format!(
            "{:.0} bytes ({:.1} → {:.1} MiB anonymous; the store counts {:.0} bytes each); a live code {:.0} bytes",
            tokens.rss_bytes_per_record(),
            procfs::mib(tokens.anon_kib.0),
            procfs::mib(tokens.anon_kib.1),
            tokens.store_bytes_per_record(),
            codes.rss_bytes_per_record()
        ),
        tokens.rss_bytes_per_record() <= BYTES_PER_TOKEN,
    ));
    let entry = results
        .extra
        .entry(backend.to_owned())
        .or_insert_with(|| json!({}));
    if let Some(map) = entry.as_object_mut() {
        map.insert(
            NAME.into(),
            json!({
                "tokens": tokens.made,
                "rss_bytes_per_token": tokens.rss_bytes_per_record(),
                "store_bytes_per_token": tokens.store_bytes_per_record(),
                "codes": codes.made,
                "rss_bytes_per_code": codes.rss_bytes_per_record(),
                "store_bytes_per_code": codes.store_bytes_per_record(),
            }),
        );
    }
    Ok(())
}
