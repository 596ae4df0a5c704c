//! `clave-idp keys rotate`: publish the next signing key ahead of its use.

use clap::Subcommand;
use serde_json::json;

use super::{CliError, Context};
use crate::crypto::KeyAlg;

#[derive(Debug, Subcommand)]
pub(crate) enum KeysCommand {
    /// Add the next signing key: published now, signing after --activate-in seconds;
    /// the key it replaces stays published until the tokens it signed expire.
    Rotate {
        /// RS256 (the OIDC default) or ES256.
        #[arg(long, default_value = "RS256")]
        alg: String,
        /// Seconds between publishing the key and signing with it; should exceed
        /// how long relying parties cache the JWKS.
        #[arg(long, default_value_t = 900)]
        activate_in: u32,
    },
}

pub(crate) async fn run(ctx: &Context, command: KeysCommand) -> Result<(), CliError> {
    let KeysCommand::Rotate { alg, activate_in } = command;
    let alg: KeyAlg = alg.to_uppercase().parse().map_err(|_| {
        CliError::Input(format!("--alg: {alg:?} is not offered; use RS256 or ES256"))
    })?;
    let now = ctx.now();
    // With no key signing yet there is nothing to hand over from: sign at once.
    let first = !crate::signing::can_sign(&ctx.db, alg, now).await?;
    let activates_at = if first {
        now
    } else {
        now + i64::from(activate_in)
    };
    let actor = format!("operator:{}", ctx.operator());
    let kek = crate::kek::Kek::from_settings(&ctx.settings)?;
    let key =
        crate::signing::add_key(&ctx.db, &kek, alg, now, activates_at, !first, &actor).await?;
    ctx.print(
        json!({
            "kid": key.kid,
            "alg": key.alg,
            "published_at": super::citizen::rfc3339(now),
            "activates_at": super::citizen::rfc3339(activates_at),
        }),
        || {
            format!(
                "Added signing key {} ({}): published now, signs from {}.",
                key.kid,
                key.alg,
                super::citizen::rfc3339(activates_at)
            )
        },
    );
    Ok(())
}
