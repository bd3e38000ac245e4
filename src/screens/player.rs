//! The player's files: `index.html` (the playlist inline, so the page plays
//! without fetching anything, even opened from disk), `player.js`,
//! `player.css` and `sw.js` (the service worker, stamped with the build so
//! a new build installs a new worker and its cache).

use super::slides::Playlist;
use crate::config::Screen;
use crate::html::escape;

const SCRIPT: &str = include_str!("player/player.js");
const STYLE: &str = include_str!("player/player.css");
const WORKER: &str = include_str!("player/sw.js");

/// A transparent 1×1 GIF: the `src` of a slide's images before it is filled.
const BLANK: &str =
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

/// The player's files of `screen`: (path relative to its folder, bytes).
pub(super) fn files(screen: &Screen, playlist: &Playlist, fonts: &str) -> Vec<(String, Vec<u8>)> {
    let json = serde_json::to_string(playlist)
        .unwrap_or_default()
        // Inline in a <script>: no `</script>` or `<!--` can end it early.
        .replace('<', "\\u003c");
    let first = playlist.languages.first().map_or("en", String::as_str);
    let layout = if playlist.width >= playlist.height {
        "landscape"
    } else {
        "portrait"
    };
    // HTML requires `src` on an <img>: until the player fills a slide its
    // images hold a transparent pixel, inline, so nothing is fetched.
    let slide = format!("<section class=\"slide\"><div class=\"photo\"><img src=\"{BLANK}\" alt=\"\" hidden></div><div class=\"copy\"><div class=\"text\"><h1 class=\"title\"></h1><p class=\"line\"></p></div><div class=\"foot\"><img class=\"qr\" src=\"{BLANK}\" alt=\"\" hidden><p class=\"scan\"></p></div></div></section>");
    let index = format!(
        "<!DOCTYPE html>\n<html lang=\"{first}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{name}</title>\n<link rel=\"stylesheet\" href=\"player.css\">\n<style>{fonts}</style>\n</head>\n<body class=\"{layout}\">\n<main id=\"stage\">{slide}{slide}<div class=\"idle\" hidden></div></main>\n<div class=\"ticker\"><p></p></div>\n<script type=\"application/json\" id=\"playlist\">{json}</script>\n<script src=\"player.js\"></script>\n</body>\n</html>\n",
        name = escape(&screen.name),
    );
    let build = blake3::hash(format!("{}{SCRIPT}{STYLE}{WORKER}", playlist.version).as_bytes())
        .to_hex()[..16]
        .to_owned();
    let assets = serde_json::to_string(&playlist.assets).unwrap_or_else(|_| "[]".into());
    let worker = WORKER
        .replace("'__BUILD__'", &format!("'{build}'"))
        .replace("__ASSETS__", &assets);
    vec![
        ("index.html".into(), index.into_bytes()),
        ("player.css".into(), STYLE.as_bytes().to_vec()),
        ("player.js".into(), SCRIPT.as_bytes().to_vec()),
        ("sw.js".into(), worker.into_bytes()),
    ]
}
