//! Border-gate screens: `screens:` of `site.yaml` and the resolved site in;
//! per screen, a self-contained player below `/screens/NAME/` (`index.html`
//! with the playlist inline, `playlist.json`, a service worker, the player's
//! script and style, photos sized for the screen and QR codes in `assets/`,
//! every link relative) and the same files as an HTML package,
//! `/screens/NAME.zip`, out.
//!
//! Two steps, because photos are made by the image pipeline in between:
//! [`plan`] picks the articles and plans their photos (the session has the
//! pipeline make them with the site's), then [`outputs`] writes the text
//! files and the ZIP, which copies the photos from the image cache.
//!
//! Inside: `playlist` picks the articles, `slides` turns them into the
//! playlist, `package` writes QR codes and the ZIP, `player` the page
//! (with the Khmer and Lao fonts of [`crate::fonts`]).

mod package;
mod player;
mod playlist;
mod slides;

use crate::config::Screen;
use crate::diagnostics::Diagnostic;
use crate::i18n::Locales;
use crate::images::{Images, Picture};
use crate::output::{Output, OutputData};
use crate::site::Site;
use std::sync::Arc;

/// One screen, planned: its files (path below its folder, bytes) and photos.
pub(crate) struct Planned {
    name: String,
    /// Text files below `screens/NAME/`, relative to it.
    files: Vec<(String, Vec<u8>)>,
    /// Its photos, at `screens/NAME/assets/…`.
    pictures: Vec<Arc<Picture>>,
}

impl Planned {
    /// The photos the image pipeline must make for this screen.
    pub(crate) fn pictures(&self) -> &[Arc<Picture>] {
        &self.pictures
    }
}

/// Every configured screen, planned; errors for `show:` entries that name
/// nothing of the site.
pub(crate) fn plan(
    site: &Site,
    locales: &Locales,
    images: &Images,
) -> (Vec<Planned>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if site.config.screens.is_empty() {
        return (Vec::new(), diags);
    }
    let yaml = std::fs::read_to_string(site.config.root.join("site.yaml")).ok();
    let mut planned = Vec::new();
    for screen in &site.config.screens {
        let (items, d) = playlist::items(site, screen, yaml.as_deref());
        diags.extend(d);
        let (made, d) = slides::make(site, locales, images, screen, &items);
        diags.extend(d);
        planned.push(screen_files(screen, made));
    }
    (planned, diags)
}

fn screen_files(screen: &Screen, made: slides::Made) -> Planned {
    let mut files = made.assets;
    let playlist = made.playlist;
    files.push((
        "playlist.json".into(),
        (serde_json::to_string_pretty(&playlist).unwrap_or_default() + "\n").into_bytes(),
    ));
    files.extend(player::files(screen, &playlist, &made.font_css));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Planned {
        name: screen.name.clone(),
        files,
        pictures: made.pictures,
    }
}

/// The text files of every screen and its ZIP. The photos themselves are
/// published by the image pipeline; the ZIP copies them from its cache, so
/// it is made only when `make` (a build that writes files: `check` claims
/// the path with an empty file).
pub(crate) fn outputs(
    planned: &[Planned],
    images: &Images,
    make: bool,
) -> (Vec<Output>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for p in planned {
        let dir = format!("screens/{}/", p.name);
        for (rel, bytes) in &p.files {
            out.push(Output {
                path: format!("{dir}{rel}"),
                data: OutputData::Bytes(bytes.clone()),
            });
        }
        let zip = if make {
            let (photos, _) = images.outputs(&p.pictures);
            match package::zip(&dir, &p.files, &photos) {
                Ok(z) => z,
                Err(e) => {
                    diags.push(
                        Diagnostic::error(
                            None,
                            crate::msg!(
                                "screens.cannot-zip",
                                name = &p.name,
                                error = e.to_string()
                            ),
                        )
                        .hint(crate::msg!("screens.cannot-zip.hint")),
                    );
                    continue;
                }
            }
        } else {
            Vec::new()
        };
        out.push(Output {
            path: format!("screens/{}.zip", p.name),
            data: OutputData::Bytes(zip),
        });
    }
    (out, diags)
}
