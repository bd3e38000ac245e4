//! Border-gate screens (`screens:` in site.yaml): the player folder, its
//! playlist, QR codes, photos sized for the screen, the ZIP package, and the
//! errors of a screen that names nothing of the site. What a browser shows
//! (rotation, offline, overflow, fonts) is in tests/browser.rs.

mod common;

use common::{Expect, Site};
use std::io::Read;

fn playlist(site: &Site, name: &str) -> serde_json::Value {
    serde_json::from_str(&site.read_public(&format!("screens/{name}/playlist.json")))
        .expect("playlist.json is JSON")
}

#[test]
fn each_screen_gets_a_player_folder_with_its_playlist_photos_and_qr_codes() {
    let site = Site::new("screens");
    site.build_ok(&[]);
    let p = playlist(&site, "gate");
    assert_eq!(p["schema"], "mekong-screen/1");
    assert_eq!(
        (p["width"].as_u64(), p["height"].as_u64()),
        (Some(1280), Some(720))
    );
    assert_eq!(p["languages"], serde_json::json!(["vi", "en", "km"]));
    assert_eq!(p["ticker"]["km"], "សូមស្វាគមន៍មកកាន់ប៊ិញភឿក");
    let slides = p["slides"].as_array().expect("slides");
    let ids: Vec<&str> = slides.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "news/cua-khau/index.md",
            "news/hoi-nghi.md",
            "archive/expired.md",
            "archive/future.md"
        ]
    );
    // The gate article: its photo at most the screen's width, a QR code per language.
    let gate = &slides[0];
    let src = gate["image"]["src"].as_str().expect("a photo");
    assert!(src.starts_with("assets/") && src.ends_with(".jpg"), "{src}");
    assert!(gate["image"]["width"].as_u64() <= Some(1280));
    assert!(site.has_public(&format!("screens/gate/{src}")));
    for lang in ["vi", "en", "km"] {
        let text = &gate["text"][lang];
        assert!(text["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://example.org/")));
        let qr = text["qr"].as_str().expect("a QR code");
        let svg = site.read_public(&format!("screens/gate/{qr}"));
        assert!(svg.contains("<svg") && svg.contains("<path"), "{qr}");
    }
    // Only real translations: the expired article has no Khmer version.
    assert!(slides[2]["text"].get("km").is_none());
    assert_eq!(slides[2]["window"]["to"], "2020-01-31");
    assert_eq!(slides[3]["window"]["from"], "2099-01-01");
    // Every asset the playlist names is there.
    for a in p["assets"].as_array().expect("assets") {
        let a = a.as_str().expect("a path");
        assert!(site.has_public(&format!("screens/gate/{a}")), "{a}");
    }
    let tall = playlist(&site, "tall");
    assert_eq!(tall["languages"], serde_json::json!(["vi", "lo"]));
}

#[test]
fn the_player_links_only_relatively_and_carries_its_playlist() {
    let site = Site::new("screens");
    site.build_ok(&[]);
    let index = site.read_public("screens/gate/index.html");
    for attr in common::tags(&index, "script")
        .into_iter()
        .chain(common::tags(&index, "link"))
        .filter_map(|t| common::attr(t, "src").or_else(|| common::attr(t, "href")))
    {
        assert!(!attr.starts_with('/') && !attr.contains("://"), "{attr}");
    }
    let version = playlist(&site, "gate")["version"]
        .as_str()
        .expect("version")
        .to_owned();
    assert!(
        index.contains(&version),
        "the playlist is inline in index.html"
    );
    let worker = site.read_public("screens/gate/sw.js");
    assert!(!worker.contains("__BUILD__") && !worker.contains("__ASSETS__"));
    // index.html holds the articles' URLs as data (for the QR codes), never as links.
    for file in ["player.js", "sw.js", "player.css"] {
        let text = site.read_public(&format!("screens/gate/{file}"));
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{file} names another site"
        );
    }
}

#[test]
fn the_zip_holds_the_folder_with_index_html_at_its_root() {
    let site = Site::new("screens");
    site.build_ok(&[]);
    let bytes = std::fs::read(site.public().join("screens/gate.zip")).expect("the ZIP");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let folder = site.public().join("screens/gate");
    let mut on_disk: Vec<String> = walkdir::WalkDir::new(&folder)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&folder)
                .expect("below")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    on_disk.sort();
    let mut names: Vec<String> = zip.file_names().flatten().map(|n| n.into_owned()).collect();
    names.sort();
    assert_eq!(names, on_disk);
    for name in &names {
        let mut entry = zip.by_name(name).expect("entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        assert_eq!(
            data,
            std::fs::read(folder.join(name)).expect("file"),
            "{name}"
        );
    }
    // The same bytes on a second build.
    let first = std::fs::read(site.public().join("screens/gate.zip")).expect("zip");
    site.build_ok(&[]);
    assert_eq!(
        first,
        std::fs::read(site.public().join("screens/gate.zip")).expect("zip")
    );
}

#[test]
fn a_screen_that_names_a_missing_section_is_an_error_on_its_line() {
    let site = Site::new("screens");
    site.edit_site_yaml(
        "      - section: news\n      - article",
        "      - section: newz\n      - article",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        line: Some(19),
        message: &["`newz`", "does not exist"],
        hint: &["did you mean `news`?"],
    });
}

#[test]
fn a_bad_window_is_named_with_its_fix() {
    let site = Site::new("screens");
    site.edit_site_yaml("to: 2020-01-31", "to: 2019-12-31");
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        line: None,
        message: &["ends (2019-12-31) before it starts (2020-01-01)"],
        hint: &["swap"],
    });
}
