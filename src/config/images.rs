//! `images:` in `site.yaml`: the widths, formats and quality of responsive
//! variants. In: the section as written. Out: [`ImagesConfig`], with format
//! names read into [`Format`]s once, when the configuration is validated.

use serde::{Deserialize, Serialize};

/// An image format the pipeline writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    pub(crate) fn ext(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    /// The MIME type, for `<source type>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }

    /// A format named in `site.yaml`; `None` for an unknown name.
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "jpeg" | "jpg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            _ => None,
        }
    }
}

/// `images:` as written: format names are read into [`Format`]s when the
/// configuration is validated, so that an unknown name is reported on its line.
#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawImagesConfig {
    pub(super) widths: Vec<u32>,
    pub(super) formats: Vec<String>,
    pub(super) quality: u8,
}

impl Default for RawImagesConfig {
    fn default() -> Self {
        RawImagesConfig {
            widths: vec![480, 960, 1600],
            formats: vec!["webp".into(), "jpeg".into()],
            quality: 80,
        }
    }
}

/// `images:` (used by the image pipeline), validated.
#[derive(Debug, Clone, Serialize)]
pub struct ImagesConfig {
    /// Widths of the responsive variants, in pixels.
    pub widths: Vec<u32>,
    /// Output formats, best first, each once.
    pub formats: Vec<Format>,
    /// Encoder quality, 1–100.
    pub quality: u8,
}

impl Default for ImagesConfig {
    /// The documented defaults: `{ widths: [480, 960, 1600], formats: [webp, jpeg], quality: 80 }`.
    fn default() -> Self {
        ImagesConfig {
            widths: vec![480, 960, 1600],
            formats: vec![Format::Webp, Format::Jpeg],
            quality: 80,
        }
    }
}
