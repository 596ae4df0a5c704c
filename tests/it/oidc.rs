//! The OpenID provider through HTTP, with the `openidconnect` crate as the relying
//! party where a certified client would be, on both backends.

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, RefreshToken, Scope, TokenResponse,
};
use serde_json::Value;

use crate::harness::{Backends, Browser, ClientSpec, OTHER_PORTAL, PASSWORD, PORTAL, TestApp};

type Rp = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

const CITIZEN: &str = "12345678Z";

both_backends!(
    the_whole_flow_works_with_a_certified_client_library,
    a_code_works_once_and_its_replay_revokes_what_it_issued,
    a_wrong_pkce_verifier_is_refused,
    a_wrong_client_secret_is_refused_and_encoded_basic_credentials_work,
    an_unregistered_redirect_uri_gets_a_page_and_never_a_redirect,
    a_missing_or_unsupported_response_type_is_sent_back_to_the_client,
    prompt_none_without_a_session_answers_login_required,
    a_replayed_refresh_token_revokes_its_family,
    a_refresh_asking_a_wider_scope_is_refused_and_leaves_the_token_usable,
    an_expired_code_is_refused,
    portals_in_different_sectors_see_different_subjects,
    a_second_portal_logs_in_by_single_sign_on_unless_it_asks_for_more,
    substantial_assurance_adds_the_sms_code,
    five_wrong_passwords_block_the_password,
    unknown_and_known_citizens_get_the_same_answer,
    an_expired_password_must_be_renewed_before_reaching_the_portal,
    logout_with_a_hint_ends_the_session_and_returns_to_the_portal,
    logout_with_a_hint_naming_another_citizen_asks_first,
    login_and_logout_give_the_browser_a_new_csrf_cookie,
    introspection_and_revocation_work_for_the_owning_client_only,
    two_parallel_redemptions_of_one_code_have_one_winner,
);

async fn rp(app: &TestApp, id: &str, secret: Option<String>, redirect: &str) -> Rp {
    let http = http_client();
    let metadata =
        CoreProviderMetadata::discover_async(IssuerUrl::new(app.issuer.clone()).unwrap(), &http)
            .await
            .expect("discovery");
    CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(id.to_owned()),
        secret.map(ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(redirect.to_owned()).unwrap())
}

fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

struct Started {
    url: String,
    state: CsrfToken,
    nonce: Nonce,
    verifier: PkceCodeVerifier,
}

fn start(client: &Rp, scopes: &[&str]) -> Started {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge);
    for scope in scopes {
        request = request.add_scope(Scope::new((*scope).to_owned()));
    }
    let (url, state, nonce) = request.url();
    Started {
        url: url.to_string(),
        state,
        nonce,
        verifier,
    }
}

/// Registers the standard client and citizen and logs in; returns the code.
async fn logged_in_code(
    app: &TestApp,
    browser: &Browser,
    client: &Rp,
    scopes: &[&str],
) -> (Started, String) {
    let started = start(client, scopes);
    let done = browser.log_in(app, &started.url, CITIZEN).await;
    assert_eq!(
        done.location_param("state").as_deref(),
        Some(started.state.secret().as_str())
    );
    assert_eq!(
        done.location_param("iss").as_deref(),
        Some(app.issuer.as_str())
    );
    let code = done.location_param("code").expect("a code");
    (started, code)
}

async fn standard(app: &TestApp) -> Rp {
    app.active_citizen(CITIZEN).await;
    let secret = app.client(ClientSpec::confidential("sede")).await;
    rp(app, "sede", secret, PORTAL).await
}

async fn token_request(
    app: &TestApp,
    form: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> (u16, Value) {
    let mut request = http_client().post(app.url("/token")).form(form);
    if let Some((user, password)) = basic {
        request = request.basic_auth(user, Some(password));
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    assert_eq!(response.headers()["cache-control"], "no-store");
    (status, response.json().await.unwrap())
}

async fn the_whole_flow_works_with_a_certified_client_library(app: TestApp) {
    let client = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(
        &app,
        &browser,
        &client,
        &["profile", "nif", "offline_access"],
    )
    .await;
    let http = http_client();

    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(started.verifier)
        .request_async(&http)
        .await
        .expect("code exchange");
    let id_token = tokens.id_token().expect("an ID token");
    let claims = id_token
        .claims(&client.id_token_verifier(), &started.nonce)
        .expect("a valid ID token");
    let expected_hash = AccessTokenHash::from_token(
        tokens.access_token(),
        id_token.signing_alg().unwrap(),
        id_token.signing_key(&client.id_token_verifier()).unwrap(),
    )
    .unwrap();
    assert_eq!(claims.access_token_hash(), Some(&expected_hash));
    assert_eq!(
        claims.auth_context_ref().map(|a| a.as_str()),
        Some("http://eidas.europa.eu/LoA/low")
    );
    assert!(claims.auth_time().is_some());
    assert_ne!(
        claims.subject().as_str(),
        CITIZEN,
        "sub is pairwise, never the DNI/NIE"
    );

    let userinfo: Value = http
        .get(app.url("/userinfo"))
        .bearer_auth(tokens.access_token().secret())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(userinfo["sub"], claims.subject().as_str());
    assert_eq!(userinfo["name"], "María García López");
    assert_eq!(userinfo["family_name"], "García López");
    assert_eq!(userinfo["nif"], CITIZEN);
    assert!(userinfo.get("email").is_none(), "email was not asked for");

    let refresh = tokens
        .refresh_token()
        .expect("offline_access gives a refresh token");
    let refreshed = client
        .exchange_refresh_token(refresh)
        .unwrap()
        .request_async(&http)
        .await
        .expect("refresh");
    let renewed = refreshed.id_token().expect("an ID token on refresh");
    let verifier = client.id_token_verifier();
    let renewed_claims = renewed
        .claims(&verifier, |_: Option<&Nonce>| Ok(()))
        .expect("valid");
    assert_eq!(renewed_claims.subject(), claims.subject());
    assert_eq!(renewed_claims.auth_time(), claims.auth_time());
    assert_ne!(
        refreshed.refresh_token().unwrap().secret(),
        refresh.secret(),
        "rotated"
    );

    let logout = format!(
        "{}?id_token_hint={}&post_logout_redirect_uri={}&state=bye1",
        app.url("/logout"),
        renewed,
        urlencode("https://sede.example/bye")
    );
    let out = browser.get(&logout).await;
    assert_eq!(out.status, 302, "{}", out.body);
    assert_eq!(
        out.location.as_deref(),
        Some("https://sede.example/bye?state=bye1")
    );
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn a_code_works_once_and_its_replay_revokes_what_it_issued(app: TestApp) {
    let client = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &client, &[]).await;
    let verifier = started.verifier.secret().clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", PORTAL),
        ("code_verifier", verifier.as_str()),
    ];

    let (status, first) = token_request(&app, &form, Some(("sede", "sede-secret_XYZ"))).await;
    assert_eq!(status, 200, "{first}");
    let access = first["access_token"].as_str().unwrap().to_owned();
    let (status, again) = token_request(&app, &form, Some(("sede", "sede-secret_XYZ"))).await;

    assert_eq!(status, 400);
    assert_eq!(again["error"], "invalid_grant");
    let userinfo = http_client()
        .get(app.url("/userinfo"))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(
        userinfo.status(),
        401,
        "the replay revoked the access token"
    );
    assert!(
        userinfo.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("invalid_token")
    );
}

async fn a_wrong_pkce_verifier_is_refused(app: TestApp) {
    let client = standard(&app).await;
    let browser = Browser::new();
    let (_, code) = logged_in_code(&app, &browser, &client, &[]).await;
    let wrong = "x".repeat(43);
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", PORTAL),
        ("code_verifier", wrong.as_str()),
    ];
    let (status, body) = token_request(&app, &form, Some(("sede", "sede-secret_XYZ"))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
}

async fn a_wrong_client_secret_is_refused_and_encoded_basic_credentials_work(app: TestApp) {
    let client = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &client, &[]).await;
    let verifier = started.verifier.secret().clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", PORTAL),
        ("code_verifier", verifier.as_str()),
    ];

    let response = http_client()
        .post(app.url("/token"))
        .form(&form)
        .basic_auth("sede", Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert!(
        response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "invalid_client");

    // RFC 6749 §2.3.1: the secret form-url-encoded inside Basic ('_' and '-' as %5F, %2D).
    let (status, body) = token_request(&app, &form, Some(("sede", "sede%2Dsecret%5FXYZ"))).await;
    assert_eq!(status, 200, "{body}");
}

async fn an_unregistered_redirect_uri_gets_a_page_and_never_a_redirect(app: TestApp) {
    standard(&app).await;
    let browser = Browser::new();
    for url in [
        "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&scope=openid",
        "/authorize?client_id=nobody&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid",
        "/authorize?response_type=code&scope=openid",
    ] {
        let seen = browser.get(&app.url(url)).await;
        assert_eq!(seen.status, 400, "{url}");
        assert!(seen.location.is_none(), "{url} must not redirect");
        assert!(
            seen.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
}

async fn a_missing_or_unsupported_response_type_is_sent_back_to_the_client(app: TestApp) {
    standard(&app).await;
    let browser = Browser::new();
    let base = "/authorize?client_id=sede&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&scope=openid&state=s9";
    let missing = browser.get(&app.url(base)).await;
    assert_eq!(
        missing.location_param("error").as_deref(),
        Some("invalid_request")
    );
    assert_eq!(missing.location_param("state").as_deref(), Some("s9"));
    let token = browser
        .get(&app.url(&format!("{base}&response_type=token")))
        .await;
    assert_eq!(
        token.location_param("error").as_deref(),
        Some("unsupported_response_type")
    );
    assert_eq!(
        token.location_param("iss").as_deref(),
        Some(app.issuer.as_str())
    );
}

async fn prompt_none_without_a_session_answers_login_required(app: TestApp) {
    let client = standard(&app).await;
    let started = start(&client, &[]);
    let seen = Browser::new()
        .get(&format!("{}&prompt=none", started.url))
        .await;
    assert_eq!(seen.status, 302);
    assert_eq!(
        seen.location_param("error").as_deref(),
        Some("login_required")
    );
    assert_eq!(
        seen.location_param("state").as_deref(),
        Some(started.state.secret().as_str())
    );
}

/// The portal `sede` with the refresh token of a fresh login.
async fn with_refresh_token(app: &TestApp) -> (Rp, RefreshToken) {
    let client = standard(app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(app, &browser, &client, &["offline_access"]).await;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(started.verifier)
        .request_async(&http_client())
        .await
        .unwrap();
    let refresh = tokens.refresh_token().expect("offline_access").clone();
    (client, refresh)
}

async fn a_replayed_refresh_token_revokes_its_family(app: TestApp) {
    let (client, first) = with_refresh_token(&app).await;
    let http = http_client();
    let second = client
        .exchange_refresh_token(&first)
        .unwrap()
        .request_async(&http)
        .await
        .unwrap();
    let second_token = second.refresh_token().unwrap().clone();

    let replay = client
        .exchange_refresh_token(&first)
        .unwrap()
        .request_async(&http)
        .await;
    assert!(replay.is_err(), "a rotated token is refused");
    let after = client
        .exchange_refresh_token(&second_token)
        .unwrap()
        .request_async(&http)
        .await;
    assert!(after.is_err(), "the replay revoked the whole family");
}

async fn a_refresh_asking_a_wider_scope_is_refused_and_leaves_the_token_usable(app: TestApp) {
    let (_, refresh) = with_refresh_token(&app).await;
    let refresh = refresh.secret().clone();
    let basic = Some(("sede", "sede-secret_XYZ"));
    for wider in ["openid offline_access email", "openid made_up"] {
        let (status, body) = token_request(
            &app,
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh.as_str()),
                ("scope", wider),
            ],
            basic,
        )
        .await;
        assert_eq!(
            (status, body["error"].as_str()),
            (400, Some("invalid_scope")),
            "{wider}"
        );
    }
    // Not burned: the same token still refreshes, narrower or as granted.
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.as_str()),
            ("scope", "openid"),
        ],
        basic,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "openid");
    let next = body["refresh_token"].as_str().unwrap();
    let (status, body) = token_request(
        &app,
        &[("grant_type", "refresh_token"), ("refresh_token", next)],
        basic,
    )
    .await;
    assert_eq!(status, 200, "the family lives on: {body}");
    assert_eq!(
        body["scope"], "openid offline_access",
        "a refresh token keeps its grant's scope"
    );
}

async fn an_expired_code_is_refused(app: TestApp) {
    let client = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &client, &[]).await;
    app.clock.advance(61);
    let verifier = started.verifier.secret().clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", PORTAL),
        ("code_verifier", verifier.as_str()),
    ];
    let (status, body) = token_request(&app, &form, Some(("sede", "sede-secret_XYZ"))).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
}

async fn exchange(
    app: &TestApp,
    client: &Rp,
    started: Started,
    code: String,
) -> openidconnect::core::CoreIdTokenClaims {
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(started.verifier)
        .request_async(&http_client())
        .await
        .unwrap();
    let _ = app;
    tokens
        .id_token()
        .unwrap()
        .claims(&client.id_token_verifier(), &started.nonce)
        .unwrap()
        .clone()
}

async fn portals_in_different_sectors_see_different_subjects(app: TestApp) {
    let sede = standard(&app).await;
    let other_secret = app
        .client(ClientSpec {
            id: "otra",
            redirect_uri: OTHER_PORTAL,
            ..ClientSpec::confidential("otra")
        })
        .await;
    let otra = rp(&app, "otra", other_secret, OTHER_PORTAL).await;
    let browser = Browser::new();

    let (started, code) = logged_in_code(&app, &browser, &sede, &[]).await;
    let at_sede = exchange(&app, &sede, started, code).await;
    let started = start(&otra, &[]);
    let sso = browser.get(&started.url).await;
    let code = sso.location_param("code").expect("single sign-on");
    let at_otra = exchange(&app, &otra, started, code).await;

    assert_ne!(at_sede.subject(), at_otra.subject());
}

async fn a_second_portal_logs_in_by_single_sign_on_unless_it_asks_for_more(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &sede, &[]).await;
    let first = exchange(&app, &sede, started, code).await;

    let again = start(&sede, &[]);
    let sso = browser.get(&again.url).await;
    assert_eq!(sso.status, 302);
    let code = sso.location_param("code").expect("no password asked");
    let second = exchange(&app, &sede, again, code).await;
    assert_eq!(second.auth_time(), first.auth_time());

    let forced = browser
        .get(&format!("{}&prompt=login", start(&sede, &[]).url))
        .await;
    assert!(
        forced.location.unwrap().starts_with("/login?tx="),
        "prompt=login asks again"
    );
    app.clock.advance(120);
    let aged = browser
        .get(&format!("{}&max_age=60", start(&sede, &[]).url))
        .await;
    assert!(
        aged.location.unwrap().starts_with("/login?tx="),
        "max_age asks again"
    );
    let higher = browser
        .get(&format!(
            "{}&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial",
            start(&sede, &[]).url
        ))
        .await;
    assert!(
        higher.location.unwrap().starts_with("/login?tx="),
        "a higher level asks again"
    );
    let fresh = Browser::new().get(&start(&sede, &[]).url).await;
    assert!(
        fresh.location.unwrap().starts_with("/login?tx="),
        "another browser has no session"
    );
}

async fn substantial_assurance_adds_the_sms_code(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let started = start(&sede, &[]);
    let url = format!(
        "{}&acr_values=http%3A%2F%2Feidas.europa.eu%2FLoA%2Fsubstantial",
        started.url
    );
    let (page, _) = browser.reach_password_page(&app, &url).await;
    let after_password = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    assert_eq!(after_password.status, 303);
    let otp_page = browser
        .get(&app.url(after_password.location.as_deref().unwrap()))
        .await;
    assert!(
        otp_page.body.contains("autocomplete=\"one-time-code\""),
        "{}",
        otp_page.body
    );
    let tx = otp_page.field("tx").unwrap();

    let wrong = browser
        .post(
            &app.url("/login/otp"),
            &[
                ("csrf_token", &otp_page.csrf()),
                ("tx", &tx),
                ("otp", "000000"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let code = app.last_otp();
    let done = browser
        .post(
            &app.url("/login/otp"),
            &[
                ("csrf_token", &otp_page.csrf()),
                ("tx", &tx),
                ("otp", &code),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let claims = exchange(&app, &sede, started, done.location_param("code").unwrap()).await;
    assert_eq!(
        claims.auth_context_ref().unwrap().as_str(),
        "http://eidas.europa.eu/LoA/substantial"
    );
    let amr: Vec<String> = claims
        .auth_method_refs()
        .unwrap()
        .iter()
        .map(|a| a.to_string())
        .collect();
    assert_eq!(amr, ["pwd", "sms"]);
}

async fn five_wrong_passwords_block_the_password(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let (mut page, _) = browser
        .reach_password_page(&app, &start(&sede, &[]).url)
        .await;
    for _ in 0..5 {
        let seen = browser
            .submit_password(&app, &page, CITIZEN, "Wrong-Password-1")
            .await;
        assert_eq!(seen.status, 422);
        page = seen;
    }
    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(citizen.password_blocked);

    let right = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    assert_eq!(right.status, 403, "the right password now shows the block");
    assert!(right.body.contains("/password/forgot"));
}

async fn unknown_and_known_citizens_get_the_same_answer(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let (page, _) = browser
        .reach_password_page(&app, &start(&sede, &[]).url)
        .await;
    let known = browser
        .submit_password(&app, &page, CITIZEN, "Wrong-Password-1")
        .await;
    let unknown = browser
        .submit_password(&app, &page, "00000000T", "Wrong-Password-1")
        .await;
    assert_eq!(known.status, unknown.status);
    let strip = |body: &str| body.replace(CITIZEN, "ID").replace("00000000T", "ID");
    assert_eq!(strip(&known.body), strip(&unknown.body));
}

async fn an_expired_password_must_be_renewed_before_reaching_the_portal(app: TestApp) {
    let sede = standard(&app).await;
    app.clock.advance(2 * 365 * 24 * 3600 + 1);
    let browser = Browser::new();
    let started = start(&sede, &[]);
    let (page, _) = browser.reach_password_page(&app, &started.url).await;
    let renew = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    assert_eq!(renew.status, 303);
    assert!(
        renew
            .location
            .as_deref()
            .unwrap()
            .starts_with("/login/renew")
    );
    let otp_page = browser
        .get(&app.url(renew.location.as_deref().unwrap()))
        .await;
    let tx = otp_page.field("tx").unwrap();
    let code = app.last_otp();
    let verified = browser
        .post(
            &app.url("/login/renew"),
            &[
                ("csrf_token", &otp_page.csrf()),
                ("tx", &tx),
                ("otp", &code),
            ],
        )
        .await;
    assert_eq!(verified.status, 303);
    let form = browser
        .get(&app.url(verified.location.as_deref().unwrap()))
        .await;

    let same = browser
        .post(
            &app.url("/login/renew"),
            &[
                ("csrf_token", &form.csrf()),
                ("tx", &tx),
                ("new_password", PASSWORD),
                ("new_password_confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(same.status, 422, "the old password is refused");
    let weak = browser
        .post(
            &app.url("/login/renew"),
            &[
                ("csrf_token", &form.csrf()),
                ("tx", &tx),
                ("new_password", "garcia12"),
                ("new_password_confirm", "garcia12"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422);
    let done = browser
        .post(
            &app.url("/login/renew"),
            &[
                ("csrf_token", &form.csrf()),
                ("tx", &tx),
                ("new_password", "Nueva-Clave-2027"),
                ("new_password_confirm", "Nueva-Clave-2027"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert!(done.location.as_deref().unwrap().starts_with(PORTAL));
    let citizen = app.state.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert_eq!(citizen.password_set_at, Some(app.clock_now()));
}

/// The `clave_csrf` value a response sets, if it sets one.
fn csrf_cookie_set(seen: &crate::harness::Seen) -> Option<String> {
    seen.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("clave_csrf="))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
}

async fn logout_with_a_hint_naming_another_citizen_asks_first(app: TestApp) {
    let sede = standard(&app).await;
    // Someone else's ID token, from another browser.
    const OTHER: &str = "87654321X";
    app.active_citizen(OTHER).await;
    let theirs = Browser::new();
    let started = start(&sede, &[]);
    let done = theirs.log_in(&app, &started.url, OTHER).await;
    let tokens = sede
        .exchange_code(AuthorizationCode::new(done.location_param("code").unwrap()))
        .unwrap()
        .set_pkce_verifier(started.verifier)
        .request_async(&http_client())
        .await
        .unwrap();
    let foreign_hint = tokens.id_token().unwrap().to_string();

    // The citizen's own browser, sent to /logout with it by a third-party page.
    let mine = Browser::new();
    let _ = logged_in_code(&app, &mine, &sede, &[]).await;
    let asked = mine
        .get(&format!(
            "{}?id_token_hint={foreign_hint}&post_logout_redirect_uri={}",
            app.url("/logout"),
            urlencode("https://sede.example/bye")
        ))
        .await;
    assert_eq!(asked.status, 200, "a confirmation page, not a redirect");
    assert!(
        asked.body.contains("action=\"/logout/confirm\""),
        "{}",
        asked.body
    );
    let still = mine
        .get(&format!("{}&prompt=none", start(&sede, &[]).url))
        .await;
    assert!(
        still.location_param("code").is_some(),
        "the session is still live"
    );
    // Over-long values are refused: no confirmation form carries them on.
    let long = mine
        .get(&format!(
            "{}?client_id=sede&state={}",
            app.url("/logout"),
            "s".repeat(1025)
        ))
        .await;
    assert_eq!(long.status, 400);
    assert!(!long.body.contains("/logout/confirm"), "{}", long.body);
}

async fn login_and_logout_give_the_browser_a_new_csrf_cookie(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let started = start(&sede, &[]);
    let (page, _) = browser.reach_password_page(&app, &started.url).await;
    let before = page.csrf();
    let done = browser
        .submit_password(&app, &page, CITIZEN, crate::harness::PASSWORD)
        .await;
    let after_login = csrf_cookie_set(&done).expect("a new CSRF cookie at login");
    let out = browser
        .post(
            &app.url("/logout/confirm"),
            &[("csrf_token", before.as_str())],
        )
        .await;
    assert_eq!(
        out.status, 403,
        "a token from before the login no longer passes"
    );
    let page = browser.get(&app.url("/logout")).await;
    let out = browser
        .post(
            &app.url("/logout/confirm"),
            &[("csrf_token", page.csrf().as_str())],
        )
        .await;
    assert_eq!(out.status, 200, "{}", out.body);
    let after_logout = csrf_cookie_set(&out).expect("a new CSRF cookie at logout");
    assert_ne!(after_login, after_logout);
}

async fn logout_with_a_hint_ends_the_session_and_returns_to_the_portal(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &sede, &[]).await;
    let tokens = sede
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(started.verifier)
        .request_async(&http_client())
        .await
        .unwrap();
    let hint = tokens.id_token().unwrap().to_string();

    let unregistered = browser
        .get(&format!(
            "{}?id_token_hint={hint}&post_logout_redirect_uri={}",
            app.url("/logout"),
            urlencode("https://evil.example/")
        ))
        .await;
    assert_eq!(unregistered.status, 400);
    let out = browser
        .get(&format!(
            "{}?id_token_hint={hint}&post_logout_redirect_uri={}&state=z",
            app.url("/logout"),
            urlencode("https://sede.example/bye")
        ))
        .await;
    assert_eq!(
        out.location.as_deref(),
        Some("https://sede.example/bye?state=z")
    );

    let after = browser
        .get(&format!("{}&prompt=none", start(&sede, &[]).url))
        .await;
    assert_eq!(
        after.location_param("error").as_deref(),
        Some("login_required")
    );

    let no_hint = browser.get(&app.url("/logout")).await;
    assert_eq!(no_hint.status, 200, "without a hint the citizen is asked");
    assert!(no_hint.body.contains("action=\"/logout/confirm\""));
}

async fn introspection_and_revocation_work_for_the_owning_client_only(app: TestApp) {
    let sede = standard(&app).await;
    let other_secret = app
        .client(ClientSpec {
            id: "otra",
            redirect_uri: OTHER_PORTAL,
            ..ClientSpec::confidential("otra")
        })
        .await
        .unwrap();
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &sede, &["offline_access"]).await;
    let tokens = sede
        .exchange_code(AuthorizationCode::new(code))
        .unwrap()
        .set_pkce_verifier(started.verifier)
        .request_async(&http_client())
        .await
        .unwrap();
    let access = tokens.access_token().secret().clone();
    let refresh = tokens.refresh_token().unwrap().secret().clone();
    let introspect = |token: String, id: &'static str, secret: String| {
        let url = app.url("/introspect");
        async move {
            let response = http_client()
                .post(url)
                .basic_auth(id, Some(secret))
                .form(&[("token", token)])
                .send()
                .await
                .unwrap();
            response.json::<Value>().await.unwrap()
        }
    };

    let mine = introspect(access.clone(), "sede", "sede-secret_XYZ".into()).await;
    assert_eq!(mine["active"], true);
    assert_eq!(mine["client_id"], "sede");
    assert_eq!(
        introspect(refresh.clone(), "sede", "sede-secret_XYZ".into()).await["active"],
        true
    );
    assert_eq!(
        introspect(access.clone(), "otra", other_secret.clone()).await,
        serde_json::json!({"active": false})
    );

    let revoked = http_client()
        .post(app.url("/revoke"))
        .basic_auth("sede", Some("sede-secret_XYZ"))
        .form(&[("token", refresh.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 200);
    assert_eq!(
        introspect(refresh, "sede", "sede-secret_XYZ".into()).await["active"],
        false
    );
    let access_revoked = http_client()
        .post(app.url("/revoke"))
        .basic_auth("sede", Some("sede-secret_XYZ"))
        .form(&[
            ("token", access.as_str()),
            ("token_type_hint", "access_token"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(access_revoked.status(), 200);
    assert_eq!(
        introspect(access, "sede", "sede-secret_XYZ".into()).await["active"],
        false
    );
    // Discovery advertises no `none` for introspection: a public client is refused.
    app.client(ClientSpec {
        id: "movil",
        public: true,
        ..ClientSpec::confidential("movil")
    })
    .await;
    let public = http_client()
        .post(app.url("/introspect"))
        .form(&[("token", "whatever"), ("client_id", "movil")])
        .send()
        .await
        .unwrap();
    assert_eq!(public.status(), 401);
    let body: Value = public.json().await.unwrap();
    assert_eq!(body["error"], "invalid_client");
}

async fn two_parallel_redemptions_of_one_code_have_one_winner(app: TestApp) {
    let sede = standard(&app).await;
    let browser = Browser::new();
    let (started, code) = logged_in_code(&app, &browser, &sede, &[]).await;
    let verifier = started.verifier.secret().clone();
    let attempts = (0..2).map(|_| {
        let url = app.url("/token");
        let form = vec![
            ("grant_type".to_owned(), "authorization_code".to_owned()),
            ("code".to_owned(), code.clone()),
            ("redirect_uri".to_owned(), PORTAL.to_owned()),
            ("code_verifier".to_owned(), verifier.clone()),
        ];
        tokio::spawn(async move {
            http_client()
                .post(url)
                .basic_auth("sede", Some("sede-secret_XYZ"))
                .form(&form)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        })
    });
    let mut statuses = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        statuses.push(attempt.await.unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 400]);
}

#[tokio::test]
async fn discovery_is_served_from_the_issuer_and_the_jwks_has_no_private_members() {
    let app = TestApp::spawn(Backends::Embedded).await.unwrap();
    let doc: Value = reqwest::get(app.url("/.well-known/openid-configuration"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["issuer"], app.issuer);
    let jwks: Value = reqwest::get(doc["jwks_uri"].as_str().unwrap())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let keys = jwks["keys"].as_array().unwrap();
    assert!(keys.iter().any(|k| k["alg"] == "RS256") && keys.iter().any(|k| k["alg"] == "ES256"));
    for key in keys {
        for private in ["d", "p", "q", "dp", "dq", "qi"] {
            assert!(key.get(private).is_none(), "{key}");
        }
    }
    let _ = PASSWORD;
    for stored in app.state.db.published_keys(app.clock_now()).await.unwrap() {
        assert!(
            stored.private_jwk.starts_with("ey") && stored.private_jwk.split('.').count() == 5,
            "sealed as a JWE"
        );
        assert!(
            !stored.private_jwk.contains("\"d\""),
            "no private member in clear"
        );
    }
}

/// The renewal of an expired password takes an SMS code like every other code
/// step, so it counts against the same per-address quota of code entries: past
/// it, 429 with the true `Retry-After`, before the code is even looked at.
async fn the_renewal_code_step_counts_against_the_per_address_code_quota(backends: Backends) {
    let Some(app) = TestApp::spawn_configured(backends, None, |s| {
        s.rate_ip_soft = 100;
        s.rate_ip_hard = 3;
    })
    .await
    else {
        return;
    };
    let sede = standard(&app).await;
    app.clock.advance(2 * 365 * 24 * 3600 + 1);
    let browser = Browser::new();
    let started = start(&sede, &[]);
    let (page, _) = browser.reach_password_page(&app, &started.url).await;
    let renew = browser
        .submit_password(&app, &page, CITIZEN, PASSWORD)
        .await;
    let otp_page = browser
        .get(&app.url(renew.location.as_deref().unwrap()))
        .await;
    let tx = otp_page.field("tx").unwrap();
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..5 {
        let answer = browser
            .post(
                &app.url("/login/renew"),
                &[
                    ("csrf_token", otp_page.csrf().as_str()),
                    ("tx", tx.as_str()),
                    ("otp", "000000"),
                ],
            )
            .await;
        statuses.push(answer.status);
        if answer.status == 429 {
            retry_after = answer.headers.get("retry-after").cloned();
        }
    }
    assert_eq!(statuses[..3], [422, 422, 422], "{statuses:?}");
    assert_eq!(statuses[3..], [429, 429], "{statuses:?}");
    let secs: u64 = retry_after.unwrap().to_str().unwrap().parse().unwrap();
    assert!(
        (1..=900).contains(&secs),
        "the true wait of the window: {secs}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_renewal_code_step_counts_against_the_code_quota_on_the_embedded_backends() {
    the_renewal_code_step_counts_against_the_per_address_code_quota(Backends::Embedded).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_renewal_code_step_counts_against_the_code_quota_on_postgres_and_redis() {
    the_renewal_code_step_counts_against_the_per_address_code_quota(Backends::Real).await;
}

/// The audit trail says where each attempt came from: the citizen's address as
/// the trusted proxy forwarded it, for the wrong password and for the login.
async fn the_audit_trail_records_the_address_of_each_attempt(backends: Backends) {
    let Some(app) = TestApp::spawn_configured(backends, None, |s| {
        s.trusted_proxies = "127.0.0.1".to_owned();
    })
    .await
    else {
        return;
    };
    let sede = standard(&app).await;
    let browser = Browser::behind_proxy("203.0.113.7");
    let started = start(&sede, &[]);
    let (page, _) = browser.reach_password_page(&app, &started.url).await;
    let wrong = browser
        .submit_password(&app, &page, CITIZEN, "Wrong-Pass-1")
        .await;
    assert_eq!(wrong.status, 422);
    let done = browser.log_in(&app, &started.url, CITIZEN).await;
    assert!(done.location_param("code").is_some());

    let events = app.state.db.audit_events_for(CITIZEN).await.unwrap();
    for kind in ["login_failed", "login_succeeded"] {
        let event = events.iter().find(|e| e.kind == kind).unwrap();
        assert_eq!(event.ip.as_deref(), Some("203.0.113.7"), "{kind}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_trail_records_the_address_on_the_embedded_backends() {
    the_audit_trail_records_the_address_of_each_attempt(Backends::Embedded).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_trail_records_the_address_on_postgres_and_redis() {
    the_audit_trail_records_the_address_of_each_attempt(Backends::Real).await;
}
