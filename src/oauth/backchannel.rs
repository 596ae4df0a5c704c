//! OpenID Connect Back-Channel Logout 1.0: when a citizen's session ends,
//! every portal of that session that registered a `backchannel_logout_uri` is
//! told server-to-server, with a logout token (§2.4).
//!
//! **Which portals.** When a code is issued to such a portal, the session's
//! `sid` and the portal are noted under the citizen ([`Space::PortalSessions`],
//! at most [`MAX_NOTED`] entries, for a session's life). RP-initiated logout
//! tells the portals of that one session; ending every session of a citizen
//! (unsubscribe, a password block, and the account page's "end all sessions")
//! tells all of them. Portals without the setting cost nothing here.
//!
//! **Delivery.** Off the request path: a bounded queue feeds a task that
//! posts each token (at most [`IN_FLIGHT`] at once, so one slow portal does
//! not hold up the others) with a timeout and up to [`RETRIES`] retries with
//! exponential back-off (network errors and 5xx only; a 4xx is the portal's
//! answer). A citizen's logout never waits for a portal, and a full queue
//! drops the delivery with a metric rather than grow without bound.
//! `clave_backchannel_logout_total{outcome}` counts `delivered`, `failed`,
//! `dropped`.
//!
//! **The token** (§2.4): `iss`, `aud` (the portal), `iat`, `exp`, `jti`,
//! `events` with the back-channel event, `sid` (always, §2.6 allows it) and
//! `sub` (the portal's pairwise subject), never `nonce`; header `typ:
//! logout+jwt`, signed with the portal's ID-token algorithm and encrypted as its
//! ID tokens are when it registered that.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::mpsc;

use super::issuer::TokenIssuer;
use crate::clock::SharedClock;
use crate::crypto::{hash_token, random_token};
use crate::store::ephemeral::EphemeralStore;
use crate::store::ephemeral::keys::{KeySpace, SESSION_SECS, Space};
use crate::store::sql::{ClientRecord, SqlStore};

/// The event a logout token carries (§2.4).
pub const LOGOUT_EVENT: &str = "http://schemas.openid.net/event/backchannel-logout";
/// The most (session, portal) pairs noted per citizen; the oldest go first.
pub const MAX_NOTED: usize = 32;
/// Retries of a delivery after the first attempt.
pub const RETRIES: u32 = 3;
/// The timeout of one delivery attempt.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(5);
/// How many deliveries may be under way at once.
pub const IN_FLIGHT: usize = 64;
/// How many deliveries may wait.
const QUEUE: usize = 10_000;
/// How long a logout token is valid.
const TOKEN_SECS: i64 = 120;

/// One portal a session reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalSession {
    /// The portal.
    pub client_id: String,
    /// The session (`sid`).
    pub sid: String,
    /// When the session ends at the latest.
    pub expires_at: i64,
}

/// What is noted under a citizen.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PortalSessions {
    /// Newest last.
    pub entries: Vec<PortalSession>,
}

const NOTED: KeySpace<PortalSessions> = KeySpace::new(Space::PortalSessions);

/// One logout token to post.
#[derive(Debug)]
struct Delivery {
    client_id: String,
    uri: String,
    token: String,
}

/// Tells portals of ended sessions (see the module text).
#[derive(Clone)]
pub struct Backchannel {
    store: Arc<dyn EphemeralStore>,
    db: SqlStore,
    tokens: TokenIssuer,
    clock: SharedClock,
    queue: mpsc::Sender<Delivery>,
}

impl Backchannel {
    /// The service, with its delivery task started on the current runtime.
    pub fn start(
        store: Arc<dyn EphemeralStore>,
        db: SqlStore,
        tokens: TokenIssuer,
        clock: SharedClock,
    ) -> Self {
        let (queue, deliveries) = mpsc::channel(QUEUE);
        tokio::spawn(deliver(deliveries));
        Self {
            store,
            db,
            tokens,
            clock,
            queue,
        }
    }

    /// Notes that session `sid` of `citizen_id` reached portal `client_id`, if
    /// that portal hears of logouts. Best-effort: a store failure is logged,
    /// never a failed login.
    pub async fn remember(&self, client_id: &str, citizen_id: &str, sid: &str) {
        let client = match self.db.client(client_id).await {
            Ok(Some(client)) if client.profile.backchannel_logout_uri.is_some() => client,
            Ok(_) => return,
            Err(error) => {
                tracing::warn!(%error, "could not read a portal to note its session");
                return;
            }
        };
        let key = hash_token(citizen_id);
        let now = self.clock.now();
        let result = async {
            let mut noted = NOTED
                .get(self.store.as_ref(), &key)
                .await?
                .unwrap_or_default();
            noted.entries.retain(|e| e.expires_at > now);
            if noted
                .entries
                .iter()
                .any(|e| e.sid == sid && e.client_id == client.client_id)
            {
                return Ok(());
            }
            noted.entries.push(PortalSession {
                client_id: client.client_id.clone(),
                sid: sid.to_owned(),
                expires_at: now + SESSION_SECS,
            });
            let excess = noted.entries.len().saturating_sub(MAX_NOTED);
            noted.entries.drain(..excess);
            NOTED.put(self.store.as_ref(), &key, &noted).await
        }
        .await;
        if let Err(error) = result {
            tracing::warn!(%error, "could not note a portal session for back-channel logout");
        }
    }

    /// Session `sid` of `citizen_id` ended (RP-initiated logout): its portals
    /// are told.
    pub async fn session_ended(&self, citizen_id: &str, sid: &str) {
        self.tell(citizen_id, Some(sid)).await;
    }

    /// Every session of `citizen_id` ended: all its portals are told.
    pub async fn all_ended(&self, citizen_id: &str) {
        self.tell(citizen_id, None).await;
    }

    async fn tell(&self, citizen_id: &str, only: Option<&str>) {
        let key = hash_token(citizen_id);
        let noted = match NOTED.get(self.store.as_ref(), &key).await {
            Ok(noted) => noted.unwrap_or_default(),
            Err(error) => {
                tracing::warn!(%error, "could not read the portals to tell of a logout");
                return;
            }
        };
        let now = self.clock.now();
        let (ended, kept): (Vec<PortalSession>, Vec<PortalSession>) = noted
            .entries
            .into_iter()
            .filter(|e| e.expires_at > now)
            .partition(|e| only.is_none_or(|sid| e.sid == sid));
        if ended.is_empty() {
            return;
        }
        let write = if kept.is_empty() {
            NOTED.delete(self.store.as_ref(), &key).await.map(|_| ())
        } else {
            NOTED
                .put(self.store.as_ref(), &key, &PortalSessions { entries: kept })
                .await
        };
        if let Err(error) = write {
            tracing::warn!(%error, "could not update the noted portal sessions");
        }
        for entry in ended {
            match self.db.client(&entry.client_id).await {
                Ok(Some(client)) => self.send(&client, citizen_id, &entry.sid).await,
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "could not read a portal to tell of a logout"),
            }
        }
    }

    /// Makes the logout token for one portal and queues it.
    async fn send(&self, client: &ClientRecord, citizen_id: &str, sid: &str) {
        let Some(uri) = client.profile.backchannel_logout_uri.clone() else {
            return;
        };
        let token = match self.logout_token(client, citizen_id, sid).await {
            Ok(token) => token,
            Err(error) => {
                tracing::warn!(client_id = %client.client_id, %error, "could not make a logout token");
                metrics::counter!("clave_backchannel_logout_total", "outcome" => "failed")
                    .increment(1);
                return;
            }
        };
        let delivery = Delivery {
            client_id: client.client_id.clone(),
            uri,
            token,
        };
        if self.queue.try_send(delivery).is_err() {
            tracing::warn!(client_id = %client.client_id, "back-channel logout queue full; delivery dropped");
            metrics::counter!("clave_backchannel_logout_total", "outcome" => "dropped")
                .increment(1);
        }
    }

    /// The logout token (§2.4).
    pub async fn logout_token(
        &self,
        client: &ClientRecord,
        citizen_id: &str,
        sid: &str,
    ) -> anyhow::Result<String> {
        let now = self.clock.now();
        let claims = json!({
            "iss": self.tokens.issuer(),
            "aud": client.client_id,
            "iat": now,
            "exp": now + TOKEN_SECS,
            "jti": random_token(16),
            "sub": self.tokens.subject(client, citizen_id),
            "sid": sid,
            "events": { LOGOUT_EVENT: {} },
        });
        let signed =
            self.tokens
                .key_ring()
                .sign_typed(client.id_token_alg, "logout+jwt", &claims)?;
        match client.profile.id_token_encryption {
            Some(encryption) => Ok(self
                .tokens
                .encrypt_to(client, signed.as_bytes(), encryption)
                .await
                .map_err(|e| anyhow::anyhow!(e.description))?),
            None => Ok(signed),
        }
    }
}

/// Posts queued logout tokens, one at a time, retrying with back-off.
async fn deliver(mut deliveries: mpsc::Receiver<Delivery>) {
    let http = reqwest::Client::builder()
        .timeout(ATTEMPT_TIMEOUT)
        .connect_timeout(ATTEMPT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default();
    let in_flight = Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT));
    while let Some(delivery) = deliveries.recv().await {
        let Ok(permit) = Arc::clone(&in_flight).acquire_owned().await else {
            return;
        };
        let http = http.clone();
        tokio::spawn(async move {
            let outcome = post(&http, &delivery).await;
            metrics::counter!("clave_backchannel_logout_total", "outcome" => outcome).increment(1);
            drop(permit);
        });
    }
}

async fn post(http: &reqwest::Client, delivery: &Delivery) -> &'static str {
    let mut wait = Duration::from_secs(1);
    for attempt in 0..=RETRIES {
        let sent = http
            .post(&delivery.uri)
            .form(&[("logout_token", delivery.token.as_str())])
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => return "delivered",
            Ok(response) if response.status().is_client_error() => {
                tracing::warn!(client_id = %delivery.client_id, status = %response.status(),
                    "a portal refused a logout token");
                return "failed";
            }
            Ok(response) => {
                tracing::warn!(client_id = %delivery.client_id, status = %response.status(), attempt,
                    "a portal failed to take a logout token");
            }
            Err(error) => {
                tracing::warn!(client_id = %delivery.client_id, %error, attempt,
                    "a logout token could not be delivered");
            }
        }
        if attempt < RETRIES {
            tokio::time::sleep(wait).await;
            wait *= 2;
        }
    }
    "failed"
}
