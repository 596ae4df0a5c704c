//! Many instances: two `clave-idp serve` processes on one PostgreSQL schema and one
//! Redis prefix behave as one provider.
//!
//! **One issuer.** A real deployment puts the instances behind one load balancer,
//! and the issuer is the balancer's public URL: every instance publishes the same
//! discovery document and puts the same `iss` in its tokens, whichever one a
//! request reaches. Here both processes get `CLAVE_ISSUER` = instance A's URL, which
//! stands in for the balancer's, and the test plays the balancer: it sends each hop
//! to the instance it chooses, alternating between them (redirects are relative,
//! and an absolute one is re-pointed at the chosen instance). Giving each its own
//! issuer would test two providers, not one.
//!
//! The browser keeps one cookie jar for both (cookies are per host, not per port),
//! as a browser would behind one balancer. Both instances get the same
//! `CLAVE_KEY_ENCRYPTION_KEY` (each must unseal the keys the other made) and start
//! at once, so migrations and first-start key/secret creation race as they would in
//! a rolling deployment. Skipped unless `CLAVE_TEST_DATABASE_URL` and
//! `CLAVE_TEST_REDIS_URL` are set.

mod pair;

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use serde_json::Value;

use self::pair::{CITIZEN, Pair, path_of};
use crate::harness::{Browser, PASSWORD, PORTAL, Seen, solve_question};
use crate::servers::Instance;

/// A browser whose cookies the test can read (to replay them after a logout).
fn browser() -> (Browser, Arc<Jar>) {
    let jar = Arc::new(Jar::default());
    let http = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    (Browser { http }, jar)
}

fn authorize(client: &str, extra: &str) -> String {
    format!(
        "/authorize?client_id={client}&redirect_uri=https%3A%2F%2Fsede.example%2Fcallback&response_type=code&scope=openid{extra}&state=st"
    )
}

/// The password login, each hop on the next instance of `hops` (cycled).
async fn log_in(browser: &Browser, hops: &[&Instance], start: &str, id: &str) -> Seen {
    let mut hop = hops.iter().cycle();
    let started = browser.get(&hop.next().unwrap().url(start)).await;
    assert_eq!(started.status, 302, "{}", started.body);
    let method = browser
        .get(&hop.next().unwrap().url(&path_of(&started)))
        .await;
    assert_eq!(method.status, 200, "{}", method.body);
    let chosen = browser
        .post(
            &hop.next().unwrap().url("/login"),
            &[
                ("csrf_token", &method.csrf()),
                ("tx", &method.field("tx").unwrap()),
                ("method", "permanente"),
            ],
        )
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
    let page = browser
        .get(&hop.next().unwrap().url(&path_of(&chosen)))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    browser
        .post(
            &hop.next().unwrap().url("/login/permanente"),
            &[
                ("csrf_token", &page.csrf()),
                ("tx", &page.field("tx").unwrap()),
                ("username", id),
                ("password", PASSWORD),
            ],
        )
        .await
}

/// `POST /token` on `instance` as client `id`.
async fn token(instance: &Instance, id: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(instance.url("/token"))
        .basic_auth(id, Some(format!("{id}-secret_XYZ")))
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

async fn redeem(instance: &Instance, client: &str, code: &str) -> Value {
    let (status, tokens) = token(
        instance,
        client,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", PORTAL),
        ],
    )
    .await;
    assert_eq!(status, 200, "{tokens}");
    tokens
}

fn refresh(token: &str) -> [(&'static str, &str); 2] {
    [("grant_type", "refresh_token"), ("refresh_token", token)]
}

async fn json(url: &str) -> Value {
    reqwest::get(url).await.unwrap().json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_begun_on_one_instance_continues_on_the_other() {
    let Some(pair) = Pair::start(&[]).await else {
        return;
    };
    let (a, b) = (&pair.a, &pair.b);
    let discovery = "/.well-known/openid-configuration";
    let on_a = json(&a.url(discovery)).await;
    assert_eq!(
        on_a,
        json(&b.url(discovery)).await,
        "one discovery document"
    );
    assert_eq!(on_a["issuer"], pair.issuer);
    let (browser, jar) = browser();

    // Every hop of the login on the other instance; the code redeemed on B.
    let done = log_in(
        &browser,
        &[a, b],
        &authorize("sede", "+offline_access"),
        CITIZEN,
    )
    .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        done.location_param("iss").as_deref(),
        Some(pair.issuer.as_str())
    );
    let code = done.location_param("code").expect("a code");
    let tokens = redeem(b, "sede", &code).await;
    let claims = pair.verify(b, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(claims["iss"], pair.issuer);
    // Refresh on B, and the rotated token on A.
    let first = tokens["refresh_token"].as_str().expect("a refresh token");
    let (status, on_b) = token(b, "sede", &refresh(first)).await;
    assert_eq!(status, 200, "{on_b}");
    let second = on_b["refresh_token"].as_str().unwrap();
    let (status, on_a) = token(a, "sede", &refresh(second)).await;
    assert_eq!(status, 200, "{on_a}");
    let userinfo = reqwest::Client::new()
        .get(a.url("/userinfo"))
        .bearer_auth(on_b["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(userinfo.status(), 200, "an access token from B works on A");

    // The session made on A and B is honoured by both without a password.
    for instance in [b, a] {
        let sso = browser
            .get(&instance.url(&authorize("sede", "&prompt=none")))
            .await;
        assert!(sso.location_param("code").is_some(), "{:?}", sso.location);
    }

    // Logout on B ends the session everywhere, even for a copy of the cookie.
    let cookies = jar
        .cookies(&url::Url::parse(&a.base).unwrap())
        .expect("session cookies");
    let hint = on_a["id_token"].as_str().unwrap();
    let out = browser
        .get(&b.url(&format!(
            "/logout?id_token_hint={hint}&post_logout_redirect_uri=https%3A%2F%2Fsede.example%2Fbye&state=z"
        )))
        .await;
    assert_eq!(
        out.location.as_deref(),
        Some("https://sede.example/bye?state=z")
    );
    let replayed = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(a.url(&authorize("sede", "&prompt=none")))
        .header("cookie", cookies)
        .send()
        .await
        .unwrap();
    let location = replayed.headers()["location"].to_str().unwrap();
    assert!(location.contains("error=login_required"), "{location}");

    // Replaying the code, last: it revokes what it issued, on every instance.
    let replay = token(
        a,
        "sede",
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", PORTAL),
        ],
    )
    .await;
    assert_eq!(replay.0, 400, "the code was used up on B, for A too");
    let third = on_a["refresh_token"].as_str().unwrap();
    let (status, _) = token(b, "sede", &refresh(third)).await;
    assert_eq!(
        status, 400,
        "the replay on A revoked the grant, rotations included"
    );
}

fn question(page: &Seen) -> Option<(String, String)> {
    let text = page.security_question()?;
    Some((page.field("captcha_id")?, solve_question(&text).to_string()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attempt_limits_and_the_password_block_count_once_for_both_instances() {
    let Some(pair) = Pair::start(&[
        ("CLAVE_RATE_ACCOUNT_SOFT", "3"),
        ("CLAVE_RATE_IP_HARD", "7"),
    ])
    .await
    else {
        return;
    };
    let (a, b) = (&pair.a, &pair.b);
    let (browser, _) = browser();
    let started = browser.get(&a.url(&authorize("sede", ""))).await;
    let method = browser.get(&b.url(&path_of(&started))).await;
    let chosen = browser
        .post(
            &a.url("/login"),
            &[
                ("csrf_token", &method.csrf()),
                ("tx", &method.field("tx").unwrap()),
                ("method", "permanente"),
            ],
        )
        .await;
    let mut page = browser.get(&b.url(&path_of(&chosen))).await;
    let attempt = async |page: &Seen, on: &Instance, password: &str, answer: bool| {
        let mut form = vec![
            ("csrf_token", page.csrf()),
            ("tx", page.field("tx").unwrap()),
            ("username", CITIZEN.to_owned()),
            ("password", password.to_owned()),
        ];
        if answer {
            let (id, value) = question(page).expect("a question to answer");
            form.push(("captcha_id", id));
            form.push(("captcha_answer", value));
        }
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        browser.post(&on.url("/login/permanente"), &form).await
    };

    // 1–3 (A, B, A): within the soft quota of 3, no question.
    for (n, on) in [a, b, a].into_iter().enumerate() {
        page = attempt(&page, on, "Wrong-Password-1", false).await;
        assert_eq!(page.status, 422, "attempt {}", n + 1);
        assert!(
            question(&page).is_none(),
            "attempt {}: no question yet",
            n + 1
        );
    }
    // 4 (B): B has seen one attempt itself, but the count is shared: the question.
    page = attempt(&page, b, "Wrong-Password-1", false).await;
    assert_eq!(page.status, 422);
    assert!(
        question(&page).is_some(),
        "the fourth attempt asks the question"
    );
    // 5, 6 (A, B): answered, wrong password: failures 4 and 5 block the password.
    page = attempt(&page, a, "Wrong-Password-1", true).await;
    assert_eq!(page.status, 422, "{}", page.body);
    page = attempt(&page, b, "Wrong-Password-1", true).await;
    let citizen = pair.db.citizen(CITIZEN).await.unwrap().unwrap();
    assert!(
        citizen.password_blocked,
        "{} failures",
        citizen.password_failures
    );
    // 7 (A): the right password now shows the block, on the other instance; it
    // was no failure, so it is given back.
    let blocked = attempt(&page, a, PASSWORD, true).await;
    assert_eq!(blocked.status, 403, "{}", blocked.body);
    // 8 (B): unanswered, the address's seventh failure; 9 (A): past the hard
    // quota of 7 failures from one address, counted across both: 429.
    let eighth = attempt(&page, b, PASSWORD, false).await;
    assert_eq!(eighth.status, 422, "{}", eighth.body);
    let refused = attempt(&page, a, PASSWORD, false).await;
    assert_eq!(refused.status, 429, "{}", refused.body);
    assert!(refused.headers.contains_key("retry-after"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_rotated_with_the_cli_is_published_and_used_by_both_instances() {
    let Some(pair) = Pair::start(&[("CLAVE_KEY_RELOAD_SECS", "1")]).await else {
        return;
    };
    let (a, b) = (&pair.a, &pair.b);
    pair.register_client("portal-es", "ES256").await;
    let (browser, _) = browser();
    let done = log_in(&browser, &[a], &authorize("portal-es", ""), CITIZEN).await;
    let before = redeem(a, "portal-es", &done.location_param("code").unwrap()).await;
    let old_kid = pair.kid_of(before["id_token"].as_str().unwrap());

    // Signs at once: --activate-in 0 with a key already signing still supersedes it
    // (the old one stays published until what it signed has expired).
    let rotated = pair
        .cli(&["keys", "rotate", "--alg", "ES256", "--activate-in", "0"])
        .await;
    let kid = rotated["kid"].as_str().unwrap().to_owned();
    assert_ne!(kid, old_kid);
    for instance in [a, b] {
        pair.wait_for_kid(instance, &kid).await;
    }
    for instance in [a, b] {
        let sso = browser
            .get(&instance.url(&authorize("portal-es", "&prompt=none")))
            .await;
        let tokens = redeem(instance, "portal-es", &sso.location_param("code").unwrap()).await;
        let id_token = tokens["id_token"].as_str().unwrap();
        assert_eq!(
            pair.kid_of(id_token),
            kid,
            "{} signs with the new key",
            instance.base
        );
        for verifier in [a, b] {
            pair.verify(verifier, id_token).await;
        }
        let jwks = json(&instance.url("/jwks")).await;
        assert!(
            jwks["keys"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kid"] == old_kid),
            "the superseded key stays published"
        );
    }
}
