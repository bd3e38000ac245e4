//! `fonts: embed`: the Lao and Khmer fonts of the site's languages at
//! `/fonts/`, with their licences and a style sheet of `@font-face` rules
//! that `base.html` links (`site.fonts`). The faces keep their family names
//! (`Noto Sans Lao`, `Noto Sans Khmer`), the first of the theme's stacks
//! for `:lang(lo)` and `:lang(km)`; `font-display: swap` shows text at once;
//! each face's `unicode-range` makes a browser fetch it only for a page with
//! letters of its script. Font and style sheet names carry a content hash:
//! they are cached for good, and a new font gets a new name.

use crate::config::{Config, Fonts};
use crate::fonts::{embed, Style};
use crate::output::{Output, OutputData};

/// The folder below the site's root.
const DIR: &str = "fonts/";

const STYLE: Style = Style {
    family: None,
    display: "swap",
    hashed: true,
    url_prefix: "",
};

/// The site's fonts: the style sheet's path below the root and every file
/// (the style sheet, fonts, licences). `None` unless `fonts: embed` and a
/// language needs a font.
pub(crate) fn site_fonts(config: &Config) -> Option<(String, Vec<Output>)> {
    if config.fonts != Fonts::Embed {
        return None;
    }
    let langs = config.language_codes();
    let embedded = embed(langs, &STYLE, None);
    if embedded.files.is_empty() {
        return None;
    }
    let hash = blake3::hash(embedded.css.as_bytes()).to_hex();
    let sheet = format!("{DIR}fonts.{}.css", &hash[..10]);
    let mut out: Vec<Output> = embedded
        .files
        .into_iter()
        .map(|(name, bytes)| Output {
            path: format!("{DIR}{name}"),
            data: OutputData::Bytes(bytes),
        })
        .collect();
    out.push(Output {
        path: sheet.clone(),
        data: OutputData::Bytes(embedded.css.into_bytes()),
    });
    Some((sheet, out))
}

/// The style sheet's URL for templates (`/portal/fonts/fonts.HASH.css`).
pub(crate) fn stylesheet_url(config: &Config) -> Option<String> {
    let (sheet, _) = site_fonts(config)?;
    Some(crate::urls::encode_path(&format!(
        "{}{sheet}",
        config.base_path
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(extra: &str) -> Config {
        let text = format!(
            "base_url: /portal/\n{extra}languages:\n  - {{ code: vi, name: V }}\n  - {{ code: lo, name: L }}\n"
        );
        Config::parse(Path::new("/site"), &text).expect("valid")
    }

    #[test]
    fn fonts_embed_publishes_the_lao_faces_their_licence_and_a_hashed_sheet() {
        let c = config("fonts: embed\n");
        let (sheet, files) = site_fonts(&c).expect("fonts");
        let paths: Vec<&str> = files.iter().map(|o| o.path.as_str()).collect();
        assert_eq!(paths.len(), 4, "{paths:?}");
        assert!(paths[0].starts_with("fonts/noto-sans-lao-400.") && paths[0].ends_with(".woff2"));
        assert_eq!(paths[1], "fonts/OFL-noto-sans-lao.txt");
        assert!(paths[2].starts_with("fonts/noto-sans-lao-700."));
        assert_eq!(paths[3], sheet);
        assert!(sheet.starts_with("fonts/fonts.") && sheet.ends_with(".css"));
        let url = stylesheet_url(&c).expect("url");
        assert_eq!(url, format!("/portal/{sheet}"));
    }

    #[test]
    fn without_the_key_nothing_is_published() {
        assert!(site_fonts(&config("")).is_none());
        assert!(stylesheet_url(&config("fonts: system\n")).is_none());
    }
}
