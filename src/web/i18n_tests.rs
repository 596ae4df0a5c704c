//! Tests of language negotiation and of the catalogs' completeness.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_templates::fluent_bundle::FluentResource;

use super::*;

/// Every `.ftl` file of one language: file name → source.
pub(crate) fn catalog_files(lang: Lang) -> BTreeMap<String, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang.code());
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    files
}

/// The message ids of a Fluent source: lines that start with an identifier and `=`
/// (terms start with `-`, comments with `#`, continuation lines with spaces).
pub(crate) fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('='))
        .map(|(id, _)| id.trim().to_owned())
        .filter(|id| {
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect()
}

/// Every message id of one language, whichever file it is in.
pub(crate) fn catalog_keys(lang: Lang) -> BTreeSet<String> {
    catalog_files(lang)
        .values()
        .flat_map(|source| message_ids(source))
        .collect()
}

#[test]
fn every_key_of_one_language_exists_in_every_other_language() {
    for &a in Lang::ALL {
        for &b in Lang::ALL {
            let missing: Vec<String> = catalog_keys(a)
                .difference(&catalog_keys(b))
                .cloned()
                .collect();
            assert!(missing.is_empty(), "in {a} but missing in {b}: {missing:?}");
        }
    }
}

#[test]
fn every_language_has_the_same_catalog_files() {
    let files = |lang| catalog_files(lang).into_keys().collect::<Vec<_>>();
    for &lang in Lang::ALL {
        assert_eq!(files(lang), files(Lang::DEFAULT), "files of {lang}");
    }
}

#[test]
fn catalogs_parse_and_no_key_is_defined_twice() {
    for &lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        for (file, source) in catalog_files(lang) {
            assert!(
                FluentResource::try_new(source.clone()).is_ok(),
                "{lang}/{file} does not parse"
            );
            for id in message_ids(&source) {
                assert!(seen.insert(id.clone()), "{id} is defined twice in {lang}");
            }
        }
        assert!(seen.len() > 40, "only {} keys in {lang}", seen.len());
    }
}

#[test]
fn every_language_names_every_language() {
    for &lang in Lang::ALL {
        for &named in Lang::ALL {
            assert!(
                catalog_keys(lang).contains(named.name_key()),
                "{lang} lacks {}",
                named.name_key()
            );
        }
    }
}

#[test]
fn a_known_key_is_translated_in_each_language() {
    assert_eq!(
        tr(Lang::Es, "error-not-found-title"),
        "Página no encontrada"
    );
    assert_eq!(tr(Lang::En, "error-not-found-title"), "Page not found");
}

#[test]
fn a_missing_key_shows_the_key_itself_never_an_empty_string() {
    assert_eq!(tr(Lang::En, "no-such-key-anywhere"), "no-such-key-anywhere");
    assert_eq!(
        tr_args(Lang::Es, "no-such-key", &[("x", "1")]),
        "no-such-key"
    );
}

#[test]
fn arguments_are_inserted_without_bidi_isolation_marks() {
    assert_eq!(
        tr_args(Lang::Es, "steps", &[("current", "2"), ("total", "3")]),
        "Paso 2 de 3"
    );
    assert_eq!(
        tr_args(Lang::En, "steps", &[("current", "2"), ("total", "3")]),
        "Step 2 of 3"
    );
}

#[test]
fn numeric_arguments_select_plural_forms() {
    let one = tr_args(Lang::En, "error-too-many-body", &[("minutes", "1")]);
    let five = tr_args(Lang::Es, "error-too-many-body", &[("minutes", "5")]);
    assert!(one.contains("one minute"), "{one}");
    assert!(five.contains("5 minutos"), "{five}");
}

#[test]
fn arguments_that_only_look_like_numbers_keep_their_spelling() {
    let text = tr_args(
        Lang::En,
        "activation-code-invalid-character",
        &[("character", "007")],
    );
    assert!(text.contains("007"), "{text}");
}

#[test]
fn tags_are_matched_by_their_primary_subtag_case_insensitively() {
    assert_eq!(Lang::from_tag("es"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("es-ES"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
    assert_eq!(Lang::from_tag(" en-US "), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag("*"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::from_tag("english"), None);
}

#[test]
fn valencian_is_chosen_by_its_variant_and_plain_catalan_stays_catalan() {
    for tag in [
        "ca-valencia",
        "ca-ES-valencia",
        "CA_es_Valencia",
        " ca-valencia ",
    ] {
        assert_eq!(Lang::from_tag(tag), Some(Lang::CaValencia), "{tag}");
    }
    for tag in ["ca", "ca-ES", "ca-AD", "ca-valenciano", "ca-ES-x-val"] {
        assert_eq!(Lang::from_tag(tag), Some(Lang::Ca), "{tag}");
    }
    // The variant belongs to Catalan only.
    assert_eq!(Lang::from_tag("es-valencia"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("valencia"), None);
}

#[test]
fn every_language_reads_back_from_its_own_tag() {
    for &lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.code()), Some(lang), "{lang}");
        assert_eq!(lang.to_string(), lang.code());
    }
}

#[test]
fn valencian_is_negotiated_from_ui_locales_and_accept_language() {
    assert_eq!(
        negotiate(Some("ca-valencia es"), None, None),
        Lang::CaValencia
    );
    assert_eq!(
        negotiate(None, None, Some("ca-ES-valencia,ca;q=0.9,es;q=0.8")),
        Lang::CaValencia
    );
    assert_eq!(
        negotiate(None, Some("ca-valencia"), Some("es")),
        Lang::CaValencia
    );
    assert_eq!(negotiate(Some("ca-ES"), None, None), Lang::Ca);
    assert_eq!(
        negotiate(None, None, Some("ca-ES,ca-ES-valencia;q=0.5")),
        Lang::Ca
    );
}

#[test]
fn each_language_is_served_from_its_own_catalog() {
    // A bundle the loader did not find under the tag would show the key itself.
    let names: BTreeSet<String> = Lang::ALL
        .iter()
        .map(|&lang| tr(lang, lang.name_key()))
        .collect();
    assert_eq!(names.len(), Lang::ALL.len(), "{names:?}");
    assert_eq!(tr(Lang::CaValencia, "lang-name-ca-valencia"), "Valencià");
    assert_ne!(
        tr(Lang::CaValencia, "error-not-found-body"),
        tr(Lang::Ca, "error-not-found-body")
    );
}

#[test]
fn ui_locales_win_over_the_cookie_and_the_browser() {
    assert_eq!(negotiate(Some("en"), Some("es"), Some("es")), Lang::En);
    assert_eq!(
        negotiate(Some("fr-FR en-GB es"), Some("es"), None),
        Lang::En
    );
}

#[test]
fn the_cookie_wins_over_the_browser_when_ui_locales_has_no_supported_language() {
    assert_eq!(negotiate(Some("fr de"), Some("en"), Some("es")), Lang::En);
    assert_eq!(
        negotiate(None, Some("en"), Some("es-ES,es;q=0.9")),
        Lang::En
    );
}

#[test]
fn the_browser_decides_when_neither_ui_locales_nor_a_valid_cookie_do() {
    assert_eq!(
        negotiate(None, Some("xx"), Some("en-US,en;q=0.9")),
        Lang::En
    );
    assert_eq!(negotiate(None, None, Some("fr-FR, es;q=0.5")), Lang::Es);
}

#[test]
fn spanish_is_the_default() {
    assert_eq!(negotiate(None, None, None), Lang::Es);
    assert_eq!(
        negotiate(Some(""), Some(""), Some("fr, de;q=0.8")),
        Lang::Es
    );
}

#[test]
fn accept_language_respects_q_values_not_only_order() {
    assert_eq!(from_accept_language("es;q=0.4, en;q=0.8"), Some(Lang::En));
    assert_eq!(from_accept_language("en;q=0.5,es"), Some(Lang::Es));
    assert_eq!(from_accept_language("es;q=0.800,en;q=0.81"), Some(Lang::En));
}

#[test]
fn accept_language_ties_go_to_the_first_listed() {
    assert_eq!(from_accept_language("en;q=0.7, es;q=0.7"), Some(Lang::En));
    assert_eq!(from_accept_language("es, en"), Some(Lang::Es));
}

#[test]
fn q_zero_means_not_acceptable() {
    assert_eq!(from_accept_language("en;q=0, es;q=0.1"), Some(Lang::Es));
    assert_eq!(from_accept_language("en;q=0.000"), None);
}

#[test]
fn malformed_q_values_are_ignored() {
    assert_eq!(from_accept_language("en;q=2, es;q=0.3"), Some(Lang::Es));
    assert_eq!(from_accept_language("en;q=abc, es;q=0.3"), Some(Lang::Es));
    assert_eq!(from_accept_language("en;q=0.1234"), None);
    assert_eq!(from_accept_language(";;;,,,=="), None);
}

#[test]
fn q_values_parse_to_thousandths() {
    assert_eq!(parse_qvalue("1"), Some(1000));
    assert_eq!(parse_qvalue("1.000"), Some(1000));
    assert_eq!(parse_qvalue("0.5"), Some(500));
    assert_eq!(parse_qvalue("0.05"), Some(50));
    assert_eq!(parse_qvalue("1.5"), None);
    assert_eq!(parse_qvalue("-0.5"), None);
}
