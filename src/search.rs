//! Search terms: the tokenizer shared by the index (`outputs/search_index.rs`)
//! and, in spirit, by the theme's script (`themes/default/static/js/search.js`).
//!
//! Every word of an article is a term: its title, description, tags,
//! headings, typed blocks' fields and all of its text. A term is kept as
//! written (lowercase, NFC); the index files it under its folded form too
//! (Latin-script diacritics dropped, `đ` → `d`), so `binh phuoc` finds
//! `Bình Phước` and `đường` ranks the exact spelling first. Scripts written
//! without spaces (Lao, Khmer, Thai, Chinese, Japanese) are split into
//! words by ICU4X's dictionary segmenter; the browser splits the query with
//! `Intl.Segmenter` and looks words up by prefix, which also finds Korean
//! words with a particle attached (`빈프억성` → `빈프억성은`).

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;
use std::collections::BTreeMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Where a term occurs, as bits: ranking is title over headings over body.
pub(crate) const BODY: u8 = 1;
/// A heading, the description or a tag.
pub(crate) const HEADING: u8 = 2;
/// The title.
pub(crate) const TITLE: u8 = 4;

/// Letters of the Latin script, whose diacritics are folded away.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

/// A word as written: NFC, lowercase.
pub(crate) fn exact(word: &str) -> String {
    word.nfc().collect::<String>().to_lowercase()
}

/// The folded form of a word: Latin letters without diacritics (`đ` → `d`),
/// every other script as it is (Japanese voiced marks, Lao tone marks and
/// Korean syllables are kept), NFC, lowercase.
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
            c => c,
        });
    }
    out.nfc().collect::<String>().to_lowercase()
}

/// The words of a text as written (lowercase NFC), in order, repeats
/// included. The dictionary segmenter, not the LSTM one: on Lao text it is
/// ~140 times faster (0.17 ms against 25 ms for 400 words) with usable word
/// boundaries.
///
/// The dictionary sometimes cuts a Lao or Khmer syllable before its vowel
/// sign or tone mark (`ຣ|າ`, `ບ|່າ`), where no word can start; such a piece
/// is joined to the word before it, as the browsers' segmenters keep it.
#[cfg(test)]
pub(crate) fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    each_term(text, |t, continues| match out.last_mut() {
        Some(prev) if continues => prev.push_str(&t),
        _ => out.push(t),
    });
    out
}

/// Calls `f(word, continues_the_previous_word)` for each word of `text`.
fn each_term(text: &str, mut f: impl FnMut(String, bool)) {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut last = 0;
    let mut previous_word_ends = None;
    let mut any = false;
    for (i, kind) in segmenter.segment_str(text).iter_with_word_type() {
        if i > last && kind.is_word_like() {
            let piece = &text[last..i];
            let t = exact(piece);
            let continues = any
                && previous_word_ends == Some(last)
                && piece.chars().next().is_some_and(cannot_start_a_word);
            if !t.is_empty() {
                f(t, continues);
                any = true;
            }
            previous_word_ends = Some(i);
        }
        last = i;
    }
}

/// Lao and Khmer vowel signs, tone marks and other dependent signs: they
/// follow a consonant, never begin a word.
fn cannot_start_a_word(c: char) -> bool {
    is_combining_mark(c) || matches!(c as u32, 0x0EB0..=0x0EBC | 0x0EC8..=0x0ECD | 0x17B6..=0x17D3)
}

/// Lao, Thai, Khmer and Myanmar consonants and independent vowels.
fn is_consonant(c: char) -> bool {
    matches!(c as u32, 0x0E01..=0x0E2E | 0x0E81..=0x0EAE | 0x0EDC..=0x0EDF | 0x1000..=0x102A | 0x1780..=0x17B3)
}

/// Lao and Thai vowels written before their consonant.
fn is_leading_vowel(c: char) -> bool {
    matches!(c as u32, 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4)
}

/// Han ideographs: every one can begin a word.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// A term and, for scripts written without spaces, its endings that begin a
/// syllable: the dictionary segmenters of the build and of the browser do
/// not always cut a phrase at the same places, and a word the browser finds
/// inside a longer word of the build is then found by prefix. A syllable
/// begins at a leading vowel, or at a consonant that carries a vowel sign,
/// tone mark or subscript and follows no leading vowel or Khmer coeng; in
/// Chinese and Japanese at every Han character.
pub(crate) fn suffixes(term: &str) -> impl Iterator<Item = &str> {
    let chars: Vec<(usize, char)> = if term.is_ascii() {
        Vec::new()
    } else {
        term.char_indices().collect()
    };
    let starts: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&k| {
            let (p, c, n) = (chars[k - 1].1, chars[k].1, chars[k + 1].1);
            let after_leading = is_leading_vowel(p) || matches!(p as u32, 0x17D2 | 0x1039);
            (is_leading_vowel(c) && !after_leading)
                || (is_consonant(c) && !after_leading && cannot_start_a_word(n))
                || (is_han(c) && is_han(p))
        })
        .map(|k| chars[k].0)
        .collect();
    std::iter::once(term).chain(starts.into_iter().map(move |i| &term[i..]))
}

/// Plain text of rendered HTML: tags dropped, common entities decoded,
/// runs of white space made one space.
pub(crate) fn plain_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                raw.push(' ');
            }
            _ if !in_tag => raw.push(c),
            _ => {}
        }
    }
    let decoded = raw
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The terms an article is found by, each with where it occurs (bits of
/// [`TITLE`], [`HEADING`], [`BODY`]), sorted: every word of its title,
/// description, tags, headings, typed blocks and text.
pub(crate) fn page_terms(
    src: &crate::content::SourcePage,
    rendered: &crate::markdown::Rendered,
) -> Vec<(String, u8)> {
    let mut found: BTreeMap<String, u8> = BTreeMap::new();
    let mut add = |text: &str, field: u8| {
        let mut last: Option<String> = None;
        let flush = |w: Option<String>, found: &mut BTreeMap<String, u8>| {
            if let Some(w) = w {
                *found.entry(w).or_default() |= field;
            }
        };
        each_term(text, |t, continues| match last.as_mut() {
            Some(prev) if continues => prev.push_str(&t),
            _ => flush(last.replace(t), &mut found),
        });
        flush(last, &mut found);
    };
    let front = &src.front;
    add(front.title.as_deref().unwrap_or(""), TITLE);
    add(front.description.as_deref().unwrap_or(""), HEADING);
    for tag in &front.tags {
        add(tag, HEADING);
    }
    for h in &rendered.toc {
        add(&h.title, HEADING);
    }
    if let Some(p) = &front.project {
        add(&p.location, BODY);
        add(&p.sector, BODY);
        if let Some(agency) = p.contact.as_ref().and_then(|c| c.agency.as_deref()) {
            add(agency, BODY);
        }
    }
    if let Some(p) = &front.place {
        add(p.address.as_deref().unwrap_or(""), BODY);
        add(p.opening_hours.as_deref().unwrap_or(""), BODY);
    }
    if let Some(venue) = front.event.as_ref().and_then(|e| e.venue.as_deref()) {
        add(venue, BODY);
    }
    add(&plain_text(&rendered.html), BODY);
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn only_latin_diacritics_are_folded() {
        assert_eq!(fold("ビンフオック"), "ビンフオック");
        assert_eq!(fold("빈프억성은"), "빈프억성은");
        assert_eq!(fold("ບ່າ"), "ບ່າ");
        assert_eq!(fold("Café"), "cafe");
    }

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        let rendered = crate::markdown::Rendered {
            html: "<h1>Lịch sử</h1><p>Mở đầu &amp; cuối cùng</p>".into(),
            ..Default::default()
        };
        assert_eq!(plain_text(&rendered.html), "Lịch sử Mở đầu & cuối cùng");
    }

    #[test]
    fn lao_and_khmer_are_split_into_words() {
        let lao = terms("ການລົງທຶນແຂວງບິ່ງເຟືອກ");
        assert!(lao.len() >= 2, "{lao:?}");
        assert!(lao.iter().all(|t| !t.is_empty()));
        let km = terms("ការវិនិយោគខេត្តបិញភឿក");
        assert!(km.len() >= 2, "{km:?}");
    }

    #[test]
    fn spaceless_terms_are_also_filed_under_their_syllable_endings() {
        let all: Vec<&str> = suffixes("ໝາກມ່ວງຫິມະພານ").collect();
        assert!(all.contains(&"ຫິມະພານ"), "{all:?}");
        assert!(all.contains(&"ມ່ວງຫິມະພານ"), "{all:?}");
        assert_eq!(suffixes("binh").collect::<Vec<_>>(), ["binh"]);
        assert_eq!(suffixes("phước").collect::<Vec<_>>(), ["phước"]);
        let km: Vec<&str> = suffixes("ខេត្តបិញភឿក").collect();
        assert!(km.contains(&"បិញភឿក"), "{km:?}");
    }

    #[test]
    fn no_term_starts_with_a_vowel_sign_or_tone_mark() {
        for text in ["ພູບ່າຣາ ແມ່ນພູທີ່ສູງທີ່ສຸດ", "ភ្នំបារ៉ា ជាភ្នំខ្ពស់ជាងគេ"]
        {
            let t = terms(text);
            assert!(
                t.iter()
                    .all(|w| !w.chars().next().is_some_and(cannot_start_a_word)),
                "{t:?}"
            );
        }
        // As Chromium's Intl.Segmenter splits it.
        assert_eq!(terms("ພູບ່າຣາ"), ["ພູ", "ບ່າ", "ຣາ"]);
    }
}
