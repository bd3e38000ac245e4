//! `image(src, widths?)`: the responsive variants of a photo (`src`,
//! `width`, `height`, `type`, `srcset`, `sources`). `src` is a URL as
//! `page.image` gives it, or a path under static/ or content/. Other files,
//! external URLs and the built-in theme's photos come back as they are.

use super::Shared;
use crate::output::FileSource;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::{Error, Function, Kwargs, State, TeraResult, Value};

/// The `image` function.
pub(crate) struct Image(pub(crate) Arc<Shared>);

impl Function<TeraResult<Value>> for Image {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let src: String = kwargs.must_get("src")?;
        let widths: Option<Vec<u32>> = kwargs.get("widths")?;
        image(&self.0, &src, widths.as_deref())
            .map_err(|e| Error::message(format!("image(src=\"{src}\"): {e}")))
    }
}

/// The picture for `src`, planned from the image catalog when it is a
/// photo the site holds, and sent on for the pipeline to make.
fn image(s: &Shared, src: &str, widths: Option<&[u32]>) -> Result<Value, String> {
    let base = s.base_path.trim_end_matches('/');
    let url = |p: &str| crate::urls::encode_path(&format!("{base}/{p}"));
    let plain = |u: String| {
        Value::from_serializable(&serde_json::json!({
            "src": u, "width": null, "height": null, "type": null, "srcset": "", "sources": [],
        }))
    };
    if src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return Ok(plain(src.to_owned()));
    }
    let decoded = percent_encoding::percent_decode_str(src.split(['?', '#']).next().unwrap_or(src))
        .decode_utf8_lossy()
        .into_owned();
    let within = decoded
        .strip_prefix(base)
        .filter(|rest| rest.starts_with('/'))
        .unwrap_or(&decoded);
    let path = crate::paths::normalize_inside(Path::new(within.trim_start_matches('/')))
        .ok_or("the path leaves the site")?
        .to_string_lossy()
        .replace('\\', "/");
    s.note(super::super::used::Read::Static(&path));
    if !crate::images::is_raster(&path) {
        return Ok(plain(url(&path)));
    }
    // A photo of the built-in theme is used as it is.
    if matches!(s.statics.source(&path), Some(FileSource::Embedded(_))) {
        return Ok(plain(url(&path)));
    }
    let lookup = |p: &str| -> Option<PathBuf> {
        if let Some(FileSource::Disk(abs)) = s.statics.source(p) {
            return Some(abs.clone());
        }
        let abs = s.root.join("content").join(p);
        (abs.is_file() && crate::paths::is_inside(&s.root, &abs)).then_some(abs)
    };
    let picture = s.images.request(&path, widths, &lookup)?;
    let value = picture.value(&url);
    // The receiver is gone only when nobody makes the files (a test's render).
    let _ = s.image_requests.send(picture);
    Ok(Value::from_serializable(&value))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{error_of, render, shared_with};

    fn image(template: &str) -> String {
        render(shared_with(&[]), "vi", template).expect("renders")
    }

    #[test]
    fn an_external_photo_is_used_as_it_is() {
        assert_eq!(
            image("{% set i = image(src=\"https://x.org/a.jpg\") %}{{ i.src }}|{{ i.srcset }}"),
            "https://x.org/a.jpg|"
        );
    }

    #[test]
    fn a_file_that_is_not_a_photo_gets_its_url_under_the_base_path() {
        assert_eq!(
            image("{% set i = image(src=\"/portal/img/logo%20new.svg\") %}{{ i.src }}"),
            "/portal/img/logo%20new.svg"
        );
    }

    #[test]
    fn a_path_leaving_the_site_is_an_error() {
        let err = error_of(render(
            shared_with(&[]),
            "vi",
            "{{ image(src=\"../../etc/a.jpg\") }}",
        ));
        assert!(err.contains("the path leaves the site"), "{err}");
    }

    #[test]
    fn a_missing_photo_is_an_error_naming_it() {
        let err = error_of(render(
            shared_with(&[]),
            "vi",
            "{{ image(src=\"/img/none.jpg\") }}",
        ));
        assert!(err.contains("image(src=\"/img/none.jpg\")"), "{err}");
        assert!(err.contains("no image `img/none.jpg`"), "{err}");
    }
}
