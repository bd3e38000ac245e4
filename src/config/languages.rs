//! The site's languages: codes, `languages:` entries with their fallback
//! chains, and looking them up by code.

use super::{Config, Direction};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A language code as written in `site.yaml` (`vi`, `en`, `lo`, `km`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LangCode(pub String);

impl LangCode {
    /// The code as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// See [`Config::fallback_chain`].
pub(super) fn chain_of(lang: &Language, default_language: &LangCode) -> Vec<LangCode> {
    let mut chain = vec![lang.code.clone()];
    for fb in lang
        .fallback
        .iter()
        .chain(std::iter::once(default_language))
    {
        if !chain.contains(fb) {
            chain.push(fb.clone());
        }
    }
    chain
}

/// One language of the site.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// BCP 47 code.
    pub code: LangCode,
    /// The language's name in itself (`Tiếng Việt`).
    pub name: String,
    /// Where missing Fluent messages and untranslated articles come from.
    #[serde(default)]
    pub fallback: Vec<LangCode>,
    /// Text direction; `ltr` unless set.
    #[serde(default)]
    pub dir: Direction,
    /// Itself, its `fallback` list, then the default language; each once.
    /// Computed once when the configuration is validated: messages, links
    /// and untranslated pages all follow this one chain.
    #[serde(skip)]
    pub(super) chain: Vec<LangCode>,
}

impl Language {
    /// Itself, its `fallback` list, then the default language; each once.
    pub fn chain(&self) -> &[LangCode] {
        &self.chain
    }
}

impl Config {
    /// The language with this code.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code.as_str() == code)
    }

    /// Whether `code` is a language of the site.
    pub fn has_language(&self, code: &str) -> bool {
        self.language(code).is_some()
    }

    /// The site's language codes, in `site.yaml`'s order.
    pub fn language_codes(&self) -> impl Iterator<Item = &str> + Clone {
        self.languages.iter().map(|l| l.code.as_str())
    }
}
