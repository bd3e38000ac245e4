//! A time written without a zone is in the site's time zone (`timezone:`,
//! `+07:00` unless set): an editor's `date: 2026-12-01 09:30` was published
//! as 09:30 UTC, seven hours late. A date alone stays a calendar day.
//! The zone may be an IANA name (`Asia/Ho_Chi_Minh`), with the offset of
//! each date; lists and feeds order dates by instant, whatever their zone.
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

/// The three-line site with `timezone: ZONE` (written as is) in site.yaml.
fn in_zone(site: &Site, zone: &str) {
    site.write(
        "site.yaml",
        format!(
            "title: T\nbase_url: https://tinh.example.org/\nlanguages: [{{ code: vi, name: V }}]\n\
             timezone: {zone}\n"
        ),
    );
}

#[test]
fn a_bad_time_zone_is_an_error_on_its_line() {
    let site = Site::new("three-line");
    in_zone(&site, "\"7\"");
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        line: Some(4),
        message: &["timezone: 7", "neither a time zone name nor an offset"],
        hint: &[
            "Asia/Ho_Chi_Minh",
            "Asia/Vientiane",
            "Asia/Phnom_Penh",
            "+07:00",
        ],
    });
}

#[test]
fn the_regions_time_zone_names_are_accepted() {
    for zone in [
        "Asia/Ho_Chi_Minh",
        "Asia/Vientiane",
        "Asia/Phnom_Penh",
        "Asia/Bangkok",
    ] {
        let site = with_article("2026-12-01 09:30");
        in_zone(&site, zone);
        site.build_ok(&[]);
        assert_eq!(published(&site), "2026-12-01T09:30:00+07:00", "{zone}");
    }
    let site = with_article("2026-12-01 09:30");
    in_zone(&site, "UTC");
    site.build_ok(&[]);
    assert_eq!(published(&site), "2026-12-01T09:30:00Z");
}

#[test]
fn a_zone_with_summer_time_gives_each_date_its_own_offset() {
    for (date, want) in [
        ("2026-01-15 09:30", "2026-01-15T09:30:00+01:00"),
        ("2026-07-15 09:30", "2026-07-15T09:30:00+02:00"),
    ] {
        let site = with_article(date);
        in_zone(&site, "Europe/Paris");
        site.build_ok(&[]);
        assert_eq!(published(&site), want, "{date}");
    }
}

#[test]
fn a_misspelt_time_zone_name_is_an_error_with_did_you_mean() {
    let site = Site::new("three-line");
    in_zone(&site, "Asia/Ho_Chi_Min");
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        line: Some(4),
        message: &["timezone: Asia/Ho_Chi_Min"],
        hint: &["did you mean `timezone: Asia/Ho_Chi_Minh`?"],
    });
    assert_eq!(run.errors(), 1, "{}", run.describe());
}

#[test]
fn lists_and_feeds_sort_dates_written_in_different_zones_by_their_instant() {
    let site = Site::new("three-line");
    // 01:00 UTC, though it reads later than the next one.
    site.write(
        "content/news/bai-a.md",
        "---\ntitle: Bài Alpha\ndate: 2026-01-01T08:00:00+07:00\n---\n\nA.\n",
    );
    // 02:00 UTC: the newest.
    site.write(
        "content/news/bai-b.md",
        "---\ntitle: Bài Beta\ndate: 2026-01-01T02:00:00Z\n---\n\nB.\n",
    );
    // A day alone starts at midnight in the site's zone: 2025-12-31T17:00Z, the oldest.
    site.write(
        "content/news/bai-c.md",
        "---\ntitle: Bài Gamma\ndate: 2026-01-01\n---\n\nC.\n",
    );
    site.build_ok(&[]);
    let order = |text: &str| {
        let mut at: Vec<(usize, &str)> = ["Alpha", "Beta", "Gamma"]
            .into_iter()
            .map(|t| (text.find(&format!("Bài {t}")).expect(t), t))
            .collect();
        at.sort();
        at.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
    };
    let list = site.read_public("news/index.html");
    assert_eq!(order(&list), ["Beta", "Alpha", "Gamma"], "{list}");
    let feed = site.read_public("atom.xml");
    assert_eq!(order(&feed), ["Beta", "Alpha", "Gamma"], "{feed}");
}
