//! The provider as relying parties and browsers use it, over HTTP: the login
//! pages, single sign-on codes, the token, userinfo and introspection endpoints.
//!
//! One `reqwest::Client` (connection pool, no redirects followed) serves every
//! simulated browser; each browser keeps its own cookies in a [`Jar`], so each
//! login has its own CSRF cookie and SSO session, as separate browsers would,
//! without a TLS/connector set-up per login on the client side.

use anyhow::{Context, bail, ensure};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::header::{AUTHORIZATION, COOKIE, HeaderMap, LOCATION, SET_COOKIE};
use reqwest::{Client, Response, StatusCode};

use crate::child::{PASSWORD, REDIRECT_URI, Ready};

/// Scopes of an ordinary login.
pub const SCOPE: &str = "openid profile email";
/// Scopes that also ask for a refresh token.
pub const OFFLINE_SCOPE: &str = "openid profile email offline_access";

/// The HTTP client every load generator shares.
pub fn http_client() -> anyhow::Result<Client> {
    Ok(Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(4096)
        .tcp_nodelay(true)
        .no_proxy()
        .build()?)
}

/// One browser's cookies.
#[derive(Debug, Default, Clone)]
pub struct Jar(Vec<(String, String)>);

impl Jar {
    fn absorb(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(SET_COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            let pair = value.split(';').next().unwrap_or_default();
            let Some((name, content)) = pair.split_once('=') else {
                continue;
            };
            let (name, content) = (name.trim(), content.trim());
            self.0.retain(|(n, _)| n != name);
            let expired = value.to_ascii_lowercase().contains("max-age=0");
            if !content.is_empty() && !expired {
                self.0.push((name.to_owned(), content.to_owned()));
            }
        }
    }

    fn header(&self) -> Option<String> {
        (!self.0.is_empty()).then(|| {
            self.0
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

/// A login brought to the password page, ready to submit.
#[derive(Debug, Clone)]
pub struct PasswordPage {
    jar: Jar,
    csrf: String,
    tx: String,
    /// The citizen who will log in.
    pub citizen: String,
}

/// Tokens from the token endpoint.
#[derive(Debug, Clone)]
pub struct Tokens {
    /// The access token.
    pub access_token: String,
    /// The refresh token, with `offline_access`.
    pub refresh_token: Option<String>,
}

/// The provider's endpoints as the bench drives them.
#[derive(Clone)]
pub struct Provider {
    /// The shared client.
    pub http: Client,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Registered citizens.
    pub citizens: Vec<String>,
    client_id: String,
    basic: String,
}

fn query_param(location: &str, name: &str) -> Option<String> {
    let url = url::Url::parse(location)
        .or_else(|_| url::Url::parse(&format!("http://relative.invalid{location}")))
        .ok()?;
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn hidden_field(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker)? + marker.len();
    let len = body[start..].find('"')?;
    Some(body[start..start + len].to_owned())
}

fn location(response: &Response) -> anyhow::Result<String> {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .context("a redirect without Location")
}

async fn expect(response: Response, status: StatusCode, what: &str) -> anyhow::Result<Response> {
    if response.status() == status {
        Ok(response)
    } else {
        let got = response.status();
        let body = response.text().await.unwrap_or_default();
        let excerpt: String = body.chars().take(300).collect();
        bail!("{what}: expected {status}, got {got}: {excerpt}")
    }
}

impl Provider {
    /// The provider a child announced.
    pub fn new(http: Client, ready: &Ready) -> Provider {
        let basic = STANDARD.encode(format!("{}:{}", ready.client_id, ready.client_secret));
        Provider {
            http,
            base: ready.base.clone(),
            citizens: ready.citizens.clone(),
            client_id: ready.client_id.clone(),
            basic: format!("Basic {basic}"),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn authorize_url(&self, scope: &str, n: u64) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", REDIRECT_URI)
            .append_pair("scope", scope)
            .append_pair("state", &format!("s{n}"))
            .append_pair("nonce", &format!("n{n}"))
            .finish();
        self.url(&format!("/authorize?{query}"))
    }

    async fn get(&self, jar: &mut Jar, url: &str) -> anyhow::Result<Response> {
        let mut request = self.http.get(url);
        if let Some(cookies) = jar.header() {
            request = request.header(COOKIE, cookies);
        }
        let response = request.send().await?;
        jar.absorb(response.headers());
        Ok(response)
    }

    async fn post_form(
        &self,
        jar: &mut Jar,
        path: &str,
        form: &[(&str, &str)],
    ) -> anyhow::Result<Response> {
        let mut request = self.http.post(self.url(path)).form(form);
        if let Some(cookies) = jar.header() {
            request = request.header(COOKIE, cookies);
        }
        let response = request.send().await?;
        jar.absorb(response.headers());
        Ok(response)
    }

    /// A GET that must answer 200; the body is read and dropped.
    pub async fn get_ok(&self, path: &str) -> anyhow::Result<()> {
        let response = self.http.get(self.url(path)).send().await?;
        let response = expect(response, StatusCode::OK, path).await?;
        response.bytes().await?;
        Ok(())
    }

    /// A fresh browser: authorization request → method screen → `method=permanente`
    /// → password page. Four requests.
    pub async fn reach_password_page(&self, citizen: &str, n: u64) -> anyhow::Result<PasswordPage> {
        let mut jar = Jar::default();
        let started = self.get(&mut jar, &self.authorize_url(SCOPE, n)).await?;
        let started = expect(started, StatusCode::FOUND, "GET /authorize").await?;
        let login = location(&started)?;
        let tx = query_param(&login, "tx").context("no tx in the login redirect")?;
        let page = self.get(&mut jar, &self.url(&login)).await?;
        let body = expect(page, StatusCode::OK, "GET /login")
            .await?
            .text()
            .await?;
        let csrf = hidden_field(&body, "csrf_token").context("no csrf_token on /login")?;
        let chosen = self
            .post_form(
                &mut jar,
                "/login",
                &[("csrf_token", &csrf), ("tx", &tx), ("method", "permanente")],
            )
            .await?;
        let chosen = expect(chosen, StatusCode::SEE_OTHER, "POST /login").await?;
        let next = location(&chosen)?;
        let page = self.get(&mut jar, &self.url(&next)).await?;
        let body = expect(page, StatusCode::OK, "GET /login/permanente")
            .await?
            .text()
            .await?;
        let csrf =
            hidden_field(&body, "csrf_token").context("no csrf_token on the password page")?;
        Ok(PasswordPage {
            jar,
            csrf,
            tx,
            citizen: citizen.to_owned(),
        })
    }

    /// Submits DNI/NIE and password; returns the raw response and the browser.
    pub async fn submit_password(&self, page: PasswordPage) -> anyhow::Result<(Response, Jar)> {
        let mut jar = page.jar;
        let response = self
            .post_form(
                &mut jar,
                "/login/permanente",
                &[
                    ("csrf_token", &page.csrf),
                    ("tx", &page.tx),
                    ("username", &page.citizen),
                    ("password", PASSWORD),
                ],
            )
            .await?;
        Ok((response, jar))
    }

    /// A whole password login (five requests, one argon2 verification); returns
    /// the browser, which now has an SSO session, and the code.
    pub async fn log_in(&self, citizen: &str, n: u64) -> anyhow::Result<(Jar, String)> {
        let page = self.reach_password_page(citizen, n).await?;
        let (response, jar) = self.submit_password(page).await?;
        let done = expect(response, StatusCode::SEE_OTHER, "POST /login/permanente").await?;
        let target = location(&done)?;
        ensure!(target.starts_with(REDIRECT_URI), "login ended at {target}");
        let code = query_param(&target, "code").context("no code in the redirect")?;
        Ok((jar, code))
    }

    /// One authorization request by a browser with a live SSO session: one
    /// request, answered at once with a new code.
    pub async fn sso_code(&self, jar: &Jar, scope: &str, n: u64) -> anyhow::Result<String> {
        let mut jar = jar.clone();
        let response = self.get(&mut jar, &self.authorize_url(scope, n)).await?;
        let response = expect(response, StatusCode::FOUND, "SSO GET /authorize").await?;
        let target = location(&response)?;
        query_param(&target, "code").with_context(|| format!("no code in {target}"))
    }

    async fn token(&self, form: &[(&str, &str)]) -> anyhow::Result<serde_json::Value> {
        let response = self
            .http
            .post(self.url("/token"))
            .header(AUTHORIZATION, &self.basic)
            .form(form)
            .send()
            .await?;
        let response = expect(response, StatusCode::OK, "POST /token").await?;
        Ok(response.json().await?)
    }

    fn tokens(body: &serde_json::Value) -> anyhow::Result<Tokens> {
        let field = |name: &str| body.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        ensure!(
            field("id_token").is_some(),
            "no id_token in the token response"
        );
        Ok(Tokens {
            access_token: field("access_token").context("no access_token")?,
            refresh_token: field("refresh_token"),
        })
    }

    /// Redeems a code (client_secret_basic).
    pub async fn exchange(&self, code: &str) -> anyhow::Result<Tokens> {
        let body = self
            .token(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", REDIRECT_URI),
            ])
            .await?;
        Self::tokens(&body)
    }

    /// Uses a refresh token; returns the rotated one.
    pub async fn refresh(&self, refresh_token: &str) -> anyhow::Result<String> {
        let body = self
            .token(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh_token),
            ])
            .await?;
        Self::tokens(&body)?
            .refresh_token
            .context("no rotated refresh_token")
    }

    /// `GET /userinfo` with a Bearer token.
    pub async fn userinfo(&self, access_token: &str) -> anyhow::Result<()> {
        let response = self
            .http
            .get(self.url("/userinfo"))
            .header(AUTHORIZATION, format!("Bearer {access_token}"))
            .send()
            .await?;
        expect(response, StatusCode::OK, "GET /userinfo")
            .await?
            .bytes()
            .await?;
        Ok(())
    }

    /// `POST /introspect` of an access token; it must be active.
    pub async fn introspect(&self, access_token: &str) -> anyhow::Result<()> {
        let response = self
            .http
            .post(self.url("/introspect"))
            .header(AUTHORIZATION, &self.basic)
            .form(&[("token", access_token)])
            .send()
            .await?;
        let body = expect(response, StatusCode::OK, "POST /introspect")
            .await?
            .text()
            .await?;
        ensure!(body.contains("\"active\":true"), "token not active: {body}");
        Ok(())
    }
}
