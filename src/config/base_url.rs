//! `base_url:` split into the origin and the base path every URL is made of.

/// Splits `https://host/sub/` into (`https://host`, `/sub/`). A bare path
/// (`/` or `/portal/`) gives an empty origin: links stay root-relative.
pub(crate) fn split_base_url(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    if url.starts_with('/') {
        return Some((String::new(), normalize_path(url)));
    }
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") || rest.is_empty() {
        return None;
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    Some((format!("{scheme}://{host}"), normalize_path(path)))
}

fn normalize_path(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}
