//! The image pipeline: photos referenced by articles, front matter and the
//! `image()` template function become responsive variants.
//!
//! A source is read once per build (and again only when its file changes):
//! its bytes are hashed, its header gives the size and EXIF orientation.
//! From that alone a [`Picture`] is planned: which widths and formats exist
//! and where they go, so Markdown and templates can write `<picture>` with
//! `width`/`height` before any pixel is decoded. [`Images::prepare`] then
//! makes the files that are not in the cache yet (one decode per source, in
//! parallel) and [`Images::outputs`] hands them to the writer.
//!
//! Every JPEG, PNG and WebP file that is published goes through the pipeline,
//! even when no page shows it: the original's path gets a re-encoded copy,
//! turned upright, at most the largest configured width, without metadata
//! (GPS positions in phone photos are not published).
//!
//! The cache (`SITE/.mekong-cache/images/`) is keyed by the BLAKE3 hash of
//! the source's bytes and the operation, never by path or time, so a renamed
//! file is still a hit and an edited one never is.
//!
//! Inside: `plan` makes pictures, `picture` writes their HTML, `codec` reads
//! headers and pixels, `cache` makes and keeps the variant files; this file
//! holds [`Images`], the store that remembers sources between builds.

mod cache;
mod codec;
mod picture;
mod plan;

pub(crate) use codec::Source;
pub(crate) use picture::Picture;

use crate::config::ImagesConfig;
use codec::{probe, stamp};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Where processed images are kept, below the site root.
pub(crate) const CACHE_DIR: &str = ".mekong-cache/images";

/// Whether a file is a photo the pipeline processes (by its extension).
pub(crate) fn is_raster(path: &str) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(ext.as_deref(), Some("jpg" | "jpeg" | "png" | "webp"))
}

/// A source as read, or why it cannot be used.
type Probed = Arc<Result<Arc<Source>, ImageError>>;

/// The image pipeline of a site. Kept by `serve` between builds: sources
/// are read again only when their files change.
pub(crate) struct Images {
    settings: ImagesConfig,
    cache_dir: PathBuf,
    sources: Mutex<HashMap<PathBuf, Probed>>,
    /// Output path → source path, for `image()` to find what a page shows.
    known: Mutex<HashMap<String, PathBuf>>,
    /// Pictures templates asked for during the current render.
    requests: Mutex<Vec<Arc<Picture>>>,
    /// Cache files the last full build used (for pruning); `None` before one.
    used: Mutex<Option<HashSet<PathBuf>>>,
    /// Sources read (again) since [`Images::take_fresh`]: new or changed files.
    fresh: Mutex<HashSet<PathBuf>>,
}

/// A poisoned lock only means another thread panicked; the data is still usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Images {
    /// The pipeline for a site with these settings; the cache lives in `root`.
    pub(crate) fn new(settings: &ImagesConfig, root: &Path) -> Images {
        Images {
            settings: settings.clone(),
            cache_dir: root.join(CACHE_DIR),
            sources: Mutex::default(),
            known: Mutex::default(),
            requests: Mutex::default(),
            used: Mutex::default(),
            fresh: Mutex::default(),
        }
    }

    /// Reads a source's header (once per version of the file).
    fn source(&self, abs: &Path) -> Result<Arc<Source>, ImageError> {
        let now = stamp(abs);
        if let Some(cached) = lock(&self.sources).get(abs) {
            match cached.as_ref() {
                Ok(s) if s.stamp == now => return Ok(s.clone()),
                Err(e) if now.is_none() => return Err(e.clone()),
                _ => {}
            }
        }
        let read = probe(abs, now).map(Arc::new);
        lock(&self.fresh).insert(abs.to_path_buf());
        let result = read.clone();
        lock(&self.sources).insert(abs.to_path_buf(), Arc::new(read));
        result
    }

    /// Plans the picture of `abs`, published at `out` (the original's output
    /// path, `images/hero.jpg`), in the configured widths or in `widths`.
    pub(crate) fn picture(
        &self,
        abs: &Path,
        out: &str,
        widths: Option<&[u32]>,
    ) -> Result<Arc<Picture>, ImageError> {
        self.plan(abs, out, Some(widths.unwrap_or(&self.settings.widths)))
    }

    /// Only the re-encoded original, for a photo no page shows.
    pub(crate) fn original(&self, abs: &Path, out: &str) -> Result<Arc<Picture>, ImageError> {
        self.plan(abs, out, None)
    }

    fn plan(
        &self,
        abs: &Path,
        out: &str,
        widths: Option<&[u32]>,
    ) -> Result<Arc<Picture>, ImageError> {
        let source = self.source(abs)?;
        lock(&self.known).insert(out.to_owned(), abs.to_path_buf());
        Ok(Arc::new(plan::plan_picture(
            source,
            out,
            widths,
            &self.settings,
        )))
    }

    /// A picture for `image()`: `out` is an output path a page already
    /// showed, or a static or content file (`lookup` finds those).
    pub(crate) fn request(
        &self,
        out: &str,
        widths: Option<&[u32]>,
        lookup: &dyn Fn(&str) -> Option<PathBuf>,
    ) -> Result<Arc<Picture>, ImageError> {
        let known = lock(&self.known).get(out).cloned();
        let abs = known
            .or_else(|| lookup(out))
            .ok_or_else(|| ImageError::NotFound(out.to_owned()))?;
        let picture = self.picture(&abs, out, widths)?;
        lock(&self.requests).push(picture.clone());
        Ok(picture)
    }

    /// Sources read since the last call: files new or changed since then.
    pub(crate) fn take_fresh(&self) -> HashSet<PathBuf> {
        std::mem::take(&mut *lock(&self.fresh))
    }

    /// The pictures templates asked for since the last call.
    pub(crate) fn take_requests(&self) -> Vec<Arc<Picture>> {
        std::mem::take(&mut *lock(&self.requests))
    }
}

/// Why an image cannot be used. Callers put it in their own diagnostic,
/// which knows where the image was asked for (a Markdown line, `image:` in
/// front matter, a template, or a photo no page shows); the text reads as
/// the end of a sentence: "image `x.jpg`: the file is truncated …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// The file cannot be read (the I/O error's text).
    Unreadable(String),
    /// An image of a kind the pipeline does not make variants from (its
    /// usual extension).
    Unsupported(String),
    /// Not an image at all.
    NotAnImage,
    /// The file's end is missing.
    Truncated,
    /// The header cannot be decoded (the decoder's text).
    Undecodable(String),
    /// Zero pixels wide or high.
    Empty,
    /// `image()` named a path that is neither published nor a file.
    NotFound(String),
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageError::Unreadable(e) => write!(f, "cannot read it: {e}"),
            ImageError::Unsupported(ext) => write!(
                f,
                "it is a {ext} image; mekong makes responsive images from JPEG, PNG and WebP"
            ),
            ImageError::NotAnImage => {
                f.write_str("it is not an image (neither JPEG, PNG nor WebP)")
            }
            ImageError::Truncated => f.write_str("the file is truncated (its end is missing)"),
            ImageError::Undecodable(e) => write!(f, "it cannot be read as an image: {e}"),
            ImageError::Empty => f.write_str("the image is empty (0 pixels)"),
            ImageError::NotFound(out) => {
                write!(f, "there is no image `{out}` in static/ or content/")
            }
        }
    }
}

impl std::error::Error for ImageError {}

/// Markdown's image resolver and the `image()` function report reasons as
/// text inside their own messages.
impl From<ImageError> for String {
    fn from(e: ImageError) -> String {
        e.to_string()
    }
}
