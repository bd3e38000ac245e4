//! mekong speaks its editors' language: the same broken sites checked under
//! a Vietnamese and an English locale say the same things in each language,
//! with the same stable codes in the JSON format; `--help` follows too.

mod common;

use common::{path_str, Site};
use std::process::Command;

/// Runs the binary with only `LANG` set among the locale variables.
fn run(lang: &str, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mekong"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MEKONG_LANG")
        .env("LANG", lang)
        .output()
        .expect("run mekong");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const VI: &str = "vi_VN.UTF-8";
const EN: &str = "en_US.UTF-8";

/// Each class of front matter mistake: the fixture, its code, and what the
/// message says in English and in Vietnamese.
const MISTAKES: &[(&str, &str, &str, &str)] = &[
    (
        "bad/date-not-a-date",
        "front-matter.bad-date",
        "is not a date (hint: write dates as YYYY-MM-DD",
        "không phải là một ngày hợp lệ (gợi ý: hãy ghi ngày theo dạng NĂM-THÁNG-NGÀY",
    ),
    (
        "bad/front-matter-not-closed",
        "front-matter.not-closed",
        "error: the front matter is not closed",
        "lỗi: phần thông tin đầu bài chưa được đóng lại",
    ),
    (
        "bad/unknown-front-matter-key",
        "front-matter.unknown-key",
        "warning: unknown front matter key",
        "cảnh báo: khóa `",
    ),
    (
        "bad/weight-not-a-number",
        "front-matter.wrong-type",
        "should be a whole number, like 10, but is",
        "cần là một số nguyên, ví dụ 10, nhưng hiện đang là",
    ),
    (
        "bad/tag-without-letters",
        "front-matter.empty-tag",
        "has no letters or digits to make its URL from",
        "không có chữ cái hay chữ số nào để tạo địa chỉ trang",
    ),
    (
        "bad/image-empty",
        "front-matter.empty-image",
        "error: `image` is empty",
        "lỗi: `image` đang để trống",
    ),
    (
        "bad/bad-event",
        "event.ends-before-start",
        "the event ends (",
        "sự kiện kết thúc (",
    ),
];

#[test]
fn each_mistake_is_told_in_vietnamese_and_in_english() {
    for (fixture, code, en, vi) in MISTAKES {
        let site = Site::new(fixture);
        let root = path_str(&site.root);
        let (_, english) = run(EN, &["check", "--root", root, "--message-format", "plain"]);
        assert!(english.contains(en), "{fixture} in English:\n{english}");
        let (_, vietnamese) = run(VI, &["check", "--root", root, "--message-format", "plain"]);
        assert!(
            vietnamese.contains(vi),
            "{fixture} in Vietnamese:\n{vietnamese}"
        );
        let (json, _) = run(VI, &["check", "--root", root, "--message-format", "json"]);
        let json: serde_json::Value = serde_json::from_str(json.trim()).expect("JSON output");
        let codes: Vec<&str> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert!(codes.contains(code), "{fixture}: {code} in {json}");
    }
}

#[test]
fn counts_agree_with_their_word_in_each_language() {
    let site = Site::new("bad/date-not-a-date");
    let root = path_str(&site.root);
    let (_, english) = run(EN, &["build", "--root", root, "--message-format", "plain"]);
    assert!(
        english.contains("mekong: 1 error, 0 warnings; nothing was written"),
        "{english}"
    );
    let (_, vietnamese) = run(VI, &["build", "--root", root, "--message-format", "plain"]);
    assert!(
        vietnamese.contains("mekong: 1 lỗi, 0 cảnh báo; chưa ghi tệp nào"),
        "{vietnamese}"
    );
}

#[test]
fn the_closing_line_of_a_good_build_and_check_is_in_each_language() {
    let site = Site::new("three-line");
    let root = path_str(&site.root);
    let out = site.public();
    let out = path_str(&out);
    let (_, english) = run(EN, &["build", "--root", root, "--output", out]);
    assert!(
        english.contains("built 3 pages (vi 3), 3 list"),
        "{english}"
    );
    assert!(english.contains(" written, "), "{english}");
    let (_, vietnamese) = run(VI, &["build", "--root", root, "--output", out]);
    assert!(
        vietnamese.contains("đã tạo 3 trang (vi 3), 3 trang danh sách"),
        "{vietnamese}"
    );
    assert!(vietnamese.contains("tệp không đổi)"), "{vietnamese}");
    let (_, checked) = run(VI, &["check", "--root", root]);
    assert!(checked.contains("đã kiểm tra 3 trang (vi 3)"), "{checked}");
    assert!(checked.contains(": không có lỗi"), "{checked}");
}

#[test]
fn the_option_and_mekong_lang_override_the_locale() {
    let site = Site::new("bad/image-empty");
    let root = path_str(&site.root);
    let args = [
        "check",
        "--root",
        root,
        "--message-format",
        "plain",
        "--messages",
        "en",
    ];
    let (_, text) = run(VI, &args);
    assert!(text.contains("error: `image` is empty"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_mekong"))
        .args(["check", "--root", root, "--message-format", "plain"])
        .env("LC_ALL", EN)
        .env("MEKONG_LANG", "vi")
        .output()
        .expect("run mekong");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("lỗi: `image` đang để trống"), "{text}");
}

#[test]
fn help_is_in_vietnamese_under_a_vietnamese_locale() {
    let (help, _) = run(VI, &["--help"]);
    for want in [
        "Cách dùng:",
        "Các lệnh:",
        "Tạo trang web vào thư mục public/.",
        "Tùy chọn:",
        "Xem hướng dẫn",
    ] {
        assert!(help.contains(want), "`{want}` in:\n{help}");
    }
    let (help, _) = run(VI, &["build", "--help"]);
    for want in [
        "Tạo trang web vào thư mục public/.",
        "Cách dùng: mekong build",
        "Ghi đè thư mục kết quả",
        "Thư mục trang web, nơi có tệp site.yaml",
    ] {
        assert!(help.contains(want), "`{want}` in:\n{help}");
    }
    assert!(!help.contains("Print help"), "{help}");
    let (help, _) = run(EN, &["build", "--help"]);
    assert!(
        help.contains("Build the site into public/.") && help.contains("Print help"),
        "{help}"
    );
}

/// Links, anchors, images, URLs and the site's translations: the fixture,
/// its code, and what the message says in English and in Vietnamese.
const SITE_MISTAKES: &[(&str, &str, &str, &str)] = &[
    (
        "bad/broken-internal-link",
        "link.no-article",
        "error: broken internal link `@/news/okk.md`: there is no such article (hint: did you mean `@/news/ok.md`?",
        "lỗi: liên kết nội bộ `@/news/okk.md` bị hỏng: không có bài viết này (gợi ý: có phải ý bạn là `@/news/ok.md`?",
    ),
    (
        "bad/broken-anchor",
        "anchor.other.missing",
        "error: broken anchor `#lich-su`: news/ok.md has no such heading in `vi`",
        "lỗi: liên kết tới đề mục `#lich-su` bị hỏng: news/ok.md không có đề mục đó trong bản `vi`",
    ),
    (
        "bad/fluent-syntax-error",
        "translation.syntax",
        "error: Fluent syntax error: ",
        "lỗi: lỗi cú pháp Fluent: ",
    ),
    (
        "bad/missing-image",
        "image.cannot-use",
        "error: image `toan-canh.jpg`: there is no file content/news/toan-canh.jpg",
        "lỗi: ảnh `toan-canh.jpg`: không có tệp content/news/toan-canh.jpg",
    ),
    (
        "bad/duplicate-url",
        "url.taken",
        "error: two pages have the URL /news/ok/: this file and",
        "lỗi: hai trang có cùng địa chỉ /news/ok/: tệp này và",
    ),
    (
        "bad/alias-empty",
        "alias.empty",
        "error: alias \"\" is empty",
        "lỗi: địa chỉ cũ \"\" đang để trống",
    ),
];

#[test]
fn link_image_and_translation_mistakes_are_told_in_vietnamese_and_in_english() {
    for (fixture, code, en, vi) in SITE_MISTAKES {
        let site = Site::new(fixture);
        let root = path_str(&site.root);
        let (_, english) = run(EN, &["check", "--root", root, "--message-format", "plain"]);
        assert!(english.contains(en), "{fixture} in English:\n{english}");
        let (_, vietnamese) = run(VI, &["check", "--root", root, "--message-format", "plain"]);
        assert!(
            vietnamese.contains(vi),
            "{fixture} in Vietnamese:\n{vietnamese}"
        );
        let (json, _) = run(VI, &["check", "--root", root, "--message-format", "json"]);
        let json: serde_json::Value = serde_json::from_str(json.trim()).expect("JSON output");
        let codes: Vec<&str> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert!(codes.contains(code), "{fixture}: {code} in {json}");
    }
}
