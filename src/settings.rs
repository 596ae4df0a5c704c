//! Settings, layered: built-in defaults → `config/default.toml` →
//! `config/<profile>.toml` → `CLAVE_*` environment variables (README, "Settings").
//!
//! Layering is figment's job; this module declares the settings, their defaults
//! (the embedded development set-up: SQLite file, in-process store, `log` SMS and
//! email) and the checks that stop start-up with a message naming the setting and
//! what it accepts. Secrets never appear in `Debug` output, which the start-up log
//! prints: database and Redis passwords, the SMS gateway URL's user, password and
//! query, its token, the SMTP relay URL's user, password and query, and the
//! key-encryption key are shown as `***`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Which set of defaults and safety checks applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// A developer's machine: demo portal on, development SMS senders allowed.
    Development,
    /// A real deployment: refuses development-only shortcuts.
    Production,
}

impl Profile {
    fn as_str(self) -> &'static str {
        match self {
            Profile::Development => "development",
            Profile::Production => "production",
        }
    }
}

/// How SMS messages leave the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmsKind {
    /// Printed in the log (development: shows the OTP).
    Log,
    /// Appended as JSON lines to a file (development and tests).
    Outbox,
    /// POSTed to an SMS gateway.
    Http,
}

/// How security notices leave the provider by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmailKind {
    /// Printed in the log (development).
    Log,
    /// Appended as JSON lines to a file (development and tests).
    Outbox,
    /// Handed to an SMTP relay.
    Smtp,
}

/// The format of log lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Every setting of the provider. Field names are the lower-case environment
/// variable names without the `CLAVE_` prefix.
#[derive(Clone, Serialize, Deserialize)]
pub struct Settings {
    /// `development` or `production`.
    pub profile: Profile,
    /// Listen address.
    pub listen: SocketAddr,
    /// Issuer URL, also the public base URL. Unset (empty) in the development
    /// profile means `http://{listen}`; the production profile requires it.
    pub issuer: String,
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Folder that relative file paths in the settings are taken from (the SQLite
    /// file, the SMS outbox, the key-encryption key file, the development key);
    /// made absolute at load so every command names the same files.
    pub data_dir: PathBuf,
    /// Redis URL; unset means the in-process store.
    pub redis_url: Option<String>,
    /// Namespace for every ephemeral-store key.
    pub redis_prefix: String,
    /// SMS sender.
    pub sms: SmsKind,
    /// File for the `outbox` sender.
    pub sms_outbox: PathBuf,
    /// Gateway URL for the `http` sender.
    pub sms_http_url: Option<String>,
    /// Bearer token for the `http` sender.
    pub sms_http_token: Option<String>,
    /// Where `/metrics` is served instead of the main listener (an internal
    /// address), if set.
    pub metrics_listen: Option<std::net::SocketAddr>,
    /// The bearer token `/metrics` requires, if set.
    pub metrics_token: Option<String>,
    /// Every portal must push its authorization requests (RFC 9126 §5), not
    /// only those registered with `require_pushed_authorization_requests`.
    pub require_par: bool,
    /// DPoP proofs must carry a nonce the provider issued (RFC 9449 §8).
    pub dpop_nonce: bool,
    /// Per-attempt timeout of the `http` sender, milliseconds.
    pub sms_http_timeout_ms: u64,
    /// Retries of the `http` sender after the first attempt.
    pub sms_http_retries: u32,
    /// Lets the production profile use the `log` or `outbox` sender.
    pub sms_allow_development_senders: bool,
    /// Email sender of the security notices.
    pub email: EmailKind,
    /// File for the `outbox` email sender.
    pub email_outbox: PathBuf,
    /// Relay URL for the `smtp` sender (`smtps://user:password@host` or
    /// `smtp://user:password@host?tls=required`); may carry a password.
    pub smtp_url: Option<String>,
    /// The `From` mailbox of every email (`"Cl@ve" <no-reply@example.es>`).
    pub email_from: String,
    /// Per-attempt timeout of the `smtp` sender, milliseconds.
    pub smtp_timeout_ms: u64,
    /// Retries of the `smtp` sender after the first attempt (transient failures).
    pub smtp_retries: u32,
    /// Lets the production profile use the `log` or `outbox` email sender.
    pub email_allow_development_senders: bool,
    /// Sends every security notice by SMS too, not only the block notices.
    pub notice_sms: bool,
    /// Timeout of every database and Redis call, milliseconds.
    pub store_timeout_ms: u64,
    /// Serves the demo portal under `/demo` (development only).
    pub demo_portal: bool,
    /// `text` or `json`.
    pub log_format: LogFormat,
    /// Password policy: `clave` (Cl@ve's own rules) or `nist` (NIST SP 800-63B).
    pub password_policy: crate::domain::PolicyProfile,
    /// Attempt-counting window, seconds.
    pub rate_window_secs: u64,
    /// Failed attempts per address (IPv6: per /64) in a window before the
    /// security question.
    pub rate_ip_soft: u32,
    /// Failed attempts per address in a window before 429.
    pub rate_ip_hard: u32,
    /// Failed attempts per account (DNI/NIE) in a window before the security
    /// question; an account is never refused.
    pub rate_account_soft: u32,
    /// Failed client authentications per client and client address in a window
    /// before 429; successful requests are never counted.
    pub rate_client_failures: u32,
    /// New login transactions (`GET`/`POST /authorize` that must show the
    /// login) per address (IPv6: per /64) in ten minutes before 429.
    pub rate_authorize_ip: u32,
    /// Bytes the in-process ephemeral store may hold (keys, values and an
    /// estimate of their bookkeeping); unused with Redis.
    pub memory_store_max_bytes: u64,
    /// Longest time, milliseconds, a connection may take to send a request's
    /// headers, and stay idle between keep-alive requests, before it is closed.
    pub header_read_timeout_ms: u64,
    /// Most connections served at once; more wait in the listen backlog.
    pub max_connections: u32,
    /// Comma-separated IPs of reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: String,
    /// Key that seals private signing keys at rest (32 bytes, base64url or hex).
    pub key_encryption_key: Option<String>,
    /// File holding the key-encryption key.
    pub key_encryption_key_file: Option<PathBuf>,
    /// Longest time, seconds, before a running instance sees a key rotated with the
    /// CLI by another process (it also reloads when a known key activates or retires).
    pub key_reload_secs: u64,
    /// Log filter, in `tracing-subscriber` EnvFilter syntax.
    pub log_filter: String,
    /// Longest time, milliseconds, a request may take before it is answered 503.
    pub request_timeout_ms: u64,
    /// Days audit events are kept before they are purged.
    pub audit_retention_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            profile: Profile::Development,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            issuer: "http://127.0.0.1:8080".to_owned(),
            database_url: "sqlite://data/clave.db".to_owned(),
            data_dir: PathBuf::from("."),
            redis_url: None,
            redis_prefix: "clave:".to_owned(),
            sms: SmsKind::Log,
            sms_outbox: PathBuf::from("data/sms-outbox.jsonl"),
            sms_http_url: None,
            sms_http_token: None,
            metrics_listen: None,
            metrics_token: None,
            require_par: false,
            dpop_nonce: false,
            sms_http_timeout_ms: 5_000,
            sms_http_retries: 2,
            sms_allow_development_senders: false,
            email: EmailKind::Log,
            email_outbox: PathBuf::from("data/email-outbox.jsonl"),
            smtp_url: None,
            email_from: DEFAULT_EMAIL_FROM.to_owned(),
            smtp_timeout_ms: 10_000,
            smtp_retries: 3,
            email_allow_development_senders: false,
            notice_sms: false,
            store_timeout_ms: 2_000,
            demo_portal: true,
            log_format: LogFormat::Text,
            password_policy: crate::domain::PolicyProfile::Clave,
            rate_window_secs: 900,
            rate_ip_soft: 50,
            rate_ip_hard: 500,
            rate_account_soft: 3,
            rate_client_failures: 20,
            // Five new logins a second from one address, sustained, with a burst
            // of 3,000 (README, "Bounds"): a carrier-grade NAT's citizens are
            // served, one address cannot fill the store.
            rate_authorize_ip: 3_000,
            memory_store_max_bytes: 64 * 1024 * 1024,
            header_read_timeout_ms: 10_000,
            max_connections: 10_000,
            trusted_proxies: String::new(),
            key_encryption_key: None,
            key_encryption_key_file: None,
            key_reload_secs: 60,
            log_filter: "info,sqlx=warn".to_owned(),
            // Above the `http` SMS sender's worst case with its defaults: three
            // attempts of 5 s plus 0.3 s of backoff (src/sms/http.rs), and a store
            // call or two around it. A request slower than that is stuck, not busy.
            request_timeout_ms: 20_000,
            audit_retention_days: 730,
        }
    }
}

/// The default `From` of emails: a valid mailbox in a domain that reaches no one.
const DEFAULT_EMAIL_FROM: &str = "\"Cl@ve\" <no-reply@clave.localhost>";

/// A setting that stops start-up.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// A value could not be read as its type (figment names key and source).
    #[error("invalid setting: {0}")]
    Parse(String),
    /// A value has the right type but is not acceptable.
    #[error("invalid setting {env} ({key}): {reason}")]
    Invalid {
        /// The environment variable.
        env: &'static str,
        /// The key in the TOML files.
        key: &'static str,
        /// What is wrong and what is accepted.
        reason: String,
    },
}

fn invalid(env: &'static str, key: &'static str, reason: impl Into<String>) -> SettingsError {
    SettingsError::Invalid {
        env,
        key,
        reason: reason.into(),
    }
}

impl Settings {
    /// Loads the settings from `config_dir` and the process environment.
    pub fn load(config_dir: &Path) -> Result<Self, SettingsError> {
        Self::from_figment(Self::figment(config_dir, Env::prefixed("CLAVE_")))
    }

    /// The layered sources; `env` is injectable so tests need not touch the process
    /// environment.
    pub fn figment(config_dir: &Path, env: Env) -> Figment {
        // The profile chooses a file, so it is read from the environment and the
        // default file before the rest.
        let early = Figment::from(Serialized::defaults(Self::layered_defaults()))
            .merge(Toml::file(config_dir.join("default.toml")))
            .merge(env.clone().only(&["profile"]));
        let profile = early
            .extract_inner::<String>("profile")
            .unwrap_or_else(|_| Profile::Development.as_str().to_owned());
        let profile_file = match profile.as_str() {
            "development" | "production" => Some(config_dir.join(format!("{profile}.toml"))),
            _ => None, // rejected with a clear message by extract below
        };
        let mut figment = Figment::from(Serialized::defaults(Self::layered_defaults()))
            .merge(Toml::file(config_dir.join("default.toml")));
        if let Some(file) = profile_file {
            figment = figment.merge(Toml::file(file));
        }
        figment.merge(env)
    }

    /// The built-in layer: the defaults without an issuer, so that whether one was
    /// set in a file or the environment can be told after layering.
    fn layered_defaults() -> Self {
        Self {
            issuer: String::new(),
            ..Self::default()
        }
    }

    /// Extracts and checks the settings.
    pub fn from_figment(figment: Figment) -> Result<Self, SettingsError> {
        let mut settings: Settings = figment.extract().map_err(|error| {
            let messages: Vec<String> = error
                .into_iter()
                .map(|e| {
                    let key = e.path.join(".");
                    let env = format!("CLAVE_{}", key.to_uppercase());
                    format!("{env} ({key}): {}", e.kind)
                })
                .collect();
            SettingsError::Parse(messages.join("; "))
        })?;
        settings.issuer = settings.resolved_issuer()?;
        settings.resolve_paths()?;
        settings.check()?;
        Ok(settings)
    }

    /// The issuer as set, or in the development profile `http://{listen}`, with a
    /// loopback address in place of an unspecified one (0.0.0.0, ::) so the URL
    /// works in a browser on the same machine.
    fn resolved_issuer(&self) -> Result<String, SettingsError> {
        if !self.issuer.is_empty() {
            return Ok(self.issuer.clone());
        }
        if self.profile == Profile::Production {
            return Err(invalid(
                "CLAVE_ISSUER",
                "issuer",
                "the production profile needs it set explicitly: the public https:// URL \
                 that citizens and portals reach, e.g. https://clave.example.es",
            ));
        }
        let mut address = self.listen;
        if address.ip().is_unspecified() {
            address.set_ip(match address {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        Ok(format!("http://{address}"))
    }

    /// Makes `data_dir` absolute and takes the relative file paths from it, so that
    /// `serve` and the operator commands started in different folders do not open
    /// two different SQLite files unnoticed.
    fn resolve_paths(&mut self) -> Result<(), SettingsError> {
        self.data_dir = std::path::absolute(&self.data_dir).map_err(|e| {
            invalid(
                "CLAVE_DATA_DIR",
                "data_dir",
                format!("cannot make {} absolute: {e}", self.data_dir.display()),
            )
        })?;
        if let Some(url) = sqlite_url_in(&self.data_dir, &self.database_url) {
            self.database_url = url;
        }
        self.sms_outbox = self.data_dir.join(&self.sms_outbox);
        self.email_outbox = self.data_dir.join(&self.email_outbox);
        if let Some(file) = &self.key_encryption_key_file {
            self.key_encryption_key_file = Some(self.data_dir.join(file));
        }
        Ok(())
    }

    fn check(&self) -> Result<(), SettingsError> {
        let issuer = url::Url::parse(&self.issuer).map_err(|e| {
            invalid(
                "CLAVE_ISSUER",
                "issuer",
                format!("not an absolute URL ({e}): {:?}", self.issuer),
            )
        })?;
        if !matches!(issuer.scheme(), "http" | "https")
            || issuer.query().is_some()
            || issuer.fragment().is_some()
            || self.issuer.ends_with('/')
        {
            return Err(invalid(
                "CLAVE_ISSUER",
                "issuer",
                "must be an http:// or https:// URL with no query, fragment or trailing slash",
            ));
        }
        if !["sqlite:", "postgres://", "postgresql://"]
            .iter()
            .any(|p| self.database_url.starts_with(p))
        {
            return Err(invalid(
                "CLAVE_DATABASE_URL",
                "database_url",
                "accepted values start with sqlite://, postgres:// or postgresql://",
            ));
        }
        if let Some(redis) = &self.redis_url {
            crate::store::ephemeral::redis::RedisTopology::parse(redis)
                .map_err(|reason| invalid("CLAVE_REDIS_URL", "redis_url", reason))?;
        }
        if self.sms == SmsKind::Http && self.sms_http_url.is_none() {
            return Err(invalid(
                "CLAVE_SMS_HTTP_URL",
                "sms_http_url",
                "required when CLAVE_SMS=http: the SMS gateway URL",
            ));
        }
        self.check_email()?;
        if self.store_timeout_ms == 0 {
            return Err(invalid(
                "CLAVE_STORE_TIMEOUT_MS",
                "store_timeout_ms",
                "must be above 0",
            ));
        }
        if self.request_timeout_ms == 0 {
            return Err(invalid(
                "CLAVE_REQUEST_TIMEOUT_MS",
                "request_timeout_ms",
                "must be above 0",
            ));
        }
        for (value, env, key) in [
            (
                u64::from(self.rate_authorize_ip),
                "CLAVE_RATE_AUTHORIZE_IP",
                "rate_authorize_ip",
            ),
            (
                self.header_read_timeout_ms,
                "CLAVE_HEADER_READ_TIMEOUT_MS",
                "header_read_timeout_ms",
            ),
            (
                u64::from(self.max_connections),
                "CLAVE_MAX_CONNECTIONS",
                "max_connections",
            ),
        ] {
            if value == 0 {
                return Err(invalid(env, key, "must be above 0"));
            }
        }
        if self.memory_store_max_bytes < 1024 * 1024 {
            return Err(invalid(
                "CLAVE_MEMORY_STORE_MAX_BYTES",
                "memory_store_max_bytes",
                "must be at least 1048576 (1 MiB)",
            ));
        }
        if self.audit_retention_days == 0 {
            return Err(invalid(
                "CLAVE_AUDIT_RETENTION_DAYS",
                "audit_retention_days",
                "must be at least 1",
            ));
        }
        if self.key_reload_secs == 0 {
            return Err(invalid(
                "CLAVE_KEY_RELOAD_SECS",
                "key_reload_secs",
                "must be at least 1",
            ));
        }
        if self.profile == Profile::Production {
            if issuer.scheme() != "https" {
                return Err(invalid(
                    "CLAVE_ISSUER",
                    "issuer",
                    "the production profile needs an https:// issuer",
                ));
            }
            if self.sms != SmsKind::Http && !self.sms_allow_development_senders {
                return Err(invalid(
                    "CLAVE_SMS",
                    "sms",
                    "the production profile sends SMS through `http`; `log` and `outbox` need \
                     CLAVE_SMS_ALLOW_DEVELOPMENT_SENDERS=true",
                ));
            }
            if self.email != EmailKind::Smtp && !self.email_allow_development_senders {
                return Err(invalid(
                    "CLAVE_EMAIL",
                    "email",
                    "the production profile sends email through `smtp`; `log` and `outbox` \
                     need CLAVE_EMAIL_ALLOW_DEVELOPMENT_SENDERS=true",
                ));
            }
        }
        Ok(())
    }

    /// The email settings: the relay URL (never echoed: it may hold a password), the
    /// `From` mailbox and the timeout.
    fn check_email(&self) -> Result<(), SettingsError> {
        match &self.smtp_url {
            None if self.email == EmailKind::Smtp => {
                return Err(invalid(
                    "CLAVE_SMTP_URL",
                    "smtp_url",
                    "required when CLAVE_EMAIL=smtp: the SMTP relay URL",
                ));
            }
            None => {}
            Some(raw) => {
                if let Some(reason) = smtp_url_problem(raw) {
                    return Err(invalid("CLAVE_SMTP_URL", "smtp_url", reason));
                }
            }
        }
        if self.email_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(invalid(
                "CLAVE_EMAIL_FROM",
                "email_from",
                format!(
                    "{:?} is not a mailbox: expected \"Cl@ve\" <no-reply@example.es> or \
                     no-reply@example.es",
                    self.email_from
                ),
            ));
        }
        if self.smtp_timeout_ms == 0 {
            return Err(invalid(
                "CLAVE_SMTP_TIMEOUT_MS",
                "smtp_timeout_ms",
                "must be above 0",
            ));
        }
        Ok(())
    }

    /// Whether cookies must carry `Secure` (the issuer is https).
    pub fn is_https(&self) -> bool {
        self.issuer.starts_with("https://")
    }

    /// The store timeout as a duration.
    pub fn store_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.store_timeout_ms)
    }

    /// The whole-request timeout as a duration.
    pub fn request_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.request_timeout_ms)
    }

    /// The header-read (and keep-alive idle) timeout as a duration.
    pub fn header_read_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_millis(self.header_read_timeout_ms)
    }

    /// Seconds audit events are kept.
    pub fn audit_retention_secs(&self) -> i64 {
        i64::from(self.audit_retention_days) * 86_400
    }
}

/// The SQLite URL `url` with its relative file path taken from `dir` (which is
/// absolute), or `None` when there is nothing to resolve: another kind of database,
/// an in-memory one or an absolute path.
fn sqlite_url_in(dir: &Path, url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let (path, query) = match rest.find('?') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    if path.is_empty() || path == ":memory:" || Path::new(path).is_absolute() {
        return None;
    }
    Some(format!("sqlite://{}{query}", dir.join(path).display()))
}

/// Hides the password of a URL such as `postgres://user:secret@host/db` and the
/// value of every query parameter (`?password=…`, `?key=…`): drivers and gateways
/// accept credentials in either place.
pub fn redact_url(raw: &str) -> String {
    redact(raw, false)
}

/// [`redact_url`], and the user name too: SMS gateways put API keys there.
fn redact_credentials_url(raw: &str) -> String {
    redact(raw, true)
}

fn redact(raw: &str, hide_user: bool) -> String {
    let Ok(mut parsed) = url::Url::parse(raw) else {
        return "(unparsable URL)".to_owned();
    };
    let mut changed = false;
    if hide_user && !parsed.username().is_empty() {
        changed |= parsed.set_username("***").is_ok();
    }
    if parsed.password().is_some() {
        changed |= parsed.set_password(Some("***")).is_ok();
    }
    if parsed.query().is_some() {
        let names: Vec<String> = parsed
            .query_pairs()
            .map(|(name, _)| name.into_owned())
            .collect();
        parsed
            .query_pairs_mut()
            .clear()
            .extend_pairs(names.iter().map(|name| (name, "***")));
        changed = true;
    }
    if changed {
        parsed.to_string()
    } else {
        raw.to_owned()
    }
}

/// What is wrong with an SMTP relay URL, in words that never repeat it; `None` if it
/// is one lettre's `from_url` takes (src/email/smtp.rs).
fn smtp_url_problem(raw: &str) -> Option<&'static str> {
    const SHAPE: &str = "expected smtps://user:password@host[:port] (implicit TLS), \
                         smtp://user:password@host[:port]?tls=required (STARTTLS) or \
                         smtp://host[:port] (a relay without TLS or credentials)";
    let Ok(url) = url::Url::parse(raw) else {
        return Some(SHAPE);
    };
    if url.host_str().is_none_or(str::is_empty) {
        return Some(SHAPE);
    }
    let tls = url
        .query_pairs()
        .find(|(name, _)| name == "tls")
        .map(|(_, value)| value.into_owned());
    let encrypted = match (url.scheme(), tls.as_deref()) {
        ("smtps", _) | ("smtp", Some("required")) => true,
        ("smtp", None | Some("opportunistic")) => false,
        _ => return Some(SHAPE),
    };
    // Without TLS lettre would send AUTH in clear; `opportunistic` falls back to it
    // when a man in the middle strips STARTTLS.
    if !encrypted && (!url.username().is_empty() || url.password().is_some()) {
        return Some("credentials need TLS: use smtps://…, or smtp://…?tls=required for STARTTLS");
    }
    None
}

/// Shown as `***` when set.
fn hidden(secret: &Option<String>) -> Option<&'static str> {
    secret.as_ref().map(|_| "***")
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Destructured so that a new field cannot be added without deciding here
        // whether it is a secret. The start-up log prints this.
        let Settings {
            profile,
            listen,
            issuer,
            database_url,
            redis_url,
            redis_prefix,
            sms,
            sms_outbox,
            sms_http_url,
            sms_http_token,
            metrics_listen,
            metrics_token,
            require_par,
            dpop_nonce,
            sms_http_timeout_ms,
            sms_http_retries,
            sms_allow_development_senders,
            email,
            email_outbox,
            smtp_url,
            email_from,
            smtp_timeout_ms,
            smtp_retries,
            email_allow_development_senders,
            notice_sms,
            store_timeout_ms,
            demo_portal,
            log_format,
            password_policy,
            rate_window_secs,
            rate_ip_soft,
            rate_ip_hard,
            rate_account_soft,
            rate_client_failures,
            rate_authorize_ip,
            memory_store_max_bytes,
            header_read_timeout_ms,
            max_connections,
            trusted_proxies,
            key_encryption_key,
            key_encryption_key_file,
            key_reload_secs,
            log_filter,
            request_timeout_ms,
            audit_retention_days,
            data_dir,
        } = self;
        f.debug_struct("Settings")
            .field("profile", profile)
            .field("listen", listen)
            .field("issuer", issuer)
            .field("database_url", &redact_url(database_url))
            .field(
                "redis_url",
                &redis_url
                    .as_deref()
                    .map(crate::store::ephemeral::redis::redact),
            )
            .field("redis_prefix", redis_prefix)
            .field("sms", sms)
            .field("sms_outbox", sms_outbox)
            .field(
                "sms_http_url",
                &sms_http_url.as_deref().map(redact_credentials_url),
            )
            .field("sms_http_token", &hidden(sms_http_token))
            .field("metrics_listen", metrics_listen)
            .field("metrics_token", &hidden(metrics_token))
            .field("require_par", require_par)
            .field("dpop_nonce", dpop_nonce)
            .field("sms_http_timeout_ms", sms_http_timeout_ms)
            .field("sms_http_retries", sms_http_retries)
            .field(
                "sms_allow_development_senders",
                sms_allow_development_senders,
            )
            .field("email", email)
            .field("email_outbox", email_outbox)
            // Relays put API keys in the user name too (SES, SendGrid).
            .field("smtp_url", &smtp_url.as_deref().map(redact_credentials_url))
            .field("email_from", email_from)
            .field("smtp_timeout_ms", smtp_timeout_ms)
            .field("smtp_retries", smtp_retries)
            .field(
                "email_allow_development_senders",
                email_allow_development_senders,
            )
            .field("notice_sms", notice_sms)
            .field("store_timeout_ms", store_timeout_ms)
            .field("request_timeout_ms", request_timeout_ms)
            .field("demo_portal", demo_portal)
            .field("log_format", log_format)
            .field("log_filter", log_filter)
            .field("password_policy", password_policy)
            .field("rate_window_secs", rate_window_secs)
            .field("rate_ip_soft", rate_ip_soft)
            .field("rate_ip_hard", rate_ip_hard)
            .field("rate_account_soft", rate_account_soft)
            .field("rate_client_failures", rate_client_failures)
            .field("rate_authorize_ip", rate_authorize_ip)
            .field("memory_store_max_bytes", memory_store_max_bytes)
            .field("header_read_timeout_ms", header_read_timeout_ms)
            .field("max_connections", max_connections)
            .field("trusted_proxies", trusted_proxies)
            .field("key_encryption_key", &hidden(key_encryption_key))
            .field("key_encryption_key_file", key_encryption_key_file)
            .field("key_reload_secs", key_reload_secs)
            .field("audit_retention_days", audit_retention_days)
            .field("data_dir", data_dir)
            .finish()
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment::Error
mod tests {
    use super::*;
    use figment::Jail;

    fn load_in(jail: &Jail) -> Result<Settings, SettingsError> {
        Settings::load(jail.directory())
    }

    #[test]
    fn no_files_and_no_environment_give_the_embedded_defaults() {
        Jail::expect_with(|jail| {
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.profile, Profile::Development);
            assert_eq!(settings.listen.to_string(), "127.0.0.1:8080");
            assert_eq!(settings.issuer, "http://127.0.0.1:8080");
            assert!(settings.database_url.starts_with("sqlite://"));
            assert_eq!(settings.redis_url, None);
            assert_eq!(settings.sms, SmsKind::Log);
            Ok(())
        });
    }

    #[test]
    fn environment_overrides_profile_file_which_overrides_default_file() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "default.toml",
                "sms = \"outbox\"\nlisten = \"127.0.0.1:9000\"",
            )?;
            jail.create_file("development.toml", "listen = \"127.0.0.1:9100\"")?;
            jail.set_env("CLAVE_ISSUER", "http://localhost:9100");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.sms, SmsKind::Outbox);
            assert_eq!(settings.listen.to_string(), "127.0.0.1:9100");
            assert_eq!(settings.issuer, "http://localhost:9100");
            Ok(())
        });
    }

    #[test]
    fn the_profile_from_the_environment_chooses_the_profile_file() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "production.toml",
                "sms = \"http\"\nsms_http_url = \"https://sms.example\"\n\
                 email = \"smtp\"\nsmtp_url = \"smtps://relay.example\"",
            )?;
            jail.set_env("CLAVE_PROFILE", "production");
            jail.set_env("CLAVE_ISSUER", "https://clave.example");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.profile, Profile::Production);
            assert_eq!(settings.sms, SmsKind::Http);
            Ok(())
        });
    }

    #[test]
    fn an_unknown_sms_sender_names_the_setting_and_the_accepted_values() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_SMS", "pigeon");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_SMS"), "{error}");
            assert!(
                error.contains("log") && error.contains("outbox") && error.contains("http"),
                "{error}"
            );
            Ok(())
        });
    }

    #[test]
    fn an_unknown_profile_is_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_PROFILE", "staging");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(
                error.contains("CLAVE_PROFILE") && error.contains("production"),
                "{error}"
            );
            Ok(())
        });
    }

    #[test]
    fn a_bad_listen_address_is_refused_with_its_name() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_LISTEN", "localhost");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_LISTEN"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn production_refuses_plain_http_and_development_senders() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_PROFILE", "production");
            jail.set_env("CLAVE_ISSUER", "http://clave.example");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(
                error.contains("CLAVE_ISSUER") && error.contains("https://"),
                "{error}"
            );
            jail.set_env("CLAVE_ISSUER", "https://clave.example");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_SMS"), "{error}");
            jail.set_env("CLAVE_SMS_ALLOW_DEVELOPMENT_SENDERS", "true");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_EMAIL"), "{error}");
            jail.set_env("CLAVE_EMAIL_ALLOW_DEVELOPMENT_SENDERS", "true");
            assert!(load_in(jail).is_ok());
            Ok(())
        });
    }

    #[test]
    fn development_without_an_issuer_advertises_the_listen_address() {
        Jail::expect_with(|jail| {
            let mut issuer_for = |listen: &str| {
                jail.set_env("CLAVE_LISTEN", listen);
                load_in(jail).map(|s| s.issuer).map_err(|e| e.to_string())
            };
            assert_eq!(issuer_for("127.0.0.1:9090")?, "http://127.0.0.1:9090");
            assert_eq!(issuer_for("0.0.0.0:9091")?, "http://127.0.0.1:9091");
            assert_eq!(issuer_for("[::]:9092")?, "http://[::1]:9092");
            assert_eq!(issuer_for("[::1]:9093")?, "http://[::1]:9093");
            Ok(())
        });
    }

    #[test]
    fn an_issuer_that_is_set_wins_over_the_listen_address() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_LISTEN", "0.0.0.0:9090");
            jail.create_file("development.toml", "issuer = \"http://localhost:7000\"")?;
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.issuer, "http://localhost:7000");
            jail.set_env("CLAVE_ISSUER", "http://clave.test:8000");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.issuer, "http://clave.test:8000");
            Ok(())
        });
    }

    #[test]
    fn production_without_an_issuer_asks_for_one_by_name() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_PROFILE", "production");
            jail.set_env("CLAVE_SMS_ALLOW_DEVELOPMENT_SENDERS", "true");
            jail.set_env("CLAVE_EMAIL_ALLOW_DEVELOPMENT_SENDERS", "true");
            jail.set_env("CLAVE_LISTEN", "0.0.0.0:8443");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(
                error.contains("CLAVE_ISSUER") && error.contains("set explicitly"),
                "{error}"
            );
            jail.create_file("production.toml", "issuer = \"https://clave.example\"")?;
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.issuer, "https://clave.example");
            Ok(())
        });
    }

    #[test]
    fn the_default_files_are_under_data_of_the_current_directory_as_absolute_paths() {
        Jail::expect_with(|jail| {
            let here = std::env::current_dir().map_err(|e| e.to_string())?;
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.data_dir, here);
            assert_eq!(
                settings.database_url,
                format!("sqlite://{}", here.join("data/clave.db").display())
            );
            assert_eq!(settings.sms_outbox, here.join("data/sms-outbox.jsonl"));
            Ok(())
        });
    }

    #[test]
    fn relative_file_paths_are_taken_from_the_data_dir_wherever_the_command_runs() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_DATA_DIR", "/srv/clave");
            jail.set_env("CLAVE_DATABASE_URL", "sqlite:db/other.db?mode=rwc");
            jail.set_env("CLAVE_KEY_ENCRYPTION_KEY_FILE", "secrets/kek");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.data_dir, Path::new("/srv/clave"));
            assert_eq!(
                settings.database_url,
                "sqlite:///srv/clave/db/other.db?mode=rwc"
            );
            assert_eq!(
                settings.sms_outbox,
                Path::new("/srv/clave/data/sms-outbox.jsonl")
            );
            assert_eq!(
                settings.key_encryption_key_file.as_deref(),
                Some(Path::new("/srv/clave/secrets/kek"))
            );
            Ok(())
        });
    }

    #[test]
    fn a_relative_data_dir_is_taken_from_the_current_directory() {
        Jail::expect_with(|jail| {
            let here = std::env::current_dir().map_err(|e| e.to_string())?;
            jail.set_env("CLAVE_DATA_DIR", "state");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.data_dir, here.join("state"));
            assert_eq!(
                settings.database_url,
                format!("sqlite://{}", here.join("state/data/clave.db").display())
            );
            Ok(())
        });
    }

    #[test]
    fn absolute_in_memory_and_postgres_databases_are_left_as_they_are() {
        let dir = Path::new("/srv/clave");
        for url in [
            "sqlite:///var/lib/clave/clave.db",
            "sqlite::memory:",
            "sqlite://:memory:",
            "postgres://clave@db/clave",
            "postgresql://db/clave",
        ] {
            assert_eq!(sqlite_url_in(dir, url), None, "{url}");
        }
        assert_eq!(
            sqlite_url_in(dir, "sqlite://data/clave.db").as_deref(),
            Some("sqlite:///srv/clave/data/clave.db")
        );
    }

    #[test]
    fn a_database_url_of_another_kind_is_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_DATABASE_URL", "mysql://db/clave");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(
                error.contains("CLAVE_DATABASE_URL") && error.contains("postgres://"),
                "{error}"
            );
            Ok(())
        });
    }

    #[test]
    fn cluster_and_sentinel_redis_urls_are_accepted_and_a_malformed_one_is_named() {
        Jail::expect_with(|jail| {
            jail.set_env(
                "CLAVE_REDIS_URL",
                "redis+cluster://127.0.0.1:7001,127.0.0.1:7002",
            );
            assert!(load_in(jail).is_ok());
            jail.set_env(
                "CLAVE_REDIS_URL",
                "redis+sentinel://:pw@10.0.0.1:26379,10.0.0.2/mymaster/1",
            );
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            let shown = format!("{settings:?}");
            assert!(
                shown.contains("redis+sentinel://:***@10.0.0.1:26379"),
                "{shown}"
            );
            jail.set_env(
                "CLAVE_REDIS_URL",
                "redis+sentinel://:hunter2@10.0.0.1:26379",
            );
            let error = load_in(jail).expect_err("no service name").to_string();
            assert!(
                error.contains("CLAVE_REDIS_URL") && error.contains("service name"),
                "{error}"
            );
            assert!(!error.contains("hunter2"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn the_listener_and_store_bounds_are_read_and_zero_is_refused_by_name() {
        Jail::expect_with(|jail| {
            let shipped = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(shipped.header_read_timeout_ms, 10_000);
            assert_eq!(shipped.memory_store_max_bytes, 64 * 1024 * 1024);
            jail.set_env("CLAVE_MAX_CONNECTIONS", "250");
            jail.set_env("CLAVE_RATE_AUTHORIZE_IP", "40");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(
                (settings.max_connections, settings.rate_authorize_ip),
                (250, 40)
            );
            for env in [
                "CLAVE_MAX_CONNECTIONS",
                "CLAVE_RATE_AUTHORIZE_IP",
                "CLAVE_HEADER_READ_TIMEOUT_MS",
                "CLAVE_MEMORY_STORE_MAX_BYTES",
            ] {
                jail.set_env(env, "0");
                let error = load_in(jail).expect_err("must fail").to_string();
                assert!(error.contains(env), "{error}");
                jail.set_env(env, "2000000");
            }
            Ok(())
        });
    }

    #[test]
    fn a_key_reload_period_of_zero_is_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_KEY_RELOAD_SECS", "0");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_KEY_RELOAD_SECS"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn debug_output_hides_passwords_and_tokens() {
        let settings = Settings {
            database_url: "postgres://clave:hunter2@db/clave".to_owned(),
            redis_url: Some("redis://:sesame@cache:6379".to_owned()),
            sms_http_token: Some("bearer-xyz".to_owned()),
            ..Settings::default()
        };
        let shown = format!("{settings:?}");
        assert!(
            !shown.contains("hunter2")
                && !shown.contains("sesame")
                && !shown.contains("bearer-xyz"),
            "{shown}"
        );
        assert!(shown.contains("postgres://clave:***@db/clave"), "{shown}");
    }

    #[test]
    fn debug_output_hides_the_sms_gateway_credentials_and_every_key() {
        let settings = Settings {
            sms: SmsKind::Http,
            sms_http_url: Some("https://user:pw@gw/send?key=SECRET".to_owned()),
            sms_http_token: Some("tok-3f9a".to_owned()),
            key_encryption_key: Some("kek-77c1".to_owned()),
            database_url: "postgres://clave@db/clave?password=dbpass-1".to_owned(),
            ..Settings::default()
        };
        let shown = format!("{settings:?}");
        for secret in ["pw", "SECRET", "tok-3f9a", "kek-77c1", "dbpass-1", "user"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("https://***:***@gw/send?key=***"), "{shown}");
    }

    #[test]
    fn the_email_defaults_log_notices_and_keep_the_outbox_under_the_data_dir() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_DATA_DIR", "/srv/clave");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.email, EmailKind::Log);
            assert_eq!(
                settings.email_outbox,
                Path::new("/srv/clave/data/email-outbox.jsonl")
            );
            assert_eq!(settings.smtp_url, None);
            assert!(
                settings
                    .email_from
                    .parse::<lettre::message::Mailbox>()
                    .is_ok()
            );
            assert_eq!(
                (settings.smtp_timeout_ms, settings.smtp_retries),
                (10_000, 3)
            );
            Ok(())
        });
    }

    #[test]
    fn an_unknown_email_sender_names_the_setting_and_the_accepted_values() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_EMAIL", "fax");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_EMAIL"), "{error}");
            assert!(
                error.contains("log") && error.contains("outbox") && error.contains("smtp"),
                "{error}"
            );
            Ok(())
        });
    }

    #[test]
    fn production_refuses_the_development_email_senders_unless_allowed() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_PROFILE", "production");
            jail.set_env("CLAVE_ISSUER", "https://clave.example");
            jail.set_env("CLAVE_SMS", "http");
            jail.set_env("CLAVE_SMS_HTTP_URL", "https://sms.example");
            for kind in ["log", "outbox"] {
                jail.set_env("CLAVE_EMAIL", kind);
                let error = load_in(jail).expect_err("must fail").to_string();
                assert!(
                    error.contains("CLAVE_EMAIL") && error.contains("smtp"),
                    "{error}"
                );
            }
            jail.set_env("CLAVE_EMAIL_ALLOW_DEVELOPMENT_SENDERS", "true");
            assert!(load_in(jail).is_ok());
            jail.set_env("CLAVE_EMAIL_ALLOW_DEVELOPMENT_SENDERS", "false");
            jail.set_env("CLAVE_EMAIL", "smtp");
            jail.set_env("CLAVE_SMTP_URL", "smtps://mailer:pw@relay.example");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.email, EmailKind::Smtp);
            Ok(())
        });
    }

    #[test]
    fn smtp_without_a_relay_url_is_refused_naming_the_variable() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_EMAIL", "smtp");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_SMTP_URL"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn a_malformed_relay_url_is_refused_by_name_without_echoing_it() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_EMAIL", "smtp");
            for raw in [
                "ftp://mailer:s3cret@relay.example",
                "smtp://mailer:s3cret@",
                "smtp://mailer:s3cret@relay.example?tls=sometimes",
                "mailer:s3cret",
            ] {
                jail.set_env("CLAVE_SMTP_URL", raw);
                let error = load_in(jail).expect_err(raw).to_string();
                assert!(error.contains("CLAVE_SMTP_URL"), "{error}");
                assert!(!error.contains("s3cret"), "{error}");
            }
            for good in [
                "smtps://mailer:s3cret@relay.example",
                "smtp://mailer:s3cret@relay.example:587?tls=required",
                "smtp://127.0.0.1:25",
            ] {
                jail.set_env("CLAVE_SMTP_URL", good);
                assert!(load_in(jail).is_ok(), "{good}");
            }
            Ok(())
        });
    }

    #[test]
    fn credentials_over_a_relay_without_tls_are_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_EMAIL", "smtp");
            for raw in [
                "smtp://mailer:s3cret@relay.example",
                "smtp://mailer:s3cret@relay.example?tls=opportunistic",
            ] {
                jail.set_env("CLAVE_SMTP_URL", raw);
                let error = load_in(jail).expect_err(raw).to_string();
                assert!(
                    error.contains("CLAVE_SMTP_URL") && error.contains("TLS"),
                    "{error}"
                );
                assert!(!error.contains("s3cret"), "{error}");
            }
            Ok(())
        });
    }

    #[test]
    fn the_from_address_must_be_a_mailbox() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_EMAIL_FROM", "no-reply at clave");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_EMAIL_FROM"), "{error}");
            jail.set_env("CLAVE_EMAIL_FROM", "\"Cl@ve\" <no-reply@clave.example.es>");
            let settings = load_in(jail).map_err(|e| e.to_string())?;
            assert_eq!(settings.email_from, "\"Cl@ve\" <no-reply@clave.example.es>");
            jail.set_env("CLAVE_EMAIL_FROM", "no-reply@clave.example.es");
            assert!(load_in(jail).is_ok());
            Ok(())
        });
    }

    #[test]
    fn a_relay_timeout_of_zero_is_refused() {
        Jail::expect_with(|jail| {
            jail.set_env("CLAVE_SMTP_TIMEOUT_MS", "0");
            let error = load_in(jail).expect_err("must fail").to_string();
            assert!(error.contains("CLAVE_SMTP_TIMEOUT_MS"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn debug_output_hides_the_relay_credentials() {
        let settings = Settings {
            email: EmailKind::Smtp,
            smtp_url: Some("smtps://AKIAEXAMPLE:relay-pw@relay.example:465".to_owned()),
            ..Settings::default()
        };
        let shown = format!("{settings:?}");
        for secret in ["AKIAEXAMPLE", "relay-pw"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(
            shown.contains("smtps://***:***@relay.example:465"),
            "{shown}"
        );
    }
}
