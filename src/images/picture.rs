//! A planned picture: its variants (output path, size, format) in, the
//! `<picture>` HTML Markdown writes and the value `image()` gives templates
//! out. Nothing here reads or decodes pixels.

use super::codec::{stamp, Source};
use crate::config::Format;
use std::path::Path;
use std::sync::Arc;

/// One output file of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Output path, `/`-separated, without a leading slash (`images/hero.480w.webp`).
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

/// A source planned into its variants: everything a page needs to write
/// `<picture>`, known before any pixel is decoded.
#[derive(Debug)]
pub struct Picture {
    pub(super) source: Arc<Source>,
    /// The fallback, at the original's output path (`images/hero.jpg`).
    pub fallback: Variant,
    /// Variants per format, in the configured order; the last set is the
    /// `<img>`'s own `srcset`, the others are `<source>` elements.
    pub sets: Vec<VariantSet>,
}

/// The variants of one format, narrowest first.
pub(crate) type VariantSet = (Format, Vec<Variant>);

impl Picture {
    /// Every file this picture needs, the fallback first.
    pub(super) fn files(&self) -> impl Iterator<Item = &Variant> {
        std::iter::once(&self.fallback).chain(self.sets.iter().flat_map(|(_, vs)| vs.iter()))
    }

    /// The `<img>`'s own set (the last) and the sets for `<source>` elements.
    fn img_and_sources(&self) -> (Option<&VariantSet>, &[VariantSet]) {
        match self.sets.split_last() {
            Some((last, rest)) => (Some(last), rest),
            None => (None, &[]),
        }
    }

    /// `URL 480w, URL 960w` for one set; `url` turns an output path into a URL.
    fn srcset(variants: &[Variant], url: &dyn Fn(&str) -> String) -> String {
        variants
            .iter()
            .map(|v| format!("{} {}w", url(&v.path), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `<picture>` (or a lone `<img>` when there is one format) with
    /// `srcset`, `sizes`, `width`, `height` and the alt text. `alt`, `sizes`
    /// and the URLs `url` returns must be HTML-escaped by the caller.
    pub fn html(
        &self,
        alt: &str,
        sizes: &str,
        eager: bool,
        url: &dyn Fn(&str) -> String,
    ) -> String {
        let mut out = String::new();
        let (img_set, sources) = self.img_and_sources();
        if !sources.is_empty() {
            out.push_str("<picture>");
        }
        for (format, vs) in sources {
            out.push_str(&format!(
                "<source type=\"{}\" srcset=\"{}\" sizes=\"{sizes}\">",
                format.mime(),
                Self::srcset(vs, url)
            ));
        }
        out.push_str(&format!("<img src=\"{}\"", url(&self.fallback.path)));
        if let Some((_, vs)) = img_set.filter(|(_, vs)| vs.len() > 1) {
            out.push_str(&format!(
                " srcset=\"{}\" sizes=\"{sizes}\"",
                Self::srcset(vs, url)
            ));
        }
        out.push_str(&format!(
            " width=\"{}\" height=\"{}\" alt=\"{alt}\"",
            self.fallback.width, self.fallback.height
        ));
        out.push_str(if eager {
            " decoding=\"async\">"
        } else {
            " loading=\"lazy\" decoding=\"async\">"
        });
        if !sources.is_empty() {
            out.push_str("</picture>");
        }
        out
    }

    /// What `image()` gives templates: `src`, `width`, `height`, `srcset`
    /// and `type` of the `<img>`, and `sources` (`type`, `srcset`) for
    /// `<source>` elements.
    pub fn value(&self, url: &dyn Fn(&str) -> String) -> serde_json::Value {
        let (img, sources) = self.img_and_sources();
        serde_json::json!({
            "src": url(&self.fallback.path),
            "width": self.fallback.width,
            "height": self.fallback.height,
            "type": img.map_or(self.fallback.format, |(f, _)| *f).mime(),
            "srcset": img.map(|(_, vs)| Self::srcset(vs, url)).unwrap_or_default(),
            "sources": sources.iter().map(|(f, vs)| serde_json::json!({
                "type": f.mime(),
                "srcset": Self::srcset(vs, url),
            })).collect::<Vec<_>>(),
        })
    }

    /// The source file.
    pub fn source_path(&self) -> &Path {
        &self.source.abs
    }

    /// Whether the source file is still the one this plan was made from.
    pub fn is_current(&self) -> bool {
        stamp(&self.source.abs) == self.source.stamp
    }
}
