//! A time written without a zone is in the site's time zone (`timezone:`,
//! `+07:00` unless set): an editor's `date: 2026-12-01 09:30` was published
//! as 09:30 UTC, seven hours late. A date alone stays a calendar day.
//!
//! Fixture `tests/fixtures/three-line/` with articles written by the tests.

mod common;

use common::*;

fn with_article(date: &str) -> Site {
    let site = Site::new("three-line");
    site.write(
        "content/news/hop-bao.md",
        format!("---\ntitle: Họp báo\ndate: {date}\n---\n\nNội dung.\n"),
    );
    site
}

/// The `<published>` of the feed entry of `hop-bao`.
fn published(site: &Site) -> String {
    let feed = site.read_public("atom.xml");
    let entry = feed
        .split("<entry")
        .find(|e| e.contains("hop-bao"))
        .expect("the article is in the feed");
    entry
        .split("<published>")
        .nth(1)
        .and_then(|s| s.split("</published>").next())
        .expect("a published date")
        .to_owned()
}

#[test]
fn a_time_without_a_zone_is_in_vietnam_time_by_default() {
    for written in ["2026-12-01 09:30", "2026-12-01T09:30:00"] {
        let site = with_article(written);
        site.build_ok(&[]);
        assert_eq!(published(&site), "2026-12-01T09:30:00+07:00", "{written}");
    }
}

#[test]
fn the_site_time_zone_is_set_in_site_yaml() {
    let site = with_article("2026-12-01 09:30");
    site.write(
        "site.yaml",
        "title: T\nbase_url: https://tinh.example.org/\nlanguages: [{ code: vi, name: V }]\n\
         timezone: \"-03:30\"\n",
    );
    site.build_ok(&[]);
    assert_eq!(published(&site), "2026-12-01T09:30:00-03:30");
}

#[test]
fn a_zone_written_with_the_time_and_a_date_alone_are_kept() {
    let site = with_article("2026-12-01T09:30:00Z");
    site.build_ok(&[]);
    assert_eq!(published(&site), "2026-12-01T09:30:00Z");
    let site = with_article("2026-12-01");
    site.build_ok(&[]);
    assert_eq!(published(&site), "2026-12-01T00:00:00Z");
}

#[test]
fn a_bad_time_zone_is_an_error_on_its_line() {
    let site = Site::new("three-line");
    site.write(
        "site.yaml",
        "title: T\nbase_url: https://tinh.example.org/\nlanguages: [{ code: vi, name: V }]\n\
         timezone: Asia/Ho_Chi_Minh\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        line: Some(4),
        message: &["timezone: Asia/Ho_Chi_Minh"],
        hint: &["+07:00"],
    });
}
