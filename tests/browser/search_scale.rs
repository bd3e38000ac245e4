//! Search on a generated site of more than 10,000 pages: every query of
//! the four languages (and Korean and Japanese) must find its article and
//! fetch at most 300 KB of index (tests/browser/search.mjs, Chromium).

use super::*;
use std::fmt::Write as _;

/// Articles per language: 10,400 pages in all.
const ARTICLES: [(&str, usize); 6] = [
    ("vi", 3000),
    ("en", 3000),
    ("lo", 2000),
    ("km", 2000),
    ("ko", 200),
    ("ja", 200),
];
/// The most a first query may download (entry, chunks, fragments).
const FIRST_QUERY_BYTES: u64 = 300 * 1024;

/// Everyday words of each language: the filler text of the articles.
fn words(lang: &str) -> &'static [&'static str] {
    match lang {
        "vi" => &[
            "tỉnh",
            "đầu",
            "tư",
            "du",
            "lịch",
            "nông",
            "nghiệp",
            "hạt",
            "điều",
            "cao",
            "su",
            "rừng",
            "sông",
            "núi",
            "khu",
            "công",
            "nghiệp",
            "lễ",
            "hội",
            "văn",
            "hóa",
            "người",
            "dân",
            "phát",
            "triển",
            "bền",
            "vững",
            "hợp",
            "tác",
            "thị",
            "trường",
            "xuất",
            "khẩu",
        ],
        "en" => &[
            "province",
            "investment",
            "tourism",
            "farming",
            "cashew",
            "rubber",
            "forest",
            "river",
            "mountain",
            "industrial",
            "park",
            "festival",
            "culture",
            "people",
            "growth",
            "export",
            "market",
            "partnership",
            "green",
            "energy",
            "border",
        ],
        "lo" => &[
            "ແຂວງ",
            "ການລົງທຶນ",
            "ທ່ອງທ່ຽວ",
            "ກະສິກຳ",
            "ປ່າໄມ້",
            "ແມ່ນ້ຳ",
            "ພູເຂົາ",
            "ວັດທະນະທຳ",
            "ຕະຫຼາດ",
            "ໂຄງການ",
            "ປະຊາຊົນ",
            "ພະລັງງານ",
            "ສົ່ງອອກ",
            "ຊາຍແດນ",
            "ສິນຄ້າ",
        ],
        "km" => &[
            "ខេត្ត",
            "ការវិនិយោគ",
            "ទេសចរណ៍",
            "កសិកម្ម",
            "ព្រៃឈើ",
            "ទន្លេ",
            "ភ្នំ",
            "វប្បធម៌",
            "ទីផ្សារ",
            "គម្រោង",
            "ប្រជាជន",
            "ថាមពល",
            "ការនាំចេញ",
            "ព្រំដែន",
            "ទំនិញ",
        ],
        "ko" => &[
            "투자", "관광", "농업", "산업", "단지", "문화", "시장", "성장", "협력", "지역",
        ],
        _ => &[
            "投資", "観光", "農業", "工業", "団地", "文化", "市場", "成長", "協力", "地域",
        ],
    }
}

/// Spaceless scripts are written in phrases of a few words without spaces.
fn joiner(lang: &str, k: usize) -> &'static str {
    match lang {
        "lo" | "km" | "ja" if k % 4 != 3 => "",
        "ja" => "、",
        _ => " ",
    }
}

/// `count` words of filler, the same for the same seed.
fn filler(lang: &str, seed: usize, count: usize) -> String {
    let ws = words(lang);
    let mut x = seed as u64 * 2_654_435_761 + 12_345;
    let mut out = String::new();
    for k in 0..count {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(ws[(x >> 33) as usize % ws.len()]);
        out.push_str(joiner(lang, k));
    }
    out
}

/// An article planted with words to find: (language, number, title, start,
/// middle, end of the text).
const PLANTED: &[(&str, usize, &str, &str, &str, &str)] = &[
    ("vi", 1700, "Đường ven hồ Suối Lam", "", "", ""),
    ("vi", 1701, "Dương xỉ rừng Bù Gia Mập", "", "", ""),
    ("vi", 2500, "Báo cáo năm", "", "", "Lộc Ninh"),
    ("en", 2222, "Annual report", "", "zeppelin", ""),
    ("en", 10, "Harbour", "quayside", "", ""),
    ("lo", 1500, "ລາຍງານ", "", "ແຂວງບິ່ງເຟືອກມີ", ""),
    ("lo", 1900, "ລາຍງານ", "", "", "ນ້ຳຕົກມະນີ"),
    ("km", 1500, "របាយការណ៍", "", "ខេត្តបិញភឿកមាន", ""),
    ("km", 1800, "របាយការណ៍", "ព្រែកជីក", "", ""),
    ("ko", 150, "보고서", "", "빈프억성은 ", ""),
    ("ja", 150, "報告", "", "ビンフオック省の", ""),
];

fn generate(root: &Path) {
    let mut yaml = String::from(
        "title: Search scale\nbase_url: https://scale.example.org/\ndefault_language: vi\nlanguages:\n",
    );
    for (lang, _) in ARTICLES {
        let _ = writeln!(yaml, "  - code: {lang}\n    name: {lang}");
        if lang != "vi" && lang != "en" {
            yaml.push_str("    fallback: [en]\n");
        }
    }
    yaml.push_str("feeds: false\nsearch: true\n");
    fs::create_dir_all(root.join("content/news")).expect("create content/news");
    fs::write(root.join("site.yaml"), yaml).expect("write site.yaml");
    for (lang, count) in ARTICLES {
        let suffix = if lang == "vi" {
            String::new()
        } else {
            format!(".{lang}")
        };
        fs::write(
            root.join(format!("content/news/_index{suffix}.md")),
            "---\ntitle: News\n---\n",
        )
        .expect("write _index");
        for n in 0..count {
            let planted = PLANTED.iter().find(|p| p.0 == lang && p.1 == n);
            let (title, start, middle, end) = planted
                .map(|p| (p.2.to_string(), p.3, p.4, p.5))
                .unwrap_or_else(|| (filler(lang, n * 7 + 1, 3), "", "", ""));
            let body = format!(
                "{start}{}\n\n## {}\n\n{}{middle}{}\n\n{}{end}\n",
                filler(lang, n * 7 + 2, 60),
                filler(lang, n * 7 + 3, 2),
                filler(lang, n * 7 + 4, 60),
                filler(lang, n * 7 + 5, 60),
                filler(lang, n * 7 + 6, 60),
            );
            let day = n % 28 + 1;
            let file = root.join(format!("content/news/a-{n:05}{suffix}.md"));
            let text = format!("---\ntitle: \"{title}\"\ndate: 2025-01-{day:02}\n---\n{body}");
            fs::write(file, text).expect("write an article");
        }
    }
}

/// (language, query, expected path (empty: any), must be first). A query
/// listed twice goes the second time to a host that sends the gzipped
/// index files with `Content-Encoding: gzip`.
fn queries() -> Vec<(&'static str, &'static str, String, bool)> {
    let path = |lang: &str, n: usize| {
        let prefix = if lang == "vi" {
            String::new()
        } else {
            format!("/{lang}")
        };
        format!("{prefix}/news/a-{n:05}/")
    };
    vec![
        ("vi", "đường", path("vi", 1700), true),
        ("vi", "duong", path("vi", 1700), false),
        ("vi", "duong", path("vi", 1701), false),
        ("vi", "dương xỉ", path("vi", 1701), true),
        ("vi", "loc ninh", path("vi", 2500), true),
        // In almost every article: only the bytes are checked.
        ("vi", "tỉnh", String::new(), false),
        ("lo", "ແຂວງ", String::new(), false),
        ("en", "zeppelin", path("en", 2222), true),
        ("en", "zeppelin", path("en", 2222), true),
        ("en", "zeppe", path("en", 2222), true),
        ("en", "quayside", path("en", 10), true),
        ("lo", "ບິ່ງເຟືອກ", path("lo", 1500), true),
        ("lo", "ນ້ຳຕົກມະນີ", path("lo", 1900), true),
        ("km", "បិញភឿក", path("km", 1500), true),
        ("km", "ព្រែកជីក", path("km", 1800), true),
        ("ko", "빈프억성", path("ko", 150), true),
        ("ja", "ビンフオック", path("ja", 150), true),
    ]
}

#[test]
fn search_finds_every_planted_word_on_a_site_of_ten_thousand_pages() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    browser_ready(&dir);
    let tmp = tempfile::tempdir().expect("create a temporary folder");
    let root = tmp.path().join("site");
    generate(&root);
    let public = tmp.path().join("public");
    let run = run_mekong(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&public),
    ]);
    run.assert_ok();
    let pages = walkdir_count(&public);
    assert!(pages >= 10_000, "only {pages} HTML pages were built");

    let mut list = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (lang, query, expect, first) in queries() {
        let host_gzip = !seen.insert((lang, query, expect.clone()));
        let home = if lang == "vi" {
            "/".to_string()
        } else {
            format!("/{lang}/")
        };
        let expect = (!expect.is_empty()).then_some(expect);
        list.push(serde_json::json!({
            "lang": lang, "home": home, "query": query, "expect": expect, "first": first,
            "host_gzip": host_gzip
        }));
    }
    let queries_file = tmp.path().join("queries.json");
    fs::write(
        &queries_file,
        serde_json::to_vec(&list).expect("queries as JSON"),
    )
    .expect("write queries");
    let results_file = tmp.path().join("results.json");
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("search.mjs"))
        .arg(&public)
        .arg(&queries_file)
        .arg(&results_file)
        .current_dir(&dir);
    let (code, output) = run_with_limit(cmd, tmp.path(), Duration::from_secs(600));
    assert_eq!(code, Some(0), "a query missed its article:\n{output}");
    let results: Vec<serde_json::Value> =
        serde_json::from_str(&read(&results_file)).expect("search.mjs results");
    assert_eq!(results.len(), list.len(), "{output}");
    for r in &results {
        let bytes = r["bytes"].as_u64().unwrap_or(u64::MAX);
        assert!(
            bytes <= FIRST_QUERY_BYTES && bytes > 0,
            "{} \"{}\" downloaded {bytes} bytes of index:\n{output}",
            r["lang"],
            r["query"]
        );
        assert!(
            r["marks"].as_array().is_some_and(|m| !m.is_empty()),
            "no highlighted word: {r}"
        );
    }
    println!("{output}");
}

/// HTML files below `dir`.
fn walkdir_count(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("read a folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                n += 1;
            }
        }
    }
    n
}
