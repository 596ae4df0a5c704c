//! Sealing secrets at rest: AES-256-GCM under a key-encryption key (KEK).
//!
//! Private JWKs live in the shared database so every instance can sign. Sealing them
//! with a KEK that comes from settings (not from the database) means a database dump
//! alone does not yield the signing keys. The sealed form is a compact JWE with
//! `alg: dir` and `enc: A256GCM` (RFC 7516/7518): a standard, self-describing format
//! with a random 96-bit IV per seal and an authentication tag, so tampering or a wrong
//! KEK is detected on [`open`] rather than producing garbage.
//!
//! A `kid` header carries a short fingerprint of the KEK (not the KEK), so an operator
//! who rotates the KEK gets a clear "sealed under another key" error.

use josekit::jwe::{self, Dir, JweHeader};

use super::keys::KeyError;
use super::tokens::hmac_sha256_hex;

/// Seals `plaintext` under `kek`; the result is a compact JWE string.
pub fn seal(kek: &[u8; 32], plaintext: &str) -> Result<String, KeyError> {
    let mut header = JweHeader::new();
    header.set_content_encryption("A256GCM");
    header.set_key_id(kek_fingerprint(kek));
    let encrypter = Dir
        .encrypter_from_bytes(kek)
        .map_err(|e| KeyError::Seal(e.to_string()))?;
    jwe::serialize_compact(plaintext.as_bytes(), &header, &encrypter)
        .map_err(|e| KeyError::Seal(e.to_string()))
}

/// Opens a value made by [`seal`]; fails if the KEK is wrong or the value was altered.
pub fn open(kek: &[u8; 32], sealed: &str) -> Result<String, KeyError> {
    let decrypter = Dir
        .decrypter_from_bytes(kek)
        .map_err(|e| KeyError::Seal(e.to_string()))?;
    let (plaintext, header) =
        jwe::deserialize_compact(sealed, &decrypter).map_err(|e| KeyError::Seal(e.to_string()))?;
    if header.content_encryption() != Some("A256GCM") {
        return Err(KeyError::Seal("sealed value does not use A256GCM".into()));
    }
    String::from_utf8(plaintext).map_err(|_| KeyError::Seal("sealed value is not UTF-8".into()))
}

/// A short, non-reversible label for a KEK (first 8 hex digits of an HMAC under it).
fn kek_fingerprint(kek: &[u8; 32]) -> String {
    let mut mac = hmac_sha256_hex(kek, b"clave-idp kek fingerprint");
    mac.truncate(8);
    mac
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEK: [u8; 32] = [42; 32];

    #[test]
    fn a_sealed_value_opens_with_the_same_key() {
        let secret = r#"{"kty":"EC","d":"secret"}"#;
        let sealed = seal(&KEK, secret).unwrap();
        assert!(!sealed.contains("secret"));
        assert_eq!(sealed.split('.').count(), 5, "compact JWE");
        assert_eq!(open(&KEK, &sealed).unwrap(), secret);
    }

    #[test]
    fn sealing_twice_gives_different_ciphertexts() {
        assert_ne!(seal(&KEK, "same").unwrap(), seal(&KEK, "same").unwrap());
    }

    #[test]
    fn a_wrong_key_or_a_tampered_value_does_not_open() {
        let sealed = seal(&KEK, "private jwk").unwrap();
        assert!(matches!(open(&[7; 32], &sealed), Err(KeyError::Seal(_))));

        let mut parts: Vec<String> = sealed.split('.').map(str::to_owned).collect();
        let last = parts[3].pop().unwrap();
        parts[3].push(if last == 'A' { 'B' } else { 'A' });
        assert!(open(&KEK, &parts.join(".")).is_err());
        assert!(open(&KEK, "garbage").is_err());
    }
}
