//! `units:` in site.yaml: front matter `unit:` names a declared unit by id
//! (a name or a typo gets the id it means, at the file and line), and pages
//! show the unit's name in their own language.

mod common;

use common::*;

const UNITS: &str = "search: false\nunits:\n  so-ngoai-vu: { vi: Sở Ngoại vụ, en: Department of Foreign Affairs }\n  so-tttt:\n    vi: Sở Thông tin và Truyền thông\n";

fn site_with_units() -> Site {
    let site = Site::new("bad/minimal");
    site.edit_site_yaml("search: false\n", UNITS);
    site
}

fn article(unit: &str) -> String {
    format!("---\ntitle: Hợp tác với Lào\ndate: 2026-03-01\nunit: {unit}\n---\nNội dung.\n")
}

#[test]
fn a_mistyped_unit_id_is_an_error_at_its_line_with_did_you_mean() {
    let site = site_with_units();
    site.write("content/news/bad.md", article("so-ngoaivu"));
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/bad.md"),
        line: Some(4),
        message: &["so-ngoaivu", "site.yaml"],
        hint: &["did you mean `so-ngoai-vu`"],
    });
}

#[test]
fn a_unit_written_by_its_name_gets_the_id_to_write() {
    let site = site_with_units();
    site.write(
        "content/news/bad.md",
        article("Sở Thông tin và Truyền thông"),
    );
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/bad.md"),
        line: Some(4),
        hint: &["unit: so-tttt"],
        ..Default::default()
    });
}

#[test]
fn pages_show_the_unit_name_in_their_language_with_fallback() {
    let site = site_with_units();
    site.write("content/news/hop-tac.md", article("so-ngoai-vu"));
    site.write(
        "content/news/hop-tac.en.md",
        "---\ntitle: Cooperation with Laos\ndate: 2026-03-01\nunit: so-ngoai-vu\n---\nText.\n",
    );
    site.write(
        "content/news/tin.en.md",
        "---\ntitle: News\ndate: 2026-03-02\nunit: so-tttt\n---\nText.\n",
    );
    site.build_ok(&[]);
    assert!(site
        .read_public("news/hop-tac/index.html")
        .contains("Sở Ngoại vụ"));
    let en = site.read_public("en/news/hop-tac/index.html");
    assert!(en.contains("Department of Foreign Affairs"), "{en}");
    assert!(!en.contains("so-ngoai-vu"));
    // No English name: the English page falls back to the Vietnamese one.
    assert!(site
        .read_public("en/news/tin/index.html")
        .contains("Sở Thông tin và Truyền thông"));
}

#[test]
fn a_translation_without_a_unit_shows_its_originals_and_its_own_unit_wins() {
    let site = site_with_units();
    site.write("content/news/hop-tac.md", article("so-ngoai-vu"));
    site.write(
        "content/news/hop-tac.en.md",
        "---\ntitle: Cooperation with Laos\ndate: 2026-03-01\n---\nText.\n",
    );
    site.write("content/news/tin.md", article("so-ngoai-vu"));
    site.write(
        "content/news/tin.en.md",
        "---\ntitle: News\ndate: 2026-02-01\nunit: so-tttt\n---\nText.\n",
    );
    site.build_ok(&[]);
    let foreign = "Department of Foreign Affairs";
    let en = site.read_public("en/news/hop-tac/index.html");
    assert!(
        en.contains(foreign),
        "the page shows its group's unit: {en}"
    );
    let feed = site.read_public("en/atom.xml");
    assert!(
        feed.contains(&format!("<author><name>{foreign}</name></author>")),
        "{feed}"
    );
    let csv = site.read_public("data/articles.csv");
    assert!(
        csv.lines()
            .any(|l| l.contains("/en/news/hop-tac/") && l.contains("so-ngoai-vu")),
        "{csv}"
    );
    // The translation's own unit wins, on its page and in its feed entry.
    let own = site.read_public("en/news/tin/index.html");
    assert!(own.contains("Sở Thông tin và Truyền thông") && !own.contains(foreign));
    assert!(feed.contains("<author><name>Sở Thông tin và Truyền thông</name></author>"));
}
