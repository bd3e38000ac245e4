//! The playlist of one screen: its [`Item`]s in; per article a slide (its
//! window, its photo sized to the screen's width, and per language the
//! title, one or two lines and a QR code to the article on the portal), the
//! ticker line per language, and the names of every asset, out.

use super::package::qr_svg;
use super::playlist::Item;
use crate::config::{Screen, Window};
use crate::diagnostics::Diagnostic;
use crate::i18n::Locales;
use crate::images::{Images, Picture};
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// `playlist.json`.
#[derive(Serialize)]
pub(super) struct Playlist {
    schema: &'static str,
    /// Changes with every change of what the screen plays.
    pub(super) version: String,
    screen: String,
    pub(super) width: u32,
    pub(super) height: u32,
    seconds: u32,
    refresh_seconds: u32,
    pub(super) languages: Vec<String>,
    ticker: BTreeMap<String, String>,
    /// "Scan to read on" beside the QR code, per language (`screen-scan`).
    scan: BTreeMap<String, String>,
    /// Every file below `assets/` the slides use (the service worker keeps these).
    pub(super) assets: Vec<String>,
    /// The fonts' `@font-face` rules as data: a new build's are loaded
    /// before its playlist is taken (their files are named by content).
    fonts: Vec<crate::fonts::FaceRule>,
    slides: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    id: String,
    #[serde(skip_serializing_if = "is_always")]
    window: Window,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<Photo>,
    text: BTreeMap<String, Text>,
}

fn is_always(w: &Window) -> bool {
    *w == Window::default()
}

#[derive(Serialize)]
struct Photo {
    src: String,
    width: u32,
    height: u32,
}

#[derive(Serialize)]
struct Text {
    title: String,
    lines: Vec<String>,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    qr: Option<String>,
}

/// A screen's playlist and the files it needs.
pub(super) struct Made {
    pub(super) playlist: Playlist,
    /// QR codes and fonts: (path relative to the screen's folder, SVG).
    pub(super) assets: Vec<(String, Vec<u8>)>,
    /// Photos, planned at `screens/NAME/assets/…`.
    pub(super) pictures: Vec<Arc<Picture>>,
    /// The `@font-face` rules of its fonts.
    pub(super) font_css: String,
}

/// A screen's fonts: one family the player's style names, loaded before
/// the text is drawn (no empty boxes on a board), beside the other assets.
const FONTS: crate::fonts::Style = crate::fonts::Style {
    family: Some("Mekong Screen"),
    display: "block",
    hashed: true,
    url_prefix: "assets/fonts/",
};

pub(super) fn make(
    site: &Site,
    locales: &Locales,
    images: &Images,
    screen: &Screen,
    items: &[Item<'_>],
) -> (Made, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let dir = format!("screens/{}/", screen.name);
    let mut assets: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut pictures: Vec<Arc<Picture>> = Vec::new();
    let mut slides = Vec::new();
    let has_origin = !site.config.origin.is_empty();
    for item in items {
        let lead = item
            .pages
            .iter()
            .find_map(|(_, p)| p.rendered.lead.as_ref());
        let image = lead.and_then(|lead| {
            match images.sized(lead.source_path(), &format!("{dir}assets/"), screen.width) {
                Ok(p) => {
                    let photo = Photo {
                        src: p.fallback.path.trim_start_matches(&dir).to_owned(),
                        width: p.fallback.width,
                        height: p.fallback.height,
                    };
                    pictures.push(p);
                    Some(photo)
                }
                Err(why) => {
                    let file =
                        crate::diagnostics::display_path(&site.config.root, lead.source_path());
                    diags.push(
                        Diagnostic::warning(
                            file,
                            crate::msg!(
                                "screens.photo-left-out",
                                screen = &screen.name,
                                why = crate::messages::Message::from(why)
                            ),
                        )
                        .hint(crate::msg!("screens.photo-left-out.hint")),
                    );
                    None
                }
            }
        });
        let mut text = BTreeMap::new();
        for (lang, page) in &item.pages {
            let url = site.permalink(&page.path);
            let qr = if has_origin {
                let name = format!(
                    "assets/qr-{}.svg",
                    &blake3::hash(url.as_bytes()).to_hex()[..16]
                );
                assets.insert(name.clone(), qr_svg(&url).into_bytes());
                Some(name)
            } else {
                None
            };
            let lines = site
                .source(page)
                .and_then(|s| s.front.description.clone())
                .map(|d| vec![d])
                .unwrap_or_default();
            text.insert(
                lang.to_string(),
                Text {
                    title: page.title.clone(),
                    lines,
                    url,
                    qr,
                },
            );
        }
        slides.push(Slide {
            id: item.id.clone(),
            window: item.window.clone(),
            image,
            text,
        });
    }
    if !has_origin && !items.is_empty() {
        diags.push(
            Diagnostic::warning(
                PathBuf::from("site.yaml"),
                crate::msg!("screens.no-qr", screen = &screen.name),
            )
            .hint(crate::msg!("screens.no-qr.hint")),
        );
    }
    let mut ticker = BTreeMap::new();
    if let Some(key) = &screen.ticker {
        for lang in &screen.languages {
            match locales.message(lang, key, None) {
                Ok(Some(t)) => {
                    ticker.insert(lang.to_string(), t);
                }
                _ => diags.push(
                    Diagnostic::warning(
                        PathBuf::from("site.yaml"),
                        crate::msg!(
                            "screens.no-ticker",
                            screen = &screen.name,
                            key = key,
                            lang = lang.as_str()
                        ),
                    )
                    .hint(crate::msg!(
                        "screens.no-ticker.hint",
                        key = key,
                        lang = lang.as_str()
                    )),
                ),
            }
        }
    }
    let scan: BTreeMap<String, String> = screen
        .languages
        .iter()
        .filter_map(|l| {
            let text = locales.message(l, "screen-scan", None).ok().flatten()?;
            Some((l.to_string(), text))
        })
        .collect();
    let langs: Vec<String> = screen.languages.iter().map(|l| l.to_string()).collect();
    // Every word the screen shows: its fonts keep only these letters.
    let shown = serde_json::to_string(&(&slides, &ticker, &scan)).unwrap_or_default();
    let fonts = crate::fonts::embed(langs.iter().map(String::as_str), &FONTS, Some(&shown));
    for why in &fonts.whole {
        diags.push(
            Diagnostic::warning(
                PathBuf::from("site.yaml"),
                crate::msg!(
                    "screens.font-whole",
                    screen = &screen.name,
                    why = why.as_str()
                ),
            )
            .hint(crate::msg!("screens.font-whole.hint")),
        );
    }
    assets.extend(
        (fonts.files.into_iter()).map(|(name, bytes)| (format!("assets/fonts/{name}"), bytes)),
    );
    let mut names: Vec<String> = assets.keys().cloned().collect();
    for p in &pictures {
        let rel = p.fallback.path.trim_start_matches(&dir).to_owned();
        if !names.contains(&rel) {
            names.push(rel);
        }
    }
    names.sort();
    let mut playlist = Playlist {
        schema: "mekong-screen/1",
        version: String::new(),
        screen: screen.name.clone(),
        width: screen.width,
        height: screen.height,
        seconds: screen.seconds,
        refresh_seconds: screen.refresh_minutes * 60,
        languages: langs,
        ticker,
        scan,
        assets: names,
        fonts: fonts.faces,
        slides,
    };
    let text = serde_json::to_string(&playlist).unwrap_or_default();
    playlist.version = blake3::hash(text.as_bytes()).to_hex()[..16].to_owned();
    let made = Made {
        playlist,
        assets: assets.into_iter().collect(),
        pictures,
        font_css: fonts.css,
    };
    (made, diags)
}
