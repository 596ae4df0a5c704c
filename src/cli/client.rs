//! `clave-idp client add|show|update`: the relying parties, by flags or by a
//! client metadata file (`client_metadata.rs`); flags win over the file.

use std::path::PathBuf;

use clap::Subcommand;
use serde_json::json;

use super::client_metadata::{self, AuthMethod, Metadata};
use super::{CliError, Context};
use crate::crypto::{KeyAlg, hash_token, random_token};
use crate::domain::AuditKind;
use crate::domain::{ClientKind, ClientProfile, RegisteredUri};
use crate::settings::Profile;
use crate::store::StoreError;
use crate::store::sql::{AuditEvent, ClientRecord};

#[derive(Debug, Subcommand)]
pub(crate) enum ClientCommand {
    /// Register a relying party; prints its client_id and, for confidential
    /// clients, its secret (shown once, stored hashed).
    Add {
        /// A JSON file of client metadata (RFC 7591 §2 names); flags win over it.
        #[arg(long)]
        metadata: Option<PathBuf>,
        /// The portal's name, shown to citizens on the login page.
        #[arg(long, required_unless_present = "metadata")]
        name: Option<String>,
        /// A redirect URI (repeat for several); matched exactly.
        #[arg(long = "redirect-uri", required_unless_present = "metadata")]
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
        /// ID token signing algorithm: RS256 (the default), ES256 or PS256.
        #[arg(long)]
        id_token_alg: Option<String>,
        /// Choose the client_id instead of drawing a random one ([A-Za-z0-9_-], 3–64).
        #[arg(long)]
        client_id: Option<String>,
    },
    /// Print a relying party's metadata (never its secret), in the names a
    /// metadata file uses.
    Show {
        /// The client_id.
        #[arg(long)]
        id: String,
    },
    /// Change a relying party from a metadata file: the names it holds replace
    /// the stored ones (its id and secret stay). Running instances see the change
    /// within a minute.
    Update {
        /// The client_id.
        #[arg(long)]
        id: String,
        /// The JSON file of client metadata.
        #[arg(long)]
        metadata: PathBuf,
    },
}

/// Reads and checks a metadata file.
fn read_metadata(path: &std::path::Path) -> Result<Metadata, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Input(format!("--metadata: cannot read {}: {e}", path.display())))?;
    Metadata::parse(&text).map_err(|e| CliError::Input(format!("{}: {e}", path.display())))
}

pub(crate) async fn run(ctx: &Context, command: ClientCommand) -> Result<(), CliError> {
    match command {
        ClientCommand::Show { id } => show(ctx, &id).await,
        ClientCommand::Update { id, metadata } => update(ctx, &id, &metadata).await,
        add @ ClientCommand::Add { .. } => register(ctx, add).await,
    }
}

async fn stored(ctx: &Context, id: &str) -> Result<ClientRecord, CliError> {
    ctx.db
        .client(id)
        .await
        .map_err(anyhow::Error::from)?
        .ok_or_else(|| CliError::Refused(format!("no relying party has client_id {id}")))
}

async fn show(ctx: &Context, id: &str) -> Result<(), CliError> {
    let client = stored(ctx, id).await?;
    let metadata = client_metadata::of_record(&client);
    let pretty = serde_json::to_string_pretty(&metadata).unwrap_or_default();
    ctx.print(metadata, || pretty);
    Ok(())
}

async fn update(ctx: &Context, id: &str, path: &std::path::Path) -> Result<(), CliError> {
    let client = stored(ctx, id).await?;
    let metadata = read_metadata(path)?;
    if metadata
        .client_id
        .as_deref()
        .is_some_and(|other| other != id)
    {
        return Err(CliError::Input(format!(
            "{}: client_id: the file names another client than --id {id}",
            path.display()
        )));
    }
    let method = match &client.kind {
        ClientKind::Confidential { .. } => AuthMethod::Secret,
        ClientKind::KeyHolder => AuthMethod::PrivateKeyJwt,
        ClientKind::Public => AuthMethod::None,
    };
    if metadata.auth_method.is_some_and(|asked| asked != method) {
        return Err(CliError::Refused(
            "token_endpoint_auth_method: a client keeps how it authenticates (secret, key or none); register a new one to change it".into(),
        ));
    }
    let mut profile = client.profile.clone();
    for (name, value) in &metadata.profile {
        client_metadata::set_profile(&mut profile, name, value)
            .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
    }
    let uris = |list: &[RegisteredUri]| list.iter().map(|u| u.as_str().to_owned()).collect();
    // The stored values, then the file's over them, checked like a new registration.
    let mut spec = ClientSpec {
        name: metadata.name.clone().unwrap_or_else(|| client.name.clone()),
        redirect_uris: metadata
            .redirect_uris
            .clone()
            .unwrap_or_else(|| uris(&client.redirect_uris)),
        post_logout_redirect_uris: metadata
            .post_logout_redirect_uris
            .clone()
            .unwrap_or_else(|| uris(&client.post_logout_redirect_uris)),
        public: client.kind == ClientKind::Public,
        private_key_jwt: client.kind == ClientKind::KeyHolder,
        profile,
        social_security: metadata.social_security.unwrap_or(client.social_security),
        sector: Some(
            metadata
                .sector
                .clone()
                .unwrap_or_else(|| client.sector.clone()),
        ),
        require_pkce: metadata.require_pkce.unwrap_or(client.require_pkce),
        id_token_alg: Some(
            metadata
                .id_token_alg
                .clone()
                .unwrap_or_else(|| client.id_token_alg.as_str().to_owned()),
        ),
        client_id: Some(client.client_id.clone()),
    };
    if metadata.sector.is_none() && metadata.redirect_uris.is_some() {
        // The sector was the redirect URIs' host: it follows them unless named.
        spec.sector =
            (client.sector != host_of(&client.redirect_uris)).then(|| client.sector.clone());
    }
    let allow_any_http = ctx.settings.profile == Profile::Development;
    let (mut updated, _) =
        build_client(spec, allow_any_http, client.created_at).map_err(CliError::Input)?;
    updated.kind = client.kind.clone();
    if updated.sector != client.sector {
        return Err(CliError::Refused(format!(
            "clave_sector: the portal's citizens are known by subjects of sector {:?}; \
             a new sector ({:?}) would give every one of them a new identity",
            client.sector, updated.sector
        )));
    }
    let audit = AuditEvent::new(ctx.now(), AuditKind::ClientUpdated, "operator")
        .detail("operator", ctx.operator())
        .detail("client_id", client.client_id.clone());
    ctx.db
        .update_client(&updated, &audit)
        .await
        .map_err(anyhow::Error::from)?;
    let metadata = client_metadata::of_record(&updated);
    ctx.print(metadata, || {
        format!("Updated client {:?} ({}).", updated.name, updated.client_id)
    });
    Ok(())
}

/// The single host of `uris`, if they have one.
fn host_of(uris: &[RegisteredUri]) -> String {
    let hosts: std::collections::BTreeSet<String> = uris
        .iter()
        .filter_map(|u| u.url().host_str().map(str::to_lowercase))
        .collect();
    if hosts.len() == 1 {
        hosts.into_iter().next().unwrap_or_default()
    } else {
        String::new()
    }
}

async fn register(ctx: &Context, command: ClientCommand) -> Result<(), CliError> {
    let ClientCommand::Add {
        metadata,
        name,
        redirect_uris,
        post_logout_redirect_uris,
        public,
        social_security,
        sector,
        require_pkce,
        id_token_alg,
        client_id,
    } = command
    else {
        return Err(CliError::Input("not an add command".into()));
    };
    let allow_any_http = ctx.settings.profile == Profile::Development;
    let mut spec = ClientSpec {
        name: name.unwrap_or_default(),
        redirect_uris,
        post_logout_redirect_uris,
        public,
        private_key_jwt: false,
        profile: ClientProfile::default(),
        social_security,
        sector,
        require_pkce,
        id_token_alg,
        client_id,
    };
    if let Some(path) = metadata {
        read_metadata(&path)?.fill(&mut spec);
    }
    if let Some(uri) = spec.profile.sector_identifier_uri.clone() {
        check_sector_identifier(&uri, &spec.redirect_uris).await?;
    }
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
    let kind = match client.kind {
        ClientKind::Confidential { .. } => "confidential",
        ClientKind::KeyHolder => "private_key_jwt",
        ClientKind::Public => "public",
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
    /// No secret, no key: a public client.
    pub public: bool,
    /// No secret: authenticates with `private_key_jwt` and its registered keys.
    pub private_key_jwt: bool,
    /// The government-grade settings.
    pub profile: ClientProfile,
    /// Social Security portal.
    pub social_security: bool,
    /// Sector override.
    pub sector: Option<String>,
    /// PKCE for a confidential client.
    pub require_pkce: bool,
    /// `RS256` (when not given), `ES256` or `PS256`.
    pub id_token_alg: Option<String>,
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
            "client_name (--name): give the portal's name (1–100 characters, no control characters)"
                .into(),
        );
    }
    let mut hosts = std::collections::BTreeSet::new();
    let mut redirect_uris = Vec::with_capacity(spec.redirect_uris.len());
    for uri in &spec.redirect_uris {
        let (host, registered) = check_uri("redirect_uris (--redirect-uri)", uri, allow_any_http)?;
        hosts.insert(host);
        redirect_uris.push(registered);
    }
    let mut post_logout_redirect_uris = Vec::with_capacity(spec.post_logout_redirect_uris.len());
    for uri in &spec.post_logout_redirect_uris {
        let (_, registered) = check_uri(
            "post_logout_redirect_uris (--post-logout-redirect-uri)",
            uri,
            allow_any_http,
        )?;
        post_logout_redirect_uris.push(registered);
    }
    let sector = match spec.sector {
        Some(sector) if !sector.trim().is_empty() => sector.trim().to_lowercase(),
        Some(_) => return Err("clave_sector (--sector): must not be empty".into()),
        // OIDC Core §8.1: the sector is the host of the sector identifier.
        None if spec.profile.sector_identifier_uri.is_some() => spec
            .profile
            .sector_identifier_uri
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_lowercase))
            .unwrap_or_default(),
        None if hosts.len() == 1 => hosts.into_iter().next().unwrap_or_default(),
        None => {
            return Err(format!(
                "redirect_uris: the URIs are on several hosts ({}); give --sector (or clave_sector) \
                 to say which pairwise-subject sector this portal belongs to",
                hosts.into_iter().collect::<Vec<_>>().join(", ")
            ));
        }
    };
    if spec.redirect_uris.is_empty() {
        return Err("redirect_uris (--redirect-uri): give at least one".into());
    }
    let asked_alg = spec.id_token_alg.unwrap_or_else(|| "RS256".to_owned());
    let alg: KeyAlg = asked_alg.to_uppercase().parse().map_err(|_| {
        format!("id_token_signed_response_alg (--id-token-alg): {asked_alg:?} is not offered; use RS256, ES256 or PS256")
    })?;
    let client_id = match spec.client_id {
        Some(id) => {
            let valid = (3..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid {
                return Err(
                    "client_id (--client-id): use 3–64 characters from A–Z, a–z, 0–9, '-' and '_'"
                        .into(),
                );
            }
            id
        }
        None => random_token(16),
    };
    if spec.public && spec.private_key_jwt {
        return Err("token_endpoint_auth_method: a client is public (none) or uses private_key_jwt, not both".into());
    }
    let mut profile = spec.profile;
    profile.private_key_jwt = spec.private_key_jwt;
    if let Some(problem) = profile.problems().into_iter().next() {
        return Err(problem);
    }
    if let Some(uri) = &profile.backchannel_logout_uri {
        check_uri("backchannel_logout_uri", uri, allow_any_http)?;
    }
    let secret = (!spec.public && !spec.private_key_jwt).then(|| random_token(32));
    let kind = match &secret {
        Some(secret) => ClientKind::Confidential {
            secret_hash: hash_token(secret),
        },
        None if spec.private_key_jwt => ClientKind::KeyHolder,
        None => ClientKind::Public,
    };
    let record = ClientRecord {
        client_id,
        name,
        kind,
        profile,
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

/// OIDC Core §8.1: the document at `sector_identifier_uri` is a JSON list that
/// holds every redirect URI of the client; it is fetched once, at registration.
async fn check_sector_identifier(uri: &str, redirect_uris: &[String]) -> Result<(), CliError> {
    let refused = |why: String| CliError::Input(format!("sector_identifier_uri: {why}"));
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| refused(e.to_string()))?;
    let response = client
        .get(uri)
        .send()
        .await
        .map_err(|e| refused(format!("{uri} could not be fetched ({e})")))?;
    if !response.status().is_success() {
        return Err(refused(format!("{uri} answered {}", response.status())));
    }
    let body = response
        .bytes()
        .await
        .map_err(|e| refused(format!("{uri} could not be read ({e})")))?;
    let listed: Vec<String> = serde_json::from_slice(&body)
        .map_err(|_| refused(format!("{uri} is not a JSON list of redirect URIs")))?;
    if let Some(missing) = redirect_uris.iter().find(|u| !listed.contains(u)) {
        return Err(refused(format!(
            "{uri} does not list the redirect URI {missing}"
        )));
    }
    Ok(())
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
            private_key_jwt: false,
            profile: ClientProfile::default(),
            social_security: false,
            sector: None,
            require_pkce: false,
            id_token_alg: None,
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
        assert!(
            error.contains("--sector") && error.starts_with("redirect_uris"),
            "{error}"
        );
    }
}
