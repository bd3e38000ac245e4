//! `asset(path)`: the URL of a static file with its content hash as
//! `?v=`, so a changed file is fetched again while an unchanged one stays
//! cached.

use super::Shared;
use std::sync::Arc;
use tera::{Error, Function, Kwargs, State, TeraResult};

/// The `asset` function.
pub(crate) struct Asset(pub(crate) Arc<Shared>);

impl Function<TeraResult<String>> for Asset {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<String> {
        let s = &self.0;
        let path: String = kwargs.must_get("path")?;
        let rel = path.trim_start_matches('/');
        s.note(super::super::used::Read::Static(rel));
        let hash = s.statics.fingerprint(rel).ok_or_else(|| {
            Error::message(format!(
                "asset(): there is no static file `{rel}` in static/ or the theme's static/"
            ))
        })?;
        let base = s.base_path.trim_end_matches('/');
        Ok(format!(
            "{}?v={hash}",
            crate::urls::encode_path(&format!("{base}/{rel}"))
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{config, error_of, render, shared_in, shared_with};

    #[test]
    fn a_static_file_gets_the_base_path_and_its_content_hash() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("static/css")).expect("folder");
        std::fs::write(dir.path().join("static/css/my site.css"), "body{}").expect("file");
        let (assets, _) = crate::theme::load(&config(dir.path()));
        let shared = shared_in(dir.path(), &[], assets.statics);
        let hash = &blake3::hash(b"body{}").to_hex()[..10];
        let out = render(shared, "en", "{{ asset(path=\"/css/my site.css\") }}");
        assert_eq!(
            out.expect("renders"),
            format!("/portal/css/my%20site.css?v={hash}")
        );
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let err = error_of(render(
            shared_with(&[]),
            "vi",
            "{{ asset(path=\"/x.js\") }}",
        ));
        assert!(err.contains("no static file `x.js`"), "{err}");
    }
}
