//! The template engine: tera 1.20, built once at start-up from the embedded list in
//! [`super::template_list`], with HTML autoescaping and a `t()` function that reads
//! the Fluent catalogs.
//!
//! In a template: `{{ t(key="steps", lang=lang, current=2, total=3) }}`. `key` and
//! `lang` are required; every other named argument becomes a Fluent argument. The
//! result is escaped like any other expression, so translations are plain text.
//!
//! Tera 1 rather than 2: the two have different APIs, 1.20 is stable and complete for
//! what pages need (inheritance, includes, macros) and `default-features = false`
//! keeps its date/slug/rand dependencies out.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use tera::{Context, Tera, Value};

use super::i18n::{Lang, fluent_value, lookup};
use super::template_list::TEMPLATES;

/// Every page template, parsed and ready.
#[derive(Debug)]
pub struct Templates {
    tera: Tera,
}

impl Templates {
    /// Parses every embedded template; fails on the first syntax error, naming it.
    pub fn new() -> Result<Self, tera::Error> {
        Self::from_sources(TEMPLATES)
    }

    /// Parses the given `(name, source)` templates (tests use their own).
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.register_function("t", translate);
        tera.add_raw_templates(sources.iter().copied())?;
        Ok(Self { tera })
    }

    /// Renders `name` with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, tera::Error> {
        self.tera.render(name, context)
    }

    /// The names of every template.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.tera.get_template_names()
    }
}

/// The `t(key=…, lang=…, …)` template function.
fn translate(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let key = args
        .get("key")
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg("t() needs key=\"…\""))?;
    let lang = args
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::from_tag)
        .ok_or_else(|| {
            tera::Error::msg(format!(
                "t(key=\"{key}\") needs lang=\"es\", \"ca\", \"gl\", \"eu\" or \"en\""
            ))
        })?;
    let fluent: HashMap<&str, FluentValue<'static>> = args
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "key" | "lang"))
        .map(|(name, value)| (name.as_str(), to_fluent(value)))
        .collect();
    Ok(Value::String(lookup(lang, key, Some(&fluent))))
}

fn to_fluent(value: &Value) -> FluentValue<'static> {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| FluentValue::from(n.to_string()), FluentValue::from),
        Value::String(s) => fluent_value(s),
        Value::Null => FluentValue::from(String::new()),
        other => FluentValue::from(other.to_string()),
    }
}

/// Why a whole error chain, not only tera's outermost "failed to render".
pub(crate) fn describe(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
#[path = "templates_tests.rs"]
mod tests;
