//! The listener: HTTP/1.1 connections served with the bounds `axum::serve`
//! does not offer (`docs/architecture.md`, "Bounds").
//!
//! - **Header-read timeout** (`CLAVE_HEADER_READ_TIMEOUT_MS`): a connection
//!   that has not sent a request's whole head (request line and headers) within
//!   it is closed (hyper's `header_read_timeout`). Hyper starts the same timer
//!   when a keep-alive connection waits for its next request, so it is also the
//!   **idle timeout**: a connection idle that long between requests is closed.
//! - **Head size**: at most [`MAX_HEAD_BYTES`] of request line and headers
//!   (hyper answers 431 past it).
//! - **Body**: bounded in size by the router (64 KiB, 413) and in time by the
//!   whole-request deadline (`CLAVE_REQUEST_TIMEOUT_MS`, `http/timeout.rs`),
//!   which runs while the handler reads it.
//! - **Connection cap** (`CLAVE_MAX_CONNECTIONS`): a connection is accepted
//!   only while fewer are open; the others wait in the kernel's listen backlog
//!   (and time out there by the client's own connect timeout), so a burst
//!   queues instead of failing, and a flood of idle connections costs at most
//!   the cap for the header-read timeout.
//!
//! Shutdown: once the signal resolves nothing new is accepted, every open
//! connection finishes the request it is serving and closes (idle ones at
//! once), and [`serve`] returns when the last one has.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt as _;

/// The longest request head accepted (request line and headers): above the
/// longest authorization request the parameter caps allow, percent-encoded.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// The listener's bounds.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Header-read and keep-alive idle timeout.
    pub header_read_timeout: Duration,
    /// Most connections served at once.
    pub max_connections: usize,
}

/// Serves `router` on `listener` within `bounds` until `shutdown` resolves,
/// then lets open connections finish (see the module documentation).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    bounds: Bounds,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(bounds.header_read_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .keep_alive(true);
    let slots = Arc::new(Semaphore::new(bounds.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // A free slot first: past the cap, connections wait in the backlog.
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot,
            () = &mut shutdown => break,
        };
        let Ok(slot) = slot else { break };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    accept_failed(&error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router
            .clone()
            .map_request(move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                // Timeouts and clients that go away: routine, not faults.
                tracing::debug!(%error, %peer, "connection closed with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// A failed `accept`: a connection reset before it was taken is nothing; running
/// out of file descriptors is logged and waited out, not spun on.
async fn accept_failed(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "cannot accept a connection; retrying in 1 s");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// The bounds the settings describe.
pub fn bounds(settings: &crate::settings::Settings) -> Bounds {
    Bounds {
        header_read_timeout: settings.header_read_timeout(),
        max_connections: usize::try_from(settings.max_connections).unwrap_or(usize::MAX),
    }
}
