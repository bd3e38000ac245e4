//! Lists sorted by title or name follow the language's alphabet, not code
//! points: a new user's Vietnamese place names came out with every title
//! starting `Á`, `Ê`, `Đ`, `Ấ`… after `Zô`.
//!
//! Fixture `tests/fixtures/collation/`: a Vietnamese site whose `places`
//! section has `sort_by: title` and thirteen articles (dated in another
//! order), six tags, and a site `index.html` that lists the section with
//! `pages(section="places", sort="title")`.

mod common;

use common::*;

/// Vietnamese order: A Ă Â B … D Đ E Ê … O Ô Ơ … U Ư …, tones after the
/// letter; word by word (`Ủ Lò` before `Uông Bí`).
const VI_ORDER: &str = "An Giang | Ánh Dương | Ấp Bắc | Ba Ra | Dầu Tiếng | Đà Lạt | Eo Gió | \
                        Ê Đê | Ô Môn | Ơ Lo | Ủ Lò | Uông Bí | Zô";

/// The texts between `open` and the next `close`, in order.
fn between<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.split(open)
        .skip(1)
        .filter_map(|rest| rest.split(close).next())
        .collect()
}

/// The titles of the article cards of a list page, in order.
fn card_titles(html: &str) -> String {
    between(html, "<h2><a href=\"", "</a>")
        .iter()
        .filter_map(|s| s.split("\">").nth(1))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn a_section_sorted_by_title_is_in_vietnamese_alphabetical_order() {
    let site = Site::new("collation");
    site.build_ok(&[]);
    let html = site.read_public("places/index.html");
    assert_eq!(card_titles(&html), VI_ORDER);
}

#[test]
fn pages_sorted_by_title_in_a_template_are_in_the_same_order() {
    let site = Site::new("collation");
    site.build_ok(&[]);
    let html = site.read_public("index.html");
    let list = html
        .split("<ol id=\"by-title\">")
        .nth(1)
        .expect("the fixture's index lists the section");
    assert_eq!(between(list, "<li>", "</li>").join(" | "), VI_ORDER);
}

#[test]
fn the_tag_list_is_in_vietnamese_alphabetical_order() {
    let site = Site::new("collation");
    site.build_ok(&[]);
    let html = site.read_public("tags/index.html");
    let list = between(&html, "<ul class=\"terms", "</ul>");
    let names: Vec<&str> = between(
        list.first().expect("a tag list"),
        "<li><a href=\"",
        " <span",
    )
    .iter()
    .filter_map(|s| s.split("\">").nth(1))
    .collect();
    // By slug (the old order) `Ấp` (ap) came first and `Ơ` (o) after
    // `Đồng Xoài` (dong-xoai).
    assert_eq!(
        names.join(" | "),
        "An Lộc | Ấp | Bù Đăng | Đồng Xoài | Ơ | Zô"
    );
}

#[test]
fn two_builds_give_the_same_bytes() {
    let site = Site::new("collation");
    let (a, b) = (site.outside("a"), site.outside("b"));
    site.build_ok(&["--output", path_str(&a)]);
    site.build_ok(&["--output", path_str(&b)]);
    assert_eq!(snapshot(&a), snapshot(&b));
}
