use super::*;
use crate::crypto::KeyAlg;
use crate::domain::{ClientKind, RegisteredUri};
use proptest::prelude::*;

fn client(public: bool) -> ClientRecord {
    ClientRecord {
        client_id: "sede".into(),
        name: "Sede".into(),
        kind: ClientKind::from_secret_hash((!public).then(|| "h".into())),
        redirect_uris: vec![RegisteredUri::parse("https://sede.example/cb").unwrap()],
        post_logout_redirect_uris: vec![],
        sector: "sede.example".into(),
        social_security: false,
        require_pkce: public,
        id_token_alg: KeyAlg::Rs256,
        created_at: 0,
        profile: Default::default(),
    }
}

const BASE: &str =
    "client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcb&response_type=code&scope=openid";

fn parse(extra: &str) -> Result<AuthRequest, Rejection> {
    check(
        &Params::parse(format!("{BASE}{extra}").as_bytes()).unwrap(),
        &client(false),
    )
}

fn code_of(result: Result<AuthRequest, Rejection>) -> ErrorCode {
    match result {
        Err(Rejection::Redirect { error, .. }) => error.code,
        other => panic!("expected a redirect error, got {other:?}"),
    }
}

#[test]
fn a_minimal_request_is_accepted_with_low_assurance() {
    let request = parse("&state=xyz&nonce=n").unwrap();
    assert_eq!(request.scope.to_string(), "openid");
    assert_eq!(request.state.as_deref(), Some("xyz"));
    assert_eq!(request.assurance, Assurance::Low);
}

#[test]
fn an_unregistered_redirect_uri_is_never_redirected_to() {
    let params = Params::parse(b"client_id=sede&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&scope=openid").unwrap();
    assert_eq!(
        check(&params, &client(false)),
        Err(Rejection::NoRedirect("error-authorize-bad-redirect"))
    );
    let prefix = Params::parse(b"client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcb%2Fx&response_type=code&scope=openid").unwrap();
    assert!(matches!(
        check(&prefix, &client(false)),
        Err(Rejection::NoRedirect(_))
    ));
}

#[test]
fn response_types_other_than_code_are_unsupported_and_a_missing_one_is_invalid() {
    let params =
        Params::parse(b"client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcb&scope=openid")
            .unwrap();
    assert_eq!(
        code_of(check(&params, &client(false))),
        ErrorCode::InvalidRequest
    );
    let token = Params::parse(b"client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcb&response_type=token&scope=openid").unwrap();
    assert_eq!(
        code_of(check(&token, &client(false))),
        ErrorCode::UnsupportedResponseType
    );
}

#[test]
fn request_objects_and_request_uris_are_not_supported() {
    assert_eq!(
        code_of(parse("&request=eyJ")),
        ErrorCode::RequestNotSupported
    );
    assert_eq!(
        code_of(parse("&request_uri=https%3A%2F%2Fx")),
        ErrorCode::RequestUriNotSupported
    );
}

#[test]
fn scope_needs_openid_and_unknown_scopes_are_dropped() {
    let params = Params::parse(b"client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcb&response_type=code&scope=profile").unwrap();
    assert_eq!(
        code_of(check(&params, &client(false))),
        ErrorCode::InvalidScope
    );
    let request = parse("+profile+wallet+nif").unwrap();
    assert_eq!(request.scope.to_string(), "openid profile nif");
}

#[test]
fn pkce_plain_is_refused_and_public_clients_must_use_s256() {
    let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    assert_eq!(
        code_of(parse(&format!(
            "&code_challenge={challenge}&code_challenge_method=plain"
        ))),
        ErrorCode::InvalidRequest
    );
    assert_eq!(
        code_of(parse(&format!("&code_challenge={challenge}"))),
        ErrorCode::InvalidRequest
    );
    let request = parse(&format!(
        "&code_challenge={challenge}&code_challenge_method=S256"
    ))
    .unwrap();
    assert_eq!(request.code_challenge.as_deref(), Some(challenge));
    let public = Params::parse(BASE.as_bytes()).unwrap();
    assert_eq!(
        code_of(check(&public, &client(true))),
        ErrorCode::InvalidRequest
    );
}

#[test]
fn prompt_none_alone_max_age_and_claims_are_checked() {
    assert_eq!(
        code_of(parse("&prompt=none+login")),
        ErrorCode::InvalidRequest
    );
    assert!(parse("&prompt=none").unwrap().prompt_none);
    assert!(parse("&max_age=0").unwrap().prompt_login);
    assert_eq!(code_of(parse("&max_age=-1")), ErrorCode::InvalidRequest);
    assert_eq!(code_of(parse("&max_age=soon")), ErrorCode::InvalidRequest);
    assert_eq!(code_of(parse("&claims=%7Bnope")), ErrorCode::InvalidRequest);
}

#[test]
fn substantial_assurance_is_asked_with_acr_values_or_the_claims_parameter() {
    let by_values = parse("&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial").unwrap();
    assert_eq!(by_values.assurance, Assurance::Substantial);
    let by_claims = parse("&claims=%7B%22id_token%22%3A%7B%22acr%22%3A%7B%22essential%22%3Atrue%2C%22values%22%3A%5B%22http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial%22%5D%7D%7D%7D").unwrap();
    assert_eq!(by_claims.assurance, Assurance::Substantial);
}

#[test]
fn errors_after_the_redirect_check_carry_the_state() {
    match parse("&state=s1&response_mode=fragment") {
        Err(Rejection::Redirect {
            state,
            redirect_uri,
            ..
        }) => {
            assert_eq!(state.as_deref(), Some("s1"));
            assert_eq!(redirect_uri, "https://sede.example/cb");
        }
        other => panic!("{other:?}"),
    }
}

proptest! {
    #[test]
    fn any_query_is_answered_without_panicking(query in "[a-z_=&%0-9A-F+]{0,200}") {
        if let Ok(params) = Params::parse(query.as_bytes()) {
            let _ = check(&params, &client(false));
        }
    }
}

#[test]
fn an_over_long_parameter_is_sent_back_as_invalid_request_with_the_state() {
    for (name, cap) in [
        ("state", 1024),
        ("nonce", 512),
        ("login_hint", 64),
        ("ui_locales", 128),
    ] {
        let result = parse(&format!("&{name}={}", "a".repeat(cap + 1)));
        match result {
            Err(Rejection::Redirect { error, .. }) => {
                assert_eq!(error.code, ErrorCode::InvalidRequest, "{name}");
                assert!(error.description.contains(name), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
        assert!(
            parse(&format!("&{name}={}", "a".repeat(cap))).is_ok(),
            "{name}"
        );
    }
    let claims = format!(
        r#"{{"userinfo":{{"nif":null,"x":"{}"}}}}"#,
        "y".repeat(4096)
    );
    let encoded: String = url::form_urlencoded::byte_serialize(claims.as_bytes()).collect();
    assert_eq!(
        code_of(parse(&format!("&claims={encoded}"))),
        ErrorCode::InvalidRequest
    );
}

#[test]
fn an_over_long_client_id_or_redirect_uri_is_never_redirected_to() {
    let long_client = Params::parse(
        format!(
            "client_id={}&redirect_uri=https%3A%2F%2Fsede.example%2Fcb",
            "c".repeat(129)
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        client_and_redirect(&long_client),
        Err(Rejection::NoRedirect("error-authorize-unknown-client"))
    );
    let long_uri = format!(
        "client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcb%3Fx%3D{}",
        "a".repeat(2048)
    );
    let long_uri = Params::parse(long_uri.as_bytes()).unwrap();
    assert_eq!(
        client_and_redirect(&long_uri),
        Err(Rejection::NoRedirect("error-authorize-bad-redirect"))
    );
}

#[test]
fn the_id_token_hint_is_not_kept_with_the_request() {
    let hint = "h".repeat(4000);
    let request = parse(&format!("&id_token_hint={hint}")).unwrap();
    assert_eq!(request.id_token_hint.as_deref(), Some(hint.as_str()));
    let kept = serde_json::to_string(&request).unwrap();
    assert!(!kept.contains(&hint), "{} bytes kept", kept.len());
}
