//! A provider on a loopback port with stores of its own, a clock the test moves,
//! SMS written to an outbox file, and a cookie-keeping browser that follows no
//! redirect by itself (so every hop can be checked).

use clave_idp::domain::AuditKind;
use std::path::PathBuf;
use std::sync::Arc;

use clave_idp::clock::ManualClock;
use clave_idp::crypto::{HasherParams, hash_token};
use clave_idp::domain::{ClientKind, RegisteredUri};
use clave_idp::email::EmailOutboxEntry;
use clave_idp::settings::{EmailKind, Settings, SmsKind};
use clave_idp::sms::SmsSender;
use clave_idp::sms::outbox::{OutboxSender, read_outbox};
use clave_idp::startup::{Application, Overrides};
use clave_idp::state::AppState;
use clave_idp::store::sql::{AuditEvent, ClientRecord, NewCitizen};
use scraper::{Html, Selector};

use crate::support;

/// Which stores the provider runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backends {
    /// SQLite file and the in-process store.
    Embedded,
    /// PostgreSQL and Redis (skipped when the test servers are not configured).
    Real,
}

/// A running provider.
pub struct TestApp {
    /// The issuer and base URL, `http://127.0.0.1:PORT`.
    pub issuer: String,
    /// The provider's state (stores, clock).
    pub state: AppState,
    /// The clock the provider reads.
    pub clock: ManualClock,
    pub outbox: PathBuf,
    /// The email outbox: every security notice, one JSON line each.
    pub email_outbox: PathBuf,
    _dir: tempfile::TempDir,
}

/// Where the relying parties of the tests live.
pub const PORTAL: &str = "https://sede.example/callback";
/// A second portal on another host (another pairwise sector).
pub const OTHER_PORTAL: &str = "https://otra.example/callback";
/// The password of the test citizens.
pub const PASSWORD: &str = "Clave-Segura-2026";

impl TestApp {
    /// Starts a provider on `backends`, or `None` when they are not configured.
    pub async fn spawn(backends: Backends) -> Option<TestApp> {
        Self::spawn_with(backends, None).await
    }

    /// Starts a provider whose SMS go through `sms` (else to the outbox file).
    pub async fn spawn_with(
        backends: Backends,
        sms: Option<Arc<dyn SmsSender>>,
    ) -> Option<TestApp> {
        Self::spawn_configured(backends, sms, |_| {}).await
    }

    /// Starts a provider with settings adjusted by `adjust` (the other suites run
    /// with attempt limits high enough never to trip).
    pub async fn spawn_configured(
        backends: Backends,
        sms: Option<Arc<dyn SmsSender>>,
        adjust: impl FnOnce(&mut Settings),
    ) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, redis_url) = match backends {
            Backends::Embedded => (
                format!("sqlite://{}", dir.path().join("clave.db").display()),
                None,
            ),
            Backends::Real => {
                let Some(redis) = support::test_redis_url() else {
                    support::skipped("provider on PostgreSQL + Redis", "CLAVE_TEST_REDIS_URL");
                    return None;
                };
                (support::isolated_postgres_url().await?, Some(redis))
            }
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let issuer = format!("http://{address}");
        let outbox = dir.path().join("sms.jsonl");
        let email_outbox = dir.path().join("email.jsonl");
        let settings = Settings {
            listen: address,
            issuer: issuer.clone(),
            database_url,
            redis_url,
            redis_prefix: format!("{}:", support::unique_name("app")),
            sms: SmsKind::Outbox,
            sms_outbox: outbox.clone(),
            email: EmailKind::Outbox,
            email_outbox: email_outbox.clone(),
            store_timeout_ms: 10_000,
            key_encryption_key: Some(clave_idp::kek::Kek::generate()),
            rate_ip_soft: 100_000,
            rate_ip_hard: 100_000,
            rate_account_soft: 100_000,
            ..Settings::default()
        };
        let mut settings = settings;
        adjust(&mut settings);
        let clock = ManualClock::starting_now();
        let overrides = Overrides {
            clock: Arc::new(clock.clone()),
            hasher: HasherParams::for_tests(),
            sms: Some(sms.unwrap_or_else(|| {
                Arc::new(OutboxSender::with_clock(&outbox, Arc::new(clock.clone())))
            })),
            email: None,
        };
        let app = Application::build_on(listener, settings, overrides)
            .await
            .expect("build the provider");
        let state = app.state().clone();
        tokio::spawn(app.run_until_stopped(std::future::pending()));
        Some(TestApp {
            issuer,
            state,
            clock,
            outbox,
            email_outbox,
            _dir: dir,
        })
    }

    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.issuer)
    }

    /// Registers an active citizen with [`PASSWORD`].
    pub async fn active_citizen(&self, id: &str) {
        self.active_citizen_with_code(id, "unused-code-hash").await;
    }

    /// Registers an active citizen with [`PASSWORD`] whose activation code hashes
    /// to `code_hash` (for the flows that ask for it again).
    pub async fn active_citizen_with_code(&self, id: &str, code_hash: &str) {
        self.pending_citizen(id, code_hash).await;
        let hash = self.state.hasher.hash(PASSWORD).await.unwrap();
        let now = self.state.now();
        let audit = AuditEvent::new(now, AuditKind::CitizenActivated, "test").citizen(id);
        assert!(
            self.state
                .db
                .set_password(id, &hash, now, false, &audit)
                .await
                .unwrap()
        );
    }

    /// Registers a citizen pending activation whose activation code hashes to `code_hash`.
    pub async fn pending_citizen(&self, id: &str, code_hash: &str) {
        let citizen = NewCitizen {
            id: id.to_owned(),
            given_name: "María".to_owned(),
            first_surname: "García".to_owned(),
            second_surname: Some("López".to_owned()),
            email: "maria@example.es".to_owned(),
            phone: "+34600112233".to_owned(),
        };
        let now = self.state.now();
        let audit = AuditEvent::new(now, AuditKind::CitizenRegistered, "test").citizen(id);
        self.state
            .db
            .register_citizen(&citizen, code_hash, now, &audit)
            .await
            .unwrap();
    }

    /// Registers a relying party; returns its secret (None for public clients).
    pub async fn client(&self, spec: ClientSpec) -> Option<String> {
        let secret = (!spec.public).then(|| format!("{}-secret_XYZ", spec.id));
        let record = ClientRecord {
            client_id: spec.id.to_owned(),
            name: format!("Portal {}", spec.id),
            kind: ClientKind::from_secret_hash(secret.as_deref().map(hash_token)),
            redirect_uris: vec![RegisteredUri::parse(spec.redirect_uri).unwrap()],
            post_logout_redirect_uris: vec![
                RegisteredUri::parse(&format!(
                    "{}/bye",
                    spec.redirect_uri.trim_end_matches("/callback")
                ))
                .unwrap(),
            ],
            sector: url::Url::parse(spec.redirect_uri)
                .unwrap()
                .host_str()
                .unwrap()
                .to_owned(),
            social_security: spec.social_security,
            require_pkce: spec.public,
            id_token_alg: spec.alg.parse().unwrap(),
            created_at: self.state.now(),
            profile: Default::default(),
        };
        let audit = AuditEvent::new(self.state.now(), AuditKind::ClientRegistered, "test");
        self.state.db.insert_client(&record, &audit).await.unwrap();
        secret
    }

    /// Registers a relying party of `kind` with government-grade settings:
    /// its one redirect URI, post-logout URI `…/bye`, ID tokens signed with `alg`.
    pub async fn government_client(
        &self,
        id: &str,
        redirect_uri: &str,
        kind: ClientKind,
        alg: &str,
        profile: clave_idp::domain::ClientProfile,
    ) {
        let record = ClientRecord {
            client_id: id.to_owned(),
            name: format!("Portal {id}"),
            require_pkce: kind == ClientKind::Public,
            kind,
            redirect_uris: vec![RegisteredUri::parse(redirect_uri).unwrap()],
            post_logout_redirect_uris: vec![
                RegisteredUri::parse(&format!(
                    "{}/bye",
                    redirect_uri.trim_end_matches("/callback")
                ))
                .unwrap(),
            ],
            sector: url::Url::parse(redirect_uri)
                .unwrap()
                .host_str()
                .unwrap()
                .to_owned(),
            social_security: false,
            id_token_alg: alg.parse().unwrap(),
            created_at: self.state.now(),
            profile,
        };
        let audit = AuditEvent::new(self.state.now(), AuditKind::ClientRegistered, "test");
        self.state.db.insert_client(&record, &audit).await.unwrap();
    }

    /// The last SMS code sent to anyone.
    pub fn last_otp(&self) -> String {
        let entries = read_outbox(&self.outbox);
        let body = &entries.last().expect("an SMS was sent").body;
        body.split(|c: char| !c.is_ascii_digit())
            .find(|word| word.len() == 6)
            .expect("a 6-digit code in the SMS")
            .to_owned()
    }

    /// How many SMS were sent.
    pub fn sms_count(&self) -> usize {
        read_outbox(&self.outbox).len()
    }

    /// Every email sent so far, oldest first.
    pub fn emails(&self) -> Vec<EmailOutboxEntry> {
        clave_idp::email::read_outbox(&self.email_outbox)
    }
}

/// A relying party to register.
#[derive(Debug, Clone, Copy)]
pub struct ClientSpec {
    /// client_id.
    pub id: &'static str,
    /// Its one redirect URI.
    pub redirect_uri: &'static str,
    /// Public (PKCE, no secret).
    pub public: bool,
    /// Social Security portal.
    pub social_security: bool,
    /// ID token algorithm.
    pub alg: &'static str,
}

impl ClientSpec {
    /// A confidential RS256 client at [`PORTAL`].
    pub const fn confidential(id: &'static str) -> Self {
        Self {
            id,
            redirect_uri: PORTAL,
            public: false,
            social_security: false,
            alg: "RS256",
        }
    }
}

/// A browser: keeps cookies, follows no redirect.
pub struct Browser {
    /// The HTTP client.
    pub http: reqwest::Client,
}

/// A response, read.
pub struct Seen {
    /// Status code.
    pub status: u16,
    /// `Location`, for redirects.
    pub location: Option<String>,
    /// Body.
    pub body: String,
    /// Headers.
    pub headers: reqwest::header::HeaderMap,
}

impl Seen {
    /// The text of the security question on this page, if it asks one.
    pub fn security_question(&self) -> Option<String> {
        let html = Html::parse_document(&self.body);
        let selector = Selector::parse("label[for=captcha_answer]").unwrap();
        html.select(&selector).next().map(|l| l.text().collect())
    }

    /// The value of the hidden field or input `name` in the page.
    pub fn field(&self, name: &str) -> Option<String> {
        let html = Html::parse_document(&self.body);
        let selector = Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
        html.select(&selector)
            .next()
            .and_then(|e| e.value().attr("value"))
            .map(str::to_owned)
    }

    /// The CSRF token of the page's forms.
    pub fn csrf(&self) -> String {
        self.field("csrf_token")
            .unwrap_or_else(|| panic!("no csrf_token in page:\n{}", self.body))
    }

    /// A query parameter of the redirect target.
    pub fn location_param(&self, name: &str) -> Option<String> {
        let location = self.location.as_deref()?;
        let url = url::Url::parse(location).ok()?;
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }
}

impl Browser {
    /// A fresh browser.
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self { http }
    }

    /// A fresh browser whose requests reach the provider through a reverse proxy
    /// that says they came from `client_ip` (`X-Forwarded-For`).
    pub fn behind_proxy(client_ip: &str) -> Self {
        Self::with_headers(&[("x-forwarded-for", client_ip)])
    }

    /// A fresh browser that sends `headers` with every request (`User-Agent`,
    /// `Accept-Language`, …).
    pub fn with_headers(headers: &[(&'static str, &str)]) -> Self {
        let mut map = reqwest::header::HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, value.parse().unwrap());
        }
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(map)
            .build()
            .unwrap();
        Self { http }
    }

    async fn read(response: reqwest::Response) -> Seen {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.unwrap();
        Seen {
            status,
            location,
            body,
            headers,
        }
    }

    /// GET.
    pub async fn get(&self, url: &str) -> Seen {
        Self::read(self.http.get(url).send().await.unwrap()).await
    }

    /// POST a form.
    pub async fn post(&self, url: &str, form: &[(&str, &str)]) -> Seen {
        Self::read(self.http.post(url).form(form).send().await.unwrap()).await
    }

    /// Starts at an authorization URL and goes through method selection to the
    /// password page; returns that page and the absolute base.
    pub async fn reach_password_page(&self, app: &TestApp, authorize_url: &str) -> (Seen, String) {
        let started = self.get(authorize_url).await;
        assert_eq!(
            started.status, 302,
            "authorize should redirect to the login: {}",
            started.body
        );
        let login = app.url(started.location.as_deref().unwrap());
        let method_page = self.get(&login).await;
        assert_eq!(method_page.status, 200, "{}", method_page.body);
        let tx = method_page.field("tx").unwrap();
        let chosen = self
            .post(
                &app.url("/login"),
                &[
                    ("csrf_token", &method_page.csrf()),
                    ("tx", &tx),
                    ("method", "permanente"),
                ],
            )
            .await;
        assert_eq!(chosen.status, 303, "{}", chosen.body);
        let page = self
            .get(&app.url(chosen.location.as_deref().unwrap()))
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        (page, tx)
    }

    /// Submits DNI/NIE and password on the password page.
    pub async fn submit_password(
        &self,
        app: &TestApp,
        page: &Seen,
        id: &str,
        password: &str,
    ) -> Seen {
        let tx = page.field("tx").unwrap();
        self.post(
            &app.url("/login/permanente"),
            &[
                ("csrf_token", &page.csrf()),
                ("tx", &tx),
                ("username", id),
                ("password", password),
            ],
        )
        .await
    }

    /// The whole password login from an authorization URL; returns the final
    /// redirect to the portal.
    pub async fn log_in(&self, app: &TestApp, authorize_url: &str, id: &str) -> Seen {
        let (page, _) = self.reach_password_page(app, authorize_url).await;
        let done = self.submit_password(app, &page, id, PASSWORD).await;
        assert_eq!(done.status, 303, "login should redirect: {}", done.body);
        done
    }
}

impl TestApp {
    /// The provider's current time.
    pub fn clock_now(&self) -> i64 {
        use clave_idp::clock::Clock;
        self.clock.now()
    }
}

/// The answer to a security question: the sum of the numbers it spells in Spanish.
pub fn solve_question(question: &str) -> u32 {
    const WORDS: [&str; 10] = [
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
    ];
    question
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| WORDS.iter().position(|n| *n == w).map(|n| n as u32))
        .sum()
}
