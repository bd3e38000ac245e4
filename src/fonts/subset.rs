//! A face cut down to the letters a text uses, as WOFF2. The layout tables
//! stay: Khmer subscript consonants and stacked vowels, and Lao tone marks,
//! are glyphs that GSUB substitutes and GPOS places, so the subset keeps
//! every glyph those rules can reach from the letters kept (the layout
//! closure, as hb-subset computes it: `skera` is fontations' Rust port) and
//! the `cmap` of the letters kept. In: the face as TrueType and the text.
//! Out: WOFF2 bytes, or why not.

use read_fonts::collections::IntSet;
use read_fonts::types::{NameId, Tag};
use read_fonts::FontRef;
use skera::{subset_font, Plan, SubsetFlags, DEFAULT_LAYOUT_FEATURES};

/// Characters a shaper may insert or needs whatever the text: the dotted
/// circle (a mark without its base) and the zero-width (non-)joiners.
const ALWAYS: [char; 3] = ['\u{25CC}', '\u{200C}', '\u{200D}'];

/// `ttf` (a TrueType face) reduced to the characters of `text` within
/// `keep` (the face's script), with the layout closure, as WOFF2.
pub(super) fn subset(
    ttf: &[u8],
    text: &str,
    keep: impl Fn(char) -> bool,
) -> Result<Vec<u8>, String> {
    let font = FontRef::new(ttf).map_err(|e| e.to_string())?;
    let unicodes: IntSet<u32> = text
        .chars()
        .filter(|c| keep(*c) || *c == ' ')
        .chain(ALWAYS)
        .map(u32::from)
        .collect();
    // The names a browser shows (family, style, version), in English.
    let mut names = IntSet::<NameId>::empty();
    names.insert_range(NameId::from(0)..=NameId::from(6));
    let mut name_languages = IntSet::<u16>::empty();
    name_languages.insert(0x0409);
    let plan = Plan::new(
        &IntSet::empty(),
        &unicodes,
        &font,
        SubsetFlags::default(),
        &IntSet::<Tag>::empty(),
        &IntSet::all(),
        &DEFAULT_LAYOUT_FEATURES.iter().copied().collect(),
        &names,
        &name_languages,
    );
    let ttf = subset_font(&font, &plan).map_err(|e| format!("{e:?}"))?;
    ttf2woff2::encode(&ttf, ttf2woff2::BrotliQuality::default()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use read_fonts::TableProvider;

    const LAO: &[u8] = include_bytes!("noto/noto-sans-lao-lao-400-normal.ttf");
    const KHMER: &[u8] = include_bytes!("noto/noto-sans-khmer-khmer-700-normal.ttf");

    fn is_khmer(c: char) -> bool {
        ('\u{1780}'..='\u{17FF}').contains(&c)
    }

    #[test]
    fn the_subset_is_smaller_and_keeps_the_letters_and_layout_tables() {
        // ស្រ: the subscript RO is a glyph only GSUB reaches (no code point).
        let text = "ខេត្តប៊ិញភឿក ស្រុក";
        let woff2 = subset(KHMER, text, is_khmer).expect("subset");
        assert_eq!(&woff2[..4], b"wOF2");
        let whole = include_bytes!("noto/noto-sans-khmer-khmer-700-normal.woff2");
        assert!(
            woff2.len() * 2 < whole.len(),
            "{} of {}",
            woff2.len(),
            whole.len()
        );
        // The same subset as TrueType, to read its tables.
        let font = FontRef::new(KHMER).expect("font");
        let full_glyphs = font.maxp().expect("maxp").num_glyphs();
        let unicodes: IntSet<u32> = text.chars().map(u32::from).collect();
        let plan = Plan::new(
            &IntSet::empty(),
            &unicodes,
            &font,
            SubsetFlags::default(),
            &IntSet::empty(),
            &IntSet::all(),
            &DEFAULT_LAYOUT_FEATURES.iter().copied().collect(),
            &IntSet::empty(),
            &IntSet::empty(),
        );
        let ttf = subset_font(&font, &plan).expect("subset");
        let sub = FontRef::new(&ttf).expect("subset font");
        assert!(sub.gsub().is_ok() && sub.gpos().is_ok() && sub.gdef().is_ok());
        let cmap = sub.cmap().expect("cmap");
        for c in text.chars().filter(|c| is_khmer(*c)) {
            assert!(cmap.map_codepoint(c).is_some(), "{c} is not in the cmap");
        }
        let glyphs = sub.maxp().expect("maxp").num_glyphs();
        let letters = text
            .chars()
            .filter(|c| is_khmer(*c))
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        // More glyphs than letters: the closure brought in the subscript forms.
        assert!(
            glyphs as usize > letters + 1 && glyphs < full_glyphs / 2,
            "{glyphs} glyphs for {letters} letters"
        );
    }

    #[test]
    fn a_text_without_letters_of_the_script_still_gives_a_font() {
        let woff2 =
            subset(LAO, "Hello", |c| ('\u{0E80}'..='\u{0EFF}').contains(&c)).expect("subset");
        assert_eq!(&woff2[..4], b"wOF2");
        assert!(subset(b"not a font", "ກ", |_| true).is_err());
    }
}
