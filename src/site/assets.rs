//! Assets: where an image named in an article comes from — an external
//! URL, a file under static/, or a file beside the article — and where it
//! is published.
//!
//! Comes in: the site, the page and its source, the static files, and the
//! image's URL as written. Goes out: an [`ImageSource`], or why the image
//! cannot be used. Reads the disk: whether a file beside the article exists
//! and stays inside the site.

use super::model::{Page, Site};
use crate::content::SourcePage;
use crate::diagnostics::display_path;
use crate::messages::Message;
use crate::msg;
use crate::output::FileSource;
use crate::paths::{find_same_text, is_inside, normalize_inside, same_text};
use std::path::{Path, PathBuf};

/// Where an image comes from.
pub(crate) enum ImageSource {
    /// A file of the site: its path on disk, and where it is published
    /// (`images/hero.jpg`, `/`-separated, no leading slash, unencoded).
    Local { abs: PathBuf, out: String },
    /// An external or built-in image, used by its URL as it is.
    Url(String),
}

/// Where an image referenced from an article comes from.
/// External URLs pass; local files must exist inside the site.
/// The error is a sentence for the Markdown renderer's image messages.
pub(crate) fn resolve_image(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    static_files: &crate::theme::StaticFiles,
    url: &str,
) -> Result<ImageSource, Message> {
    if url.contains("://") || url.starts_with("//") || url.starts_with("data:") {
        return Ok(ImageSource::Url(url.to_owned()));
    }
    let clean = url.split(['?', '#']).next().unwrap_or(url);
    let decoded = percent_encoding::percent_decode_str(clean)
        .decode_utf8_lossy()
        .into_owned();
    match decoded.strip_prefix('/') {
        Some(abs) => static_image(site, static_files, abs),
        None => image_beside(site, page, src, &decoded),
    }
}

/// `/images/x.jpg`: a file of static/ (the site's or the theme's).
fn static_image(
    site: &Site,
    static_files: &crate::theme::StaticFiles,
    path: &str,
) -> Result<ImageSource, Message> {
    let rel = normalize_inside(Path::new(path)).ok_or_else(|| msg!("image.leaves-site"))?;
    let key = rel.to_string_lossy().replace('\\', "/");
    // Saved by a Mac (NFD) and typed NFC, or the other way: the same name.
    let key = match static_files.source(&key) {
        Some(_) => key,
        None => static_files
            .iter()
            .map(|(k, _)| k)
            .find(|k| same_text(k, &key))
            .cloned()
            .unwrap_or(key),
    };
    match static_files.source(&key) {
        Some(FileSource::Disk(abs)) => Ok(ImageSource::Local {
            abs: abs.clone(),
            out: key,
        }),
        Some(FileSource::Embedded(_)) => Ok(ImageSource::Url(site.url(&format!("/{key}")))),
        None => Err(msg!("image.no-static", path = key)),
    }
}

/// `photo.jpg`, `../x.jpg`: relative to the article's file, inside content/.
/// A folder article's own file is published beside every language version
/// of the page; any other file of content/ at its path below content/.
fn image_beside(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    relative: &str,
) -> Result<ImageSource, Message> {
    let dir = src.file.parent().unwrap_or(Path::new(""));
    let joined = dir.join(relative);
    let rel = normalize_inside(&joined).ok_or_else(|| msg!("image.leaves-site"))?;
    if !rel.starts_with("content") {
        return Err(msg!("image.leaves-content"));
    }
    let root = &site.config.root;
    let rel = if root.join(&rel).exists() {
        rel
    } else {
        // Saved by a Mac (NFD) and typed NFC, or the other way.
        find_same_text(root, &rel).unwrap_or(rel)
    };
    let abs = root.join(&rel);
    if !abs.is_file() {
        return Err(msg!("image.no-file", path = &rel));
    }
    if !is_inside(&site.config.root, &abs) {
        return Err(msg!("image.symlink-outside"));
    }
    if src.assets.iter().any(|a| a == &abs) {
        let beside = rel.strip_prefix(dir).unwrap_or(&rel);
        let out = format!(
            "{}{}",
            page.path.trim_start_matches('/'),
            beside.to_string_lossy().replace('\\', "/")
        );
        return Ok(ImageSource::Local { abs, out });
    }
    let out = display_path(&site.config.root.join("content"), &abs);
    let out = out.to_string_lossy().replace('\\', "/");
    Ok(ImageSource::Local { abs, out })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        assert_eq!(
            normalize_inside(Path::new("content/a/../b.jpg")),
            Some(PathBuf::from("content/b.jpg"))
        );
        assert_eq!(
            normalize_inside(Path::new("content/../../etc/passwd")),
            None
        );
    }
}
