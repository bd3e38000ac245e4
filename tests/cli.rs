//! The command line as the web team uses it: defaults that make a
//! three-line site.yaml work with the built-in theme, exit codes, the plain
//! and JSON message formats, and `check` validating without writing.

mod common;

use common::*;

#[test]
fn a_three_line_site_yaml_builds_with_the_built_in_theme_and_no_locales() {
    let site = Site::new("three-line");
    assert!(!site.path("locales").exists() && !site.path("themes").exists());
    let run = site.build_ok(&[]);
    assert_eq!(run.errors(), 0);
    let html = site.read_public("news/bai-dau-tien/index.html");
    assert_eq!(html_lang(&html).as_deref(), Some("vi"));
    assert!(html.contains("Nội dung bài đầu tiên."), "{html}");
    assert_eq!(
        canonical(&html).as_deref(),
        Some("https://tinh.example.org/news/bai-dau-tien/")
    );
    for file in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "tags/tin-tuc/index.html",
    ] {
        assert!(site.has_public(file), "{file} is missing");
    }
}

#[test]
fn bad_command_line_use_exits_with_code_2() {
    let run = run_mekong_raw(&["build", "--no-such-flag"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    let run = run_mekong_raw(&["frobnicate"]);
    assert_eq!(run.code, 2, "{}", run.describe());
}

#[test]
fn a_missing_site_yaml_is_an_error_with_a_hint() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = run_mekong(&["build", "--root", path_str(tmp.path())]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        hint: &["--root"],
        ..Default::default()
    });
    assert!(!tmp.path().join("public").exists());
}

#[test]
fn the_plain_message_format_prints_file_line_column_lines() {
    let site = Site::new("bad/broken-internal-link");
    let run = run_mekong_raw(&[
        "build",
        "--root",
        path_str(&site.root),
        "--message-format",
        "plain",
    ]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("content/news/bad.md:6:5: error: ")
                && l.contains("@/news/okk.md")),
        "{}",
        run.stderr
    );
}

#[test]
fn the_json_report_counts_errors_and_warnings() {
    let site = Site::new("bad/unknown-front-matter-key");
    let run = site.build_ok(&[]);
    let json = run.json.as_ref().expect("JSON on stdout");
    assert_eq!(json["errors"], 0);
    assert!(
        run.warnings() >= 2,
        "two files with the unknown key: {}",
        run.describe()
    );
    assert!(json["summary"]
        .as_str()
        .is_some_and(|s| s.contains("built")));
    let d = &json["diagnostics"][0];
    for key in ["file", "line", "severity", "message", "hint"] {
        assert!(!d[key].is_null(), "`{key}` in {d}");
    }
}

#[test]
fn every_error_of_a_build_is_reported_not_only_the_first() {
    let site = Site::new("bad/minimal");
    site.write(
        "content/news/a.md",
        "---\ntitle: A\ndate: yesterday\n---\n\nText.\n",
    );
    site.write(
        "content/news/b.md",
        "---\ntitle: B\n---\n\n[x](@/news/khong-co.md)\n",
    );
    site.write("locales/en/site.ftl", "ok = OK\nbroken\n");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.errors() >= 3, "{}", run.describe());
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/a.md"),
        line: Some(3),
        ..Default::default()
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/b.md"),
        line: Some(5),
        ..Default::default()
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/en/site.ftl"),
        line: Some(2),
        ..Default::default()
    });
}

#[test]
fn check_reports_errors_like_build_and_writes_nothing() {
    let site = Site::new("bad/broken-anchor");
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/bad.md"),
        line: Some(6),
        message: &["#lich-su"],
        ..Default::default()
    });
    assert!(!site.public().exists());

    let ok = Site::new("bad/minimal");
    ok.check(&[]).assert_ok();
    assert!(!ok.public().exists(), "check wrote public/");
}

#[test]
fn a_site_with_its_own_base_and_section_templates_builds_with_the_built_in_theme() {
    // Like the benchmark corpus: the site's base.html has only `title` and
    // `main`, and its own section.html must win over the theme's
    // investment.html for the investment section.
    let site = Site::new("three-line");
    site.write(
        "templates/base.html",
        "<!doctype html>\n<html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\"><title>{% block title %}{{ site.title }}{% endblock %}</title></head>\n<body>{% block main %}{% endblock %}</body></html>\n",
    );
    site.write(
        "templates/section.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"site-section\">{{ section.title }}</p>{% endblock %}\n",
    );
    site.write(
        "content/investment/kcn.md",
        "---\ntitle: \"KCN\"\ndate: 2026-01-01\nproject: { sector: industry, location: X, status: open }\n---\n\nText.\n",
    );
    site.build_ok(&[]);
    let html = site.read_public("investment/index.html");
    assert!(
        html.contains("class=\"site-section\""),
        "the site's section.html is used"
    );
    assert!(
        !html.contains("class=\"filters\""),
        "the theme's investment.html is not"
    );
    // The theme's own templates (page, 404, tags) render inside the site's base.
    assert!(site
        .read_public("investment/kcn/index.html")
        .contains("<h1>KCN</h1>"));
    assert!(site.has_public("404.html"));
}
