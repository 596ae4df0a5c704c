//! The in-memory key ring: signers, verifiers and the published JWKS.
//!
//! Parsing a JWK and building an OpenSSL key costs far more than a signature, so the
//! ring builds every signer and verifier ONCE per load and the JWKS document once; the
//! request path only borrows them. The ring is immutable: the server holds it behind
//! an `Arc`, and swaps in a freshly loaded one when keys change (after `keys rotate`)
//! or at [`KeyRing::next_refresh_at`], when a scheduled key starts signing or retires.
//!
//! Rotation (`docs/architecture.md`, "Keys"): a key is published from creation until `retires_at`
//! and signs from `activates_at`, so a new key appears in the JWKS before it signs
//! and relying parties that cache the JWKS never see an unknown `kid`. Per algorithm,
//! the newest key that may sign at load time is the signer.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use josekit::jwk::Jwk;
use josekit::jws::{ES256, JwsHeader, JwsSigner, JwsVerifier, PS256, RS256};
use josekit::jwt;
use serde_json::{Map, Value};

use super::keys::{KeyAlg, KeyError, StoredKey, public_jwk};

/// One parsed key: its signer, its verifier and its public JWK.
type Built = (Box<dyn JwsSigner>, Box<dyn JwsVerifier>, Jwk);

/// The best signer found so far for an algorithm, ranked by (activates_at, position).
struct Candidate {
    rank: (i64, usize),
    kid: String,
    signer: Box<dyn JwsSigner>,
}

/// Signers and verifiers for the keys published at load time.
pub struct KeyRing {
    signers: BTreeMap<KeyAlg, (String, Box<dyn JwsSigner>)>,
    verifiers: HashMap<String, Box<dyn JwsVerifier>>,
    jwks_json: String,
    next_refresh_at: Option<i64>,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let signing: BTreeMap<KeyAlg, &str> = self
            .signers
            .iter()
            .map(|(alg, (kid, _))| (*alg, kid.as_str()))
            .collect();
        f.debug_struct("KeyRing")
            .field("signing", &signing)
            .field("published", &self.published_kids())
            .field("next_refresh_at", &self.next_refresh_at)
            .finish()
    }
}

impl KeyRing {
    /// Builds the ring from the stored keys as of `now` (unix seconds).
    ///
    /// Retired keys are left out. Every published key must parse and fit its algorithm
    /// (including keys that will only sign later), so a broken key fails the load
    /// instead of the first login after its activation. Key ids must be unique.
    pub fn load(keys: Vec<StoredKey>, now: i64) -> Result<KeyRing, KeyError> {
        let mut seen = std::collections::HashSet::new();
        for key in &keys {
            if !seen.insert(key.material.kid.as_str()) {
                return Err(KeyError::DuplicateKid(key.material.kid.clone()));
            }
        }

        let mut verifiers = HashMap::new();
        let mut jwks = Vec::new();
        // Per algorithm, the newest key that may sign now.
        let mut chosen: BTreeMap<KeyAlg, Candidate> = BTreeMap::new();
        let mut next_refresh_at: Option<i64> = None;

        for (position, key) in keys.into_iter().enumerate() {
            if !key.is_published(now) {
                continue;
            }
            for at in [Some(key.activates_at), key.retires_at]
                .into_iter()
                .flatten()
            {
                if at > now {
                    next_refresh_at = Some(next_refresh_at.map_or(at, |t| t.min(at)));
                }
            }
            let (signer, verifier, public) = build(&key)?;
            let kid = key.material.kid.clone();
            let rank = (key.activates_at, position);
            if key.can_sign(now)
                && chosen
                    .get(&key.material.alg)
                    .is_none_or(|best| rank > best.rank)
            {
                let kid = kid.clone();
                chosen.insert(key.material.alg, Candidate { rank, kid, signer });
            }
            verifiers.insert(kid, verifier);
            jwks.push(Value::Object(public.into()));
        }

        let jwks_json = serde_json::json!({ "keys": jwks }).to_string();
        let signers = chosen
            .into_iter()
            .map(|(alg, best)| (alg, (best.kid, best.signer)))
            .collect();
        Ok(KeyRing {
            signers,
            verifiers,
            jwks_json,
            next_refresh_at,
        })
    }

    /// The key id and signer for `alg`: the newest active key, if any.
    pub fn signer(&self, alg: KeyAlg) -> Option<(&str, &dyn JwsSigner)> {
        self.signers
            .get(&alg)
            .map(|(kid, signer)| (kid.as_str(), signer.as_ref()))
    }

    /// The JWKS document (`{"keys":[…]}`) of every published key: public members with
    /// `kid`, `alg` and `use: sig` only. Computed once at load.
    pub fn jwks_json(&self) -> &str {
        &self.jwks_json
    }

    /// Key ids of every published key, sorted.
    pub fn published_kids(&self) -> Vec<&str> {
        let mut kids: Vec<&str> = self.verifiers.keys().map(String::as_str).collect();
        kids.sort_unstable();
        kids
    }

    /// The earliest scheduled change after load time (a key activating or retiring):
    /// the server should load a new ring then.
    pub fn next_refresh_at(&self) -> Option<i64> {
        self.next_refresh_at
    }

    /// Signs `claims` as a compact JWS with header `alg`, `kid` and `typ: JWT`.
    pub fn sign_jwt<T: serde::Serialize + ?Sized>(
        &self,
        alg: KeyAlg,
        claims: &T,
    ) -> Result<String, KeyError> {
        self.sign_typed(alg, "JWT", claims)
    }

    /// Signs `claims` as a compact JWS of type `typ` (e.g. `logout+jwt`,
    /// Back-Channel Logout 1.0 §2.4).
    pub fn sign_typed<T: serde::Serialize + ?Sized>(
        &self,
        alg: KeyAlg,
        typ: &str,
        claims: &T,
    ) -> Result<String, KeyError> {
        let (kid, signer) = self.signer(alg).ok_or(KeyError::NoSigningKey(alg))?;
        // The claims are serialised once, straight into the JWS payload (RFC 7519
        // §7.1): no intermediate map.
        let payload = serde_json::to_vec(claims).map_err(|e| KeyError::Signing(e.to_string()))?;
        let mut header = JwsHeader::new();
        header.set_token_type(typ);
        header.set_key_id(kid);
        josekit::jws::serialize_compact(&payload, &header, signer)
            .map_err(|e| KeyError::Signing(e.to_string()))
    }

    /// Checks the signature of a compact JWT made by one of the published keys (chosen
    /// by `kid`; the header `alg` must be that key's algorithm, so `none` and algorithm
    /// confusion are refused) and returns its claims. Claims are NOT validated: the
    /// caller checks `iss`, `aud`, `exp` as its use requires (e.g. `id_token_hint`
    /// accepts expired tokens, OIDC RP-Initiated Logout §2).
    pub fn verify_jwt(&self, token: &str) -> Result<Map<String, Value>, KeyError> {
        let (payload, _header) = jwt::decode_with_verifier_selector(token, |header| {
            Ok(header
                .key_id()
                .and_then(|kid| self.verifiers.get(kid))
                .map(|verifier| verifier.as_ref()))
        })
        .map_err(|e| KeyError::InvalidToken(e.to_string()))?;
        Ok(payload.into())
    }
}

/// Parses one stored key into its signer, verifier and public JWK.
fn build(key: &StoredKey) -> Result<Built, KeyError> {
    let material = &key.material;
    let invalid = |reason: String| KeyError::InvalidKey {
        kid: material.kid.clone(),
        reason,
    };
    let mut private = Jwk::from_bytes(material.private_jwk.as_bytes())
        .map_err(|e| invalid(format!("private JWK does not parse: {e}")))?;
    if let Some(alg) = private.algorithm()
        && alg != material.alg.as_str()
    {
        return Err(invalid(format!(
            "JWK alg {alg} differs from {}",
            material.alg
        )));
    }
    // The stored kid is authoritative: it is what the JWS header and JWKS carry.
    private.set_key_id(material.kid.as_str());
    // The public half is derived from the private key, never trusted from storage.
    let public = public_jwk(&private, &material.kid, material.alg)?;
    let (signer, verifier): (Box<dyn JwsSigner>, Box<dyn JwsVerifier>) = match material.alg {
        KeyAlg::Rs256 => (
            Box::new(
                RS256
                    .signer_from_jwk(&private)
                    .map_err(|e| invalid(e.to_string()))?,
            ),
            Box::new(
                RS256
                    .verifier_from_jwk(&public)
                    .map_err(|e| invalid(e.to_string()))?,
            ),
        ),
        KeyAlg::Ps256 => (
            Box::new(
                PS256
                    .signer_from_jwk(&private)
                    .map_err(|e| invalid(e.to_string()))?,
            ),
            Box::new(
                PS256
                    .verifier_from_jwk(&public)
                    .map_err(|e| invalid(e.to_string()))?,
            ),
        ),
        KeyAlg::Es256 => (
            Box::new(
                ES256
                    .signer_from_jwk(&private)
                    .map_err(|e| invalid(e.to_string()))?,
            ),
            Box::new(
                ES256
                    .verifier_from_jwk(&public)
                    .map_err(|e| invalid(e.to_string()))?,
            ),
        ),
    };
    Ok((signer, verifier, public))
}

#[cfg(test)]
#[path = "keyring_tests.rs"]
mod tests;
