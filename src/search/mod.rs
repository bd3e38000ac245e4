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

mod spill;

pub(crate) use spill::Spill;
pub(crate) use spill::SpilledDoc;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
#[cfg(test)]
pub(crate) fn exact(word: &str) -> String {
    let mut out = String::new();
    push_exact(&mut out, word);
    out
}

/// Appends `word` as written (NFC, lowercase) to `out`. Most words are
/// already NFC and lowercase: they are copied as they are.
fn push_exact(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
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
/// included.
#[cfg(test)]
pub(crate) fn terms(text: &str) -> Vec<String> {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut out = Vec::new();
    each_term(&segmenter, text, true, |t| out.push(t.to_owned()));
    out
}

/// Calls `f` with each word of `text` as written (lowercase NFC), in
/// order; with `repeats`, every time it occurs, otherwise a word of a
/// token split by the segmenter at least once. Words never span white
/// space, so the text is taken a space-separated token at a time: a token
/// of Latin letters and digits, with punctuation only at its ends, is one
/// word (as the Unicode word-break rules make it) and needs no segmenter;
/// every other token is split by ICU4X's, once per distinct token without
/// `repeats`. The dictionary segmenter, not the LSTM one: on Lao text it
/// is ~140 times faster (0.17 ms against 25 ms for 400 words) with usable
/// word boundaries.
fn each_term(
    segmenter: &WordSegmenterBorrowed<'_>,
    text: &str,
    repeats: bool,
    mut f: impl FnMut(&str),
) {
    let mut word = String::new();
    let mut segmented: HashSet<&str> = HashSet::default();
    for token in text.split(char::is_whitespace) {
        match simple_word(token) {
            Some("") => {}
            Some(simple) => {
                word.clear();
                push_exact(&mut word, simple);
                f(&word);
            }
            None if !repeats && !segmented.insert(token) => {}
            None => segment(segmenter, token, &mut word, &mut f),
        }
    }
}

/// The one word of a token of Latin letters and digits (combining marks
/// after its first letter), once the punctuation at its ends is trimmed;
/// `Some("")` for punctuation alone; `None` when the token needs the
/// segmenter.
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

/// [`each_term`] for a token the segmenter splits. The dictionary sometimes
/// cuts a Lao or Khmer syllable before its vowel sign or tone mark (`ຣ|າ`,
/// `ບ|່າ`), where no word can start; such a piece is joined to the word
/// before it, as the browsers' segmenters keep it.
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
                && piece.chars().next().is_some_and(cannot_start_a_word);
            if !continues && !word.is_empty() {
                f(word);
                word.clear();
            }
            push_exact(word, piece);
            previous_word_ends = Some(i);
        }
        last = i;
    }
    if !word.is_empty() {
        f(word);
    }
}

/// Lao and Khmer vowel signs, tone marks and other dependent signs: they
/// follow a consonant, never begin a word (Lao's semivowel sign `ຽ`,
/// U+0EBD, is one though not a combining mark: `ຊຽງ`, `ວຽງ`).
fn cannot_start_a_word(c: char) -> bool {
    is_combining_mark(c) || matches!(c as u32, 0x0EB0..=0x0EBD | 0x0EC8..=0x0ECD | 0x17B6..=0x17D3)
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

/// Plain text of rendered HTML: tags dropped, the entities the renderer
/// writes decoded (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;`),
/// runs of white space made one space. One pass over the HTML, copying the
/// text between tags, entities and spaces in runs.
pub(crate) fn plain_text(html: &str) -> String {
    const ENTITIES: [(&str, char); 6] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&nbsp;", ' '),
    ];
    let mut out = String::with_capacity(html.len());
    let mut space = false;
    let push = |out: &mut String, text: &str, space: &mut bool| {
        if !text.is_empty() {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push_str(text);
        }
    };
    let bytes = html.as_bytes();
    let (mut i, mut run) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            let c = html[i..].chars().next().unwrap_or(' ');
            if !c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        } else if !matches!(b, b'<' | b'&') && !b.is_ascii_whitespace() && b != 0x0B {
            i += 1;
            continue;
        }
        push(&mut out, &html[run..i], &mut space);
        let rest = &html[i..];
        i += match b {
            b'<' => {
                space = true;
                rest.find('>').map_or(rest.len(), |end| end + 1)
            }
            b'&' => match ENTITIES.iter().find(|(name, _)| rest.starts_with(name)) {
                Some((name, ' ')) => {
                    space = true;
                    name.len()
                }
                Some((name, c)) => {
                    push(&mut out, c.encode_utf8(&mut [0; 4]), &mut space);
                    name.len()
                }
                None => {
                    push(&mut out, "&", &mut space);
                    1
                }
            },
            _ => {
                space = true;
                rest.chars().next().map_or(1, char::len_utf8)
            }
        };
        run = i;
    }
    push(&mut out, &html[run..], &mut space);
    out
}

/// An article's document of the index's fragment files, as JSON:
/// `[url, title, description, plain text]`.
pub(crate) fn document(url: &str, title: &str, description: &str, text: &str) -> Vec<u8> {
    // Writing JSON into a Vec<u8> cannot fail.
    serde_json::to_vec(&[url, title, description, text]).unwrap_or_default()
}

/// The bytes of `html` outside its tags: how the index estimates the size
/// of an article's document.
pub(crate) fn html_text_len(html: &str) -> usize {
    html.split('<')
        .enumerate()
        .map(|(i, piece)| match i {
            0 => piece.len(),
            _ => piece.find('>').map_or(0, |end| piece.len() - end - 1),
        })
        .sum()
}

/// An article's terms, each with where it occurs, packed into one string:
/// every term as written followed by one byte of its fields (1 to 7, bits
/// of [`TITLE`], [`HEADING`], [`BODY`]), which no word contains. It stays
/// with the rendered Markdown until the index is written, one allocation
/// per article instead of one per word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms(Box<str>);

impl Terms {
    /// Packs `found`, in term order.
    fn pack(found: HashMap<String, u8>) -> Terms {
        let mut found: Vec<(String, u8)> = found
            .into_iter()
            .filter(|(t, f)| *f & 7 != 0 && !t.chars().any(is_field))
            .collect();
        found.sort_unstable();
        let mut packed = String::with_capacity(found.iter().map(|(t, _)| t.len() + 1).sum());
        for (term, fields) in found {
            packed.push_str(&term);
            packed.push(char::from(fields & 7));
        }
        Terms(packed.into_boxed_str())
    }

    /// Terms packed by [`Terms::pack`] (read back from a [`Spill`]).
    fn from_packed(packed: String) -> Terms {
        Terms(packed.into_boxed_str())
    }

    /// The packed terms.
    fn as_str(&self) -> &str {
        &self.0
    }

    /// No terms: the article is not in the index.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each term and its fields.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u8)> {
        self.0.split_inclusive(is_field).map(|t| {
            let (term, fields) = t.split_at(t.len() - 1);
            (term, fields.as_bytes()[0])
        })
    }
}

/// The bytes that end a packed term: field bits.
fn is_field(c: char) -> bool {
    matches!(c, '\u{1}'..='\u{7}')
}

/// The terms an article is found by, with where they occur: every word of
/// its title, description, tags, headings, typed blocks and `text` (its
/// body's [`plain_text`]).
pub(crate) fn page_terms(
    src: &crate::content::SourcePage,
    headings: impl IntoIterator<Item = impl AsRef<str>>,
    text: &str,
) -> Terms {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut found: HashMap<String, u8> = HashMap::default();
    let mut add = |text: &str, field: u8| {
        each_term(&segmenter, text, false, |w| match found.get_mut(w) {
            Some(f) => *f |= field,
            None => {
                found.insert(w.to_owned(), field);
            }
        })
    };
    let front = &src.front;
    add(front.title.as_deref().unwrap_or(""), TITLE);
    add(front.description.as_deref().unwrap_or(""), HEADING);
    for tag in &front.tags {
        add(tag, HEADING);
    }
    for h in headings {
        add(h.as_ref(), HEADING);
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
    add(text, BODY);
    Terms::pack(found)
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
            "ພູບ່າຣາ ແມ່ນພູທີ່ສູງທີ່ສຸດ ຂອງແຂວງ. ភ្នំបារ៉ា ជាភ្នំខ្ពស់ជាងគេ។ ビンフオック 빈프억성은 平福省",
            "mixed ລາວabc abcລາວ 12ລາວ Bình\u{a0}Phước a\u{200b}b tab\there\nline",
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
    fn only_latin_diacritics_are_folded() {
        assert_eq!(fold("ビンフオック"), "ビンフオック");
        assert_eq!(fold("빈프억성은"), "빈프억성은");
        assert_eq!(fold("ບ່າ"), "ບ່າ");
        assert_eq!(fold("Café"), "cafe");
    }

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            plain_text("<h1>Lịch sử</h1><p>Mở đầu &amp; cuối cùng</p>"),
            "Lịch sử Mở đầu & cuối cùng"
        );
        assert_eq!(
            plain_text("  <p>a&nbsp;&lt;b&gt;\n &amp;lt; &quot;c&#39; &copy; &</p> "),
            "a <b> &lt; \"c' &copy; &"
        );
        assert_eq!(
            plain_text("<p>Bình\u{a0}Phước\u{3000}ລາວ<br>x\u{b}y</p><p>z&nbsp;</p>&amp;<i"),
            "Bình Phước ລາວ x y z &"
        );
    }

    #[test]
    fn terms_are_packed_with_their_fields() {
        let mut found = HashMap::default();
        found.insert("đường".to_owned(), TITLE | BODY);
        found.insert("binh".to_owned(), HEADING);
        found.insert("x\u{2}y".to_owned(), BODY);
        let packed = Terms::pack(found);
        assert_eq!(
            packed.iter().collect::<Vec<_>>(),
            [("binh", HEADING), ("đường", TITLE | BODY)]
        );
        assert!(Terms::default().is_empty());
        assert_eq!(Terms::default().iter().count(), 0);
    }

    #[test]
    fn words_are_kept_lowercase_and_nfc() {
        assert_eq!(exact("PHƯỚC"), "phước");
        assert_eq!(exact("Phu\u{31b}o\u{31b}\u{301}c"), "phước");
        assert_eq!(exact("Long"), "long");
        assert_eq!(exact("ລາວ"), "ລາວ");
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
        // A syllable whose consonant carries the semivowel sign ຽ.
        let lao: Vec<&str> = suffixes("ແຂວງຊຽງຂວາງ").collect();
        assert!(lao.contains(&"ຊຽງຂວາງ"), "{lao:?}");
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
