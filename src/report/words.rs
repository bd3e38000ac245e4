//! The report's own words: mekong's Fluent messages in
//! `src/report/words/LANG.ftl` (Vietnamese, English), compiled into the
//! binary. In: a language code; out: [`Words`], whose [`Words::get`] falls
//! back to Vietnamese, the language the plans are written in.
//!
//! Kept apart from the catalog of mekong's other texts (`src/messages/`)
//! because the two fall back differently: a report is filed in Vietnamese
//! unless English is asked for, while a diagnostic falls back to English.
//! The table headings are looked up by ids built from lists, which the
//! catalog's "every id is used" scan of `msg!` literals cannot see.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

/// The languages mekong's report speaks, the fallback first.
const CATALOG: &[(&str, &str)] = &[
    ("vi", include_str!("words/vi.ftl")),
    ("en", include_str!("words/en.ftl")),
];

/// Messages of one language, with Vietnamese behind them.
pub(crate) struct Words {
    lang: &'static str,
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Words {
    /// The words in `lang` (`vi` when mekong has no report messages in it).
    pub(crate) fn new(lang: &str) -> Words {
        let lang = CATALOG
            .iter()
            .map(|(l, _)| *l)
            .find(|l| *l == lang)
            .unwrap_or("vi");
        let codes: &[&str] = if lang == "vi" { &["vi"] } else { &[lang, "vi"] };
        let mut bundles = Vec::new();
        for code in codes {
            let Some((_, text)) = CATALOG.iter().find(|(l, _)| l == code) else {
                continue;
            };
            let Ok(id) = code.parse() else { continue };
            // The files are mekong's own and tested below: a syntax error
            // cannot reach a user; whatever parsed is still used.
            let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
            let mut bundle = FluentBundle::new(vec![id]);
            bundle.set_use_isolating(false);
            let _ = bundle.add_resource(resource);
            bundles.push(bundle);
        }
        Words { lang, bundles }
    }

    /// The language the words are in.
    pub(crate) fn lang(&self) -> &'static str {
        self.lang
    }

    /// Message `id`, or the id itself when no catalog has it.
    pub(crate) fn get(&self, id: &str) -> String {
        self.with(id, None)
    }

    /// Message `id` with arguments.
    pub(crate) fn with(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }
}

/// The language of the report's words: `MEKONG_LANG`, else the locale of
/// `LC_ALL`, `LC_MESSAGES` or `LANG` (`en_US.UTF-8` → `en`), else `vi`.
/// `var` reads one environment variable (the command passes `std::env::var`).
pub(crate) fn language_from_env(var: impl Fn(&str) -> Option<String>) -> String {
    for name in ["MEKONG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        let Some(value) = var(name).filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let code = value
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if CATALOG.iter().any(|(l, _)| *l == code) {
            return code;
        }
        if name == "MEKONG_LANG" || !matches!(code.as_str(), "c" | "posix") {
            // An explicit choice mekong cannot speak: the default, not the next variable.
            return "vi".into();
        }
    }
    "vi".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_parses_and_has_the_same_messages() {
        let ids = |text: &str| -> Vec<String> {
            let r = FluentResource::try_new(text.to_string()).expect("mekong's own ftl parses");
            let mut ids: Vec<String> = r
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(CATALOG[0].1), ids(CATALOG[1].1));
    }

    #[test]
    fn words_are_vietnamese_by_default_and_english_on_request() {
        assert_eq!(Words::new("vi").get("status-done"), "Hoàn thành");
        assert_eq!(Words::new("en").get("status-done"), "Done");
        assert_eq!(Words::new("lo").get("status-done"), "Hoàn thành");
    }

    #[test]
    fn the_language_comes_from_mekong_lang_then_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(language_from_env(env(&[])), "vi");
        assert_eq!(language_from_env(env(&[("LANG", "en_US.UTF-8")])), "en");
        assert_eq!(language_from_env(env(&[("LANG", "C.UTF-8")])), "vi");
        assert_eq!(
            language_from_env(env(&[("MEKONG_LANG", "vi"), ("LANG", "en_US.UTF-8")])),
            "vi"
        );
        assert_eq!(
            language_from_env(env(&[("LC_ALL", "C"), ("LANG", "en_GB")])),
            "en"
        );
    }
}
