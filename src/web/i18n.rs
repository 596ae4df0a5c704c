//! Languages of the pages: which one a request gets, and the translated strings.
//!
//! **Negotiation** ([`negotiate`]) follows the order the citizen's intent is most
//! explicit in: the relying party's `ui_locales` (OIDC Core §3.1.2.1, a space-separated
//! list of BCP 47 tags in order of preference), then the `clave_lang` cookie the
//! language switch sets, then the browser's `Accept-Language` (RFC 9110 §12.5.4,
//! q-values respected), then Spanish.
//!
//! **Catalogs** are Fluent files under `locales/<code>/*.ftl`, embedded in the binary
//! at build time by `fluent_templates::static_loader!` (every `.ftl` file of a language
//! directory joins its bundle, so each flow may add its own file). A key missing from a
//! catalog is a bug: [`tr`] then returns the key itself and logs a warning, never an
//! empty string, and a unit test (`i18n_tests.rs`) fails when a key present in one
//! language is missing in another.
//!
//! Adding a language: a variant in [`Lang`] (and in `ALL`, `code`, `name_key`,
//! `langid`), a `locales/<code>/` directory with the same files, a `lang-name-<code>`
//! key in every catalog. A language told apart from another by a variant subtag
//! (Valencian, `ca-valencia`) also says so in `primary` and `variant`.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, StaticLoader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "es",
        // Fluent wraps every argument in Unicode bidi isolation marks by default; the
        // pages are left-to-right only and the marks would end up inside `value=`
        // attributes and copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the pages are offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(into = "&'static str")]
pub enum Lang {
    /// Spanish, the default.
    #[default]
    Es,
    /// Catalan, in the standard of the Institut d'Estudis Catalans. Plain `ca` and
    /// `ca-ES` choose it; Valencian is a language of its own ([`Lang::CaValencia`]).
    Ca,
    /// Galician.
    Gl,
    /// Basque.
    Eu,
    /// Valencian: Catalan in the standard of the Acadèmia Valenciana de la Llengua,
    /// with the Generalitat Valenciana's formal *vosté*, as the real Cl@ve offers it
    /// beside Catalan. Tagged `ca-valencia` (RFC 5646 §2.2.5, the registered variant
    /// `valencia`), so `ca-valencia` and `ca-ES-valencia` choose it.
    CaValencia,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, in the order the language switch lists them: the
    /// real Cl@ve's (Castellano, Català, Galego, Euskara, Valencià, English).
    pub const ALL: &'static [Lang] = &[
        Lang::Es,
        Lang::Ca,
        Lang::Gl,
        Lang::Eu,
        Lang::CaValencia,
        Lang::En,
    ];

    /// The language used when nothing else decides.
    pub const DEFAULT: Lang = Lang::Es;

    /// The BCP 47 tag (RFC 5646), as used in `lang="…"`, cookies, `?lang=`,
    /// `ui_locales_supported` and the name of the catalog directory: the ISO 639-1
    /// code, with the variant subtag where there is one (`ca-valencia`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::Ca => "ca",
            Lang::Gl => "gl",
            Lang::Eu => "eu",
            Lang::CaValencia => "ca-valencia",
            Lang::En => "en",
        }
    }

    /// The primary language subtag (RFC 5646 §2.2.1).
    fn primary(self) -> &'static str {
        match self {
            Lang::CaValencia => "ca",
            other => other.code(),
        }
    }

    /// The variant subtag (RFC 5646 §2.2.5) that tells this language apart from
    /// the one of the same primary subtag, if any.
    fn variant(self) -> Option<&'static str> {
        match self {
            Lang::CaValencia => Some("valencia"),
            _ => None,
        }
    }

    /// The catalog key of the language's own name ("Castellano", "English").
    pub fn name_key(self) -> &'static str {
        match self {
            Lang::Es => "lang-name-es",
            Lang::Ca => "lang-name-ca",
            Lang::Gl => "lang-name-gl",
            Lang::Eu => "lang-name-eu",
            Lang::CaValencia => "lang-name-ca-valencia",
            Lang::En => "lang-name-en",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag and, where two languages
    /// share one, by the variant subtag: `es`, `es-ES` and `ES_es` give Spanish;
    /// `ca` and `ca-ES` Catalan; `ca-valencia` and `ca-ES-valencia` Valencian.
    /// Unsupported languages, `*` and garbage give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let mut subtags = tag.trim().split(['-', '_']);
        let primary = subtags.next()?;
        let has = |variant: &str| subtags.clone().any(|s| s.eq_ignore_ascii_case(variant));
        // A language with a variant wins over the plain one when the tag carries it.
        Lang::ALL
            .iter()
            .copied()
            .filter(|lang| primary.eq_ignore_ascii_case(lang.primary()))
            .filter(|lang| lang.variant().is_none_or(has))
            .max_by_key(|lang| lang.variant().is_some())
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Es => langid!("es"),
            Lang::Ca => langid!("ca"),
            Lang::Gl => langid!("gl"),
            Lang::Eu => langid!("eu"),
            Lang::CaValencia => langid!("ca-valencia"),
            Lang::En => langid!("en"),
        }
    }
}

impl From<Lang> for &'static str {
    fn from(lang: Lang) -> Self {
        lang.code()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Chooses the language of a response: `ui_locales` first, then the language cookie,
/// then `Accept-Language`, else Spanish. Unsupported or malformed values are skipped,
/// never an error (OIDC Core §3.1.2.1: "an error SHOULD NOT result").
pub fn negotiate(
    ui_locales: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Lang {
    ui_locales
        .and_then(from_ui_locales)
        .or_else(|| cookie.and_then(Lang::from_tag))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(Lang::DEFAULT)
}

/// The first supported language of a space-separated preference list.
pub fn from_ui_locales(ui_locales: &str) -> Option<Lang> {
    ui_locales
        .split_whitespace()
        .take(MAX_TAGS)
        .find_map(Lang::from_tag)
}

/// At most this many tags of a header are read (headers are attacker-sized).
const MAX_TAGS: usize = 32;

/// The supported language with the highest q-value in an `Accept-Language` header;
/// ties go to the one listed first. `q=0` means "not acceptable"; an entry with a
/// malformed q-value is ignored.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    for entry in header.split(',').take(MAX_TAGS) {
        let mut pieces = entry.split(';');
        let Some(lang) = pieces.next().and_then(Lang::from_tag) else {
            continue;
        };
        let mut quality = Some(1000);
        for param in pieces {
            if let Some((name, value)) = param.split_once('=')
                && name.trim().eq_ignore_ascii_case("q")
            {
                quality = parse_qvalue(value.trim());
            }
        }
        match quality {
            Some(q) if q > 0 && best.is_none_or(|(b, _)| q > b) => best = Some((q, lang)),
            _ => {}
        }
    }
    best.map(|(_, lang)| lang)
}

/// A q-value (RFC 9110 §12.4.2: `0[.ddd]` or `1[.000]`) in thousandths.
fn parse_qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The text of `key` in `lang`; the key itself (and a warning) if it is missing.
pub fn tr(lang: Lang, key: &str) -> String {
    lookup(lang, key, None)
}

/// The text of `key` in `lang` with Fluent arguments. Values that read as numbers
/// are passed as numbers, so plural selectors (`[one]`, `*[other]`) work.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let map: HashMap<&str, FluentValue<'static>> = args
        .iter()
        .map(|(name, value)| (*name, fluent_value(value)))
        .collect();
    lookup(lang, key, Some(&map))
}

/// A Fluent argument: a number when the text is exactly a number's own spelling
/// (`8`, `2.5`), else a string, so `007` or `+34600000000` keep their digits.
pub(crate) fn fluent_value(text: &str) -> FluentValue<'static> {
    match text.parse::<f64>() {
        Ok(number) if number.is_finite() && number.to_string() == text => FluentValue::from(number),
        _ => FluentValue::from(text.to_owned()),
    }
}

pub(crate) fn lookup(
    lang: Lang,
    key: &str,
    args: Option<&HashMap<&str, FluentValue<'static>>>,
) -> String {
    let loader: &StaticLoader = &LOCALES;
    match loader.lookup_single_language(&lang.langid(), key, args) {
        Ok(text) => text,
        Err(error) => {
            tracing::warn!(lang = lang.code(), key, %error, "translation missing or broken; showing its key");
            key.to_owned()
        }
    }
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
pub(crate) mod tests;
