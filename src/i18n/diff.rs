//! Which messages an edit of `.ftl` files changed, as each language sees
//! them. In: the [`Locales`] before and after. Out: per language that sees
//! a change, the message ids whose text there is different (added,
//! removed, value or attribute changed, in the language itself or in the
//! fallback language it takes the message from), or [`Seen::Everything`]
//! when a term changed (any message may reference it).

use super::Locales;
use crate::config::LangCode;
use std::collections::{BTreeMap, BTreeSet};

/// What a language sees of an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seen {
    /// A term changed: any of its messages may read differently.
    Everything,
    /// These messages read differently.
    Ids(BTreeSet<String>),
}

impl Locales {
    /// The languages that see a difference between `before` and `self`,
    /// each with what it sees. Languages that see none are left out.
    pub(crate) fn changes_since(&self, before: &Locales) -> BTreeMap<LangCode, Seen> {
        let own: BTreeMap<&LangCode, BTreeSet<&String>> = self
            .langs
            .keys()
            .chain(before.langs.keys())
            .map(|code| (code, changed_definitions(before, self, code)))
            .collect();
        let mut out = BTreeMap::new();
        for (code, chain) in &self.chains {
            let changed: BTreeSet<&String> = chain
                .iter()
                .filter_map(|c| own.get(c))
                .flatten()
                .copied()
                .collect();
            if changed.iter().any(|id| id.starts_with('-')) {
                out.insert(code.clone(), Seen::Everything);
                continue;
            }
            let ids: BTreeSet<String> = changed
                .into_iter()
                .filter(|id| before.seen_as(code, id) != self.seen_as(code, id))
                .cloned()
                .collect();
            if !ids.is_empty() {
                out.insert(code.clone(), Seen::Ids(ids));
            }
        }
        out
    }

    /// Where `lang` takes message `id` from (the first language of its
    /// chain that defines it) and that definition's hash.
    fn seen_as(&self, lang: &LangCode, id: &str) -> Option<(&LangCode, &blake3::Hash)> {
        let chain = self.chains.get(lang)?;
        chain.iter().find_map(|c| {
            let hash = self.langs.get(c)?.definitions.get(id)?;
            Some((c, hash))
        })
    }
}

/// Messages and terms that `code` itself defines differently (or only in
/// one of the two).
fn changed_definitions<'a>(
    before: &'a Locales,
    after: &'a Locales,
    code: &LangCode,
) -> BTreeSet<&'a String> {
    let old = before.langs.get(code).map(|l| &l.definitions);
    let new = after.langs.get(code).map(|l| &l.definitions);
    let hash =
        |defs: Option<&'a BTreeMap<String, blake3::Hash>>, id: &str| defs.and_then(|d| d.get(id));
    old.into_iter()
        .chain(new)
        .flat_map(|d| d.keys())
        .filter(|id| hash(old, id) != hash(new, id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::i18n::{Layer, LocaleFile};
    use std::path::{Path, PathBuf};

    /// vi (default), en falling back to vi, lo falling back to en then vi.
    fn locales(vi: &str, en: &str, lo: &str) -> Locales {
        let config = Config::parse(
            Path::new("/site"),
            "title: T\nbase_url: https://example.org/\ndefault_language: vi\nlanguages:\n  - { code: vi, name: V }\n  - { code: en, name: E, fallback: [vi] }\n  - { code: lo, name: L, fallback: [en, vi] }\n",
        )
        .expect("site.yaml");
        let file = |lang: &str, text: &str| LocaleFile {
            lang: LangCode(lang.into()),
            layer: Layer::Site,
            file: PathBuf::from(format!("locales/{lang}/main.ftl")),
            text: text.into(),
        };
        Locales::build(
            &config,
            vec![file("vi", vi), file("en", en), file("lo", lo)],
        )
        .0
    }

    fn ids(list: &[&str]) -> Seen {
        Seen::Ids(list.iter().map(|s| s.to_string()).collect())
    }

    fn code(c: &str) -> LangCode {
        LangCode(c.into())
    }

    #[test]
    fn a_changed_message_is_seen_where_it_is_defined_and_by_languages_lacking_it() {
        let before = locales("a = A\nb = B\n", "a = EA\n", "");
        let after = locales("a = A2\nb = B2\n", "a = EA\n", "");
        let seen = after.changes_since(&before);
        assert_eq!(seen.get(&code("vi")), Some(&ids(&["a", "b"])));
        // en has its own `a`: only `b` (taken from vi) reads differently.
        assert_eq!(seen.get(&code("en")), Some(&ids(&["b"])));
        assert_eq!(seen.get(&code("lo")), Some(&ids(&["b"])));
    }

    #[test]
    fn added_removed_and_attribute_changes_count_and_an_equal_edit_does_not() {
        let before = locales("a = A\n    .title = T\nb = B\n", "", "");
        let after = locales("a = A\n    .title = T2\nc = C\n\n\nb = B\n", "", "");
        let seen = after.changes_since(&before);
        assert_eq!(seen.get(&code("vi")), Some(&ids(&["a", "c"])));
        let same = locales("a = A\n    .title = T2\nc = C\nb = B\n", "", "");
        assert!(same.changes_since(&after).is_empty());
    }

    #[test]
    fn a_translation_added_is_seen_by_its_language_and_those_falling_back_to_it() {
        let before = locales("a = A\n", "", "");
        let after = locales("a = A\n", "a = EA\n", "");
        let seen = after.changes_since(&before);
        assert_eq!(seen.get(&code("vi")), None);
        assert_eq!(seen.get(&code("en")), Some(&ids(&["a"])));
        assert_eq!(seen.get(&code("lo")), Some(&ids(&["a"])));
    }

    #[test]
    fn a_changed_term_means_every_message_of_the_languages_that_see_it() {
        let before = locales("-brand = X\na = { -brand }\n", "", "");
        let after = locales("-brand = Y\na = { -brand }\n", "", "");
        let seen = after.changes_since(&before);
        assert_eq!(seen.get(&code("vi")), Some(&Seen::Everything));
        assert_eq!(seen.get(&code("lo")), Some(&Seen::Everything));
    }
}
