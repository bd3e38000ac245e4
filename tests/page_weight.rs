//! The page-weight budget (issue #7): the HTML of a typical article, plus
//! every same-site stylesheet and script it references, stays under 60 KB
//! in every language, before images (and fonts). The home page too. Bytes
//! are counted as written, uncompressed: what a reader downloads without a
//! compressing server.

mod common;

use common::*;
use percent_encoding::percent_decode_str;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// 60 KB.
const BUDGET: u64 = 60 * 1024;

/// The article every language has (the other languages' URLs come from its
/// hreflang alternates, so Lao and Khmer slugs need not be written here).
const ARTICLE: &str = "tourism/nui-ba-ra/index.html";
const LANGUAGES: [&str; 4] = ["vi", "en", "lo", "km"];

/// The attributes of every `<NAME ...>` tag in `html` (names lowercased,
/// values with or without quotes).
fn tags_with_attrs(html: &str, name: &str) -> Vec<Vec<(String, String)>> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open) {
        let start = from + i + open.len();
        from = start;
        if !lower[start..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            continue;
        }
        let mut attrs = Vec::new();
        let bytes = html.as_bytes();
        let mut j = start;
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let key_start = j;
            while j < bytes.len()
                && !matches!(bytes[j], b'=' | b'>' | b'/')
                && !bytes[j].is_ascii_whitespace()
            {
                j += 1;
            }
            let key = html[key_start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let quote = bytes[j];
                    let v_start = j + 1;
                    let v_end = html[v_start..]
                        .bytes()
                        .position(|b| b == quote)
                        .map_or(html.len(), |p| v_start + p);
                    value = html[v_start..v_end].to_owned();
                    j = (v_end + 1).min(html.len());
                } else {
                    let v_start = j;
                    while j < bytes.len() && bytes[j] != b'>' && !bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    value = html[v_start..j].to_owned();
                }
            }
            attrs.push((key, value));
        }
        out.push(attrs);
    }
    out
}

fn get<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The file in `public` that a same-site URL points at, or None for another
/// site. Root-relative and `base_url` URLs are the site's; the query (the
/// fingerprint `?v=`) and fragment are dropped.
fn site_file(base_url: &str, page_dir: &str, url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or("");
    let path = if let Some(rest) = url.strip_prefix(base_url) {
        format!("/{rest}")
    } else if url.starts_with("//") || url.contains("://") {
        return None;
    } else if url.starts_with('/') {
        url.to_owned()
    } else {
        format!("/{page_dir}{url}")
    };
    let decoded = percent_decode_str(&path).decode_utf8_lossy().into_owned();
    Some(decoded.trim_start_matches('/').to_owned())
}

/// The stylesheets and scripts a page loads: `<link rel=stylesheet>` and
/// `<script src>`, plus the `@import`s of those stylesheets.
fn assets(
    public: &Path,
    base_url: &str,
    page: &str,
    html: &str,
) -> (BTreeSet<String>, Vec<String>) {
    let page_dir = page
        .rsplit_once('/')
        .map_or(String::new(), |(d, _)| format!("{d}/"));
    let mut files = BTreeSet::new();
    let mut external = Vec::new();
    let mut add =
        |url: &str, dir: &str, files: &mut BTreeSet<String>| match site_file(base_url, dir, url) {
            Some(f) => {
                files.insert(f);
            }
            None => external.push(url.to_owned()),
        };
    for attrs in tags_with_attrs(html, "link") {
        let rel = get(&attrs, "rel").unwrap_or("").to_ascii_lowercase();
        if rel.split_ascii_whitespace().any(|r| r == "stylesheet") {
            if let Some(href) = get(&attrs, "href") {
                add(href, &page_dir, &mut files);
            }
        }
    }
    for attrs in tags_with_attrs(html, "script") {
        if let Some(src) = get(&attrs, "src") {
            add(src, &page_dir, &mut files);
        }
    }
    // Stylesheets imported by stylesheets.
    let mut queue: Vec<String> = files
        .iter()
        .filter(|f| f.ends_with(".css"))
        .cloned()
        .collect();
    while let Some(css_file) = queue.pop() {
        let Ok(css) = fs::read_to_string(public.join(&css_file)) else {
            continue;
        };
        let dir = css_file
            .rsplit_once('/')
            .map_or(String::new(), |(d, _)| format!("{d}/"));
        for part in css.split("@import").skip(1) {
            let spec = part.split(';').next().unwrap_or("").trim();
            let spec = spec.trim_start_matches("url(").trim_start();
            let quote = spec.chars().next().filter(|c| *c == '"' || *c == '\'');
            let url: String = match quote {
                Some(q) => spec[1..].split(q).next().unwrap_or("").to_owned(),
                None => spec.split([')', ' ']).next().unwrap_or("").to_owned(),
            };
            if url.is_empty() {
                continue;
            }
            let before = files.len();
            add(&url, &dir, &mut files);
            if files.len() > before {
                if let Some(f) = site_file(base_url, &dir, &url) {
                    queue.push(f);
                }
            }
        }
    }
    (files, external)
}

/// One page's weight: its HTML and each asset, with sizes.
struct Weight {
    page: String,
    parts: Vec<(String, u64)>,
    problems: Vec<String>,
}

impl Weight {
    fn total(&self) -> u64 {
        self.parts.iter().map(|(_, n)| n).sum()
    }

    fn describe(&self) -> String {
        let mut s = format!("{}: {} bytes (budget {BUDGET})\n", self.page, self.total());
        for (file, n) in &self.parts {
            s.push_str(&format!("  {n:>7}  {file}\n"));
        }
        for p in &self.problems {
            s.push_str(&format!("  problem: {p}\n"));
        }
        s
    }
}

fn weigh(public: &Path, base_url: &str, page: &str) -> Weight {
    let html = read(&public.join(page));
    let mut parts = vec![(page.to_owned(), html.len() as u64)];
    let mut problems = Vec::new();
    let (files, external) = assets(public, base_url, page, &html);
    for f in files {
        match fs::metadata(public.join(&f)) {
            Ok(m) => parts.push((f, m.len())),
            Err(e) => problems.push(format!("{f} is referenced but cannot be read: {e}")),
        }
    }
    for url in external {
        problems.push(format!(
            "{url} is on another site: the portal must make no external requests"
        ));
    }
    Weight {
        page: page.to_owned(),
        parts,
        problems,
    }
}

/// The site's `base_url`, as `build` writes it into canonical links.
fn base_url(public: &Path) -> String {
    let home = read(&public.join("index.html"));
    canonical(&home).expect("the home page has a canonical link")
}

#[test]
fn a_typical_article_and_the_home_page_weigh_under_60_kb_in_every_language() {
    let (_tmp, public) = build_demo();
    let base = base_url(&public);

    // The article in each language, from the vi version's hreflang alternates.
    let alternates = hreflang_alternates(&read(&public.join(ARTICLE)));
    let mut pages = Vec::new();
    for lang in LANGUAGES {
        let home = if lang == "vi" {
            "index.html".to_owned()
        } else {
            format!("{lang}/index.html")
        };
        pages.push(home);
        let permalink = alternates
            .get(lang)
            .unwrap_or_else(|| panic!("{ARTICLE} has no {lang} version: {alternates:?}"));
        let file = site_file(&base, "", permalink).expect("a permalink of the site");
        pages.push(format!("{file}index.html"));
    }

    let weights: Vec<Weight> = pages.iter().map(|p| weigh(&public, &base, p)).collect();
    for w in &weights {
        println!("{}", w.describe());
    }
    let over: Vec<String> = weights
        .iter()
        .filter(|w| w.total() >= BUDGET || !w.problems.is_empty())
        .map(Weight::describe)
        .collect();
    assert!(
        over.is_empty(),
        "pages over the 60 KB budget of HTML + CSS + JS (images and fonts excluded), or with assets that cannot be counted:\n{}",
        over.join("\n")
    );
    // Every page loads the theme's stylesheet: the count above is not vacuous.
    for w in &weights {
        assert!(
            w.parts.iter().any(|(f, _)| f.ends_with(".css")),
            "{} references no stylesheet; the weight test found nothing to count:\n{}",
            w.page,
            w.describe()
        );
    }
}
