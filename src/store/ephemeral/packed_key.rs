//! Keys as the in-process store holds them.
//!
//! Most live entries are kept under the SHA-256 of a secret (`session:`,
//! `code:`, `at:`, …, see [`super::keys`]): 64 hex digits after the prefix, 67
//! to 80 bytes of text. Packed, such a key is one byte naming its space and the
//! 32 bytes of the digest; any other key stays its text. The store keeps each
//! packed key once, shared by its maps, so a token's key costs 33 bytes where it
//! cost two copies of its text.
//!
//! The forms never meet: a packed digest starts with a byte from 1 to the number
//! of spaces, text with a printable byte, and text that starts with a control
//! byte (never a key the provider makes) is stored after a 0.

use std::borrow::Cow;

use super::keys::Space;

/// A key in its packed form.
pub(super) enum Packed<'a> {
    /// One byte (the space's index in [`Space::ALL`] + 1) and the digest.
    Digest([u8; 33]),
    /// Any other key, as its text.
    Text(Cow<'a, [u8]>),
}

impl Packed<'_> {
    /// The bytes the store keeps.
    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            Packed::Digest(bytes) => bytes,
            Packed::Text(text) => text,
        }
    }
}

/// `key` packed.
pub(super) fn pack(key: &str) -> Packed<'_> {
    if let Some(space) = Space::of_key(key)
        && let Some(digits) = key.as_bytes().get(space.prefix().len() + 1..)
        && digits.len() == 64
        && digits
            .iter()
            .all(|d| matches!(d, b'0'..=b'9' | b'a'..=b'f'))
        && let Some(index) = Space::ALL.iter().position(|s| *s == space)
    {
        let mut bytes = [0u8; 33];
        bytes[0] = index as u8 + 1;
        for (byte, pair) in bytes[1..].iter_mut().zip(digits.chunks_exact(2)) {
            *byte = (nibble(pair[0]) << 4) | nibble(pair[1]);
        }
        return Packed::Digest(bytes);
    }
    match key.as_bytes().first() {
        Some(first) if *first < 0x20 => {
            let mut escaped = Vec::with_capacity(key.len() + 1);
            escaped.push(0);
            escaped.extend_from_slice(key.as_bytes());
            Packed::Text(Cow::Owned(escaped))
        }
        _ => Packed::Text(Cow::Borrowed(key.as_bytes())),
    }
}

/// The space of a packed key (for the eviction metrics).
pub(super) fn space_of(packed: &[u8]) -> Option<Space> {
    match packed.split_first() {
        Some((&first, digest))
            if first > 0 && digest.len() == 32 && usize::from(first) <= Space::ALL.len() =>
        {
            Space::ALL.get(usize::from(first) - 1).copied()
        }
        Some((0, text)) => std::str::from_utf8(text).ok().and_then(Space::of_key),
        _ => std::str::from_utf8(packed).ok().and_then(Space::of_key),
    }
}

fn nibble(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        _ => digit - b'a' + 10,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const DIGEST: &str = "4f1c0c7e0b3c54a8c5a4de8f11a3b6f0a0f9d8e7c6b5a4938271605f4e3d2c1b";

    #[test]
    fn a_digest_key_packs_to_its_space_and_32_bytes() {
        for space in Space::ALL {
            let packed = pack(&space.key(DIGEST)).as_bytes().to_vec();
            assert_eq!(packed.len(), 33, "{space:?}");
            assert_eq!(space_of(&packed), Some(space));
        }
    }

    #[test]
    fn other_keys_stay_their_text() {
        for key in [
            "k",
            "rl:login:ip:203.0.113.7",
            "at:ABCDEF",
            &format!("at:{}", DIGEST.to_uppercase()),
            &format!("at:{DIGEST}0"),
            &format!("unknown:{DIGEST}"),
        ] {
            assert_eq!(pack(key).as_bytes(), key.as_bytes(), "{key}");
        }
        assert_eq!(space_of(b"rl:login:ip:x"), Some(Space::RateCounter));
    }

    #[test]
    fn a_text_key_never_takes_a_packed_digests_form() {
        let mut lookalike = vec![1u8];
        lookalike.extend_from_slice(&[0x61; 32]);
        let lookalike = String::from_utf8(lookalike).unwrap();
        let packed = pack(&lookalike).as_bytes().to_vec();
        assert_eq!(packed[0], 0);
        assert_ne!(packed, pack(&Space::Session.key(DIGEST)).as_bytes());
    }

    proptest! {
        #[test]
        fn distinct_keys_pack_to_distinct_bytes(a in "[a-z:]{0,12}[0-9a-f]{0,64}", b in "[a-z:]{0,12}[0-9a-f]{0,64}") {
            prop_assume!(a != b);
            let (pa, pb) = (pack(&a), pack(&b));
            prop_assert_ne!(pa.as_bytes(), pb.as_bytes());
        }
    }
}
