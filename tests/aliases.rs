//! Aliases (`aliases:` in front matter, old URLs that redirect to a page):
//! one old URL can redirect to one page only. Two files with the same
//! alias, one file listing an alias twice, or an alias that is a page's own
//! URL are errors naming the files, the alias and the fix — never a panic —
//! in `mekong build` and in `mekong check`.
//!
//! Fixtures: `tests/fixtures/bad/duplicate-alias*/`, the minimal bad-input
//! site (`content/news/ok.md`) plus `content/news/bad.md`.

mod common;

use common::*;

/// `content/news/ok.md` lists `/tin-cu/le-hoi/` on line 5; `bad.md`, which
/// comes first, on line 3.
const DUPLICATE: &str = "bad/duplicate-alias";

fn duplicate_alias_error<'a>() -> Expect<'a> {
    Expect {
        severity: "error",
        file: Some("content/news/ok.md"),
        line: Some(5),
        message: &["/tin-cu/le-hoi/", "content/news/bad.md"],
        hint: &["remove the alias from one of"],
    }
}

#[test]
fn two_articles_with_the_same_alias_fail_the_build_naming_both_files() {
    let site = Site::new(DUPLICATE);
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&duplicate_alias_error());
    assert!(!site.public().exists(), "a failed build wrote public/");
}

#[test]
fn two_articles_with_the_same_alias_fail_the_check_naming_both_files() {
    let run = Site::new(DUPLICATE).check(&[]);
    run.assert_code(1);
    run.expect(&duplicate_alias_error());
}

#[test]
fn an_alias_listed_twice_in_one_file_is_an_error_on_its_line() {
    let run = Site::new("bad/duplicate-alias-in-one-file").build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/bad.md"),
        line: Some(5),
        message: &["/tin-cu/le-hoi", "twice"],
        hint: &["remove one"],
    });
}

#[test]
fn an_alias_that_is_a_page_url_names_the_alias_line_and_the_page_file() {
    let run = Site::new("bad/alias-collides").check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/bad.md"),
        line: Some(3),
        message: &["/news/ok/", "content/news/ok.md"],
        hint: &["remove the alias"],
    });
}

#[test]
fn removing_the_duplicate_alias_makes_the_site_build_with_one_redirect() {
    let site = Site::new(DUPLICATE);
    site.write(
        "content/news/ok.md",
        "---\ntitle: Bài viết mẫu\ndate: 2026-01-10\n---\n\n## Lịch sử hình thành\n\nNội dung mẫu.\n",
    );
    site.build_ok(&[]);
    let redirect = site.read_public("tin-cu/le-hoi/index.html");
    assert!(redirect.contains("/news/bad/"), "{redirect}");
}
