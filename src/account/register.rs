//! Registers the account page as a public relying party of this provider at
//! every start, in every profile: `{issuer}/account/callback` is its only
//! redirect URI and PKCE is required, as for any public client (RFC 9700
//! §2.1.1). The record is the provider's own, so when the issuer changes it is
//! brought up to date here (unlike an operator's client, which only the
//! operator changes).

use anyhow::Context as _;

use super::{CLIENT_ID, CLIENT_NAME};
use crate::clock::UnixTime;
use crate::crypto::KeyAlg;
use crate::domain::{AuditKind, ClientKind, RegisteredUri};
use crate::routes;
use crate::settings::Settings;
use crate::store::StoreError;
use crate::store::sql::{AuditEvent, ClientRecord, SqlStore};

/// The account page's redirect URI under `issuer`.
pub fn callback_url(issuer: &str) -> String {
    format!("{issuer}{}", routes::ACCOUNT_CALLBACK)
}

/// Registers (or brings up to date) the account page's client.
pub async fn register_account_client(
    db: &SqlStore,
    settings: &Settings,
    now: UnixTime,
) -> anyhow::Result<()> {
    let wanted = client_record(&settings.issuer, now)?;
    match db
        .client(CLIENT_ID)
        .await
        .context("cannot read the account page's client")?
    {
        None => {
            let audit = AuditEvent::new(now, AuditKind::ClientRegistered, "provider")
                .detail("client_id", CLIENT_ID);
            match db.insert_client(&wanted, &audit).await {
                // Another instance registered it first.
                Ok(()) | Err(StoreError::Conflict) => Ok(()),
                Err(other) => Err(other).context("cannot register the account page's client"),
            }
        }
        Some(stored) if up_to_date(&stored, &wanted) => Ok(()),
        Some(_) => {
            let audit = AuditEvent::new(now, AuditKind::ClientUpdated, "provider")
                .detail("client_id", CLIENT_ID);
            db.update_client(&wanted, &audit)
                .await
                .context("cannot update the account page's client")
        }
    }
}

/// Whether the stored record already is what this issuer needs.
fn up_to_date(stored: &ClientRecord, wanted: &ClientRecord) -> bool {
    stored.kind == wanted.kind
        && stored.redirect_uris == wanted.redirect_uris
        && stored.post_logout_redirect_uris == wanted.post_logout_redirect_uris
        && stored.sector == wanted.sector
        && stored.require_pkce
        && stored.name == wanted.name
}

/// The record the account page needs under `issuer`.
fn client_record(issuer: &str, now: UnixTime) -> anyhow::Result<ClientRecord> {
    let sector = url::Url::parse(issuer)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
        .with_context(|| format!("the issuer {issuer:?} has no host (CLAVE_ISSUER)"))?;
    let uri = |u: String| {
        RegisteredUri::parse(&u).with_context(|| format!("{u:?} is not a URL (CLAVE_ISSUER)"))
    };
    Ok(ClientRecord {
        client_id: CLIENT_ID.to_owned(),
        name: CLIENT_NAME.to_owned(),
        kind: ClientKind::Public,
        redirect_uris: vec![uri(callback_url(issuer))?],
        post_logout_redirect_uris: vec![uri(format!("{issuer}{}", routes::ACCOUNT))?],
        sector,
        social_security: false,
        require_pkce: true,
        id_token_alg: KeyAlg::Rs256,
        created_at: now,
        profile: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_a_public_pkce_client_coming_back_to_the_account_page() {
        let record = client_record("https://clave.example.es", 7).unwrap();
        assert_eq!(record.client_id, "mi-clave");
        assert_eq!(record.kind, ClientKind::Public);
        assert_eq!(
            record.redirect_uris,
            ["https://clave.example.es/account/callback"]
        );
        assert!(record.require_pkce && !record.social_security);
        assert_eq!(record.sector, "clave.example.es");
    }

    #[test]
    fn another_issuer_is_not_up_to_date() {
        let old = client_record("http://127.0.0.1:8080", 7).unwrap();
        let new = client_record("http://127.0.0.1:9090", 7).unwrap();
        assert!(!up_to_date(&old, &new));
        assert!(up_to_date(&new, &new));
    }
}
