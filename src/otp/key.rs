//! The provider-wide key that turns six-digit codes into stored hashes.
//!
//! A six-digit code has only 10⁶ values, so a bare hash of it is reversed by trying
//! them all. Codes are therefore stored as `HMAC-SHA-256(key, flow ‖ purpose ‖ code)`
//! under a key kept in the SQL database (`provider_secrets`, name `otp_key`), never in
//! the ephemeral store: a leaked Redis alone reveals no live code. Binding the flow and
//! the purpose into the MAC means a code can only ever verify in the flow and for the
//! operation it was sent for, even if records were swapped.
//!
//! The same key pseudonymises account ids in store keys (the per-account send
//! counter), so Redis key names carry no DNI/NIE.

use std::fmt;

use crate::clock::UnixTime;
use crate::crypto::tokens::hmac_sha256_hex;
use crate::domain::otp::OtpCode;
use crate::kek::Kek;
use crate::store::sql::SqlStore;

use super::OtpPurpose;

/// The secret key of the OTP hashes; load it once at start-up and share it.
#[derive(Clone)]
pub struct OtpKey(Vec<u8>);

impl OtpKey {
    /// The name of the secret in `provider_secrets`.
    pub const SECRET_NAME: &'static str = "otp_key";

    /// The provider's key, created by whichever instance asks first (32 random bytes)
    /// and shared by all of them through the database.
    pub async fn load(db: &SqlStore, kek: &Kek, now: UnixTime) -> anyhow::Result<Self> {
        let secret = kek.shared_secret(db, Self::SECRET_NAME, now).await?;
        Ok(Self::from_secret(secret))
    }

    /// A key from known bytes (tests, tools).
    pub fn from_secret(secret: impl AsRef<[u8]>) -> Self {
        Self(secret.as_ref().to_vec())
    }

    /// The stored form of `code` sent in `flow_id` for `purpose`.
    ///
    /// Fields are length-prefixed (`len:flow|purpose|code`) so no two different
    /// inputs give the same message, whatever characters a flow id holds.
    pub(crate) fn code_mac(&self, flow_id: &str, purpose: OtpPurpose, code: &OtpCode) -> String {
        let msg = format!(
            "otp:{}:{flow_id}|{}|{}",
            flow_id.len(),
            purpose.as_str(),
            code.expose()
        );
        hmac_sha256_hex(&self.0, msg.as_bytes())
    }

    /// A pseudonym of `account` for store keys (first 128 bits of its MAC).
    pub(crate) fn account_tag(&self, account: &str) -> String {
        let mut tag = hmac_sha256_hex(&self.0, format!("account:{account}").as_bytes());
        tag.truncate(32);
        tag
    }
}

impl fmt::Debug for OtpKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OtpKey([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(digits: &str) -> OtpCode {
        OtpCode::parse(digits).unwrap()
    }

    #[test]
    fn the_mac_is_deterministic_and_depends_on_every_part() {
        let key = OtpKey::from_secret("k");
        let base = key.code_mac("flow", OtpPurpose::Activation, &code("123456"));
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            key.code_mac("flow", OtpPurpose::Activation, &code("123456"))
        );
        assert_ne!(
            base,
            key.code_mac("flow", OtpPurpose::Activation, &code("123457"))
        );
        assert_ne!(
            base,
            key.code_mac("flow", OtpPurpose::Unsubscribe, &code("123456"))
        );
        assert_ne!(
            base,
            key.code_mac("flow2", OtpPurpose::Activation, &code("123456"))
        );
        assert_ne!(
            base,
            OtpKey::from_secret("k2").code_mac("flow", OtpPurpose::Activation, &code("123456"))
        );
    }

    #[test]
    fn a_flow_id_cannot_imitate_another_purpose_or_code() {
        let key = OtpKey::from_secret("k");
        // Without the length prefix "a|login" + "activation" could collide with "a".
        assert_ne!(
            key.code_mac("a|login|123456", OtpPurpose::Activation, &code("000000")),
            key.code_mac("a", OtpPurpose::Login, &code("123456"))
        );
    }

    #[test]
    fn the_account_tag_hides_the_account_and_is_stable() {
        let key = OtpKey::from_secret("k");
        let tag = key.account_tag("12345678Z");
        assert_eq!(tag.len(), 32);
        assert!(!tag.contains("12345678"));
        assert_eq!(tag, key.account_tag("12345678Z"));
        assert_ne!(tag, key.account_tag("X1234567L"));
    }

    #[test]
    fn debug_never_shows_the_key() {
        assert_eq!(
            format!("{:?}", OtpKey::from_secret("secret")),
            "OtpKey([redacted])"
        );
    }
}
