//! Planning: a source's size and the configured widths and formats in, a
//! [`Picture`] out (which variants exist, how big, at which output paths),
//! so pages can be written before any pixel is decoded.

use super::codec::Source;
use super::picture::{Picture, Variant, VariantSet};
use crate::config::{Format, ImagesConfig};
use crate::urls::MAX_SEGMENT_BYTES;
use std::sync::Arc;

/// The picture of `source` published at `out` (the original's output path,
/// `images/hero.jpg`): the fallback at the original's path, at most the
/// largest configured width, and one set of `widths` per configured format
/// (`None`: only the fallback, for a photo no page shows).
pub(super) fn plan_picture(
    source: Arc<Source>,
    out: &str,
    widths: Option<&[u32]>,
    settings: &ImagesConfig,
) -> Picture {
    let largest = settings.widths.iter().copied().max().unwrap_or(1600);
    let fallback_width = source.width.min(largest).max(1);
    let fallback = Variant {
        path: out.to_owned(),
        width: fallback_width,
        height: scaled_height(&source, fallback_width),
        format: source.format,
    };
    let widths = widths.map_or_else(Vec::new, |w| plan_widths(w, source.width));
    let mut sets: Vec<VariantSet> = Vec::new();
    for &format in settings.formats.iter().filter(|_| !widths.is_empty()) {
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
    Picture {
        source,
        fallback,
        sets,
    }
}

/// One variant of `source`, at most `width` pixels wide, named after the
/// source's content hash in `dir`; see [`super::Images::sized`].
pub(super) fn plan_single(source: Arc<Source>, dir: &str, width: u32) -> Picture {
    let width = width.min(source.width).max(1);
    let format = if source.alpha {
        Format::Png
    } else {
        Format::Jpeg
    };
    let hash = source.hash.to_hex();
    let fallback = Variant {
        path: format!("{dir}{}.{width}w.{}", &hash[..16], format.ext()),
        width,
        height: scaled_height(&source, width),
        format,
    };
    Picture {
        source,
        fallback,
        sets: Vec::new(),
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
    variant_name(original, width, format.ext())
}

/// The variant of `original` at `width` in the format of extension `ext`.
/// A name that would pass the 255 bytes a file system takes (a source
/// named near the limit gains `.1600w.webp`) keeps the start of the
/// source's name and ends with a hash of all of it: the same name in every
/// build, different for sources that start alike.
fn variant_name(original: &str, width: u32, ext: &str) -> String {
    let stem = match original.rsplit_once('.') {
        Some((stem, _)) if !stem.ends_with('/') => stem,
        _ => original,
    };
    let suffix = format!(".{width}w.{ext}");
    let (dir, name) = match stem.rsplit_once('/') {
        Some((dir, name)) => (&stem[..=dir.len()], name),
        None => ("", stem),
    };
    if name.len() + suffix.len() <= MAX_SEGMENT_BYTES {
        return format!("{stem}{suffix}");
    }
    let hash = blake3::hash(name.as_bytes()).to_hex();
    let tag = format!("~{}", &hash[..16]);
    let mut cut = MAX_SEGMENT_BYTES - suffix.len() - tag.len();
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{dir}{}{tag}{suffix}", &name[..cut])
}

/// Whether `path` is a variant of `original` as [`variant_path`] names it.
pub(crate) fn is_variant_of(path: &str, original: &str) -> bool {
    let Some((rest, ext)) = path.rsplit_once('.') else {
        return false;
    };
    let Some((_, width)) = rest.rsplit_once('.') else {
        return false;
    };
    let width = width.strip_suffix('w').unwrap_or_default();
    if ext.is_empty()
        || !ext.bytes().all(|b| b.is_ascii_alphanumeric())
        || width.is_empty()
        || !width.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    width
        .parse()
        .is_ok_and(|w| variant_name(original, w, ext) == path)
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
    fn variants_are_told_from_other_files() {
        let original = "images/hero.jpg";
        for (format, width) in [(Format::Webp, 480), (Format::Jpeg, 32)] {
            assert!(is_variant_of(
                &variant_path(original, width, format),
                original
            ));
        }
        assert!(!is_variant_of("images/hero.jpg", original));
        assert!(!is_variant_of("images/hero.big.480w.webp", original));
        assert!(!is_variant_of("images/heroic.480w.webp", original));
        assert!(!is_variant_of("images/hero.w.webp", original));
        assert!(!is_variant_of("images/hero.0480w.webp", original));
    }

    #[test]
    fn a_variant_name_too_long_for_a_file_system_is_shortened_the_same_way_each_time() {
        // 250 bytes of name and `.png`: the source fits in 255, `.1600w.webp`
        // would not. The cut falls inside an `ả` (3 bytes): it goes back to its start.
        let name = "ảnh".repeat(50);
        let original = format!("vi/tin/{name}.png");
        let long = variant_path(&original, 1600, Format::Webp);
        let segment = long.rsplit('/').next().unwrap_or_default();
        assert_eq!(segment.len(), 225 + 17 + 11, "{segment}");
        assert!(long.starts_with("vi/tin/ảnhảnh") && long.ends_with(".1600w.webp"));
        assert_eq!(long, variant_path(&original, 1600, Format::Webp));
        let other = format!("vi/tin/{name}2.png");
        assert_ne!(long, variant_path(&other, 1600, Format::Webp));
        assert!(is_variant_of(&long, &original) && !is_variant_of(&long, &other));
        let short = variant_path(&original, 32, Format::Jpeg);
        assert!(short.rsplit('/').next().unwrap_or_default().len() <= 255);
        assert!(is_variant_of(&short, &original));
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
}
