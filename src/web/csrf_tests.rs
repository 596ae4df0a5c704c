//! Tests of CSRF tokens and of the order of the form checks.

use axum::http::HeaderValue;
use serde::Deserialize;

use super::*;
use crate::web::CSRF_COOKIE;

fn key() -> CsrfKey {
    CsrfKey::from_secret("test-key-test-key-test-key")
}

#[derive(Debug, Deserialize, PartialEq)]
struct Form {
    username: String,
}

fn headers(cookie: Option<&str>, content_type: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).unwrap(),
    );
    if let Some(value) = cookie {
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("{CSRF_COOKIE}={value}")).unwrap(),
        );
    }
    headers
}

const FORM: &str = "application/x-www-form-urlencoded";

#[test]
fn a_token_verifies_with_its_own_cookie_and_key() {
    let cookie = new_cookie_value();
    let token = key().token_for(&cookie);
    assert!(key().verify(&cookie, &token));
    assert_eq!(token.len(), 43, "base64url of 32 bytes, unpadded");
}

#[test]
fn a_token_does_not_verify_with_another_cookie() {
    let token = key().token_for(&new_cookie_value());
    assert!(!key().verify(&new_cookie_value(), &token));
}

#[test]
fn a_token_does_not_verify_under_another_key() {
    let cookie = new_cookie_value();
    let token = CsrfKey::from_secret("another key").token_for(&cookie);
    assert!(!key().verify(&cookie, &token));
}

#[test]
fn a_tampered_token_fails() {
    let cookie = new_cookie_value();
    let token = key().token_for(&cookie);
    let mut bytes = token.clone().into_bytes();
    bytes[10] = if bytes[10] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    assert!(!key().verify(&cookie, &tampered));
    assert!(!key().verify(&cookie, &token[..42]));
    assert!(!key().verify(&cookie, &format!("{token}A")));
    assert!(!key().verify(&cookie, ""));
}

#[test]
fn a_cookie_we_could_not_have_made_never_verifies() {
    for cookie in [
        "",
        "short",
        &"x".repeat(44),
        &format!("{}!", "a".repeat(42)),
    ] {
        let token = key().token_for(cookie);
        assert!(!key().verify(cookie, &token), "{cookie:?}");
    }
}

#[test]
fn the_key_is_not_printed() {
    assert_eq!(format!("{:?}", key()), "CsrfKey(***)");
}

#[test]
fn a_valid_form_is_checked_then_deserialised_ignoring_unknown_fields() {
    let cookie = new_cookie_value();
    let body = format!(
        "username=12345678Z&csrf_token={}&extra=1",
        key().token_for(&cookie)
    );
    let form: Form = check_form(
        &key(),
        CSRF_COOKIE,
        &headers(Some(&cookie), FORM),
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        form,
        Form {
            username: "12345678Z".into()
        }
    );
}

#[test]
fn a_charset_parameter_in_the_content_type_is_accepted() {
    let cookie = new_cookie_value();
    let body = format!("username=a&csrf_token={}", key().token_for(&cookie));
    let content_type = "application/x-www-form-urlencoded; charset=UTF-8";
    let form: Result<Form, _> = check_form(
        &key(),
        CSRF_COOKIE,
        &headers(Some(&cookie), content_type),
        body.as_bytes(),
    );
    assert!(form.is_ok());
}

#[test]
fn the_token_is_checked_before_the_fields() {
    // No username either: the CSRF failure must win over the deserialisation error.
    let result: Result<Form, _> = check_form(
        &key(),
        CSRF_COOKIE,
        &headers(Some(&new_cookie_value()), FORM),
        b"x=1",
    );
    assert!(matches!(result, Err(PageError::CsrfFailed)));
}

#[test]
fn a_missing_cookie_missing_token_or_other_content_type_fails_the_check() {
    let cookie = new_cookie_value();
    let body = format!("username=a&csrf_token={}", key().token_for(&cookie));
    let cases = [
        headers(None, FORM),
        headers(Some(&cookie), "text/plain"),
        headers(Some(&cookie), "multipart/form-data; boundary=x"),
    ];
    for case in cases {
        let result: Result<Form, _> = check_form(&key(), CSRF_COOKIE, &case, body.as_bytes());
        assert!(matches!(result, Err(PageError::CsrfFailed)));
    }
    let result: Result<Form, _> = check_form(
        &key(),
        CSRF_COOKIE,
        &headers(Some(&cookie), FORM),
        b"username=a",
    );
    assert!(matches!(result, Err(PageError::CsrfFailed)));
}

#[test]
fn fields_that_do_not_fit_give_a_bad_request_not_a_server_error() {
    let cookie = new_cookie_value();
    let body = format!("csrf_token={}", key().token_for(&cookie));
    let result: Result<Form, _> = check_form(
        &key(),
        CSRF_COOKIE,
        &headers(Some(&cookie), FORM),
        body.as_bytes(),
    );
    assert!(matches!(
        result,
        Err(PageError::BadRequest("error-bad-form"))
    ));
}
