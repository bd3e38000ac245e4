//! Editors and translators are told the truth at the place of the mistake
//! (issue #19): front matter pasted from Word, two writers on one output
//! folder.
//!
//! Fixtures: `tests/fixtures/three-line/`, `tests/fixtures/i18n/`.

mod common;

use common::*;
use std::io::Write as _;
use std::process::{Command, Stdio};

#[test]
fn front_matter_pasted_from_word_is_read_as_the_editor_meant_it_with_a_warning_at_its_line() {
    let site = Site::new("three-line");
    site.write(
        "content/news/hoi-nghi.md",
        "---\ntitle:\u{a0}“Hội nghị xúc tiến: Bình Phước 2026”\ndate: 2026-02-01\n\u{200b}description: «Cơ hội đầu tư»\n---\n\nNội dung.\n",
    );
    let run = site.build_ok(&[]);
    run.expect(&Expect {
        severity: "warning",
        file: Some("content/news/hoi-nghi.md"),
        line: Some(2),
        message: &["a non-breaking space (U+00A0) after `title:`"],
        hint: &["type a plain space"],
    });
    run.expect(&Expect {
        severity: "warning",
        file: Some("content/news/hoi-nghi.md"),
        line: Some(2),
        message: &[
            "`title` is in typographic quotes “…”",
            "published as `Hội nghị xúc tiến: Bình Phước 2026`",
        ],
        hint: &["straight quotes"],
    });
    run.expect(&Expect {
        severity: "warning",
        file: Some("content/news/hoi-nghi.md"),
        line: Some(4),
        message: &["a zero-width space (U+200B) at the start of the line"],
        ..Default::default()
    });
    run.expect(&Expect {
        severity: "warning",
        file: Some("content/news/hoi-nghi.md"),
        line: Some(4),
        message: &[
            "`description` is in typographic quotes «…»",
            "`Cơ hội đầu tư`",
        ],
        ..Default::default()
    });
    let html = site.read_public("news/hoi-nghi/index.html");
    assert!(
        html.contains("<title>Hội nghị xúc tiến: Bình Phước 2026"),
        "{html}"
    );
    assert!(html.contains("content=\"Cơ hội đầu tư\""), "{html}");
    assert!(!html.contains('“') && !html.contains('«'), "{html}");
}

/// Runs `mekong build -o OUT` three times at once.
fn three_builds_at_once(site: &Site, out: &std::path::Path) -> Vec<(u32, Run)> {
    let children: Vec<_> = (0..3)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_mekong"))
                .args(["build", "--root", path_str(&site.root), "-o", path_str(out)])
                .args(["--message-format", "json"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start mekong build")
        })
        .collect();
    children
        .into_iter()
        .map(|c| {
            let pid = c.id();
            let o = c.wait_with_output().expect("wait for mekong build");
            let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
            let run = Run {
                code: o.status.code().unwrap_or(-1),
                json: serde_json::from_str(stdout.trim()).ok(),
                stdout,
                stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            };
            (pid, run)
        })
        .collect()
}

#[test]
fn three_builds_into_one_folder_one_writer_at_a_time_the_others_told_who() {
    let site = Site::new("i18n");
    let out = site.outside("out");
    site.build_ok(&["-o", path_str(&out)]);
    let want = snapshot(&out);
    for round in 0..3 {
        let runs = three_builds_at_once(&site, &out);
        let pids: Vec<String> = runs.iter().map(|(p, _)| format!("pid {p}")).collect();
        let mut built = 0;
        for (_, run) in &runs {
            assert!(
                !run.stderr.contains("not empty") && !run.stdout.contains("not empty"),
                "round {round}: {}",
                run.describe()
            );
            if run.code == 0 {
                built += 1;
                continue;
            }
            run.assert_code(1);
            let d = run.expect(&Expect {
                severity: "error",
                message: &["is being written by", "mekong build", "since"],
                hint: &["wait until it has finished"],
                ..Default::default()
            });
            assert!(
                pids.iter().any(|p| d.message.contains(p.as_str())),
                "round {round}: names none of {pids:?}: {}",
                d.message
            );
        }
        assert!(built >= 1, "round {round}: no build finished");
        assert_eq!(snapshot(&out), want, "round {round}: the output differs");
    }
    let litter: Vec<_> = std::fs::read_dir(site.tmp.path())
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mekong-"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

#[test]
fn a_held_lock_names_its_holder_and_a_dead_holders_lock_is_taken_over() {
    let site = Site::new("three-line");
    let out = site.outside("out");
    let lock_file = site.outside(".out.mekong-lock");
    // A live holder: this test process, posing as a scheduled build.
    let mut held = std::fs::File::create(&lock_file).expect("create lock");
    held.lock().expect("lock");
    let me = std::process::id();
    write!(
        held,
        "pid {me}\ncommand mekong build -o /srv/portal\nsince 3600\n"
    )
    .expect("write");
    let run = site.build(&["-o", path_str(&out)]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        message: &[
            "out is being written by `mekong build -o /srv/portal`",
            &format!("(pid {me}, since 01:00:00 UTC"),
            "one writer at a time",
        ],
        hint: &["wait until it has finished and run again", "--output"],
        ..Default::default()
    });
    assert!(!out.exists(), "nothing was written");
    // The holder dies (its lock goes with it) but its file stays: taken over.
    drop(held);
    assert!(lock_file.exists());
    site.build_ok(&["-o", path_str(&out)]);
    assert!(out.join("index.html").is_file());
    assert!(
        !lock_file.exists(),
        "the lock file is removed after the build"
    );
}

/// `mekong new ARGS... --root SITE`, as a translator types it.
fn new(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", path_str(&site.root)]);
    run_mekong(&all)
}

#[test]
fn new_with_lang_writes_a_folder_articles_translation_inside_it_as_a_draft_copy_of_the_source() {
    let site = Site::new("i18n");
    site.write(
        "content/tourism/thac-mo/index.md",
        "---\ntitle: Thác Mơ\ndate: 2026-01-05\nupdated: 2026-02-01\nimage: thac.jpg\naliases: [/du-lich/thac-mo/]\nplace:\n  coordinates: [11.83, 107.0]\n  address: \"Phước Long\"\n---\n\nThác Mơ đẹp nhất mùa mưa.\n",
    );
    let photo = std::fs::read(fixtures_dir().join("images/rotated.jpg")).expect("fixture photo");
    site.write("content/tourism/thac-mo/thac.jpg", photo);
    let run = new(&site, &["tourism/thac-mo", "--lang", "km"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("wrote content/tourism/thac-mo/index.km.md, a copy of content/tourism/thac-mo/index.md to translate")
            && run.stdout.contains("a draft until translated")
            && run.stdout.contains("mekong serve --drafts"),
        "{}",
        run.describe()
    );
    assert!(!site.path("content/tourism/thac-mo.km.md").exists());
    let text = read(&site.path("content/tourism/thac-mo/index.km.md"));
    for kept in [
        "title: Thác Mơ",
        "date: 2026-01-05",
        "updated: 2026-02-01",
        "image: thac.jpg",
        "coordinates: [11.83, 107.0]",
        "draft: true",
        "Thác Mơ đẹp nhất mùa mưa.",
    ] {
        assert!(text.contains(kept), "`{kept}` is not in\n{text}");
    }
    assert!(!text.contains("aliases"), "{text}");
    // A draft: built with --drafts only, at the Khmer URL of the same article.
    site.build_ok(&[]);
    assert!(!site.has_public("km/tourism/thac-mo/index.html"));
    site.build_ok(&["--drafts"]);
    assert!(site
        .read_public("km/tourism/thac-mo/index.html")
        .contains("Thác Mơ đẹp nhất"));

    // Again: the translation exists.
    let again = new(&site, &["tourism/thac-mo", "--lang", "km"]);
    again.assert_code(1);
    again.expect(&Expect {
        severity: "error",
        file: Some("content/tourism/thac-mo/index.km.md"),
        message: &["already exists"],
        hint: &["mekong i18n --lang km"],
        ..Default::default()
    });
}

#[test]
fn new_names_a_language_or_section_the_site_lacks_with_did_you_mean() {
    let site = Site::new("i18n");
    let run = new(&site, &["tourism/nui-ba-ra", "--lang", "th"]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        message: &["`th` is not a language of the site"],
        hint: &["vi, en, lo, km", "`languages:`", "mekong i18n --init th"],
        ..Default::default()
    });
    let run = new(&site, &["tourism/nui-ba-ra", "--lang", "EN"]);
    run.expect(&Expect {
        severity: "error",
        hint: &["did you mean `en`?"],
        ..Default::default()
    });
    let run = new(&site, &["toursim/thac-mo"]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        message: &["no section `toursim`"],
        hint: &["did you mean `tourism`?", "content/toursim/_index.md"],
        ..Default::default()
    });
    // A plain file article's translation goes beside it, copied from it.
    new(&site, &["tourism/soc-bom-bo", "--lang", "en"]).assert_ok();
    let text = read(&site.path("content/tourism/soc-bom-bo.en.md"));
    assert!(
        text.contains("draft: true")
            && text.contains("Translated from content/tourism/soc-bom-bo.md"),
        "{text}"
    );
}

#[test]
fn i18n_gives_a_translator_the_files_to_create_the_source_text_and_the_source_change_date() {
    let site = Site::new("i18n");
    site.write(
        "content/tourism/nui-ba-ra.md",
        "---\ntitle: Núi Bà Rá\ndate: 2026-03-10\nupdated: 2026-04-02\n---\n\nNúi Bà Rá cao 723 mét.\n",
    );
    let run = run_mekong_raw(&["i18n", "--lang", "km", "--root", path_str(&site.root)]);
    run.assert_code(0);
    for line in [
        "missing article  content/news/mua-mua.km.md (from content/news/mua-mua.md)",
        "missing message  site-title               vi: Cổng thử nghiệm",
        "stale            content/tourism/nui-ba-ra.km.md (its source content/tourism/nui-ba-ra.md changed 2026-04-02",
        "`mekong new news/hoi-cho-hat-dieu --lang km` starts this missing article",
    ] {
        assert!(run.stdout.contains(line), "no `{line}` in\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("@/"), "{}", run.stdout);
    let json = run_mekong_raw(&[
        "i18n",
        "--lang",
        "km",
        "--format",
        "json",
        "--root",
        path_str(&site.root),
    ]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert!(report[0]["missing_files"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f == "content/news/mua-mua.km.md")));
    assert_eq!(
        report[0]["message_sources"]["site-title"],
        "site-title = Cổng thử nghiệm"
    );
}

#[test]
fn a_new_language_gets_one_check_warning_and_a_starting_ftl_with_the_themes_messages() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("portal");
    run_mekong_raw(&["init", path_str(&root)]).assert_code(0);
    let yaml = std::fs::read_to_string(root.join("site.yaml")).expect("site.yaml");
    let yaml = yaml.replacen(
        "untranslated:",
        "  - code: th\n    name: ไทย\n    fallback: [en, vi]\nuntranslated:",
        1,
    );
    std::fs::write(root.join("site.yaml"), yaml).expect("write site.yaml");
    assert!(!root.join("themes").exists(), "init writes no theme files");

    let check = || run_mekong(&["check", "--root", path_str(&root)]);
    let run = check();
    run.assert_code(0);
    let about_th: Vec<_> = run
        .diagnostics()
        .into_iter()
        .filter(|d| d.file.as_deref() == Some("locales/th"))
        .collect();
    assert_eq!(about_th.len(), 1, "{}", run.describe());
    run.expect(&Expect {
        severity: "warning",
        file: Some("locales/th"),
        message: &["`th` lacks", "messages", "`en` is shown instead"],
        hint: &["mekong i18n --lang th", "mekong i18n --init th"],
        ..Default::default()
    });

    let init = run_mekong_raw(&["i18n", "--init", "th", "--root", path_str(&root)]);
    init.assert_code(0);
    assert!(
        init.stdout.contains("wrote locales/th/site.ftl with"),
        "{}",
        init.describe()
    );
    let ftl = read(&root.join("locales/th/site.ftl"));
    for line in [
        "# A message still commented out is shown in `en` instead.",
        "# nav-home = Trang chủ",
        "# reading-time = { $minutes ->",
        "#    *[other] { $minutes } phút đọc",
        "# site-title = Cổng thông tin",
    ] {
        assert!(ftl.contains(line), "no `{line}` in\n{ftl}");
    }
    // The file is valid as written, and a message translated from it is used.
    let ftl = ftl.replace("# nav-home = Trang chủ", "nav-home = หน้าแรก");
    std::fs::write(root.join("locales/th/site.ftl"), ftl).expect("write");
    let run = run_mekong(&["build", "--root", path_str(&root)]);
    run.assert_code(0);
    assert!(read(&root.join("public/th/index.html")).contains("หน้าแรก"));
    // Twice: the file exists.
    let again = run_mekong(&["i18n", "--init", "th", "--root", path_str(&root)]);
    again.assert_code(1);
    again.expect(&Expect {
        severity: "error",
        file: Some("locales/th/site.ftl"),
        message: &["already exists"],
        ..Default::default()
    });
}
