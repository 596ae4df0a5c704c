//! The pages of the web layer itself: the cookie notice, the privacy notice, the
//! language switch for links from elsewhere, and the 404 fallback.

use axum::extract::Query;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::append_cookie;
use super::error::PageError;
use super::i18n::Lang;
use super::page::{Page, PageContext};
use super::request::local_path;

/// `GET /cookies`: the cookies the provider sets, all strictly necessary.
pub async fn cookies(ctx: PageContext) -> Page {
    let names = ctx.web().cookie_names();
    ctx.page("cookies.html")
        .title("cookies-title")
        .with("cookie_names", names)
}

/// `GET /privacy`: what personal data the provider keeps and why.
pub async fn privacy(ctx: PageContext) -> Page {
    ctx.page("privacy.html").title("privacy-title")
}

/// The query of `/language`.
#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    lang: Option<String>,
    return_to: Option<String>,
}

/// `GET /language?lang=en&return_to=/path`: remembers the language and goes back.
///
/// Pages switch with `?lang=` on themselves; this route serves links that cannot
/// (from an error page or another site). `return_to` must be a local path of
/// printable ASCII (percent-encoded otherwise), so the route cannot send citizens to
/// another site (an open redirect) nor produce an invalid `Location` header.
pub async fn switch_language(ctx: PageContext, Query(query): Query<SwitchQuery>) -> Response {
    let target = query
        .return_to
        .as_deref()
        .filter(|to| to.starts_with('/') && to.bytes().all(|b| b.is_ascii_graphic() && b != b'\\'))
        .map(local_path)
        .unwrap_or_else(|| "/".to_owned());
    let mut response = Redirect::to(&target).into_response();
    if let Some(lang) = query.lang.as_deref().and_then(Lang::from_tag) {
        append_cookie(response.headers_mut(), &ctx.web().lang_cookie(lang));
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The fallback of the whole router: the translated 404 page.
pub async fn not_found() -> PageError {
    PageError::NotFound
}

/// `GET /`: what a citizen can do here.
pub async fn home(ctx: PageContext) -> Page {
    ctx.page("home.html").title("home-title")
}
