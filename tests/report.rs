//! `mekong report` on `tests/fixtures/report`: three units, a plan of three
//! tasks, articles over 2025 and 2026 in vi, en and lo. The same numbers in
//! every format; the workbook read back by calamine (not the crate that
//! wrote it) holds the CSV's cells, numbers as numbers, dates as dates.
//! Plan and `plan:` mistakes are located.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use serde_json::Value;
use std::process::Command;

/// `mekong report --root SITE ARGS` with the words' language set.
fn report(site: &Site, lang: &str, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_mekong"))
        .args([
            "report",
            "--root",
            path_str(&site.root),
            "--message-format",
            "plain",
        ])
        .args(args)
        .env("MEKONG_LANG", lang)
        .output()
        .expect("run mekong");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        json: None,
    }
}

fn ok(site: &Site, lang: &str, args: &[&str]) -> String {
    let run = report(site, lang, args);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    run.stdout
}

/// The CSV blocks: summary, by unit, plan, articles; each a header and rows.
fn csv_blocks(text: &str) -> Vec<Vec<Vec<String>>> {
    text.split("\n\n")
        .map(|block| {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(block.as_bytes())
                .records()
                .map(|r| r.expect("a CSV row").iter().map(str::to_string).collect())
                .collect()
        })
        .collect()
}

fn summary_value(blocks: &[Vec<Vec<String>>], item: &str) -> String {
    blocks[0]
        .iter()
        .find(|r| r[0] == item)
        .unwrap_or_else(|| panic!("no summary row {item}: {:?}", blocks[0]))[1]
        .clone()
}

#[test]
fn the_first_half_of_2026_is_counted_per_unit_section_and_language() {
    let site = Site::new("report");
    let blocks = csv_blocks(&ok(
        &site,
        "vi",
        &["--period", "2026-H1", "--format", "csv"],
    ));
    assert_eq!(blocks.len(), 4, "summary, by unit, plan, articles");
    assert_eq!(summary_value(&blocks, "Bài viết mới trong kỳ"), "4");
    // a1.en and a1.lo; a2.en is dated July, outside the half-year.
    assert_eq!(summary_value(&blocks, "Bản dịch đăng trong kỳ"), "3");
    assert_eq!(summary_value(&blocks, "Sự kiện mới"), "1");
    assert_eq!(summary_value(&blocks, "Nhiệm vụ hoàn thành"), "1");
    assert_eq!(summary_value(&blocks, "Nhiệm vụ chậm tiến độ"), "1");
    assert_eq!(summary_value(&blocks, "Bài viết còn thiếu bản dịch"), "3");
    assert_eq!(summary_value(&blocks, "Từ ngày"), "2026-01-01");
    let by_unit: Vec<String> = blocks[1][1..].iter().map(|r| r.join("|")).collect();
    assert_eq!(
        by_unit,
        [
            "Sở Ngoại vụ|Tin tức|vi|2|0|0|0|0",
            "Sở Ngoại vụ|Tin tức|en|0|1|0|0|0",
            "Sở Ngoại vụ|Tin tức|lo|0|1|0|0|0",
            "Sở Thông tin và Truyền thông|Tin tức|en|1|0|0|0|0",
            "Sở Văn hóa, Thể thao và Du lịch|Du lịch|vi|1|0|0|0|1",
            "Sở Văn hóa, Thể thao và Du lịch|Du lịch|en|0|1|0|0|0",
        ]
    );
    let plan: Vec<String> = blocks[2][1..]
        .iter()
        .map(|r| format!("{} {} {} {} {}", r[0], r[7], r[8], r[9], r[10]))
        .collect();
    assert_eq!(
        plan,
        [
            "t-ban-tin  2 2 Hoàn thành",
            "t-ban-tin lo 1 1 Hoàn thành",
            "t-su-kien  2 1 Chậm tiến độ",
        ],
        "t-cu (2025) is outside the period"
    );
    let articles = &blocks[3];
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[1][0], "Giao lưu hữu nghị Việt – Lào");
    assert_eq!(articles[1][5], "lo", "a2 is not in Lao");
    assert_eq!(articles[4][7], "https://report.example.org/portal/news/a1/");
}

#[test]
fn the_whole_year_in_json_and_one_unit() {
    let site = Site::new("report");
    let json: Value =
        serde_json::from_str(&ok(&site, "vi", &["--period", "2026", "--format", "json"]))
            .expect("JSON");
    let sum = |key: &str| -> u64 {
        json["by_unit"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r[key].as_u64().expect("a count"))
            .sum()
    };
    assert_eq!(
        (sum("articles"), sum("translations"), sum("events")),
        (5, 4, 2)
    );
    let status = |task: &str| {
        json["tasks"]
            .as_array()
            .expect("tasks")
            .iter()
            .find(|t| t["task"] == task)
            .map(|t| t["status"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(status("t-su-kien").as_deref(), Some("done"));
    assert_eq!(json["period"]["to"], "2026-12-31");

    let json: Value = serde_json::from_str(&ok(
        &site,
        "vi",
        &[
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--unit",
            "so-tttt",
            "--format",
            "json",
        ],
    ))
    .expect("JSON");
    let rows = json["by_unit"].as_array().expect("rows");
    assert!(rows.iter().all(|r| r["unit"] == "so-tttt"), "{rows:?}");
    assert_eq!(
        rows.iter()
            .map(|r| r["articles"].as_u64().unwrap_or(0))
            .sum::<u64>(),
        2
    );
    assert_eq!(json["tasks"][0]["task"], "t-cu");
    assert_eq!(json["tasks"][0]["done"], 1);
    assert_eq!(json["tasks"][0]["status"], "done");
}

fn serial_to_day(serial: f64) -> String {
    // Excel's day 0 is 1899-12-30 (after its 1900 leap-year bug).
    let mut days = serial.floor() as i64 - 25_569; // to 1970-01-01
    let mut year = 1970;
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
            366
        } else {
            365
        };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while days >= months[month] {
        days -= months[month];
        month += 1;
    }
    format!("{year:04}-{:02}-{:02}", month + 1, days + 1)
}

#[test]
fn the_workbook_holds_the_csv_cells_with_numbers_and_dates_typed() {
    let site = Site::new("report");
    let csv = csv_blocks(&ok(
        &site,
        "en",
        &["--period", "2026-H1", "--format", "csv"],
    ));
    let file = site.outside("report.xlsx");
    let run = report(
        &site,
        "en",
        &[
            "--period",
            "2026-H1",
            "--format",
            "xlsx",
            "-o",
            path_str(&file),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(&file).expect("an xlsx workbook");
    assert_eq!(
        book.sheet_names(),
        ["Summary", "By unit", "Plan", "Articles"]
    );
    let (mut numbers, mut dates) = (0, 0);
    for (name, block) in book.sheet_names().iter().zip(&csv) {
        let range = book.worksheet_range(name).expect("a sheet");
        let cells: Vec<Vec<String>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::String(s) => s.clone(),
                        Data::Float(f) => {
                            numbers += 1;
                            format!("{f}")
                        }
                        Data::Int(i) => {
                            numbers += 1;
                            i.to_string()
                        }
                        Data::DateTime(d) => {
                            dates += 1;
                            serial_to_day(d.as_f64())
                        }
                        Data::Empty => String::new(),
                        other => panic!("unexpected cell {other:?} in {name}"),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(&cells, block, "sheet {name}");
    }
    // Summary: 9 counts; by unit 6 rows × 5; plan 3 rows × 2; and the dates.
    assert_eq!(numbers, 9 + 30 + 6);
    assert_eq!(dates, 2 + 3 * 2 + 4);
}

#[test]
fn the_html_page_is_a_printable_a4_page_in_english_or_vietnamese() {
    let site = Site::new("report");
    let en = ok(&site, "en", &["--period", "2026-H1", "--format", "html"]);
    assert!(en.contains("@page { size: A4"), "{en}");
    assert!(en.contains("<h1>External information report</h1>"));
    assert!(en.contains(
        "<td>Department of Foreign Affairs</td><td>News</td><td>vi</td><td class=\"n\">2</td>"
    ));
    let vi = ok(
        &site,
        "vi",
        &[
            "--period",
            "2026-H1",
            "--format",
            "html",
            "-o",
            path_str(&site.outside("r.html")),
        ],
    );
    assert!(vi.is_empty(), "-o writes the file, not stdout");
    let page = read(&site.outside("r.html"));
    assert!(
        page.contains("<html lang=\"vi\">") && page.contains("Chậm tiến độ"),
        "{page}"
    );
    let table = ok(&site, "vi", &["--period", "2026-H1"]);
    assert!(
        table.starts_with("Báo cáo thông tin đối ngoại\n"),
        "{table}"
    );
    assert!(table.contains("t-su-kien"));
}

#[test]
fn an_unknown_unit_or_a_bad_period_is_refused() {
    let site = Site::new("report");
    let run = report(&site, "vi", &["--unit", "so-ngoaivu"]);
    assert_eq!(run.code, 1);
    assert!(
        // MEKONG_LANG=vi: mekong's own messages are Vietnamese too.
        run.stderr.contains("có phải bạn định viết `so-ngoai-vu`"),
        "{}",
        run.stderr
    );
    let run = report(&site, "vi", &["--period", "2026-H3"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = report(&site, "vi", &["--format", "xlsx"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("-o bao-cao.xlsx"), "{}", run.stderr);
}

#[test]
fn plan_mistakes_are_located_in_plan_yaml_and_in_articles() {
    let site = Site::new("report");
    let plan = read(&site.path("plan.yaml"))
        .replace("lead: so-vhttdl", "lead: so-vhtdl")
        .replace(
            "period: 2025",
            "period: { from: 2025-12-31, to: 2025-01-01 }",
        );
    site.write("plan.yaml", plan);
    site.write(
        "content/news/e1.md",
        "---\ntitle: Sai nhiệm vụ\ndate: 2026-01-05\nunit: so-tttt\nplan:\n  - t-cu\n  - t-ban-tinn\n---\nx\n",
    );
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("plan.yaml"),
        line: Some(12),
        message: &["so-vhtdl"],
        hint: &["did you mean `so-vhttdl`"],
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("plan.yaml"),
        line: Some(19),
        message: &["ends", "before it starts"],
        hint: &["from: 2025-01-01, to: 2025-12-31"],
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/e1.md"),
        line: Some(7),
        message: &["t-ban-tinn"],
        hint: &["did you mean `t-ban-tin`"],
    });
}

#[test]
fn the_messages_option_chooses_the_reports_words_and_a_bad_period_suggests_from_and_to() {
    let site = Site::new("report");
    let vi = ok(&site, "en", &["--period", "2026", "--messages", "vi"]);
    let en = ok(&site, "en", &["--period", "2026"]);
    assert_ne!(vi.lines().next(), en.lines().next(), "{vi}\n{en}");
    assert!(!vi.contains("External information report"), "{vi}");
    let run = report(&site, "en", &["--period", "2026-H3"]);
    assert!(
        run.stderr.contains("--from 2026-01-01 --to 2026-06-30") && !run.stderr.contains("{ from:"),
        "{}",
        run.stderr
    );
}

#[test]
fn translations_take_their_groups_unit_and_plan_in_the_open_data() {
    let site = Site::new("report");
    site.write(
        "content/tourism/b1.en.md",
        "---\ntitle: \"Soc Bom Bo festival\"\ndate: 2026-04-01\nevent: { start: 2026-04-20 }\n---\nText.\n",
    );
    site.build_ok(&[]);
    let events: Value = serde_json::from_str(&site.read_public("data/events.json")).expect("json");
    let rows = events["items"].as_array().expect("items");
    let en = rows
        .iter()
        .find(|r| r["language"] == "en")
        .expect("the en row");
    assert_eq!(en["unit"], "so-vhttdl", "{en}");
    assert_eq!(en["plan"], serde_json::json!(["t-su-kien"]), "{en}");
}

#[test]
fn target_mistakes_are_reported_at_their_items_line_and_no_valid_task_is_said() {
    let site = Site::new("report");
    let plan = read(&site.path("plan.yaml"))
        .replace("- { articles: 1, lang: lo }", "- { articles: 1, lang: fr }")
        .replace("- { events: 2 }", "- { events: 0 }");
    site.write("plan.yaml", plan);
    let run = site.check(&[]);
    run.assert_code(1);
    for (line, what) in [(9, "fr"), (15, "events")] {
        run.expect(&Expect {
            severity: "error",
            file: Some("plan.yaml"),
            line: Some(line),
            message: &[what],
            ..Default::default()
        });
    }
    // Every task broken: an article naming another task is told so.
    let broken = read(&site.path("plan.yaml")).replace("lead: ", "lead: x-");
    site.write("plan.yaml", broken);
    site.write(
        "content/news/e1.md",
        "---\ntitle: X\ndate: 2026-01-05\nplan: [nothing-like-it]\n---\nx\n",
    );
    let run = site.check(&[]);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/news/e1.md"),
        hint: &["no valid task"],
        ..Default::default()
    });
}
