//! `clave-idp client add`: register a relying party.

use clap::Subcommand;
use serde_json::json;

use super::{CliError, Context};
use crate::crypto::{KeyAlg, hash_token, random_token};
use crate::domain::AuditKind;
use crate::domain::{ClientKind, RegisteredUri};
use crate::settings::Profile;
use crate::store::StoreError;
use crate::store::sql::{AuditEvent, ClientRecord};

#[derive(Debug, Subcommand)]
pub(crate) enum ClientCommand {
    /// Register a relying party; prints its client_id and, for confidential
    /// clients, its secret (shown once, stored hashed).
    Add {
        /// The portal's name, shown to citizens on the login page.
        #[arg(long)]
        name: String,
        /// A redirect URI (repeat for several); matched exactly.
        #[arg(long = "redirect-uri", required = true)]
        redirect_uris: Vec<String>,
        /// Where RP-initiated logout may send the citizen (repeat for several).
        #[arg(long = "post-logout-redirect-uri")]
        post_logout_redirect_uris: Vec<String>,
        /// A public client (no secret; PKCE required), e.g. a single-page app.
        #[arg(long)]
        public: bool,
        /// A Social Security service: legacy users may log in and are offered migration.
        #[arg(long)]
        social_security: bool,
        /// The pairwise-subject sector (default: the redirect URIs' host).
        #[arg(long)]
        sector: Option<String>,
        /// Require PKCE from this confidential client too.
        #[arg(long)]
        require_pkce: bool,
        /// ID token signing algorithm: RS256 or ES256.
        #[arg(long, default_value = "RS256")]
        id_token_alg: String,
        /// Choose the client_id instead of drawing a random one ([A-Za-z0-9_-], 3–64).
        #[arg(long)]
        client_id: Option<String>,
    },
}

pub(crate) async fn run(ctx: &Context, command: ClientCommand) -> Result<(), CliError> {
    let ClientCommand::Add {
        name,
        redirect_uris,
        post_logout_redirect_uris,
        public,
        social_security,
        sector,
        require_pkce,
        id_token_alg,
        client_id,
    } = command;
    let allow_any_http = ctx.settings.profile == Profile::Development;
    let spec = ClientSpec {
        name,
        redirect_uris,
        post_logout_redirect_uris,
        public,
        social_security,
        sector,
        require_pkce,
        id_token_alg,
        client_id,
    };
    let (client, secret) =
        build_client(spec, allow_any_http, ctx.now()).map_err(CliError::Input)?;
    let audit = AuditEvent::new(ctx.now(), AuditKind::ClientRegistered, "operator")
        .detail("operator", ctx.operator())
        .detail("client_id", client.client_id.clone())
        .detail("public", secret.is_none());
    match ctx.db.insert_client(&client, &audit).await {
        Ok(()) => {}
        Err(StoreError::Conflict) => {
            return Err(CliError::Refused(format!(
                "a relying party with client_id {} already exists; nothing was changed",
                client.client_id
            )));
        }
        Err(other) => return Err(anyhow::Error::from(other).into()),
    }
    let kind = if secret.is_some() {
        "confidential"
    } else {
        "public"
    };
    ctx.print(
        json!({
            "client_id": client.client_id,
            "client_secret": secret,
            "name": client.name,
            "type": kind,
            "redirect_uris": client.redirect_uris,
            "post_logout_redirect_uris": client.post_logout_redirect_uris,
            "sector": client.sector,
            "social_security": client.social_security,
        }),
        || {
            let mut text = format!(
                "Registered {kind} client {:?}.\nclient_id:     {}",
                client.name, client.client_id
            );
            if let Some(secret) = &secret {
                text.push_str(&format!(
                    "\nclient_secret: {secret}\n(the secret is stored hashed and shown only this once)"
                ));
            }
            text
        },
    );
    Ok(())
}

/// What the operator asked for.
pub struct ClientSpec {
    /// Name shown to citizens.
    pub name: String,
    /// Redirect URIs.
    pub redirect_uris: Vec<String>,
    /// Post-logout redirect URIs.
    pub post_logout_redirect_uris: Vec<String>,
    /// No secret.
    pub public: bool,
    /// Social Security portal.
    pub social_security: bool,
    /// Sector override.
    pub sector: Option<String>,
    /// PKCE for a confidential client.
    pub require_pkce: bool,
    /// `RS256` or `ES256`.
    pub id_token_alg: String,
    /// Chosen client_id.
    pub client_id: Option<String>,
}

/// Checks a client registration and draws its id and secret. Returns the record to
/// store and, for a confidential client, the secret in clear (to show once).
pub fn build_client(
    spec: ClientSpec,
    allow_any_http: bool,
    now: i64,
) -> Result<(ClientRecord, Option<String>), String> {
    let name = spec.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(
            "--name: give the portal's name (1–100 characters, no control characters)".into(),
        );
    }
    let mut hosts = std::collections::BTreeSet::new();
    let mut redirect_uris = Vec::with_capacity(spec.redirect_uris.len());
    for uri in &spec.redirect_uris {
        let (host, registered) = check_uri("--redirect-uri", uri, allow_any_http)?;
        hosts.insert(host);
        redirect_uris.push(registered);
    }
    let mut post_logout_redirect_uris = Vec::with_capacity(spec.post_logout_redirect_uris.len());
    for uri in &spec.post_logout_redirect_uris {
        let (_, registered) = check_uri("--post-logout-redirect-uri", uri, allow_any_http)?;
        post_logout_redirect_uris.push(registered);
    }
    let sector = match spec.sector {
        Some(sector) if !sector.trim().is_empty() => sector.trim().to_lowercase(),
        Some(_) => return Err("--sector: must not be empty".into()),
        None if hosts.len() == 1 => hosts.into_iter().next().unwrap_or_default(),
        None => {
            return Err(format!(
                "the redirect URIs are on several hosts ({}); give --sector to say which \
                 pairwise-subject sector this portal belongs to",
                hosts.into_iter().collect::<Vec<_>>().join(", ")
            ));
        }
    };
    let alg: KeyAlg = spec.id_token_alg.to_uppercase().parse().map_err(|_| {
        format!(
            "--id-token-alg: {:?} is not offered; use RS256 or ES256",
            spec.id_token_alg
        )
    })?;
    let client_id = match spec.client_id {
        Some(id) => {
            let valid = (3..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid {
                return Err(
                    "--client-id: use 3–64 characters from A–Z, a–z, 0–9, '-' and '_'".into(),
                );
            }
            id
        }
        None => random_token(16),
    };
    let secret = (!spec.public).then(|| random_token(32));
    let record = ClientRecord {
        client_id,
        name,
        kind: ClientKind::from_secret_hash(secret.as_deref().map(hash_token)),
        redirect_uris,
        post_logout_redirect_uris,
        sector,
        social_security: spec.social_security,
        require_pkce: spec.require_pkce || spec.public,
        id_token_alg: alg,
        created_at: now,
    };
    Ok((record, secret))
}

/// A redirect URI must be absolute, without fragment (RFC 6749 §3.1.2), and https
/// unless it points at this machine (or the development profile allows plain http).
/// Returns its host and the URI to register.
fn check_uri(
    flag: &str,
    uri: &str,
    allow_any_http: bool,
) -> Result<(String, RegisteredUri), String> {
    let registered = RegisteredUri::parse(uri)
        .map_err(|e| format!("{flag}: {uri:?} is not an absolute URL ({e})"))?;
    let parsed = registered.url();
    if parsed.fragment().is_some() {
        return Err(format!("{flag}: {uri:?} must not have a #fragment"));
    }
    let host = parsed.host_str().unwrap_or_default().to_lowercase();
    let loopback = matches!(host.as_str(), "localhost" | "127.0.0.1" | "[::1]");
    match parsed.scheme() {
        "https" => {}
        "http" if loopback || allow_any_http => {}
        "http" => {
            return Err(format!(
                "{flag}: {uri:?} must use https (plain http only for localhost)"
            ));
        }
        other => {
            return Err(format!(
                "{flag}: the scheme {other:?} is not allowed; use https"
            ));
        }
    }
    if host.is_empty() {
        return Err(format!("{flag}: {uri:?} has no host"));
    }
    Ok((host, registered))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(uris: &[&str]) -> ClientSpec {
        ClientSpec {
            name: "Portal".into(),
            redirect_uris: uris.iter().map(|s| s.to_string()).collect(),
            post_logout_redirect_uris: vec![],
            public: false,
            social_security: false,
            sector: None,
            require_pkce: false,
            id_token_alg: "RS256".into(),
            client_id: None,
        }
    }

    #[test]
    fn a_confidential_client_gets_an_id_and_secret_from_the_safe_alphabet() {
        let (client, secret) = build_client(spec(&["https://sede.example/cb"]), false, 0).unwrap();
        let secret = secret.unwrap();
        for s in [&client.client_id, &secret] {
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{s}"
            );
        }
        assert_eq!(
            client.kind.secret_hash(),
            Some(hash_token(&secret).as_str())
        );
        assert_eq!(client.sector, "sede.example");
    }

    #[test]
    fn a_public_client_has_no_secret_and_requires_pkce() {
        let mut s = spec(&["https://app.example/cb"]);
        s.public = true;
        let (client, secret) = build_client(s, false, 0).unwrap();
        assert!(secret.is_none() && !client.is_confidential() && client.require_pkce);
    }

    #[test]
    fn redirect_uris_with_fragments_or_plain_http_elsewhere_are_refused() {
        assert!(build_client(spec(&["https://a.example/cb#x"]), false, 0).is_err());
        assert!(build_client(spec(&["http://a.example/cb"]), false, 0).is_err());
        assert!(build_client(spec(&["http://localhost:3000/cb"]), false, 0).is_ok());
        assert!(build_client(spec(&["http://a.example/cb"]), true, 0).is_ok());
        assert!(build_client(spec(&["javascript:alert(1)"]), true, 0).is_err());
    }

    #[test]
    fn several_hosts_need_an_explicit_sector() {
        let error = build_client(
            spec(&["https://a.example/cb", "https://b.example/cb"]),
            false,
            0,
        )
        .err()
        .unwrap();
        assert!(error.contains("--sector"), "{error}");
    }
}
