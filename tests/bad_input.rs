//! Bad input: every mistake an editor, translator or web team can make gets
//! a diagnostic naming the file and (where there is one) the line, with a
//! message and a fix in plain words; errors exit 1 and write nothing.
//!
//! Fixtures: `tests/fixtures/bad/NAME/`, each the same minimal valid site
//! (vi + en, `content/news/ok.md` with a heading `## Lịch sử hình thành`)
//! plus one mistake. `bad/minimal` is the site alone: symlinks and the big
//! file are made by the tests themselves.

mod common;

use common::*;
use std::fs;
use std::time::Instant;

/// Builds `bad/NAME`; it must fail with exit code 1 and write nothing.
fn fails(name: &str) -> Run {
    let site = Site::new(&format!("bad/{name}"));
    fails_in(&site)
}

fn fails_in(site: &Site) -> Run {
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.errors() >= 1, "{}", run.describe());
    assert!(
        !site.public().exists(),
        "a failed build wrote {}",
        site.public().display()
    );
    run
}

/// Builds `bad/NAME`; it must succeed.
fn accepted(name: &str) -> (Site, Run) {
    let site = Site::new(&format!("bad/{name}"));
    let run = site.build(&[]);
    run.assert_ok();
    (site, run)
}

fn error<'a>(file: &'a str, line: Option<u64>) -> Expect<'a> {
    Expect {
        severity: "error",
        file: Some(file),
        line,
        ..Default::default()
    }
}

const BAD: &str = "content/news/bad.md";

#[test]
fn the_minimal_site_builds_cleanly() {
    let (site, run) = accepted("minimal");
    assert_eq!(run.errors(), 0);
    assert!(site
        .read_public("news/ok/index.html")
        .contains("<h2 id=\"lich-su-hinh-thanh\">"));
}

// --- front matter -----------------------------------------------------------

#[test]
fn a_yaml_syntax_error_in_front_matter_names_the_file_line_and_the_fix() {
    let run = fails("yaml-syntax");
    let d = run.expect(&Expect {
        message: &["YAML"],
        hint: &["quote"],
        ..error(BAD, Some(2))
    });
    assert_eq!(d.col, Some(18), "the second `:` of the title");
}

#[test]
fn a_yaml_error_shows_the_offending_line_of_the_file() {
    let run = fails("yaml-syntax");
    let d = run.expect(&error(BAD, Some(2)));
    assert_eq!(
        d.source_line.as_deref(),
        Some("title: Bình Phước: tiềm năng"),
        "the line shown must be line 2 of the file"
    );
}

#[test]
fn front_matter_that_is_not_closed_is_an_error_on_its_first_line() {
    let run = fails("front-matter-not-closed");
    run.expect(&Expect {
        message: &["not closed"],
        hint: &["---"],
        ..error(BAD, Some(1))
    });
}

#[test]
fn a_tab_in_yaml_indentation_is_named_as_such() {
    let run = fails("yaml-tab");
    run.expect(&Expect {
        message: &["tab"],
        hint: &["spaces"],
        ..error(BAD, Some(4))
    });
}

#[test]
fn a_date_that_is_not_a_date_is_an_error_with_the_expected_format() {
    let run = fails("date-not-a-date");
    run.expect(&Expect {
        message: &["yesterday", "not a date"],
        hint: &["YYYY-MM-DD"],
        ..error(BAD, Some(3))
    });
}

/// An article with a mistake in its front matter is still part of the
/// build: the mistakes of its body are reported with it (one build, every
/// mistake), and a page that links to it gets no false "no such article".
#[test]
fn a_front_matter_error_does_not_hide_body_errors_or_break_links_to_the_article() {
    let site = Site::new("bad/minimal");
    site.write(
        BAD,
        "---\ntitle: \"Tin hỏng\"\ndate: 2026-02-30\n---\n\n![Ảnh](khong-co.jpg) và [tin](@/news/khong-co.md)\n",
    );
    site.write(
        "content/news/lien-ket.md",
        "---\ntitle: \"Liên kết\"\ndate: 2026-02-01\n---\n\nXem [tin hỏng](@/news/bad.md).\n",
    );
    let run = fails_in(&site);
    run.expect(&Expect {
        message: &["2026-02-30", "not a date"],
        ..error(BAD, Some(3))
    });
    run.expect(&Expect {
        message: &["khong-co.jpg"],
        ..error(BAD, Some(6))
    });
    run.expect(&Expect {
        message: &["@/news/khong-co.md"],
        ..error(BAD, Some(6))
    });
    assert_eq!(run.errors(), 3, "{}", run.describe());
}

#[test]
fn a_weight_that_is_not_a_number_is_an_error_on_its_line() {
    let run = fails("weight-not-a-number");
    run.expect(&Expect {
        message: &["weight", "high"],
        hint: &["whole number"],
        ..error(BAD, Some(3))
    });
}

#[test]
fn a_weight_too_big_for_a_number_says_the_range_in_plain_words() {
    let run = fails("weight-too-big");
    let d = run.expect(&Expect {
        message: &[
            "weight must be a whole number between",
            "99999999999999999999",
        ],
        hint: &["smaller number"],
        ..error(BAD, Some(3))
    });
    assert!(!d.message.contains("u128"), "a Rust type name: {d:?}");
}

#[test]
fn an_empty_image_is_an_error_on_its_line_that_says_it_is_empty() {
    let run = fails("image-empty");
    let d = run.expect(&Expect {
        message: &["`image` is empty"],
        hint: &["file name"],
        ..error(BAD, Some(3))
    });
    assert!(
        !d.message.contains("content/news"),
        "no folder search: {d:?}"
    );
}

#[test]
fn a_tag_without_letters_or_digits_is_an_error_on_its_line() {
    let run = fails("tag-without-letters");
    run.expect(&Expect {
        message: &["tag \"!!!\"", "letters or digits"],
        hint: &["remove it"],
        ..error(BAD, Some(5))
    });
    let site = Site::new("bad/tag-without-letters");
    for (tag, line) in [("\"\"", 3), ("\"..\"", 3)] {
        site.write(
            BAD,
            format!("---\ntitle: Thẻ lạ\ntags: [ok, {tag}]\n---\n\nNội dung.\n"),
        );
        let run = site.check(&[]);
        run.assert_code(1);
        run.expect(&Expect {
            message: &[&format!("tag {tag}")],
            ..error(BAD, Some(line))
        });
    }
}

/// `content/news/-.md` (with a `slug:` of no letters either) would be
/// published at `/news//`.
#[test]
fn an_article_whose_name_has_no_letters_or_digits_is_an_error_naming_its_file() {
    let site = Site::new("bad/article-name-without-letters");
    for run in [site.check(&[]), fails_in(&site)] {
        run.assert_code(1);
        run.expect(&Expect {
            message: &["no letters or digits", "`-`"],
            hint: &["rename the file", "slug"],
            ..error("content/news/-.md", None)
        });
    }
}

#[test]
fn an_unknown_front_matter_key_is_a_warning_with_a_suggestion_reported_once_with_a_count() {
    let (site, run) = accepted("unknown-front-matter-key");
    let d = run.expect(&Expect {
        severity: "warning",
        file: Some(BAD),
        line: Some(3),
        message: &["descripton"],
        hint: &["did you mean `description`"],
    });
    assert_eq!(
        d.count, 2,
        "the same key in two files is one warning: {d:?}"
    );
    let same: Vec<_> = run
        .diagnostics()
        .into_iter()
        .filter(|x| x.message.contains("descripton"))
        .collect();
    assert_eq!(same.len(), 1, "{}", run.describe());
    // The article is built all the same.
    assert!(site.read_public("news/bad/index.html").contains("Khóa lạ"));
    assert!(site
        .read_public("news/bad2/index.html")
        .contains("Khóa lạ lần hai"));
}

// --- configuration and file names ---------------------------------------------

#[test]
fn an_unknown_key_in_site_yaml_is_an_error_with_did_you_mean() {
    let run = fails("unknown-site-key");
    run.expect(&Expect {
        message: &["feed_limt"],
        hint: &["did you mean `feed_limit`"],
        ..error("site.yaml", Some(11))
    });
}

#[test]
fn a_translation_into_a_language_the_site_does_not_have_is_an_error() {
    let run = fails("unknown-translation-language");
    run.expect(&Expect {
        message: &["`fr`", "not a language of the site"],
        hint: &["languages:", "site.yaml"],
        ..error("content/news/ok.fr.md", None)
    });
}

#[test]
fn two_files_with_the_same_url_are_an_error_naming_both_files() {
    let run = fails("duplicate-url");
    let found = run.diagnostics().into_iter().find(|d| {
        let all = format!("{} {}", d.file.as_deref().unwrap_or(""), d.message);
        d.severity == "error"
            && all.contains("content/news/ok.md")
            && all.contains("content/news/another.md")
            && d.message.contains("/news/ok/")
    });
    let d = found.unwrap_or_else(|| panic!("no error names both files:\n{}", run.describe()));
    assert!(d.hint.contains("slug"), "{d:?}");
}

#[test]
fn an_alias_that_is_the_url_of_another_page_is_an_error_naming_both_files() {
    let run = fails("alias-collides");
    run.expect(&Expect {
        message: &["/news/ok/", "content/news/ok.md"],
        hint: &["alias"],
        ..error(BAD, None)
    });
}

/// The error of `run` whose file and message name both files and whose
/// message names the alias; panics listing every diagnostic when none does.
fn error_naming_both(run: &Run, one: &str, other: &str, alias: &str) -> Diag {
    let found = run.diagnostics().into_iter().find(|d| {
        let all = format!("{} {}", d.file.as_deref().unwrap_or(""), d.message);
        d.severity == "error"
            && all.contains(one)
            && all.contains(other)
            && d.message.contains(alias)
    });
    found.unwrap_or_else(|| {
        panic!(
            "no error names {one}, {other} and the alias {alias}:\n{}",
            run.describe()
        )
    })
}

#[test]
fn two_articles_with_the_same_alias_are_an_error_naming_both_files_and_the_alias() {
    let site = Site::new("bad/same-alias-two-articles");
    let check = site.check(&[]);
    check.assert_code(1);
    let d = error_naming_both(
        &check,
        "content/news/a.md",
        "content/news/b.md",
        "/tin-cu/le-hoi/",
    );
    assert!(d.hint.to_lowercase().contains("alias"), "{d:?}");
    let build = fails_in(&site);
    let d = error_naming_both(
        &build,
        "content/news/a.md",
        "content/news/b.md",
        "/tin-cu/le-hoi/",
    );
    assert!(d.hint.to_lowercase().contains("alias"), "{d:?}");
}

#[test]
fn the_same_alias_written_with_and_without_the_last_slash_is_one_url_and_an_error() {
    let site = Site::new("bad/same-alias-two-articles");
    site.write(
        "content/news/b.md",
        "---\ntitle: Lễ hội Bà Rá 2025\ndate: 2025-01-14\naliases: [\"/tin-cu/le-hoi\"]\n---\n\nLễ hội năm ngoái.\n",
    );
    let check = site.check(&[]);
    check.assert_code(1);
    error_naming_both(
        &check,
        "content/news/a.md",
        "content/news/b.md",
        "/tin-cu/le-hoi",
    );
    let build = fails_in(&site);
    error_naming_both(
        &build,
        "content/news/a.md",
        "content/news/b.md",
        "/tin-cu/le-hoi",
    );
}

#[test]
fn the_same_alias_twice_in_one_article_does_not_crash() {
    let site = Site::new("bad/minimal");
    site.write(
        "content/news/twice.md",
        "---\ntitle: Hai lần\naliases: [\"/tin-cu/hai-lan/\", \"/tin-cu/hai-lan/\"]\n---\n\nNội dung.\n",
    );
    for run in [site.check(&[]), site.build(&[])] {
        assert!(
            (run.code == 0 || run.code == 1) && !run.stderr.contains("panicked"),
            "{}",
            run.describe()
        );
        if run.code == 1 {
            run.expect(&Expect {
                message: &["/tin-cu/hai-lan/"],
                ..error("content/news/twice.md", None)
            });
        }
    }
    if site.public().exists() {
        assert!(site.has_public("tin-cu/hai-lan/index.html"));
    }
}

#[test]
fn an_alias_that_is_the_url_of_another_page_is_an_error_in_check_too() {
    let site = Site::new("bad/alias-collides");
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        message: &["/news/ok/", "content/news/ok.md"],
        hint: &["alias"],
        ..error(BAD, None)
    });
}

#[test]
fn an_alias_without_the_last_slash_that_is_a_page_url_is_an_error_naming_both_files() {
    let site = Site::new("bad/alias-collides");
    site.write(
        BAD,
        "---\ntitle: Bài chuyển chỗ\naliases: [\"/news/ok\"]\n---\n\nNội dung.\n",
    );
    for run in [site.check(&[]), fails_in(&site)] {
        run.assert_code(1);
        run.expect(&Expect {
            message: &["/news/ok", "content/news/ok.md"],
            ..error(BAD, None)
        });
    }
}

#[test]
fn an_alias_that_is_the_home_page_url_is_an_error_naming_both_files() {
    let site = Site::new("bad/alias-collides");
    site.write(
        BAD,
        "---\ntitle: Bài chuyển chỗ\naliases: [\"/\"]\n---\n\nNội dung.\n",
    );
    for run in [site.check(&[]), fails_in(&site)] {
        run.assert_code(1);
        run.expect(&Expect {
            message: &["content/_index.md"],
            ..error(BAD, None)
        });
    }
}

/// `check` and `build` alike: an alias at a file mekong writes (or whose
/// folder would be that file) is an error on the alias's line that names
/// the other file, and nothing is written.
#[test]
fn an_alias_at_a_generated_file_is_an_error_on_its_line_in_check_and_build() {
    let site = Site::new("bad/alias-at-generated-file");
    for (alias, owner) in [
        (
            "/sitemap.xml",
            "the file /sitemap.xml that mekong generates",
        ),
        ("/robots.txt", "the file /robots.txt that mekong generates"),
        (
            "/news/atom.xml",
            "the file /news/atom.xml that mekong generates",
        ),
        ("/css/site.css", "the built-in theme file /css/site.css"),
        ("/news/ok/index.html", "the page /news/ok/"),
    ] {
        site.write(
            BAD,
            format!("---\ntitle: Bài chuyển chỗ\naliases: [\"{alias}\"]\n---\n\nNội dung.\n"),
        );
        for run in [site.check(&[]), fails_in(&site)] {
            run.assert_code(1);
            let d = run.expect(&Expect {
                message: &[&format!("alias {alias} "), owner],
                hint: &["remove the alias"],
                ..error(BAD, Some(3))
            });
            assert!(!d.hint.contains("disk space"), "{d:?}");
            assert_eq!(run.errors(), 1, "{}", run.describe());
        }
    }
}

#[test]
fn an_empty_or_root_alias_is_an_error_on_its_line() {
    let run = fails("alias-empty");
    run.expect(&Expect {
        message: &["alias \"\" is empty"],
        hint: &["an alias must be an old URL such as /tin-cu/le-hoi/"],
        ..error(BAD, Some(3))
    });
    let site = Site::new("bad/alias-empty");
    for (alias, says) in [("   ", "is empty"), ("//", "home page"), ("/", "home page")] {
        site.write(
            BAD,
            format!("---\ntitle: Bài chuyển chỗ\naliases: [\"{alias}\"]\n---\n\nNội dung.\n"),
        );
        for run in [site.check(&[]), fails_in(&site)] {
            run.expect(&Expect {
                message: &[says],
                hint: &["old URL such as /tin-cu/le-hoi/"],
                ..error(BAD, Some(3))
            });
        }
    }
}

#[test]
fn an_alias_that_climbs_out_of_the_output_folder_is_refused_naming_the_file() {
    let site = Site::new("bad/alias-leaves-output");
    let run = fails_in(&site);
    assert!(
        !site.outside("thoat-ra").exists() && !site.tmp.path().join("../thoat-ra").exists(),
        "a file was written outside the output folder"
    );
    run.expect(&Expect {
        message: &["thoat-ra"],
        ..error(BAD, Some(3))
    });
}

// --- links and images -----------------------------------------------------------

#[test]
fn a_broken_internal_link_is_an_error_with_line_column_and_suggestion() {
    let run = fails("broken-internal-link");
    let d = run.expect(&Expect {
        message: &["@/news/okk.md"],
        hint: &["did you mean `@/news/ok.md`"],
        ..error(BAD, Some(6))
    });
    assert_eq!(d.col, Some(5), "the link starts at column 5");
}

#[test]
fn a_broken_anchor_is_an_error_suggesting_the_right_heading() {
    let run = fails("broken-anchor");
    run.expect(&Expect {
        message: &["#lich-su", "news/ok.md"],
        hint: &["#lich-su-hinh-thanh"],
        ..error(BAD, Some(6))
    });
}

#[test]
fn an_image_path_that_leaves_the_site_is_refused() {
    let run = fails("image-leaves-site");
    run.expect(&Expect {
        message: &["../../../../etc/passwd", "leaves the site"],
        ..error(BAD, Some(6))
    });
}

#[test]
fn a_missing_image_is_an_error_naming_the_expected_file() {
    let run = fails("missing-image");
    run.expect(&Expect {
        message: &["toan-canh.jpg", "content/news/toan-canh.jpg"],
        ..error(BAD, Some(8))
    });
}

// --- encodings and line endings ---------------------------------------------------

#[test]
fn invalid_utf8_is_an_error_at_the_first_bad_byte() {
    let run = fails("invalid-utf8");
    let d = run.expect(&Expect {
        message: &["UTF-8"],
        hint: &["UTF-8"],
        ..error(BAD, Some(2))
    });
    assert_eq!(d.col, Some(11), "after `title: Caf`");
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let (site, run) = accepted("utf8-bom");
    assert_eq!(run.errors(), 0);
    let html = site.read_public("news/bom/index.html");
    assert!(
        html.contains("<h1>Bài có BOM</h1>"),
        "front matter read: {html}"
    );
    assert!(html.contains("Nội dung có BOM."));
    assert!(!html.contains('\u{feff}'), "the BOM is dropped");
}

#[test]
fn windows_line_endings_are_accepted() {
    let (site, run) = accepted("crlf-line-endings");
    assert_eq!(run.errors(), 0);
    let html = site.read_public("news/windows/index.html");
    assert!(html.contains("<h1>Bài Windows</h1>"), "{html}");
    assert!(html.contains("<h2 id=\"phan-mot\">Phần một</h2>"), "{html}");
    assert!(
        html.contains("href=\"/news/ok/#lich-su-hinh-thanh\""),
        "{html}"
    );
    assert!(!html.contains('\r'), "no carriage returns in the output");
    assert!(site.has_public("tags/windows/index.html"));
}

#[test]
fn an_empty_file_is_an_error_naming_it() {
    let run = fails("empty-file");
    run.expect(&Expect {
        message: &["empty"],
        hint: &["title"],
        ..error(BAD, None)
    });
}

// --- Fluent ------------------------------------------------------------------------

#[test]
fn a_fluent_syntax_error_names_the_file_and_line() {
    let run = fails("fluent-syntax-error");
    run.expect(&Expect {
        message: &["Fluent"],
        ..error("locales/en/site.ftl", Some(2))
    });
}

#[test]
fn a_duplicate_fluent_message_id_is_an_error_on_the_second_definition() {
    let run = fails("fluent-duplicate-id");
    run.expect(&Expect {
        message: &["site-slogan", "twice"],
        ..error("locales/vi/site.ftl", Some(6))
    });
}

#[test]
fn a_fluent_message_missing_a_variable_is_an_error_at_the_message_naming_the_template_call() {
    let run = fails("fluent-missing-variable");
    run.expect(&Expect {
        message: &["greeting", "name"],
        hint: &["page.html:4"],
        ..error("locales/vi/site.ftl", Some(6))
    });
}

// --- templates -----------------------------------------------------------------------

#[test]
fn a_tera_syntax_error_names_the_template_and_line() {
    let run = fails("tera-syntax-error");
    run.expect(&error("templates/page.html", Some(3)));
}

#[test]
fn a_call_to_an_unknown_template_function_names_it() {
    let run = fails("tera-unknown-function");
    run.expect(&Expect {
        message: &["translate"],
        hint: &["t()"],
        ..error("templates/page.html", Some(4))
    });
}

// --- typed blocks ----------------------------------------------------------------------

#[test]
fn an_unknown_project_sector_and_a_non_numeric_area_are_errors_on_their_lines() {
    let run = fails("bad-project");
    run.expect(&Expect {
        message: &["mining", "sector"],
        hint: &["industry"],
        ..error(BAD, Some(5))
    });
    run.expect(&Expect {
        message: &["area_ha", "big"],
        ..error(BAD, Some(7))
    });
}

#[test]
fn an_event_that_ends_before_it_starts_is_an_error_on_the_end_line() {
    let run = fails("bad-event");
    run.expect(&Expect {
        message: &["before it starts"],
        ..error(BAD, Some(6))
    });
}

// --- symlinks ------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_symlink_in_content_pointing_outside_the_site_is_refused() {
    use std::os::unix::fs::symlink;
    let site = Site::new("bad/minimal");
    let outside = site.outside("outside");
    fs::create_dir_all(&outside).expect("mkdir");
    fs::write(
        outside.join("secret.md"),
        "---\ntitle: Secret\n---\n\nTOP-SECRET\n",
    )
    .expect("write");
    symlink(
        outside.join("secret.md"),
        site.path("content/news/secret.md"),
    )
    .expect("symlink");
    symlink(&outside, site.path("content/ext")).expect("symlink");
    let run = fails_in(&site);
    run.expect(&Expect {
        message: &["symlink", "outside the site"],
        ..error("content/news/secret.md", None)
    });
    run.expect(&Expect {
        message: &["symlink", "outside the site"],
        ..error("content/ext", None)
    });
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_file_inside_the_site_is_followed() {
    use std::os::unix::fs::symlink;
    let site = Site::new("bad/minimal");
    site.write(
        "shared/chung.md",
        "---\ntitle: Bài dùng chung\n---\n\nNội dung chung.\n",
    );
    symlink("../../shared/chung.md", site.path("content/news/chung.md")).expect("symlink");
    site.build_ok(&[]);
    assert!(site
        .read_public("news/chung/index.html")
        .contains("Nội dung chung."));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    use std::os::unix::fs::symlink;
    let site = Site::new("bad/minimal");
    symlink("..", site.path("content/news/loop")).expect("symlink");
    let run = fails_in(&site);
    run.expect(&Expect {
        message: &["loop"],
        ..error("content/news/loop", None)
    });
}

#[cfg(unix)]
#[test]
fn two_symlinks_pointing_at_each_other_are_an_error() {
    use std::os::unix::fs::symlink;
    let site = Site::new("bad/minimal");
    symlink("b.md", site.path("content/news/a.md")).expect("symlink");
    symlink("a.md", site.path("content/news/b.md")).expect("symlink");
    let run = fails_in(&site);
    run.expect(&Expect {
        message: &["symbolic links"],
        ..error("content/news/a.md", None)
    });
}

// --- size ------------------------------------------------------------------------------

#[test]
fn a_fifty_megabyte_article_builds() {
    let site = Site::new("bad/minimal");
    let mut text = String::with_capacity(51 * 1024 * 1024);
    text.push_str("---\ntitle: Bài rất dài\ndate: 2026-01-12\n---\n\n");
    let sentence =
        "Bình Phước là tỉnh biên giới ở Đông Nam Bộ, có cửa khẩu Hoa Lư và nhiều khu công nghiệp. ";
    let mut i = 0usize;
    while text.len() < 50 * 1024 * 1024 {
        if i.is_multiple_of(100) {
            text.push_str(&format!("## Phần {}\n\n", i / 100));
        } else {
            text.push_str(&format!("Đoạn {i}. "));
            for _ in 0..3 {
                text.push_str(sentence);
            }
            text.push_str("\n\n");
        }
        i += 1;
    }
    let last = format!("Đoạn cuối cùng số {i}.");
    text.push_str(&last);
    text.push('\n');
    site.write("content/news/big.md", &text);

    let start = Instant::now();
    let run = site.build(&[]);
    let elapsed = start.elapsed();
    eprintln!(
        "a {} MB article built in {:.1} s",
        text.len() / (1024 * 1024),
        elapsed.as_secs_f64()
    );
    run.assert_ok();
    let html = site.read_public("news/big/index.html");
    assert!(html.len() > 50 * 1024 * 1024, "{} bytes", html.len());
    assert!(html.contains(&last), "the end of the article is there");
    assert!(html.contains("<h2 id=\"phan-0\">Phần 0</h2>"));
    assert!(html.contains(&format!("<h2 id=\"phan-{}\">", (i - 1) / 100)));
}

// --- file names an editor got wrong (issue #19, item 2) -----------------------

#[test]
fn a_language_suffix_or_md_extension_in_the_wrong_case_is_an_error_naming_the_fix() {
    let run = fails("wrong-case-file-names");
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/ok.EN.md"),
        message: &["`.EN`", "wrong case", "`en`"],
        hint: &["rename the file to `ok.en.md`"],
        ..Default::default()
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/bai-moi.MD"),
        message: &["`.MD`", "`.md`"],
        hint: &["rename the file to `bai-moi.md`"],
        ..Default::default()
    });
}

#[test]
fn a_file_with_front_matter_that_is_not_md_is_warned_and_not_published() {
    let (site, run) = accepted("front-matter-outside-md");
    for (file, fix) in [
        ("content/news/welcome2.md.txt", "`welcome2.md`"),
        ("content/news/x.markdown", "`x.md`"),
    ] {
        run.expect(&Expect {
            severity: "warning",
            file: Some(file),
            message: &["starts with front matter", "not published"],
            hint: &[fix],
            ..Default::default()
        });
    }
    assert!(!site.has_public("news/welcome2.md.txt"));
    assert!(!site.has_public("news/x.markdown"));
    // Other files are published as they are; a YAML file's `---` is data.
    assert!(site.has_public("news/notes.txt"));
    assert!(site.has_public("news/data.yaml"));
    assert_eq!(run.warnings(), 2, "{}", run.describe());
}
