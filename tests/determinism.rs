//! The same input gives byte-identical output: every file, whatever the
//! number of threads, wherever the site and the output folder are.

mod common;

use common::*;
use std::collections::BTreeMap;

fn assert_same_trees(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let names_a: Vec<&String> = a.keys().collect();
    let names_b: Vec<&String> = b.keys().collect();
    assert_eq!(names_a, names_b, "the two builds wrote different files");
    let differing: Vec<&String> = a
        .iter()
        .filter(|(path, bytes)| b.get(*path) != Some(*bytes))
        .map(|(p, _)| p)
        .collect();
    assert!(
        differing.is_empty(),
        "files differ between two builds of the same input: {differing:?}"
    );
}

#[test]
fn two_builds_of_the_same_site_are_byte_identical() {
    let site = Site::new("i18n");
    let a = site.outside("out-a");
    let b = site.outside("out-b");
    // One thread, then many: the order of parallel work must not show.
    site.build_env(&["--output", path_str(&a)], &[("RAYON_NUM_THREADS", "1")])
        .assert_ok();
    site.build_env(&["--output", path_str(&b)], &[("RAYON_NUM_THREADS", "8")])
        .assert_ok();
    let (ta, tb) = (snapshot(&a), snapshot(&b));
    assert!(ta.len() > 50, "the site was built: {} files", ta.len());
    assert_same_trees(&ta, &tb);
}

#[test]
fn two_builds_with_fallback_copies_and_drafts_are_byte_identical() {
    let site = Site::new("i18n");
    site.edit_site_yaml("untranslated: hide", "untranslated: fallback");
    let a = site.outside("out-a");
    let b = site.outside("out-b");
    site.build(&["--drafts", "--output", path_str(&a)])
        .assert_ok();
    site.build(&["--drafts", "--output", path_str(&b)])
        .assert_ok();
    assert_same_trees(&snapshot(&a), &snapshot(&b));
}

#[test]
fn the_output_does_not_depend_on_where_the_site_or_the_output_folder_is() {
    let one = Site::new("i18n");
    let two = Site::new("i18n");
    one.build_ok(&[]);
    let elsewhere = two.outside("deeply/nested/output");
    two.build(&["--output", path_str(&elsewhere)]).assert_ok();
    assert_same_trees(&snapshot(&one.public()), &snapshot(&elsewhere));
}

#[test]
fn a_rebuild_over_the_previous_output_gives_the_same_bytes() {
    let site = Site::new("fluent");
    site.build_ok(&[]);
    let first = snapshot(&site.public());
    site.build_ok(&[]);
    assert_same_trees(&first, &snapshot(&site.public()));
}
