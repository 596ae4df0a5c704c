//! Registers the demo portal as a relying party, idempotently, at every start.
//!
//! The client id is fixed (`demo-portal`) and its secret is a provider secret made
//! once and kept in the database (`provider_secrets`), so every instance and every
//! restart agree on it; the client record stores only its hash, like any other
//! client's.
//!
//! **When the issuer changes.** The record names `{issuer}/demo/callback`. The store
//! offers no update of a client, and the CLI cannot delete one, so a record made
//! under another issuer (say, another port) is left as it is and a warning tells the
//! operator how to fix it: start with the same `CLAVE_ISSUER` as before, or delete
//! the development database (`data/`) so the portal is registered afresh. The
//! provider itself starts either way; only the demo login would fail.

use anyhow::Context as _;

use super::{CLIENT_ID, CLIENT_NAME, SECRET_NAME, callback_url, government, home_url};
use crate::clock::UnixTime;
use crate::crypto::{KeyAlg, hash_token, random_token};
use crate::domain::AuditKind;
use crate::domain::{ClientKind, ClientProfile, RegisteredUri};
use crate::settings::Settings;
use crate::store::StoreError;
use crate::store::sql::{AuditEvent, ClientRecord, SqlStore};

/// The demo portal as registered (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoClient {
    /// `demo-portal`.
    pub client_id: String,
    /// `{issuer}/demo/callback`.
    pub redirect_uri: String,
    /// `{issuer}/demo`: the portal's home, and where logout returns.
    pub home_url: String,
    /// Whether this call created the record (false when it already existed).
    pub created: bool,
    /// Whether the stored record matches this issuer and secret; when false the
    /// demo login cannot work and a warning was logged.
    pub usable: bool,
}

/// Registers the demo portal for `settings.issuer` unless it already is; see the
/// module docs for what happens when an older record disagrees.
pub async fn register_demo_client(
    db: &SqlStore,
    settings: &Settings,
    now: UnixTime,
) -> anyhow::Result<DemoClient> {
    let secret = db
        .secret_or_insert(SECRET_NAME, &random_token(32), now)
        .await
        .context("cannot read or create the demo portal's client secret")?;
    let wanted = client_record(&settings.issuer, &secret, now)?;
    let (created, stored) = ensure(db, &wanted, now).await?;
    let key = db
        .secret_or_insert(
            government::KEY_NAME,
            &government::new_client_key().map_err(anyhow::Error::msg)?,
            now,
        )
        .await
        .context("cannot read or create the demo portal's government key")?;
    let wanted_government = government_record(&wanted, &key)?;
    let (_, stored_government) = ensure(db, &wanted_government, now).await?;
    let usable = matches_issuer_and_secret(&stored, &wanted)
        && matches_issuer_and_secret(&stored_government, &wanted_government)
        && stored_government.profile == wanted_government.profile;
    if !usable {
        tracing::warn!(
            client_id = CLIENT_ID,
            registered_redirect_uris = ?stored.redirect_uris,
            expected_redirect_uri = %callback_url(&settings.issuer),
            "the demo portal was registered earlier with another redirect URI or secret, so \
             logging in at /demo will fail; start with the same CLAVE_ISSUER as before, or \
             delete the development database (data/) to register the demo portal afresh"
        );
    }
    Ok(DemoClient {
        client_id: CLIENT_ID.to_owned(),
        redirect_uri: callback_url(&settings.issuer),
        home_url: home_url(&settings.issuer),
        created,
        usable,
    })
}

/// Inserts `wanted` unless a client of its id exists; returns whether it did,
/// and the record stored.
async fn ensure(
    db: &SqlStore,
    wanted: &ClientRecord,
    now: UnixTime,
) -> anyhow::Result<(bool, ClientRecord)> {
    let id = &wanted.client_id;
    if let Some(stored) = db
        .client(id)
        .await
        .with_context(|| format!("cannot read the client record of {id}"))?
    {
        return Ok((false, stored));
    }
    let audit = AuditEvent::new(now, AuditKind::ClientRegistered, "demo-portal")
        .detail("client_id", id.as_str());
    match db.insert_client(wanted, &audit).await {
        Ok(()) => Ok((true, wanted.clone())),
        // Another instance registered it first: read what it stored.
        Err(StoreError::Conflict) => {
            let stored = db.client(id).await?;
            Ok((
                false,
                stored.with_context(|| format!("the record of {id} vanished"))?,
            ))
        }
        Err(other) => Err(other).with_context(|| format!("cannot register the client {id}")),
    }
}

/// The government profile's record: the same portal as a key holder that must
/// push its requests and bind its tokens (`government.rs`).
fn government_record(basic: &ClientRecord, private_key: &str) -> anyhow::Result<ClientRecord> {
    let jwks = government::public_jwks(private_key).map_err(anyhow::Error::msg)?;
    Ok(ClientRecord {
        client_id: government::CLIENT_ID.to_owned(),
        name: government::CLIENT_NAME.to_owned(),
        kind: ClientKind::KeyHolder,
        id_token_alg: KeyAlg::Es256,
        profile: ClientProfile {
            private_key_jwt: true,
            jwks: Some(jwks),
            token_endpoint_auth_signing_alg: Some(KeyAlg::Es256),
            require_pushed_authorization_requests: true,
            dpop_bound_access_tokens: true,
            ..ClientProfile::default()
        },
        ..basic.clone()
    })
}

/// The record the demo portal needs under `issuer`.
fn client_record(issuer: &str, secret: &str, now: UnixTime) -> anyhow::Result<ClientRecord> {
    let sector = url::Url::parse(issuer)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
        .with_context(|| format!("the issuer {issuer:?} has no host (CLAVE_ISSUER)"))?;
    Ok(ClientRecord {
        client_id: CLIENT_ID.to_owned(),
        name: CLIENT_NAME.to_owned(),
        kind: ClientKind::Confidential {
            secret_hash: hash_token(secret),
        },
        redirect_uris: vec![registered(&callback_url(issuer))?],
        post_logout_redirect_uris: vec![registered(&home_url(issuer))?],
        sector,
        social_security: false,
        // The portal sends PKCE anyway; requiring it shows the recommended set-up.
        require_pkce: true,
        id_token_alg: KeyAlg::Rs256,
        created_at: now,
        profile: Default::default(),
    })
}

/// A URI of the demo portal under the issuer, as a registered URI.
fn registered(uri: &str) -> anyhow::Result<RegisteredUri> {
    RegisteredUri::parse(uri).with_context(|| format!("{uri:?} is not a URL (CLAVE_ISSUER)"))
}

/// Whether a stored record lets the portal log in under this issuer and secret.
fn matches_issuer_and_secret(stored: &ClientRecord, wanted: &ClientRecord) -> bool {
    stored.redirect_uris.contains(&wanted.redirect_uris[0])
        && stored
            .post_logout_redirect_uris
            .contains(&wanted.post_logout_redirect_uris[0])
        && stored.kind == wanted.kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_a_confidential_client_in_the_issuer_host_sector() {
        let record = client_record("http://127.0.0.1:8080", "s3cret", 7).unwrap();
        assert_eq!(record.client_id, "demo-portal");
        assert_eq!(record.name, "Sede electrónica de demostración");
        assert_eq!(
            record.redirect_uris,
            ["http://127.0.0.1:8080/demo/callback"]
        );
        assert_eq!(
            record.post_logout_redirect_uris,
            ["http://127.0.0.1:8080/demo"]
        );
        assert_eq!(record.sector, "127.0.0.1");
        assert_eq!(
            record.kind.secret_hash(),
            Some(hash_token("s3cret").as_str())
        );
        assert!(record.require_pkce && !record.social_security);
    }

    #[test]
    fn a_record_made_under_another_port_or_secret_is_not_usable() {
        let wanted = client_record("http://127.0.0.1:8080", "s", 0).unwrap();
        let same = client_record("http://127.0.0.1:8080", "s", 99).unwrap();
        let other_port = client_record("http://127.0.0.1:9090", "s", 0).unwrap();
        let other_secret = client_record("http://127.0.0.1:8080", "t", 0).unwrap();
        assert!(matches_issuer_and_secret(&same, &wanted));
        assert!(!matches_issuer_and_secret(&other_port, &wanted));
        assert!(!matches_issuer_and_secret(&other_secret, &wanted));
    }
}
