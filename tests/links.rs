//! Ordinary Markdown links: `.md` links (relative or `@/`) become the page's
//! URL in its language, root-relative links get the base path and must name
//! something the site publishes, same-page `#anchors` must name a heading,
//! a backslash path is an error with the fix, and external links stay as
//! written. Each is built with and without a sub-path `--base-url`.
//!
//! Fixtures: `tests/fixtures/links/` (every kind of link, all good) and
//! `tests/fixtures/bad/links/` (`bad/minimal` plus one mistake per class in
//! `content/news/bad.md`).

mod common;

use common::*;

const PORTAL: &str = "https://example.org/portal/";

/// Every `href` of `<a>` in the article body of a built page.
fn body_hrefs(html: &str) -> Vec<String> {
    tags(html, "a")
        .into_iter()
        .filter_map(|tag| attr(tag, "href"))
        .map(str::to_owned)
        .collect()
}

fn assert_hrefs(site: &Site, page: &str, want: &[&str]) {
    let html = site.read_public(page);
    let hrefs = body_hrefs(&html);
    for href in want {
        assert!(
            hrefs.iter().any(|h| h == href),
            "{page}: no href {href}; hrefs: {hrefs:#?}"
        );
    }
}

#[test]
fn every_kind_of_link_is_published_where_it_points_at_the_root() {
    let site = Site::new("links");
    let run = site.build_ok(&[]);
    assert_eq!(run.errors() + run.warnings(), 0, "{}", run.describe());
    assert_hrefs(
        &site,
        "news/links/index.html",
        &[
            "/investment/uu-dai-dau-tu/",
            "#giao-thong",
            "/investment/uu-dai-dau-tu/#uu-dai",
            "/files/bieu-mau.pdf",
            "mailto:info@example.vn",
            "tel:+842713879999",
            "https://example.com/tin",
            "../../investment/uu-dai-dau-tu/",
            "../ok/",
            "../",
        ],
    );
    assert_hrefs(
        &site,
        "en/news/links/index.html",
        &[
            "/en/investment/uu-dai-dau-tu/",
            "#transport",
            "/en/investment/uu-dai-dau-tu/#incentives",
        ],
    );
}

#[test]
fn every_kind_of_link_gets_the_sub_path_of_the_base_url() {
    let site = Site::new("links");
    let run = site.build_ok(&["--base-url", PORTAL]);
    assert_eq!(run.errors() + run.warnings(), 0, "{}", run.describe());
    let vi = "news/links/index.html";
    assert_hrefs(
        &site,
        vi,
        &[
            // `../investment/uu-dai-dau-tu.md` and `/investment/uu-dai-dau-tu/`.
            "/portal/investment/uu-dai-dau-tu/",
            "#giao-thong",
            "/portal/investment/uu-dai-dau-tu/#uu-dai",
            "/portal/files/bieu-mau.pdf",
            "mailto:info@example.vn",
            "tel:+842713879999",
            "https://example.com/tin",
        ],
    );
    let hrefs = body_hrefs(&site.read_public(vi));
    assert!(
        !hrefs
            .iter()
            .any(|h| h.starts_with("/investment/") || h.ends_with(".md")),
        "{hrefs:#?}"
    );
    // The image on the same page was already under the sub-path.
    assert!(site
        .read_public(vi)
        .contains("src=\"/portal/images/logo.svg\""));
    assert_hrefs(
        &site,
        "en/news/links/index.html",
        &[
            "/portal/en/investment/uu-dai-dau-tu/",
            "/portal/en/investment/uu-dai-dau-tu/#incentives",
        ],
    );
}

/// The four mistakes of `bad/links`, each at its line with its fix.
fn assert_each_mistake_located(run: &Run) {
    let bad = "content/news/bad.md";
    let cases: [(u64, &[&str], &[&str]); 4] = [
        (
            6,
            &["`../investment/uu-dai-dau-tu.md`", "no such article"],
            &["content/"],
        ),
        (
            8,
            &["`/new/ok/`", "publishes nothing"],
            &["did you mean `/news/ok/`"],
        ),
        (
            10,
            &["`images\\hero.jpg`", "write / instead of \\"],
            &["`images/hero.jpg`"],
        ),
        (
            12,
            &["`#giao-thog`", "no such heading"],
            &["did you mean `#giao-thong`"],
        ),
    ];
    for (line, message, hint) in cases {
        run.expect(&Expect {
            severity: "error",
            file: Some(bad),
            line: Some(line),
            message,
            hint,
        });
    }
    assert_eq!(run.errors(), 4, "{}", run.describe());
}

#[test]
fn broken_links_are_errors_at_their_line_with_the_fix() {
    let site = Site::new("bad/links");
    let run = site.build(&[]);
    run.assert_code(1);
    assert_each_mistake_located(&run);
    assert!(!site.public().exists(), "a failed build wrote public/");
}

#[test]
fn broken_links_are_found_under_a_sub_path_and_by_check_too() {
    let site = Site::new("bad/links");
    let run = site.build(&["--base-url", PORTAL]);
    run.assert_code(1);
    assert_each_mistake_located(&run);
    let check = site.check(&["--base-url", PORTAL]);
    check.assert_code(1);
    assert_each_mistake_located(&check);
}

#[test]
fn a_link_written_with_the_sub_path_already_is_kept() {
    let site = Site::new("links");
    site.write(
        "content/news/links.md",
        "---\ntitle: Đã có\ndate: 2026-01-12\n---\n\n[a](/portal/investment/uu-dai-dau-tu/)\n",
    );
    site.build_ok(&["--base-url", PORTAL]);
    assert_hrefs(
        &site,
        "news/links/index.html",
        &["/portal/investment/uu-dai-dau-tu/"],
    );
}

#[test]
fn an_anchor_on_a_link_to_a_translations_file_is_checked_in_that_language() {
    let site = Site::new("links");
    site.write(
        "content/news/links.en.md",
        "---\ntitle: Kinds of links\ndate: 2026-01-12\n---\n\n[a](../investment/uu-dai-dau-tu.en.md#incentive)\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/links.en.md"),
        line: Some(6),
        message: &["`#incentive`", "no such heading in `en`"],
        hint: &["did you mean `#incentives`"],
    });
    assert_eq!(run.errors(), 1, "{}", run.describe());
}

/// A relative link starts from the page's address (`/news/tin/`), as the
/// browser reads it; editors often write it from the article's file
/// (`../investment/` from content/news/tin.md). Where it leads to nothing
/// it is an error at its line, with the path to write; at the root and
/// under a sub-path (the base path does not change a relative link), in
/// the default language and in English (whose pages are one folder deeper).
#[test]
fn a_relative_link_that_leads_nowhere_from_the_page_is_an_error_with_the_path_to_write() {
    for base_url in [None, Some(PORTAL)] {
        let site = Site::new("links");
        site.write(
            "content/news/tin.md",
            "---\ntitle: Tin\ndate: 2026-01-13\n---\n\nXem [ưu đãi](../investment/uu-dai-dau-tu/) và [tin](../ok/).\n",
        );
        site.write(
            "content/news/tin.en.md",
            "---\ntitle: News\ndate: 2026-01-13\n---\n\nSee [incentives](../../investment/uu-dai-dau-tu/).\n",
        );
        let args: Vec<&str> = base_url.map(|b| vec!["--base-url", b]).unwrap_or_default();
        let run = site.build(&args);
        run.assert_code(1);
        let d = run.expect(&Expect {
            severity: "error",
            file: Some("content/news/tin.md"),
            line: Some(6),
            message: &[
                "../investment/uu-dai-dau-tu/",
                "/news/investment/uu-dai-dau-tu/",
            ],
            hint: &["/investment/uu-dai-dau-tu/"],
        });
        assert_eq!(d.col, Some(5), "{}", run.describe());
        // From /en/news/tin/, `../../investment/…/` is /en/investment/…/.
        assert_eq!(run.errors(), 1, "{}", run.describe());
    }
}
