//! Looking up the site's languages by code.

use super::{Config, Language};

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
