//! What a page needs to know about its request, read without side effects: the
//! language, the request id, the path and the language-switch links.
//!
//! Shared by the [`super::PageContext`] extractor and the error-page middleware, so an
//! error page speaks the same language as the page it replaces. Kept free of axum
//! extractors so the rules are unit-tested directly.

use axum::http::{HeaderMap, Method, Uri, header};
use serde::Serialize;

use super::i18n::{Lang, from_ui_locales, negotiate, tr};
use super::{CookieNames, LANG_COOKIE, read_cookie};

/// The query parameter of the language switch.
pub const LANG_PARAM: &str = "lang";

/// The request facts every page uses.
#[derive(Debug, Clone)]
pub(crate) struct RequestInfo {
    /// The negotiated language.
    pub lang: Lang,
    /// A language the request chose explicitly (`?lang=` on GET, `?ui_locales=`) that
    /// the language cookie does not hold yet: the response should remember it.
    pub remember: Option<Lang>,
    /// The language the cookie holds, if any.
    pub cookie_lang: Option<Lang>,
    /// The request id, safe to show.
    pub request_id: String,
    /// The path, normalised to one leading `/` (never `//host`).
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
}

/// One entry of the language switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct LangLink {
    /// `es`, `en`.
    pub code: &'static str,
    /// The language's name in itself.
    pub name: String,
    /// The same page in that language.
    pub href: String,
    /// Whether it is the language of this page.
    pub current: bool,
}

impl RequestInfo {
    /// Reads the facts of a request. `uri` should be the original URI (before any
    /// nesting stripped a prefix).
    pub fn read(method: &Method, uri: &Uri, headers: &HeaderMap) -> Self {
        let query = uri.query().map(str::to_owned);
        let param = |name: &str| query.as_deref().and_then(|q| query_param(q, name));
        // Either name: a language choice needs no `__Host-` protection, and error
        // pages read it without knowing the deployment.
        let cookie = read_cookie(headers, CookieNames::new(true).lang)
            .or_else(|| read_cookie(headers, LANG_COOKIE));
        let cookie_lang = cookie.as_deref().and_then(Lang::from_tag);
        let switched = (method == Method::GET || method == Method::HEAD)
            .then(|| param(LANG_PARAM))
            .flatten()
            .and_then(|tag| Lang::from_tag(&tag));
        let ui_locales = param("ui_locales");
        let hinted = ui_locales.as_deref().and_then(from_ui_locales);
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let lang =
            switched.unwrap_or_else(|| negotiate(ui_locales.as_deref(), cookie.as_deref(), accept));
        let remember = switched
            .or(hinted)
            .filter(|chosen| cookie_lang != Some(*chosen));
        Self {
            lang,
            remember,
            cookie_lang,
            request_id: safe_request_id(headers),
            path: local_path(uri.path()),
            query,
        }
    }

    /// Renegotiates with a relying party's `ui_locales` (OIDC Core §3.1.2.1), for
    /// handlers that keep it in their flow state. A supported language wins and is
    /// remembered in the cookie; otherwise nothing changes.
    pub fn apply_ui_locales(&mut self, ui_locales: Option<&str>) {
        if let Some(lang) = ui_locales.and_then(from_ui_locales) {
            self.remember = (self.cookie_lang != Some(lang)).then_some(lang);
            self.lang = lang;
        }
    }

    /// The language switch: this page in every language, `?lang=` replacing any
    /// earlier `lang` or `ui_locales` and keeping the other parameters.
    pub fn lang_links(&self) -> Vec<LangLink> {
        Lang::ALL
            .iter()
            .map(|&lang| LangLink {
                code: lang.code(),
                name: tr(lang, lang.name_key()),
                href: self.href_in(lang),
                current: lang == self.lang,
            })
            .collect()
    }

    fn href_in(&self, lang: Lang) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(raw) = &self.query {
            for (name, value) in url::form_urlencoded::parse(raw.as_bytes()) {
                if name != LANG_PARAM && name != "ui_locales" {
                    query.append_pair(&name, &value);
                }
            }
        }
        query.append_pair(LANG_PARAM, lang.code());
        format!("{}?{}", self.path, query.finish())
    }
}

/// The first value of query parameter `name`.
pub(crate) fn query_param(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// A path with exactly one leading slash: `//evil.example/x` would otherwise make a
/// protocol-relative link to another site in the language switch.
pub(crate) fn local_path(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

/// The `x-request-id` (set by the request-id layer, possibly sent by a client) if it
/// looks like an id; `-` otherwise, so no client text reaches a page or a log line.
fn safe_request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        })
        .unwrap_or("-")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn read(method: Method, uri: &str, headers: &[(&str, &str)]) -> RequestInfo {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(
                axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        RequestInfo::read(&method, &uri.parse().unwrap(), &map)
    }

    #[test]
    fn a_lang_parameter_on_get_wins_and_is_remembered() {
        let info = read(
            Method::GET,
            "/login?lang=en",
            &[("cookie", "clave_lang=es")],
        );
        assert_eq!((info.lang, info.remember), (Lang::En, Some(Lang::En)));
    }

    #[test]
    fn valencian_is_switched_to_and_remembered_under_its_own_tag() {
        let info = read(
            Method::GET,
            "/login?lang=ca-valencia",
            &[("cookie", "clave_lang=ca")],
        );
        assert_eq!(
            (info.lang, info.remember),
            (Lang::CaValencia, Some(Lang::CaValencia))
        );
        let info = read(
            Method::GET,
            "/x",
            &[
                ("cookie", "clave_lang=ca-valencia"),
                ("accept-language", "ca"),
            ],
        );
        assert_eq!((info.lang, info.remember), (Lang::CaValencia, None));
    }

    #[test]
    fn a_lang_parameter_on_post_is_ignored() {
        let info = read(Method::POST, "/login?lang=en", &[("accept-language", "es")]);
        assert_eq!((info.lang, info.remember), (Lang::Es, None));
    }

    #[test]
    fn the_cookie_is_not_rewritten_when_it_already_holds_the_choice() {
        let info = read(Method::GET, "/x?lang=en", &[("cookie", "clave_lang=en")]);
        assert_eq!((info.lang, info.remember), (Lang::En, None));
    }

    #[test]
    fn ui_locales_in_the_query_win_over_the_cookie_and_are_remembered() {
        let info = read(
            Method::GET,
            "/x?ui_locales=fr%20en",
            &[("cookie", "clave_lang=es")],
        );
        assert_eq!((info.lang, info.remember), (Lang::En, Some(Lang::En)));
    }

    #[test]
    fn cookie_then_accept_language_decide_otherwise() {
        let info = read(
            Method::GET,
            "/x",
            &[("cookie", "clave_lang=en"), ("accept-language", "es")],
        );
        assert_eq!((info.lang, info.remember), (Lang::En, None));
        let info = read(Method::GET, "/x", &[("accept-language", "en-GB,en;q=0.9")]);
        assert_eq!(info.lang, Lang::En);
    }

    #[test]
    fn apply_ui_locales_switches_and_remembers_a_supported_language_only() {
        let mut info = read(Method::GET, "/x", &[]);
        info.apply_ui_locales(Some("de fr"));
        assert_eq!((info.lang, info.remember), (Lang::Es, None));
        info.apply_ui_locales(Some("en"));
        assert_eq!((info.lang, info.remember), (Lang::En, Some(Lang::En)));
    }

    #[test]
    fn language_links_keep_other_parameters_and_replace_lang() {
        let info = read(Method::GET, "/login?flow=a%20b&lang=es&ui_locales=es", &[]);
        let links = info.lang_links();
        assert_eq!(links.len(), Lang::ALL.len());
        let hrefs: Vec<&str> = links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "/login?flow=a+b&lang=es",
                "/login?flow=a+b&lang=ca",
                "/login?flow=a+b&lang=gl",
                "/login?flow=a+b&lang=eu",
                "/login?flow=a+b&lang=ca-valencia",
                "/login?flow=a+b&lang=en",
            ]
        );
        assert!(links[0].current && links[1..].iter().all(|l| !l.current));
        let names: Vec<&str> = links.iter().map(|l| l.name.as_str()).collect();
        // Each language named in itself.
        assert_eq!(
            names,
            [
                "Castellano",
                "Català",
                "Galego",
                "Euskara",
                "Valencià",
                "English"
            ]
        );
    }

    #[test]
    fn a_double_slash_path_never_becomes_a_link_to_another_host() {
        assert_eq!(local_path("//evil.example/x"), "/evil.example/x");
        assert_eq!(local_path("/\\evil.example"), "/evil.example");
        assert_eq!(local_path("/help"), "/help");
    }

    #[test]
    fn only_id_like_request_ids_are_shown() {
        assert_eq!(
            read(Method::GET, "/", &[("x-request-id", "abc-123_X")]).request_id,
            "abc-123_X"
        );
        assert_eq!(
            read(Method::GET, "/", &[("x-request-id", "<script>")]).request_id,
            "-"
        );
        assert_eq!(read(Method::GET, "/", &[]).request_id, "-");
    }
}
