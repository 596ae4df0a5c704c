//! Tests of the key ring: signing round trips, foreign keys, rotation windows and the
//! published JWKS.

use super::*;
use crate::crypto::keys::{PRIVATE_MEMBERS, generate_key};
use serde_json::json;

fn stored(alg: KeyAlg, kid: &str, activates_at: i64, retires_at: Option<i64>) -> StoredKey {
    StoredKey {
        material: generate_key(alg, kid.to_owned()).unwrap(),
        activates_at,
        retires_at,
    }
}

fn claims() -> Map<String, Value> {
    let Value::Object(map) = json!({
        "iss": "https://clave.example",
        "sub": "pairwise-123",
        "aud": "portal",
        "exp": 2_000_000_000_i64,
        "nonce": "n-0S6_WzA2Mj",
    }) else {
        unreachable!()
    };
    map
}

fn header_of(token: &str) -> Map<String, Value> {
    use base64::Engine as _;
    let first = token.split('.').next().unwrap();
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(first)
        .unwrap();
    serde_json::from_slice(&raw).unwrap()
}

fn jwks_keys(ring: &KeyRing) -> Vec<Map<String, Value>> {
    let doc: Value = serde_json::from_str(ring.jwks_json()).unwrap();
    doc["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_object().unwrap().clone())
        .collect()
}

#[test]
fn tokens_signed_with_either_algorithm_verify_and_keep_their_claims() {
    let ring = KeyRing::load(
        vec![
            stored(KeyAlg::Rs256, "rsa-1", 0, None),
            stored(KeyAlg::Es256, "ec-1", 0, None),
        ],
        1_000,
    )
    .unwrap();

    for (alg, kid) in [(KeyAlg::Rs256, "rsa-1"), (KeyAlg::Es256, "ec-1")] {
        let token = ring.sign_jwt(alg, &claims()).unwrap();
        let header = header_of(&token);
        assert_eq!(header["alg"], alg.as_str());
        assert_eq!(header["kid"], kid);
        assert_eq!(header["typ"], "JWT");
        assert_eq!(ring.verify_jwt(&token).unwrap(), claims());
    }
}

#[test]
fn a_token_signed_by_a_key_outside_the_ring_is_refused() {
    let ring = KeyRing::load(vec![stored(KeyAlg::Rs256, "shared-kid", 0, None)], 10).unwrap();
    // Same kid, different key: the signature must not verify.
    let stranger = KeyRing::load(vec![stored(KeyAlg::Rs256, "shared-kid", 0, None)], 10).unwrap();
    let foreign = stranger.sign_jwt(KeyAlg::Rs256, &claims()).unwrap();
    assert!(matches!(
        ring.verify_jwt(&foreign),
        Err(KeyError::InvalidToken(_))
    ));

    // Unknown kid.
    let other = KeyRing::load(vec![stored(KeyAlg::Es256, "other", 0, None)], 10).unwrap();
    let unknown = other.sign_jwt(KeyAlg::Es256, &claims()).unwrap();
    assert!(ring.verify_jwt(&unknown).is_err());
}

#[test]
fn tampered_malformed_and_unsigned_tokens_are_refused() {
    let ring = KeyRing::load(vec![stored(KeyAlg::Es256, "ec", 0, None)], 10).unwrap();
    let token = ring.sign_jwt(KeyAlg::Es256, &claims()).unwrap();
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged_claims = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        br#"{"sub":"someone-else"}"#,
    );
    parts[1] = &forged_claims;
    assert!(ring.verify_jwt(&parts.join(".")).is_err());

    let none_header = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        br#"{"alg":"none","kid":"ec"}"#,
    );
    assert!(
        ring.verify_jwt(&format!("{none_header}.{forged_claims}."))
            .is_err()
    );
    assert!(ring.verify_jwt("not-a-jwt").is_err());
}

#[test]
fn a_future_key_is_published_before_it_signs_and_signs_after_activation() {
    let generated = vec![
        stored(KeyAlg::Rs256, "old", 0, None),
        stored(KeyAlg::Rs256, "new", 1_000, None),
    ];
    let keys = || generated.clone();
    let before = KeyRing::load(keys(), 500).unwrap();
    assert_eq!(before.signer(KeyAlg::Rs256).unwrap().0, "old");
    assert_eq!(before.published_kids(), vec!["new", "old"]);
    assert_eq!(before.next_refresh_at(), Some(1_000));
    let old_token = before.sign_jwt(KeyAlg::Rs256, &claims()).unwrap();
    assert!(before.verify_jwt(&old_token).is_ok());

    let after = KeyRing::load(keys(), 1_000).unwrap();
    assert_eq!(after.signer(KeyAlg::Rs256).unwrap().0, "new");
    assert_eq!(after.next_refresh_at(), None);
    // Tokens from the previous key still verify while it is published.
    assert!(after.verify_jwt(&old_token).is_ok());
}

#[test]
fn a_retired_key_is_neither_published_nor_trusted_nor_used() {
    let generated = vec![
        stored(KeyAlg::Es256, "retiring", 0, Some(2_000)),
        stored(KeyAlg::Es256, "current", 1_000, None),
    ];
    let keys = || generated.clone();
    let before = KeyRing::load(keys(), 1_500).unwrap();
    assert_eq!(before.next_refresh_at(), Some(2_000));
    let retiring = KeyRing::load(vec![keys().remove(0)], 1_500).unwrap();
    let old_token = retiring.sign_jwt(KeyAlg::Es256, &claims()).unwrap();
    assert!(
        before.verify_jwt(&old_token).is_ok(),
        "trusted until it retires"
    );

    let after = KeyRing::load(keys(), 2_000).unwrap();
    assert_eq!(after.published_kids(), vec!["current"]);
    assert!(!after.jwks_json().contains("retiring"));
    assert!(after.verify_jwt(&old_token).is_err());
}

#[test]
fn without_an_active_key_for_an_algorithm_signing_fails_cleanly() {
    let ring = KeyRing::load(vec![stored(KeyAlg::Rs256, "future", 100, None)], 10).unwrap();
    assert!(ring.signer(KeyAlg::Rs256).is_none());
    assert!(matches!(
        ring.sign_jwt(KeyAlg::Es256, &claims()),
        Err(KeyError::NoSigningKey(KeyAlg::Es256))
    ));
}

#[test]
fn the_jwks_lists_public_members_with_kid_alg_and_use_and_no_private_members() {
    let ring = KeyRing::load(
        vec![
            stored(KeyAlg::Rs256, "rsa", 0, None),
            stored(KeyAlg::Es256, "ec", 0, None),
        ],
        10,
    )
    .unwrap();
    let keys = jwks_keys(&ring);
    assert_eq!(keys.len(), 2);
    for key in &keys {
        assert!(key.contains_key("kid") && key.contains_key("kty"));
        assert_eq!(key["use"], "sig");
        for member in PRIVATE_MEMBERS {
            assert!(!key.contains_key(member), "JWKS leaks {member}");
        }
    }
    assert!(
        keys.iter()
            .any(|k| k["alg"] == "RS256" && k.contains_key("n"))
    );
    assert!(
        keys.iter()
            .any(|k| k["alg"] == "ES256" && k["crv"] == "P-256")
    );
}

#[test]
fn duplicate_kids_and_keys_that_do_not_fit_their_algorithm_fail_the_load() {
    let duplicate = KeyRing::load(
        vec![
            stored(KeyAlg::Es256, "same", 0, None),
            stored(KeyAlg::Es256, "same", 0, None),
        ],
        10,
    );
    assert!(matches!(duplicate, Err(KeyError::DuplicateKid(_))));

    let mut mislabelled = stored(KeyAlg::Es256, "ec-as-rsa", 0, None);
    mislabelled.material.alg = KeyAlg::Rs256;
    assert!(matches!(
        KeyRing::load(vec![mislabelled], 10),
        Err(KeyError::InvalidKey { .. })
    ));

    let mut garbage = stored(KeyAlg::Es256, "garbage", 0, None);
    garbage.material.private_jwk = "{".into();
    assert!(KeyRing::load(vec![garbage], 10).is_err());
}

#[test]
fn debug_output_names_keys_but_shows_no_key_material() {
    let ring = KeyRing::load(vec![stored(KeyAlg::Es256, "ec", 0, None)], 10).unwrap();
    let debug = format!("{ring:?}");
    assert!(debug.contains("ec"));
    assert!(!debug.contains("\"d\""));
}

/// Throughput figures for the module documentation:
/// `cargo test --lib crypto::keyring -- --ignored --nocapture`.
#[test]
#[ignore = "measurement, not a check"]
fn signing_throughput_of_rsa_2048_rsa_3072_and_p256() {
    use josekit::jwk::Jwk;
    let rsa3072 = {
        let mut jwk = Jwk::generate_rsa_key(3072).unwrap();
        jwk.set_key_id("rsa3072");
        StoredKey {
            material: crate::crypto::KeyMaterial {
                kid: "rsa3072".into(),
                alg: KeyAlg::Rs256,
                private_jwk: jwk.to_string(),
                public_jwk: String::new(),
            },
            activates_at: 0,
            retires_at: None,
        }
    };
    for (label, key) in [
        ("RS256 2048", stored(KeyAlg::Rs256, "rsa2048", 0, None)),
        ("RS256 3072", rsa3072),
        ("ES256 P-256", stored(KeyAlg::Es256, "p256", 0, None)),
    ] {
        let alg = key.material.alg;
        let ring = KeyRing::load(vec![key], 10).unwrap();
        let started = std::time::Instant::now();
        let mut count = 0u32;
        while started.elapsed() < std::time::Duration::from_secs(2) {
            ring.sign_jwt(alg, &claims()).unwrap();
            count += 1;
        }
        let per_second = f64::from(count) / started.elapsed().as_secs_f64();
        println!("{label}: {per_second:.0} signatures/s on one core");
    }
}
