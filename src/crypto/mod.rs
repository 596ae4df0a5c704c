//! Cryptography: password hashing, random tokens and their hashes, signing keys.
//!
//! Everything that touches key material or secrets lives here so that the rest of the
//! provider deals only in opaque strings (PHC hashes, token hashes, compact JWTs, JWKS
//! JSON) and never picks an algorithm or a parameter by itself.
//!
//! - [`password`]: argon2id on a bounded pool of threads off the async executor, each
//!   reusing one working area; unknown users cost a hash as known ones do; legacy
//!   bcrypt verification.
//! - [`tokens`]: CSPRNG tokens, their SHA-256 hashes for storage, HMAC, and
//!   constant-time comparison.
//! - [`keys`] and [`keyring`]: RS256/ES256 key generation and the in-memory ring of
//!   signers and verifiers built once per load, with the published JWKS.
//! - [`seal`]: AES-256-GCM sealing of private JWKs at rest under a key-encryption key.

pub mod jose;
pub mod keyring;
pub mod keys;
pub mod password;
pub mod seal;
pub mod tokens;

pub use keyring::KeyRing;
pub use keys::{KeyAlg, KeyError, KeyMaterial, StoredKey, generate_key};
pub use password::{HashError, HasherParams, PasswordHasher};
pub use seal::{open, seal};
pub use tokens::{constant_time_eq, hash_token, hmac_sha256_hex, random_token};
