//! The image pipeline: photos referenced by articles, front matter and the
//! `image()` template function become responsive variants.
//!
//! A source is read once per build (and again only when its file changes):
//! its bytes are hashed, its header gives the size and EXIF orientation.
//! From that alone a [`Picture`] is planned: which widths and formats exist
//! and where they go, so Markdown and templates can write `<picture>` with
//! `width`/`height` before any pixel is decoded. [`Images::produce`] then
//! makes the files that are not in the cache yet (one decode per source, in
//! parallel) and hands them to the writer.
//!
//! Every JPEG, PNG and WebP file that is published goes through the pipeline,
//! even when no page shows it: the original's path gets a re-encoded copy,
//! turned upright, at most the largest configured width, without metadata
//! (GPS positions in phone photos are not published).
//!
//! The cache (`SITE/.mekong-cache/images/`) is keyed by the BLAKE3 hash of
//! the source's bytes and the operation, never by path or time, so a renamed
//! file is still a hit and an edited one never is.

use crate::config::{Format, ImagesConfig};
use crate::diagnostics::Diagnostic;
use crate::output::{FileSource, Output, OutputData};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

/// Part of every cache key: change it when an encoder or its settings change,
/// so that old entries are not served for the new pipeline.
const PIPELINE_VERSION: &str = "mekong-images-1";

/// Where processed images are kept, below the site root.
pub const CACHE_DIR: &str = ".mekong-cache/images";

/// Images with this many sources to process get a progress bar on a terminal.
const PROGRESS_FROM: usize = 8;

/// Whether a file is a photo the pipeline processes (by its extension).
pub fn is_raster(path: &str) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(ext.as_deref(), Some("jpg" | "jpeg" | "png" | "webp"))
}

/// What identifies the version of a file on disk that was read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

/// A source image as its header describes it.
#[derive(Debug)]
pub struct Source {
    /// Absolute path.
    pub abs: PathBuf,
    stamp: Option<Stamp>,
    hash: blake3::Hash,
    /// Size as displayed: EXIF orientation applied.
    pub width: u32,
    pub height: u32,
    format: Format,
    alpha: bool,
}

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
    source: Arc<Source>,
    /// The fallback, at the original's output path (`images/hero.jpg`).
    pub fallback: Variant,
    /// Variants per format, in the configured order; the last set is the
    /// `<img>`'s own `srcset`, the others are `<source>` elements.
    pub sets: Vec<VariantSet>,
}

/// The variants of one format, narrowest first.
pub type VariantSet = (Format, Vec<Variant>);

impl Picture {
    /// Every file this picture needs, the fallback first.
    fn files(&self) -> impl Iterator<Item = &Variant> {
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

/// The widths to make for a source `original` pixels wide: the requested
/// ones below it, and the original width itself instead of any larger one
/// (never upscale).
fn plan_widths(requested: &[u32], original: u32) -> Vec<u32> {
    let mut ws: Vec<u32> = requested
        .iter()
        .copied()
        .filter(|&w| w > 0 && w < original)
        .collect();
    if ws.is_empty() || requested.iter().any(|&w| w >= original) {
        ws.push(original);
    }
    ws.sort_unstable();
    ws.dedup();
    ws
}

fn scaled_height(source: &Source, width: u32) -> u32 {
    let h = (u64::from(source.height) * u64::from(width) + u64::from(source.width) / 2)
        / u64::from(source.width.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// `images/hero.jpg` → `images/hero.480w.webp`.
fn variant_path(original: &str, width: u32, format: Format) -> String {
    let stem = match original.rsplit_once('.') {
        Some((stem, _)) if !stem.ends_with('/') => stem,
        _ => original,
    };
    format!("{stem}.{width}w.{}", format.ext())
}

/// A source as read, or why it cannot be used.
type Probed = Arc<Result<Arc<Source>, String>>;

/// Cache files a source lacks: the variant and where its file goes.
type Work<'p> = Vec<(&'p Arc<Source>, &'p Variant, PathBuf)>;

/// The image pipeline of a site. Kept by `serve` between builds: sources
/// are read again only when their files change.
pub struct Images {
    settings: ImagesConfig,
    formats: Vec<Format>,
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
    pub fn new(settings: &ImagesConfig, root: &Path) -> Images {
        let mut formats: Vec<Format> = settings
            .formats
            .iter()
            .filter_map(|f| Format::parse(f))
            .collect();
        formats.dedup();
        Images {
            settings: settings.clone(),
            formats,
            cache_dir: root.join(CACHE_DIR),
            sources: Mutex::default(),
            known: Mutex::default(),
            requests: Mutex::default(),
            used: Mutex::default(),
            fresh: Mutex::default(),
        }
    }

    /// Reads a source's header (once per version of the file).
    fn source(&self, abs: &Path) -> Result<Arc<Source>, String> {
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
    pub fn picture(
        &self,
        abs: &Path,
        out: &str,
        widths: Option<&[u32]>,
    ) -> Result<Arc<Picture>, String> {
        self.plan(abs, out, Some(widths.unwrap_or(&self.settings.widths)))
    }

    /// Only the re-encoded original, for a photo no page shows.
    pub fn original(&self, abs: &Path, out: &str) -> Result<Arc<Picture>, String> {
        self.plan(abs, out, None)
    }

    fn plan(&self, abs: &Path, out: &str, widths: Option<&[u32]>) -> Result<Arc<Picture>, String> {
        let source = self.source(abs)?;
        lock(&self.known).insert(out.to_owned(), abs.to_path_buf());
        let largest = self.settings.widths.iter().copied().max().unwrap_or(1600);
        let fallback_width = source.width.min(largest).max(1);
        let fallback = Variant {
            path: out.to_owned(),
            width: fallback_width,
            height: scaled_height(&source, fallback_width),
            format: source.format,
        };
        let widths = widths.map_or_else(Vec::new, |w| plan_widths(w, source.width));
        let mut sets: Vec<VariantSet> = Vec::new();
        for &format in self.formats.iter().filter(|_| !widths.is_empty()) {
            // JPEG has no transparency: a PNG with alpha stays a PNG.
            let format = if format == Format::Jpeg && source.alpha {
                Format::Png
            } else {
                format
            };
            if sets.iter().any(|(f, _)| *f == format) {
                continue;
            }
            let variants = widths
                .iter()
                .map(|&w| {
                    if w == fallback.width && format == fallback.format {
                        fallback.clone()
                    } else {
                        Variant {
                            path: variant_path(out, w, format),
                            width: w,
                            height: scaled_height(&source, w),
                            format,
                        }
                    }
                })
                .collect();
            sets.push((format, variants));
        }
        Ok(Arc::new(Picture {
            source,
            fallback,
            sets,
        }))
    }

    /// A picture for `image()`: `out` is an output path a page already
    /// showed, or a static or content file (`lookup` finds those).
    pub fn request(
        &self,
        out: &str,
        widths: Option<&[u32]>,
        lookup: &dyn Fn(&str) -> Option<PathBuf>,
    ) -> Result<Arc<Picture>, String> {
        let known = lock(&self.known).get(out).cloned();
        let abs = known
            .or_else(|| lookup(out))
            .ok_or_else(|| format!("there is no image `{out}` in static/ or content/"))?;
        let picture = self.picture(&abs, out, widths)?;
        lock(&self.requests).push(picture.clone());
        Ok(picture)
    }

    /// Sources read since the last call: files new or changed since then.
    pub fn take_fresh(&self) -> HashSet<PathBuf> {
        std::mem::take(&mut *lock(&self.fresh))
    }

    /// The pictures templates asked for since the last call.
    pub fn take_requests(&self) -> Vec<Arc<Picture>> {
        std::mem::take(&mut *lock(&self.requests))
    }

    fn cache_file(&self, source: &Source, v: &Variant) -> PathBuf {
        let mut h = blake3::Hasher::new();
        h.update(PIPELINE_VERSION.as_bytes());
        h.update(source.hash.as_bytes());
        h.update(
            format!(
                "{}x{} {} q{}",
                v.width,
                v.height,
                v.format.ext(),
                self.settings.quality
            )
            .as_bytes(),
        );
        let key = h.finalize().to_hex();
        self.cache_dir
            .join(format!("{}.{}", &key[..32], v.format.ext()))
    }

    /// One entry per output path, in path order.
    fn files(pictures: &[Arc<Picture>]) -> BTreeMap<&str, (&Arc<Source>, &Variant)> {
        let mut files = BTreeMap::new();
        for p in pictures {
            for v in p.files() {
                files.entry(v.path.as_str()).or_insert((&p.source, v));
            }
        }
        files
    }

    /// Makes the files of `pictures` that are not in the cache yet: one
    /// decode per source, sources in parallel, a progress bar on a terminal
    /// (`progress`) when there are many.
    pub fn prepare(&self, pictures: &[Arc<Picture>], progress: bool) -> Vec<Diagnostic> {
        let mut todo: BTreeMap<[u8; 32], Work<'_>> = BTreeMap::new();
        for (source, v) in Self::files(pictures).into_values() {
            let cached = self.cache_file(source, v);
            if !cached.is_file() {
                let work = todo.entry(*source.hash.as_bytes()).or_default();
                if !work.iter().any(|(_, _, c)| *c == cached) {
                    work.push((source, v, cached));
                }
            }
        }
        if todo.is_empty() {
            return Vec::new();
        }
        if let Err(e) = std::fs::create_dir_all(&self.cache_dir) {
            let d = Diagnostic::error(
                None,
                format!(
                    "cannot create the image cache {}: {e}",
                    self.cache_dir.display()
                ),
            )
            .hint("check the permissions of the site folder");
            return vec![d];
        }
        let bar = (progress && todo.len() >= PROGRESS_FROM).then(|| {
            let bar = indicatif::ProgressBar::new(todo.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message("images");
            bar
        });
        let diags: Vec<Diagnostic> = todo
            .into_par_iter()
            .filter_map(|(_, work)| {
                let result = self.make(&work);
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                result.err()
            })
            .collect();
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        diags
    }

    /// The output files of `pictures`, copied from the cache ([`Images::prepare`]
    /// made them). `full` marks a build of the whole site: its cache files
    /// are the ones [`Images::prune`] keeps.
    pub fn outputs(&self, pictures: &[Arc<Picture>], full: bool) -> Vec<Output> {
        let files = Self::files(pictures);
        let outputs: Vec<Output> = files
            .into_iter()
            .map(|(path, (source, v))| Output {
                path: path.to_owned(),
                data: OutputData::Copy(FileSource::Disk(self.cache_file(source, v))),
            })
            .collect();
        if full {
            *lock(&self.used) = Some(
                outputs
                    .iter()
                    .filter_map(|o| match &o.data {
                        OutputData::Copy(FileSource::Disk(p)) => Some(p.clone()),
                        _ => None,
                    })
                    .collect(),
            );
        }
        outputs
    }

    /// Decodes one source and writes its missing variants into the cache.
    fn make(&self, work: &[(&Arc<Source>, &Variant, PathBuf)]) -> Result<(), Diagnostic> {
        let Some((source, _, _)) = work.first() else {
            return Ok(());
        };
        let fail = |what: String| {
            Diagnostic::error(Some(source.abs.clone()), what)
                .hint("open the image in an image editor and save it again as JPEG or PNG")
        };
        let bytes =
            std::fs::read(&source.abs).map_err(|e| fail(format!("cannot read the image: {e}")))?;
        let image = decode_upright(&bytes, source.format)
            .map_err(|e| fail(format!("cannot decode the image: {e}")))?;
        work.par_iter().try_for_each(|(_, v, cached)| {
            let data = encode(&image, v, self.settings.quality)
                .map_err(|e| fail(format!("cannot make {}: {e}", v.path)))?;
            write_atomic(cached, &data).map_err(|e| {
                Diagnostic::error(None, format!("cannot write {}: {e}", cached.display()))
                    .hint("check the disk space and the permissions of .mekong-cache/")
            })
        })
    }

    /// Removes cache files the last full build did not use.
    pub fn prune(&self) -> usize {
        let used = lock(&self.used);
        let (Some(used), Ok(entries)) = (used.as_ref(), std::fs::read_dir(&self.cache_dir)) else {
            return 0;
        };
        let mut removed = 0;
        for e in entries.flatten() {
            let path = e.path();
            if path.is_file() && !used.contains(&path) && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// Reads a source: bytes, hash, format, size and orientation from the header.
fn probe(abs: &Path, stamp: Option<Stamp>) -> Result<Source, String> {
    let bytes = std::fs::read(abs).map_err(|e| format!("cannot read it: {e}"))?;
    let format = match image::guess_format(&bytes) {
        Ok(ImageFormat::Jpeg) => Format::Jpeg,
        Ok(ImageFormat::Png) => Format::Png,
        Ok(ImageFormat::WebP) => Format::Webp,
        Ok(other) => {
            return Err(format!(
                "it is a {} image; mekong makes responsive images from JPEG, PNG and WebP",
                other.extensions_str().first().unwrap_or(&"other")
            ))
        }
        Err(_) => return Err("it is not an image (neither JPEG, PNG nor WebP)".into()),
    };
    if !is_complete(&bytes, format) {
        return Err("the file is truncated (its end is missing)".into());
    }
    let mut decoder = ImageReader::with_format(Cursor::new(&bytes), image_format(format))
        .into_decoder()
        .map_err(|e| format!("it cannot be read as an image: {e}"))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err("the image is empty (0 pixels)".into());
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    use image::metadata::Orientation::*;
    let (width, height) = match orientation {
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH => (h, w),
        _ => (w, h),
    };
    Ok(Source {
        abs: abs.to_path_buf(),
        stamp,
        hash: blake3::hash(&bytes),
        width,
        height,
        format,
        alpha: decoder.color_type().has_alpha(),
    })
}

fn image_format(f: Format) -> ImageFormat {
    match f {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::Webp => ImageFormat::WebP,
    }
}

/// Whether the file has its end: decoders fill a cut-off JPEG with grey
/// rather than fail, so a truncated upload would be published half grey.
fn is_complete(bytes: &[u8], format: Format) -> bool {
    match format {
        // The end-of-image marker after the last start-of-scan (in scan data
        // a 0xFF byte is always followed by 0x00 or a restart marker).
        Format::Jpeg => {
            let last = |m: u8| bytes.windows(2).rposition(|w| w == [0xFF, m]);
            matches!((last(0xDA), last(0xD9)), (Some(sos), Some(eoi)) if eoi > sos)
        }
        Format::Png => bytes.windows(4).rev().take(64).any(|w| w == b"IEND"),
        Format::Webp => {
            bytes.len() >= 8 && {
                let size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
                (size as usize).saturating_add(8) <= bytes.len()
            }
        }
    }
}

/// Decodes and turns the image upright, as 8-bit RGB or RGBA.
fn decode_upright(bytes: &[u8], format: Format) -> Result<DynamicImage, String> {
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), image_format(format))
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(if image.color().has_alpha() {
        DynamicImage::ImageRgba8(image.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.into_rgb8())
    })
}

/// Resizes (Lanczos3, alpha-aware) and encodes one variant. Encoders write
/// pixels only: no EXIF, XMP or comments reach the output.
fn encode(image: &DynamicImage, v: &Variant, quality: u8) -> Result<Vec<u8>, String> {
    let resized;
    let pixels = if (image.width(), image.height()) == (v.width, v.height) {
        image
    } else {
        let mut dst = DynamicImage::new(v.width, v.height, image.color());
        fast_image_resize::Resizer::new()
            .resize(image, &mut dst, &fast_image_resize::ResizeOptions::new())
            .map_err(|e| e.to_string())?;
        resized = dst;
        &resized
    };
    let mut out = Vec::new();
    match v.format {
        Format::Jpeg => {
            let rgb = pixels.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => {
            pixels
                .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
                .map_err(|e| e.to_string())?;
        }
        Format::Webp => {
            let encoded = match pixels {
                DynamicImage::ImageRgba8(p) => {
                    webp::Encoder::from_rgba(p.as_raw(), v.width, v.height)
                        .encode(f32::from(quality))
                }
                other => {
                    let rgb = other.to_rgb8();
                    webp::Encoder::from_rgb(rgb.as_raw(), v.width, v.height)
                        .encode(f32::from(quality))
                }
            };
            out.extend_from_slice(&encoded);
        }
    }
    Ok(out)
}

/// Writes through a temporary file and a rename: a build killed halfway
/// leaves no half-written entry that a later build would take as cached.
fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, data)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(plan_widths(&[480, 960, 1600], 3000), vec![480, 960, 1600]);
        assert_eq!(plan_widths(&[480, 960, 1600], 1200), vec![480, 960, 1200]);
        assert_eq!(plan_widths(&[480, 960, 1600], 300), vec![300]);
        assert_eq!(plan_widths(&[480, 960], 960), vec![480, 960]);
    }

    #[test]
    fn variant_paths_sit_beside_the_original() {
        assert_eq!(
            variant_path("images/hero.jpg", 480, Format::Webp),
            "images/hero.480w.webp"
        );
        assert_eq!(
            variant_path("tourism/x/summit.photo.JPG", 960, Format::Jpeg),
            "tourism/x/summit.photo.960w.jpg"
        );
    }

    #[test]
    fn truncated_jpegs_are_noticed() {
        let mut jpeg = Vec::new();
        let img = DynamicImage::new_rgb8(64, 48);
        img.write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .expect("encode");
        assert!(is_complete(&jpeg, Format::Jpeg));
        assert!(!is_complete(&jpeg[..jpeg.len() * 2 / 3], Format::Jpeg));
    }
}
