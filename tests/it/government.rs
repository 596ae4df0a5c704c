//! Government-grade relying parties (`docs/oidc.md`): `private_key_jwt`
//! (RFC 7523), client keys by value and by `jwks_uri`, pushed authorization
//! requests (RFC 9126), signed request objects (RFC 9101), DPoP (RFC 9449),
//! signed and encrypted responses, and back-channel logout. The relying party
//! is hand-built here, each request checked against the RFC text, with the
//! refusals an attacker would try: a replayed assertion, a tampered object, a
//! DPoP token used as a bearer token or with another key, a request pushed by
//! another client.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use clave_idp::crypto::hash_token;
use clave_idp::domain::{ClientKind, ClientProfile, Encryption, JweAlg, JweEnc};
use josekit::jwk::Jwk;
use josekit::jwk::alg::ec::EcCurve;
use josekit::jws::JwsHeader;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::harness::{Browser, ClientSpec, PORTAL, TestApp};

const CITIZEN: &str = "12345678Z";
const GOV: &str = "https://gov.example/callback";
const VERIFIER: &str = "a-pkce-verifier-of-at-least-forty-three-characters";
const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

both_backends!(
    a_key_holder_authenticates_with_a_signed_assertion_used_once,
    keys_at_a_jwks_uri_are_fetched_kept_and_fetched_again_for_a_new_kid,
    a_client_that_must_push_its_requests_logs_in_through_par_once,
    a_signed_request_object_stands_for_the_query_and_a_tampered_one_is_refused,
    dpop_bound_tokens_need_a_proof_by_their_key,
    id_tokens_and_userinfo_are_signed_and_encrypted_to_the_client,
    portals_hear_of_a_logout_and_of_a_block_by_back_channel,
);

fn ec_key(kid: &str) -> Jwk {
    let mut key = Jwk::generate_ec_key(EcCurve::P256).unwrap();
    key.set_key_id(kid);
    key
}

fn public(key: &Jwk) -> Value {
    let mut public = key.to_public_key().unwrap();
    if let Some(kid) = key.key_id() {
        public.set_key_id(kid);
    }
    if let Some(key_use) = key.key_use() {
        public.set_key_use(key_use);
    }
    Value::Object(public.as_ref().clone())
}

fn jwks_of(keys: &[&Jwk]) -> String {
    json!({ "keys": keys.iter().map(|k| public(k)).collect::<Vec<_>>() }).to_string()
}

/// A compact JWS of `claims` by `key` (ES256, or RS256 for an RSA key), with
/// `typ` and the key's `kid`, or its public JWK in the header (DPoP).
fn sign(key: &Jwk, typ: &str, claims: &Value, embed_jwk: bool) -> String {
    let mut header = JwsHeader::new();
    header.set_token_type(typ);
    if embed_jwk {
        header.set_jwk(key.to_public_key().unwrap());
    } else if let Some(kid) = key.key_id() {
        header.set_key_id(kid);
    }
    let payload = serde_json::to_vec(claims).unwrap();
    if key.key_type() == "RSA" {
        let signer = josekit::jws::RS256.signer_from_jwk(key).unwrap();
        josekit::jws::serialize_compact(&payload, &header, &signer).unwrap()
    } else {
        let signer = josekit::jws::ES256.signer_from_jwk(key).unwrap();
        josekit::jws::serialize_compact(&payload, &header, &signer).unwrap()
    }
}

fn assertion(app: &TestApp, key: &Jwk, client_id: &str, jti: &str, aud: &str, life: i64) -> String {
    let now = app.clock_now();
    let claims = json!({
        "iss": client_id, "sub": client_id, "aud": aud,
        "iat": now, "exp": now + life, "jti": jti,
    });
    sign(key, "JWT", &claims, false)
}

fn challenge() -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER.as_bytes()))
}

fn encode(pairs: &[(&str, &str)]) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        out.append_pair(name, value);
    }
    out.finish()
}

/// An authorization request of the code flow with PKCE, plus `extra`.
fn authorize_url(app: &TestApp, client_id: &str, redirect: &str, extra: &[(&str, &str)]) -> String {
    let challenge = challenge();
    let mut pairs = vec![
        ("response_type", "code"),
        ("client_id", client_id),
        ("redirect_uri", redirect),
        ("scope", "openid"),
        ("state", "st-1"),
        ("nonce", "n-1"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    pairs.extend_from_slice(extra);
    format!("{}?{}", app.url("/authorize"), encode(&pairs))
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }
}

async fn post(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    headers: &[(&str, String)],
    basic: Option<(&str, &str)>,
) -> Answer {
    let mut request = http().post(app.url(path)).form(form);
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    if let Some((user, password)) = basic {
        request = request.basic_auth(user, Some(password));
    }
    let response = request.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        text: response.text().await.unwrap(),
    }
}

/// Logs the citizen in from `url`; returns the code.
async fn code_from(app: &TestApp, browser: &Browser, url: &str) -> String {
    let done = browser.log_in(app, url, CITIZEN).await;
    done.location_param("code")
        .unwrap_or_else(|| panic!("a code: {:?}", done.location))
}

fn code_form<'a>(code: &'a str, redirect: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect),
        ("code_verifier", VERIFIER),
    ]
}

fn secret_client(secret: &str) -> ClientKind {
    ClientKind::Confidential {
        secret_hash: hash_token(secret),
    }
}

async fn a_key_holder_authenticates_with_a_signed_assertion_used_once(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let key = ec_key("k1");
    let profile = ClientProfile {
        jwks: Some(jwks_of(&[&key])),
        ..ClientProfile::default()
    };
    app.government_client("gov", GOV, ClientKind::KeyHolder, "ES256", profile)
        .await;
    let browser = Browser::new();
    let token_url = app.url("/token");
    let code = code_from(&app, &browser, &authorize_url(&app, "gov", GOV, &[])).await;
    let signed = assertion(&app, &key, "gov", "jti-1", &token_url, 60);
    let mut form = code_form(&code, GOV);
    form.extend([
        ("client_assertion_type", JWT_BEARER),
        ("client_assertion", &signed),
    ]);
    let answer = post(&app, "/token", &form, &[], None).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let id = app
        .state
        .key_ring()
        .verify_jwt(answer.json()["id_token"].as_str().unwrap())
        .unwrap();
    assert_eq!(id["aud"], "gov");

    // RFC 7523 §3: the same assertion again is refused, before any code is
    // touched, so a fresh assertion then redeems that code.
    let second = code_from(&app, &Browser::new(), &authorize_url(&app, "gov", GOV, &[])).await;
    let mut form = code_form(&second, GOV);
    form.extend([
        ("client_assertion_type", JWT_BEARER),
        ("client_assertion", &signed),
    ]);
    let replay = post(&app, "/token", &form, &[], None).await;
    assert_eq!(replay.status, 401, "{}", replay.text);
    assert!(
        replay.json()["error_description"]
            .as_str()
            .unwrap()
            .contains("already used")
    );
    let fresh = assertion(&app, &key, "gov", "jti-2", &app.issuer, 60);
    let mut form = code_form(&second, GOV);
    form.extend([
        ("client_assertion_type", JWT_BEARER),
        ("client_assertion", &fresh),
    ]);
    let answer = post(&app, "/token", &form, &[], None).await;
    assert_eq!(
        answer.status, 200,
        "the issuer is an accepted aud: {}",
        answer.text
    );

    let stranger = ec_key("k1");
    let now = app.clock_now();
    let wrong_iss = sign(
        &key,
        "JWT",
        &json!({"iss": "other", "sub": "gov", "aud": token_url, "exp": now + 60, "jti": "j-iss"}),
        false,
    );
    let no_jti = sign(
        &key,
        "JWT",
        &json!({"iss": "gov", "sub": "gov", "aud": token_url, "exp": now + 60}),
        false,
    );
    for (bad, why) in [
        (
            assertion(&app, &stranger, "gov", "j-a", &token_url, 60),
            "another key",
        ),
        (
            assertion(
                &app,
                &key,
                "gov",
                "j-b",
                "https://elsewhere.example/token",
                60,
            ),
            "aud",
        ),
        (
            assertion(&app, &key, "gov", "j-c", &token_url, 3600),
            "exp too far",
        ),
        (
            assertion(&app, &key, "gov", "j-d", &token_url, -5),
            "expired",
        ),
        (wrong_iss, "iss"),
        (no_jti, "jti"),
    ] {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", "whatever"),
            ("redirect_uri", GOV),
            ("client_assertion_type", JWT_BEARER),
            ("client_assertion", bad.as_str()),
        ];
        let answer = post(&app, "/token", &form, &[], None).await;
        assert_eq!(answer.status, 401, "{why}: {}", answer.text);
        assert_eq!(answer.json()["error"], "invalid_client", "{why}");
    }
    // A key holder has no secret to send.
    let basic = post(
        &app,
        "/revoke",
        &[("token", "x")],
        &[],
        Some(("gov", "guess")),
    )
    .await;
    assert_eq!(basic.status, 401);
}

/// A loopback server answering `GET /jwks` with what `served` holds, and
/// `GET /big` with more than the size cap; counts the fetches of `/jwks`.
async fn key_server(served: Arc<Mutex<String>>, hits: Arc<AtomicUsize>) -> String {
    let router = axum::Router::new()
        .route(
            "/jwks",
            axum::routing::get(move || {
                let served = Arc::clone(&served);
                let hits = Arc::clone(&hits);
                async move {
                    hits.fetch_add(1, Ordering::SeqCst);
                    served.lock().unwrap().clone()
                }
            }),
        )
        .route(
            "/big",
            axum::routing::get(|| async {
                format!("{{\"keys\":[],\"pad\":\"{}\"}}", "x".repeat(70_000))
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}")
}

async fn keys_at_a_jwks_uri_are_fetched_kept_and_fetched_again_for_a_new_kid(app: TestApp) {
    let first = ec_key("k1");
    let served = Arc::new(Mutex::new(jwks_of(&[&first])));
    let hits = Arc::new(AtomicUsize::new(0));
    let base = key_server(Arc::clone(&served), Arc::clone(&hits)).await;
    for (id, path) in [("rotating", "/jwks"), ("huge", "/big")] {
        let profile = ClientProfile {
            jwks_uri: Some(format!("{base}{path}")),
            ..ClientProfile::default()
        };
        app.government_client(id, GOV, ClientKind::KeyHolder, "RS256", profile)
            .await;
    }
    let revoke = app.url("/revoke");
    let probe = |signed: String| {
        let app = &app;
        async move {
            let form = [
                ("token", "unknown"),
                ("client_assertion_type", JWT_BEARER),
                ("client_assertion", signed.as_str()),
            ];
            post(app, "/revoke", &form, &[], None).await
        }
    };
    let ok = probe(assertion(&app, &first, "rotating", "r-1", &revoke, 60)).await;
    assert_eq!(
        ok.status, 200,
        "the endpoint is an accepted aud: {}",
        ok.text
    );
    let ok = probe(assertion(&app, &first, "rotating", "r-2", &revoke, 60)).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(hits.load(Ordering::SeqCst), 1, "the key set is kept");

    let second = ec_key("k2");
    *served.lock().unwrap() = jwks_of(&[&second]);
    let ok = probe(assertion(&app, &second, "rotating", "r-3", &revoke, 60)).await;
    assert_eq!(ok.status, 200, "an unknown kid fetches again: {}", ok.text);
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    let forged = probe(assertion(
        &app,
        &ec_key("k3"),
        "rotating",
        "r-4",
        &revoke,
        60,
    ))
    .await;
    assert_eq!(forged.status, 401);
    assert_eq!(
        hits.load(Ordering::SeqCst),
        2,
        "forged kids do not make the provider fetch again and again"
    );

    let huge = probe(assertion(&app, &first, "huge", "h-1", &revoke, 60)).await;
    assert_eq!(huge.status, 401, "a key set over the size cap is not read");
}

async fn a_client_that_must_push_its_requests_logs_in_through_par_once(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let profile = ClientProfile {
        require_pushed_authorization_requests: true,
        ..ClientProfile::default()
    };
    app.government_client("par", GOV, secret_client("par-secret"), "RS256", profile)
        .await;
    app.client(ClientSpec::confidential("sede")).await;
    let browser = Browser::new();

    let direct = browser.get(&authorize_url(&app, "par", GOV, &[])).await;
    assert_eq!(direct.status, 302);
    assert_eq!(
        direct.location_param("error").as_deref(),
        Some("invalid_request")
    );

    let challenge = challenge();
    let request = [
        ("response_type", "code"),
        ("client_id", "par"),
        ("redirect_uri", GOV),
        ("scope", "openid"),
        ("state", "pushed-state"),
        ("nonce", "n"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let pushed = post(&app, "/par", &request, &[], Some(("par", "par-secret"))).await;
    assert_eq!(pushed.status, 201, "{}", pushed.text);
    assert_eq!(pushed.headers["cache-control"], "no-store");
    let body = pushed.json();
    let request_uri = body["request_uri"].as_str().unwrap().to_owned();
    assert!(request_uri.starts_with("urn:ietf:params:oauth:request_uri:"));
    assert_eq!(body["expires_in"], 90);

    let url = format!(
        "{}?{}",
        app.url("/authorize"),
        encode(&[("client_id", "par"), ("request_uri", &request_uri)])
    );
    let done = browser.log_in(&app, &url, CITIZEN).await;
    assert_eq!(
        done.location_param("state").as_deref(),
        Some("pushed-state")
    );
    let code = done.location_param("code").unwrap();
    let tokens = post(
        &app,
        "/token",
        &code_form(&code, GOV),
        &[],
        Some(("par", "par-secret")),
    )
    .await;
    assert_eq!(tokens.status, 200, "{}", tokens.text);

    let again = browser.get(&url).await;
    assert_eq!(again.status, 400, "a request_uri is redeemed once");

    let other = post(&app, "/par", &request, &[], Some(("par", "par-secret"))).await;
    let stolen = other.json()["request_uri"].as_str().unwrap().to_owned();
    let as_sede = format!(
        "{}?{}",
        app.url("/authorize"),
        encode(&[("client_id", "sede"), ("request_uri", &stolen)])
    );
    assert_eq!(
        browser.get(&as_sede).await.status,
        400,
        "another client's request_uri"
    );

    let unauthenticated = post(&app, "/par", &request, &[], None).await;
    assert_eq!(unauthenticated.status, 401);
    let mut nested = request.to_vec();
    nested.push(("request_uri", "urn:ietf:params:oauth:request_uri:x"));
    let refused = post(&app, "/par", &nested, &[], Some(("par", "par-secret"))).await;
    assert_eq!(refused.status, 400);
    let mut elsewhere = request.to_vec();
    elsewhere[2] = ("redirect_uri", "https://evil.example/cb");
    let refused = post(&app, "/par", &elsewhere, &[], Some(("par", "par-secret"))).await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json()["error"], "invalid_request");
}

fn request_object(app: &TestApp, key: &Jwk, extra: Value) -> String {
    let now = app.clock_now();
    let mut claims = json!({
        "iss": "ro", "aud": app.issuer, "exp": now + 300, "client_id": "ro",
        "response_type": "code", "redirect_uri": GOV, "scope": "openid",
        "state": "from-object", "nonce": "n-o",
        "code_challenge": challenge(), "code_challenge_method": "S256",
    });
    for (name, value) in extra.as_object().unwrap() {
        claims[name] = value.clone();
    }
    sign(key, "oauth-authz-req+jwt", &claims, false)
}

async fn a_signed_request_object_stands_for_the_query_and_a_tampered_one_is_refused(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let key = ec_key("ro-ec");
    let mut rsa = Jwk::generate_rsa_key(2048).unwrap();
    rsa.set_key_id("ro-rsa");
    let profile = ClientProfile {
        jwks: Some(jwks_of(&[&key, &rsa])),
        request_object_signing_alg: Some("ES256".parse().unwrap()),
        require_signed_request_object: true,
        ..ClientProfile::default()
    };
    app.government_client("ro", GOV, secret_client("ro-secret"), "RS256", profile)
        .await;
    let browser = Browser::new();
    let plain = browser.get(&authorize_url(&app, "ro", GOV, &[])).await;
    assert_eq!(
        plain.location_param("error").as_deref(),
        Some("invalid_request")
    );

    // The object's parameters are the request: the query's state and scope
    // beside it are ignored (RFC 9101 §5).
    let object = request_object(&app, &key, json!({}));
    let url = format!(
        "{}?{}",
        app.url("/authorize"),
        encode(&[
            ("client_id", "ro"),
            ("request", &object),
            ("state", "from-query"),
            ("scope", "openid email"),
            ("redirect_uri", GOV),
        ])
    );
    let done = browser.log_in(&app, &url, CITIZEN).await;
    assert_eq!(done.location_param("state").as_deref(), Some("from-object"));
    let code = done.location_param("code").unwrap();
    let tokens = post(
        &app,
        "/token",
        &code_form(&code, GOV),
        &[],
        Some(("ro", "ro-secret")),
    )
    .await;
    assert_eq!(tokens.status, 200, "{}", tokens.text);
    assert_eq!(
        tokens.json()["scope"],
        "openid",
        "the query's email was ignored"
    );

    let mut parts: Vec<String> = object.split('.').map(str::to_owned).collect();
    let mut payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&parts[1]).unwrap()).unwrap();
    payload["redirect_uri"] = json!("https://evil.example/cb");
    parts[1] = URL_SAFE_NO_PAD.encode(payload.to_string());
    let tampered = parts.join(".");
    let now = app.clock_now();
    for (bad, why) in [
        (tampered, "tampered"),
        (
            sign(&rsa, "JWT", &payload, false),
            "RS256 where ES256 is registered",
        ),
        (
            request_object(&app, &key, json!({"exp": now - 1})),
            "expired",
        ),
        (
            request_object(&app, &key, json!({"aud": "https://other.example"})),
            "aud",
        ),
        (request_object(&app, &key, json!({"iss": "someone"})), "iss"),
        (
            request_object(&app, &ec_key("ro-ec"), json!({})),
            "a stranger's key",
        ),
    ] {
        let url = format!(
            "{}?{}",
            app.url("/authorize"),
            encode(&[
                ("client_id", "ro"),
                ("request", &bad),
                ("redirect_uri", GOV)
            ])
        );
        let refused = browser.get(&url).await;
        assert_eq!(refused.status, 302, "{why}: {}", refused.body);
        assert_eq!(
            refused.location_param("error").as_deref(),
            Some("invalid_request_object"),
            "{why}"
        );
        assert!(
            refused.location.as_deref().unwrap().starts_with(GOV),
            "{why}"
        );
    }

    // By reference, through PAR.
    let object = request_object(&app, &key, json!({"state": "pushed-object"}));
    let pushed = post(
        &app,
        "/par",
        &[("request", &object)],
        &[],
        Some(("ro", "ro-secret")),
    )
    .await;
    assert_eq!(pushed.status, 201, "{}", pushed.text);
    let request_uri = pushed.json()["request_uri"].as_str().unwrap().to_owned();
    let url = format!(
        "{}?{}",
        app.url("/authorize"),
        encode(&[("client_id", "ro"), ("request_uri", &request_uri)])
    );
    let fresh = Browser::new();
    let done = fresh.log_in(&app, &url, CITIZEN).await;
    assert_eq!(
        done.location_param("state").as_deref(),
        Some("pushed-object")
    );
    let unsigned = post(
        &app,
        "/par",
        &request_object_params(),
        &[],
        Some(("ro", "ro-secret")),
    )
    .await;
    assert_eq!(
        unsigned.status, 400,
        "this client must sign: {}",
        unsigned.text
    );
}

fn request_object_params() -> Vec<(&'static str, &'static str)> {
    vec![
        ("response_type", "code"),
        ("redirect_uri", GOV),
        ("scope", "openid"),
    ]
}

fn proof(app: &TestApp, key: &Jwk, method: &str, url: &str, token: Option<&str>) -> String {
    let mut claims = json!({
        "jti": clave_idp::crypto::random_token(12),
        "htm": method, "htu": url, "iat": app.clock_now(),
    });
    if let Some(token) = token {
        claims["ath"] = json!(URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes())));
    }
    sign(key, "dpop+jwt", &claims, true)
}

async fn userinfo(app: &TestApp, authorization: String, dpop: Option<String>) -> Answer {
    let mut request = http()
        .get(app.url("/userinfo"))
        .header("authorization", authorization);
    if let Some(dpop) = dpop {
        request = request.header("dpop", dpop);
    }
    let response = request.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        text: response.text().await.unwrap(),
    }
}

async fn dpop_bound_tokens_need_a_proof_by_their_key(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let profile = ClientProfile {
        dpop_bound_access_tokens: true,
        ..ClientProfile::default()
    };
    app.government_client("spa", GOV, ClientKind::Public, "ES256", profile)
        .await;
    let browser = Browser::new();
    let url = authorize_url(&app, "spa", GOV, &[("scope", "openid offline_access")]);
    let url = url.replacen("scope=openid&", "", 1);
    let code = code_from(&app, &browser, &url).await;
    let (key, stranger) = (ec_key("a"), ec_key("b"));
    let token_url = app.url("/token");
    let mut form = code_form(&code, GOV);
    form.push(("client_id", "spa"));
    let bare = post(&app, "/token", &form, &[], None).await;
    assert_eq!(bare.status, 400, "{}", bare.text);
    assert_eq!(bare.json()["error"], "invalid_dpop_proof");
    let bound = post(
        &app,
        "/token",
        &form,
        &[("dpop", proof(&app, &key, "POST", &token_url, None))],
        None,
    )
    .await;
    assert_eq!(
        bound.status, 200,
        "the code survived the refusal: {}",
        bound.text
    );
    let body = bound.json();
    assert_eq!(body["token_type"], "DPoP");
    let access = body["access_token"].as_str().unwrap().to_owned();
    let refresh = body["refresh_token"].as_str().unwrap().to_owned();

    let info_url = app.url("/userinfo");
    let as_bearer = userinfo(&app, format!("Bearer {access}"), None).await;
    assert_eq!(as_bearer.status, 401);
    assert!(
        as_bearer.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("DPoP")
    );
    let good = proof(&app, &key, "GET", &info_url, Some(&access));
    let ok = userinfo(&app, format!("DPoP {access}"), Some(good.clone())).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert!(ok.json()["sub"].is_string());
    for (dpop, why) in [
        (good, "a replayed proof"),
        (
            proof(&app, &stranger, "GET", &info_url, Some(&access)),
            "another key",
        ),
        (
            proof(&app, &key, "GET", &token_url, Some(&access)),
            "another URL",
        ),
        (
            proof(&app, &key, "POST", &info_url, Some(&access)),
            "another method",
        ),
        (
            proof(&app, &key, "GET", &info_url, Some("another token")),
            "another token's hash",
        ),
    ] {
        let refused = userinfo(&app, format!("DPoP {access}"), Some(dpop)).await;
        assert_eq!(refused.status, 401, "{why}: {}", refused.text);
    }
    let none = userinfo(&app, format!("DPoP {access}"), None).await;
    assert_eq!(none.status, 401, "no proof");

    // A public client's refresh token is bound too; a refusal leaves it usable.
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh.as_str()),
        ("client_id", "spa"),
    ];
    let wrong = post(
        &app,
        "/token",
        &form,
        &[("dpop", proof(&app, &stranger, "POST", &token_url, None))],
        None,
    )
    .await;
    assert_eq!(wrong.status, 400, "{}", wrong.text);
    assert_eq!(wrong.json()["error"], "invalid_dpop_proof");
    let right = post(
        &app,
        "/token",
        &form,
        &[("dpop", proof(&app, &key, "POST", &token_url, None))],
        None,
    )
    .await;
    assert_eq!(right.status, 200, "{}", right.text);
    assert_eq!(right.json()["token_type"], "DPoP");
}

fn open(jwe: &str, key: &Jwk) -> String {
    let header = clave_idp::crypto::jose::header_of(jwe).unwrap();
    let payload = if header["alg"] == "ECDH-ES" {
        let decrypter = josekit::jwe::ECDH_ES.decrypter_from_jwk(key).unwrap();
        josekit::jwe::deserialize_compact(jwe, &decrypter)
            .unwrap()
            .0
    } else {
        let decrypter = josekit::jwe::RSA_OAEP_256.decrypter_from_jwk(key).unwrap();
        josekit::jwe::deserialize_compact(jwe, &decrypter)
            .unwrap()
            .0
    };
    String::from_utf8(payload).unwrap()
}

async fn id_tokens_and_userinfo_are_signed_and_encrypted_to_the_client(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let mut rsa = Jwk::generate_rsa_key(2048).unwrap();
    rsa.set_key_id("enc-rsa");
    rsa.set_key_use("enc");
    let mut ec = ec_key("enc-ec");
    ec.set_key_use("enc");
    let profile = ClientProfile {
        jwks: Some(jwks_of(&[&rsa, &ec])),
        id_token_encryption: Some(Encryption {
            alg: JweAlg::RsaOaep256,
            enc: JweEnc::A256Gcm,
        }),
        userinfo_signed_response_alg: Some("PS256".parse().unwrap()),
        userinfo_encryption: Some(Encryption {
            alg: JweAlg::EcdhEs,
            enc: JweEnc::A128CbcHs256,
        }),
        ..ClientProfile::default()
    };
    app.government_client("fc", GOV, secret_client("fc-secret"), "ES256", profile)
        .await;
    let browser = Browser::new();
    let code = code_from(&app, &browser, &authorize_url(&app, "fc", GOV, &[])).await;
    let tokens = post(
        &app,
        "/token",
        &code_form(&code, GOV),
        &[],
        Some(("fc", "fc-secret")),
    )
    .await;
    assert_eq!(tokens.status, 200, "{}", tokens.text);
    let body = tokens.json();
    let id_token = body["id_token"].as_str().unwrap();
    assert_eq!(id_token.split('.').count(), 5, "the ID token is a JWE");
    let header = clave_idp::crypto::jose::header_of(id_token).unwrap();
    assert_eq!(
        (header["alg"].as_str(), header["enc"].as_str()),
        (Some("RSA-OAEP-256"), Some("A256GCM"))
    );
    assert_eq!(header["cty"], "JWT", "a nested JWT");
    let inner = open(id_token, &rsa);
    assert_eq!(
        clave_idp::crypto::jose::header_of(&inner).unwrap()["alg"],
        "ES256"
    );
    let id = app.state.key_ring().verify_jwt(&inner).unwrap();
    assert_eq!(id["aud"], "fc");

    let access = body["access_token"].as_str().unwrap();
    let answer = userinfo(&app, format!("Bearer {access}"), None).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.headers["content-type"], "application/jwt");
    let signed = open(&answer.text, &ec);
    assert_eq!(
        clave_idp::crypto::jose::header_of(&signed).unwrap()["alg"],
        "PS256"
    );
    let claims = app.state.key_ring().verify_jwt(&signed).unwrap();
    assert_eq!(claims["sub"], id["sub"]);
    assert_eq!(claims["aud"], "fc");
    assert_eq!(claims["iss"], app.issuer.as_str());
    let wrong = josekit::jwe::ECDH_ES
        .decrypter_from_jwk(&ec_key("x"))
        .unwrap();
    assert!(
        josekit::jwe::deserialize_compact(&answer.text, &wrong).is_err(),
        "only the client's key opens it"
    );
}

/// A loopback portal that keeps every logout token posted to `/bcl`.
async fn logout_receiver(received: Arc<Mutex<Vec<String>>>) -> String {
    let router = axum::Router::new().route(
        "/bcl",
        axum::routing::post(move |body: String| {
            let received = Arc::clone(&received);
            async move {
                let token = url::form_urlencoded::parse(body.as_bytes())
                    .find(|(k, _)| k == "logout_token")
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                received.lock().unwrap().push(token);
                axum::http::StatusCode::OK
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}/bcl")
}

async fn wait_for(received: &Arc<Mutex<Vec<String>>>, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let now = received.lock().unwrap().clone();
        if now.len() >= count {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{count} logout tokens did not arrive: {:?}",
        received.lock().unwrap()
    );
}

async fn portals_hear_of_a_logout_and_of_a_block_by_back_channel(app: TestApp) {
    app.active_citizen(CITIZEN).await;
    let received = Arc::new(Mutex::new(Vec::new()));
    let uri = logout_receiver(Arc::clone(&received)).await;
    let profile = ClientProfile {
        backchannel_logout_uri: Some(uri),
        backchannel_logout_session_required: true,
        ..ClientProfile::default()
    };
    app.government_client("bc", GOV, secret_client("bc-secret"), "RS256", profile)
        .await;
    // A portal whose logout endpoint is down: it never delays the citizen.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let dead = ClientProfile {
        backchannel_logout_uri: Some(format!("http://{closed}/bcl")),
        ..ClientProfile::default()
    };
    app.government_client("down", PORTAL, secret_client("down-secret"), "RS256", dead)
        .await;

    let browser = Browser::new();
    let code = code_from(&app, &browser, &authorize_url(&app, "bc", GOV, &[])).await;
    let tokens = post(
        &app,
        "/token",
        &code_form(&code, GOV),
        &[],
        Some(("bc", "bc-secret")),
    )
    .await;
    let id_token = tokens.json()["id_token"].as_str().unwrap().to_owned();
    let id = app.state.key_ring().verify_jwt(&id_token).unwrap();
    let sso = browser.get(&authorize_url(&app, "down", PORTAL, &[])).await;
    assert!(
        sso.location_param("code").is_some(),
        "single sign-on at the second portal"
    );

    let out = browser
        .get(&format!(
            "{}?{}",
            app.url("/logout"),
            encode(&[
                ("id_token_hint", &id_token),
                ("post_logout_redirect_uri", "https://gov.example/bye"),
                ("state", "z"),
            ])
        ))
        .await;
    assert_eq!(
        out.location.as_deref(),
        Some("https://gov.example/bye?state=z")
    );
    let tokens = wait_for(&received, 1).await;
    let logout = &tokens[0];
    let header = clave_idp::crypto::jose::header_of(logout).unwrap();
    assert_eq!(header["typ"], "logout+jwt");
    let claims = app.state.key_ring().verify_jwt(logout).unwrap();
    assert_eq!(claims["iss"], app.issuer.as_str());
    assert_eq!(claims["aud"], "bc");
    assert_eq!(claims["sid"], id["sid"]);
    assert_eq!(claims["sub"], id["sub"]);
    assert!(claims["events"]["http://schemas.openid.net/event/backchannel-logout"].is_object());
    assert!(
        claims.get("nonce").is_none(),
        "a logout token never has a nonce"
    );
    assert!(claims["jti"].is_string() && claims["iat"].is_i64());

    // A new session, then five wrong passwords block the account: told too.
    let again = Browser::new();
    code_from(&app, &again, &authorize_url(&app, "bc", GOV, &[])).await;
    let attacker = Browser::new();
    let (mut page, _) = attacker
        .reach_password_page(&app, &authorize_url(&app, "bc", GOV, &[]))
        .await;
    for _ in 0..5 {
        page = attacker
            .submit_password(&app, &page, CITIZEN, "Wrong-Password-1")
            .await;
    }
    let tokens = wait_for(&received, 2).await;
    let claims = app.state.key_ring().verify_jwt(&tokens[1]).unwrap();
    assert_ne!(claims["sid"], id["sid"], "the new session's");
    assert_eq!(
        received.lock().unwrap().len(),
        2,
        "one token per ended session"
    );
}
