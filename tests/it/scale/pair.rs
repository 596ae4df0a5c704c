//! Two `clave-idp serve` processes sharing one PostgreSQL schema, one Redis prefix
//! and one key-encryption key, with a citizen and a portal registered.

use clave_idp::domain::AuditKind;
use std::time::Duration;

use clave_idp::clock::{Clock, SystemClock};
use clave_idp::crypto::{HasherParams, PasswordHasher, hash_token};
use clave_idp::domain::{ClientKind, RegisteredUri};
use clave_idp::store::sql::{AuditEvent, ClientRecord, NewCitizen, SqlStore};
use serde_json::{Map, Value};
use tokio::time::{Instant, sleep};

use crate::harness::{PASSWORD, PORTAL, Seen};
use crate::servers::{Env, Instance, cli, free_port};
use crate::support;

/// The active citizen every scenario logs in as.
pub const CITIZEN: &str = "12345678Z";

/// Instances A and B, and the database they share.
pub struct Pair {
    /// Instance A; its URL is the issuer.
    pub a: Instance,
    /// Instance B.
    pub b: Instance,
    /// The issuer both publish.
    pub issuer: String,
    /// The shared database, for set-up and checks.
    pub db: SqlStore,
    env: Env,
    dir: tempfile::TempDir,
}

impl Pair {
    /// Starts both instances at once with `extra` settings and registers the
    /// citizen and the confidential RS256 portal `sede`; `None` when skipped.
    pub async fn start(extra: &[(&str, &str)]) -> Option<Pair> {
        let Some(redis) = support::test_redis_url() else {
            support::skipped("two instances as one provider", "CLAVE_TEST_REDIS_URL");
            return None;
        };
        let database = support::isolated_postgres_url().await?;
        let dir = tempfile::tempdir().unwrap();
        let (port_a, port_b) = (free_port(), free_port());
        let issuer = format!("http://127.0.0.1:{port_a}");
        let mut env = Env::default();
        env.set("CLAVE_ISSUER", issuer.as_str())
            .set("CLAVE_DATABASE_URL", database.as_str())
            .set("CLAVE_REDIS_URL", redis)
            .set(
                "CLAVE_REDIS_PREFIX",
                format!("{}:", support::unique_name("pair")),
            )
            .set("CLAVE_KEY_ENCRYPTION_KEY", clave_idp::kek::Kek::generate())
            .set("CLAVE_SMS", "outbox")
            .set(
                "CLAVE_SMS_OUTBOX",
                dir.path().join("sms.jsonl").display().to_string(),
            )
            .set("CLAVE_DEMO_PORTAL", "false")
            .set("CLAVE_STORE_TIMEOUT_MS", "5000")
            .set("CLAVE_RATE_IP_SOFT", "100000")
            .set("CLAVE_RATE_IP_HARD", "100000")
            .set("CLAVE_RATE_ACCOUNT_SOFT", "100000")
            .set("CLAVE_LOG_FILTER", "warn");
        for (name, value) in extra {
            env.set(name, *value);
        }
        let (a, b) = tokio::join!(
            Instance::start(&env, port_a, dir.path(), "a"),
            Instance::start(&env, port_b, dir.path(), "b"),
        );
        let db = SqlStore::connect(&database, support::STORE_TIMEOUT)
            .await
            .unwrap();
        let pair = Pair {
            a,
            b,
            issuer,
            db,
            env,
            dir,
        };
        pair.register_citizen().await;
        pair.register_client("sede", "RS256").await;
        Some(pair)
    }

    async fn register_citizen(&self) {
        let now = SystemClock.now();
        let citizen = NewCitizen {
            id: CITIZEN.to_owned(),
            given_name: "María".to_owned(),
            first_surname: "García".to_owned(),
            second_surname: Some("López".to_owned()),
            email: "maria@example.es".to_owned(),
            phone: "+34600112233".to_owned(),
        };
        let audit = AuditEvent::new(now, AuditKind::CitizenRegistered, "test").citizen(CITIZEN);
        self.db
            .register_citizen(&citizen, "unused-code-hash", now, &audit)
            .await
            .unwrap();
        let hasher = PasswordHasher::new(HasherParams::for_tests()).unwrap();
        let hash = hasher.hash(PASSWORD).await.unwrap();
        let audit = AuditEvent::new(now, AuditKind::CitizenActivated, "test").citizen(CITIZEN);
        assert!(
            self.db
                .set_password(CITIZEN, &hash, now, false, &audit)
                .await
                .unwrap()
        );
    }

    /// Registers a confidential portal at [`PORTAL`] whose secret is `{id}-secret_XYZ`.
    pub async fn register_client(&self, id: &str, alg: &str) {
        let now = SystemClock.now();
        let record = ClientRecord {
            client_id: id.to_owned(),
            name: format!("Portal {id}"),
            kind: ClientKind::Confidential {
                secret_hash: hash_token(&format!("{id}-secret_XYZ")),
            },
            redirect_uris: vec![RegisteredUri::parse(PORTAL).unwrap()],
            post_logout_redirect_uris: vec![
                RegisteredUri::parse("https://sede.example/bye").unwrap(),
            ],
            sector: "sede.example".to_owned(),
            social_security: false,
            require_pkce: false,
            id_token_alg: alg.parse().unwrap(),
            created_at: now,
            profile: Default::default(),
        };
        let audit = AuditEvent::new(now, AuditKind::ClientRegistered, "test");
        self.db.insert_client(&record, &audit).await.unwrap();
    }

    /// Runs an operator command against the shared database.
    pub async fn cli(&self, args: &[&str]) -> Value {
        cli(&self.env, self.dir.path(), args).await
    }

    /// The `kid` in a token's header.
    pub fn kid_of(&self, token: &str) -> String {
        let header = josekit::jwt::decode_header(token).unwrap();
        header.claim("kid").unwrap().as_str().unwrap().to_owned()
    }

    /// Waits until `instance` publishes `kid` (its reload period is short).
    pub async fn wait_for_kid(&self, instance: &Instance, kid: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let jwks = published_keys(instance).await;
            if jwks["keys"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kid"] == kid)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{} did not publish {kid} within 15 s",
                instance.base
            );
            sleep(Duration::from_millis(100)).await;
        }
    }

    /// Verifies `token` with the JWKS `instance` publishes; returns its claims.
    pub async fn verify(&self, instance: &Instance, token: &str) -> Map<String, Value> {
        let kid = self.kid_of(token);
        let jwks = published_keys(instance).await;
        let key = jwks["keys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kid"] == kid.as_str())
            .unwrap_or_else(|| panic!("{} does not publish {kid}", instance.base));
        let jwk = josekit::jwk::Jwk::from_bytes(serde_json::to_vec(key).unwrap()).unwrap();
        let payload = match key["alg"].as_str() {
            Some("ES256") => {
                let verifier = josekit::jws::ES256.verifier_from_jwk(&jwk).unwrap();
                josekit::jwt::decode_with_verifier(token, &verifier)
            }
            _ => {
                let verifier = josekit::jws::RS256.verifier_from_jwk(&jwk).unwrap();
                josekit::jwt::decode_with_verifier(token, &verifier)
            }
        }
        .unwrap_or_else(|e| panic!("{} cannot verify the token: {e}", instance.base))
        .0;
        payload.claims_set().clone()
    }
}

/// The path and query of a redirect, to send it to whichever instance the test
/// chooses (the balancer's role).
pub fn path_of(seen: &Seen) -> String {
    let location = seen.location.as_deref().expect("a redirect");
    match url::Url::parse(location) {
        Ok(absolute) => match absolute.query() {
            Some(query) => format!("{}?{query}", absolute.path()),
            None => absolute.path().to_owned(),
        },
        Err(_) => location.to_owned(),
    }
}

/// The JWKS `instance` publishes.
async fn published_keys(instance: &Instance) -> Value {
    reqwest::get(instance.url("/jwks"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
