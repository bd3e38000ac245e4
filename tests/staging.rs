//! Guarantees of the write: a failed build leaves the previous output as it
//! was; mekong refuses output folders that hold files it did not write, the
//! site itself and its sources; a rebuild reuses unchanged files.
//!
//! Fixture: `tests/fixtures/i18n/`.

mod common;

use common::*;
use std::fs;

/// `(written, unchanged)` from the summary line `... (N written, M unchanged)`.
fn write_counts(run: &Run) -> (usize, usize) {
    let s = run.summary();
    let tail = s
        .rsplit_once('(')
        .map(|(_, t)| t.trim_end_matches(')').to_owned())
        .unwrap_or_else(|| panic!("no counts in the summary `{s}`"));
    let mut written = None;
    let mut unchanged = None;
    for part in tail.split(',') {
        let mut words = part.split_whitespace();
        let n: Option<usize> = words.next().and_then(|n| n.parse().ok());
        match words.next() {
            Some("written") => written = n,
            Some("unchanged") => unchanged = n,
            _ => {}
        }
    }
    (
        written.unwrap_or_else(|| panic!("no `written` count in `{s}`")),
        unchanged.unwrap_or_else(|| panic!("no `unchanged` count in `{s}`")),
    )
}

/// Entries of the site folder's parent and the site folder that look like
/// staging litter (`.public.mekong-staging`, `.public.mekong-old`).
fn staging_litter(site: &Site) -> Vec<String> {
    let mut found = Vec::new();
    for dir in [site.root.clone(), site.tmp.path().to_path_buf()] {
        for e in fs::read_dir(&dir).expect("read dir").flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains("mekong-") {
                found.push(format!("{}/{name}", dir.display()));
            }
        }
    }
    found
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = Site::new("i18n");
    site.build_ok(&[]);
    let before = snapshot(&site.public());
    assert!(before.contains_key("tourism/nui-ba-ra/index.html"));

    // A good change and a broken link in the same build.
    site.write(
        "content/tourism/nui-ba-ra.md",
        "---\ntitle: Núi Bà Rá (đã sửa)\ndate: 2026-03-10\n---\n\nNội dung mới.\n\n## Đường lên đỉnh\n\nCáp treo.\n",
    );
    site.write(
        "content/news/hong.md",
        "---\ntitle: Liên kết hỏng\ndate: 2026-01-01\n---\n\nXem [đây](@/tourism/khong-co.md).\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/hong.md"),
        line: Some(6),
        message: &["@/tourism/khong-co.md"],
        ..Default::default()
    });
    let after = snapshot(&site.public());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same files"
    );
    assert!(
        before == after,
        "the previous output was modified by a failed build"
    );
    assert!(
        staging_litter(&site).is_empty(),
        "staging folders left behind: {:?}",
        staging_litter(&site)
    );
}

#[test]
fn a_failed_first_build_writes_nothing() {
    let site = Site::new("i18n");
    site.write(
        "content/news/hong.md",
        "---\ntitle: Liên kết hỏng\n---\n\n[x](@/nowhere.md)\n",
    );
    site.build(&[]).assert_code(1);
    assert!(!site.public().exists(), "public/ created by a failed build");
    assert!(
        staging_litter(&site).is_empty(),
        "{:?}",
        staging_litter(&site)
    );
}

#[test]
fn a_non_empty_folder_mekong_did_not_write_is_refused_unless_forced() {
    let site = Site::new("i18n");
    let out = site.outside("www");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("important.txt"), "the web team's file").expect("write");

    let run = site.build(&["--output", path_str(&out)]);
    run.assert_code(1);
    let d = run.expect(&Expect {
        severity: "error",
        message: &["did not write"],
        hint: &["--force"],
        ..Default::default()
    });
    assert!(d.message.contains("www"), "names the folder: {}", d.message);
    assert_eq!(
        fs::read_to_string(out.join("important.txt")).expect("still there"),
        "the web team's file"
    );
    assert!(!out.join("index.html").exists(), "nothing was written");

    site.build(&["--output", path_str(&out), "--force"])
        .assert_ok();
    assert!(out.join("index.html").is_file());
    assert!(
        out.join(".mekong-output").is_file(),
        "the marker is written"
    );
}

#[test]
fn an_empty_existing_folder_is_accepted() {
    let site = Site::new("i18n");
    let out = site.outside("empty");
    fs::create_dir_all(&out).expect("mkdir");
    site.build(&["--output", path_str(&out)]).assert_ok();
    assert!(out.join("en/index.html").is_file());
}

#[test]
fn building_into_the_site_root_or_its_sources_is_refused_even_with_force() {
    let site = Site::new("i18n");
    let before = snapshot(&site.root);
    let root = site.root.clone();
    for (out, why) in [
        (root.clone(), "site itself"),
        (root.join("content"), "content/"),
        (root.join("content/tourism"), "content/"),
        (root.join("locales"), "locales/"),
        (site.tmp.path().to_path_buf(), "site itself"),
    ] {
        for force in [false, true] {
            let mut args = vec!["--output", path_str(&out)];
            if force {
                args.push("--force");
            }
            let run = site.build(&args);
            run.assert_code(1);
            run.expect(&Expect {
                severity: "error",
                message: &["refusing", why],
                ..Default::default()
            });
        }
    }
    assert!(
        before == snapshot(&site.root),
        "the site's files were changed by a refused build"
    );
    assert!(
        staging_litter(&site).is_empty(),
        "{:?}",
        staging_litter(&site)
    );
}

#[test]
fn a_second_build_reports_unchanged_files() {
    let site = Site::new("i18n");
    let first = site.build_ok(&[]);
    let (written, unchanged) = write_counts(&first);
    assert!(
        written > 50,
        "first build writes everything: {}",
        first.summary()
    );
    assert_eq!(unchanged, 0, "{}", first.summary());

    let second = site.build_ok(&[]);
    assert_eq!(
        write_counts(&second),
        (0, written),
        "nothing changed: {}",
        second.summary()
    );

    // One article changed: its page, lists, feeds and sitemap are rewritten.
    site.write(
        "content/news/mua-mua.md",
        "---\ntitle: Mùa mưa năm nay\ndate: 2026-04-10\n---\n\nMùa mưa đã đến sớm.\n",
    );
    let third = site.build_ok(&[]);
    let (w3, u3) = write_counts(&third);
    assert!(
        w3 > 0 && w3 < 15,
        "a few files rewritten: {}",
        third.summary()
    );
    assert_eq!(w3 + u3, written, "{}", third.summary());
    assert!(site
        .read_public("news/mua-mua/index.html")
        .contains("Mùa mưa đã đến sớm."));
}

#[test]
fn files_of_a_removed_article_vanish_from_the_output() {
    let site = Site::new("i18n");
    site.build_ok(&[]);
    assert!(site.has_public("news/mua-mua/index.html"));
    fs::remove_file(site.path("content/news/mua-mua.md")).expect("remove");
    site.build_ok(&[]);
    assert!(!site.has_public("news/mua-mua"), "stale page left behind");
    assert!(!site.read_public("sitemap.xml").contains("mua-mua"));
}

#[test]
fn a_file_added_to_the_output_by_hand_is_not_silently_deleted() {
    // "mekong never deletes anything outside its output folder and refuses an
    // output folder that holds files it did not write": the marker lists
    // every file mekong wrote, so a file that is not in it is someone else's.
    let site = Site::new("i18n");
    site.build_ok(&[]);
    fs::write(
        site.public().join("google1234.html"),
        "google-site-verification",
    )
    .expect("write");
    let run = site.build(&[]);
    let kept = site.public().join("google1234.html").is_file();
    assert!(
        run.code == 1 && kept,
        "expected a refusal that keeps public/google1234.html; exit code {}, file kept: {kept}\n{}",
        run.code,
        run.describe()
    );
}
