//! URL slugs: Vietnamese folded to ASCII, Lao and Khmer kept in their script.
//!
//! `Bình Phước` → `binh-phuoc`, `Đồng Xoài` → `dong-xoai`: Vietnamese readers
//! expect unaccented URLs, and the folding is lossless enough to read. Lao and
//! Khmer have no such convention; a transliteration would be lossy and
//! unreadable to their readers, so their letters (and the vowel signs and
//! subscripts that are combining marks) stay, percent-encoded on the wire.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The slug of a title or heading.
pub(crate) fn slugify(text: &str) -> String {
    // Most file names and tags are slugs already: skip Unicode work for them.
    let is_slug = !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if is_slug {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut prev_base_latin = false;
    let mut pending_dash = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            // Diacritics of Latin letters go (ắ → a); marks of other scripts
            // are part of the letter (Lao ັ, Khmer ្) and stay.
            if !prev_base_latin && !out.is_empty() && !pending_dash {
                out.push(c);
            }
            continue;
        }
        let folded = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if folded.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            prev_base_latin = is_latin(folded);
            out.extend(folded.to_lowercase());
        } else {
            pending_dash = true;
            prev_base_latin = false;
        }
    }
    out.nfc().collect()
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn vietnamese_is_folded_to_ascii() {
        assert_eq!(slugify("Bình Phước"), "binh-phuoc");
        assert_eq!(slugify("Đồng Xoài"), "dong-xoai");
        assert_eq!(
            slugify("Khu công nghiệp Chơn Thành: ưu đãi!"),
            "khu-cong-nghiep-chon-thanh-uu-dai"
        );
    }

    #[test]
    fn lao_and_khmer_keep_their_script() {
        assert_eq!(slugify("ພູບາຣາ"), "ພູບາຣາ");
        assert_eq!(slugify("ການລົງທຶນ ແຂວງ"), "ການລົງທຶນ-ແຂວງ");
        assert_eq!(slugify("ខេត្ត បិញភឿក"), "ខេត្ត-បិញភឿក");
    }

    #[test]
    fn punctuation_collapses_to_single_dashes() {
        assert_eq!(slugify("  a -- b  "), "a-b");
        assert_eq!(slugify("Hello, World 2026"), "hello-world-2026");
    }
}
