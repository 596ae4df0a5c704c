//! The key-encryption key: private signing keys and the provider-wide secrets
//! (the CSRF, OTP and pairwise-subject keys) are sealed with it (AES-256-GCM,
//! `crypto::seal`) before they reach the database, so a database dump alone
//! signs nothing, forges no form and links no subject to a DNI/NIE.
//!
//! It comes from `CLAVE_KEY_ENCRYPTION_KEY` (32 bytes, base64url or hex) or from
//! the file named by `CLAVE_KEY_ENCRYPTION_KEY_FILE`. The production profile
//! refuses to start without one; the development profile makes one under `data/`
//! the first time and says so, so `cargo run -- serve` works with no settings.

use std::path::Path;

use anyhow::{Context as _, bail};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::clock::UnixTime;
use crate::settings::{Profile, Settings};
use crate::store::sql::SqlStore;

/// Where the development profile keeps the key it made, under `CLAVE_DATA_DIR`.
pub const DEVELOPMENT_KEY_FILE: &str = "data/key-encryption.key";

/// A 256-bit key-encryption key. Debug never shows it.
#[derive(Clone)]
pub struct Kek([u8; 32]);

impl std::fmt::Debug for Kek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kek(***)")
    }
}

impl Kek {
    /// The key bytes.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The provider-wide secret `name` (32 random bytes, base64url), made by
    /// whichever instance asks first and stored sealed under this key. A value
    /// stored in clear by an earlier version is sealed in place on first read.
    pub async fn shared_secret(
        &self,
        db: &SqlStore,
        name: &str,
        now: UnixTime,
    ) -> anyhow::Result<String> {
        let candidate = crate::crypto::random_token(32);
        let sealed = crate::crypto::seal::seal(&self.0, &candidate)
            .map_err(|e| anyhow::anyhow!("cannot seal the secret {name}: {e}"))?;
        let stored = db.secret_or_insert(name, &sealed, now).await?;
        if !looks_sealed(&stored) {
            let sealed = crate::crypto::seal::seal(&self.0, &stored)
                .map_err(|e| anyhow::anyhow!("cannot seal the secret {name}: {e}"))?;
            db.reseal_secret(name, &stored, &sealed).await?;
            return Ok(stored);
        }
        crate::crypto::seal::open(&self.0, &stored).map_err(|e| {
            anyhow::anyhow!(
                "the stored secret {name} does not open with this key-encryption key \
                 (CLAVE_KEY_ENCRYPTION_KEY changed?): {e}"
            )
        })
    }

    /// Parses 32 bytes written as base64url (43 characters) or hex (64).
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|e| e.to_string())?
        } else {
            URL_SAFE_NO_PAD
                .decode(text.trim_end_matches('='))
                .map_err(|_| "not base64url or hex".to_owned())?
        };
        let array: [u8; 32] = bytes
            .try_into()
            .map_err(|v: Vec<u8>| format!("{} bytes, 32 needed", v.len()))?;
        Ok(Self(array))
    }

    /// A fresh random key, written as base64url.
    pub fn generate() -> String {
        let mut bytes = [0u8; 32];
        rand::fill(&mut bytes[..]);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The key the settings name, or the development key under `data/` of
    /// `CLAVE_DATA_DIR`.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        if let Some(text) = &settings.key_encryption_key {
            return Self::parse(text)
                .map_err(|e| anyhow::anyhow!("invalid setting CLAVE_KEY_ENCRYPTION_KEY: {e}"));
        }
        if let Some(path) = &settings.key_encryption_key_file {
            return Self::read(path)
                .with_context(|| "invalid setting CLAVE_KEY_ENCRYPTION_KEY_FILE".to_owned());
        }
        if settings.profile == Profile::Production {
            bail!(
                "the production profile needs a key-encryption key for the signing keys: \
                 set CLAVE_KEY_ENCRYPTION_KEY (32 bytes, base64url or hex) or CLAVE_KEY_ENCRYPTION_KEY_FILE"
            );
        }
        let path = settings.data_dir.join(DEVELOPMENT_KEY_FILE);
        if path.exists() {
            return Self::read(&path);
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        write_private(&path, &Self::generate())?;
        tracing::warn!(
            path = %path.display(),
            "made a development key-encryption key; production needs CLAVE_KEY_ENCRYPTION_KEY"
        );
        Self::read(&path)
    }

    fn read(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Self::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }
}

#[cfg(unix)]
/// A compact JWE has five dot-separated parts; a secret stored in clear (base64url)
/// has no dot.
fn looks_sealed(value: &str) -> bool {
    value.split('.').count() == 5
}

fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("cannot create {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_parses_from_base64url_or_hex_and_nothing_else() {
        let generated = Kek::generate();
        assert!(Kek::parse(&generated).is_ok());
        assert!(Kek::parse(&"ab".repeat(32)).is_ok());
        assert!(Kek::parse("short").is_err());
        assert!(Kek::parse(&URL_SAFE_NO_PAD.encode([0u8; 16])).is_err());
    }

    #[test]
    fn debug_hides_the_key() {
        assert_eq!(
            format!("{:?}", Kek::parse(&"ab".repeat(32)).unwrap()),
            "Kek(***)"
        );
    }

    #[test]
    fn production_without_a_key_is_refused_with_the_settings_named() {
        let settings = Settings {
            profile: Profile::Production,
            ..Settings::default()
        };
        let error = Kek::from_settings(&settings).unwrap_err().to_string();
        assert!(error.contains("CLAVE_KEY_ENCRYPTION_KEY"), "{error}");
    }

    #[test]
    fn a_key_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kek");
        std::fs::write(&path, format!("{}\n", Kek::generate())).unwrap();
        let settings = Settings {
            key_encryption_key_file: Some(path),
            ..Settings::default()
        };
        assert!(Kek::from_settings(&settings).is_ok());
    }
}
