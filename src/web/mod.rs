//! The web layer every HTML page of the provider stands on.
//!
//! - [`i18n`]: Spanish/English negotiation and the Fluent catalogs (`locales/`).
//! - [`templates`]: tera, built once from the templates embedded by [`template_list`],
//!   with a `t()` function for the catalogs.
//! - [`page`]: the [`PageContext`] extractor (language, CSRF token, request id) and the
//!   [`Page`] response builder (security headers, cookies, error summary).
//! - [`csrf`]: signed double-submit tokens and the [`CsrfForm`] extractor.
//! - [`error`]: [`PageError`], the one place page failures become responses, and
//!   [`render_error_pages`], the middleware that renders them in the citizen's
//!   language.
//! - [`assets`]: CSS, JS and logo embedded in the binary, under `/static/`.
//! - [`messages`]: [`FieldError`] and the catalog keys of the domain's parse errors.
//!
//! Extractors are generic over any state `S` with `Web: FromRef<S>`, so they work on
//! the application state once it holds a [`Web`], and on a bare `Web` in tests.
//!
//! A handler showing a form and one receiving it (templates import
//! `macros/forms.html` and write `{{ forms::csrf(token=csrf_token) }}` in the form):
//!
//! ```ignore
//! #[derive(serde::Deserialize)]
//! struct LoginForm { username: String, password: String } // Strings: parsed below
//!
//! async fn show(ctx: PageContext) -> Page {
//!     ctx.page("login/password.html").title("login-title").step(1, 2)
//! }
//!
//! async fn submit(
//!     State(state): State<AppState>,
//!     ctx: PageContext,
//!     CsrfForm(form): CsrfForm<LoginForm>, // last: checks the token before anything
//! ) -> Result<Page, PageError> {
//!     let id = match DocumentId::parse(&form.username) {
//!         Ok(id) => id,
//!         Err(e) => {
//!             return Ok(ctx.page("login/password.html").title("login-title")
//!                 .with("username", &form.username)
//!                 .errors(vec![FieldError::from_error("username", &e)])
//!                 .status(StatusCode::UNPROCESSABLE_ENTITY));
//!         }
//!     };
//!     let citizen = state.db.citizen(&id).await?; // StoreError::Unavailable → 503 page
//!     …
//! }
//! ```

pub mod assets;
pub mod csrf;
pub mod error;
pub mod help;
pub mod i18n;
pub mod messages;
pub mod page;
mod pages;
pub mod redirect;
mod request;
pub mod security;
mod template_list;
pub mod templates;

use std::sync::Arc;

use anyhow::Context as _;
use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::routing::get;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

pub use csrf::{CsrfForm, CsrfKey};
pub use error::{PageError, render_error_pages};
pub use i18n::{Lang, negotiate, tr, tr_args};
pub use messages::{FieldError, MessageKey};
pub use page::{Page, PageContext};
pub use pages::not_found;
pub use templates::Templates;

use crate::clock::UnixTime;
use crate::settings::Settings;
use crate::store::sql::SqlStore;

/// The cookie holding a browser's CSRF secret (see [`csrf`]).
pub const CSRF_COOKIE: &str = "clave_csrf";
/// The cookie remembering the chosen language.
pub const LANG_COOKIE: &str = "clave_lang";
/// The browser-session cookie; the session module must use this name, which the
/// cookie notice (`/cookies`) documents.
pub const SESSION_COOKIE: &str = "clave_session";

/// The trusted-browser cookie (`auth::credentials`): one unguessable token per
/// account that logged in with this browser; documented at `/cookies`.
pub const DEVICE_COOKIE: &str = "clave_device";

/// The account page's login in progress (`account::login`): the secret its
/// `state` and PKCE challenge are made from, for the few minutes of the login;
/// documented at `/cookies`.
pub const ACCOUNT_LOGIN_COOKIE: &str = "clave_account_login";

/// The names of the provider's cookies. Over https each carries the `__Host-`
/// prefix, which a browser accepts only on a `Secure`, host-only, `Path=/` cookie
/// set by this very host: a sibling subdomain cannot plant or overwrite one
/// (RFC 6265bis §4.1.3.2). Over plain http (development) the names are bare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CookieNames {
    /// [`SESSION_COOKIE`].
    pub session: &'static str,
    /// [`CSRF_COOKIE`].
    pub csrf: &'static str,
    /// [`LANG_COOKIE`].
    pub lang: &'static str,
    /// [`DEVICE_COOKIE`].
    pub device: &'static str,
    /// [`ACCOUNT_LOGIN_COOKIE`].
    pub account_login: &'static str,
}

impl CookieNames {
    /// The names for an https (`__Host-`) or a plain http issuer.
    pub const fn new(https: bool) -> Self {
        if https {
            Self {
                session: "__Host-clave_session",
                csrf: "__Host-clave_csrf",
                lang: "__Host-clave_lang",
                device: "__Host-clave_device",
                account_login: "__Host-clave_account_login",
            }
        } else {
            Self {
                session: SESSION_COOKIE,
                csrf: CSRF_COOKIE,
                lang: LANG_COOKIE,
                device: DEVICE_COOKIE,
                account_login: ACCOUNT_LOGIN_COOKIE,
            }
        }
    }
}

/// How long a trusted browser stays trusted after its last login.
pub const DEVICE_COOKIE_DAYS: i64 = 365;

/// How long the language cookie lasts.
const LANG_COOKIE_DAYS: i64 = 365;

/// What every page needs at run time: templates, the CSRF key and whether cookies
/// must be `Secure`. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Web(Arc<WebInner>);

#[derive(Debug)]
struct WebInner {
    templates: Templates,
    csrf: CsrfKey,
    https: bool,
    issuer: String,
    password_policy: crate::domain::PolicyProfile,
}

impl Web {
    /// Assembles the web layer from its parts.
    pub fn new(templates: Templates, csrf: CsrfKey, settings: &Settings) -> Self {
        Self(Arc::new(WebInner {
            templates,
            csrf,
            https: settings.is_https(),
            issuer: settings.issuer.clone(),
            password_policy: settings.password_policy,
        }))
    }

    /// The parsed templates.
    pub fn templates(&self) -> &Templates {
        &self.0.templates
    }

    /// The CSRF key.
    pub fn csrf_key(&self) -> &CsrfKey {
        &self.0.csrf
    }

    /// Whether the issuer is https (cookies `Secure`, HSTS sent).
    pub fn is_https(&self) -> bool {
        self.0.https
    }

    /// The cookies' names ([`CookieNames`]).
    pub fn cookie_names(&self) -> CookieNames {
        CookieNames::new(self.0.https)
    }

    /// The issuer URL.
    pub fn issuer(&self) -> &str {
        &self.0.issuer
    }

    /// The password policy in force (the pages state its rules).
    pub fn password_policy(&self) -> crate::domain::PolicyProfile {
        self.0.password_policy
    }

    /// A cookie of the provider: HttpOnly, SameSite=Lax, Path=/, Secure over https;
    /// a browser-session cookie unless `max_age_days` is given.
    pub fn cookie(
        &self,
        name: &'static str,
        value: String,
        max_age_days: Option<i64>,
    ) -> Cookie<'static> {
        let mut cookie = Cookie::build((name, value))
            .http_only(true)
            .same_site(SameSite::Lax)
            .path("/")
            .secure(self.is_https())
            .build();
        if let Some(days) = max_age_days {
            cookie.set_max_age(time::Duration::days(days));
        }
        cookie
    }

    /// The trusted-browser cookie carrying `value` ([`DEVICE_COOKIE`]).
    pub fn device_cookie(&self, value: String) -> Cookie<'static> {
        self.cookie(self.cookie_names().device, value, Some(DEVICE_COOKIE_DAYS))
    }

    /// The cookie that remembers `lang`.
    pub fn lang_cookie(&self, lang: Lang) -> Cookie<'static> {
        self.cookie(
            self.cookie_names().lang,
            lang.code().to_owned(),
            Some(LANG_COOKIE_DAYS),
        )
    }

    /// The browser-session cookie carrying `value`, or ending it when `value` is
    /// empty.
    pub fn session_cookie(&self, value: String) -> Cookie<'static> {
        let end = value.is_empty().then_some(0);
        self.cookie(self.cookie_names().session, value, end)
    }

    /// A fresh CSRF cookie: set when a login or a logout changes who the browser
    /// is, so a token learnt before no longer passes (OWASP CSRF cheat sheet,
    /// "login CSRF").
    pub fn fresh_csrf_cookie(&self) -> Cookie<'static> {
        self.cookie(self.cookie_names().csrf, csrf::new_cookie_value(), None)
    }
}

/// Builds the web layer at start-up: parses the templates and fetches (or creates)
/// the provider-wide CSRF key.
pub async fn build_web(
    db: &SqlStore,
    kek: &crate::kek::Kek,
    settings: &Settings,
    now: UnixTime,
) -> anyhow::Result<Web> {
    let templates = Templates::new()
        .map_err(|e| anyhow::anyhow!(templates::describe(&e)))
        .context("a page template does not parse")?;
    let csrf = CsrfKey::load(db, kek, now)
        .await
        .context("cannot read the CSRF key from the database")?;
    Ok(Web::new(templates, csrf, settings))
}

/// The routes of the web layer: `/static/{*file}`, `/cookies`, `/privacy`, `/help` and the
/// language switch `/language?lang=en&return_to=/path`.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Web: FromRef<S>,
{
    Router::new()
        .route(crate::routes::STATIC, get(assets::serve))
        .route(crate::routes::COOKIES, get(pages::cookies))
        .route(crate::routes::PRIVACY, get(pages::privacy))
        .route(crate::routes::HOME, get(pages::home))
        .route(crate::routes::HELP, get(help::show))
        .route(crate::routes::LANGUAGE, get(pages::switch_language))
}

/// Adds `Set-Cookie: cookie` to a response's headers.
pub fn append_cookie(headers: &mut HeaderMap, cookie: &Cookie<'_>) {
    if let Ok(value) = HeaderValue::from_str(&cookie.encoded().to_string()) {
        headers.append(header::SET_COOKIE, value);
    }
}

/// The value of cookie `name` in a request's headers.
pub(crate) fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_owned())
}

#[cfg(test)]
mod tests;
