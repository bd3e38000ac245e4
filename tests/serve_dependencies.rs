//! `mekong serve` renders again only the pages that read what an edit of
//! messages, templates or static files changed. Each test removes the
//! output files of a few pages while the server runs, then edits: a page
//! rendered again is written again (the server writes a file that is
//! missing), a page not rendered stays missing. After each edit the output
//! is a fresh `mekong build`'s, but for the pages removed on purpose.
//!
//! Fixture: `tests/fixtures/i18n/` (vi at the root, en, lo and km falling
//! back to en then vi; `site-slogan`, shown only on home pages, is defined
//! only in vi).

mod common;

use common::server::*;
use common::*;
use std::path::{Path, PathBuf};

/// A vi and an en article, the vi and en tourism lists (page 1 of 2), homes.
const VI_ARTICLE: &str = "tourism/ho-suoi-lam/index.html";
const EN_ARTICLE: &str = "en/tourism/ho-suoi-lam/index.html";
const VI_LIST: &str = "tourism/index.html";
const EN_LIST: &str = "en/tourism/index.html";
const VI_HOME: &str = "index.html";
const EN_HOME: &str = "en/index.html";

/// The site's server writing into a folder beside the site.
fn serve(site: &Site) -> (Server, PathBuf) {
    let server = Server::start(site);
    server.wait_contains("/en/", "<html");
    (server, site.outside("out"))
}

/// Removes page files from the output, then runs `edit` and waits until
/// the server has rebuilt.
fn removed_then_edited(server: &Server, out: &Path, pages: &[&str], edit: impl FnOnce()) {
    for p in pages {
        std::fs::remove_file(out.join(p)).unwrap_or_else(|e| panic!("remove {p}: {e}"));
    }
    let before = server.line_count();
    edit();
    server.wait_line(before, "rebuilt in");
}

/// Whether the server wrote the page again.
fn written(out: &Path, page: &str) -> bool {
    out.join(page).is_file()
}

/// The output is a fresh build's (at the server's address), but for
/// `missing` (removed on purpose and not rendered again since).
fn same_as_a_fresh_build(site: &Site, server: &Server, out: &Path, missing: &[&str]) {
    let fresh = site.outside("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    let base_url = format!("http://127.0.0.1:{}/", server.port);
    site.build_ok(&["--output", path_str(&fresh), "--base-url", &base_url]);
    let mut want = snapshot(&fresh);
    for m in missing {
        assert!(want.remove(*m).is_some(), "{m} is not a page of the site");
    }
    let mut got = snapshot(out);
    for own in [".mekong-output", ".mekong-preview"] {
        want.remove(own);
        got.remove(own);
    }
    let differ: Vec<&String> = want
        .keys()
        .chain(got.keys())
        .filter(|k| want.get(*k) != got.get(*k))
        .collect();
    assert!(differ.is_empty(), "differ from a fresh build: {differ:?}");
}

#[test]
fn a_message_only_articles_show_renders_the_articles_of_its_languages_only() {
    let site = Site::new("i18n");
    let (server, out) = serve(&site);
    removed_then_edited(&server, &out, &[EN_ARTICLE, EN_LIST, VI_ARTICLE], || {
        let file = "locales/en/site.ftl";
        let text = read(&site.path(file));
        save(
            &site,
            file,
            &format!("{text}published = PUB-EDIT\n"),
            Save::Rename,
        );
    });
    server.wait_contains("/en/tourism/ho-suoi-lam/", "PUB-EDIT");
    assert!(written(&out, EN_ARTICLE));
    // The list does not show the message, Vietnamese has its own.
    assert!(!written(&out, EN_LIST), "the en list was rendered again");
    assert!(
        !written(&out, VI_ARTICLE),
        "the vi article was rendered again"
    );
    same_as_a_fresh_build(&site, &server, &out, &[EN_LIST, VI_ARTICLE]);
}

#[test]
fn a_default_language_message_reaches_the_languages_falling_back_to_it() {
    let site = Site::new("i18n");
    let (server, out) = serve(&site);
    removed_then_edited(&server, &out, &[EN_HOME, EN_ARTICLE, VI_LIST], || {
        edit(
            &site,
            "locales/vi/site.ftl",
            "site-slogan = Cổng thông tin thử nghiệm",
            "site-slogan = SLOGAN-EDIT",
            Save::InPlace,
        );
    });
    // English has no slogan of its own: it shows the Vietnamese one.
    server.wait_contains("/en/", "SLOGAN-EDIT");
    server.wait_contains("/", "SLOGAN-EDIT");
    assert!(!written(&out, EN_ARTICLE), "an article was rendered again");
    assert!(!written(&out, VI_LIST), "a list was rendered again");
    same_as_a_fresh_build(&site, &server, &out, &[EN_ARTICLE, VI_LIST]);
}

/// Copies a template of the built-in theme into the site's `templates/`.
fn own_template(site: &Site, name: &str) {
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    site.write(&format!("templates/{name}"), read(&theme.join(name)));
}

#[test]
fn a_template_included_by_lists_only_renders_the_lists() {
    let site = Site::new("i18n");
    own_template(&site, "pager.html");
    let (server, out) = serve(&site);
    removed_then_edited(&server, &out, &[VI_LIST, VI_ARTICLE, EN_ARTICLE], || {
        edit(
            &site,
            "templates/pager.html",
            "<nav class=\"pager\"",
            "<i class=\"PAGER-EDIT\"></i><nav class=\"pager\"",
            Save::Rename,
        );
    });
    server.wait_contains("/tourism/", "PAGER-EDIT");
    assert!(!written(&out, VI_ARTICLE), "an article was rendered again");
    assert!(!written(&out, EN_ARTICLE), "an article was rendered again");
    same_as_a_fresh_build(&site, &server, &out, &[VI_ARTICLE, EN_ARTICLE]);
}

#[test]
fn a_base_layout_change_renders_every_page() {
    let site = Site::new("i18n");
    own_template(&site, "base.html");
    let (server, out) = serve(&site);
    let pages = [VI_ARTICLE, EN_ARTICLE, VI_LIST, EN_LIST, VI_HOME, EN_HOME];
    removed_then_edited(&server, &out, &pages, || {
        edit(
            &site,
            "templates/base.html",
            "<body",
            "<body data-base-edit",
            Save::InPlace,
        );
    });
    server.wait_contains("/en/tourism/ho-suoi-lam/", "data-base-edit");
    for p in pages {
        assert!(written(&out, p), "{p} was not rendered again");
    }
    same_as_a_fresh_build(&site, &server, &out, &[]);
}

#[test]
fn a_photo_replaced_renders_the_page_showing_it_and_not_the_others() {
    let site = Site::new("i18n");
    let photos = fixtures_dir().join("images");
    let photo = |name: &str| std::fs::read(photos.join(name)).expect("read fixture photo");
    site.write("static/images/p.jpg", photo("rotated.jpg"));
    edit(
        &site,
        "content/tourism/ho-suoi-lam.en.md",
        "\n---\n",
        "\n---\n\n![The lake](/images/p.jpg)\n",
        Save::InPlace,
    );
    let (server, out) = serve(&site);
    let page = "/en/tourism/ho-suoi-lam/";
    let shown = server.wait_contains(page, "alt=\"The lake\"");
    // Not its translation: that one links to it, and renders when it changes.
    let other = "en/news/hoi-cho-hat-dieu/index.html";
    removed_then_edited(&server, &out, &[EN_ARTICLE, VI_LIST, other], || {
        site.write("static/images/p.jpg", photo("gps.jpg"));
    });
    server.wait_contains(page, "width=\"200\" height=\"100\" alt=\"The lake\"");
    assert!(!shown.contains("width=\"200\" height=\"100\""), "{shown}");
    assert!(
        !written(&out, VI_LIST),
        "a page without the photo was rendered again"
    );
    assert!(
        !written(&out, other),
        "a page without the photo was rendered again"
    );
    same_as_a_fresh_build(&site, &server, &out, &[VI_LIST, other]);
}
