//! Random small sites through the real binary. Each site comes from a
//! seeded generator (no dependency, the same sites on every run): one to
//! four languages (sometimes a fifth, odd one) with fallback chains,
//! sections with and without `_index.LANG.md`, plain and folder articles and
//! their translations, `translation_key`, localized and colliding slugs
//! (Vietnamese, Lao, Khmer), aliases (shared, colliding with pages and
//! generated files, climbing out, absolute, empty), drafts, valid and
//! invalid dates, tags, internal links and anchors that exist or not, images
//! beside articles, typed blocks, Fluent files. About half the sites are
//! clean; the others carry, at one of six levels, every kind of mistake an
//! editor makes.
//!
//! Every site gets `mekong check` then `mekong build`, once; two tests judge
//! the results:
//!
//! - `no_random_site_makes_mekong_panic`: each run exits 0 or 1 (never 101,
//!   a panic), prints no "panicked" and prints its JSON report.
//! - `random_sites_keep_checks_builds_and_links_consistent`: the report's
//!   error count agrees with the exit code; `check` agrees with `build`; a
//!   successful build wrote `index.html` and every URL of the site its HTML
//!   and XML link to (`href`, `src`, `srcset`, meta refresh); a failed one
//!   wrote nothing; building a third of the successful sites again changes
//!   no file.
//!
//! A failure prints the seed and every file of the site. Reproduce one site
//! with `MEKONG_RANDOM_SITES_SEED=SEED cargo test --test random_sites --
//! --nocapture` (which prints its files and the runs, failing or not); run
//! more sites with `MEKONG_RANDOM_SITES=N`; `MEKONG_RANDOM_SITES_KEEP=1`
//! keeps the folders of failing sites.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Sites per run unless `MEKONG_RANDOM_SITES` says otherwise.
const DEFAULT_SITES: u64 = 240;
/// The seed of the first site; site `i` has seed `FIRST_SEED + i`.
const FIRST_SEED: u64 = 1;
/// A site whose two runs take longer than this is reported as a hang.
const HANG_LIMIT: Duration = Duration::from_secs(120);

// --- a small deterministic PRNG (splitmix64) ----------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0xA076_1D64_78BD_642F) ^ 0xE703_7ED1_A0B4_28DB)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// lo..=hi
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// --- the site ---------------------------------------------------------------------

/// A file of a random site.
enum Body {
    Text(String),
    /// Raw bytes (invalid UTF-8).
    Bytes(Vec<u8>),
    /// A copy of `tests/fixtures/images/NAME`.
    Image(&'static str),
}

struct RandomSite {
    seed: u64,
    /// 0: a clean site; 1 to 6: more and more mistakes.
    mess: u64,
    files: BTreeMap<String, Body>,
    /// Extra arguments for both `check` and `build`.
    args: Vec<String>,
    /// The base URL the site is built for (`base_url` or `--base-url`).
    base: String,
}

impl RandomSite {
    /// Every file, for a failure message.
    fn describe(&self) -> String {
        let mut out = format!(
            "seed {} ({}), args {:?}, {} files:\n",
            self.seed,
            if self.mess == 0 {
                "a clean site".to_owned()
            } else {
                format!("a messy site, level {}", self.mess)
            },
            self.args,
            self.files.len()
        );
        for (path, body) in &self.files {
            match body {
                Body::Text(t) => {
                    let _ = write!(out, "----- {path}\n{t}");
                    if !t.ends_with('\n') {
                        out.push_str("⏎ (no newline at the end)\n");
                    }
                }
                Body::Bytes(b) => {
                    let _ = writeln!(
                        out,
                        "----- {path} ({} bytes, not UTF-8; lossy:)\n{}",
                        b.len(),
                        String::from_utf8_lossy(b)
                    );
                }
                Body::Image(name) => {
                    let _ = writeln!(out, "----- {path} (copy of tests/fixtures/images/{name})");
                }
            }
        }
        out
    }

    /// Writes the site into a fresh temporary folder.
    fn write(&self) -> Site {
        let tmp = tempfile::tempdir().expect("create a temporary folder");
        let root = tmp.path().join("site");
        fs::create_dir_all(&root).expect("create the site folder");
        let site = Site { tmp, root };
        for (path, body) in &self.files {
            match body {
                Body::Text(t) => site.write(path, t),
                Body::Bytes(b) => site.write(path, b),
                Body::Image(name) => {
                    let bytes = fs::read(fixtures_dir().join("images").join(name))
                        .expect("read an image fixture");
                    site.write(path, bytes)
                }
            }
        }
        site
    }
}

// --- the generator ------------------------------------------------------------------

const OTHER_LANGS: [&str; 3] = ["en", "lo", "km"];
const SECTIONS: [&str; 4] = ["news", "tourism", "investment", "culture"];

/// File names (and folder names) of articles; repeats across sections and
/// between plain and folder articles are wanted.
const NAMES: [&str; 10] = [
    "le-hoi-ba-ra",
    "nui-ba-ra",
    "khu-cong-nghiep",
    "ho-thac-mo",
    "ok",
    "a",
    "b",
    "tin-moi",
    "uu-dai-dau-tu",
    "gioi-thieu",
];
/// Names an editor should not use, but might.
const ODD_NAMES: [&str; 10] = [
    "Bình-Phước",
    "Tin Tức",
    "ພູບ່າຣາ",
    "ភ្នំបារាំង",
    "UPPER",
    "x.y",
    "-",
    "tags",
    "page",
    "404",
];

const SLUGS: [&str; 12] = [
    "le-hoi",
    "Bình Phước",
    "Đồng Xoài",
    "Khu công nghiệp Chơn Thành: ưu đãi!",
    "ພູບ່າຣາ",
    "ປະເພນີ ລາວ",
    "ភ្នំបារាំង",
    "ពិធីបុណ្យ ខ្មែរ",
    "ok",
    "a",
    "b",
    "nui-ba-ra",
];
/// Slugs that are wrong or collide with what mekong writes itself.
const ODD_SLUGS: [&str; 20] = [
    "",
    "   ",
    "!!!",
    "a/b",
    "..",
    ".",
    "-",
    "index",
    "_index",
    "tags",
    "en",
    "lo",
    "page",
    "404",
    "404.html",
    "atom.xml",
    "sitemap.xml",
    "search.json",
    "🙂",
    "Ổ Ổ Ổ",
];

const GOOD_ALIASES: [&str; 8] = [
    "/tin-cu/le-hoi/",
    "/tin-cu/le-hoi",
    "/old.html",
    "/en/old-page/",
    "/ພູ/ເກົ່າ/",
    "/2024/01/bai-cu/",
    "old/page",
    "/tin-cu/ប្រវត្តិ/",
];
const ODD_ALIASES: [&str; 22] = [
    "",
    "/",
    "   ",
    "/news/",
    "/en/",
    "/tags/",
    "/404.html",
    "/sitemap.xml",
    "/atom.xml",
    "../x",
    "/a/../../b",
    "/./x",
    "/%2e%2e/x",
    "https://example.com/x",
    "//evil.example/x",
    "/a b/",
    "/x?y=1",
    "/x#z",
    "\\\\server\\x",
    "/css/site.css",
    "/robots.txt",
    "/.mekong-output",
];

const TAGS: [&str; 9] = [
    "Du lịch",
    "du-lich",
    "Du Lich",
    "đầu tư",
    "Đầu tư",
    "ທ່ອງທ່ຽວ",
    "ទេសចរណ៍",
    "festival",
    "lễ hội",
];
const ODD_TAGS: [&str; 7] = ["", "  ", "!!!", "a/b", "..", "page", "atom.xml"];

const GOOD_DATES: [&str; 5] = [
    "2026-01-12",
    "2026-12-01T09:30:00+07:00",
    "2025-02-28",
    "2024-02-29",
    "2026-01-12T09:30:00Z",
];
const ODD_DATES: [&str; 9] = [
    "yesterday",
    "2026-13-45",
    "2026-02-30",
    "20260101",
    "''",
    "2026-01-12T25:00:00",
    "[2026, 1, 12]",
    "0000-01-01",
    "9999-12-31T23:59:59-12:00",
];

/// Headings (Markdown) and the id mekong gives the first of each.
const HEADINGS: [(&str, &str); 6] = [
    ("Lịch sử hình thành", "lich-su-hinh-thanh"),
    ("Giao thông", "giao-thong"),
    ("Đầu tư {#dau-tu}", "dau-tu"),
    ("ປະຫວັດ", "ປະຫວັດ"),
    ("ប្រវត្តិ", "ប្រវត្តិ"),
    ("Liên hệ", "lien-he"),
];
const ODD_HEADINGS: [&str; 5] = ["", "!!!", "Title {#}", "Giao thông", "Tiêu đề {#lien-he}"];

fn title_in(lang: &str, i: usize) -> &'static str {
    let vi = [
        "Lễ hội Bà Rá",
        "Khu công nghiệp Chơn Thành",
        "Hồ Thác Mơ",
        "Đồng Xoài hôm nay",
    ];
    let en = [
        "Ba Ra festival",
        "Chon Thanh industrial park",
        "Thac Mo lake",
        "Dong Xoai today",
    ];
    let lo = ["ງານບຸນພູບ່າຣາ", "ເຂດອຸດສາຫະກຳ", "ທະເລສາບ", "ມື້ນີ້"];
    let km = ["ពិធីបុណ្យភ្នំបារាំង", "តំបន់ឧស្សាហកម្ម", "បឹង", "ថ្ងៃនេះ"];
    let list = match lang {
        "en" => en,
        "lo" => lo,
        "km" => km,
        _ => vi,
    };
    list[i % list.len()]
}

fn text_in(lang: &str) -> &'static str {
    match lang {
        "en" => "Binh Phuoc is a border province in the South East, with the Hoa Lu border gate.",
        "lo" => "ແຂວງບິ່ງເຟືອກ ເປັນແຂວງຊາຍແດນ ທີ່ມີດ່ານຊາຍແດນ ແລະ ເຂດອຸດສາຫະກຳຫຼາຍແຫ່ງ.",
        "km" => "ខេត្តប៊ិញភឿកជាខេត្តព្រំដែន ដែលមានច្រកព្រំដែន និងតំបន់ឧស្សាហកម្មជាច្រើន។",
        _ => "Bình Phước là tỉnh biên giới ở Đông Nam Bộ, có cửa khẩu Hoa Lư.",
    }
}

/// A YAML double-quoted string.
fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An article as planned before its files are written (links and aliases
/// point at planned articles).
struct Planned {
    section: Option<&'static str>,
    name: String,
    folder: bool,
    langs: Vec<&'static str>,
    headings: Vec<usize>,
}

impl Planned {
    /// `@/…` path of the article.
    fn link(&self) -> String {
        let mut p = String::from("@/");
        if let Some(s) = self.section {
            p.push_str(s);
            p.push('/');
        }
        p.push_str(&self.name);
        p.push_str(if self.folder { "/index.md" } else { ".md" });
        p
    }

    /// The folder its files (and images) live in.
    fn dir(&self) -> String {
        let mut p = String::from("content/");
        if let Some(s) = self.section {
            p.push_str(s);
            p.push('/');
        }
        if self.folder {
            p.push_str(&self.name);
            p.push('/');
        }
        p
    }

    /// Its URL in the default language when the file name is the slug.
    fn url(&self) -> String {
        match self.section {
            Some(s) => format!("/{s}/{}/", self.name),
            None => format!("/{}/", self.name),
        }
    }
}

struct Gen {
    rng: Rng,
    /// 0: a clean site; 1 to 6: more and more mistakes.
    mess: u64,
    messy: bool,
    /// The site's languages; the first is the default.
    langs: Vec<&'static str>,
    sections: Vec<&'static str>,
    files: BTreeMap<String, Body>,
    planned: Vec<Planned>,
    /// Images written beside articles: folder → file names.
    images: BTreeMap<String, Vec<&'static str>>,
    static_image: bool,
    base: String,
}

impl Gen {
    /// In a messy site, true `percent` × (level / 6)² of the time: rarely
    /// at level 1, `percent` at level 6; never in a clean one.
    fn bad(&mut self, percent: u64) -> bool {
        self.messy && self.rng.next() % 3600 < percent * self.mess * self.mess
    }

    fn text(&mut self, path: impl Into<String>, text: impl Into<String>) {
        self.files.insert(path.into(), Body::Text(text.into()));
    }

    fn generate(seed: u64) -> RandomSite {
        let mut rng = Rng::new(seed);
        let mess = if rng.chance(45) {
            0
        } else {
            rng.range(1, 6) as u64
        };
        let mut g = Gen {
            rng,
            mess,
            messy: mess > 0,
            langs: vec!["vi"],
            sections: Vec::new(),
            files: BTreeMap::new(),
            planned: Vec::new(),
            images: BTreeMap::new(),
            static_image: false,
            base: String::new(),
        };
        let mut others = OTHER_LANGS;
        g.rng.shuffle(&mut others);
        let n = g.rng.range(0, 3);
        g.langs.extend_from_slice(&others[..n]);
        if g.bad(15) {
            // Codes mekong must accept or refuse cleanly.
            let odd = g
                .rng
                .pick(&["zh-Hans", "ar", "en-US", "th", "EN", "q1", "vi-VN"]);
            g.langs.push(odd);
        }
        let mut sections = SECTIONS;
        g.rng.shuffle(&mut sections);
        let n = g.rng.range(1, 4);
        g.sections = sections[..n].to_vec();

        g.site_yaml();
        g.locales();
        g.statics();
        g.home_and_sections();
        g.plan_articles();
        for i in 0..g.planned.len() {
            g.article(i);
        }
        g.odd_files();

        let mut args = Vec::new();
        if g.rng.chance(15) {
            args.push("--drafts".to_owned());
        }
        if g.rng.chance(10) {
            args.push("--base-url".to_owned());
            let url = g.rng.pick(&[
                "https://example.org/cong/",
                "/sub/",
                "http://127.0.0.1:8080/",
                "https://ví-dụ.example/ພູ/",
            ]);
            args.push(url.to_owned());
            g.base = url.to_owned();
        }
        RandomSite {
            seed,
            mess,
            files: g.files,
            args,
            base: g.base,
        }
    }

    fn site_yaml(&mut self) {
        let mut y = String::new();
        if !self.bad(3) {
            let title = self
                .rng
                .pick(&["Cổng thông tin tỉnh", "Portal: Bình Phước", "ພອດທັລ"]);
            let _ = writeln!(y, "title: {}", q(title));
        }
        let base = self.rng.pick(&[
            "https://example.org/",
            "https://example.org/cong/",
            "/",
            "/portal",
            "https://example.org/ພູ/",
        ]);
        let _ = writeln!(y, "base_url: {}", q(base));
        self.base = base.to_owned();
        if self.rng.chance(60) {
            y.push_str("default_language: vi\n");
        }
        if self.rng.chance(30) {
            y.push_str("default_language_in_subdir: true\n");
        }
        y.push_str("languages:\n");
        let names = |l: &'static str| match l {
            "vi" => "Tiếng Việt",
            "en" => "English",
            "lo" => "ພາສາລາວ",
            "km" => "ភាសាខ្មែរ",
            other => other,
        };
        let langs = self.langs.clone();
        for (i, &lang) in langs.iter().enumerate() {
            let _ = writeln!(y, "  - code: {lang}\n    name: {}", q(names(lang)));
            let chain: Vec<&str> = if i == 0 {
                if self.bad(5) {
                    vec![self.rng.pick(&langs)]
                } else {
                    Vec::new()
                }
            } else if self.bad(30) {
                // Any order of any languages: cycles, itself, unknown ones.
                let mut pool = langs.clone();
                if self.rng.chance(15) {
                    pool.push("fr");
                }
                let k = self.rng.range(1, pool.len().min(3));
                (0..k).map(|_| self.rng.pick(&pool)).collect()
            } else {
                match self.rng.below(3) {
                    0 => Vec::new(),
                    1 => vec!["vi"],
                    _ if lang != "en" && langs.contains(&"en") => vec!["en", "vi"],
                    _ => vec!["vi"],
                }
            };
            if !chain.is_empty() {
                let _ = writeln!(y, "    fallback: [{}]", chain.join(", "));
            }
            if self.bad(2) {
                y.push_str("    dir: rtl\n");
            }
        }
        if self.bad(3) {
            y.push_str("  - code: vi\n    name: Lặp lại\n");
        }
        if self.rng.chance(40) {
            y.push_str("untranslated: fallback\n");
        }
        if self.rng.chance(50) {
            let n = if self.bad(10) {
                0
            } else {
                self.rng.range(1, 3)
            };
            let _ = writeln!(y, "paginate_by: {n}");
        }
        if self.rng.chance(20) {
            y.push_str("feeds: false\n");
        }
        if self.rng.chance(30) {
            let n = self.rng.range(0, 3);
            let _ = writeln!(y, "feed_limit: {n}");
        }
        if self.rng.chance(50) {
            y.push_str("search: false\n");
        }
        if self.rng.chance(15) {
            y.push_str("taxonomies: []\n");
        }
        // Small variants keep the test fast; sometimes the default widths.
        if self.rng.chance(75) {
            let formats = self
                .rng
                .pick(&["[webp, jpeg]", "[jpeg]", "[png]", "[webp]"]);
            let _ = writeln!(
                y,
                "images: {{ widths: [16, 48], formats: {formats}, quality: 50 }}"
            );
        }
        if self.rng.chance(10) {
            y.push_str("markdown:\n  safe: true\n");
        }
        if self.bad(3) {
            y.push_str("titel: Lỗi chính tả\n");
        }
        if self.bad(2) {
            y.push_str("languages_extra:\n\t- tab\n");
        }
        self.text("site.yaml", y);
    }

    fn locales(&mut self) {
        if !self.rng.chance(40) {
            return;
        }
        for lang in self.langs.clone() {
            if self.rng.chance(30) {
                continue;
            }
            let mut f = format!("site-title = {}\n", title_in(lang, 3));
            for s in self.sections.clone() {
                if self.rng.chance(50) {
                    let _ = writeln!(f, "nav-{s} = {} {s}", title_in(lang, 0));
                }
            }
            if self.rng.chance(20) {
                f.push_str(
                    "redirect-notice = { $count ->\n    [one] Một trang\n   *[other] { $count } trang\n}\n",
                );
            }
            if self.bad(6) {
                f.push_str("broken = { $\n = x {\n");
            }
            if self.bad(4) {
                f.push_str("site-title = Lặp lại\n");
            }
            self.text(format!("locales/{lang}/site.ftl"), f);
        }
    }

    fn statics(&mut self) {
        if self.rng.chance(25) {
            self.static_image = true;
            self.files
                .insert("static/img/x.png".into(), Body::Image("small.png"));
        }
        if self.bad(4) {
            self.text("static/robots.txt", "User-agent: *\nDisallow: /\n");
        }
        if self.bad(3) {
            let s = self.rng.pick(&self.sections);
            self.text(format!("static/{s}/index.html"), "<p>tĩnh</p>\n");
        }
        if self.bad(3) {
            self.text("static/sitemap.xml", "<urlset/>\n");
        }
    }

    fn home_and_sections(&mut self) {
        for (i, lang) in self.langs.clone().into_iter().enumerate() {
            if self.rng.chance(50) {
                let name = if i == 0 {
                    "_index.md".to_owned()
                } else {
                    format!("_index.{lang}.md")
                };
                let fm = self.index_front_matter(lang);
                let body = format!("{fm}\n{}\n", text_in(lang));
                self.text(format!("content/{name}"), body);
            }
            for s in self.sections.clone() {
                if !self.rng.chance(45) {
                    continue;
                }
                let name = if i == 0 {
                    if self.rng.chance(10) {
                        "_index.vi.md".to_owned()
                    } else {
                        "_index.md".to_owned()
                    }
                } else {
                    format!("_index.{lang}.md")
                };
                let fm = self.index_front_matter(lang);
                let body = format!("{fm}\n{}\n", text_in(lang));
                self.text(format!("content/{s}/{name}"), body);
            }
        }
    }

    fn index_front_matter(&mut self, lang: &str) -> String {
        let mut fm = String::from("---\n");
        if self.rng.chance(80) {
            let _ = writeln!(fm, "title: {}", q(title_in(lang, self.rng.below(4))));
        }
        if self.rng.chance(40) {
            let w = if self.bad(10) {
                "nặng".to_owned()
            } else {
                self.rng.range(0, 5).to_string()
            };
            let _ = writeln!(fm, "weight: {w}");
        }
        if self.rng.chance(30) {
            let s = if self.bad(15) {
                "name"
            } else {
                self.rng.pick(&["date", "weight", "title"])
            };
            let _ = writeln!(fm, "sort_by: {s}");
        }
        if self.rng.chance(20) {
            let p = if self.bad(20) {
                self.rng.pick(&["0", "-1", "x", "1.5"]).to_owned()
            } else {
                self.rng.range(1, 3).to_string()
            };
            let _ = writeln!(fm, "paginate_by: {p}");
        }
        if self.rng.chance(15) {
            let _ = writeln!(fm, "description: {}", q(text_in(lang)));
        }
        if self.bad(5) {
            let _ = writeln!(fm, "slug: {}", q(self.rng.pick(&SLUGS)));
        }
        if self.bad(5) {
            let a = self.rng.pick(&GOOD_ALIASES).to_owned();
            let _ = writeln!(fm, "aliases: [{}]", q(&a));
        }
        if self.bad(4) {
            fm.push_str("template: khong-co.html\n");
        }
        fm.push_str("---\n");
        fm
    }

    fn plan_articles(&mut self) {
        let n = self.rng.range(1, 9);
        for _ in 0..n {
            let section = if self.rng.chance(10) {
                None
            } else {
                Some(self.rng.pick(&self.sections))
            };
            let name = if self.bad(12) {
                self.rng.pick(&ODD_NAMES)
            } else {
                self.rng.pick(&NAMES)
            };
            // A folder directly under content/ is a section, not an article.
            let folder = section.is_some() && self.rng.chance(25);
            let mut langs = Vec::new();
            for (i, &lang) in self.langs.clone().iter().enumerate() {
                if (i == 0 && self.rng.chance(85)) || (i > 0 && self.rng.chance(50)) {
                    langs.push(lang);
                }
            }
            if langs.is_empty() {
                langs.push(self.rng.pick(&self.langs));
            }
            let mut headings: Vec<usize> = (0..self.rng.range(0, 3))
                .map(|_| self.rng.below(HEADINGS.len()))
                .collect();
            headings.sort_unstable();
            headings.dedup();
            let p = Planned {
                section,
                name: name.to_owned(),
                folder,
                langs,
                headings,
            };
            // The same file twice is one file; keep the first plan of it.
            if self
                .planned
                .iter()
                .any(|o| o.section == p.section && o.name == p.name && o.folder == p.folder)
            {
                continue;
            }
            self.planned.push(p);
        }
    }

    fn article(&mut self, i: usize) {
        let dir = self.planned[i].dir();
        let folder = self.planned[i].folder;
        let name = self.planned[i].name.clone();
        let langs = self.planned[i].langs.clone();
        let default = self.langs[0];

        // Images beside the article.
        if self.rng.chance(35) {
            let (file, fixture) = if self.bad(25) {
                self.rng.pick(&[
                    ("broken.jpg", "truncated.jpg"),
                    ("fake.jpg", "not-an-image.jpg"),
                    ("photo.png", "not-an-image.jpg"),
                ])
            } else if self.rng.chance(4) {
                ("photo.jpg", "large.jpg")
            } else {
                self.rng.pick(&[
                    ("photo.png", "small.png"),
                    ("photo.jpg", "rotated.jpg"),
                    ("photo.jpg", "gps.jpg"),
                ])
            };
            self.files
                .insert(format!("{dir}{file}"), Body::Image(fixture));
            self.images.entry(dir.clone()).or_default().push(file);
        }
        if folder && self.rng.chance(15) {
            self.text(format!("{dir}bao-cao.pdf"), "%PDF-1.4 giả\n");
        }

        // translation_key: the translations get other file names.
        let key = if self.rng.chance(15) && (self.messy || langs.contains(&default)) {
            Some(if self.bad(40) {
                self.rng.pick(&["k1", "k2", "k3"]).to_owned()
            } else {
                format!("key-{i}")
            })
        } else {
            None
        };

        for (j, &lang) in langs.iter().enumerate() {
            let file = if lang == default {
                let vi_suffix = self.rng.chance(8);
                match (folder, vi_suffix) {
                    (true, false) => format!("{dir}index.md"),
                    (true, true) => format!("{dir}index.vi.md"),
                    (false, false) => format!("{dir}{name}.md"),
                    (false, true) => format!("{dir}{name}.vi.md"),
                }
            } else if key.is_some() && !folder {
                let other = self.rng.pick(&NAMES);
                format!("{dir}{other}-{lang}.{lang}.md")
            } else if folder {
                format!("{dir}index.{lang}.md")
            } else {
                format!("{dir}{name}.{lang}.md")
            };
            let give_key = key.is_some() && (!self.messy || self.rng.chance(80));
            let text = self.article_text(i, lang, j, key.as_deref().filter(|_| give_key));
            self.files.insert(file.clone(), text);
            // Both `SLUG.md` and `SLUG.vi.md`.
            if lang == default && self.bad(4) && !file.ends_with(".vi.md") {
                let twin = file.replace(".md", ".vi.md");
                let text = self.article_text(i, lang, j, None);
                self.files.insert(twin, text);
            }
        }
        // A Markdown file inside an article folder, which is allowed.
        if folder && self.rng.chance(5) {
            self.text(
                format!("{dir}ghi-chu/nhap.md"),
                "---\ntitle: Nháp\n---\nx\n",
            );
        }
    }

    fn article_text(&mut self, i: usize, lang: &str, j: usize, key: Option<&str>) -> Body {
        let mut fm = String::new();
        // Title.
        if self.bad(4) {
            // no title
        } else if self.bad(3) {
            fm.push_str("title: \"\"\n");
        } else if self.bad(3) {
            fm.push_str("title: Bình Phước: tiềm năng\n");
        } else if self.bad(2) {
            fm.push_str("title: [một, hai]\n");
        } else {
            let _ = writeln!(fm, "title: {}", q(title_in(lang, i + j)));
        }
        if self.rng.chance(70) {
            let d = if self.bad(10) {
                self.rng.pick(&ODD_DATES)
            } else {
                self.rng.pick(&GOOD_DATES)
            };
            let _ = writeln!(fm, "date: {d}");
        }
        if self.rng.chance(20) {
            let d = if self.bad(10) {
                self.rng.pick(&ODD_DATES)
            } else {
                self.rng.pick(&GOOD_DATES)
            };
            let _ = writeln!(fm, "updated: {d}");
        }
        if self.rng.chance(30) {
            let _ = writeln!(fm, "description: {}", q(text_in(lang)));
        }
        if self.rng.chance(40) {
            if self.rng.chance(20) {
                let t = self.rng.pick(&["festival", "du-lich", "Du lịch"]);
                let _ = writeln!(fm, "tags: {}", q(t));
            } else {
                let n = self.rng.range(1, 3);
                let tags: Vec<String> = (0..n)
                    .map(|_| {
                        if self.bad(10) {
                            q(self.rng.pick(&ODD_TAGS))
                        } else {
                            q(self.rng.pick(&TAGS))
                        }
                    })
                    .collect();
                let _ = writeln!(fm, "tags: [{}]", tags.join(", "));
            }
        }
        // Clean sites keep the first language of an article published, so
        // that links to the article resolve.
        if self.rng.chance(8) && (self.messy || j > 0) {
            fm.push_str("draft: true\n");
        } else if self.bad(3) {
            fm.push_str("draft: maybe\n");
        } else if self.rng.chance(5) {
            fm.push_str("draft: false\n");
        }
        if self.rng.chance(15) {
            let w = if self.bad(20) {
                self.rng
                    .pick(&["high", "2.5", "99999999999999999999", "-3"])
            } else {
                self.rng.pick(&["1", "2", "3", "0"])
            };
            let _ = writeln!(fm, "weight: {w}");
        }
        if self.rng.chance(30) {
            let s = if self.bad(20) {
                self.rng.pick(&ODD_SLUGS)
            } else {
                self.rng.pick(&SLUGS)
            };
            let _ = writeln!(fm, "slug: {}", q(s));
        }
        if self.rng.chance(20) {
            let n = self.rng.range(0, 3);
            let mut list: Vec<String> = Vec::new();
            for _ in 0..n {
                let a = if !self.planned.is_empty() && self.bad(20) {
                    // The URL of a planned article: a collision.
                    let k = self.rng.below(self.planned.len());
                    self.planned[k].url()
                } else if self.bad(30) {
                    self.rng.pick(&ODD_ALIASES).to_owned()
                } else {
                    self.rng.pick(&GOOD_ALIASES).to_owned()
                };
                list.push(q(&a));
            }
            if self.bad(10) {
                if let Some(first) = list.first().cloned() {
                    list.push(first);
                }
            }
            if self.bad(5) {
                let _ = writeln!(fm, "aliases: {}", q("/mot-chuoi/"));
            } else {
                let _ = writeln!(fm, "aliases: [{}]", list.join(", "));
            }
        }
        if let Some(k) = key {
            let _ = writeln!(fm, "translation_key: {}", q(k));
        }
        let dir = self.planned[i].dir();
        let beside: Vec<&'static str> = self.images.get(&dir).cloned().unwrap_or_default();
        if self.rng.chance(12) {
            let img = if !beside.is_empty() && !self.bad(30) {
                self.rng.pick(&beside).to_owned()
            } else if self.static_image && !self.bad(30) {
                "/img/x.png".to_owned()
            } else if self.bad(50) {
                self.rng
                    .pick(&["missing.jpg", "../../../../etc/passwd", "/img/none.png", ""])
                    .to_owned()
            } else {
                "https://cdn.example.net/anh.jpg".to_owned()
            };
            let _ = writeln!(fm, "image: {}", q(&img));
        }
        if self.rng.chance(10) {
            fm.push_str("unit: \"Sở Văn hóa, Thể thao và Du lịch\"\n");
        }
        if self.rng.chance(5) {
            fm.push_str("extra:\n  nguon: báo tỉnh\n  so: 3\n");
        }
        if self.bad(3) {
            fm.push_str("template: khong-co.html\n");
        } else if self.rng.chance(3) {
            fm.push_str("template: page.html\n");
        }
        if self.bad(5) {
            fm.push_str("descripton: lỗi chính tả\n");
        }
        if self.bad(2) {
            fm.push_str("paginate_by: 2\n");
        }
        if self.rng.chance(8) {
            fm.push_str(&self.typed_block());
        }

        // Body.
        let mut body = String::new();
        body.push_str(text_in(lang));
        body.push_str("\n\n");
        if self.rng.chance(30) {
            body.push_str("<!-- more -->\n\n");
        }
        for h in self.planned[i].headings.clone() {
            let _ = writeln!(body, "## {}\n\n{}\n", HEADINGS[h].0, text_in(lang));
        }
        if self.bad(10) {
            let _ = writeln!(body, "## {}\n", self.rng.pick(&ODD_HEADINGS));
        }
        let links = self.rng.range(0, 3);
        for _ in 0..links {
            let link = self.link();
            let _ = writeln!(body, "Xem [bài liên quan]({link}).\n");
        }
        if self.rng.chance(5) && !self.planned.is_empty() {
            let k = self.rng.below(self.planned.len());
            let _ = writeln!(
                body,
                "Xem [tham khảo][r].\n\n[r]: {}\n",
                self.planned[k].link()
            );
        }
        if self.rng.chance(25) {
            let img = if !beside.is_empty() && !self.bad(30) {
                let f = self.rng.pick(&beside);
                if self.rng.chance(80) {
                    format!("![Ảnh toàn cảnh]({f})")
                } else {
                    format!("![]({f})")
                }
            } else if self.static_image && !self.bad(30) {
                "![Ảnh](/img/x.png)".to_owned()
            } else if self.bad(50) {
                self.rng
                    .pick(&[
                        "![Ảnh](missing.jpg)",
                        "![Ảnh](../../../../etc/passwd)",
                        "![Ảnh](/img/none.png)",
                        "![Ảnh](<>)",
                        "![Ảnh](../photo.png)",
                    ])
                    .to_owned()
            } else {
                "![Logo](https://cdn.example.net/logo.svg)".to_owned()
            };
            let _ = writeln!(body, "{img}\n");
        }
        if self.rng.chance(5) {
            body.push_str(
                "<div class=\"hop\" onclick=\"alert(1)\"><script>alert(1)</script>Hộp</div>\n\n",
            );
        }
        if self.rng.chance(5) {
            body.push_str("| a | b |\n|---|---|\n| 1 | 2 |\n\nChú thích[^1].\n\n[^1]: Nguồn.\n");
        }

        let mut text = format!("---\n{fm}---\n\n{body}");
        if self.bad(3) {
            // Front matter never closed.
            text = format!("---\n{fm}\n{body}");
        }
        if self.bad(3) {
            text = text.replace('\n', "\r\n");
        }
        if self.bad(3) {
            text.insert(0, '\u{feff}');
        }
        if self.bad(2) {
            fm = fm.replacen("\n", "\n\t", 1);
            text = format!("---\n{fm}---\n\n{body}");
        }
        if self.bad(2) {
            let mut bytes = text.into_bytes();
            let at = bytes.len() / 2;
            bytes.insert(at, 0xE9);
            return Body::Bytes(bytes);
        }
        Body::Text(text)
    }

    fn typed_block(&mut self) -> String {
        match self.rng.below(3) {
            0 => {
                let sector = if self.bad(25) { "mining" } else { "industry" };
                let area = if self.bad(20) { "big" } else { "125" };
                let status = if self.bad(20) { "closed" } else { "open" };
                let mut b = format!(
                    "project:\n  sector: {sector}\n  location: Chơn Thành\n  status: {status}\n  area_ha: {area}\n  capital_usd: 45000000\n"
                );
                if self.rng.chance(50) {
                    b.push_str("  contact: { agency: \"Trung tâm Xúc tiến Đầu tư\", email: ipc@example.org }\n");
                }
                if self.bad(15) {
                    b.push_str("  sectr: x\n");
                }
                b
            }
            1 => {
                let coords = if self.bad(25) {
                    "[123.4, 500]"
                } else {
                    "[11.834, 106.998]"
                };
                format!("place:\n  coordinates: {coords}\n  opening_hours: \"6:00–17:00\"\n  address: Phước Long\n")
            }
            _ => {
                let end = if self.bad(25) {
                    "2026-11-01"
                } else {
                    "2026-12-03"
                };
                let start = if self.bad(10) { "soon" } else { "2026-12-01" };
                format!("event:\n  start: {start}\n  end: {end}\n  venue: \"Trung tâm Hội nghị tỉnh\"\n")
            }
        }
    }

    /// An internal link: mostly to a planned article, sometimes not.
    fn link(&mut self) -> String {
        if self.bad(25) {
            let s = self.rng.pick(&self.sections);
            return match self.rng.below(9) {
                0 => format!("@/{s}/khong-co.md"),
                1 => "@/../site.yaml".to_owned(),
                2 => "@/".to_owned(),
                3 => format!("@/{s}/_index.md#khong-co"),
                4 => format!("@/{s}/ok.en.md"),
                5 => "@/_index.md#x".to_owned(),
                6 => format!("@/{s}"),
                7 => format!("<@/{s}/a b.md>"),
                _ => "@/khong-co/index.md#".to_owned(),
            };
        }
        match self.rng.below(10) {
            0 => return "@/_index.md".to_owned(),
            1 => {
                // A section that has a folder: one with an article in it.
                let k = self.rng.below(self.planned.len());
                if let Some(s) = self.planned[k].section {
                    return format!("@/{s}/_index.md");
                }
            }
            _ => {}
        }
        let k = self.rng.below(self.planned.len());
        let wrong_anchor = self.bad(50);
        let target = &self.planned[k];
        let mut link = target.link();
        if self.rng.chance(40) {
            if let Some(&h) = target.headings.first() {
                link.push('#');
                link.push_str(HEADINGS[h].1);
            } else if wrong_anchor {
                link.push_str("#lich-su");
            }
        }
        link
    }

    fn odd_files(&mut self) {
        let s = self.rng.pick(&self.sections);
        if self.bad(3) {
            self.text(
                format!("content/{s}/index.md"),
                "---\ntitle: Sai chỗ\n---\nx\n",
            );
        }
        if self.bad(3) {
            self.text(
                format!("content/{s}/sau/hon/x.md"),
                "---\ntitle: Quá sâu\n---\nx\n",
            );
        }
        if self.rng.chance(5) {
            self.text("content/.an.md", "---\ntitle: [ẩn\n");
        }
        if self.bad(3) {
            self.text(
                format!("content/{s}/ok.fr.md"),
                "---\ntitle: Bonjour\n---\nx\n",
            );
        }
        if self.bad(3) {
            self.text(format!("content/{s}/rong.md"), "");
        }
        if self.bad(2) {
            self.text(format!("content/{s}/chi-front-matter.md"), "---\n---\n");
        }
        if self.bad(2) {
            self.text(
                format!("content/{s}/khong-front-matter.md"),
                "Chỉ có nội dung.\n",
            );
        }
        if self.rng.chance(5) {
            self.text(format!("content/{s}/tai-lieu.txt"), "tệp kèm\n");
        }
        if self.bad(2) {
            self.text("content/_index.fr.md", "---\ntitle: Accueil\n---\n");
        }
    }
}

// --- running ------------------------------------------------------------------------

/// What kind of broken promise a problem is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A panic, an exit code other than 0 and 1, no JSON report.
    Crash,
    /// `check` and `build` disagree, a failure without an error, a broken
    /// link in the output, a second build that differs.
    Guarantee,
}

/// What went wrong with one site.
struct Failure {
    seed: u64,
    problems: Vec<(Kind, String)>,
    site: String,
    runs: String,
}

/// Runs `check` and `build` on one site; returns whether it built, the
/// problems found and a log of the runs.
fn run_site(r: &RandomSite) -> (bool, Vec<(Kind, String)>, String) {
    let site = r.write();
    let args: Vec<&str> = r.args.iter().map(String::as_str).collect();
    let mut problems: Vec<(Kind, String)> = Vec::new();
    let mut log = String::new();

    let mut judge = |name: &str, run: &Run, problems: &mut Vec<(Kind, String)>| {
        let _ = writeln!(log, "=== mekong {name}:\n{}\n", run.describe());
        if run.stderr.contains("panicked") {
            problems.push((
                Kind::Crash,
                format!("{name} exited {}, {}", run.code, panic_message(&run.stderr)),
            ));
        } else if run.code != 0 && run.code != 1 {
            problems.push((
                Kind::Crash,
                format!("{name} exited with {} (0 or 1 expected)", run.code),
            ));
        }
        if run.code == 0 || run.code == 1 {
            if run.json.is_none() {
                problems.push((
                    Kind::Crash,
                    format!("{name} printed no JSON report on stdout"),
                ));
            } else if (run.code == 1) != (run.errors() > 0) {
                problems.push((
                    Kind::Guarantee,
                    format!(
                        "{name} exited {} with {} errors in its report",
                        run.code,
                        run.errors()
                    ),
                ));
            }
        }
    };

    let check = site.check(&args);
    judge("check", &check, &mut problems);
    let build = site.build(&args);
    judge("build", &build, &mut problems);

    let normal = |code: i32| code == 0 || code == 1;
    if check.code != build.code && normal(check.code) && normal(build.code) {
        problems.push((
            Kind::Guarantee,
            format!(
                "check exited {} but build exited {}",
                check.code, build.code
            ),
        ));
    }
    let built = build.code == 0;
    if built && !site.has_public("index.html") {
        problems.push((
            Kind::Guarantee,
            "build succeeded but wrote no index.html".into(),
        ));
    }
    if build.code == 1 && site.public().exists() {
        problems.push((Kind::Guarantee, "a failed build wrote public/".into()));
    }
    if built {
        let broken = broken_links(&snapshot(&site.public()), &r.base);
        if !broken.is_empty() {
            let n = broken.len();
            let some: Vec<String> = broken.into_iter().take(4).collect();
            problems.push((
                Kind::Guarantee,
                format!(
                    "the output links to {n} URLs of the site it did not write, e.g. {}",
                    some.join("; ")
                ),
            ));
        }
    }
    // A third of the successful sites: build again over the output.
    if built && r.seed.is_multiple_of(3) {
        let before = snapshot(&site.public());
        let again = site.build(&args);
        judge("build (again)", &again, &mut problems);
        if again.code == 0 {
            let after = snapshot(&site.public());
            let mut differ: Vec<&String> = before
                .keys()
                .chain(after.keys())
                .filter(|k| before.get(*k) != after.get(*k))
                .collect();
            differ.dedup();
            if !differ.is_empty() {
                problems.push((
                    Kind::Guarantee,
                    format!("a second build of the same site changed files: {differ:?}"),
                ));
            }
        } else if normal(again.code) {
            problems.push((
                Kind::Guarantee,
                format!("a second build of the same site exited {}", again.code),
            ));
        }
    }
    if !problems.is_empty() && std::env::var_os("MEKONG_RANDOM_SITES_KEEP").is_some() {
        let kept = site.tmp.keep();
        let _ = writeln!(log, "site kept in {}", kept.display());
    }
    (built, problems, log)
}

/// The "panicked at FILE:LINE:COL:" line of a panic and the message after it.
fn panic_message(stderr: &str) -> String {
    let mut lines = stderr.lines().skip_while(|l| !l.contains("panicked"));
    let first = lines.next().unwrap_or("");
    let first = first.find("panicked").map_or(first, |i| &first[i..]);
    let second = lines.next().unwrap_or("");
    format!("{} {}", first.trim(), second.trim())
}

/// `FILE:LINE:COL` of "panicked at FILE:LINE:COL: ...", to group sites by
/// the panic they hit.
fn panic_location(problem: &str) -> Option<&str> {
    let rest = &problem[problem.find("panicked at ")? + "panicked at ".len()..];
    let end = rest.find(": ").unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(':'))
}

/// `%XX` escapes decoded (as UTF-8, lossily).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every URL in `href`, `src`, `srcset` and meta-refresh attributes of the
/// HTML and XML files of a built site that points inside the site but at a
/// file the build did not write: "FILE → URL".
fn broken_links(files: &BTreeMap<String, Vec<u8>>, base: &str) -> Vec<String> {
    // `https://host/path/` → ("https://host", "/path/"); `/path` → (None, "/path/").
    let (origin, base_path) = match base.find("://") {
        Some(i) => {
            let rest = &base[i + 3..];
            let slash = rest.find('/').unwrap_or(rest.len());
            (Some(&base[..i + 3 + slash]), &rest[slash..])
        }
        None => (None, base),
    };
    let mut base_path = percent_decode(base_path);
    if !base_path.starts_with('/') {
        base_path.insert(0, '/');
    }
    if !base_path.ends_with('/') {
        base_path.push('/');
    }
    let mut broken = Vec::new();
    for (file, bytes) in files {
        if !(file.ends_with(".html") || file.ends_with(".xml")) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let mut urls: Vec<&str> = Vec::new();
        for attr in ["href=\"", "src=\"", "srcset=\"", "url="] {
            let mut rest = text;
            while let Some(i) = rest.find(attr) {
                rest = &rest[i + attr.len()..];
                let end = rest.find(['"', '\'']).unwrap_or(rest.len());
                let value = &rest[..end];
                if attr == "srcset=\"" {
                    urls.extend(value.split(',').filter_map(|c| c.split_whitespace().next()));
                } else {
                    urls.push(value);
                }
            }
        }
        // The page's own folder, for relative URLs.
        let page_dir = match file.rfind('/') {
            Some(i) => format!("{base_path}{}/", &file[..i]),
            None => base_path.clone(),
        };
        for raw in urls {
            let url = raw.replace("&amp;", "&");
            let url = url.split(['#', '?']).next().unwrap_or("");
            if url.is_empty() || url.starts_with("//") {
                continue;
            }
            let path = if let Some(o) = origin.filter(|o| url.starts_with(*o)) {
                url[o.len()..].to_owned()
            } else if url.contains(':') && !url.starts_with('/') {
                continue; // another site, mailto:, geo:, data:
            } else if url.starts_with('/') {
                url.to_owned()
            } else {
                format!("{page_dir}{url}")
            };
            let mut path = percent_decode(&path);
            if path.is_empty() {
                path.push('/');
            }
            // Resolve `.` and `..` segments.
            let mut segs: Vec<&str> = Vec::new();
            for seg in path.split('/').skip(1) {
                match seg {
                    "." => {}
                    ".." => {
                        segs.pop();
                    }
                    s => segs.push(s),
                }
            }
            let path = format!("/{}", segs.join("/"));
            let Some(rel) = path
                .strip_prefix(base_path.as_str())
                .or_else(|| (format!("{path}/") == base_path).then_some(""))
            else {
                broken.push(format!(
                    "{file} → {raw} (outside the base path {base_path})"
                ));
                continue;
            };
            let target = if rel.is_empty() || rel.ends_with('/') {
                format!("{rel}index.html")
            } else {
                rel.to_owned()
            };
            if !files.contains_key(&target)
                && !files.keys().any(|k| k.starts_with(&format!("{target}/")))
            {
                broken.push(format!("{file} → {raw}"));
            }
        }
    }
    broken.sort();
    broken.dedup();
    broken
}

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    Some(
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a whole number")),
    )
}

/// Every site's outcome, computed once for both tests of this file.
struct Results {
    seeds: usize,
    failures: Vec<Failure>,
}

fn results() -> &'static Results {
    static RESULTS: OnceLock<Results> = OnceLock::new();
    RESULTS.get_or_init(run_all)
}

/// Runs every site on a few threads, with a watchdog for hangs.
fn run_all() -> Results {
    let single = env_u64("MEKONG_RANDOM_SITES_SEED");
    let seeds: Vec<u64> = match single {
        Some(seed) => vec![seed],
        None => {
            let n = env_u64("MEKONG_RANDOM_SITES").unwrap_or(DEFAULT_SITES);
            (FIRST_SEED..FIRST_SEED + n).collect()
        }
    };
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<Failure>> = Mutex::new(Vec::new());
    let (built, messy) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // What each worker is running, for the watchdog.
    let running: Mutex<Vec<Option<(u64, Instant)>>> = Mutex::new(vec![None; workers]);
    let done = AtomicBool::new(false);
    let start = Instant::now();

    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(500));
                let slots = running.lock().unwrap().clone();
                for (seed, since) in slots.into_iter().flatten() {
                    if since.elapsed() > HANG_LIMIT {
                        eprintln!(
                            "mekong has been running on random site {seed} for more than {} s: a hang?\n\
                             reproduce: MEKONG_RANDOM_SITES_SEED={seed} cargo test --test random_sites\n{}",
                            HANG_LIMIT.as_secs(),
                            Gen::generate(seed).describe()
                        );
                        std::process::exit(1);
                    }
                }
            }
        });
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (next, failures, built, messy, running, seeds) =
                    (&next, &failures, &built, &messy, &running, &seeds);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&seed) = seeds.get(i) else { break };
                    let site = Gen::generate(seed);
                    if site.mess > 0 {
                        messy.fetch_add(1, Ordering::Relaxed);
                    }
                    running.lock().unwrap()[w] = Some((seed, Instant::now()));
                    let (ok, problems, log) = run_site(&site);
                    running.lock().unwrap()[w] = None;
                    if ok {
                        built.fetch_add(1, Ordering::Relaxed);
                    }
                    if single.is_some() {
                        // One seed asked for: show it whatever happened.
                        println!("{}\n{log}", site.describe());
                    }
                    if !problems.is_empty() {
                        failures.lock().unwrap().push(Failure {
                            seed,
                            problems,
                            site: site.describe(),
                            runs: log,
                        });
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("a worker thread panicked");
        }
        done.store(true, Ordering::Relaxed);
    });

    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.seed);
    let built = built.load(Ordering::Relaxed);
    eprintln!(
        "{} random sites ({} messy) in {:.1} s on {workers} threads: {built} built, {} refused with errors",
        seeds.len(),
        messy.load(Ordering::Relaxed),
        start.elapsed().as_secs_f64(),
        seeds.len() - built,
    );
    Results {
        seeds: seeds.len(),
        failures,
    }
}

/// Panics listing every site with a problem of this kind, the first three
/// with their files and runs.
fn assert_no(kind: Kind, what: &str) {
    let results = results();
    let failing: Vec<(&Failure, Vec<&String>)> = results
        .failures
        .iter()
        .map(|f| {
            let mine = f
                .problems
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, p)| p)
                .collect();
            (f, mine)
        })
        .filter(|(_, mine): &(_, Vec<_>)| !mine.is_empty())
        .collect();
    if failing.is_empty() {
        return;
    }
    let mut report = String::new();
    for (f, mine) in failing.iter().take(3) {
        let mine: Vec<&str> = mine.iter().map(|s| s.as_str()).collect();
        let _ = write!(
            report,
            "\n================ random site, seed {}\n  - {}\n\nreproduce: MEKONG_RANDOM_SITES_SEED={} cargo test --test random_sites -- --nocapture\n\n{}\n{}",
            f.seed,
            mine.join("\n  - "),
            f.seed,
            f.site,
            f.runs
        );
    }
    let list: Vec<String> = failing
        .iter()
        .map(|(f, mine)| {
            let mine: Vec<&str> = mine.iter().map(|s| s.as_str()).collect();
            let line = format!("  seed {}: {}", f.seed, mine.join("; "));
            match line.char_indices().nth(300) {
                Some((i, _)) => format!("{}…", &line[..i]),
                None => line,
            }
        })
        .collect();
    // The sites grouped by the panic they hit.
    let mut panics: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for (f, mine) in &failing {
        let mut at: Vec<&str> = mine.iter().filter_map(|p| panic_location(p)).collect();
        at.dedup();
        for loc in at {
            panics.entry(loc).or_default().push(f.seed);
        }
    }
    let mut by_panic = String::new();
    for (loc, seeds) in &panics {
        let _ = write!(
            by_panic,
            "\n  panicked at {loc}: {} sites, seeds {seeds:?}",
            seeds.len()
        );
    }
    if !by_panic.is_empty() {
        by_panic.insert_str(0, "\n\nthe sites by the panic they hit:");
    }
    panic!(
        "{what}: {} of {} random sites (the first 3 in full above the list)\n{report}\n\n{what}, every seed:\n{}{by_panic}",
        failing.len(),
        results.seeds,
        list.join("\n"),
    );
}

#[test]
fn no_random_site_makes_mekong_panic() {
    assert_no(
        Kind::Crash,
        "mekong panicked, exited with neither 0 nor 1, or printed no JSON report",
    );
}

#[test]
fn random_sites_keep_checks_builds_and_links_consistent() {
    assert_no(
        Kind::Guarantee,
        "check and build disagreed, a run failed without an error, the output has broken links, or a second build differed",
    );
}

/// The generator itself is deterministic: the same seed, the same site.
#[test]
fn the_generator_gives_the_same_site_for_the_same_seed() {
    for seed in [1, 2, 77, 1000] {
        assert_eq!(
            Gen::generate(seed).describe(),
            Gen::generate(seed).describe()
        );
    }
    assert_ne!(Gen::generate(1).describe(), Gen::generate(2).describe());
}
