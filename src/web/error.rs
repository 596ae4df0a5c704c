//! Page failures, in one place: [`PageError`] says what went wrong, its
//! `IntoResponse` logs it and sets the status, and [`render_error_pages`] — a
//! middleware that knows the request's language — renders the translated page.
//!
//! Why a middleware: a handler's error is built where there is no language or
//! template at hand (`?` on a store call). The error response therefore carries an
//! [`ErrorPage`] in its extensions and a plain bilingual text body; the middleware,
//! which saw the request, replaces that body with `error.html` in the negotiated
//! language. Without the middleware the citizen still gets the right status, headers
//! and a readable text, never a 500 for a 503.
//!
//! Logging: 4xx at INFO (expected: expired forms, typos in URLs), `Unavailable` at
//! WARN with its cause (a store or the SMS gateway is down; the provider recovers when
//! it returns), `Internal` at ERROR with its whole context. All inside the request's
//! tracing span, which carries the request id; the 5xx pages show that id so a
//! citizen can quote it. Causes are never shown to the citizen.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Web;
use super::i18n::{Lang, tr, tr_args};
use super::page::base_context;
use super::request::RequestInfo;
use super::security::{add_common_headers, add_html_headers};
use super::templates::describe;
use crate::sms::SmsError;
use crate::store::StoreError;
use crate::store::ephemeral::EphemeralError;

/// Seconds a citizen is asked to wait when a service is down.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 30;

/// The request id's header, set by the request-id layer.
const REQUEST_ID: header::HeaderName = header::HeaderName::from_static("x-request-id");

/// Why a page cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// No such page (404).
    #[error("page not found")]
    NotFound,
    /// The request cannot be processed; the key of the message to show (400).
    #[error("bad request ({0})")]
    BadRequest(&'static str),
    /// The flow this step belongs to is already finished (Back or a resent form
    /// after the end): the key of what it did (409).
    #[error("flow already finished ({0})")]
    AlreadyDone(&'static str),
    /// The form's CSRF token is missing or wrong (403).
    #[error("CSRF check failed")]
    CsrfFailed,
    /// A rate limit tripped (429 with `Retry-After`).
    #[error("too many requests; retry after {retry_after_secs} s")]
    TooManyRequests {
        /// Seconds until the limit resets.
        retry_after_secs: u64,
    },
    /// The provider is at capacity (the password-hashing pool and its queue are
    /// full): nothing was checked or changed; try again shortly (503 with
    /// `Retry-After`, as for any overload; 429 is for a client over its quota).
    #[error("at capacity; retry after {retry_after_secs} s")]
    Busy {
        /// Seconds after which a retry is likely to be served.
        retry_after_secs: u64,
    },
    /// A store or the SMS gateway is down: nothing was changed (503, `Retry-After: 30`).
    #[error("a service is unavailable: {0:#}")]
    Unavailable(anyhow::Error),
    /// A bug or broken data: logged, never shown (500).
    #[error("internal error: {0:#}")]
    Internal(anyhow::Error),
}

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable(_) => PageError::Unavailable(error.into()),
            // An unhandled conflict is a bug of the caller, as is corrupt data.
            StoreError::Conflict | StoreError::Corrupt(_) => PageError::Internal(error.into()),
        }
    }
}

impl From<EphemeralError> for PageError {
    fn from(error: EphemeralError) -> Self {
        PageError::Unavailable(error.into())
    }
}

impl From<SmsError> for PageError {
    fn from(error: SmsError) -> Self {
        match error {
            SmsError::Unavailable(_) => PageError::Unavailable(error.into()),
            SmsError::Rejected(_) => PageError::Internal(error.into()),
        }
    }
}

impl From<anyhow::Error> for PageError {
    fn from(error: anyhow::Error) -> Self {
        PageError::Internal(error)
    }
}

/// What the error page shows; travels in the response extensions to the middleware.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorPage {
    status: StatusCode,
    title_key: &'static str,
    message_key: &'static str,
    retry_after_secs: Option<u64>,
}

impl ErrorPage {
    pub(crate) fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "error-internal-title",
            "error-internal-body",
        )
    }

    fn new(status: StatusCode, title_key: &'static str, message_key: &'static str) -> Self {
        Self {
            status,
            title_key,
            message_key,
            retry_after_secs: None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self.retry_after_secs {
            Some(secs) if self.status == StatusCode::TOO_MANY_REQUESTS => {
                let minutes = secs.div_ceil(60).max(1).to_string();
                tr_args(lang, self.message_key, &[("minutes", &minutes)])
            }
            _ => tr(lang, self.message_key),
        }
    }

    fn set_status_and_retry_after(&self, response: &mut Response) {
        *response.status_mut() = self.status;
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
    }
}

impl PageError {
    fn page(&self) -> ErrorPage {
        match self {
            PageError::NotFound => ErrorPage::new(
                StatusCode::NOT_FOUND,
                "error-not-found-title",
                "error-not-found-body",
            ),
            PageError::BadRequest(key) => {
                ErrorPage::new(StatusCode::BAD_REQUEST, "error-bad-request-title", key)
            }
            PageError::AlreadyDone(key) => {
                ErrorPage::new(StatusCode::CONFLICT, "selfservice-already-done-title", key)
            }
            PageError::CsrfFailed => {
                ErrorPage::new(StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-body")
            }
            PageError::TooManyRequests { retry_after_secs } => ErrorPage {
                retry_after_secs: Some(*retry_after_secs),
                ..ErrorPage::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "error-too-many-title",
                    "error-too-many-body",
                )
            },
            PageError::Unavailable(_) => ErrorPage {
                retry_after_secs: Some(UNAVAILABLE_RETRY_AFTER_SECS),
                ..ErrorPage::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-unavailable-title",
                    "error-unavailable-body",
                )
            },
            PageError::Busy { retry_after_secs } => ErrorPage {
                retry_after_secs: Some(*retry_after_secs),
                ..ErrorPage::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-unavailable-title",
                    "error-unavailable-body",
                )
            },
            PageError::Internal(_) => ErrorPage::internal(),
        }
    }

    fn log(&self) {
        match self {
            PageError::Unavailable(cause) => {
                tracing::warn!(cause = %format!("{cause:#}"), "a service is unavailable; answering 503")
            }
            PageError::Internal(cause) => {
                tracing::error!(cause = %format!("{cause:#}"), "internal error; answering 500")
            }
            PageError::NotFound => tracing::debug!("page not found"),
            other => tracing::info!(error = %other, "page request refused"),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.log();
        let page = self.page();
        // Readable even if the middleware is missing: both languages, plain text.
        let body = format!(
            "{}\n\n{}\n",
            tr(Lang::Es, page.title_key),
            tr(Lang::En, page.title_key)
        );
        let mut response = body.into_response();
        page.set_status_and_retry_after(&mut response);
        add_common_headers(response.headers_mut());
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response.extensions_mut().insert(page);
        response
    }
}

/// Middleware: replaces the body of every [`PageError`] response with `error.html`
/// in the request's language. Install it over every route:
/// `.layer(axum::middleware::from_fn_with_state(web, render_error_pages))`.
pub async fn render_error_pages(State(web): State<Web>, request: Request, next: Next) -> Response {
    let asked = Asked::keep(&request);
    let response = next.run(request).await;
    match response.extensions().get::<ErrorPage>() {
        Some(page) => {
            let page = page.clone();
            render_error_page(&web, &asked.info(), &page)
        }
        None => response,
    }
}

/// What [`RequestInfo`] is read from, kept while the handler runs. Most responses
/// are not error pages, so the request is only read (language negotiation,
/// cookies) for those that are; keeping these parts shares their buffers.
struct Asked {
    method: axum::http::Method,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
}

impl Asked {
    fn keep(request: &Request) -> Self {
        let mut headers = axum::http::HeaderMap::new();
        for name in [header::COOKIE, header::ACCEPT_LANGUAGE, REQUEST_ID] {
            for value in request.headers().get_all(&name) {
                headers.append(name.clone(), value.clone());
            }
        }
        Self {
            method: request.method().clone(),
            uri: request.uri().clone(),
            headers,
        }
    }

    fn info(&self) -> RequestInfo {
        RequestInfo::read(&self.method, &self.uri, &self.headers)
    }
}

/// The rendered error page (with status, `Retry-After` and security headers).
pub(crate) fn render_error_page(web: &Web, info: &RequestInfo, page: &ErrorPage) -> Response {
    let lang = info.lang;
    let title = tr(lang, page.title_key);
    let mut context = base_context(web, info, "");
    context.insert("title", &title);
    context.insert("error_title", &title);
    context.insert("error_message", &page.message(lang));
    context.insert("show_reference", &page.status.is_server_error());
    context.insert("start_url", &crate::routes::start_of(&info.path));
    let html = web
        .templates()
        .render("error.html", &context)
        .unwrap_or_else(|error| {
            tracing::error!(error = %describe(&error), "the error page failed to render");
            last_resort_html(lang, &title)
        });
    let mut response = html.into_response();
    page.set_status_and_retry_after(&mut response);
    add_html_headers(response.headers_mut(), web.is_https());
    response
}

/// A page with no template at all, for when `error.html` itself fails.
fn last_resort_html(lang: Lang, title: &str) -> String {
    let title = tera::escape_html(title);
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         </head><body><main><h1>{title}</h1></main></body></html>"
    )
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
