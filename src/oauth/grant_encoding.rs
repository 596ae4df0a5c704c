//! The compact encoding of an access token's record ([`AccessGrant`]) in the
//! ephemeral store.
//!
//! Access tokens are the most numerous live records (each lives ten minutes and
//! every code exchange and refresh makes one). As JSON a record was ~460 bytes,
//! a third of them field names repeated in every record, and its pairwise `sub`
//! written twice as 64 hex digits; with the in-process store's own bookkeeping a
//! live token cost ~900 bytes of memory. This encoding keeps only the values:
//!
//! ```text
//! 0xA7                      marker (never `{`: a JSON record of an earlier
//!                           version still reads)
//! str client_id
//! hex sub                   1 and 32 bytes when 64 lower-case hex digits, else 0 and str
//! u8 scope                  bits over SCOPE_NAMES, or 0x80 and str (space-separated)
//! n × claim                 varint n, then per userinfo claim, in order:
//!   u8 name                 index in CLAIM_NAMES + 1, or 0 and str name
//!   u8 kind, value          0 str | 1 the same as `sub` | 2 str of other JSON
//!                           | 3 u8 i, u8 j: claim i, a space, claim j (earlier
//!                           string claims: `name` is `given_name family_name`)
//! opt jkt, u8 jwt_userinfo
//! sid                       0 absent | 1 str | 2 and 16 bytes (22 base64url digits)
//! zigzag issued_at, zigzag lifetime
//! ```
//!
//! where `str` is a varint length and UTF-8 bytes and `opt` is 0, or 1 and a
//! `str`. [`CLAIM_NAMES`] and [`SCOPE_NAMES`] only ever grow at their end, so
//! records written by an earlier version keep their meaning.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use super::grants::AccessGrant;
use crate::domain::Scopes;
use crate::store::ephemeral::EphemeralError;
use crate::store::ephemeral::keys::Codec;

/// The [`Codec`] of the access-token space.
pub struct CompactGrant;

impl Codec<AccessGrant> for CompactGrant {
    fn encode(_key: &str, value: &AccessGrant) -> Result<Vec<u8>, EphemeralError> {
        Ok(encode(value))
    }

    fn decode(_key: &str, bytes: &[u8]) -> Result<AccessGrant, EphemeralError> {
        // The message names what is wrong, never a value of the record.
        decode(bytes).map_err(|e| EphemeralError::Backend(e.to_string()))
    }
}

/// The first byte of a compact record.
const MARKER: u8 = 0xA7;

/// Claim names written as one byte (their index + 1). Append only.
const CLAIM_NAMES: [&str; 9] = [
    "sub",
    "name",
    "given_name",
    "family_name",
    "first_surname",
    "second_surname",
    "email",
    "phone_number",
    "nif",
];

/// Scope names written as one bit each (bit `i` for name `i`). Append only,
/// at most seven.
const SCOPE_NAMES: [&str; 6] = [
    "openid",
    "profile",
    "email",
    "phone",
    "nif",
    "offline_access",
];

/// The scope byte that says the scopes follow as text.
const SCOPE_AS_TEXT: u8 = 0x80;

/// Why a stored record could not be read.
#[derive(Debug, thiserror::Error)]
#[error("a stored access token record is malformed ({0})")]
pub struct Malformed(&'static str);

/// `grant` in the compact encoding.
pub fn encode(grant: &AccessGrant) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(192));
    out.byte(MARKER);
    out.str(&grant.client_id);
    out.hex(&grant.sub);
    out.scope(grant.scope);
    out.varint(grant.userinfo.len() as u64);
    // The string claims written so far, by position, for claims made of two.
    let mut written: Vec<Option<&str>> = Vec::with_capacity(grant.userinfo.len());
    for (name, value) in &grant.userinfo {
        match CLAIM_NAMES.iter().position(|known| *known == name.as_str()) {
            Some(index) => out.byte(index as u8 + 1),
            None => {
                out.byte(0);
                out.str(name);
            }
        }
        match value {
            Value::String(text) if *text == grant.sub => out.byte(1),
            Value::String(text) => match joined_from(&written, text) {
                Some((i, j)) => {
                    out.byte(3);
                    out.byte(i);
                    out.byte(j);
                }
                None => {
                    out.byte(0);
                    out.str(text);
                }
            },
            other => {
                out.byte(2);
                out.str(&other.to_string());
            }
        }
        written.push(value.as_str());
    }
    out.opt(grant.jkt.as_deref());
    out.byte(u8::from(grant.jwt_userinfo));
    out.sid(grant.sid.as_deref());
    out.zigzag(grant.issued_at);
    out.zigzag(grant.expires_at.wrapping_sub(grant.issued_at));
    out.0
}

/// Reads a record written by [`encode`] or, from an earlier version, as JSON.
pub fn decode(bytes: &[u8]) -> Result<AccessGrant, Malformed> {
    if bytes.first() != Some(&MARKER) {
        return serde_json::from_slice(bytes).map_err(|_| Malformed("not JSON either"));
    }
    let mut input = Reader(&bytes[1..]);
    let client_id = input.string()?;
    let sub = input.hex()?;
    let scope = input.scope()?;
    let count = input.varint()?;
    let mut userinfo = Map::new();
    let mut strings: Vec<Option<String>> = Vec::new();
    for _ in 0..count {
        let name = match input.byte()? {
            0 => input.string()?,
            code => CLAIM_NAMES
                .get(usize::from(code) - 1)
                .ok_or(Malformed("unknown claim name"))?
                .to_string(),
        };
        let value = match input.byte()? {
            0 => Value::String(input.string()?),
            1 => Value::String(sub.clone()),
            2 => serde_json::from_str(&input.string()?).map_err(|_| Malformed("claim value"))?,
            3 => {
                let first = input.part(&strings)?;
                let second = input.part(&strings)?;
                Value::String(format!("{first} {second}"))
            }
            _ => return Err(Malformed("unknown claim kind")),
        };
        strings.push(value.as_str().map(str::to_owned));
        userinfo.insert(name, value);
    }
    let jkt = input.opt()?;
    let jwt_userinfo = match input.byte()? {
        0 => false,
        1 => true,
        _ => return Err(Malformed("flag")),
    };
    let sid = input.sid()?;
    let issued_at = input.zigzag()?;
    let expires_at = issued_at.wrapping_add(input.zigzag()?);
    if !input.0.is_empty() {
        return Err(Malformed("trailing bytes"));
    }
    Ok(AccessGrant {
        client_id,
        sub,
        scope,
        userinfo,
        jkt,
        jwt_userinfo,
        sid,
        issued_at,
        expires_at,
    })
}

/// The positions of two earlier string claims that make `text` joined by a
/// space, if any do.
fn joined_from(written: &[Option<&str>], text: &str) -> Option<(u8, u8)> {
    let limit = written.len().min(usize::from(u8::MAX));
    for (i, first) in written[..limit].iter().enumerate() {
        let Some(rest) = first.and_then(|first| text.strip_prefix(first)?.strip_prefix(' ')) else {
            continue;
        };
        if let Some(j) = written[..limit]
            .iter()
            .position(|second| *second == Some(rest))
        {
            return Some((i as u8, j as u8));
        }
    }
    None
}

/// The bits of `scope` over [`SCOPE_NAMES`], if every one of its scopes has one.
fn scope_bits(scope: Scopes) -> Option<u8> {
    let mut bits = 0u8;
    for known in scope.iter() {
        let index = SCOPE_NAMES
            .iter()
            .position(|name| *name == known.as_str())?;
        bits |= 1 << index;
    }
    Some(bits)
}

struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, byte: u8) {
        self.0.push(byte);
    }

    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }

    fn zigzag(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }

    fn str(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn opt(&mut self, text: Option<&str>) {
        match text {
            None => self.byte(0),
            Some(text) => {
                self.byte(1);
                self.str(text);
            }
        }
    }

    fn scope(&mut self, scope: Scopes) {
        match scope_bits(scope) {
            Some(bits) => self.byte(bits),
            None => {
                self.byte(SCOPE_AS_TEXT);
                self.str(&scope.to_string());
            }
        }
    }

    /// A session id of 16 random bytes in base64url (`random_token(16)`) as the
    /// bytes, anything else as text.
    fn sid(&mut self, sid: Option<&str>) {
        let Some(sid) = sid else {
            self.byte(0);
            return;
        };
        match URL_SAFE_NO_PAD.decode(sid) {
            Ok(bytes) if bytes.len() == 16 && URL_SAFE_NO_PAD.encode(&bytes) == sid => {
                self.byte(2);
                self.0.extend_from_slice(&bytes);
            }
            _ => {
                self.byte(1);
                self.str(sid);
            }
        }
    }

    /// 64 lower-case hex digits as their 32 bytes (a SHA-256 or HMAC), else text.
    fn hex(&mut self, text: &str) {
        let digits = text.as_bytes();
        let is_hex = digits.len() == 64
            && digits
                .iter()
                .all(|d| matches!(d, b'0'..=b'9' | b'a'..=b'f'));
        if !is_hex {
            self.byte(0);
            self.str(text);
            return;
        }
        self.byte(1);
        for pair in digits.chunks_exact(2) {
            self.0.push((nibble(pair[0]) << 4) | nibble(pair[1]));
        }
    }
}

fn nibble(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        _ => digit - b'a' + 10,
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Result<&[u8], Malformed> {
        if self.0.len() < len {
            return Err(Malformed("truncated"));
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, Malformed> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<u64, Malformed> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Malformed("varint too long"))
    }

    fn zigzag(&mut self) -> Result<i64, Malformed> {
        let raw = self.varint()?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    fn string(&mut self) -> Result<String, Malformed> {
        let len = usize::try_from(self.varint()?).map_err(|_| Malformed("length"))?;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| Malformed("not UTF-8"))
    }

    fn scope(&mut self) -> Result<Scopes, Malformed> {
        match self.byte()? {
            SCOPE_AS_TEXT => Ok(Scopes::parse_known(&self.string()?)),
            bits if bits < SCOPE_AS_TEXT => {
                let names: Vec<&str> = SCOPE_NAMES
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| bits & (1 << index) != 0)
                    .map(|(_, name)| *name)
                    .collect();
                Ok(Scopes::parse_known(&names.join(" ")))
            }
            _ => Err(Malformed("scope")),
        }
    }

    fn sid(&mut self) -> Result<Option<String>, Malformed> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            2 => Ok(Some(URL_SAFE_NO_PAD.encode(self.take(16)?))),
            _ => Err(Malformed("session id")),
        }
    }

    /// An earlier string claim, by the position that follows.
    fn part<'s>(&mut self, strings: &'s [Option<String>]) -> Result<&'s str, Malformed> {
        let index = usize::from(self.byte()?);
        strings
            .get(index)
            .and_then(Option::as_deref)
            .ok_or(Malformed("claim part"))
    }

    fn opt(&mut self) -> Result<Option<String>, Malformed> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            _ => Err(Malformed("option")),
        }
    }

    fn hex(&mut self) -> Result<String, Malformed> {
        match self.byte()? {
            0 => self.string(),
            1 => {
                const DIGITS: &[u8; 16] = b"0123456789abcdef";
                let bytes = self.take(32)?;
                let mut text = String::with_capacity(64);
                for byte in bytes {
                    text.push(char::from(DIGITS[usize::from(byte >> 4)]));
                    text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
                }
                Ok(text)
            }
            _ => Err(Malformed("subject")),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    fn grant() -> AccessGrant {
        let sub = "4f1c0c7e0b3c54a8c5a4de8f11a3b6f0a0f9d8e7c6b5a4938271605f4e3d2c1b".to_owned();
        let userinfo = json!({
            "email": "maria@example.es",
            "family_name": "García López",
            "first_surname": "García",
            "given_name": "María",
            "name": "María García López",
            "second_surname": "López",
            "sub": sub,
        });
        AccessGrant {
            client_id: "sede".into(),
            sub,
            scope: Scopes::parse_known("openid profile email"),
            userinfo: userinfo.as_object().cloned().unwrap_or_default(),
            jkt: None,
            jwt_userinfo: false,
            sid: Some("Qm9uZGlhLCBtdW5kbyE".into()),
            issued_at: 1_790_000_000,
            expires_at: 1_790_000_600,
        }
    }

    fn same(a: &AccessGrant, b: &AccessGrant) -> bool {
        serde_json::to_string(a).ok() == serde_json::to_string(b).ok()
    }

    #[test]
    fn a_record_reads_back_as_it_was_written_claims_in_their_order() {
        let written = grant();

        let read = decode(&encode(&written)).unwrap();

        assert!(same(&read, &written));
        let names: Vec<&String> = read.userinfo.keys().collect();
        assert_eq!(names, written.userinfo.keys().collect::<Vec<_>>());
    }

    #[test]
    fn a_record_is_less_than_half_its_json() {
        let grant = grant();
        let compact = encode(&grant).len();
        let json = serde_json::to_vec(&grant).unwrap().len();
        assert!(compact * 2 < json, "{compact} bytes against {json} as JSON");
    }

    #[test]
    fn a_json_record_of_an_earlier_version_still_reads() {
        let written = grant();
        let json = serde_json::to_vec(&written).unwrap();
        assert!(same(&decode(&json).unwrap(), &written));
    }

    #[test]
    fn unknown_claims_other_values_a_bound_key_and_a_text_subject_survive() {
        let mut written = grant();
        written.sub = "not-hex".into();
        written
            .userinfo
            .insert("custom".into(), json!({"a": [1, 2]}));
        written
            .userinfo
            .insert("email_verified".into(), json!(true));
        written.jkt = Some("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I".into());
        written.jwt_userinfo = true;
        written.sid = None;
        written.expires_at = written.issued_at - 5;

        assert!(same(&decode(&encode(&written)).unwrap(), &written));
    }

    #[test]
    fn truncated_or_extended_records_are_refused() {
        let bytes = encode(&grant());
        for len in 1..bytes.len() {
            assert!(decode(&bytes[..len]).is_err(), "{len} bytes");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert!(decode(b"").is_err());
    }

    #[test]
    fn every_scope_has_its_bit_and_names_made_of_two_claims_are_written_as_two_positions() {
        let mut written = grant();
        written.scope = Scopes::parse_known("openid profile email phone nif offline_access");
        assert_eq!(written.scope.iter().count(), SCOPE_NAMES.len());
        assert!(scope_bits(written.scope).is_some());
        let bytes = encode(&written);
        assert!(same(&decode(&bytes).unwrap(), &written));
        let name = "María García López".as_bytes();
        assert!(
            !bytes.windows(name.len()).any(|w| w == name),
            "name is two earlier claims (given_name, family_name) joined"
        );
    }

    #[test]
    fn the_claim_table_only_grows_at_its_end() {
        // Records in a shared store outlive a deployment: these codes are fixed.
        assert_eq!(
            &CLAIM_NAMES[..9],
            [
                "sub",
                "name",
                "given_name",
                "family_name",
                "first_surname",
                "second_surname",
                "email",
                "phone_number",
                "nif",
            ]
        );
        assert_eq!(
            &SCOPE_NAMES[..6],
            [
                "openid",
                "profile",
                "email",
                "phone",
                "nif",
                "offline_access"
            ]
        );
    }

    proptest! {
        #[test]
        fn any_strings_and_times_round_trip(
            client_id in ".{0,40}",
            sub in "[0-9a-f]{64}|.{0,70}",
            value in ".{0,200}",
            name in "[a-z_]{1,20}",
            issued_at in any::<i64>(),
            expires_at in any::<i64>(),
        ) {
            let mut written = grant();
            written.client_id = client_id;
            written.sub = sub;
            written.userinfo.insert(name, Value::String(value));
            written.issued_at = issued_at;
            written.expires_at = expires_at;

            let read = decode(&encode(&written)).unwrap();

            prop_assert!(same(&read, &written));
        }

        #[test]
        fn no_input_makes_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut marked = vec![MARKER];
            marked.extend_from_slice(&bytes);
            let _ = decode(&marked);
            let _ = decode(&bytes);
        }
    }
}
