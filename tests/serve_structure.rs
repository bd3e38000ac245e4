//! `mekong serve` after edits that add or remove pages (a new article, a
//! translation, a deleted article): the pages and lists show it, and the
//! output folder after a sequence of such edits is, byte for byte, what
//! `mekong build` writes from the same files.
//!
//! Fixture: `tests/fixtures/i18n/` (vi at the root; tourism, vi, newest
//! first, two per page: nui-ba-ra 2026-03-10, ho-suoi-lam 2026-02-01, then
//! soc-bom-bo 2026-01-15 on page 2; en: nui-ba-ra, ho-suoi-lam).

mod common;

use common::server::*;
use common::*;

const NEWEST: &str =
    "---\ntitle: Thác Mơ NEWEST\ndate: 2026-12-01\ntags: [waterfall-new]\n---\n\nA waterfall.\n";

/// Saves `text` at `rel` (or removes it, with `None`) and waits until the
/// server has rebuilt after it (or reported the build failed).
fn change_and_wait(site: &Site, server: &Server, rel: &str, text: Option<&str>) {
    let before = server.line_count();
    match text {
        Some(t) => save(site, rel, t, Save::Rename),
        None => std::fs::remove_file(site.path(rel)).expect("remove"),
    }
    server.wait_line(before, "rebuilt");
}

#[test]
fn a_new_newest_article_moves_the_pagination_and_brings_its_tag() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    save(&site, "content/tourism/thac-mo.md", NEWEST, Save::InPlace);
    let first = server.wait_contains("/tourism/", "NEWEST");
    assert_eq!(
        article_links(&first, "tourism"),
        ["/tourism/thac-mo/", "/tourism/nui-ba-ra/"]
    );
    // Page 2 now starts with what was the second article of page 1.
    server.wait("/tourism/page/2/", "ho-suoi-lam then soc-bom-bo", |s, b| {
        s == 200 && article_links(b, "tourism") == ["/tourism/ho-suoi-lam/", "/tourism/soc-bom-bo/"]
    });
    // A new tag: its page, and the tag list names it.
    server.wait_contains("/tags/waterfall-new/", "/tourism/thac-mo/");
    server.wait_contains("/tags/", "/tags/waterfall-new/");
    std::fs::remove_file(site.path("content/tourism/thac-mo.md")).expect("remove");
    server.wait("/tags/waterfall-new/", "404", |s, _| s == 404);
    server.wait("/tourism/page/2/", "only soc-bom-bo", |s, b| {
        s == 200 && article_links(b, "tourism") == ["/tourism/soc-bom-bo/"]
    });
}

#[test]
fn a_translation_added_then_removed_comes_and_goes_on_its_siblings() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    save(
        &site,
        "content/tourism/soc-bom-bo.en.md",
        "---\ntitle: Soc Bom Bo EN-TITLE\ndate: 2026-01-15\n---\n\nEN-BODY.\n",
        Save::InPlace,
    );
    server.wait_contains("/en/tourism/soc-bom-bo/", "EN-BODY");
    // The original names its English version (not only the English list).
    server.wait_contains("/tourism/soc-bom-bo/", "/en/tourism/soc-bom-bo/");
    server.wait_contains("/en/tourism/page/2/", "EN-TITLE");
    std::fs::remove_file(site.path("content/tourism/soc-bom-bo.en.md")).expect("remove");
    server.wait("/en/tourism/soc-bom-bo/", "404", |s, _| s == 404);
    // The Vietnamese page no longer offers an English version, and the
    // English list has one page again.
    server.wait("/tourism/soc-bom-bo/", "no English version", |s, b| {
        s == 200 && !b.contains("/en/tourism/soc-bom-bo/")
    });
    server.wait("/en/tourism/page/2/", "404", |s, _| s == 404);
}

#[test]
fn a_deleted_article_linked_by_url_is_reported_on_the_linking_page() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    change_and_wait(
        &site,
        &server,
        "content/news/lien-ket.md",
        Some("---\ntitle: Liên kết\ndate: 2026-05-01\n---\n\nXem [Sóc](/tourism/soc-bom-bo/).\n"),
    );
    server.wait_contains("/news/lien-ket/", "href=\"/tourism/soc-bom-bo/\"");
    let before = server.line_count();
    std::fs::remove_file(site.path("content/tourism/soc-bom-bo.md")).expect("remove");
    server.wait_line(before, "build failed");
}

#[test]
fn after_pages_come_and_go_the_output_is_a_fresh_builds() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    server.wait_contains("/tourism/", "nui-ba-ra");
    let steps: [(&str, Option<&str>); 7] = [
        ("content/tourism/thac-mo.md", Some(NEWEST)),
        (
            "content/tourism/soc-bom-bo.en.md",
            Some("---\ntitle: Soc Bom Bo EN\ndate: 2026-01-15\ntags: [heritage]\n---\n\nEN.\n"),
        ),
        (
            "content/news/tin-moi.md",
            Some("---\ntitle: Tin mới\ndate: 2025-01-01\n---\n\nXem [Thác Mơ](@/tourism/thac-mo.md).\n"),
        ),
        ("content/news/mua-mua.md", None),
        ("content/news/doan-khach-lao.lo.md", None),
        ("content/tourism/soc-bom-bo.en.md", None),
        (
            "content/tourism/a-dau.md",
            Some("---\ntitle: A đầu\ndate: 2026-02-01\n---\n\nSame date as ho-suoi-lam.\n"),
        ),
    ];
    for (rel, text) in steps {
        change_and_wait(&site, &server, rel, text);
    }
    // Edits in place too: the oldest article dated to the top, the title
    // of one shown under "more in this section" on every article.
    for (rel, from, to) in [
        (
            "content/tourism/soc-bom-bo.md",
            "date: 2026-01-15",
            "date: 2027-01-15",
        ),
        (
            "content/tourism/nui-ba-ra.md",
            "title: Núi Bà Rá",
            "title: Núi Bà Rá MỚI",
        ),
    ] {
        let before = server.line_count();
        edit(&site, rel, from, to, Save::InPlace);
        server.wait_line(before, "rebuilt");
    }
    let fresh = site.outside("fresh");
    // `serve` publishes at its own address.
    let base = format!("http://127.0.0.1:{}/", server.port);
    site.build_ok(&["--output", path_str(&fresh), "--base-url", &base]);
    let differences = differences(&site.outside("out"), &fresh);
    assert!(differences.is_empty(), "{differences:?}");
}

/// How the output folder of `serve` differs from a build's (none: the
/// same files, byte for byte).
fn differences(out: &std::path::Path, fresh: &std::path::Path) -> Vec<String> {
    let mut served = snapshot(out);
    let mut built = snapshot(fresh);
    // `serve`'s mark on its folder (README, "One writer at a time, preview
    // output never deployed").
    served.remove(".mekong-preview");
    // The manifest: `serve` rewrites it when files come or go, not for an
    // edit that only changes contents; the files it lists must agree.
    let listed = |t: &mut std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        let text = String::from_utf8(t.remove(".mekong-output").unwrap_or_default());
        let text = text.expect("the manifest is text");
        text.lines()
            .filter_map(|l| l.split_once(' ').map(|(_, path)| path.to_owned()))
            .collect()
    };
    let mut found = Vec::new();
    let (served_listed, built_listed) = (listed(&mut served), listed(&mut built));
    if served_listed != built_listed {
        found.push(format!(
            "the manifest's files: {served_listed:?} against {built_listed:?}"
        ));
    }
    let names = |t: &std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        t.keys().cloned().collect()
    };
    if names(&served) != names(&built) {
        found.push(format!(
            "the files: {:?} against {:?}",
            names(&served),
            names(&built)
        ));
    }
    found.extend(
        built
            .iter()
            .filter(|(path, bytes)| served.get(*path).is_some_and(|b| b != *bytes))
            .map(|(p, _)| format!("{p} differs")),
    );
    found
}

/// An article of the tourism section dated `n` days into 2020 (older than
/// the fixture's own).
fn filler(n: usize) -> String {
    format!(
        "---\ntitle: Bài {n}\ndate: 2020-{:02}-{:02}\ntags: [filler]\n---\n\nBài số {n}.\n",
        1 + n / 28 % 12,
        1 + n % 28
    )
}

#[test]
fn edits_saved_while_the_last_one_still_renders_end_as_a_fresh_build() {
    let site = Site::new("i18n");
    // A section long enough that the rest of a rebuild (its list pages,
    // the sitemap, the open data) is still being written when the next
    // save comes: the pages not begun are left to the next rebuild.
    for n in 0..300 {
        let rel = format!("content/tourism/bai-{n:03}.md");
        std::fs::write(site.path(&rel), filler(n)).expect("write a filler article");
    }
    let server = Server::start(&site);
    server.wait_contains("/tourism/", "nui-ba-ra");
    // Each save as soon as the page it makes shows, as an editor goes on.
    save(&site, "content/tourism/thac-mo.md", NEWEST, Save::Rename);
    server.wait_contains("/tourism/thac-mo/", "NEWEST");
    save(
        &site,
        "content/tourism/bai-150.en.md",
        &filler(150),
        Save::InPlace,
    );
    server.wait_contains("/en/tourism/bai-150/", "Bài số 150");
    std::fs::remove_file(site.path("content/tourism/bai-010.md")).expect("remove");
    server.wait("/tourism/bai-010/", "404", |s, _| s == 404);
    edit(
        &site,
        "content/tourism/bai-200.md",
        "date: 2020-",
        "date: 2029-",
        Save::InPlace,
    );
    server.wait("/tourism/", "bai-200 first", |s, b| {
        s == 200
            && article_links(b, "tourism").first().map(String::as_str) == Some("/tourism/bai-200/")
    });
    std::fs::remove_file(site.path("content/tourism/thac-mo.md")).expect("remove");
    server.wait("/tourism/thac-mo/", "404", |s, _| s == 404);
    let fresh = site.outside("fresh");
    let base = format!("http://127.0.0.1:{}/", server.port);
    site.build_ok(&["--output", path_str(&fresh), "--base-url", &base]);
    // What was left for later is written once no edit comes in.
    let start = std::time::Instant::now();
    loop {
        let found = differences(&site.outside("out"), &fresh);
        if found.is_empty() {
            break;
        }
        assert!(start.elapsed() < DEADLINE, "{found:?}");
        std::thread::sleep(POLL);
    }
}
