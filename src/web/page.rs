//! [`PageContext`], the extractor every HTML handler takes, and [`Page`], the
//! response every HTML handler returns.
//!
//! `PageContext` negotiates the language (a `?lang=` on GET is the no-JavaScript
//! language switch and sets the `clave_lang` cookie), makes sure the browser has a
//! `clave_csrf` cookie and computes the form token for it, and carries the request id
//! and path. It never fails.
//!
//! `Page` renders a template with the base context every layout needs (`lang`,
//! `title`, `csrf_token`, `request_id`, `issuer`, `lang_links`, `errors`,
//! `field_errors`, `step`/`steps`, asset URLs), sets the pending cookies and adds
//! the security headers of [`super::security`]. A template that fails to render is
//! logged and answered with the calm translated 500 page, never a panic.

use std::collections::BTreeMap;
use std::convert::Infallible;

use axum::extract::{FromRef, FromRequestParts, OriginalUri};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::Cookie;
use serde::Serialize;

use super::error::{ErrorPage, render_error_page};
use super::i18n::{Lang, tr, tr_args};
use super::messages::FieldError;
use super::request::RequestInfo;
use super::security::add_html_headers;
use super::templates::describe;
use super::{Web, append_cookie, assets, csrf, read_cookie};

/// The per-request facts of a page; see the module docs.
#[derive(Debug, Clone)]
pub struct PageContext {
    web: Web,
    info: RequestInfo,
    csrf_token: String,
    cookies: Vec<Cookie<'static>>,
}

impl<S> FromRequestParts<S> for PageContext
where
    S: Send + Sync,
    Web: FromRef<S>,
{
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Infallible> {
        let web = Web::from_ref(state);
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map_or(&parts.uri, |o| &o.0);
        let names = web.cookie_names();
        let info = RequestInfo::read(&parts.method, uri, &parts.headers);
        let mut cookies = Vec::new();
        let csrf_cookie = match read_cookie(&parts.headers, names.csrf) {
            Some(value) if csrf::is_well_formed_cookie(&value) => value,
            _ => {
                let value = csrf::new_cookie_value();
                cookies.push(web.cookie(names.csrf, value.clone(), None));
                value
            }
        };
        let csrf_token = web.csrf_key().token_for(&csrf_cookie);
        Ok(Self {
            web,
            info,
            csrf_token,
            cookies,
        })
    }
}

impl PageContext {
    /// The language of the page.
    pub fn lang(&self) -> Lang {
        self.info.lang
    }

    /// The CSRF token for the forms of the page (the hidden field `csrf_token`).
    pub fn csrf_token(&self) -> &str {
        &self.csrf_token
    }

    /// The request id (shown on error pages, logged with failures).
    pub fn request_id(&self) -> &str {
        &self.info.request_id
    }

    /// The path of the request.
    pub fn path(&self) -> &str {
        &self.info.path
    }

    /// The web layer (templates, CSRF key).
    pub fn web(&self) -> &Web {
        &self.web
    }

    /// `key` in the page's language.
    pub fn tr(&self, key: &str) -> String {
        tr(self.info.lang, key)
    }

    /// Uses a relying party's `ui_locales` kept in a flow's state (OIDC Core
    /// §3.1.2.1). Call it when the flow starts: the language is then remembered in the
    /// cookie, so later pages and the citizen's own switch take over.
    pub fn apply_ui_locales(&mut self, ui_locales: Option<&str>) {
        self.info.apply_ui_locales(ui_locales);
    }

    /// Starts a response rendering `template` (a name from `template_list.rs`).
    pub fn page(&self, template: impl Into<String>) -> Page {
        Page {
            ctx: self.clone(),
            template: template.into(),
            context: tera::Context::new(),
            title_key: None,
            caption_key: None,
            status: StatusCode::OK,
            errors: Vec::new(),
            step: None,
            cookies: Vec::new(),
        }
    }

    /// Sets this request's pending cookies (a new CSRF cookie, the language) on a
    /// response that is not a [`Page`], such as a redirect that starts a flow.
    pub fn attach_cookies(&self, response: &mut Response) {
        for cookie in self.pending_cookies() {
            append_cookie(response.headers_mut(), &cookie);
        }
    }

    /// The cookies this response must set (a new CSRF cookie, the language).
    fn pending_cookies(&self) -> Vec<Cookie<'static>> {
        let mut cookies = self.cookies.clone();
        if let Some(lang) = self.info.remember {
            cookies.push(self.web.lang_cookie(lang));
        }
        cookies
    }
}

/// An HTML response under construction; see the module docs.
#[must_use = "a Page does nothing until it is returned as the response"]
#[derive(Debug)]
pub struct Page {
    ctx: PageContext,
    template: String,
    context: tera::Context,
    title_key: Option<String>,
    caption_key: Option<String>,
    status: StatusCode,
    errors: Vec<FieldError>,
    step: Option<(u32, u32)>,
    cookies: Vec<Cookie<'static>>,
}

impl Page {
    /// Adds a template variable (anything serde can serialise).
    pub fn with(mut self, key: &str, value: impl Serialize) -> Self {
        self.context.insert(key, &value);
        self
    }

    /// The catalog key of the page title (`<title>` and, by convention, the `<h1>`).
    pub fn title(mut self, key: impl Into<String>) -> Self {
        self.title_key = Some(key.into());
        self
    }

    /// The catalog key of the caption above the `<h1>`: the name of the flow
    /// whose step the page is, when the heading is the step's task
    /// (docs/style.md, "Headings and steps"); the `<title>` carries both.
    pub fn caption(mut self, key: impl Into<String>) -> Self {
        self.caption_key = Some(key.into());
        self
    }

    /// The status code (200 by default; 422 suits a form shown again with errors).
    pub fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// The invalid fields: rendered as the error summary and as `field_errors`.
    pub fn errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// Sets a cookie with the page (build it with [`Web::cookie`]).
    pub fn cookie(mut self, cookie: Cookie<'static>) -> Self {
        self.cookies.push(cookie);
        self
    }

    /// Shows "Paso `current` de `total`".
    pub fn step(mut self, current: u32, total: u32) -> Self {
        self.step = Some((current, total));
        self
    }

    fn render(&self) -> Result<String, tera::Error> {
        let lang = self.ctx.info.lang;
        let mut context = base_context(&self.ctx.web, &self.ctx.info, &self.ctx.csrf_token);
        context.extend(self.context.clone());
        // A form shown again after a POST has no query string: the language switch
        // must still carry the login transaction or flow it belongs to.
        if self.ctx.info.query.is_none() {
            let carried: Vec<(&str, String)> = ["tx", "flow"]
                .into_iter()
                .filter_map(|name| {
                    let value = self.context.get(name)?.as_str()?;
                    (!value.is_empty()).then(|| (name, value.to_owned()))
                })
                .collect();
            if !carried.is_empty() {
                let mut info = self.ctx.info.clone();
                let mut query = url::form_urlencoded::Serializer::new(String::new());
                query.extend_pairs(carried);
                info.query = Some(query.finish());
                context.insert("lang_links", &info.lang_links());
            }
        }
        let title = self
            .title_key
            .as_deref()
            .map(|key| tr(lang, key))
            .unwrap_or_default();
        context.insert("title", &title);
        if let Some(key) = self.caption_key.as_deref() {
            context.insert("caption", &tr(lang, key));
        }
        // One entry per field, in the order the errors came (the page's order),
        // with every rule it breaks: the summary and the field say the same.
        let mut summary: Vec<ShownError> = Vec::new();
        for error in &self.errors {
            let message = message_of(lang, error);
            match summary.iter_mut().find(|shown| shown.field == error.field) {
                Some(shown) => {
                    shown.message.push(' ');
                    shown.message.push_str(&message);
                }
                None => summary.push(ShownError {
                    field: error.field.clone(),
                    message,
                }),
            }
        }
        let by_field: BTreeMap<&str, &str> = summary
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        context.insert("field_errors", &by_field);
        context.insert("errors", &summary);
        if let Some((step, steps)) = self.step {
            context.insert("step", &step);
            context.insert("steps", &steps);
        }
        self.ctx.web.templates().render(&self.template, &context)
    }
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let mut response = match self.render() {
            Ok(html) => {
                let mut response = (self.status, html).into_response();
                add_html_headers(response.headers_mut(), self.ctx.web.is_https());
                response
            }
            Err(error) => {
                tracing::error!(
                    template = %self.template,
                    request_id = %self.ctx.info.request_id,
                    error = %describe(&error),
                    "a page failed to render"
                );
                render_error_page(&self.ctx.web, &self.ctx.info, &ErrorPage::internal())
            }
        };
        for cookie in self.ctx.pending_cookies().iter().chain(&self.cookies) {
            append_cookie(response.headers_mut(), cookie);
        }
        response
    }
}

/// One entry of the error summary, translated.
#[derive(Debug, Serialize)]
struct ShownError {
    field: String,
    message: String,
}

fn message_of(lang: Lang, error: &FieldError) -> String {
    let args: Vec<(&str, &str)> = error
        .args
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    tr_args(lang, &error.message_key, &args)
}

/// The variables every template may use, whatever the page.
pub(crate) fn base_context(web: &Web, info: &RequestInfo, csrf_token: &str) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("lang", &info.lang);
    context.insert("csrf_token", csrf_token);
    context.insert("request_id", &info.request_id);
    context.insert("issuer", web.issuer());
    context.insert("path", &info.path);
    context.insert("lang_links", &info.lang_links());
    context.insert("password_policy", &web.password_policy());
    context.insert("title", "");
    context.insert("errors", &Vec::<ShownError>::new());
    context.insert("field_errors", &BTreeMap::<String, String>::new());
    context.insert("css_url", &assets::url("clave.css"));
    context.insert("js_url", &assets::url("clave.js"));
    context.insert("altcha_js_url", &assets::url("altcha.js"));
    context.insert("altcha_worker_url", &assets::url("altcha-worker.js"));
    context.insert("logo_url", &assets::url("logo.svg"));
    context
}
