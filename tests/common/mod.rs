//! Helpers shared by the integration tests: copy a fixture site into a
//! fresh temporary folder, run the `mekong` binary on it, read what it wrote,
//! and look through its JSON diagnostics.
//!
//! Every test works on a copy: nothing is ever written into tests/fixtures.
// Shared by every test binary; each uses a different part.
#![allow(unreachable_pub)]
#![allow(dead_code)]

pub mod server;

use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of the test fixtures.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// Builds the demo portal (this repository) into a fresh temporary folder;
/// returns the folder (removed on drop) and the output folder in it.
pub fn build_demo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("create a temporary folder");
    let public = tmp.path().join("public");
    run_mekong(&[
        "build",
        "--root",
        env!("CARGO_MANIFEST_DIR"),
        "--output",
        path_str(&public),
    ])
    .assert_ok();
    (tmp, public)
}

/// A fixture copied into a temporary folder: `tmp/site` is the site root;
/// the rest of `tmp` is free for output folders and files "outside the site".
pub struct Site {
    /// Owns the temporary folder (removed on drop).
    pub tmp: tempfile::TempDir,
    /// The site root (`tmp/site`).
    pub root: PathBuf,
}

impl Site {
    /// Copies `tests/fixtures/NAME` (NAME may contain `/`, e.g. `bad/yaml-tab`).
    pub fn new(name: &str) -> Site {
        let src = fixtures_dir().join(name);
        assert!(src.is_dir(), "fixture {} does not exist", src.display());
        let tmp = tempfile::tempdir().expect("create a temporary folder");
        let root = tmp.path().join("site");
        copy_dir(&src, &root);
        Site { tmp, root }
    }

    /// The default output folder, `site/public`.
    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    /// A path in the temporary folder, outside the site.
    pub fn outside(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// A path in the site.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Writes a file in the site (creating folders).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let p = self.root.join(rel);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("create folders");
        }
        fs::write(&p, contents).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }

    /// Replaces text in `site.yaml`; the text must be there.
    pub fn edit_site_yaml(&self, from: &str, to: &str) {
        let p = self.root.join("site.yaml");
        let text = fs::read_to_string(&p).expect("read site.yaml");
        assert!(text.contains(from), "site.yaml has no `{from}`:\n{text}");
        fs::write(&p, text.replacen(from, to, 1)).expect("write site.yaml");
    }

    /// `mekong build --root SITE --message-format json ARGS...`
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build", "--root", path_str(&self.root)];
        all.extend_from_slice(args);
        run_mekong(&all)
    }

    /// `mekong build --root SITE --message-format json ARGS...` with
    /// environment variables set (e.g. `RAYON_NUM_THREADS`).
    pub fn build_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mekong"));
        cmd.args(["build", "--root", path_str(&self.root)])
            .args(args)
            .args(["--message-format", "json"]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        run_command(cmd)
    }

    /// `mekong check --root SITE --message-format json ARGS...`
    pub fn check(&self, args: &[&str]) -> Run {
        let mut all = vec!["check", "--root", path_str(&self.root)];
        all.extend_from_slice(args);
        run_mekong(&all)
    }

    /// Builds and panics with every diagnostic when the build fails.
    pub fn build_ok(&self, args: &[&str]) -> Run {
        let run = self.build(args);
        run.assert_ok();
        run
    }

    /// Reads a file of the default output folder (`public/REL`).
    pub fn read_public(&self, rel: &str) -> String {
        read(&self.public().join(rel))
    }

    /// Whether `public/REL` exists.
    pub fn has_public(&self, rel: &str) -> bool {
        self.public().join(rel).exists()
    }
}

/// A path as `&str` (temporary folders are UTF-8 on the test machines).
pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Copies a folder recursively (regular files and folders only).
pub fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).expect("create folder");
    for entry in fs::read_dir(src).expect("read fixture folder") {
        let entry = entry.expect("entry");
        let ty = entry.file_type().expect("file type");
        let to = dst.join(entry.file_name());
        if ty.is_dir() {
            copy_dir(&entry.path(), &to);
        } else if ty.is_file() {
            fs::copy(entry.path(), &to).expect("copy file");
        }
    }
}

/// Reads a text file, with a clear panic when it is missing.
pub fn read(path: &Path) -> String {
    match fs::read(path) {
        Ok(b) => String::from_utf8(b).unwrap_or_else(|_| panic!("{} is not UTF-8", path.display())),
        Err(e) => {
            let listing = path
                .parent()
                .and_then(|p| fs::read_dir(p).ok())
                .map(|rd| {
                    rd.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            panic!(
                "cannot read {}: {e} (the folder holds: {listing})",
                path.display()
            )
        }
    }
}

/// What a run of the binary gave.
pub struct Run {
    /// Exit code (-1 if killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The JSON report on stdout, when `--message-format json` was used.
    pub json: Option<Value>,
}

/// Runs `mekong ARGS... --message-format json`.
pub fn run_mekong(args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mekong"));
    cmd.args(args).args(["--message-format", "json"]);
    run_command(cmd)
}

/// Runs `mekong ARGS...` exactly as given.
pub fn run_mekong_raw(args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mekong"));
    cmd.args(args);
    run_command(cmd)
}

fn run_command(mut cmd: Command) -> Run {
    // Tests read English unless they ask for another language.
    if !cmd.get_envs().any(|(k, _)| k == "MEKONG_LANG") {
        cmd.env("MEKONG_LANG", "en");
    }
    let out = cmd.output().expect("run the mekong binary");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_str(stdout.trim()).ok();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout,
        stderr,
        json,
    }
}

/// One diagnostic of the JSON report.
#[derive(Debug, Clone)]
pub struct Diag {
    pub file: Option<String>,
    pub line: Option<u64>,
    pub col: Option<u64>,
    pub severity: String,
    pub message: String,
    pub hint: String,
    pub count: u64,
    /// The offending source line, when the report carries it.
    pub source_line: Option<String>,
}

impl Run {
    /// Every diagnostic of the JSON report.
    pub fn diagnostics(&self) -> Vec<Diag> {
        let Some(json) = &self.json else {
            return Vec::new();
        };
        json["diagnostics"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|d| Diag {
                        file: d["file"].as_str().map(str::to_owned),
                        line: d["line"].as_u64(),
                        col: d["col"].as_u64(),
                        severity: d["severity"].as_str().unwrap_or("").to_owned(),
                        message: d["message"].as_str().unwrap_or("").to_owned(),
                        hint: d["hint"].as_str().unwrap_or("").to_owned(),
                        count: d["count"].as_u64().unwrap_or(1),
                        source_line: d["source_line"].as_str().map(str::to_owned),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The `errors` count of the JSON report.
    pub fn errors(&self) -> u64 {
        self.json
            .as_ref()
            .and_then(|j| j["errors"].as_u64())
            .unwrap_or(0)
    }

    /// The `warnings` count of the JSON report.
    pub fn warnings(&self) -> u64 {
        self.json
            .as_ref()
            .and_then(|j| j["warnings"].as_u64())
            .unwrap_or(0)
    }

    /// The summary line, when the command succeeded.
    pub fn summary(&self) -> String {
        self.json
            .as_ref()
            .and_then(|j| j["summary"].as_str())
            .unwrap_or("")
            .to_owned()
    }

    /// Everything the run printed, for assertion messages.
    pub fn describe(&self) -> String {
        let diags: Vec<String> = self
            .diagnostics()
            .iter()
            .map(|d| {
                format!(
                    "  {} {}:{}:{} {} (hint: {})",
                    d.severity,
                    d.file.as_deref().unwrap_or("-"),
                    d.line.map_or("-".into(), |l| l.to_string()),
                    d.col.map_or("-".into(), |c| c.to_string()),
                    d.message,
                    d.hint
                )
            })
            .collect();
        format!(
            "exit code {}\ndiagnostics:\n{}\nstdout: {}\nstderr: {}",
            self.code,
            diags.join("\n"),
            truncate(&self.stdout, 4000),
            truncate(&self.stderr, 4000)
        )
    }

    /// Panics unless the run exited 0.
    pub fn assert_ok(&self) {
        assert_eq!(self.code, 0, "expected success, got:\n{}", self.describe());
    }

    /// Panics unless the run exited with `code`.
    pub fn assert_code(&self, code: i32) {
        assert_eq!(
            self.code,
            code,
            "expected exit code {code}, got:\n{}",
            self.describe()
        );
    }

    /// The first diagnostic that matches `want`, or a panic listing them all.
    pub fn expect(&self, want: &Expect<'_>) -> Diag {
        let found = self.diagnostics().into_iter().find(|d| want.matches(d));
        match found {
            Some(d) => d,
            None => panic!("no diagnostic matches {want:?}; got:\n{}", self.describe()),
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        s.to_owned()
    } else {
        let mut end = n;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}… ({} bytes)", &s[..end], s.len())
    }
}

/// What a diagnostic should say. Text matches are case-insensitive.
#[derive(Debug, Default, Clone)]
pub struct Expect<'a> {
    /// `error` or `warning`.
    pub severity: &'a str,
    /// The file, as the report names it (relative to the site root).
    pub file: Option<&'a str>,
    /// The 1-based line.
    pub line: Option<u64>,
    /// Parts the message must contain.
    pub message: &'a [&'a str],
    /// Parts the hint must contain.
    pub hint: &'a [&'a str],
}

impl Expect<'_> {
    fn matches(&self, d: &Diag) -> bool {
        let has = |text: &str, part: &str| text.to_lowercase().contains(&part.to_lowercase());
        (self.severity.is_empty() || d.severity == self.severity)
            && self
                .file
                .is_none_or(|f| d.file.as_deref().is_some_and(|df| same_file(df, f)))
            && self.line.is_none_or(|l| d.line == Some(l))
            && self.message.iter().all(|p| has(&d.message, p))
            && self.hint.iter().all(|p| has(&d.hint, p))
    }
}

fn same_file(reported: &str, want: &str) -> bool {
    Path::new(reported) == Path::new(want)
}

/// Every file under `dir`, relative path → bytes. Symlinks are read through.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk output");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read(entry.path()).expect("read output file"));
        }
    }
    out
}

/// Every `.html` file under `dir`: relative path → text.
pub fn html_files(dir: &Path) -> BTreeMap<String, String> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("HTML is UTF-8")))
        .collect()
}

/// Percent-encodes every non-ASCII byte, as URLs of Lao and Khmer pages travel.
pub fn pct(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Every opening tag `<NAME ...>` in `html`, as raw text.
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let tail = &rest[i..];
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        out.push(&tail[..end]);
        rest = &tail[end..];
    }
    out
}

/// The value of attribute `name` in a raw tag.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let end = tag[i..].find('"')?;
    Some(&tag[i..i + end])
}

/// The `<link rel="alternate" hreflang=..>` tags of a page: hreflang → href.
pub fn hreflang_alternates(html: &str) -> BTreeMap<String, String> {
    tags(html, "link")
        .into_iter()
        .filter(|t| attr(t, "rel") == Some("alternate"))
        .filter_map(|t| Some((attr(t, "hreflang")?.to_owned(), attr(t, "href")?.to_owned())))
        .collect()
}

/// The language switcher of a page: the `<a hreflang=..>` links, hreflang → href.
pub fn language_links(html: &str) -> BTreeMap<String, String> {
    tags(html, "a")
        .into_iter()
        .filter_map(|t| Some((attr(t, "hreflang")?.to_owned(), attr(t, "href")?.to_owned())))
        .collect()
}

/// The `href` of `<link rel="canonical">`.
pub fn canonical(html: &str) -> Option<String> {
    tags(html, "link")
        .into_iter()
        .find(|t| attr(t, "rel") == Some("canonical"))
        .and_then(|t| attr(t, "href").map(str::to_owned))
}

/// The `lang` of the `<html>` element.
pub fn html_lang(html: &str) -> Option<String> {
    tags(html, "html")
        .first()
        .and_then(|t| attr(t, "lang").map(str::to_owned))
}

/// The `<url>` blocks of a sitemap, keyed by `<loc>`.
pub fn sitemap_entries(xml: &str) -> BTreeMap<String, String> {
    xml.split("<url>")
        .skip(1)
        .filter_map(|block| {
            let block = block.split("</url>").next()?;
            let loc = block.split("<loc>").nth(1)?.split("</loc>").next()?;
            Some((loc.to_owned(), block.to_owned()))
        })
        .collect()
}

/// The `<entry>` links of an Atom feed, in order.
pub fn feed_entry_links(xml: &str) -> Vec<String> {
    xml.split("<entry")
        .skip(1)
        .filter_map(|e| {
            let t = tags(e, "link")
                .into_iter()
                .find(|t| attr(t, "rel") == Some("alternate"))?;
            attr(t, "href").map(str::to_owned)
        })
        .collect()
}

/// A Vietnamese locale, as `LANG` names it.
pub const VI: &str = "vi_VN.UTF-8";
/// An English locale.
pub const EN: &str = "en_US.UTF-8";

/// Runs the binary with only `LANG` set among the locale variables (no
/// `LC_ALL`, `LC_MESSAGES` or `MEKONG_LANG`): its stdout and stderr.
pub fn run_in_locale(lang: &str, args: &[&str]) -> (String, String) {
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
