//! Fonts published with the output, for scripts that players, kiosks and
//! many computers have no font for: Debian's Chromium without
//! fonts-noto-core draws every Khmer letter as an empty box.
//!
//! In: the languages shown and how the faces are named and loaded
//! ([`Style`]). Out: the font files and their licences (file name, bytes)
//! and the `@font-face` rules, each face limited to its script's
//! `unicode-range`, so a browser downloads a face only for a page that has
//! letters of its script. The fonts are Noto Sans Khmer and Noto Sans Lao,
//! 400 and 700, the script subsets published by Fontsource (SIL OFL 1.1),
//! vendored in `noto/` (its README says where they came from). Screens
//! (`/screens/NAME/assets/fonts/`) and the site's `fonts: embed`
//! (`/fonts/`) both publish them through here. A screen, whose text is
//! known at build time, gets each face cut down to the letters it shows
//! (`subset`); the site publishes the whole script subsets.

mod subset;

use serde::Serialize;

/// One vendored face.
struct Face {
    /// The language whose script it draws.
    lang: &'static str,
    /// Its family name (`Noto Sans Khmer`).
    family: &'static str,
    /// The published file name without extension (`noto-sans-khmer-400`).
    stem: &'static str,
    weight: u16,
    /// The face as published (WOFF2).
    bytes: &'static [u8],
    /// The same face as TrueType, what the subsetter reads.
    ttf: &'static [u8],
    range: &'static str,
    /// Whether a character is of the face's script.
    script: fn(char) -> bool,
    licence: Licence,
}

fn is_khmer(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}')
}

fn is_lao(c: char) -> bool {
    matches!(c, '\u{0E80}'..='\u{0EFF}')
}

/// A font's licence: the file published beside it.
#[derive(Clone, Copy, PartialEq)]
struct Licence {
    file: &'static str,
    text: &'static [u8],
}

const KHMER_RANGE: &str = "U+1780-17FF, U+19E0-19FF, U+200C-200D, U+25CC";
const LAO_RANGE: &str = "U+0E81-0EDF, U+200C-200D, U+25CC";
const KHMER_OFL: Licence = Licence {
    file: "OFL-noto-sans-khmer.txt",
    text: include_bytes!("noto/OFL-noto-sans-khmer.txt"),
};
const LAO_OFL: Licence = Licence {
    file: "OFL-noto-sans-lao.txt",
    text: include_bytes!("noto/OFL-noto-sans-lao.txt"),
};

const FACES: [Face; 4] = [
    Face {
        lang: "km",
        family: "Noto Sans Khmer",
        stem: "noto-sans-khmer-400",
        weight: 400,
        bytes: include_bytes!("noto/noto-sans-khmer-khmer-400-normal.woff2"),
        ttf: include_bytes!("noto/noto-sans-khmer-khmer-400-normal.ttf"),
        range: KHMER_RANGE,
        script: is_khmer,
        licence: KHMER_OFL,
    },
    Face {
        lang: "km",
        family: "Noto Sans Khmer",
        stem: "noto-sans-khmer-700",
        weight: 700,
        bytes: include_bytes!("noto/noto-sans-khmer-khmer-700-normal.woff2"),
        ttf: include_bytes!("noto/noto-sans-khmer-khmer-700-normal.ttf"),
        range: KHMER_RANGE,
        script: is_khmer,
        licence: KHMER_OFL,
    },
    Face {
        lang: "lo",
        family: "Noto Sans Lao",
        stem: "noto-sans-lao-400",
        weight: 400,
        bytes: include_bytes!("noto/noto-sans-lao-lao-400-normal.woff2"),
        ttf: include_bytes!("noto/noto-sans-lao-lao-400-normal.ttf"),
        range: LAO_RANGE,
        script: is_lao,
        licence: LAO_OFL,
    },
    Face {
        lang: "lo",
        family: "Noto Sans Lao",
        stem: "noto-sans-lao-700",
        weight: 700,
        bytes: include_bytes!("noto/noto-sans-lao-lao-700-normal.woff2"),
        ttf: include_bytes!("noto/noto-sans-lao-lao-700-normal.ttf"),
        range: LAO_RANGE,
        script: is_lao,
        licence: LAO_OFL,
    },
];

/// How the faces are named and loaded.
pub(crate) struct Style<'a> {
    /// One family for every face (a screen's own), or `None` for each
    /// face's own name (`Noto Sans Khmer`), which the theme's stacks name.
    pub(crate) family: Option<&'a str>,
    /// `font-display`: `block` on a screen (no flash of empty boxes on an
    /// LED board), `swap` on the site (text at once, in the fallback).
    pub(crate) display: &'a str,
    /// Content hash in the file names (`noto-sans-lao-400.1a2b3c4d5e.woff2`),
    /// so a changed font is never taken from a stale cache.
    pub(crate) hashed: bool,
    /// What the rules' URLs start with (`assets/fonts/`, or empty when the
    /// style sheet sits beside the fonts).
    pub(crate) url_prefix: &'a str,
}

/// What a set of languages embeds.
pub(crate) struct Embedded {
    /// Font files and licences: (file name, bytes).
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// The `@font-face` rules, one a line.
    pub(crate) css: String,
    /// The same faces as data, for a script that loads them (a screen
    /// taking a new build's fonts without reloading its page).
    pub(crate) faces: Vec<FaceRule>,
    /// Faces that could not be cut down and are published whole, and why.
    pub(crate) whole: Vec<String>,
}

/// One `@font-face` rule as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct FaceRule {
    /// The file's URL, as in the rule.
    pub(crate) src: String,
    pub(crate) weight: u16,
    /// The rule's `unicode-range`.
    pub(crate) range: &'static str,
}

/// Whether any of `langs` is written in a script a font is embedded for.
pub(crate) fn needed_for<'a>(mut langs: impl Iterator<Item = &'a str>) -> bool {
    langs.any(|l| FACES.iter().any(|f| f.lang == l))
}

/// The fonts and rules for the scripts of `langs` (other languages need
/// none); with `text`, each face holds only the letters of `text` it draws
/// (and what shaping them needs).
pub(crate) fn embed<'a>(
    langs: impl Iterator<Item = &'a str> + Clone,
    style: &Style,
    text: Option<&str>,
) -> Embedded {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut css = String::new();
    let mut faces = Vec::new();
    let mut whole = Vec::new();
    for face in FACES.iter().filter(|f| langs.clone().any(|l| l == f.lang)) {
        let bytes = match text.map(|t| subset::subset(face.ttf, t, face.script)) {
            None => face.bytes.to_vec(),
            Some(Ok(bytes)) => bytes,
            Some(Err(why)) => {
                whole.push(format!("{}: {why}", face.stem));
                face.bytes.to_vec()
            }
        };
        let name = if style.hashed {
            let hash = blake3::hash(&bytes).to_hex();
            format!("{}.{}.woff2", face.stem, &hash[..10])
        } else {
            format!("{}.woff2", face.stem)
        };
        css.push_str(&format!(
            "@font-face{{font-family:\"{}\";font-style:normal;font-weight:{};font-display:{};src:url(\"{}{name}\") format(\"woff2\");unicode-range:{}}}\n",
            style.family.unwrap_or(face.family),
            face.weight,
            style.display,
            style.url_prefix,
            face.range,
        ));
        faces.push(FaceRule {
            src: format!("{}{name}", style.url_prefix),
            weight: face.weight,
            range: face.range,
        });
        files.push((name, bytes));
        if !files.iter().any(|(n, _)| n == face.licence.file) {
            files.push((face.licence.file.into(), face.licence.text.to_vec()));
        }
    }
    Embedded {
        files,
        css,
        faces,
        whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Style = Style {
        family: Some("Mekong Screen"),
        display: "block",
        hashed: false,
        url_prefix: "assets/fonts/",
    };

    fn names(e: &Embedded) -> Vec<&str> {
        e.files.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn only_the_scripts_shown_are_embedded_with_their_licence() {
        let e = embed(["vi", "km"].into_iter(), &SCREEN, None);
        assert_eq!(
            names(&e),
            [
                "noto-sans-khmer-400.woff2",
                "OFL-noto-sans-khmer.txt",
                "noto-sans-khmer-700.woff2"
            ]
        );
        assert!(e.css.contains("font-family:\"Mekong Screen\""));
        assert!(e
            .css
            .contains("src:url(\"assets/fonts/noto-sans-khmer-400.woff2\")"));
        assert!(e.css.contains("font-display:block"));
        assert!(embed(["vi", "en"].into_iter(), &SCREEN, None)
            .files
            .is_empty());
        assert!(!needed_for(["vi", "en"].into_iter()));
        assert!(needed_for(["vi", "lo"].into_iter()));
    }

    #[test]
    fn site_faces_keep_their_family_and_carry_a_content_hash() {
        let style = Style {
            family: None,
            display: "swap",
            hashed: true,
            url_prefix: "",
        };
        let e = embed(["lo"].into_iter(), &style, None);
        let hash = &blake3::hash(FACES[2].bytes).to_hex()[..10];
        assert_eq!(
            names(&e),
            [
                format!("noto-sans-lao-400.{hash}.woff2").as_str(),
                "OFL-noto-sans-lao.txt",
                names(&e)[2],
            ]
        );
        assert!(names(&e)[2].starts_with("noto-sans-lao-700."));
        let rule = e.css.lines().next().unwrap_or_default();
        assert!(rule.contains("font-family:\"Noto Sans Lao\";"), "{rule}");
        assert!(
            rule.contains("font-weight:400;font-display:swap;"),
            "{rule}"
        );
        assert!(rule.contains("unicode-range:U+0E81-0EDF"), "{rule}");
        assert!(rule.contains(&format!("url(\"noto-sans-lao-400.{hash}.woff2\")")));
        assert_eq!(e.faces[0].src, format!("noto-sans-lao-400.{hash}.woff2"));
    }

    #[test]
    fn with_a_text_each_face_holds_only_its_letters() {
        let text = "ສະບາຍດີ ខេត្តប៊ិញភឿក";
        let e = embed(["lo", "km"].into_iter(), &SCREEN, Some(text));
        assert!(e.whole.is_empty(), "{:?}", e.whole);
        for (name, bytes) in e.files.iter().filter(|(n, _)| n.ends_with(".woff2")) {
            let face = FACES
                .iter()
                .find(|f| name.starts_with(f.stem))
                .expect("a face");
            assert!(
                bytes.len() * 2 < face.bytes.len(),
                "{name}: {} of {}",
                bytes.len(),
                face.bytes.len()
            );
        }
        assert_eq!(e.faces.len(), 4);
    }
}
