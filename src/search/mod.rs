//! Search terms: what the index (`outputs/search_index.rs`) files each
//! article under, and the packed form they wait in until it is written.
//!
//! Every word of an article is a term: its title, description, tags,
//! headings, typed blocks' fields and all of its text. A term is kept as
//! written (lowercase, NFC); the index files it under its folded form too
//! (Latin-script diacritics dropped, `đ` → `d`), so `binh phuoc` finds
//! `Bình Phước` and `đường` ranks the exact spelling first. How a text is
//! cut into terms ([`words`]) is the theme's script's way of cutting a query
//! (`themes/default/static/js/search.js`): Latin words at spaces, Lao,
//! Thai, Khmer and Myanmar into syllables and pairs of syllables by the
//! same rule on both sides, Chinese and Japanese by a dictionary segmenter
//! (ICU4X here, `Intl.Segmenter` there).

mod spill;
mod syllables;
mod words;

pub(crate) use spill::SpilledDoc;
pub(crate) use spill::{Key, Spill, CACHE_DIR};

pub(crate) use words::{fold, suffixes};

use hashbrown::HashTable;
use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;
use rustc_hash::FxBuildHasher;
use std::borrow::Cow;
use std::hash::BuildHasher as _;

/// Where a term occurs, as bits: ranking is title over headings over body.
pub(crate) const BODY: u8 = 1;
/// A heading, the description or a tag.
pub(crate) const HEADING: u8 = 2;
/// The title.
pub(crate) const TITLE: u8 = 4;

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
                let tag_len = rest.find('>').map_or(rest.len(), |end| end + 1);
                let tag = &rest[..tag_len];
                if let Some(alt) = alt_text(tag) {
                    push(&mut out, &plain_text(alt), &mut space);
                    space = true;
                }
                unread_element(rest).unwrap_or(tag_len)
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

/// The length of `rest` up to the end of the `<script>` or `<style>`
/// element it begins with (its code is not text a reader sees), or `None`.
fn unread_element(rest: &str) -> Option<usize> {
    let name = ["script", "style"].into_iter().find(|name| {
        let after = rest.as_bytes().get(name.len() + 1);
        rest.get(1..=name.len())
            .is_some_and(|open| open.eq_ignore_ascii_case(name))
            && matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/'))
    })?;
    let mut from = 0;
    while let Some(at) = rest[from..].find("</").map(|at| from + at) {
        let closes = rest
            .get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if closes {
            return Some(rest[at..].find('>').map_or(rest.len(), |end| at + end + 1));
        }
        from = at + 2;
    }
    Some(rest.len())
}

/// The `alt` text of an `<img>` tag (a photo's words are the article's
/// words too), still with its entities.
fn alt_text(tag: &str) -> Option<&str> {
    let name = tag.get(1..4)?;
    if !name.eq_ignore_ascii_case("img") {
        return None;
    }
    let at = tag.find(" alt=\"")? + 6;
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

/// An article's document of the index's fragment files, as JSON:
/// `[url, title, description, plain text]`.
/// Each text in NFC, as the terms are: the script highlights a query's
/// words in them (text typed on a Mac or with Unikey's "Unicode tổ hợp"
/// comes decomposed).
pub(crate) fn document(url: &str, title: &str, description: &str, text: &str) -> Vec<u8> {
    let [title, description, text] = [title, description, text].map(nfc);
    // Writing JSON into a Vec<u8> cannot fail.
    serde_json::to_vec(&[url, &title, &description, &text]).unwrap_or_default()
}

/// `text` in NFC. Only text with a combining mark (U+0300 to U+036F, the
/// marks of decomposed Latin letters, whose UTF-8 begins with 0xCC or
/// 0xCD) is asked: a look at the bytes instead of the tables for most.
fn nfc(text: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc, UnicodeNormalization};
    if text.bytes().any(|b| matches!(b, 0xCC | 0xCD)) && !is_nfc(text) {
        Cow::Owned(text.nfc().collect())
    } else {
        Cow::Borrowed(text)
    }
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
    /// Packs `found`, in the order the terms were first found (the same
    /// for the same article; the index files them by itself, and sorting
    /// the strings cost 3 % of a search build).
    fn pack(found: Found) -> Terms {
        let Found { text, terms, .. } = found;
        let mut packed = String::with_capacity(text.len() + terms.len());
        for (start, end, fields) in terms {
            let (term, fields) = (&text[start..end], fields & 7);
            if fields != 0 && !term.bytes().any(is_field) {
                packed.push_str(term);
                packed.push(char::from(fields));
            }
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
        let packed = &*self.0;
        let mut start = 0;
        packed
            .bytes()
            .enumerate()
            .filter(|&(_, b)| is_field(b))
            .map(move |(end, fields)| {
                let term = &packed[start..end];
                start = end + 1;
                (term, fields)
            })
    }
}

/// The bytes that end a packed term: field bits. In UTF-8 these bytes
/// are those characters alone, never part of another.
fn is_field(b: u8) -> bool {
    matches!(b, 1..=7)
}

/// An article's terms as they are found, each once with the fields it
/// occurs in, in the order first found: the terms are kept one after the
/// other in one string, `terms` says where each is and its fields, and the
/// table finds a term's place in `terms` (one allocation per article
/// instead of one per distinct word, and no sorting to pack them).
#[derive(Debug, Default)]
struct Found {
    text: String,
    terms: Vec<(usize, usize, u8)>,
    table: HashTable<usize>,
}

impl Found {
    fn with_capacity(terms: usize) -> Found {
        Found {
            text: String::with_capacity(terms * 8),
            terms: Vec::with_capacity(terms),
            table: HashTable::with_capacity(terms),
        }
    }

    fn add(&mut self, term: &str, field: u8) {
        let hash = FxBuildHasher.hash_one(term);
        let (text, terms) = (&self.text, &mut self.terms);
        let same = |&i: &usize| {
            let (start, end, _) = terms[i];
            &text[start..end] == term
        };
        if let Some(&i) = self.table.find(hash, same) {
            terms[i].2 |= field;
            return;
        }
        let start = self.text.len();
        self.text.push_str(term);
        let text = &self.text;
        terms.push((start, text.len(), field));
        self.table.insert_unique(hash, terms.len() - 1, |&i| {
            let (start, end, _) = terms[i];
            FxBuildHasher.hash_one(&text[start..end])
        });
    }
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
    // About one distinct term per 24 bytes of text on the corpus (fewer in
    // Vietnamese, more in Lao and Khmer with their syllable pairs): the
    // table then seldom grows while it fills (growing was 3.5 % of a Lao
    // article's terms).
    let mut found = Found::with_capacity(text.len() / 24);
    let mut add =
        |text: &str, field: u8| words::each_term(&segmenter, text, false, |w| found.add(w, field));
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
    fn plain_text_skips_code_and_keeps_photo_words() {
        assert_eq!(
            plain_text("<p>a</p><script>var x = 1;</script><STYLE media=x>.b { c: d }</style >e"),
            "a e"
        );
        assert_eq!(plain_text("a<script>never closed"), "a");
        assert_eq!(plain_text("<scripts>x</scripts>"), "x");
        assert_eq!(
            plain_text("<p>Cầu <img src=\"x.jpg\" alt=\"Cửa khẩu &amp; chợ\"> mới</p>"),
            "Cầu Cửa khẩu & chợ mới"
        );
    }

    #[test]
    fn documents_are_nfc() {
        let doc = document(
            "/a/",
            "Đo\u{302}\u{300}ng",
            "x",
            "ca\u{300}y đie\u{302}\u{300}u",
        );
        let doc = String::from_utf8(doc).unwrap_or_default();
        assert_eq!(doc, r#"["/a/","Đồng","x","cày điều"]"#);
    }

    #[test]
    fn terms_are_packed_with_their_fields() {
        let mut found = Found::default();
        found.add("đường", TITLE);
        found.add("binh", HEADING);
        found.add("x\u{2}y", BODY);
        found.add("đường", BODY);
        let packed = Terms::pack(found);
        assert_eq!(
            packed.iter().collect::<Vec<_>>(),
            [("đường", TITLE | BODY), ("binh", HEADING)]
        );
        assert!(Terms::default().is_empty());
        assert_eq!(Terms::default().iter().count(), 0);
    }
}
