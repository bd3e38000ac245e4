//! Paths and slugs as a new editor writes them: a path with a space (in a
//! link, an image or a reference definition), a very long slug or tag, an
//! alias with a host or a query string, a blank title, a slug of
//! punctuation, a broken link whose closest page is the linking page
//! itself, an image or an article saved by a Mac under a decomposed (NFD)
//! name, and a photo whose name is near the 255-byte limit. Each is an
//! error at the file and line with the fix, in `check` as in `build`, or
//! (the `<…>` path, the NFD names, the long photo name) simply works.
//!
//! Fixture: `tests/fixtures/bad/minimal/` (vi + en, `content/news/ok.md`),
//! with the files of each test written into it.

mod common;

use common::*;
use std::fs;

fn png() -> Vec<u8> {
    fs::read(fixtures_dir().join("images/small.png")).expect("read fixture photo")
}

/// The minimal site with `content/news/NAME.md` holding `text`.
fn site_with(name: &str, text: &str) -> Site {
    let site = Site::new("bad/minimal");
    site.write(&format!("content/news/{name}.md"), text);
    site
}

/// `check` and `build` both fail with `want`, and `build` writes nothing.
fn both_fail(site: &Site, want: &Expect<'_>) {
    let check = site.check(&[]);
    check.assert_code(1);
    check.expect(want);
    let build = site.build(&[]);
    build.assert_code(1);
    build.expect(want);
    assert!(!site.public().exists(), "a failed build wrote public/");
}

#[test]
fn an_image_path_with_a_space_is_an_error_at_its_line_with_the_fix() {
    let site = site_with(
        "cua-khau",
        "---\ntitle: Cửa khẩu\n---\n\nẢnh:\n\n![Cửa khẩu](/images/Ảnh cửa khẩu.png)\n\n`[a](/x y.pdf)`\n",
    );
    both_fail(
        &site,
        &Expect {
            severity: "error",
            file: Some("content/news/cua-khau.md"),
            line: Some(7),
            message: &["is not an image", "has a space"],
            hint: &["`![Cửa khẩu](</images/Ảnh cửa khẩu.png>)`", "%20", "rename"],
        },
    );
    assert_eq!(site.check(&[]).errors(), 1, "the code span is left alone");
}

#[test]
fn a_path_with_spaces_in_angle_brackets_or_percent_20_works_end_to_end() {
    let site = site_with(
        "cua-khau",
        "---\ntitle: Cửa khẩu\n---\n\n![Cửa khẩu](</images/Ảnh cửa khẩu.png>)\n\n\
         ![Cổng](<cong chinh.png>)\n\n[Tải ảnh](</images/Ảnh cửa khẩu.png>) \
         [Bản %20](/images/Ảnh%20cửa%20khẩu.png)\n",
    );
    site.write("static/images/Ảnh cửa khẩu.png", png());
    fs::create_dir_all(site.path("content/news/cua-khau")).expect("folder");
    fs::rename(
        site.path("content/news/cua-khau.md"),
        site.path("content/news/cua-khau/index.md"),
    )
    .expect("move into a folder");
    site.write("content/news/cua-khau/cong chinh.png", png());
    site.build_ok(&[]);
    let html = site.read_public("news/cua-khau/index.html");
    assert!(!html.contains("]("), "Markdown left as text:\n{html}");
    assert_eq!(html.matches("<picture").count(), 2, "{html}");
    assert!(site.has_public("images/Ảnh cửa khẩu.300w.webp"));
    assert!(site.has_public("news/cua-khau/cong chinh.300w.webp"));
    let href = "href=\"/images/%E1%BA%A2nh%20c%E1%BB%ADa%20kh%E1%BA%A9u.png\"";
    assert_eq!(html.matches(href).count(), 2, "{href} twice in:\n{html}");
}

#[test]
fn a_slug_or_tag_too_long_for_a_file_name_is_an_error_at_its_line() {
    // 105 Lao letters of 3 bytes: 315 bytes, over the 255 of a file name.
    let lao = "ສະບາຍດີ".repeat(15);
    let site = site_with(
        "dai",
        &format!("---\ntitle: Dài\nslug: {lao}\ntags:\n  - ngắn\n  - {lao}\n---\nNội dung.\n"),
    );
    let message = ["255 bytes", "2–3 bytes"];
    both_fail(
        &site,
        &Expect {
            severity: "error",
            file: Some("content/news/dai.md"),
            line: Some(3),
            message: &["`slug: ", "315 bytes", message[0], message[1]],
            hint: &["shorter slug"],
        },
    );
    site.check(&[]).expect(&Expect {
        severity: "error",
        file: Some("content/news/dai.md"),
        line: Some(6),
        message: &["tag", "315 bytes", message[0]],
        hint: &["shorter tag"],
    });
}

#[test]
fn aliases_with_a_host_or_a_query_string_are_errors_at_their_lines() {
    let site = site_with(
        "cu",
        "---\ntitle: Cũ\naliases:\n  - https://old.example.org/a\n  - /index.php?id=5\n  \
         - /Pages/TinTuc.aspx?ItemID=12#top\n  - https://example.org/b/\n---\nNội dung.\n",
    );
    let run = site.check(&[]);
    run.assert_code(1);
    let at = |line, message: &[&str], hint: &[&str]| {
        run.expect(&Expect {
            severity: "error",
            file: Some("content/news/cu.md"),
            line: Some(line),
            message,
            hint,
        });
    };
    at(
        4,
        &["another site", "old.example.org"],
        &["path only (`/a`)"],
    );
    at(5, &["query string"], &["`/index.php`", "server"]);
    at(6, &["query string"], &["`/Pages/TinTuc.aspx`"]);
    at(7, &["full address"], &["`/b/`"]);
    assert_eq!(run.errors(), 4, "{}", run.describe());
}

#[test]
fn a_blank_title_is_the_missing_title_error_at_its_line() {
    let site = site_with(
        "trong",
        "---\ndate: 2026-01-02\ntitle: \"  \"\n---\nNội dung.\n",
    );
    both_fail(
        &site,
        &Expect {
            severity: "error",
            file: Some("content/news/trong.md"),
            line: Some(3),
            message: &["has no title"],
            hint: &["after `title:`"],
        },
    );
}

#[test]
fn a_slug_without_letters_is_an_error_at_its_line() {
    let site = site_with("dau", "---\ntitle: Dấu\nslug: \"!!!\"\n---\nNội dung.\n");
    both_fail(
        &site,
        &Expect {
            severity: "error",
            file: Some("content/news/dau.md"),
            line: Some(3),
            message: &["no letters or digits"],
            hint: &["`nui-ba-ra`", "file name"],
        },
    );
}

#[test]
fn a_broken_link_never_suggests_the_linking_page() {
    let site = site_with(
        "p",
        "---\ntitle: P\n---\n[a](@/news/nope.md) [b](/news/np/)\n",
    );
    let run = site.check(&[]);
    run.assert_code(1);
    let diags = run.diagnostics();
    assert_eq!(diags.len(), 2, "{}", run.describe());
    for d in diags {
        assert!(
            !d.hint.contains("news/p.md") && !d.hint.contains("/news/p/"),
            "{}",
            run.describe()
        );
    }
}

#[test]
fn an_image_saved_under_another_unicode_normalization_is_found() {
    // `ảnh-đẹp` decomposed, as a Mac may save it; the articles type it NFC.
    let nfd = "a\u{309}nh-\u{111}e\u{323}p";
    let site = site_with(
        "anh",
        "---\ntitle: Ảnh\nimage: /images/ảnh-đẹp.png\n---\n![Đẹp](/images/ảnh-đẹp.png)\n",
    );
    site.write(&format!("static/images/{nfd}.png"), png());
    site.build_ok(&[]);
    let html = site.read_public("news/anh/index.html");
    assert!(html.contains("<picture"), "{html}");
    assert!(site.has_public(&format!("images/{nfd}.300w.webp")));
}

#[test]
fn a_reference_definition_whose_path_has_a_space_is_an_error_at_its_line() {
    let site = site_with(
        "ban-do",
        "---\ntitle: Bản đồ\n---\n\n![Bản đồ tỉnh][map] và [tệp][x]\n\n\
         [map]: /images/ban do.png\n[x]: ../a b.md\n",
    );
    both_fail(
        &site,
        &Expect {
            severity: "error",
            file: Some("content/news/ban-do.md"),
            line: Some(7),
            message: &[
                "`[map]: /images/ban do.png`",
                "does not define `[map]`",
                "space",
            ],
            hint: &["`[map]: </images/ban do.png>`", "%20", "rename"],
        },
    );
    let run = site.check(&[]);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/ban-do.md"),
        line: Some(8),
        message: &["does not define `[x]`"],
        hint: &["`[x]: <../a b.md>`"],
    });
    assert_eq!(run.errors(), 2, "{}", run.describe());
}

#[test]
fn a_reference_definition_in_angle_brackets_shows_the_image() {
    let site = site_with(
        "ban-do",
        "---\ntitle: Bản đồ\n---\n\n![Bản đồ tỉnh][map]\n\n[map]: </images/ban do.png>\n",
    );
    site.write("static/images/ban do.png", png());
    site.build_ok(&[]);
    let html = site.read_public("news/ban-do/index.html");
    assert!(html.contains("<picture"), "{html}");
    assert!(!html.contains("[map]"), "{html}");
}

#[test]
fn an_internal_link_finds_an_article_saved_under_another_unicode_normalization() {
    // `Đà-Lạt` decomposed (a Mac's file name), linked composed; `Huế`
    // composed on disk, linked decomposed.
    let da_lat_nfd = "\u{110}a\u{300}-La\u{323}t";
    let hue_nfd = "Hue\u{302}\u{301}";
    let site = site_with(
        "lien-ket",
        &format!(
            "---\ntitle: Liên kết\n---\n[Đà Lạt](@/news/Đà-Lạt.md#gioi-thieu) \
             [Huế](@/news/{hue_nfd}.md)\n"
        ),
    );
    site.write(
        &format!("content/news/{da_lat_nfd}.md"),
        "---\ntitle: Đà Lạt\n---\n## Giới thiệu\n",
    );
    site.write("content/news/Huế.md", "---\ntitle: Huế\n---\nCố đô.\n");
    site.build_ok(&[]);
    let html = site.read_public("news/lien-ket/index.html");
    assert!(html.contains("href=\"/news/da-lat/#gioi-thieu\""), "{html}");
    assert!(html.contains("href=\"/news/hue/\""), "{html}");
}

#[test]
fn a_photo_whose_variant_names_would_pass_255_bytes_is_published_under_shorter_ones() {
    // 250 bytes of name and `.png`: the photo's own name fits in 255, its
    // variants' (`.300w.webp` added) would not.
    let name = "ảnh".repeat(50);
    let site = site_with(
        "dai",
        &format!("---\ntitle: Dài\n---\n![Ảnh dài](/images/{name}.png)\n"),
    );
    site.write(&format!("static/images/{name}.png"), png());
    site.build_ok(&[]);
    let html = site.read_public("news/dai/index.html");
    assert!(html.contains("<picture"), "{html}");
    let published: Vec<String> = fs::read_dir(site.public().join("images"))
        .expect("images/ published")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let variants: Vec<&String> = published.iter().filter(|n| n.contains("w.")).collect();
    assert!(!variants.is_empty(), "{published:?}");
    for v in variants {
        assert!(v.len() <= 255, "{v}: {} bytes", v.len());
        assert!(v.starts_with("ảnhảnh") && v.contains('~'), "{v}");
        assert!(html.contains(&pct(v)), "{v} not in {html}");
    }
}
