//! Fonts a screen embeds: players and kiosks often have no Khmer or Lao
//! font and draw every letter as an empty box. A screen whose languages
//! include `km` or `lo` publishes the script's Noto Sans subset (vendored
//! from Fontsource, SIL OFL 1.1, see `fonts/README.md`) with its licence in
//! `assets/fonts/`, and `@font-face` rules limited to the script's range.

/// One embedded font: the language, its file name, weight, and range.
struct Font {
    lang: &'static str,
    file: &'static str,
    weight: u16,
    bytes: &'static [u8],
    range: &'static str,
    licence: (&'static str, &'static [u8]),
}

const KHMER_RANGE: &str = "U+1780-17FF, U+19E0-19FF, U+200C-200D, U+25CC";
const LAO_RANGE: &str = "U+0E81-0EDF, U+200C-200D, U+25CC";
const KHMER_OFL: (&str, &[u8]) = (
    "OFL-noto-sans-khmer.txt",
    include_bytes!("fonts/OFL-noto-sans-khmer.txt"),
);
const LAO_OFL: (&str, &[u8]) = (
    "OFL-noto-sans-lao.txt",
    include_bytes!("fonts/OFL-noto-sans-lao.txt"),
);

const FONTS: [Font; 4] = [
    Font {
        lang: "km",
        file: "noto-sans-khmer-khmer-400-normal.woff2",
        weight: 400,
        bytes: include_bytes!("fonts/noto-sans-khmer-khmer-400-normal.woff2"),
        range: KHMER_RANGE,
        licence: KHMER_OFL,
    },
    Font {
        lang: "km",
        file: "noto-sans-khmer-khmer-700-normal.woff2",
        weight: 700,
        bytes: include_bytes!("fonts/noto-sans-khmer-khmer-700-normal.woff2"),
        range: KHMER_RANGE,
        licence: KHMER_OFL,
    },
    Font {
        lang: "lo",
        file: "noto-sans-lao-lao-400-normal.woff2",
        weight: 400,
        bytes: include_bytes!("fonts/noto-sans-lao-lao-400-normal.woff2"),
        range: LAO_RANGE,
        licence: LAO_OFL,
    },
    Font {
        lang: "lo",
        file: "noto-sans-lao-lao-700-normal.woff2",
        weight: 700,
        bytes: include_bytes!("fonts/noto-sans-lao-lao-700-normal.woff2"),
        range: LAO_RANGE,
        licence: LAO_OFL,
    },
];

/// The font files and licences for `langs`: (path relative to the screen's folder, bytes).
pub(super) fn files(langs: &[String]) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    for f in FONTS.iter().filter(|f| langs.iter().any(|l| l == f.lang)) {
        out.push((format!("assets/fonts/{}", f.file), f.bytes.to_vec()));
        let licence = format!("assets/fonts/{}", f.licence.0);
        if !out.iter().any(|(p, _)| *p == licence) {
            out.push((licence, f.licence.1.to_vec()));
        }
    }
    out
}

/// `@font-face` rules for `langs`, family `Mekong Screen`, URLs relative
/// to the screen's folder.
pub(super) fn css(langs: &[String]) -> String {
    FONTS
        .iter()
        .filter(|f| langs.iter().any(|l| l == f.lang))
        .map(|f| {
            format!(
                "@font-face{{font-family:\"Mekong Screen\";font-style:normal;font-weight:{};font-display:block;src:url(\"assets/fonts/{}\") format(\"woff2\");unicode-range:{}}}\n",
                f.weight, f.file, f.range
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_scripts_a_screen_shows_are_embedded_with_their_licence() {
        let names: Vec<String> = files(&["vi".into(), "km".into()])
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(
            names,
            [
                "assets/fonts/noto-sans-khmer-khmer-400-normal.woff2",
                "assets/fonts/OFL-noto-sans-khmer.txt",
                "assets/fonts/noto-sans-khmer-khmer-700-normal.woff2",
            ]
        );
        assert!(files(&["vi".into(), "en".into()]).is_empty());
        assert!(css(&["lo".into()]).contains("U+0E81-0EDF"));
    }
}
