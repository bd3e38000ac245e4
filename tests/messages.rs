//! mekong speaks its editors' language: the same broken sites checked under
//! a Vietnamese and an English locale say the same things in each language,
//! with the same stable codes in the JSON format; `--help` follows too.

mod common;

use common::{path_str, run_in_locale as run, Site, EN, VI};
use std::process::Command;

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
    (
        "bad/empty-file",
        "content.empty-file",
        "error: the file is empty (hint: write front matter",
        "lỗi: tệp này đang trống (gợi ý: hãy ghi phần thông tin đầu bài",
    ),
    (
        "bad/unknown-translation-language",
        "content.unknown-language-suffix",
        "this is a translation into `fr`, which is not a language of the site",
        "đây là bản dịch sang `fr`, nhưng đây không phải là ngôn ngữ của trang",
    ),
];

/// What `check` says about `site` in both languages, and the JSON codes.
fn told(site: &Site) -> (String, String, Vec<String>) {
    let root = path_str(&site.root);
    let args = ["check", "--root", root, "--message-format", "plain"];
    let (_, english) = run(EN, &args);
    let (_, vietnamese) = run(VI, &args);
    let (json, _) = run(VI, &["check", "--root", root, "--message-format", "json"]);
    let json: serde_json::Value = serde_json::from_str(json.trim()).expect("JSON output");
    let codes = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    (english, vietnamese, codes)
}

/// Each `(fixture, code, English, Vietnamese)`: `check` on the fixture says
/// the English under an English locale, the Vietnamese under a Vietnamese
/// one, and the JSON carries the code.
fn each_is_told(mistakes: &[(&str, &str, &str, &str)]) {
    for (fixture, code, en, vi) in mistakes {
        let (english, vietnamese, codes) = told(&Site::new(fixture));
        assert!(english.contains(en), "{fixture} in English:\n{english}");
        assert!(
            vietnamese.contains(vi),
            "{fixture} in Vietnamese:\n{vietnamese}"
        );
        assert!(
            codes.iter().any(|c| c == code),
            "{fixture}: {code} in {codes:?}"
        );
    }
}

#[test]
fn site_yaml_mistakes_are_told_in_vietnamese_and_in_english() {
    let site = Site::new("bad/minimal");
    site.edit_site_yaml("base_url: https://example.org/", "base_url: example.org");
    site.edit_site_yaml("fallback: [vi]", "fallback: [vn]");
    let (english, vietnamese, codes) = told(&site);
    for want in [
        "error: `base_url: example.org` is not a URL (hint: write a full URL",
        "language `en` falls back to `vn`, which is not configured (hint: fallbacks must be languages of the site: vi, en)",
    ] {
        assert!(english.contains(want), "`{want}` in:\n{english}");
    }
    for want in [
        "lỗi: `base_url: example.org` không phải là một địa chỉ URL (gợi ý: hãy ghi địa chỉ đầy đủ",
        "ngôn ngữ `en` dự phòng bằng `vn`, nhưng ngôn ngữ này chưa được khai báo (gợi ý: ngôn ngữ dự phòng phải là một ngôn ngữ của trang: vi, en)",
    ] {
        assert!(vietnamese.contains(want), "`{want}` in:\n{vietnamese}");
    }
    for code in ["config.bad-base-url", "config.unknown-fallback"] {
        assert!(codes.iter().any(|c| c == code), "{code} in {codes:?}");
    }
}

#[test]
fn an_unknown_unit_is_told_in_vietnamese_and_in_english() {
    let site = Site::new("bad/minimal");
    site.edit_site_yaml(
        "search: false",
        "search: false\nunits:\n  so-tttt: { vi: Sở Thông tin và Truyền thông, en: Department of Information }\n",
    );
    site.write(
        "content/news/unit.md",
        "---\ntitle: Tin\ndate: 2026-12-01\nunit: so-ttt\n---\nNội dung.\n",
    );
    site.write(
        "content/news/named.md",
        "---\ntitle: Tin\ndate: 2026-12-01\nunit: Sở Thông tin và Truyền thông\n---\nNội dung.\n",
    );
    let (english, vietnamese, codes) = told(&site);
    for want in [
        "error: `unit: so-ttt` is not a unit declared in site.yaml (hint: did you mean `so-tttt`?)",
        "(hint: write the unit's id: `unit: so-tttt` (its names per language come from `units:` in site.yaml))",
    ] {
        assert!(english.contains(want), "`{want}` in:\n{english}");
    }
    for want in [
        "lỗi: `unit: so-ttt` không phải là đơn vị đã khai báo trong site.yaml (gợi ý: có phải ý bạn là `so-tttt`?)",
        "(gợi ý: hãy ghi mã của đơn vị: `unit: so-tttt` (tên đơn vị theo từng ngôn ngữ lấy từ mục `units:` trong site.yaml))",
    ] {
        assert!(vietnamese.contains(want), "`{want}` in:\n{vietnamese}");
    }
    assert!(
        codes
            .iter()
            .filter(|c| *c == "content.unknown-unit")
            .count()
            == 2,
        "{codes:?}"
    );
}

#[test]
fn each_mistake_is_told_in_vietnamese_and_in_english() {
    each_is_told(MISTAKES);
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
        english.contains("built 3 pages (vi 3), 4 list, tag, 404, open-data"),
        "{english}"
    );
    assert!(english.contains(" written, "), "{english}");
    let (_, vietnamese) = run(VI, &["build", "--root", root, "--output", out]);
    assert!(
        vietnamese.contains("đã tạo 3 trang (vi 3), 4 trang danh sách, thẻ, 404, dữ liệu mở"),
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
    each_is_told(SITE_MISTAKES);
}

#[test]
fn plan_mistakes_are_told_in_vietnamese_and_in_english() {
    let site = Site::new("bad/minimal");
    site.write(
        "plan.yaml",
        "tasks:\n  - id: ban-tin\n    title: { vi: Bản tin đối ngoại }\n    lead: so-tttt\n",
    );
    let (english, vietnamese, codes) = told(&site);
    let want = "error: task `ban-tin` has no period (hint: add `period:` with a year (2026), a half (2026-H1)";
    assert!(english.contains(want), "`{want}` in:\n{english}");
    let want = "lỗi: nhiệm vụ `ban-tin` chưa có thời gian thực hiện (gợi ý: hãy thêm `period:` với một năm (2026), nửa năm (2026-H1)";
    assert!(vietnamese.contains(want), "`{want}` in:\n{vietnamese}");
    assert!(codes.iter().any(|c| c == "plan.no-period"), "{codes:?}");
}

/// Text as saved, YAML, templates, a Fluent message a template calls
/// wrongly, and two outputs at one path: the fixture, its code, and what
/// the message says in English and in Vietnamese.
const BUILD_MISTAKES: &[(&str, &str, &str, &str)] = &[
    (
        "bad/invalid-utf8",
        "source.not-utf8",
        "error: the file is not valid UTF-8 text (hint: save the file as UTF-8",
        "lỗi: tệp không phải văn bản UTF-8 hợp lệ (gợi ý: hãy lưu tệp dưới dạng UTF-8",
    ),
    (
        "bad/yaml-tab",
        "yaml.tab",
        "error: a tab is used for indentation; YAML allows only spaces",
        "lỗi: dòng này thụt lề bằng phím Tab; YAML chỉ cho phép dấu cách",
    ),
    (
        "bad/yaml-syntax",
        "yaml.invalid",
        "(hint: a value containing `: ` must be quoted",
        "(gợi ý: giá trị có chứa `: ` phải đặt trong dấu ngoặc kép",
    ),
    (
        "bad/unknown-site-key",
        "yaml.unknown-key",
        "error: unknown key `feed_limt` (hint: did you mean `feed_limit`?)",
        "lỗi: khóa `feed_limt` không có trong danh sách khóa được dùng (gợi ý: có phải bạn định viết `feed_limit`?)",
    ),
    (
        "bad/weight-too-big",
        "yaml.number-too-big",
        "error: weight must be a whole number between",
        "lỗi: weight phải là số nguyên từ",
    ),
    (
        "bad/tera-syntax-error",
        "template.error",
        "(hint: check the template syntax near this line",
        "(gợi ý: hãy kiểm tra cú pháp mẫu trang gần dòng này",
    ),
    (
        "bad/tera-unknown-function",
        "template.error",
        "(hint: mekong's functions are t(), url()",
        "(gợi ý: các hàm của mekong là t(), url()",
    ),
    (
        "bad/fluent-missing-variable",
        "template.fluent-unknown-variable",
        "error: Fluent message `greeting` in `vi` uses the variable `$name`, which the template does not pass (hint: it was asked for while rendering /news/ok/ by the template page.html:4",
        "lỗi: thông điệp Fluent `greeting` của ngôn ngữ `vi` dùng biến `$name`, nhưng mẫu trang không truyền biến này (gợi ý: thông điệp này được dùng khi tạo trang /news/ok/, tại mẫu trang page.html:4",
    ),
    (
        "bad/alias-at-generated-file",
        "claims.alias-taken",
        "error: alias /sitemap.xml is already taken by the file /sitemap.xml that mekong generates",
        "lỗi: địa chỉ cũ /sitemap.xml đã được dùng cho tệp /sitemap.xml do mekong tạo ra",
    ),
];

#[test]
fn text_yaml_template_and_output_mistakes_are_told_in_vietnamese_and_in_english() {
    each_is_told(BUILD_MISTAKES);
}

#[test]
fn a_misspelt_fonts_value_is_told_with_its_line_and_fix_in_vietnamese_and_in_english() {
    let site = Site::new("bad/minimal");
    let yaml = fs_read(&site.root.join("site.yaml"));
    site.write("site.yaml", format!("{yaml}fonts: embedd\n"));
    let (english, vietnamese, codes) = told(&site);
    let want =
        "site.yaml:11: error: `fonts: embedd` is not known (hint: did you mean `fonts: embed`?)";
    assert!(english.contains(want), "`{want}` in:\n{english}");
    let want = "site.yaml:11: lỗi: không có giá trị `fonts: embedd` (gợi ý: có phải ý bạn là `fonts: embed`?)";
    assert!(vietnamese.contains(want), "`{want}` in:\n{vietnamese}");
    assert!(codes.iter().any(|c| c == "config.bad-fonts"), "{codes:?}");
}

fn fs_read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).expect("read the fixture")
}
