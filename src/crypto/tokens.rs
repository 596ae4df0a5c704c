//! Random secrets and their hashes.
//!
//! Access and refresh tokens, authorization codes, client secrets, CSRF tokens and
//! activation codes are drawn here from the operating system's CSPRNG (through
//! `rand`'s thread-local ChaCha generator, seeded and reseeded from the OS) and
//! encoded as unpadded base64url, so they only contain `[A-Za-z0-9_-]` and travel
//! unescaped in URLs, forms and `client_secret_basic` headers.
//!
//! **Why a fast hash is right for stored tokens.** Passwords are low-entropy and need a
//! slow, memory-hard hash (argon2id, see [`super::password`]) to resist guessing. A
//! token of 32 random bytes has 256 bits of entropy: nobody can enumerate it, fast hash
//! or not, so a plain SHA-256 gives the same protection as argon2 at a millionth of the
//! cost. Storing only the hash means a database leak does not hand out live tokens, and
//! lookups stay indexable (the hash is deterministic, unlike a salted one).
//!
//! Low-entropy secrets (six-digit OTPs) are different: a bare SHA-256 of a 6-digit code
//! is reversed by trying all 10^6 values. Those are hashed with [`hmac_sha256_hex`]
//! under a server-side pepper and bound to their flow (key = pepper,
//! message = flow id || code), so a leaked ephemeral store reveals nothing usable
//! without the pepper, and a code cannot be replayed in another flow.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::Rng as _;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A fresh random token of `bytes` random bytes, base64url without padding.
///
/// Use at least 16 bytes (128 bits) for anything that authenticates; 32 is the
/// provider's default for tokens and secrets.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(&buf)
}

/// Hex SHA-256 of a high-entropy token, the form in which tokens are stored and looked up.
pub fn hash_token(token: &str) -> String {
    to_hex(&Sha256::digest(token.as_bytes()))
}

/// Compares two byte strings in time that depends only on their lengths, never on
/// where they first differ (so a secret cannot be guessed byte by byte from timing).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// Hex HMAC-SHA-256 of `msg` under `key`.
///
/// Used for pairwise subject identifiers (key = sector pepper,
/// msg = sector identifier || citizen id; OIDC Core §8.1) and for hashing OTPs bound to
/// a flow. Callers that concatenate several fields must separate them unambiguously
/// (a length prefix or a separator that cannot occur in the fields).
pub fn hmac_sha256_hex(key: &[u8], msg: &[u8]) -> String {
    // HMAC takes keys of any length (RFC 2104 §2: longer keys are hashed first), so
    // `new_from_slice` cannot fail for `Hmac<Sha256>`.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(msg);
    to_hex(&mac.finalize().into_bytes())
}

/// Lower-case hexadecimal, two characters per byte.
fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn random_tokens_use_only_the_url_safe_alphabet() {
        for _ in 0..200 {
            let token = random_token(32);
            assert!(
                token
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
                "unexpected character in {token}"
            );
        }
    }

    #[test]
    fn random_tokens_encode_every_byte_without_padding() {
        assert_eq!(random_token(32).len(), 43);
        assert_eq!(random_token(16).len(), 22);
        assert_eq!(random_token(3).len(), 4);
        assert_eq!(random_token(0), "");
    }

    #[test]
    fn random_tokens_do_not_repeat_and_decode_to_the_requested_length() {
        let tokens: HashSet<String> = (0..1000).map(|_| random_token(16)).collect();
        assert_eq!(tokens.len(), 1000);
        for token in tokens.iter().take(10) {
            assert_eq!(URL_SAFE_NO_PAD.decode(token).unwrap().len(), 16);
        }
    }

    #[test]
    fn random_token_bits_are_roughly_balanced() {
        let raw = URL_SAFE_NO_PAD.decode(random_token(4096)).unwrap();
        let ones: u32 = raw.iter().map(|b| b.count_ones()).sum();
        let total = 4096 * 8;
        // Expected 16384 ± 128 (one standard deviation); 8 sigmas of slack.
        assert!(
            ones.abs_diff(total / 2) < 1024,
            "{ones} ones out of {total}"
        );
    }

    #[test]
    fn hash_token_is_deterministic_hex_sha256() {
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(hash_token("token"), hash_token("token"));
    }

    #[test]
    fn different_tokens_have_different_hashes() {
        assert_ne!(hash_token("token-a"), hash_token("token-b"));
    }

    #[test]
    fn constant_time_eq_tells_equal_from_different_and_different_lengths() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret!"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn hmac_matches_the_rfc_4231_test_vector() {
        // RFC 4231 test case 2.
        assert_eq!(
            hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn hmac_depends_on_both_key_and_message() {
        let base = hmac_sha256_hex(b"key", b"sector|12345678Z");
        assert_eq!(base, hmac_sha256_hex(b"key", b"sector|12345678Z"));
        assert_ne!(base, hmac_sha256_hex(b"other", b"sector|12345678Z"));
        assert_ne!(base, hmac_sha256_hex(b"key", b"sector|X1234567L"));
        assert_eq!(hmac_sha256_hex(&[7u8; 200], b"long keys work").len(), 64);
    }
}
