//! What the OTP service keeps in the ephemeral store, and the cool-down claim.
//!
//! Keys (relative; the store adds its namespace):
//! - `otp:code:{flow}` — the pending code: purpose, a per-send nonce, the keyed hash
//!   and its deadline. A new send overwrites it, so the old code stops working.
//! - `otp:tries:{flow}:{nonce}` — wrong-entry counter of one sent code. The nonce makes
//!   every send start from zero without a reset that could race with a guess.
//! - `otp:cooldown:{flow}` — when the flow may have its next code, plus a nonce.
//! - `otp:cooldown-claim:{flow}:{nonce}` — see [`claim_cooldown`].
//! - `otp:sends:{account tag}` — sends of one account in the current window.
//!
//! Deadlines are stored as Unix times and compared with the injected clock; store TTLs
//! only clean up, and are long enough never to decide anything.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::clock::UnixTime;
use crate::crypto::tokens::random_token;
use crate::store::ephemeral::keys::Space;
use crate::store::ephemeral::{EphemeralError, EphemeralStore, EphemeralStoreExt};

use super::OtpPurpose;

/// The pending code of a flow.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct StoredCode {
    pub purpose: OtpPurpose,
    pub nonce: String,
    pub mac: String,
    pub expires_at: UnixTime,
}

pub(super) fn code_key(flow_id: &str) -> String {
    Space::OtpCode.key(flow_id)
}

pub(super) fn tries_key(flow_id: &str, nonce: &str) -> String {
    Space::OtpTries.key(&format!("{flow_id}:{nonce}"))
}

pub(super) fn sends_key(account_tag: &str) -> String {
    Space::OtpSends.key(account_tag)
}

fn cooldown_key(flow_id: &str) -> String {
    Space::OtpCooldown.key(flow_id)
}

fn cooldown_claim_key(flow_id: &str, nonce: &str) -> String {
    Space::OtpCooldownClaim.key(&format!("{flow_id}:{nonce}"))
}

/// The cool-down of a flow: no new code before `until`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct CooldownMark {
    until: UnixTime,
    nonce: String,
}

/// The answer to a claim of the right to send.
#[derive(Debug)]
pub(super) enum Claim {
    /// This caller may send; [`release_cooldown`] gives the right back if it does not.
    Granted(Release),
    /// Another send holds the cool-down.
    Refused { retry_in_secs: u64 },
}

/// How to undo a granted claim.
#[derive(Debug)]
pub(super) enum Release {
    /// The flow had no cool-down: remove ours.
    Remove { key: String },
    /// Ours replaced a finished one: put that back and free its claim.
    Restore {
        key: String,
        previous: CooldownMark,
        claim_key: String,
    },
}

/// Claims the right to send a code in `flow_id` now, starting a cool-down of
/// `cooldown_secs`. At most one concurrent caller is granted it.
///
/// A flow without a cool-down is claimed with one `put_new`. A finished cool-down
/// (its time is past by the clock, though the store still holds it) is replaced by
/// whoever first creates `otp:cooldown-claim:{flow}:{its nonce}` with `put_new`: every
/// racer read the same finished mark, so exactly one wins; the others are refused.
/// The claim key lives one cool-down: a caller slower than that would be sending after
/// the cool-down anyway.
pub(super) async fn claim_cooldown(
    store: &dyn EphemeralStore,
    flow_id: &str,
    now: UnixTime,
    cooldown_secs: i64,
    ttl: Duration,
) -> Result<Claim, EphemeralError> {
    let key = cooldown_key(flow_id);
    let mark = CooldownMark {
        until: now.saturating_add(cooldown_secs),
        nonce: random_token(16),
    };
    let refused = Claim::Refused {
        retry_in_secs: u64::try_from(cooldown_secs).unwrap_or(0),
    };
    if store.put_new_json(&key, &mark, ttl).await? {
        return Ok(Claim::Granted(Release::Remove { key }));
    }
    let Some(previous) = store.get_json::<CooldownMark>(&key).await? else {
        // Removed between the two calls (a released claim): one more try.
        return Ok(if store.put_new_json(&key, &mark, ttl).await? {
            Claim::Granted(Release::Remove { key })
        } else {
            refused
        });
    };
    if previous.until > now {
        let left = previous.until.saturating_sub(now);
        return Ok(Claim::Refused {
            retry_in_secs: u64::try_from(left).unwrap_or(0),
        });
    }
    let claim_key = cooldown_claim_key(flow_id, &previous.nonce);
    let claim_ttl = Duration::from_secs(u64::try_from(cooldown_secs).unwrap_or(0).max(1));
    if !store.put_new(&claim_key, b"1", claim_ttl).await? {
        return Ok(refused);
    }
    if let Err(err) = store.put_json(&key, &mark, ttl).await {
        // Free the claim so the flow is not stuck until the claim key expires.
        let _ = store.delete(&claim_key).await;
        return Err(err);
    }
    Ok(Claim::Granted(Release::Restore {
        key,
        previous,
        claim_key,
    }))
}

/// Gives back a granted claim after a send that did not happen, so the citizen can ask
/// again at once and the earlier cool-down (if any) is as it was.
pub(super) async fn release_cooldown(
    store: &dyn EphemeralStore,
    release: Release,
    ttl: Duration,
) -> Result<(), EphemeralError> {
    match release {
        Release::Remove { key } => store.delete(&key).await.map(|_| ()),
        Release::Restore {
            key,
            previous,
            claim_key,
        } => {
            store.put_json(&key, &previous, ttl).await?;
            store.delete(&claim_key).await.map(|_| ())
        }
    }
}
