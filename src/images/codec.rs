//! Pixels: a source file in, its [`Source`] description (hash, size,
//! format, orientation, from the header alone) out; and for the cache, a
//! source's bytes decoded upright and encoded into one variant's bytes.

use super::ImageError;
use crate::config::Format;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What identifies the version of a file on disk that was read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

/// A source image as its header describes it.
#[derive(Debug)]
pub(crate) struct Source {
    /// Absolute path.
    pub abs: PathBuf,
    pub(super) stamp: Option<Stamp>,
    pub(super) hash: blake3::Hash,
    /// Size as displayed: EXIF orientation applied.
    pub width: u32,
    pub height: u32,
    pub(super) format: Format,
    pub(super) alpha: bool,
}

/// Reads a source: bytes, hash, format, size and orientation from the header.
pub(super) fn probe(abs: &Path, stamp: Option<Stamp>) -> Result<Source, ImageError> {
    let bytes = std::fs::read(abs).map_err(|e| ImageError::Unreadable(e.to_string()))?;
    let format = match image::guess_format(&bytes) {
        Ok(ImageFormat::Jpeg) => Format::Jpeg,
        Ok(ImageFormat::Png) => Format::Png,
        Ok(ImageFormat::WebP) => Format::Webp,
        Ok(other) => {
            return Err(ImageError::Unsupported(
                other
                    .extensions_str()
                    .first()
                    .unwrap_or(&"other")
                    .to_string(),
            ))
        }
        Err(_) => return Err(ImageError::NotAnImage),
    };
    if !is_complete(&bytes, format) {
        return Err(ImageError::Truncated);
    }
    let mut decoder = ImageReader::with_format(Cursor::new(&bytes), image_format(format))
        .into_decoder()
        .map_err(|e| ImageError::Undecodable(e.to_string()))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(ImageError::Empty);
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
pub(super) fn decode_upright(bytes: &[u8], format: Format) -> image::ImageResult<DynamicImage> {
    let mut decoder =
        ImageReader::with_format(Cursor::new(bytes), image_format(format)).into_decoder()?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(if image.color().has_alpha() {
        DynamicImage::ImageRgba8(image.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.into_rgb8())
    })
}

/// Why a variant could not be made: the resizer's or the encoder's own
/// error, whose text the cache puts in its diagnostic.
pub(super) type EncodeError = Box<dyn std::error::Error + Send + Sync>;

/// Resizes (Lanczos3, alpha-aware) and encodes one variant. Encoders write
/// pixels only: no EXIF, XMP or comments reach the output.
pub(super) fn encode(
    image: &DynamicImage,
    (width, height): (u32, u32),
    format: Format,
    quality: u8,
) -> Result<Vec<u8>, EncodeError> {
    let resized;
    let pixels = if (image.width(), image.height()) == (width, height) {
        image
    } else {
        let mut dst = DynamicImage::new(width, height, image.color());
        fast_image_resize::Resizer::new().resize(
            image,
            &mut dst,
            &fast_image_resize::ResizeOptions::new(),
        )?;
        resized = dst;
        &resized
    };
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = pixels.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
                .encode_image(&rgb)?;
        }
        Format::Png => {
            pixels.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)?;
        }
        Format::Webp => {
            let encoded = match pixels {
                DynamicImage::ImageRgba8(p) => {
                    webp::Encoder::from_rgba(p.as_raw(), width, height).encode(f32::from(quality))
                }
                other => {
                    let rgb = other.to_rgb8();
                    webp::Encoder::from_rgb(rgb.as_raw(), width, height).encode(f32::from(quality))
                }
            };
            out.extend_from_slice(&encoded);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
