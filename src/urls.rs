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
