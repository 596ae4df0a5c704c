//! Signing keys between the database and the in-memory [`KeyRing`].
//!
//! Keys are made here and stored in the database so every instance signs with the
//! same ones. The first start makes one active key per algorithm. A rotation adds a
//! key that is published at once but signs only from `activates_at`, so relying
//! parties that cache the JWKS see it before any token it signs; the keys it
//! supersedes stay published until the tokens they signed have expired.

use crate::clock::UnixTime;
use crate::crypto::{
    KeyAlg, KeyMaterial, KeyRing, StoredKey, generate_key, open, random_token, seal,
};
use crate::domain::AuditKind;
use crate::kek::Kek;
use crate::store::StoreError;
use crate::store::sql::{AuditEvent, SigningKeyRecord, SqlStore};

/// The longest lifetime of anything a key signs (ID tokens), plus clock skew: a
/// superseded key stays published this long after its successor starts signing.
pub const RETIRE_AFTER_SECS: i64 = 3600 + 300;

/// Makes a key of `alg` that signs from `activates_at` and stores it. When
/// `supersede` is set, the keys of the same algorithm retire once the tokens they
/// signed before `activates_at` have expired.
pub async fn add_key(
    db: &SqlStore,
    kek: &Kek,
    alg: KeyAlg,
    now: UnixTime,
    activates_at: UnixTime,
    supersede: bool,
    actor: &str,
) -> anyhow::Result<SigningKeyRecord> {
    let kid = format!("{}-{}", alg.as_str().to_lowercase(), random_token(9));
    let record = make_key(kek, alg, kid, now, activates_at)?;
    let audit = added(&record, actor, now);
    let retire_others_at = supersede.then_some(activates_at + RETIRE_AFTER_SECS);
    db.insert_key(&record, retire_others_at, &audit).await?;
    Ok(record)
}

fn make_key(
    kek: &Kek,
    alg: KeyAlg,
    kid: String,
    now: UnixTime,
    activates_at: UnixTime,
) -> anyhow::Result<SigningKeyRecord> {
    let material = generate_key(alg, kid)?;
    Ok(SigningKeyRecord {
        kid: material.kid.clone(),
        alg: alg.as_str().to_owned(),
        // Sealed at rest: a database dump alone signs nothing.
        private_jwk: seal(kek.bytes(), &material.private_jwk)?,
        public_jwk: material.public_jwk.clone(),
        created_at: now,
        activates_at,
        retires_at: None,
    })
}

fn added(record: &SigningKeyRecord, actor: &str, now: UnixTime) -> AuditEvent {
    AuditEvent::new(now, AuditKind::SigningKeyAdded, actor)
        .detail("kid", record.kid.clone())
        .detail("alg", record.alg.clone())
        .detail("activates_at", record.activates_at)
}

/// Whether a key of `alg` can sign at `now`.
pub async fn can_sign(db: &SqlStore, alg: KeyAlg, now: UnixTime) -> anyhow::Result<bool> {
    let keys = db.published_keys(now).await?;
    Ok(keys
        .iter()
        .any(|k| k.alg == alg.as_str() && k.activates_at <= now))
}

/// How far apart the clocks of instances starting together may be.
const START_CLOCK_SKEW_SECS: UnixTime = 60;

/// Makes sure each algorithm has a key that can sign now (first start).
///
/// Instances that start together on an empty database must not each make their
/// own first key (each would sign with a key the others do not publish): the
/// first key of an algorithm has a fixed id, so exactly one insert wins and every
/// instance then loads the winner's key.
pub async fn ensure_keys(db: &SqlStore, kek: &Kek, now: UnixTime) -> anyhow::Result<()> {
    for alg in KeyAlg::ALL {
        if can_sign(db, alg, now).await? {
            continue;
        }
        let first = make_key(
            kek,
            alg,
            format!("{}-first", alg.as_str().to_lowercase()),
            now,
            now,
        )?;
        match db
            .insert_key(&first, None, &added(&first, "system", now))
            .await
        {
            Ok(()) => tracing::info!(alg = alg.as_str(), "made the first signing key"),
            Err(StoreError::Conflict) => {}
            Err(other) => return Err(other.into()),
        }
        // The fixed id is taken by a key that no longer signs (all keys retired):
        // make an ordinary one. An instance whose clock runs a little behind the
        // one that won the insert sees that key activate a moment "later": it
        // still counts, or every instance starting together would add its own.
        if !can_sign(db, alg, now + START_CLOCK_SKEW_SECS).await? {
            add_key(db, kek, alg, now, now, false, "system").await?;
        }
    }
    Ok(())
}

/// Builds the key ring from the keys published at `now`.
pub async fn load_ring(db: &SqlStore, kek: &Kek, now: UnixTime) -> anyhow::Result<KeyRing> {
    let records = db.published_keys(now).await?;
    let mut keys = Vec::with_capacity(records.len());
    for record in records {
        let alg: KeyAlg = record.alg.parse().map_err(|_| {
            anyhow::anyhow!(
                "signing key {} has an unknown alg {:?}",
                record.kid,
                record.alg
            )
        })?;
        let private_jwk = open(kek.bytes(), &record.private_jwk).map_err(|e| {
            anyhow::anyhow!(
                "signing key {} cannot be unsealed ({e}): is CLAVE_KEY_ENCRYPTION_KEY the key it was sealed with?",
                record.kid
            )
        })?;
        keys.push(StoredKey {
            material: KeyMaterial {
                kid: record.kid,
                alg,
                private_jwk,
                public_jwk: record.public_jwk,
            },
            activates_at: record.activates_at,
            retires_at: record.retires_at,
        });
    }
    Ok(KeyRing::load(keys, now)?)
}
