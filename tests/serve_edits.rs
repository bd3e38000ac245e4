//! `mekong serve` shows every kind of edit an editor makes, saved the two
//! ways editors save: written in place, or written to a hidden temporary
//! file renamed over the original. Each test edits, then polls the pages
//! over HTTP until they show the change (never asserting on time: a
//! change that does not show fails at `server::DEADLINE`).
//!
//! Fixture: `tests/fixtures/i18n/` (vi at the root; tourism, vi, newest
//! first, two per page: nui-ba-ra 2026-03-10, ho-suoi-lam 2026-02-01, then
//! soc-bom-bo 2026-01-15 on page 2).

mod common;

use common::server::*;
use common::*;

#[test]
fn a_body_edit_shows_however_it_is_saved() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    for (i, how) in BOTH.into_iter().enumerate() {
        let mark = format!("BODY-{how:?}-{i}");
        let from = if i == 0 {
            "Di tích lịch sử.".to_owned()
        } else {
            "BODY-InPlace-0".to_owned()
        };
        edit(&site, "content/tourism/soc-bom-bo.md", &from, &mark, how);
        server.wait_contains("/tourism/soc-bom-bo/", &mark);
    }
}

#[test]
fn a_title_edit_shows_on_the_page_and_in_its_section_list() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    let mut old = "title: Hồ Suối Lam".to_owned();
    for how in BOTH {
        let new = format!("title: Hồ TITLE-{how:?}");
        edit(&site, "content/tourism/ho-suoi-lam.md", &old, &new, how);
        let mark = format!("TITLE-{how:?}");
        server.wait_contains("/tourism/ho-suoi-lam/", &mark);
        server.wait_contains("/tourism/", &mark);
        old = new;
    }
}

#[test]
fn a_title_edit_reaches_the_open_data_and_the_data_page() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    edit(
        &site,
        "content/tourism/ho-suoi-lam.md",
        "title: Hồ Suối Lam",
        "title: Hồ DATA-TITLE",
        Save::InPlace,
    );
    server.wait_contains("/data/articles.json", "Hồ DATA-TITLE");
    // The data page shows the new size of articles.csv (vi: a decimal comma).
    let csv = server.wait_contains("/data/articles.csv", "Hồ DATA-TITLE");
    let kb = format!("{} kB", (csv.len() as f64 / 100.0).round() / 10.0).replace('.', ",");
    server.wait_contains("/data/", &format!("<td>{kb}</td>"));
}

#[test]
fn a_unit_edit_of_the_original_reaches_its_translations_page_and_feeds() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    let mut old = "date: 2026-03-10".to_owned();
    // A unit added, then changed: the English version has none of its own.
    for (i, how) in BOTH.into_iter().enumerate() {
        let unit = format!("Tourism Board UNIT-{i}");
        let new = format!("date: 2026-03-10\nunit: {unit}");
        edit(&site, "content/tourism/nui-ba-ra.md", &old, &new, how);
        let author = format!("<author><name>{unit}</name></author>");
        server.wait_contains("/en/tourism/atom.xml", &author);
        server.wait_contains("/en/tourism/nui-ba-ra/", &unit);
        // The Lao feed (its two articles): the language's feed too.
        server.wait_contains("/lo/atom.xml", &author);
        old = new;
    }
}

#[test]
fn a_date_edit_moves_the_article_in_its_section_list() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    let first = |b: &str| article_links(b, "tourism").first().cloned();
    assert_eq!(
        first(&server.get("/tourism/").1).as_deref(),
        Some("/tourism/nui-ba-ra/")
    );
    // soc-bom-bo, last (page 2), becomes the newest.
    edit(
        &site,
        "content/tourism/soc-bom-bo.md",
        "date: 2026-01-15",
        "date: 2026-12-01",
        Save::Rename,
    );
    server.wait("/tourism/", "soc-bom-bo first", |s, b| {
        s == 200 && first(b).as_deref() == Some("/tourism/soc-bom-bo/")
    });
    // ho-suoi-lam was pushed to page 2.
    server.wait_contains("/tourism/page/2/", "href=\"/tourism/ho-suoi-lam/\"");
    // The feed (two entries) and the sitemap's date follow.
    server.wait_contains("/tourism/atom.xml", "/tourism/soc-bom-bo/");
    server.wait_contains("/sitemap.xml", "<lastmod>2026-12-01</lastmod>");
    server.wait_contains("/data/articles.json", "\"2026-12-01\"");
    // Back to the oldest, saved in place.
    edit(
        &site,
        "content/tourism/soc-bom-bo.md",
        "date: 2026-12-01",
        "date: 2020-01-01",
        Save::InPlace,
    );
    server.wait("/tourism/", "nui-ba-ra first again", |s, b| {
        s == 200 && first(b).as_deref() == Some("/tourism/nui-ba-ra/")
    });
    server.wait_contains("/tourism/page/2/", "href=\"/tourism/soc-bom-bo/\"");
    server.wait("/tourism/atom.xml", "soc-bom-bo out of the feed", |s, b| {
        s == 200 && !b.contains("/tourism/soc-bom-bo/")
    });
}

#[test]
fn a_date_edit_inside_the_first_list_page_keeps_the_second_right() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    // ho-suoi-lam (second, page 1) becomes the newest: page 1 swaps its
    // two articles, page 2 (soc-bom-bo) stays as it was.
    edit(
        &site,
        "content/tourism/ho-suoi-lam.md",
        "date: 2026-02-01",
        "date: 2026-04-01",
        Save::InPlace,
    );
    let order = |b: &str| article_links(b, "tourism");
    server.wait("/tourism/", "ho-suoi-lam, nui-ba-ra", |s, b| {
        s == 200 && order(b) == ["/tourism/ho-suoi-lam/", "/tourism/nui-ba-ra/"]
    });
    assert_eq!(
        order(&server.get("/tourism/page/2/").1),
        ["/tourism/soc-bom-bo/"]
    );
    // Its tag's page (du lịch: ho-suoi-lam, nui-ba-ra) follows too.
    server.wait("/tags/du-lich/", "ho-suoi-lam first", |s, b| {
        let at = |p: &str| b.find(&format!("href=\"{p}\""));
        s == 200 && at("/tourism/ho-suoi-lam/") < at("/tourism/nui-ba-ra/")
    });
}

#[test]
fn a_tag_taken_off_its_last_article_loses_its_page_and_comes_back() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    server.wait_contains("/tags/nui/", "href=\"/tourism/nui-ba-ra/\"");
    edit(
        &site,
        "content/tourism/nui-ba-ra.md",
        "tags: [du lịch, núi]",
        "tags: [du lịch]",
        Save::InPlace,
    );
    server.wait("/tags/nui/", "404", |s, _| s == 404);
    server.wait("/tags/", "no núi", |s, b| {
        s == 200 && !b.contains("/tags/nui/") && b.contains("/tags/du-lich/")
    });
    server.wait("/tourism/nui-ba-ra/", "no núi", |s, b| {
        s == 200 && !b.contains("/tags/nui/")
    });
    edit(
        &site,
        "content/tourism/nui-ba-ra.md",
        "tags: [du lịch]",
        "tags: [du lịch, núi]",
        Save::Rename,
    );
    server.wait_contains("/tags/nui/", "href=\"/tourism/nui-ba-ra/\"");
    server.wait_contains("/tags/", "/tags/nui/");
}

#[test]
fn deleting_the_last_article_of_a_tag_removes_the_tag_page() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    save(
        &site,
        "content/news/le-hoi.md",
        "---\ntitle: Lễ hội\ndate: 2026-05-01\ntags: [lễ hội, du lịch]\n---\n\nLễ hội.\n",
        Save::Rename,
    );
    server.wait_contains("/tags/le-hoi/", "href=\"/news/le-hoi/\"");
    server.wait_contains("/tags/du-lich/", "href=\"/news/le-hoi/\"");
    std::fs::remove_file(site.path("content/news/le-hoi.md")).expect("remove");
    server.wait("/tags/le-hoi/", "404", |s, _| s == 404);
    server.wait("/tags/", "no lễ hội", |s, b| {
        s == 200 && !b.contains("/tags/le-hoi/") && b.contains("/tags/du-lich/")
    });
    server.wait("/tags/du-lich/", "without le-hoi", |s, b| {
        s == 200 && !b.contains("/news/le-hoi/") && b.contains("/tourism/ho-suoi-lam/")
    });
}

#[test]
fn a_title_edit_reaches_the_open_data() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    server.wait_contains("/data/articles.json", "Hồ Suối Lam");
    edit(
        &site,
        "content/tourism/ho-suoi-lam.md",
        "title: Hồ Suối Lam",
        "title: Hồ DATA-TITLE",
        Save::Rename,
    );
    server.wait_contains("/data/articles.json", "Hồ DATA-TITLE");
    server.wait_contains("/data/articles.csv", "Hồ DATA-TITLE");
}

#[test]
fn a_tag_added_gets_its_page_listing_the_article() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    assert_eq!(server.get("/tags/lich-su/").0, 404);
    edit(
        &site,
        "content/tourism/soc-bom-bo.md",
        "date: 2026-01-15",
        "date: 2026-01-15\ntags: [lich-su]",
        Save::Rename,
    );
    server.wait_contains("/tags/lich-su/", "href=\"/tourism/soc-bom-bo/\"");
    server.wait_contains("/tourism/soc-bom-bo/", "/tags/lich-su/");
    // A second tag, saved in place; the first stays.
    edit(
        &site,
        "content/tourism/soc-bom-bo.md",
        "tags: [lich-su]",
        "tags: [lich-su, di-tich]",
        Save::InPlace,
    );
    server.wait_contains("/tags/di-tich/", "href=\"/tourism/soc-bom-bo/\"");
    server.wait_contains("/tags/lich-su/", "href=\"/tourism/soc-bom-bo/\"");
}

#[test]
fn a_new_article_saved_through_a_temporary_file_appears_and_goes() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    save(
        &site,
        "content/tourism/thac-mo.md",
        "---\ntitle: Thác Mơ NEW-TITLE\ndate: 2026-11-01\n---\n\nNEW-BODY\n",
        Save::Rename,
    );
    server.wait_contains("/tourism/thac-mo/", "NEW-BODY");
    server.wait_contains("/tourism/", "NEW-TITLE");
    std::fs::remove_file(site.path("content/tourism/thac-mo.md")).expect("remove");
    server.wait("/tourism/thac-mo/", "404", |s, _| s == 404);
    server.wait("/tourism/", "no NEW-TITLE", |s, b| {
        s == 200 && !b.contains("NEW-TITLE")
    });
}

#[test]
fn a_translation_added_gets_its_page_and_the_original_links_to_it() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    // `untranslated: hide`: no English page yet.
    assert_eq!(server.get("/en/tourism/soc-bom-bo/").0, 404);
    save(
        &site,
        "content/tourism/soc-bom-bo.en.md",
        "---\ntitle: Soc Bom Bo EN-TITLE\ndate: 2026-01-15\n---\n\nA historic site EN-BODY.\n",
        Save::Rename,
    );
    server.wait_contains("/en/tourism/soc-bom-bo/", "EN-BODY");
    // The oldest of three English articles: page 2 of the list.
    server.wait_contains("/en/tourism/page/2/", "EN-TITLE");
    server.wait_contains("/tourism/soc-bom-bo/", "hreflang=\"en\"");
}

#[test]
fn a_message_saved_through_a_temporary_file_shows() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    edit(
        &site,
        "locales/en/site.ftl",
        "site-title = Test Portal",
        "site-title = Test Portal MSG-EDIT",
        Save::Rename,
    );
    server.wait_contains("/en/tourism/ho-suoi-lam/", "MSG-EDIT");
    // Vietnamese has its own message.
    assert!(!server.get("/tourism/ho-suoi-lam/").1.contains("MSG-EDIT"));
}

#[test]
fn a_burst_of_saves_ends_showing_the_last() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    let mut old = "Di tích lịch sử.".to_owned();
    for i in 0..20 {
        let new = format!("BURST-{i:02}.");
        edit(
            &site,
            "content/tourism/soc-bom-bo.md",
            &old,
            &new,
            BOTH[i % 2],
        );
        old = new;
    }
    server.wait_contains("/tourism/soc-bom-bo/", "BURST-19.");
}

#[test]
fn deleting_an_article_another_links_to_is_a_broken_link_until_it_is_back() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    save(
        &site,
        "content/news/lien-ket.md",
        "---\ntitle: Liên kết\ndate: 2026-05-01\n---\n\nXem [Sóc Bom Bo](@/tourism/soc-bom-bo.md).\n",
        Save::Rename,
    );
    server.wait_contains("/news/lien-ket/", "href=\"/tourism/soc-bom-bo/\"");
    // The linking page's Markdown was kept from the last build; the link's
    // target going must still make it a broken link.
    let text = read(&site.path("content/tourism/soc-bom-bo.md"));
    let before = server.line_count();
    std::fs::remove_file(site.path("content/tourism/soc-bom-bo.md")).expect("remove");
    server.wait_line(before, "build failed");
    // Back: the build succeeds and the link leads to it again.
    let before = server.line_count();
    save(&site, "content/tourism/soc-bom-bo.md", &text, Save::Rename);
    server.wait_line(before, "rebuilt");
    server.wait_contains("/tourism/soc-bom-bo/", "Di tích lịch sử.");
    server.wait_contains("/news/lien-ket/", "href=\"/tourism/soc-bom-bo/\"");
}

/// The page an editor has open is rendered and written first after a
/// change that renders many pages (here a message every English page
/// shows): it is on disk no later than any other page of the rebuild.
#[test]
fn the_page_open_in_the_browser_is_rewritten_before_the_others() {
    let site = Site::new("i18n");
    let server = Server::start(&site);
    let viewed = "/en/tourism/ho-suoi-lam/";
    server.wait_contains(viewed, "Test Portal");
    let skip = server.line_count();
    edit(
        &site,
        "locales/en/site.ftl",
        "site-title = Test Portal",
        "site-title = Test Portal VIEWED-FIRST",
        Save::InPlace,
    );
    server.wait_contains(viewed, "VIEWED-FIRST");
    server.wait_line(skip, "rebuilt");
    let out = site.outside("out");
    let mtime = |p: &std::path::Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .expect("mtime")
    };
    let first = mtime(&out.join("en/tourism/ho-suoi-lam/index.html"));
    let rewritten: Vec<_> = html_files(&out.join("en"))
        .into_iter()
        .filter(|(_, html)| html.contains("VIEWED-FIRST"))
        .map(|(rel, _)| rel)
        .collect();
    assert!(rewritten.len() > 3, "{rewritten:?}");
    for rel in &rewritten {
        let t = mtime(&out.join("en").join(rel));
        assert!(t >= first, "en/{rel} was written before the open page");
    }
}
