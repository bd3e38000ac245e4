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

// --- the command line as Zola and Hugo users type it (issue #19, item 8) ------

/// Runs the binary in `dir` (no `--root`), as someone typing in a terminal there.
fn run_in(dir: &std::path::Path, args: &[&str]) -> Run {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mekong"))
        .current_dir(dir)
        .env("MEKONG_LANG", "en")
        .args(args)
        .output()
        .expect("run the mekong binary");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    Run {
        code: out.status.code().unwrap_or(-1),
        json: serde_json::from_str(stdout.trim()).ok(),
        stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn site_options_may_come_before_or_after_the_command() {
    let site = Site::new("three-line");
    let root = path_str(&site.root);
    run_mekong(&["--root", root, "check"]).assert_ok();
    run_mekong(&["-r", root, "check"]).assert_ok();
    let out = site.outside("out");
    run_mekong(&[
        "-r",
        root,
        "-u",
        "https://example.org/portal/",
        "-o",
        path_str(&out),
        "build",
    ])
    .assert_ok();
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://example.org/portal/news/bai-dau-tien/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn short_flags_follow_zola_and_hugo() {
    let site = Site::new("three-line");
    site.write(
        "content/news/nhap.md",
        "---\ntitle: Bản nháp\ndate: 2026-01-11\ndraft: true\n---\n\nNháp.\n",
    );
    let out = site.outside("public-drafts");
    run_mekong(&[
        "build",
        "-r",
        path_str(&site.root),
        "-D",
        "-o",
        path_str(&out),
    ])
    .assert_ok();
    assert!(
        out.join("news/nhap/index.html").is_file(),
        "-D publishes drafts"
    );
    let help = run_mekong_raw(&["serve", "--help"]);
    for flag in [
        "-p, --port",
        "-i, --bind",
        "-r, --root",
        "-o, --output",
        "-u, --base-url",
        "-D, --drafts",
    ] {
        assert!(help.stdout.contains(flag), "`{flag}` in:\n{}", help.stdout);
    }
}

#[test]
fn an_option_a_command_does_not_use_is_wrong_usage() {
    let site = Site::new("three-line");
    let run = run_mekong_raw(&["check", "-r", path_str(&site.root), "-o", "elsewhere"]);
    assert_eq!(run.code, 2, "{}", run.describe());
    assert!(
        run.stderr
            .contains("`--output` does not apply to `mekong check`"),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("elsewhere").exists());
}

#[test]
fn a_base_url_that_is_not_http_is_wrong_usage_with_exit_code_2() {
    let site = Site::new("three-line");
    for args in [
        ["build", "--base-url", "ftp://x"],
        ["--base-url", "ftp://x", "check"],
    ] {
        let mut all = vec!["--root", path_str(&site.root)];
        all.extend(args);
        let run = run_mekong_raw(&all);
        assert_eq!(run.code, 2, "{}", run.describe());
        assert!(
            run.stderr.contains("`ftp://x` is not an http(s) URL")
                && run.stderr.contains("https://example.org/portal/"),
            "{}",
            run.stderr
        );
    }
    assert!(!site.public().exists());
}

#[test]
fn run_from_a_subfolder_mekong_finds_site_yaml_in_a_parent() {
    let site = Site::new("three-line");
    let run = run_in(
        &site.path("content/news"),
        &["build", "--message-format", "json"],
    );
    run.assert_ok();
    assert!(
        site.has_public("news/bai-dau-tien/index.html"),
        "built into the site's public/"
    );
    assert!(!site.path("content/news/public").exists());
    // Outside any site the error still names site.yaml.
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = run_in(tmp.path(), &["check", "--message-format", "json"]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        hint: &["--root"],
        ..Default::default()
    });
}

#[test]
fn init_accepts_the_current_folder_when_it_holds_only_hidden_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs_write(&tmp.path().join(".git/HEAD"), "ref: refs/heads/main\n");
    fs_write(&tmp.path().join(".gitignore"), "/target/");
    let run = run_in(tmp.path(), &["init"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("build it with `mekong build`"),
        "{}",
        run.stdout
    );
    let ignore = read(&tmp.path().join(".gitignore"));
    assert_eq!(
        ignore, "/target/\n/public/\n/.mekong-cache/\n",
        "kept and completed"
    );
    run_in(tmp.path(), &["build", "--message-format", "json"]).assert_ok();
    // Not empty any more: refused, naming what is there.
    let run = run_in(tmp.path(), &["init", "--message-format", "json"]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        message: &["not empty", "content"],
        hint: &["empty folder"],
        ..Default::default()
    });
}

fn fs_write(path: &std::path::Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("create folders");
    std::fs::write(path, text).expect("write");
}

#[test]
fn counts_in_messages_agree_with_their_number() {
    let site = Site::new("bad/minimal");
    site.write(
        "content/news/bad.md",
        "---\ntitle: X\ndate: yesterday\n---\n",
    );
    let run = run_mekong_raw(&[
        "build",
        "-r",
        path_str(&site.root),
        "--message-format",
        "plain",
    ]);
    assert_eq!(run.code, 1, "{}", run.describe());
    assert!(
        run.stderr.contains("mekong: 1 error, 0 warnings;"),
        "{}",
        run.stderr
    );
    // The same warning in one more file names that file instead of counting it.
    let site = Site::new("bad/unknown-front-matter-key");
    let run = run_mekong_raw(&[
        "build",
        "-r",
        path_str(&site.root),
        "--message-format",
        "plain",
    ]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stderr.contains("(and in content/news/bad2.md)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("1 more files"), "{}", run.stderr);
    assert!(run.stderr.contains("mekong: 2 warnings"), "{}", run.stderr);
}

#[test]
fn the_build_summary_adds_up() {
    let site = Site::new("bad/minimal");
    let run = site.build_ok(&[]);
    let summary = run.summary();
    // built 5 pages (vi 3, en 2), 5 list, tag, 404, open-data and redirect pages and 10 other files in …
    // The whole numbers of the counts (not the seconds, the "404" of the
    // wording or the digits of the output path).
    let (counts, rest) = summary.split_once(" in ").expect("built … in …");
    let tail = rest.rsplit_once('(').map_or("", |(_, t)| t);
    let numbers: Vec<usize> = format!("{} {tail}", counts.replace("404", ""))
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().expect("a number"))
        .collect();
    let [pages, vi, en, more_html, files, written, unchanged] = numbers[..] else {
        panic!("unexpected summary: {summary}");
    };
    assert!(summary.starts_with(&format!("built {pages} pages (vi {vi}, en {en}), {more_html} list, tag, 404, open-data and redirect pages and {files} other files in ")), "{summary}");
    assert_eq!(vi + en, pages, "{summary}");
    let out = snapshot(&site.public());
    let html = out.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(pages + more_html, html, "{summary}");
    let all = out.keys().filter(|p| *p != ".mekong-output").count();
    assert_eq!(pages + more_html + files, all, "{summary}");
    assert_eq!(written + unchanged, all, "{summary}");
}

// --- a site without base_url (issue #19, item 5) ------------------------------

#[test]
fn a_site_without_base_url_is_warned_and_gets_no_sitemap_with_relative_locs() {
    let site = Site::new("no-base-url");
    let run = site.build_ok(&[]);
    run.expect(&Expect {
        severity: "warning",
        file: Some("site.yaml"),
        message: &["no `base_url`", "sitemap.xml"],
        hint: &["base_url:", "--base-url"],
        ..Default::default()
    });
    assert!(!site.has_public("sitemap.xml"), "a sitemap needs full URLs");
    assert_eq!(site.read_public("robots.txt"), "User-agent: *\nAllow: /\n");
    assert!(site.has_public("news/bai-dau-tien/index.html"));
    // check says the same.
    let run = site.check(&[]);
    run.assert_ok();
    assert_eq!(run.warnings(), 1, "{}", run.describe());
    // A bare path is no origin either; the warning is on its line.
    site.write(
        "site.yaml",
        "title: T\nbase_url: /portal/\nlanguages: [{ code: vi, name: V }]\n",
    );
    let run = site.build_ok(&[]);
    run.expect(&Expect {
        severity: "warning",
        file: Some("site.yaml"),
        line: Some(2),
        message: &["without a host"],
        ..Default::default()
    });
    // --base-url supplies the origin: a full sitemap and no warning.
    let run = site.build_ok(&["--base-url", "https://tinh.example.org/"]);
    assert_eq!(run.warnings(), 0, "{}", run.describe());
    assert!(site
        .read_public("sitemap.xml")
        .contains("<loc>https://tinh.example.org/news/bai-dau-tien/</loc>"));
    assert!(site
        .read_public("robots.txt")
        .contains("Sitemap: https://tinh.example.org/sitemap.xml"));
}

#[test]
fn build_timings_lists_each_stage_with_its_seconds() {
    let site = Site::new("three-line");
    let run = run_in(&site.root, &["build", "--timings"]);
    run.assert_ok();
    let stages: Vec<(&str, f64)> = run
        .stdout
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let stage = words.next()?;
            let seconds = words.next()?.parse().ok()?;
            (words.next() == Some("s")).then_some((stage, seconds))
        })
        .collect();
    let names: Vec<&str> = stages.iter().map(|s| s.0).collect();
    let expected = [
        "read", "resolve", "markdown", "render", "outputs", "search", "commit",
    ];
    assert_eq!(names, expected, "{}", run.stdout);
    assert!(stages.iter().all(|s| s.1 >= 0.0));
    // In the JSON report, an object of the same stages; without the flag, none.
    let json = site.build_ok(&["--timings"]).json.expect("one JSON object");
    let timings = json["timings"].as_object().expect("timings");
    assert_eq!(timings.keys().count(), expected.len(), "{json}");
    assert!(expected.iter().all(|s| timings[*s].as_f64().is_some()));
    assert!(site.build_ok(&[]).json.expect("JSON")["timings"].is_null());
}
