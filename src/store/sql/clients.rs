//! Relying parties: the e-government portals allowed to ask for logins.

use std::collections::HashMap;
use std::sync::{PoisonError, RwLock};
use std::time::{Duration, Instant};

use super::audit::{AuditEvent, insert_audit};
use super::{SqlStore, StoreError, from_json_list, to_json_list, with_pool};
use crate::clock::UnixTime;
use crate::crypto::KeyAlg;
use crate::domain::{ClientKind, ClientProfile, RegisteredUri};

/// A relying party as stored; a row whose values do not parse is
/// [`StoreError::Corrupt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecord {
    /// The client id, `[A-Za-z0-9_-]`.
    pub client_id: String,
    /// A name citizens recognise, shown on the login page.
    pub name: String,
    /// Confidential (with the hash of its secret) or public.
    pub kind: ClientKind,
    /// Redirect URIs, matched exactly (OIDC Core §3.1.2.1).
    pub redirect_uris: Vec<RegisteredUri>,
    /// Where RP-initiated logout may return to, matched exactly.
    pub post_logout_redirect_uris: Vec<RegisteredUri>,
    /// The pairwise-subject sector.
    pub sector: String,
    /// Whether the portal is a Social Security service (legacy users may log in).
    pub social_security: bool,
    /// Whether PKCE is required even though the client is confidential.
    pub require_pkce: bool,
    /// The ID token signing algorithm.
    pub id_token_alg: KeyAlg,
    /// When it was registered.
    pub created_at: UnixTime,
    /// Its government-grade settings (keys, signed and pushed requests, DPoP,
    /// encrypted responses, back-channel logout); default for a Basic portal.
    pub profile: ClientProfile,
}

impl ClientRecord {
    /// The name a page in the language `code` shows: the one registered for
    /// that language (`client_name#en`, RFC 7591 §2.2, looked up as
    /// [`ClientProfile::localized_name`] does), else `client_name`.
    pub fn name_in(&self, code: &str) -> &str {
        self.profile.localized_name(code).unwrap_or(&self.name)
    }

    /// Whether the client authenticates with a secret.
    pub fn is_confidential(&self) -> bool {
        self.kind.is_confidential()
    }

    /// Whether `uri` is one of the registered redirect URIs, compared as strings.
    pub fn has_redirect_uri(&self, uri: &str) -> bool {
        self.redirect_uris.iter().any(|r| r.matches(uri))
    }

    /// Whether `uri` is one of the registered post-logout redirect URIs.
    pub fn has_post_logout_redirect_uri(&self, uri: &str) -> bool {
        self.post_logout_redirect_uris
            .iter()
            .any(|r| r.matches(uri))
    }
}

/// The registered URIs stored as a JSON list of strings.
fn parse_uris(column: &str, stored: &str) -> Result<Vec<RegisteredUri>, StoreError> {
    from_json_list(stored)?
        .iter()
        .map(|uri| {
            RegisteredUri::parse(uri)
                .map_err(|e| StoreError::Corrupt(format!("relying_parties.{column}: {uri:?}: {e}")))
        })
        .collect()
}

/// The registered URIs as the JSON list of their registered texts.
fn uri_list(uris: &[RegisteredUri]) -> String {
    let texts: Vec<String> = uris.iter().map(|u| u.as_str().to_owned()).collect();
    to_json_list(&texts)
}

/// The profile column: the profile's JSON, with the authentication method the
/// kind says (a key holder is the one kind the other columns cannot tell).
fn profile_json(client: &ClientRecord) -> Result<String, sqlx::Error> {
    let profile = ClientProfile {
        private_key_jwt: client.kind == ClientKind::KeyHolder,
        ..client.profile.clone()
    };
    serde_json::to_string(&profile).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

#[derive(sqlx::FromRow)]
struct ClientRow {
    client_id: String,
    name: String,
    secret_hash: Option<String>,
    redirect_uris: String,
    post_logout_redirect_uris: String,
    sector: String,
    social_security: bool,
    require_pkce: bool,
    id_token_alg: String,
    created_at: i64,
    profile: String,
}

impl TryFrom<ClientRow> for ClientRecord {
    type Error = StoreError;
    fn try_from(row: ClientRow) -> Result<Self, StoreError> {
        let profile: ClientProfile = serde_json::from_str(&row.profile)
            .map_err(|e| StoreError::Corrupt(format!("relying_parties.profile: {e}")))?;
        let kind = match (row.secret_hash, profile.private_key_jwt) {
            (Some(secret_hash), false) => ClientKind::Confidential { secret_hash },
            (None, true) => ClientKind::KeyHolder,
            (None, false) => ClientKind::Public,
            (Some(_), true) => {
                return Err(StoreError::Corrupt(
                    "relying_parties: a private_key_jwt client with a secret".into(),
                ));
            }
        };
        Ok(Self {
            redirect_uris: parse_uris("redirect_uris", &row.redirect_uris)?,
            post_logout_redirect_uris: parse_uris(
                "post_logout_redirect_uris",
                &row.post_logout_redirect_uris,
            )?,
            id_token_alg: row
                .id_token_alg
                .parse()
                .map_err(|e| StoreError::Corrupt(format!("relying_parties.id_token_alg: {e}")))?,
            client_id: row.client_id,
            name: row.name,
            kind,
            profile,
            sector: row.sector,
            social_security: row.social_security,
            require_pkce: row.require_pkce,
            created_at: row.created_at,
        })
    }
}

impl SqlStore {
    /// Registers a relying party; [`StoreError::Conflict`] if the id is taken.
    pub async fn insert_client(
        &self,
        client: &ClientRecord,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            sqlx::query(
                "INSERT INTO relying_parties (client_id, name, secret_hash, redirect_uris, \
                 post_logout_redirect_uris, sector, social_security, require_pkce, \
                 id_token_alg, created_at, profile) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(&client.client_id)
            .bind(&client.name)
            .bind(client.kind.secret_hash())
            .bind(uri_list(&client.redirect_uris))
            .bind(uri_list(&client.post_logout_redirect_uris))
            .bind(&client.sector)
            .bind(client.social_security)
            .bind(client.require_pkce)
            .bind(client.id_token_alg.as_str())
            .bind(client.created_at)
            .bind(profile_json(client)?)
            .execute(&mut *tx)
            .await?;
            insert_audit!(&mut *tx, audit);
            tx.commit().await
        })
    }

    /// Replaces what an operator may change of a relying party (name, URIs,
    /// sector, flags, algorithm; never its id, kind or secret). Instances that
    /// read it in the last [`ClientCache::TTL`] see the change when that ends.
    pub async fn update_client(
        &self,
        client: &ClientRecord,
        audit: &AuditEvent,
    ) -> Result<(), StoreError> {
        with_pool!(self, pool => {
            let _turn = self.write_turn().await;
            let mut tx = pool.begin_with(self.write_begin()).await?;
            sqlx::query(
                "UPDATE relying_parties SET name = $2, redirect_uris = $3, \
                 post_logout_redirect_uris = $4, sector = $5, social_security = $6, \
                 require_pkce = $7, id_token_alg = $8, profile = $9 WHERE client_id = $1",
            )
            .bind(&client.client_id)
            .bind(&client.name)
            .bind(uri_list(&client.redirect_uris))
            .bind(uri_list(&client.post_logout_redirect_uris))
            .bind(&client.sector)
            .bind(client.social_security)
            .bind(client.require_pkce)
            .bind(client.id_token_alg.as_str())
            .bind(profile_json(client)?)
            .execute(&mut *tx)
            .await?;
            insert_audit!(&mut *tx, audit);
            tx.commit().await
        })?;
        self.clients.forget(&client.client_id);
        Ok(())
    }

    /// The relying party with this client id: from memory when it was read in the
    /// last [`ClientCache::TTL`], else from the database.
    pub async fn client(&self, client_id: &str) -> Result<Option<ClientRecord>, StoreError> {
        if let Some(client) = self.clients.get(client_id) {
            return Ok(Some(client));
        }
        let client = self.read_client(client_id).await?;
        if let Some(client) = &client {
            self.clients.put(client);
        }
        Ok(client)
    }

    async fn read_client(&self, client_id: &str) -> Result<Option<ClientRecord>, StoreError> {
        let row: Option<ClientRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT client_id, name, secret_hash, redirect_uris, post_logout_redirect_uris, \
                 sector, social_security, require_pkce, id_token_alg, created_at, profile \
                 FROM relying_parties WHERE client_id = $1",
            )
            .bind(client_id)
            .fetch_optional(pool)
            .await
        })?;
        row.map(ClientRecord::try_from).transpose()
    }
}

/// Relying parties read in the last minute. Every token, introspection and
/// authorization request names its client; reading it from the database each time
/// was a query per request (a network round trip on PostgreSQL). The time limit
/// bounds how long an instance keeps what `clave-idp client update` changed
/// through another process (or a row removed by hand); the instance that writes
/// forgets its copy at once. Unknown ids are not remembered, so a client
/// registered a moment ago is found at once.
#[derive(Debug, Default)]
pub(crate) struct ClientCache {
    entries: RwLock<HashMap<String, (Instant, ClientRecord)>>,
}

impl ClientCache {
    /// How long a relying party read from the database is used without reading it again.
    pub(crate) const TTL: Duration = Duration::from_secs(60);
    /// At most this many are kept; when full, the cache starts afresh.
    const CAPACITY: usize = 4096;

    fn get(&self, client_id: &str) -> Option<ClientRecord> {
        let entries = self.entries.read().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(client_id)
            .filter(|(read_at, _)| read_at.elapsed() < Self::TTL)
            .map(|(_, client)| client.clone())
    }

    fn forget(&self, client_id: &str) {
        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        entries.remove(client_id);
    }

    fn put(&self, client: &ClientRecord) {
        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= Self::CAPACITY {
            entries.clear();
        }
        entries.insert(client.client_id.clone(), (Instant::now(), client.clone()));
    }
}
