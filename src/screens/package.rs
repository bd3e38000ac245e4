//! QR codes (SVG, with the quiet zone a phone camera needs) and the HTML
//! package: the screen's files in, a ZIP with `index.html` at its root out,
//! byte-identical from build to build (fixed timestamps, files in path
//! order; photos stored, text deflated).

use crate::output::{Output, OutputData};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// A QR code of `url` as an SVG document, black on white.
pub(super) fn qr_svg(url: &str) -> String {
    match qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .quiet_zone(true)
            .module_dimensions(8, 8)
            .build(),
        // Only a URL longer than a QR code holds (about 2 KB) gets here.
        Err(_) => String::from(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\" viewBox=\"0 0 8 8\"/>",
        ),
    }
}

/// The ZIP of a screen: `files` (relative to its folder) and `photos`
/// (outputs at `dir…`, copied from the image cache).
pub(super) fn zip(
    dir: &str,
    files: &[(String, Vec<u8>)],
    photos: &[Output],
) -> Result<Vec<u8>, String> {
    let mut entries: Vec<(String, std::borrow::Cow<'_, [u8]>, bool)> = files
        .iter()
        .map(|(rel, bytes)| {
            (
                rel.clone(),
                std::borrow::Cow::Borrowed(bytes.as_slice()),
                true,
            )
        })
        .collect();
    for o in photos {
        let rel = o.path.strip_prefix(dir).unwrap_or(&o.path).to_owned();
        let bytes = match &o.data {
            OutputData::Copy(source) => source
                .read()
                .map_err(|e| format!("cannot read the photo {rel}: {e}"))?,
            OutputData::Bytes(b) | OutputData::Redirect { bytes: b, .. } => {
                std::borrow::Cow::Owned(b.clone())
            }
        };
        entries.push((rel, bytes, false));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (rel, bytes, deflate) in &entries {
        let options = SimpleFileOptions::default()
            .compression_method(if *deflate {
                CompressionMethod::Deflated
            } else {
                CompressionMethod::Stored
            })
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        w.start_file(rel.as_str(), options)
            .map_err(|e| e.to_string())?;
        w.write_all(bytes).map_err(|e| e.to_string())?;
    }
    let cursor = w.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zip_is_the_same_every_time_and_lists_index_html_at_its_root() {
        let files = vec![
            ("playlist.json".to_owned(), b"{}".to_vec()),
            ("index.html".to_owned(), b"<!doctype html>".to_vec()),
        ];
        let a = zip("screens/x/", &files, &[]).expect("zip");
        let b = zip("screens/x/", &files, &[]).expect("zip");
        assert_eq!(a, b);
        let mut archive = zip::ZipArchive::new(Cursor::new(a)).expect("readable");
        assert_eq!(archive.len(), 2);
        assert_eq!(
            archive.by_index(0).expect("entry").name().ok().as_deref(),
            Some("index.html")
        );
    }

    #[test]
    fn a_qr_code_is_an_svg_with_modules() {
        let svg = qr_svg("https://portal.example.org/km/news/x/");
        assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
    }
}
