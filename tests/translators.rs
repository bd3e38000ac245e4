//! What a translator is told and what the commands it is told to run do:
//! `mekong i18n`'s list agrees with the report for an article written in
//! another language first; `mekong new --lang` finds an article by its file
//! name (spaces, diacritics) or its published slug; a fresh site has no
//! "unused" messages; paths with spaces are printed quoted.

mod common;

use common::*;

fn i18n_json(site: &Site) -> serde_json::Value {
    let run = run_mekong_raw(&["i18n", "--format", "json", "--root", path_str(&site.root)]);
    run.assert_code(0);
    serde_json::from_str(&run.stdout).expect("json")
}

fn missing_files(report: &serde_json::Value, lang: &str) -> Vec<String> {
    let st = report
        .as_array()
        .and_then(|a| a.iter().find(|s| s["lang"] == lang))
        .unwrap_or_else(|| panic!("no {lang} in {report}"));
    st["missing_files"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn new(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", path_str(&site.root), "--messages", "en"]);
    run_mekong(&all)
}

#[test]
fn an_article_without_a_default_language_version_is_missing_there_and_in_the_others() {
    let site = Site::new("i18n");
    site.write(
        "content/news/only-en.en.md",
        "---\ntitle: Only in English\ndate: 2026-02-01\n---\n\nHello.\n",
    );
    let report = i18n_json(&site);
    assert!(missing_files(&report, "vi").contains(&"content/news/only-en.md".to_owned()));
    for lang in ["lo", "km"] {
        let want = format!("content/news/only-en.{lang}.md");
        assert!(missing_files(&report, lang).contains(&want), "{want}");
    }
    assert!(!missing_files(&report, "en")
        .iter()
        .any(|f| f.contains("only-en")));
    // The advice works: the Vietnamese version is a copy of the English one.
    new(&site, &["news/only-en", "--lang", "vi"]).assert_code(0);
    let text = read(&site.path("content/news/only-en.md"));
    assert!(
        text.contains("Hello.") && text.contains("draft: true"),
        "{text}"
    );
}

#[test]
fn new_finds_an_article_by_its_file_name_or_its_published_slug_and_names_the_translation_alike() {
    let site = Site::new("i18n");
    site.write(
        "content/news/Bài mới có dấu.md",
        "---\ntitle: Bài mới có dấu\ndate: 2026-02-02\n---\n\nXin chào.\n",
    );
    let run = run_mekong_raw(&[
        "i18n",
        "--lang",
        "en",
        "--messages",
        "en",
        "--root",
        path_str(&site.root),
    ]);
    assert!(
        run.stdout.contains("content/news/Bài mới có dấu.en.md")
            && run
                .stdout
                .contains("`mekong new \"news/Bài mới có dấu\" --lang en`"),
        "{}",
        run.stdout
    );
    new(&site, &["news/Bài mới có dấu", "--lang", "en"]).assert_code(0);
    let en = read(&site.path("content/news/Bài mới có dấu.en.md"));
    assert!(
        en.contains("Xin chào.") && en.contains("draft: true"),
        "{en}"
    );
    new(&site, &["news/bai-moi-co-dau", "--lang", "km"]).assert_code(0);
    assert!(site.path("content/news/Bài mới có dấu.km.md").is_file());
    assert!(!site.path("content/news/bai-moi-co-dau.km.md").exists());
    // Both are translations of the same article.
    site.build_ok(&["--drafts"]);
    assert!(site.has_public("km/news/bai-moi-co-dau/index.html"));

    // No article of that name in any language: an error, not a blank article.
    let run = new(&site, &["news/bai-moi-co-da", "--lang", "lo"]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        message: &["no article `news/bai-moi-co-da` in any language"],
        hint: &["did you mean `mekong new \"news/Bài mới có dấu\" --lang lo`?"],
        ..Default::default()
    });
    assert!(!site.path("content/news/bai-moi-co-da.lo.md").exists());
    let run = new(&site, &["news/xyz-qwerty", "--lang", "lo"]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        hint: &["write it in `vi` first with `mekong new news/xyz-qwerty`"],
        ..Default::default()
    });
}

#[test]
fn a_fresh_site_has_no_unused_messages_and_its_folder_with_spaces_is_quoted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("Cổng tỉnh");
    let run = run_mekong_raw(&["init", path_str(&root), "--messages", "en"]);
    run.assert_code(0);
    let quoted = format!("`mekong build --root \"{}\"`", root.display());
    assert!(run.stdout.contains(&quoted), "{}", run.stdout);
    let run = run_mekong_raw(&["i18n", "--format", "json", "--root", path_str(&root)]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    for st in report.as_array().expect("languages") {
        assert_eq!(st["unused_messages"], serde_json::json!([]), "{st}");
    }
}
