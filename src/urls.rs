//! URL paths: the output file of a URL, list-page URLs, alias spelling and
//! percent-encoding for the wire. In: unencoded `/`-separated paths. Out:
//! file paths below the output folder, or encoded URL paths.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// `/old/page` and `old/page/` both mean `/old/page/`; a file alias
/// (`/old.html`) stays a file.
pub(crate) fn normalize_alias(alias: &str) -> String {
    let trimmed = alias.trim().trim_start_matches('/');
    if trimmed.ends_with(".html") || trimmed.ends_with('/') {
        format!("/{trimmed}")
    } else {
        format!("/{trimmed}/")
    }
}

/// The longest file or folder name most file systems take (ext4, NTFS,
/// APFS: 255 bytes of UTF-8). Every segment of a URL path is one name in
/// the output folder, so a longer slug, tag or alias cannot be written.
pub(crate) const MAX_SEGMENT_BYTES: usize = 255;

/// The first segment of `path` (unencoded, `/`-separated) too long to be a
/// file or folder name.
pub(crate) fn long_segment(path: &str) -> Option<&str> {
    path.split('/').find(|s| s.len() > MAX_SEGMENT_BYTES)
}

/// A long segment as a message shows it: its first letters and its size.
pub(crate) fn shorten_segment(segment: &str) -> String {
    match segment.char_indices().nth(24) {
        Some((end, _)) => format!("{}…", &segment[..end]),
        None => segment.to_owned(),
    }
}

/// Percent-encodes a URL path.
pub(crate) fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// Characters escaped in URL paths: what is not allowed raw in a path, plus
/// every non-ASCII byte (Lao and Khmer slugs travel percent-encoded).
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'%');

/// The URL of list page `n` (1-based) of a list at `path`.
pub(crate) fn pager_path(path: &str, n: usize) -> String {
    if n <= 1 {
        path.to_owned()
    } else {
        format!("{path}page/{n}/")
    }
}

/// The output file of a URL path: `/en/x/` → `en/x/index.html`.
pub(crate) fn file_of(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_measured_in_utf8_bytes() {
        // 86 Lao letters of 3 bytes: 258 bytes, too long for one name.
        let lao = "ກ".repeat(86);
        assert_eq!(
            long_segment(&format!("/lo/news/{lao}/")),
            Some(lao.as_str())
        );
        assert_eq!(long_segment(&format!("/lo/news/{}/", "ກ".repeat(85))), None);
        assert_eq!(long_segment(&"a".repeat(255)), None);
        assert_eq!(shorten_segment(&lao).chars().count(), 25);
    }
}
