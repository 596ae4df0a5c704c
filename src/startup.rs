//! Building and running the HTTP server: the seam the binary and the tests share.
//!
//! [`Application::build`] wires settings into stores, the key ring and the router;
//! [`Application::run_until_stopped`] serves until the shutdown future resolves and
//! then lets in-flight requests finish. Tests build the same application on a
//! loopback port with their own stores and clock.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::clock::{SharedClock, SystemClock};
use crate::crypto::{HasherParams, PasswordHasher};
use crate::http::request_id::{RandomRequestId, request_id_of};
use crate::settings::Settings;
use crate::state::AppState;
use crate::store::ephemeral::EphemeralStore;
use crate::store::ephemeral::memory::MemoryStore;
use crate::store::ephemeral::redis::RedisStore;
use crate::store::sql::SqlStore;

/// What tests and benchmarks may replace; production uses the defaults.
pub struct Overrides {
    /// The clock.
    pub clock: SharedClock,
    /// argon2 parameters and pool size.
    pub hasher: HasherParams,
    /// The SMS sender, instead of the one the settings name.
    pub sms: Option<Arc<dyn crate::sms::SmsSender>>,
    /// The email sender, instead of the one the settings name.
    pub email: Option<Arc<dyn crate::email::EmailSender>>,
}

impl Default for Overrides {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            hasher: HasherParams::default(),
            sms: None,
            email: None,
        }
    }
}

/// A built server, bound to its port, not yet serving.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Binds `settings.listen` and builds everything.
    pub async fn build(settings: Settings, overrides: Overrides) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("cannot listen on {} (CLAVE_LISTEN)", settings.listen))?;
        Self::build_on(listener, settings, overrides).await
    }

    /// Builds everything on an already bound listener (tests bind port 0 first so
    /// the issuer can name the port).
    pub async fn build_on(
        listener: TcpListener,
        settings: Settings,
        overrides: Overrides,
    ) -> anyhow::Result<Self> {
        let shown = crate::settings::redact_url(&settings.database_url);
        let db = SqlStore::connect(&settings.database_url, settings.store_timeout())
            .await
            .with_context(|| format!("cannot open the database {shown} (CLAVE_DATABASE_URL)"))?;
        db.migrate()
            .await
            .with_context(|| format!("cannot migrate the database {shown}"))?;
        let ephemeral: Arc<dyn EphemeralStore> = match &settings.redis_url {
            Some(url) => Arc::new(
                RedisStore::connect(url, &settings.redis_prefix, settings.store_timeout())
                    .await
                    .context("cannot use CLAVE_REDIS_URL")?,
            ),
            None => Arc::new(MemoryStore::with_max_bytes(
                usize::try_from(settings.memory_store_max_bytes).unwrap_or(usize::MAX),
            )),
        };
        let backend = if settings.redis_url.is_some() {
            "redis"
        } else {
            "memory"
        };
        let ephemeral: Arc<dyn EphemeralStore> = Arc::new(
            crate::store::ephemeral::observed::Observed::new(ephemeral, backend),
        );
        crate::http::metrics::install();
        let clock = overrides.clock;
        let now = clock.now();
        let kek = crate::kek::Kek::from_settings(&settings)?;
        crate::signing::ensure_keys(&db, &kek, now)
            .await
            .context("cannot prepare signing keys")?;
        let ring = crate::signing::load_ring(&db, &kek, now)
            .await
            .context("cannot load signing keys")?;
        let hasher = PasswordHasher::new(overrides.hasher).context("bad password-hash settings")?;
        let provider =
            crate::oauth::Provider::build(&settings.issuer, settings.require_par, &db, &kek, now)
                .await
                .context("cannot prepare the OpenID provider")?;
        let web = crate::web::build_web(&db, &kek, &settings, now).await?;
        crate::account::register_account_client(&db, &settings, now)
            .await
            .context("cannot register the account page")?;
        if crate::demo::enabled(&settings) {
            let demo = crate::demo::register_demo_client(&db, &settings, now)
                .await
                .context("cannot register the demo portal")?;
            tracing::info!(url = %demo.home_url, "demo portal at this address");
        }
        let guard =
            crate::abuse::Guard::new(&settings, ephemeral.clone(), &provider.pairwise_salt)?
                .with_clock(clock.clone());
        let sms_worst_case = Duration::from_millis(
            settings
                .sms_http_timeout_ms
                .saturating_mul(u64::from(settings.sms_http_retries) + 1),
        );
        if settings.sms == crate::settings::SmsKind::Http
            && settings.request_timeout() <= sms_worst_case
        {
            tracing::warn!(
                request_timeout_ms = settings.request_timeout_ms,
                sms_worst_case_ms = sms_worst_case.as_millis() as u64,
                "CLAVE_REQUEST_TIMEOUT_MS cuts SMS sends that are still retrying: \
                 raise it above CLAVE_SMS_HTTP_TIMEOUT_MS × (CLAVE_SMS_HTTP_RETRIES + 1)"
            );
        }
        let sms = match overrides.sms {
            Some(sms) => sms,
            None => crate::sms::factory::sender_from_settings(&settings, clock.clone())
                .context("cannot set up the SMS sender")?,
        };
        let otp_key = crate::otp::OtpKey::load(&db, &kek, now)
            .await
            .context("cannot read the OTP key")?;
        let email = match overrides.email {
            Some(email) => email,
            None => crate::email::factory::sender_from_settings(&settings, clock.clone())
                .context("cannot set up the email sender")?,
        };
        let notices = crate::notices::Notices::new(
            email,
            sms.clone(),
            ephemeral.clone(),
            web.clone(),
            clock.clone(),
            settings.notice_sms,
        );
        let otp = crate::otp::OtpService::new(
            ephemeral.clone(),
            sms,
            clock.clone(),
            otp_key,
            crate::otp::OtpPolicy::default(),
        );
        let credentials = crate::auth::Credentials::new(
            db.clone(),
            hasher.clone(),
            clock.clone(),
            settings.password_policy,
            notices.clone(),
            crate::web::CookieNames::new(settings.is_https()),
        );
        let browsers = crate::auth::Browsers::new(
            ephemeral.clone(),
            clock.clone(),
            crate::web::CookieNames::new(settings.is_https()),
        );
        let keys = Arc::new(RwLock::new(Arc::new(ring)));
        let client_keys = crate::oauth::client_keys::ClientKeys::new();
        let tokens = crate::oauth::issuer::TokenIssuer::new(
            &provider,
            keys.clone(),
            ephemeral.clone(),
            clock.clone(),
        )
        .with_client_keys(client_keys.clone());
        let backchannel = crate::oauth::backchannel::Backchannel::start(
            ephemeral.clone(),
            db.clone(),
            tokens.clone(),
            clock.clone(),
        );
        let endings =
            crate::auth::SessionEnds::new(browsers.clone(), db.clone(), backchannel.clone());
        let credentials = credentials.with_session_ends(endings.clone());
        let client_auth = crate::oauth::client_auth::ClientAuthenticator::new(
            db.clone(),
            guard.clone(),
            client_keys.clone(),
            ephemeral.clone(),
            clock.clone(),
            &settings.issuer,
        );
        // Nonce key derived from a secret every instance shares, so each accepts
        // the nonces the others issue.
        let nonce_key = settings.dpop_nonce.then(|| {
            crate::crypto::hmac_sha256_hex(&provider.pairwise_salt, b"dpop nonce key").into_bytes()
        });
        let dpop =
            crate::oauth::dpop::DpopChecker::new(ephemeral.clone(), clock.clone(), nonce_key);
        let state = AppState::new(crate::state::Shared {
            settings: Arc::new(settings),
            db,
            ephemeral,
            clock,
            hasher,
            credentials,
            browsers,
            keys,
            tokens,
            provider: Arc::new(provider),
            web,
            otp: Arc::new(otp),
            kek,
            guard,
            client_auth,
            client_keys,
            dpop,
            backchannel,
            endings,
            notices,
        });
        let router = router(state.clone());
        Ok(Self {
            listener,
            router,
            state,
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// The state handlers see (tests read the stores through it).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then lets in-flight requests finish
    /// (the listener's timeouts and connection cap: `http/listener.rs`).
    pub async fn run_until_stopped(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let reloader = tokio::spawn(reload_keys(self.state.clone()));
        let purger = tokio::spawn(purge_expired_rows(self.state.clone()));
        let bounds = crate::http::listener::bounds(&self.state.settings);
        let metrics = match self.state.settings.metrics_listen {
            Some(address) => {
                let listener = TcpListener::bind(address).await.with_context(|| {
                    format!("cannot listen on {address} (CLAVE_METRICS_LISTEN)")
                })?;
                tracing::info!(%address, "metrics on their own listener");
                let router: Router = crate::http::metrics::route(&self.state.settings);
                Some(tokio::spawn(crate::http::listener::serve(
                    listener,
                    router,
                    bounds,
                    std::future::pending::<()>(),
                )))
            }
            None => None,
        };
        let result =
            crate::http::listener::serve(self.listener, self.router, bounds, shutdown).await;
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        reloader.abort();
        purger.abort();
        self.state.db.close().await;
        result.context("the HTTP server failed")
    }
}

/// Every route of the provider.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(crate::routes::HEALTHZ, get(crate::http::health::healthz))
        .route(crate::routes::READYZ, get(crate::http::health::readyz))
        .route(crate::routes::CHALLENGE, get(crate::http::challenge::serve))
        // On the main listener unless CLAVE_METRICS_LISTEN gives it its own.
        .merge(if state.settings.metrics_listen.is_none() {
            crate::http::metrics::route(&state.settings)
        } else {
            Router::new()
        })
        .merge(crate::oidc::routes())
        .merge(crate::login::routes())
        .merge(crate::selfservice::routes())
        .merge(crate::account::routes())
        .route(crate::routes::HELP_LEGACY, get(crate::legacy::pages::help))
        .merge(crate::web::routes())
        .merge(if crate::demo::enabled(&state.settings) {
            crate::demo::routes()
        } else {
            Router::new()
        })
        .fallback(crate::web::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.settings.request_timeout(),
            crate::http::timeout::within,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.web.clone(),
            crate::web::render_error_pages,
        ))
        // `layer`, not `route_layer`: the fallback's 404s are counted too (scans),
        // all under the one label `route="unmatched"`, never their path.
        .layer(axum::middleware::from_fn(crate::http::metrics::track))
        // No endpoint takes more than a small form: 64 KiB bounds every body (413).
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .with_state(state)
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                tracing::info_span!(
                    "request",
                    method = %request.method(),
                    path = %request.uri().path(),
                    request_id = %request_id_of(request),
                )
            }),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(RandomRequestId))
}

/// Reloads the key ring every `CLAVE_KEY_RELOAD_SECS` (a minute by default) and
/// whenever a key activates or retires, so a key rotated with the CLI reaches every
/// instance without a restart.
async fn reload_keys(state: AppState) {
    let period = i64::try_from(state.settings.key_reload_secs.max(1)).unwrap_or(60);
    loop {
        let now = state.now();
        let next = state
            .key_ring()
            .next_refresh_at()
            .map(|at| at - now)
            .unwrap_or(period);
        tokio::time::sleep(Duration::from_secs(next.clamp(1, period) as u64)).await;
        match crate::signing::load_ring(&state.db, &state.kek, state.now()).await {
            Ok(ring) => state.set_key_ring(ring),
            Err(error) => {
                tracing::warn!(%error, "could not reload signing keys; keeping the current ones")
            }
        }
    }
}

/// How long after start the first purge runs, and how often it runs after that.
const PURGE_FIRST_AFTER: Duration = Duration::from_secs(60);
const PURGE_EVERY: Duration = Duration::from_secs(5 * 60);

/// Every five minutes, deletes the refresh tokens and audit events past their
/// retention (`CLAVE_AUDIT_RETENTION_DAYS`; see src/store/sql/retention.rs). Every
/// instance runs it: the purge is idempotent and its batches skip one another.
async fn purge_expired_rows(state: AppState) {
    let mut ticks =
        tokio::time::interval_at(tokio::time::Instant::now() + PURGE_FIRST_AFTER, PURGE_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let retention = state.settings.audit_retention_secs();
        let batch = crate::store::sql::PURGE_BATCH;
        match state.db.purge_expired(state.now(), retention, batch).await {
            Ok(purged) if purged == crate::store::sql::Purged::default() => {}
            Ok(purged) => tracing::info!(
                refresh_tokens = purged.refresh_tokens,
                audit_events = purged.audit_events,
                "purged rows past their retention"
            ),
            Err(error) => {
                tracing::warn!(%error, "could not purge expired rows; trying again later")
            }
        }
    }
}

/// `clave-idp serve`: run with these settings until SIGTERM or Ctrl-C.
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    crate::telemetry::init(&settings);
    tracing::info!(settings = ?settings, "starting clave-idp");
    let app = Application::build(settings, Overrides::default()).await?;
    tracing::info!(address = %app.local_addr(), "listening");
    app.run_until_stopped(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}
