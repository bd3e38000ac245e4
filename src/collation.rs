//! Alphabetical order in the reader's language, with ICU4X's CLDR
//! collation: Vietnamese `A Ă Â B … D Đ E Ê …` with tones after letters,
//! Lao and Khmer by their own rules, English as usual. Code-point order put
//! every title that starts with `Á`, `Đ` or `Ấ` after `Z`.
//!
//! A leaf: in, language codes and texts; out, sort keys (bytes that compare
//! as the texts collate). One collator per language, built once per site;
//! a list is sorted by keys made once per item, not by a collator call per
//! comparison (a section of a 30,000-page site).

use icu_collator::{options::CollatorOptions, CollatorBorrowed};
use icu_locale_core::Locale;

/// A collator per language of the site, and CLDR's root collation for any
/// other code (and for a language CLDR has no rules for).
pub(crate) struct Collators {
    langs: Vec<(String, CollatorBorrowed<'static>)>,
    root: CollatorBorrowed<'static>,
}

impl std::fmt::Debug for Collators {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = self.langs.iter().map(|(c, _)| c.as_str()).collect();
        f.debug_struct("Collators")
            .field("languages", &codes)
            .finish()
    }
}

fn root() -> CollatorBorrowed<'static> {
    CollatorBorrowed::try_new(Default::default(), CollatorOptions::default())
        .expect("compiled CLDR data has the root collation")
}

impl Collators {
    /// Collators for these language codes.
    pub(crate) fn new<'a>(codes: impl IntoIterator<Item = &'a str>) -> Collators {
        let langs = codes
            .into_iter()
            .map(|code| {
                let collator = code
                    .parse::<Locale>()
                    .ok()
                    .and_then(|l| {
                        CollatorBorrowed::try_new((&l).into(), CollatorOptions::default()).ok()
                    })
                    .unwrap_or_else(root);
                (code.to_owned(), collator)
            })
            .collect();
        Collators {
            langs,
            root: root(),
        }
    }

    /// The collator of a language (a handful: looked up in turn, not hashed).
    fn of(&self, lang: &str) -> &CollatorBorrowed<'static> {
        self.langs
            .iter()
            .find(|(c, _)| c == lang)
            .map_or(&self.root, |(_, c)| c)
    }

    /// The place of `text` in `lang`'s order, to sort by (with
    /// `sort_by_cached_key`: one key per item, not per comparison).
    pub(crate) fn key(&self, lang: &str, text: &str) -> SortKey {
        let mut key = Vec::with_capacity(text.len() * 2);
        // Writing to a Vec cannot fail.
        let Ok(()) = self.of(lang).write_sort_key_to(text, &mut key);
        SortKey(key, text.into())
    }
}

/// A text's collation key, then its bytes: texts that collate equal (one
/// spelled decomposed, say) still have one order, whatever the input's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct SortKey(Vec<u8>, Box<str>);

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: &str, words: &[&str]) -> Vec<String> {
        let c = Collators::new(["vi", "en", "lo", "km"]);
        let mut v: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        v.sort_by_cached_key(|w| c.key(lang, w));
        v
    }

    #[test]
    // Word by word, as a Vietnamese dictionary: `Ủ Lò` (the word `ủ`)
    // before `Uông Bí` (the word `uông`), since a space sorts before letters.
    fn vietnamese_letters_with_marks_follow_their_base_letter() {
        let titles = [
            "Đà Lạt",
            "Ấp Bắc",
            "Ánh Dương",
            "Ô Môn",
            "Zô",
            "An Giang",
            "Ba Ra",
            "Dầu Tiếng",
            "Eo Gió",
            "Uông Bí",
            "Ê Đê",
            "Ơ Lo",
            "Ủ Lò",
        ];
        assert_eq!(
            sorted("vi", &titles).join(" | "),
            "An Giang | Ánh Dương | Ấp Bắc | Ba Ra | Dầu Tiếng | Đà Lạt | Eo Gió | Ê Đê | \
             Ô Môn | Ơ Lo | Ủ Lò | Uông Bí | Zô"
        );
    }

    #[test]
    fn lao_is_ordered_by_its_consonants_not_its_leading_vowels() {
        // Lao writes some vowels before the consonant they follow in speech:
        // ເມືອງ (muang) sorts under ມ, after ກ (ka) and before ວ (wo); code
        // point order put it last (U+0EC0 comes after every consonant).
        assert_eq!(
            sorted("lo", &["ວຽງຈັນ", "ເມືອງ", "ກາງ"]),
            ["ກາງ", "ເມືອງ", "ວຽງຈັນ"]
        );
    }

    #[test]
    fn khmer_and_a_language_cldr_lacks_are_ordered_too() {
        // ក (ka) before ខ (kha) before អ (qa): the alphabet's order.
        assert_eq!(sorted("km", &["អង្គរ", "ខេត្ត", "កំពត"]), ["កំពត", "ខេត្ត", "អង្គរ"]);
        // An unknown code takes the root order: accents after the letter.
        assert_eq!(
            sorted("xx-unknown", &["Zed", "Éa", "Eb"]),
            ["Éa", "Eb", "Zed"]
        );
    }

    #[test]
    fn equal_texts_keep_a_fixed_order() {
        let c = Collators::new(["en"]);
        let mut v = vec![("b", 2), ("B", 1), ("b", 1)];
        v.sort_by_cached_key(|x| (c.key("en", x.0), x.1));
        // Lower case first (CLDR's default), then the tie.
        assert_eq!(v, [("b", 1), ("b", 2), ("B", 1)]);
        // Composed and decomposed spellings collate equal; bytes decide.
        let (nfc, nfd) = ("\u{1ea0}", "A\u{323}");
        assert_eq!(c.key("vi", nfc).0, c.key("vi", nfd).0);
        assert!(c.key("vi", nfd) < c.key("vi", nfc));
    }
}
