//! Search terms: the tokenizer shared by the index (`outputs/search_index.rs`)
//! and, in spirit, by the theme's script.
//!
//! Vietnamese (and every Latin script) is folded to ASCII, so `binh phuoc`
//! finds `Bình Phước`; Lao and Khmer, written without spaces between words,
//! are split into words by ICU4X's dictionary segmenter. The default theme's script
//! does the same to the query (with the browser's `Intl.Segmenter`), looks
//! the words up in the index and lists the pages, offline.

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// How many words of an article's text are indexed (title, description and
/// headings always are): enough to find an article, small enough for phones.
const BODY_WORDS: usize = 400;

fn is_spaceless_script(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x1780..=0x17FF | 0x1000..=0x109F)
}

/// A search term: Latin letters without diacritics (đ → d), other scripts
/// as they are (NFC), lowercase.
pub(crate) fn fold(word: &str) -> String {
    if word.chars().any(is_spaceless_script) {
        return word.nfc().collect::<String>().to_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// The search terms of a text, in order (repeats included). The dictionary
/// segmenter, not the LSTM one: on Lao text it is ~140 times faster
/// (0.17 ms against 25 ms for 400 words) with usable word boundaries.
///
/// The dictionary sometimes cuts a Lao or Khmer syllable before its vowel
/// sign or tone mark (`ຣ|າ`, `ບ|່າ`), where no word can start; such a piece
/// is joined to the word before it, as the browsers' segmenters keep it.
pub(crate) fn terms(text: &str) -> Vec<String> {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut out: Vec<String> = Vec::new();
    let mut last = 0;
    let mut previous_word_ends = None;
    for (i, kind) in segmenter.segment_str(text).iter_with_word_type() {
        if i > last && kind.is_word_like() {
            let piece = &text[last..i];
            let t = fold(piece);
            let continues = previous_word_ends == Some(last)
                && piece.chars().next().is_some_and(cannot_start_a_word);
            match out.last_mut() {
                Some(prev) if continues => prev.push_str(&t),
                _ if !t.is_empty() => out.push(t),
                _ => {}
            }
            previous_word_ends = Some(i);
        }
        last = i;
    }
    out
}

/// Lao and Khmer vowel signs, tone marks and other dependent signs: they
/// follow a consonant, never begin a word.
fn cannot_start_a_word(c: char) -> bool {
    is_combining_mark(c) || matches!(c as u32, 0x0EB0..=0x0EBC | 0x0EC8..=0x0ECD | 0x17B6..=0x17D3)
}

/// Plain text of rendered HTML: tags dropped, common entities decoded.
fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The terms an article is found by: its title, description, headings and
/// the first words of its text.
pub(crate) fn page_terms(
    src: &crate::content::SourcePage,
    rendered: &crate::markdown::Rendered,
) -> Vec<String> {
    let mut text = format!(
        "{} {} ",
        src.front.title.as_deref().unwrap_or(""),
        src.front.description.as_deref().unwrap_or("")
    );
    for h in &rendered.toc {
        text.push_str(&h.title);
        text.push(' ');
    }
    for w in plain_text(&rendered.html)
        .split_whitespace()
        .take(BODY_WORDS)
    {
        text.push_str(w);
        text.push(' ');
    }
    let mut t = terms(&text);
    t.sort();
    t.dedup();
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_matches_with_or_without_diacritics() {
        assert_eq!(
            terms("Bình Phước, Đồng Xoài!"),
            ["binh", "phuoc", "dong", "xoai"]
        );
        assert_eq!(terms("binh phuoc"), ["binh", "phuoc"]);
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
