//! URLs: the default language in its own folder with a language picker at
//! `/`, and a base_url with a sub-path (`https://example.org/portal/`) that
//! every link, permalink, sitemap entry and feed must carry.
//!
//! Fixture: `tests/fixtures/i18n/`.

mod common;

use common::*;
use std::collections::BTreeMap;

/// Every `href` and `src` value of every HTML file under `dir`.
fn links(dir: &std::path::Path) -> BTreeMap<String, Vec<String>> {
    html_files(dir)
        .into_iter()
        .map(|(file, html)| {
            let mut found = Vec::new();
            for key in ["href=\"", "src=\""] {
                let mut rest = html.as_str();
                while let Some(i) = rest.find(key) {
                    let after = &rest[i + key.len()..];
                    let end = after.find('"').unwrap_or(after.len());
                    found.push(after[..end].to_owned());
                    rest = &after[end..];
                }
            }
            (file, found)
        })
        .collect()
}

/// Links that leave the `/portal/` sub-path: root-relative ones without it,
/// and absolute ones to the site's host without it.
fn links_outside_portal(dir: &std::path::Path) -> Vec<String> {
    let mut bad = Vec::new();
    for (file, urls) in links(dir) {
        for u in urls {
            let root_relative = u.starts_with('/') && !u.starts_with("//");
            let own_host = u.starts_with("https://example.org") || u.starts_with("//example.org");
            if (root_relative && !u.starts_with("/portal/"))
                || (own_host && !u.starts_with("https://example.org/portal/"))
            {
                bad.push(format!("{file}: {u}"));
            }
        }
    }
    bad
}

fn assert_everything_under_portal(site: &Site) {
    let public = site.public();
    let html = html_files(&public);
    assert!(html.len() > 20, "the site was built: {} pages", html.len());
    let bad = links_outside_portal(&public);
    assert!(
        bad.is_empty(),
        "links outside /portal/ ({}):\n{}",
        bad.len(),
        bad.join("\n")
    );
    // Permalinks: canonical, hreflang, og:url.
    for (file, text) in &html {
        if let Some(c) = canonical(text) {
            assert!(
                c.starts_with("https://example.org/portal/"),
                "{file}: canonical {c}"
            );
        }
        for (lang, href) in hreflang_alternates(text) {
            assert!(
                href.starts_with("https://example.org/portal/"),
                "{file}: hreflang {lang} {href}"
            );
        }
    }
    let article = site.read_public("en/tourism/nui-ba-ra/index.html");
    assert_eq!(
        canonical(&article).as_deref(),
        Some("https://example.org/portal/en/tourism/nui-ba-ra/")
    );
    assert!(
        article.contains("content=\"https://example.org/portal/en/tourism/nui-ba-ra/\""),
        "og:url: {article}"
    );
    // Sitemap, robots.txt, feeds and redirects.
    let sitemap = site.read_public("sitemap.xml");
    let entries = sitemap_entries(&sitemap);
    assert!(!entries.is_empty());
    for loc in entries.keys() {
        assert!(
            loc.starts_with("https://example.org/portal/"),
            "sitemap: {loc}"
        );
    }
    for href in sitemap.split("href=\"").skip(1) {
        assert!(
            href.starts_with("https://example.org/portal/"),
            "sitemap: {href}"
        );
    }
    assert!(site
        .read_public("robots.txt")
        .contains("Sitemap: https://example.org/portal/sitemap.xml"));
    for feed in ["en/atom.xml", "en/tourism/atom.xml"] {
        let xml = site.read_public(feed);
        for link in feed_entry_links(&xml) {
            assert!(
                link.starts_with("https://example.org/portal/"),
                "{feed}: {link}"
            );
        }
        assert!(
            xml.contains(&format!("href=\"https://example.org/portal/{feed}\"")),
            "{feed} self link: {xml}"
        );
    }
}

#[test]
fn default_language_in_subdir_puts_it_in_its_own_folder_and_writes_a_language_picker() {
    let site = Site::new("i18n");
    site.edit_site_yaml(
        "default_language_in_subdir: false",
        "default_language_in_subdir: true",
    );
    site.build_ok(&[]);
    let vi = site.read_public("vi/tourism/nui-ba-ra/index.html");
    assert_eq!(html_lang(&vi).as_deref(), Some("vi"));
    assert_eq!(
        canonical(&vi).as_deref(),
        Some("https://portal.example.org/vi/tourism/nui-ba-ra/")
    );
    assert_eq!(
        language_links(&vi).get("en").map(String::as_str),
        Some("/en/tourism/nui-ba-ra/")
    );
    assert!(site.has_public("vi/index.html"));
    assert!(site.has_public("vi/atom.xml"));
    assert!(site.has_public("vi/tags/du-lich/index.html"));
    assert!(
        !site.has_public("tourism"),
        "nothing of vi left at the root"
    );
    assert!(!site.has_public("tags"), "nothing of vi left at the root");

    // `/` is a language picker linking every language.
    let picker = site.read_public("index.html");
    let picks = language_links(&picker);
    for lang in ["vi", "en", "lo", "km"] {
        assert_eq!(
            picks.get(lang),
            Some(&format!("/{lang}/")),
            "picker link for {lang}:\n{picker}"
        );
    }
    assert_eq!(
        hreflang_alternates(&picker)
            .get("x-default")
            .map(String::as_str),
        Some("https://portal.example.org/")
    );
    // Servers look for /404.html: it exists, in the default language.
    assert!(site.has_public("vi/404.html"));
    assert_eq!(
        html_lang(&site.read_public("404.html")).as_deref(),
        Some("vi")
    );
    // Sitemap and alternates use /vi/.
    let entries = sitemap_entries(&site.read_public("sitemap.xml"));
    assert!(entries.contains_key("https://portal.example.org/vi/tourism/nui-ba-ra/"));
    assert!(!entries.contains_key("https://portal.example.org/tourism/nui-ba-ra/"));
}

#[test]
fn base_url_from_the_command_line_puts_every_link_under_its_sub_path() {
    let site = Site::new("i18n");
    site.build_ok(&["--base-url", "https://example.org/portal/"]);
    assert_everything_under_portal(&site);
    // The alias redirects within the sub-path too.
    let alias = site.read_public("du-lich/ho-suoi-lam-cu/index.html");
    assert!(
        alias.contains("url=https://example.org/portal/tourism/ho-suoi-lam/"),
        "{alias}"
    );
}

#[test]
fn base_url_with_a_sub_path_in_site_yaml_puts_every_link_under_it() {
    let site = Site::new("i18n");
    site.edit_site_yaml(
        "base_url: https://portal.example.org/",
        "base_url: https://example.org/portal/",
    );
    site.build_ok(&[]);
    assert_everything_under_portal(&site);
    // Files stay at the top of the output folder: the host maps /portal/ to it.
    assert!(site.has_public("en/tourism/nui-ba-ra/index.html"));
    assert!(!site.has_public("portal"));
}

#[test]
fn base_url_with_a_sub_path_and_the_default_language_in_a_subdir_work_together() {
    let site = Site::new("i18n");
    site.edit_site_yaml(
        "default_language_in_subdir: false",
        "default_language_in_subdir: true",
    );
    site.edit_site_yaml(
        "base_url: https://portal.example.org/",
        "base_url: https://example.org/portal/",
    );
    site.build_ok(&[]);
    assert_everything_under_portal(&site);
    let picker = site.read_public("index.html");
    assert_eq!(
        language_links(&picker).get("vi").map(String::as_str),
        Some("/portal/vi/")
    );
    assert!(
        picker.contains("\"/portal/vi/\""),
        "script target: {picker}"
    );
}
