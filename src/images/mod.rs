//! The image pipeline: photos referenced by articles, front matter and the
//! `image()` template function become responsive variants.
//!
//! Data flows one way, without shared mutable state:
//!
//! 1. Before anything renders, the session reads every photo the site
//!    publishes into an immutable catalog, [`Images`] (bytes hashed, size
//!    and EXIF orientation from the header; unchanged files are taken over
//!    from the previous build's catalog).
//! 2. Markdown and the `image()` template function plan [`Picture`]s from
//!    it: which widths and formats exist and where they go, so `<picture>`
//!    gets `width`/`height` before any pixel is decoded. They return the
//!    pictures they planned as values (in the rendered Markdown, and from
//!    the page render), and the session gathers them.
//! 3. [`Images::prepare`] makes the files that are not in the cache yet
//!    (one decode per source, in parallel), [`Images::outputs`] hands them
//!    to the writer and returns the cache files used, which the session
//!    keeps for [`Images::prune`].
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
//! Inside: `catalog` holds [`Images`], the photos as read; `plan` makes
//! pictures, `picture` writes their HTML, `codec` reads headers and pixels,
//! `cache` makes and keeps the variant files; this file holds what they
//! share (the cache folder, which files are photos, [`ImageError`]).

mod cache;
mod catalog;
mod codec;
mod picture;
mod plan;

pub(crate) use catalog::Images;
pub(crate) use picture::Picture;
pub(crate) use plan::is_variant_of;

use crate::messages::Message;
use crate::msg;
use std::fmt;

/// Where processed images are kept, below the site root.
pub(crate) const CACHE_DIR: &str = ".mekong-cache/images";

/// Whether a file is a photo the pipeline processes (by its extension).
pub(crate) fn is_raster(path: &str) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(ext.as_deref(), Some("jpg" | "jpeg" | "png" | "webp"))
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

impl ImageError {
    /// The reason as a message, in the reader's language.
    pub fn message(&self) -> Message {
        match self {
            ImageError::Unreadable(e) => msg!("image.unreadable", error = e),
            ImageError::Unsupported(ext) => msg!("image.unsupported", ext = ext),
            ImageError::NotAnImage => msg!("image.not-an-image"),
            ImageError::Truncated => msg!("image.truncated"),
            ImageError::Undecodable(e) => msg!("image.undecodable", error = e),
            ImageError::Empty => msg!("image.empty"),
            ImageError::NotFound(out) => msg!("image.not-found", path = out),
        }
    }
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().english())
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

/// The same, said in the reader's language.
impl From<ImageError> for Message {
    fn from(e: ImageError) -> Message {
        e.message()
    }
}
