//! The invisible proof-of-work: where scripts run, the browser answers the
//! challenge past the soft quotas by itself, and the citizen sees nothing
//! (`docs/architecture.md`, "Attempt limits").
//!
//! ALTCHA's open protocol (<https://altcha.org/docs/v2/server-integration>), so
//! the well-kept `altcha` widget, vendored under `/static/`, solves it: the
//! server offers `{algorithm: "SHA-256", challenge, maxnumber, salt, signature}`
//! with `challenge = hex(SHA-256(salt ‖ number))` for a secret random `number`
//! ≤ `maxnumber` and `signature = hex(HMAC-SHA-256(key, challenge))`; the browser
//! tries numbers until the hash matches and sends back, in the form field
//! `altcha`, base64 of `{algorithm, challenge, number, salt, signature}`.
//!
//! Stateless until spent: the salt carries its deadline (`expires=`) and the form
//! it is for (`form=`, a keyed hash of the form's binding), both covered by the
//! signature, so serving a challenge stores nothing. A solved challenge is spent
//! once ([`Space::PowUsed`]) and only for its form. The server side is small
//! and written here over the `sha2`/`hmac` crates the provider already uses,
//! rather than a crate with its own copies of them.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngExt;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::clock::UnixTime;
use crate::crypto::{constant_time_eq, hash_token, hmac_sha256_hex, random_token};
use crate::store::ephemeral::keys::{POW_SECS, Space};
use crate::store::ephemeral::{EphemeralError, EphemeralStore};

/// The largest number a challenge hides: a browser tries half of them on
/// average: 0.1–0.4 s in headless chromium here, well under a second on a
/// mid-range phone (README, "Attempt limits").
pub const MAX_NUMBER: u64 = 20_000;

/// What `GET /challenge` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    /// Always `SHA-256`.
    pub algorithm: String,
    /// `hex(SHA-256(salt ‖ number))`.
    pub challenge: String,
    /// The largest number to try.
    pub maxnumber: u64,
    /// Random, with `?expires=` and `&form=`.
    pub salt: String,
    /// `hex(HMAC-SHA-256(key, challenge))`.
    pub signature: String,
}

/// What the widget sends back (base64 JSON in the `altcha` field).
#[derive(Debug, Deserialize)]
struct Solution {
    algorithm: String,
    challenge: String,
    number: u64,
    salt: String,
    signature: String,
}

/// The key challenges are signed with.
#[derive(Clone)]
pub struct Pow {
    key: Vec<u8>,
}

impl std::fmt::Debug for Pow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pow(***)")
    }
}

/// `hex(SHA-256(salt ‖ number))`.
fn digest(salt: &str, number: u64) -> String {
    let hash = Sha256::digest(format!("{salt}{number}").as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

impl Pow {
    /// Challenges signed with a key derived from `secret`.
    pub fn new(secret: &[u8]) -> Self {
        Self {
            key: hmac_sha256_hex(secret, b"clave-idp proof-of-work").into_bytes(),
        }
    }

    /// The tag of a form's binding that a challenge names (the binding itself
    /// may carry a transaction id, which never goes into a URL).
    pub fn form_tag(&self, bound: &str) -> String {
        hmac_sha256_hex(&self.key, bound.as_bytes())[..32].to_owned()
    }

    /// A new challenge for the form tagged `form` (see [`Self::form_tag`]),
    /// valid [`POW_SECS`] from `now`.
    pub fn challenge(&self, form: &str, now: UnixTime) -> Challenge {
        let number = rand::rng().random_range(0..=MAX_NUMBER);
        let expires = now + POW_SECS;
        let salt = format!("{}?expires={expires}&form={form}", random_token(12));
        let challenge = digest(&salt, number);
        let signature = hmac_sha256_hex(&self.key, challenge.as_bytes());
        metrics::counter!("clave_challenges_total", "kind" => "pow", "outcome" => "served")
            .increment(1);
        Challenge {
            algorithm: "SHA-256".to_owned(),
            challenge,
            maxnumber: MAX_NUMBER,
            salt,
            signature,
        }
    }

    /// Whether `payload` (the `altcha` field) solves a live challenge of ours for
    /// the form bound to `bound`; a solving payload is spent.
    pub async fn solved(
        &self,
        store: &dyn EphemeralStore,
        payload: &str,
        bound: &str,
        now: UnixTime,
    ) -> Result<bool, EphemeralError> {
        let solved = match self.check(payload, bound, now) {
            Some(challenge) => {
                // Single use: the first form to bring it spends it.
                let key = Space::PowUsed.key(&hash_token(&challenge));
                let ttl = std::time::Duration::from_secs((POW_SECS + 30) as u64);
                store.put_new(&key, b"1", ttl).await?
            }
            None => false,
        };
        if !solved {
            tracing::debug!(payload_len = payload.len(), "proof-of-work refused");
        }
        let outcome = if solved { "solved" } else { "failed" };
        metrics::counter!("clave_challenges_total", "kind" => "pow", "outcome" => outcome)
            .increment(1);
        Ok(solved)
    }

    /// The challenge `payload` solves, if it is ours, live and for `bound`.
    fn check(&self, payload: &str, bound: &str, now: UnixTime) -> Option<String> {
        if payload.is_empty() || payload.len() > 2048 {
            return None;
        }
        let json = STANDARD.decode(payload.trim()).ok()?;
        let solution: Solution = serde_json::from_slice(&json).ok()?;
        if solution.algorithm != "SHA-256" || solution.number > MAX_NUMBER {
            return None;
        }
        let signature = hmac_sha256_hex(&self.key, solution.challenge.as_bytes());
        if !constant_time_eq(signature.as_bytes(), solution.signature.as_bytes()) {
            return None;
        }
        if digest(&solution.salt, solution.number) != solution.challenge {
            return None;
        }
        let (_, params) = solution.salt.split_once('?')?;
        let mut expires = None;
        let mut form = None;
        for (name, value) in url::form_urlencoded::parse(params.as_bytes()) {
            match name.as_ref() {
                "expires" => expires = value.parse::<i64>().ok(),
                "form" => form = Some(value.into_owned()),
                _ => {}
            }
        }
        let live = expires.is_some_and(|deadline| now < deadline);
        let this_form =
            form.is_some_and(|f| constant_time_eq(f.as_bytes(), self.form_tag(bound).as_bytes()));
        (live && this_form).then_some(solution.challenge)
    }
}

/// Solves `challenge` as the widget does: the payload of the `altcha` field.
/// Tests and the load bench use it; a script can too, which is the point of a
/// proof-of-work (it costs, it does not exclude).
pub fn solve(challenge: &Challenge) -> Option<String> {
    let number =
        (0..=challenge.maxnumber).find(|n| digest(&challenge.salt, *n) == challenge.challenge)?;
    let payload = serde_json::json!({
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "number": number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    });
    Some(STANDARD.encode(payload.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ephemeral::memory::MemoryStore;

    const NOW: UnixTime = 1_800_000_000;

    #[tokio::test]
    async fn a_solved_challenge_passes_its_form_once() {
        let pow = Pow::new(b"secret");
        let store = MemoryStore::new();
        let challenge = pow.challenge(&pow.form_tag("login:tx1"), NOW);
        let payload = solve(&challenge).unwrap();
        assert!(
            pow.solved(&store, &payload, "login:tx1", NOW + 5)
                .await
                .unwrap()
        );
        assert!(
            !pow.solved(&store, &payload, "login:tx1", NOW + 6)
                .await
                .unwrap(),
            "a replay is refused"
        );
    }

    #[tokio::test]
    async fn another_form_an_expired_or_a_forged_solution_fails() {
        let pow = Pow::new(b"secret");
        let store = MemoryStore::new();
        let challenge = pow.challenge(&pow.form_tag("login:tx1"), NOW);
        let payload = solve(&challenge).unwrap();
        assert!(
            !pow.solved(&store, &payload, "login:tx2", NOW)
                .await
                .unwrap()
        );
        assert!(
            !pow.solved(&store, &payload, "login:tx1", NOW + POW_SECS)
                .await
                .unwrap()
        );
        // Signed by another key.
        let other = Pow::new(b"other").challenge(&pow.form_tag("login:tx1"), NOW);
        let forged = solve(&other).unwrap();
        assert!(!pow.solved(&store, &forged, "login:tx1", NOW).await.unwrap());
        // A made-up challenge with a number that fits it, unsigned.
        let salt = format!("x?expires={}&form={}", NOW + 60, pow.form_tag("login:tx1"));
        let made_up = Challenge {
            algorithm: "SHA-256".into(),
            challenge: digest(&salt, 1),
            maxnumber: 1,
            salt,
            signature: "00".into(),
        };
        let payload = solve(&made_up).unwrap();
        assert!(
            !pow.solved(&store, &payload, "login:tx1", NOW)
                .await
                .unwrap()
        );
        for junk in ["", "not base64!", "e30=", &"A".repeat(5000)] {
            assert!(
                !pow.solved(&store, junk, "login:tx1", NOW).await.unwrap(),
                "{junk:.20}"
            );
        }
        // The genuine one still works: failures spent nothing.
        let payload = solve(&challenge).unwrap();
        assert!(
            pow.solved(&store, &payload, "login:tx1", NOW)
                .await
                .unwrap()
        );
    }

    #[test]
    fn a_challenge_names_its_deadline_and_form_and_hides_a_number_in_range() {
        let pow = Pow::new(b"secret");
        let challenge = pow.challenge("tag", NOW);
        assert!(
            challenge
                .salt
                .contains(&format!("expires={}", NOW + POW_SECS))
        );
        assert!(challenge.salt.ends_with("&form=tag"));
        assert_eq!(challenge.maxnumber, MAX_NUMBER);
        assert!(solve(&challenge).is_some());
    }
}
