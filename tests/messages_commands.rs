//! mekong's commands speak the reader's language: a refused output folder,
//! `new` and `init`, the `i18n` table and `--init` file, `serve` on the
//! terminal and over the page in the browser, and wrong option values, each
//! under a Vietnamese and an English locale. (The mistakes of a site are in
//! tests/messages.rs.)

mod common;

use common::{path_str, run_in_locale as run, Site, EN, VI};
use std::process::Command;

/// `build` (plain messages) in a language: standard error.
fn build_in(lang: &str, site: &Site, out: &std::path::Path) -> String {
    let args = [
        "build",
        "--root",
        path_str(&site.root),
        "--output",
        path_str(out),
        "--message-format",
        "plain",
    ];
    run(lang, &args).1
}

#[test]
fn a_refused_output_folder_is_told_in_vietnamese_and_in_english() {
    let site = Site::new("three-line");
    let out = site.outside("not-mekongs");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("ke-hoach.docx"), "x").expect("write");
    let english = build_in(EN, &site, &out);
    assert!(
        english.contains("it holds files mekong did not write (hint: empty the folder"),
        "{english}"
    );
    let vietnamese = build_in(VI, &site, &out);
    assert!(
        vietnamese
            .contains("thư mục này có tệp không do mekong ghi ra (gợi ý: hãy làm trống thư mục"),
        "{vietnamese}"
    );
    let english = build_in(EN, &site, &site.path("content"));
    assert!(
        english.contains("it is inside the site's content/ folder"),
        "{english}"
    );
    let vietnamese = build_in(VI, &site, &site.path("content"));
    assert!(
        vietnamese.contains("thư mục này nằm trong thư mục content/ của trang"),
        "{vietnamese}"
    );
}

#[test]
fn init_and_new_say_what_they_wrote_in_each_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vi_site = dir.path().join("cong-vi");
    let (said, _) = run(VI, &["init", path_str(&vi_site)]);
    assert!(said.contains("đã tạo cổng thông tin mới trong"), "{said}");
    assert!(
        said.contains("tệp); tạo trang web bằng lệnh `mekong build --root"),
        "{said}"
    );
    let en_site = dir.path().join("portal-en");
    let (said, _) = run(EN, &["init", path_str(&en_site)]);
    assert!(said.contains("wrote a new portal in"), "{said}");
    assert!(
        said.contains("files); build it with `mekong build --root"),
        "{said}"
    );
    let (_, refused) = run(VI, &["init", path_str(&vi_site)]);
    assert!(
        refused.contains("không trống: đang có content"),
        "{refused}"
    );

    let root = path_str(&vi_site);
    let (said, _) = run(VI, &["new", "tourism/thac-mo", "--root", root]);
    assert!(
        said.contains(
            "đã tạo content/tourism/thac-mo.md (bản nháp: xem trước bằng `mekong serve --drafts`"
        ),
        "{said}"
    );
    let article = std::fs::read_to_string(vi_site.join("content/tourism/thac-mo.md"))
        .expect("the new article");
    assert!(article.contains("Viết nội dung bài ở đây."), "{article}");
    let (said, _) = run(
        VI,
        &["new", "tourism/thac-mo", "--lang", "en", "--root", root],
    );
    assert!(
        said.contains("bản sao của content/tourism/thac-mo.md để dịch"),
        "{said}"
    );
    let translation = std::fs::read_to_string(vi_site.join("content/tourism/thac-mo.en.md"))
        .expect("the translation");
    assert!(
        translation.contains("# Dịch từ content/tourism/thac-mo.md"),
        "{translation}"
    );

    let root = path_str(&en_site);
    let (said, _) = run(EN, &["new", "news/mua-lu", "--root", root]);
    assert!(
        said.contains("wrote content/news/mua-lu.md (a draft"),
        "{said}"
    );
    for (lang, args, want) in [
        (
            EN,
            ["new", "nowhere", "--lang", "vi"],
            "error: `nowhere` is not SECTION/SLUG",
        ),
        (
            VI,
            ["new", "nowhere", "--lang", "vi"],
            "lỗi: `nowhere` không có dạng CHUYÊN-MỤC/TÊN-BÀI",
        ),
        (
            EN,
            ["new", "tourism/x", "--lang", "fr"],
            "error: `fr` is not a language of the site",
        ),
        (
            VI,
            ["new", "tourism/x", "--lang", "fr"],
            "lỗi: `fr` không phải là ngôn ngữ của trang",
        ),
        (
            EN,
            ["new", "turism/x", "--lang", "vi"],
            "(hint: did you mean `tourism`?",
        ),
        (
            VI,
            ["new", "turism/x", "--lang", "vi"],
            "(gợi ý: có phải bạn định viết `tourism`?",
        ),
    ] {
        let mut all = args.to_vec();
        all.extend(["--root", root, "--message-format", "plain"]);
        let (_, told) = run(lang, &all);
        assert!(told.contains(want), "`{want}` in:\n{told}");
    }
}

#[test]
fn the_i18n_table_and_init_file_are_in_the_readers_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("portal");
    run(EN, &["init", path_str(&site)]);
    let root = path_str(&site);
    let (table, _) = run(VI, &["i18n", "--root", root]);
    for want in [
        "ngôn ngữ",
        "đã dịch",
        "chưa dịch",
        "bài chưa dịch",
        "(dịch từ content/",
    ] {
        assert!(table.contains(want), "`{want}` in:\n{table}");
    }
    let (table, _) = run(EN, &["i18n", "--root", root]);
    for want in [
        "language",
        "translated",
        "missing article",
        "(from content/",
    ] {
        assert!(table.contains(want), "`{want}` in:\n{table}");
    }
    let (csv, _) = run(VI, &["i18n", "--root", root, "--format", "csv"]);
    assert!(csv.starts_with("language,kind,item,detail"), "{csv}");
    assert!(csv.contains(",missing-article,"), "{csv}");

    std::fs::remove_file(site.join("locales/lo/site.ftl")).expect("remove lo");
    let (said, _) = run(VI, &["i18n", "--init", "lo", "--root", root]);
    assert!(said.contains("đã ghi locales/lo/site.ftl với"), "{said}");
    assert!(said.contains("thông điệp cần dịch"), "{said}");
    let file = std::fs::read_to_string(site.join("locales/lo/site.ftl")).expect("written");
    assert!(file.starts_with("# Thông điệp bằng "), "{file}");
    assert!(file.contains("## Của giao diện"), "{file}");
}

#[test]
fn serve_speaks_the_readers_language_on_the_terminal_and_over_the_page() {
    use std::io::{BufRead, BufReader, Read, Write};
    let site = Site::new("bad/image-empty");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mekong"))
        .args(["serve", "--port", "0", "--root", path_str(&site.root)])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MEKONG_LANG")
        .env("LANG", VI)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start mekong serve");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let port = loop {
        let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) else {
            let _ = child.kill();
            panic!("no `đang phục vụ` line: {lines:?}");
        };
        lines.push(line.clone());
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            break digits.parse::<u16>().expect("port");
        }
    };
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(b"GET /news/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .expect("request");
    let mut page = String::new();
    let _ = stream.read_to_string(&mut page);
    let _ = child.kill();
    let _ = child.wait();
    let said = lines.join("\n");
    assert!(
        said.contains("tạo trang web không thành công sau")
            && said.contains("1 lỗi (máy chủ vẫn chạy"),
        "{said}"
    );
    assert!(
        said.contains("đang phục vụ ") && said.contains(" (bấm Ctrl-C để dừng)"),
        "{said}"
    );
    assert!(page.contains("404: không tìm thấy trang"), "{page}");
    assert!(page.contains("mekong: không tạo được trang web"), "{page}");
    assert!(page.contains("lỗi: `image` đang để trống"), "{page}");
}

#[test]
fn a_wrong_option_value_is_told_in_each_language() {
    let (_, vietnamese) = run(VI, &["report", "--period", "2026-X9"]);
    assert!(
        vietnamese.contains("`2026-X9` không phải là một kỳ báo cáo: hãy ghi một năm (2026)"),
        "{vietnamese}"
    );
    let (_, english) = run(EN, &["report", "--period", "2026-X9"]);
    assert!(
        english.contains("`2026-X9` is not a period: write a year (2026)"),
        "{english}"
    );
    let (_, vietnamese) = run(VI, &["build", "--base-url", "foo"]);
    assert!(
        vietnamese.contains("`foo` không phải là địa chỉ http(s) hay một đường dẫn"),
        "{vietnamese}"
    );
    let (_, vietnamese) = run(VI, &["check", "--output", "x"]);
    assert!(
        vietnamese.contains("`--output` không dùng được với `mekong check`"),
        "{vietnamese}"
    );
}
