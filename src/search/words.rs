//! The words of a text, as the index files them and as the theme's script
//! (`themes/default/static/js/search.js`) splits a query.
//!
//! A text is taken a space-separated token at a time. A token of Latin
//! letters and digits is one word. Other tokens are cut into runs: the
//! letters and signs of the Southeast-Asian scripts written without spaces
//! (Lao, Thai, Khmer, Myanmar), and the rest. Such a run is cut into
//! orthographic syllables (`super::syllables`), and every syllable and
//! every pair of adjacent syllables is a term: the script applies the same
//! rule to a query, so both sides split the same way by construction, and
//! a query of several syllables looks its pairs up, near-phrase precision
//! without positions. The rest (Chinese, Japanese, Korean, ...) is split
//! by ICU4X's dictionary word segmenter, as the browser's `Intl.Segmenter`
//! does.

use super::syllables::{each_run, is_nfc_southeast_asian, syllables};
use icu_segmenter::WordSegmenterBorrowed;
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Letters of the Latin script, whose diacritics are folded away.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

/// A word as written: NFC, lowercase.
#[cfg(test)]
pub(crate) fn exact(word: &str) -> String {
    let mut out = String::new();
    push_exact(&mut out, word);
    out
}

/// Appends `word` as written (NFC, lowercase) to `out`. Most words are
/// already NFC and lowercase: they are copied as they are. A word of ASCII
/// and precomposed Latin letters (Vietnamese, French, ...) is NFC without
/// asking the normalization tables (every such character is NFC_QC=Yes
/// with combining class 0: see the test), the common case of this hot path.
fn push_exact(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Not lowercase, not `is_uppercase`: titlecase `ǅ` is neither upper
    // nor lower; `×` takes the slow path, which leaves it as it is.
    let mut changes = false;
    let precomposed = word.chars().all(|c| {
        changes |= c.is_ascii_uppercase() || (!c.is_ascii() && !c.is_lowercase());
        c.is_ascii() || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
    });
    if precomposed {
        if changes {
            out.extend(word.chars().flat_map(char::to_lowercase));
        } else {
            out.push_str(word);
        }
    } else if is_nfc_quick(word.chars()) != IsNormalized::Yes {
        let nfc: String = word.nfc().collect();
        out.push_str(&nfc.to_lowercase());
    } else if word.chars().any(char::is_uppercase) {
        out.push_str(&word.to_lowercase());
    } else {
        out.push_str(word);
    }
}

/// The folded form of a word: Latin letters without diacritics (`đ` → `d`),
/// typographic apostrophes as `'`, every other script as it is (Japanese
/// voiced marks, Lao tone marks and Korean syllables are kept), NFC,
/// lowercase.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    let mut after_latin = false;
    for c in word.nfd() {
        if is_combining_mark(c) {
            if !after_latin {
                out.push(c);
            }
            continue;
        }
        after_latin = is_latin(c);
        out.push(match c {
            'đ' | 'Đ' => 'd',
            // Phones type `’`, keyboards `'`: `don’t` finds `don't`.
            '\u{2019}' | '\u{2018}' | '\u{2BC}' => '\'',
            c => c,
        });
    }
    out.nfc().collect::<String>().to_lowercase()
}

/// The terms of a text (lowercase NFC), in order, repeats included.
#[cfg(test)]
pub(crate) fn terms(text: &str) -> Vec<String> {
    use icu_segmenter::options::WordBreakInvariantOptions;
    let segmenter =
        icu_segmenter::WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut out = Vec::new();
    each_term(&segmenter, text, true, |t| out.push(t.to_owned()));
    out
}

/// Calls `f` with each term of `text` (lowercase NFC), in order; with
/// `repeats`, every time it occurs, otherwise those of a token only the
/// first time the token occurs (the rest of the build needs each term once
/// per article). Terms never span white space.
pub(crate) fn each_term(
    segmenter: &WordSegmenterBorrowed<'_>,
    text: &str,
    repeats: bool,
    mut f: impl FnMut(&str),
) {
    let mut word = String::new();
    // A token met again gives the same terms: most words of a text are
    // repeats, and looking the token up is cheaper than cutting it again.
    let mut seen: HashSet<&str> = HashSet::with_capacity_and_hasher(
        if repeats { 0 } else { text.len() / 16 },
        Default::default(),
    );
    for token in text.split(char::is_whitespace) {
        if token.is_empty()
            || (!repeats && !seen.insert(token))
            || simple_term(token, &mut word, &mut f)
        {
            continue;
        }
        // Syllables are found on the NFC text, as the script finds them on
        // the NFC query.
        let token: Cow<str> =
            if is_nfc_southeast_asian(token) || is_nfc_quick(token.chars()) == IsNormalized::Yes {
                Cow::Borrowed(token)
            } else {
                Cow::Owned(token.nfc().collect())
            };
        each_run(&token, |syllabic, run| {
            if syllabic {
                syllables(run, &mut f);
            } else if !simple_term(run, &mut word, &mut f) {
                segment(segmenter, run, &mut word, &mut f);
            }
        });
    }
}

/// Calls `f` with the one word of `text` when it is a [`simple_word`]
/// (nothing for punctuation alone); `false` when it needs more than that.
fn simple_term(text: &str, word: &mut String, f: &mut impl FnMut(&str)) -> bool {
    match simple_word(text) {
        None => false,
        Some("") => true,
        Some(simple) => {
            word.clear();
            push_exact(word, simple);
            f(word);
            true
        }
    }
}

/// The one word of a token of Latin letters and digits (combining marks
/// after its first letter), once the punctuation at its ends is trimmed;
/// `Some("")` for punctuation alone; `None` when the token needs more.
fn simple_word(token: &str) -> Option<&str> {
    let word = token.trim_matches(is_edge_punctuation);
    let mut chars = word.chars();
    match chars.next() {
        None => Some(""),
        Some(c) if is_simple_letter(c) => chars
            .all(|c| is_simple_letter(c) || matches!(c as u32, 0x300..=0x36F))
            .then_some(word),
        Some(_) => None,
    }
}

/// A letter of the Latin script or an ASCII digit. In the Latin ranges of
/// [`is_latin`] every character is a letter but `×` and `÷` (no Unicode
/// table lookup: this runs for every character of every Vietnamese word).
fn is_simple_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (is_latin(c) && !matches!(c, '\u{D7}' | '\u{F7}'))
}

/// Punctuation that is never part of a word at the start or the end of a
/// token (`_` joins words, so it is not here).
fn is_edge_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation() && c != '_')
        || matches!(
            c,
            '\u{2018}'
                | '\u{2019}'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2026}'
                | '«'
                | '»'
        )
}

/// [`each_term`] for a run the segmenter splits (Chinese, Japanese, Korean,
/// symbols). A piece that starts with a combining mark is joined to the
/// word before it (ICU4X's segmenter cuts some there).
fn segment(
    segmenter: &WordSegmenterBorrowed<'_>,
    text: &str,
    word: &mut String,
    f: &mut impl FnMut(&str),
) {
    word.clear();
    let mut last = 0;
    let mut previous_word_ends = None;
    for (i, kind) in segmenter.segment_str(text).iter_with_word_type() {
        if i > last && kind.is_word_like() {
            let piece = &text[last..i];
            let continues = !word.is_empty()
                && previous_word_ends == Some(last)
                && piece.chars().next().is_some_and(is_combining_mark);
            if !continues && !word.is_empty() {
                with_dotted_parts(word, f);
                word.clear();
            }
            push_exact(word, piece);
            previous_word_ends = Some(i);
        }
        last = i;
    }
    if !word.is_empty() {
        with_dotted_parts(word, f);
    }
}

/// Calls `f` with `word` and, when dots join its letters (`tp.hcm`,
/// `binhphuoc.gov.vn`, `node.js`), with each part: a browser's segmenter
/// may keep such a word whole or cut it at its dots, and `hcm` alone is
/// a query too.
fn with_dotted_parts(word: &str, f: &mut impl FnMut(&str)) {
    f(word);
    if word.contains('.') && word.chars().any(char::is_alphabetic) {
        word.split('.').filter(|part| !part.is_empty()).for_each(f);
    }
}

/// Han ideographs: every one can begin a word.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// A term and, for Chinese and Japanese, its endings that begin at a Han
/// character after another: ICU4X's segmenter and the browser's do not
/// always cut a phrase at the same places, and a word the browser finds
/// inside a longer word of the build is then found by prefix. (Syllables
/// of Lao, Thai, Khmer and Myanmar need none: both sides cut them alike.)
pub(crate) fn suffixes(term: &str) -> impl Iterator<Item = &str> {
    // Han is not ASCII: most terms need no look at their characters.
    let scanned = if term.is_ascii() { "" } else { term };
    let last = term.len() - term.chars().next_back().map_or(0, char::len_utf8);
    let mut previous_han = false;
    let ends = scanned.char_indices().filter_map(move |(i, c)| {
        let han = is_han(c);
        let begins = han && previous_han && i < last;
        previous_han = han;
        begins.then(|| &term[i..])
    });
    std::iter::once(term).chain(ends)
}

#[cfg(test)]
mod tests {
    use super::super::syllables::is_dependent;
    use super::*;
    use icu_segmenter::options::WordBreakInvariantOptions;
    use icu_segmenter::WordSegmenter;
    use unicode_normalization::is_nfc;

    #[test]
    fn vietnamese_matches_with_or_without_diacritics() {
        assert_eq!(
            terms("Bình Phước, Đồng Xoài!"),
            ["bình", "phước", "đồng", "xoài"]
        );
        let folded: Vec<String> = terms("Bình Phước, Đồng Xoài!")
            .iter()
            .map(|t| fold(t))
            .collect();
        assert_eq!(folded, ["binh", "phuoc", "dong", "xoai"]);
        assert_eq!(fold("binh phuoc"), "binh phuoc");
        assert_eq!(fold("ĐƯỜNG"), "duong");
    }

    #[test]
    fn tokens_without_the_segmenter_split_as_the_segmenter_would() {
        let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
        let whole = |text: &str| {
            let mut out = Vec::new();
            segment(&segmenter, text, &mut String::new(), &mut |w: &str| {
                out.push(w.to_owned())
            });
            out
        };
        for text in [
            "Bình Phước, Đồng Xoài! (Lộc Ninh) “Bù Đốp” — Hớn Quản… «Chơn Thành»",
            "Phu\u{31b}o\u{31b}\u{301}c LONG ĐƯỜNG 3.5 1,000 2020: 12h30 -5 +84 #1 $20 50%",
            "can't it’s e.g. a.b. a_b _x y_ x-y A/B a@b.com https://x.org/a?b=1 x² ½ 3×4 1st",
            "‘quoted’ “x” a—b ... ?! ¿qué? ¡sí! naïve café Ærø œuvre ß İstanbul ǅ",
            "ビンフオック 빈프억성은 平福省 Bình\u{a0}Phước a\u{200b}b tab\there\nline",
        ] {
            assert_eq!(terms(text), whole(text), "{text}");
        }
        // A Latin letter and a combining mark with no precomposed form:
        // ICU4X's segmenter did not always call it a word; it is one.
        assert_eq!(
            terms("Phu\u{301} LONG x\u{301} Y"),
            ["phú", "long", "x\u{301}", "y"]
        );
        // A mark after a space: ICU4X made a "word" of the space and the mark.
        assert_eq!(terms("a \u{301}x"), ["a", "x"]);
        assert_eq!(whole("a \u{301}x"), ["a", " \u{301}", "x"]);
    }

    #[test]
    fn simple_letters_are_the_latin_letters_and_digits() {
        for c in (0..=0x2FFF).filter_map(char::from_u32) {
            let expected = c.is_ascii_digit() || (is_latin(c) && c.is_alphabetic());
            assert_eq!(is_simple_letter(c), expected, "{c:?}");
        }
    }

    #[test]
    fn precomposed_latin_letters_are_nfc_in_any_order() {
        // push_exact's fast path: every character of its ranges is NFC on
        // its own, and none combines with the one before it (NFC_QC=Yes, not
        // Maybe), so any string of them is NFC.
        for c in (0..0x80).chain(0xC0..=0x24F).chain(0x1E00..=0x1EFF) {
            let c = char::from_u32(c).unwrap_or_default();
            let s = c.to_string();
            assert!(is_nfc(&s), "{c:?}");
            assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{c:?}");
            let lower: String = s.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(exact(&s), s.to_lowercase(), "{c:?}");
            assert_eq!(lower, s.to_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn dotted_words_are_also_their_parts() {
        assert_eq!(
            terms("Đến TP.HCM, xem binhphuoc.gov.vn. Node.js 3.5"),
            [
                "đến",
                "tp.hcm",
                "tp",
                "hcm",
                "xem",
                "binhphuoc.gov.vn",
                "binhphuoc",
                "gov",
                "vn",
                "node.js",
                "node",
                "js",
                "3.5"
            ]
        );
    }

    #[test]
    fn apostrophes_fold_alike() {
        assert_eq!(fold("Don’t"), fold("don't"));
        assert_eq!(terms("can’t"), ["can’t"]);
    }

    #[test]
    fn only_latin_diacritics_are_folded() {
        assert_eq!(fold("ビンフオック"), "ビンフオック");
        assert_eq!(fold("빈프억성은"), "빈프억성은");
        assert_eq!(fold("ບ່າ"), "ບ່າ");
        assert_eq!(fold("Café"), "cafe");
    }

    #[test]
    fn words_are_kept_lowercase_and_nfc() {
        assert_eq!(exact("PHƯỚC"), "phước");
        assert_eq!(exact("Phu\u{31b}o\u{31b}\u{301}c"), "phước");
        assert_eq!(exact("Long"), "long");
        assert_eq!(exact("ĐỒNG Xoài"), "đồng xoài");
        assert_eq!(exact("İ"), "i\u{307}");
        assert_eq!(exact("ລາວ"), "ລາວ");
        assert_eq!(exact("ΟΔΟΣ"), "οδος");
    }

    #[test]
    fn lao_is_cut_into_syllables_and_their_pairs() {
        assert_eq!(terms("ພູບ່າຣາ"), ["ພູ", "ບ່າ", "ພູບ່າ", "ຣາ", "ບ່າຣາ"]);
        // A leading vowel begins a syllable; the consonants after it are
        // its own; the semivowel sign ຽ and the subscript ຼ are signs.
        assert_eq!(
            terms("ແຂວງຊຽງຂວາງ ຫຼວງພະບາງ"),
            [
                "ແຂວງ",
                "ຊຽງຂ",
                "ແຂວງຊຽງຂ",
                "ວາງ",
                "ຊຽງຂວາງ",
                "ຫຼວງ",
                "ພະ",
                "ຫຼວງພະ",
                "ບາງ",
                "ພະບາງ"
            ]
        );
        // One syllable: the unigram alone.
        assert_eq!(terms("ລາວ"), ["ລາວ"]);
    }

    #[test]
    fn khmer_is_cut_into_syllables_and_their_pairs() {
        assert_eq!(terms("ភ្នំបារ៉ា"), ["ភ្នំ", "បា", "ភ្នំបា", "រ៉ា", "បារ៉ា"]);
        // A consonant after a coeng is part of the cluster; bantoc marks a
        // final consonant, which begins nothing.
        assert_eq!(terms("ខ្ពស់"), ["ខ្ពស់"]);
        assert_eq!(terms("កាត់"), ["កាត់"]);
    }

    #[test]
    fn thai_is_cut_into_syllables_and_their_pairs() {
        assert_eq!(terms("ภาษาไทย"), ["ภา", "ษา", "ภาษา", "ไทย", "ษาไทย"]);
        // ประเทศ reads ป|ระ|เทศ (the cluster is cut), the same in the
        // build and in a query; the silenced final ร์ begins nothing.
        assert_eq!(
            terms("ประเทศไทย จันทร์"),
            ["ป", "ระ", "ประ", "เทศ", "ระเทศ", "ไทย", "เทศไทย", "จันทร์"]
        );
    }

    #[test]
    fn scripts_in_one_token_are_cut_into_runs() {
        assert_eq!(
            terms("ປີ2020 (ລາວ), abcລາວ ລາວ平福省"),
            ["ປີ", "2020", "ລາວ", "abc", "ລາວ", "ລາວ", "平福", "省"]
        );
        // Syllables are found on the NFC text: a tone mark typed before the
        // vowel sign below is put after it first.
        assert_eq!(terms("ກ\u{0EC8}\u{0EB8}"), ["ກ\u{0EB8}\u{0EC8}"]);
    }

    #[test]
    fn no_syllable_starts_with_a_sign() {
        for text in [
            "ພູບ່າຣາ ແມ່ນພູທີ່ສູງທີ່ສຸດ ຂອງແຂວງ.",
            "ភ្នំបារ៉ា ជាភ្នំខ្ពស់ជាងគេ។",
            "สวัสดีครับ ยินดีต้อนรับ",
        ] {
            let t = terms(text);
            assert!(
                t.iter()
                    .all(|w| !w.chars().next().is_some_and(is_dependent)),
                "{t:?}"
            );
        }
    }

    #[test]
    fn han_terms_are_also_filed_under_their_endings() {
        assert_eq!(
            suffixes("平福省人").collect::<Vec<_>>(),
            ["平福省人", "福省人", "省人"]
        );
        assert_eq!(suffixes("binh").collect::<Vec<_>>(), ["binh"]);
        assert_eq!(suffixes("phước").collect::<Vec<_>>(), ["phước"]);
        assert_eq!(suffixes("ໝາກມ່ວງ").collect::<Vec<_>>(), ["ໝາກມ່ວງ"]);
    }
}
