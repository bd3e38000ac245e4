//! Lao, Thai, Khmer and Myanmar, written without spaces between words:
//! a token's runs of their letters and signs, cut into orthographic
//! syllables by one rule that the theme's script
//! (`themes/default/static/js/search.js`, `beginsSyllable`) applies to a
//! query too, and a quick NFC check of their text that spares the
//! normalization tables' lookups.

/// Whether `token`, all ASCII and Thai, Lao, Myanmar and Khmer, is NFC:
/// its marks are in canonical order and none of its characters may
/// compose with the one before. `false` means "do not know" (another
/// script, or Myanmar `ီ`): the normalization tables then answer. The
/// tables' two lookups per character were 14 % of cutting a Lao or Khmer
/// article into terms.
pub(super) fn is_nfc_southeast_asian(token: &str) -> bool {
    let mut previous = 0;
    token.chars().all(|c| match southeast_asian_class(c) {
        Some(class) => {
            let ordered = class == 0 || previous <= class;
            previous = class;
            ordered
        }
        None => false,
    })
}

/// The canonical combining class of an ASCII, Thai, Lao, Myanmar or
/// Khmer character that cannot compose with the one before it (NFC_QC=Yes;
/// the test checks both against the tables); `None` for any other.
fn southeast_asian_class(c: char) -> Option<u8> {
    match c as u32 {
        0..=0x7F => Some(0),
        0x0E38 | 0x0E39 => Some(103),
        0x0E48..=0x0E4B => Some(107),
        0x0EB8 | 0x0EB9 => Some(118),
        0x0EC8..=0x0ECB => Some(122),
        0x0E3A | 0x0EBA | 0x1039 | 0x103A | 0x17D2 => Some(9),
        0x1037 => Some(7),
        0x108D => Some(220),
        0x17DD => Some(230),
        0x102E => None,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => Some(0),
        _ => None,
    }
}

/// Calls `f` with each run of `token`: `(true, run)` for a run of
/// [`is_syllabic`] characters, `(false, run)` for the text between them.
pub(super) fn each_run(token: &str, mut f: impl FnMut(bool, &str)) {
    let mut start = 0;
    let mut current = None;
    for (i, c) in token.char_indices() {
        let syllabic = is_syllabic(c);
        match current {
            Some(was) if was != syllabic => {
                f(was, &token[start..i]);
                start = i;
            }
            _ => {}
        }
        current = Some(syllabic);
    }
    if let Some(was) = current {
        f(was, &token[start..]);
    }
}

/// Calls `f` with each syllable of `run` (a run of [`is_syllabic`]
/// characters, NFC) and, after each but the first, the pair of it and the
/// syllable before it.
pub(super) fn syllables(run: &str, f: &mut impl FnMut(&str)) {
    let (mut before, mut start) = (None, 0);
    let mut previous = None;
    let mut chars = run.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if let Some(p) = previous {
            if begins_syllable(p, c, next) {
                f(&run[start..i]);
                if let Some(b) = before {
                    f(&run[b..i]);
                }
                (before, start) = (Some(start), i);
            }
        }
        previous = Some(c);
    }
    f(&run[start..]);
    if let Some(b) = before {
        f(&run[b..]);
    }
}

/// Whether a syllable of Lao, Thai, Khmer or Myanmar begins at `c`, after
/// `previous` and before `next` (`None` at the end of the run); the first
/// character of a run always begins one. One begins at a leading vowel, or
/// at a consonant that carries a dependent sign (a vowel sign, tone mark or
/// subscript) other than one that silences a final consonant, unless it
/// follows a leading vowel, a Khmer coeng or a Myanmar virama (then it is
/// that syllable's consonant or part of its cluster). A consonant without a
/// sign joins the syllable before it: a final consonant, or the first of an
/// initial cluster (`ກວາງ` after another word reads `…ກ|ວາງ`; the script
/// retries a query without its first syllable for that). The script's
/// `beginsSyllable` is the same rule.
fn begins_syllable(previous: char, c: char, next: Option<char>) -> bool {
    if is_leading_vowel(previous) || matches!(previous, '\u{17D2}' | '\u{1039}') {
        return false;
    }
    is_leading_vowel(c)
        || (is_consonant(c) && next.is_some_and(|n| is_dependent(n) && !is_silencer(n)))
}

/// Letters and signs of Thai, Lao, Khmer and Myanmar (their digits and
/// punctuation are not), cut into syllables.
fn is_syllabic(c: char) -> bool {
    matches!(c as u32,
        0x0E01..=0x0E3A | 0x0E40..=0x0E4E
        | 0x0E81..=0x0ECE | 0x0EDC..=0x0EDF
        | 0x1780..=0x17D3 | 0x17DD
        | 0x1000..=0x103F | 0x1050..=0x108F | 0x109A..=0x109D)
}

/// Thai, Lao, Khmer and Myanmar consonants and independent vowels.
fn is_consonant(c: char) -> bool {
    matches!(c as u32, 0x0E01..=0x0E2E | 0x0E81..=0x0EAE | 0x0EDC..=0x0EDF | 0x1000..=0x102A | 0x1780..=0x17B3)
}

/// Thai and Lao vowels written before their consonant.
fn is_leading_vowel(c: char) -> bool {
    matches!(c as u32, 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4)
}

/// Signs that follow a consonant: vowel signs, tone marks, subscripts and
/// Lao's semivowel sign `ຽ` (spelled out, not `is_combining_mark`, so that
/// the script can say the same: Thai `า` and Lao `າ` are letters, not marks).
pub(super) fn is_dependent(c: char) -> bool {
    matches!(c as u32,
        0x0E30..=0x0E3A | 0x0E45 | 0x0E47..=0x0E4E
        | 0x0EB0..=0x0EBD | 0x0EC8..=0x0ECE
        | 0x17B6..=0x17D3 | 0x17DD
        | 0x102B..=0x103E | 0x1056..=0x1059 | 0x105E..=0x1060 | 0x1062..=0x1064
        | 0x1067..=0x106D | 0x1071..=0x1074 | 0x1082..=0x108D | 0x108F | 0x109A..=0x109D)
}

/// Signs written on a final consonant to shorten the vowel or silence it
/// (Thai thanthakhat, Lao cancellation mark, Khmer bantoc, toandakhiat and
/// viriam, Myanmar asat): `ខ្ពស់`, `จันทร์`, `မြန်` stay one syllable.
fn is_silencer(c: char) -> bool {
    matches!(
        c as u32,
        0x0E4C | 0x0ECC | 0x17CB | 0x17CD | 0x17D1 | 0x103A
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::{is_nfc_quick, IsNormalized};

    #[test]
    fn southeast_asian_classes_are_the_normalization_tables() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..0x80)
            .chain(0x0E00..0x0F00)
            .chain(0x1000..0x10A0)
            .chain(0x1780..0x1800)
            .filter_map(char::from_u32)
        {
            let yes = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            let expected = yes.then(|| canonical_combining_class(c));
            assert_eq!(southeast_asian_class(c), expected, "{c:?}");
        }
        // Marks out of order, a mark that may compose, another script.
        assert!(is_nfc_southeast_asian("ກຸ່ ພູບ່າຣາ ភ្នំ abc"));
        assert!(!is_nfc_southeast_asian("ກ\u{0EC8}\u{0EB8}"));
        assert!(!is_nfc_southeast_asian("\u{1025}\u{102E}"));
        assert!(!is_nfc_southeast_asian("ລາວé"));
    }
}
