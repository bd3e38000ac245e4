//! The browser tests as part of `cargo test`: builds the demo portal (this
//! repository) with the mekong binary under test, installs the Node
//! packages of `tests/browser/` when needed (`npm ci`), and runs
//! `tests/browser/run.mjs` on the output, which drives Debian's Chromium
//! through playwright-core (console errors, failed and external requests,
//! axe-core, the language switcher, search, project filters, images,
//! screenshots into `tests/browser/artifacts/`), and the border-gate
//! screens of the `screens` fixture (`tests/browser/screens.mjs`), and the
//! demo's embedded Khmer and Lao fonts (`tests/browser/fonts.mjs`); the
//! screens' subset fonts drawn beside the whole ones (`subset.mjs`); a
//! playing screen taking a new build (`refresh.mjs`).
//!
//! Chromium and Node are required: without them the test fails with the
//! command that installs them, rather than passing without testing anything.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

#[path = "browser/search_scale.rs"]
mod search_scale;

/// The browser the tests drive (the same default as run.mjs).
fn chromium() -> PathBuf {
    std::env::var_os("MEKONG_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// Panics with an install hint unless `program --version` runs.
fn require(program: &str, install: &str) {
    let works = Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        works,
        "`{program}` is needed for the browser tests and was not found or does not run: {install}"
    );
}

fn modified(p: &Path) -> Option<SystemTime> {
    fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Runs `npm ci` unless node_modules is there and newer than package-lock.json.
/// npm writes node_modules/.package-lock.json on every install, so its time
/// is the time of the last install.
fn install_node_packages(dir: &Path) {
    let lock = modified(&dir.join("package-lock.json")).expect("tests/browser/package-lock.json");
    let installed = modified(&dir.join("node_modules/.package-lock.json"))
        .or_else(|| modified(&dir.join("node_modules")));
    if installed.is_some_and(|t| t >= lock) {
        return;
    }
    let out = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .output()
        .expect("run npm ci");
    assert!(
        out.status.success(),
        "npm ci in {} failed:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `cmd` with its output in files under `tmp` (no pipe to fill up),
/// killing it after `limit`. Returns the exit status (None when killed) and
/// everything it printed.
fn run_with_limit(mut cmd: Command, tmp: &Path, limit: Duration) -> (Option<i32>, String) {
    let log = tmp.join("browser-tests.log");
    let file = fs::File::create(&log).expect("create the log file");
    cmd.stdout(file.try_clone().expect("clone the log file"))
        .stderr(file);
    let mut child = cmd.spawn().expect("start node");
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break Some(status.code().unwrap_or(-1));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    (code, fs::read_to_string(&log).unwrap_or_default())
}

/// Chromium, Node and npm are there (else a panic with the install command),
/// and tests/browser/node_modules is installed.
fn browser_ready(dir: &Path) {
    let browser = chromium();
    assert!(
        browser.is_file(),
        "{} is missing: the browser tests need Debian's Chromium. Install it with \
         `apt-get update && apt-get install -y chromium` (or point MEKONG_CHROMIUM at a Chromium binary)",
        browser.display()
    );
    require(
        "node",
        "install Node.js 20 or later with npm (e.g. `apt-get install -y nodejs npm` where the distribution has 20, else from nodejs.org)",
    );
    require("npm", "install npm (`apt-get install -y npm`)");
    install_node_packages(dir);
}

#[test]
fn the_demo_portal_passes_the_browser_tests() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    browser_ready(&dir);
    let (tmp, public) = build_demo();

    let mut cmd = Command::new("node");
    cmd.arg(dir.join("run.mjs")).arg(&public).current_dir(&dir);
    let (code, output) = run_with_limit(cmd, tmp.path(), Duration::from_secs(900));
    match code {
        Some(0) => println!("{output}"),
        Some(code) => panic!(
            "the browser tests failed (node tests/browser/run.mjs exited with {code}); \
             every failure is listed at the end:\n{output}"
        ),
        None => panic!("the browser tests did not finish within 15 minutes:\n{output}"),
    }
}

#[test]
fn the_screens_play_rotate_offline_and_from_the_zip() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    let browser = chromium();
    assert!(
        browser.is_file(),
        "{} is missing: install Chromium (`apt-get install -y chromium`) or set MEKONG_CHROMIUM",
        browser.display()
    );
    require("node", "install Node.js 20 or later with npm");
    let site = Site::new("screens");
    site.build_ok(&[]);
    let unzipped = site.outside("gate-unzipped");
    let bytes = fs::read(site.public().join("screens/gate.zip")).expect("the ZIP");
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .expect("a ZIP")
        .extract(&unzipped)
        .expect("unpack the ZIP");
    install_node_packages(&dir);
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("screens.mjs"))
        .arg(site.public())
        .arg(&unzipped)
        .current_dir(&dir);
    let (code, output) = run_with_limit(cmd, site.tmp.path(), Duration::from_secs(300));
    match code {
        Some(0) => println!("{output}"),
        Some(code) => panic!("the screen browser tests failed (exit {code}):\n{output}"),
        None => panic!("the screen browser tests did not finish within 5 minutes:\n{output}"),
    }
}
/// `mekong serve` on a copy of tests/fixtures/cms, stopped on drop.
struct Serving {
    child: std::process::Child,
    base: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Site) -> Serving {
    use std::io::{BufRead, BufReader};
    let tmpdir = site.outside("tmpdir");
    fs::create_dir_all(&tmpdir).expect("create TMPDIR");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mekong"))
        .args(["serve", "--root", path_str(&site.root), "--port", "0"])
        .env("TMPDIR", &tmpdir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start mekong serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let Some(Ok(line)) = lines.next() else {
            let _ = child.kill();
            panic!("mekong serve stopped before serving");
        };
        if let Some(url) = line
            .split(" on ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .filter(|_| line.starts_with("serving "))
        {
            break url.to_owned();
        }
    };
    // Keep reading so that the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Serving { child, base }
}

#[test]
fn the_editing_app_saves_through_serve() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    assert!(
        chromium().is_file(),
        "{} is missing: `apt-get update && apt-get install -y chromium`",
        chromium().display()
    );
    require("node", "install Node.js 20 or later with npm");
    install_node_packages(&dir);

    let site = Site::new("cms");
    let server = serve(&site);
    let image = site.outside("minh-hung.png");
    fs::copy(fixtures_dir().join("images/small.png"), &image).expect("copy the image");

    let mut cmd = Command::new("node");
    cmd.arg(dir.join("cms.mjs"))
        .arg(&server.base)
        .arg(&image)
        .current_dir(&dir);
    let (code, output) = run_with_limit(cmd, site.tmp.path(), Duration::from_secs(300));
    drop(server);
    let result: serde_json::Value = output
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_else(|| panic!("cms.mjs printed no RESULT line:\n{output}"));
    assert_eq!(code, Some(0), "the editing app failed:\n{output}");
    assert_eq!(
        result["outside"],
        serde_json::json!([]),
        "requests left 127.0.0.1"
    );
    assert_eq!(result["persist"]["status"], 200, "{result}");
    assert_eq!(result["vi"], "Khu công nghiệp Minh Hưng", "{result}");
    assert_eq!(result["en"], "Minh Hung Industrial Park", "{result}");

    // mekong's format: the default language without a suffix, the typed
    // block intact, no empty translations, the image in static/.
    let vi = read(&site.path("content/news/khu-cong-nghiep-minh-hung.md"));
    let en = read(&site.path("content/news/khu-cong-nghiep-minh-hung.en.md"));
    assert!(
        vi.starts_with("---\ntitle: Khu công nghiệp Minh Hưng\n"),
        "{vi}"
    );
    for line in [
        "project:\n  sector: industry\n  location: Chơn Thành\n  status: open\n  area_ha: 125\n",
        "image: /images/minh-hung.png\n",
        "unit: so-khdt\n",
        "date: 2026-12-02\n",
        "---\nKhu công nghiệp có diện tích 125 ha.\n",
    ] {
        assert!(
            vi.contains(line),
            "`{line}` is not in the Vietnamese file:\n{vi}"
        );
    }
    assert!(
        en.contains("title: Minh Hung Industrial Park\n")
            && en.contains("  location: Chon Thanh\n"),
        "{en}"
    );
    for absent in ["lo", "km", "vi"] {
        let p = site.path(&format!(
            "content/news/khu-cong-nghiep-minh-hung.{absent}.md"
        ));
        assert!(!p.exists(), "{} was written", p.display());
    }
    assert!(site.path("static/images/minh-hung.png").is_file());
    site.check(&[]).assert_ok();
}

#[test]
fn the_demo_portal_draws_khmer_and_lao_with_its_embedded_fonts() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    browser_ready(&dir);
    let (tmp, public) = build_demo();
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("fonts.mjs"))
        .arg(&public)
        .current_dir(&dir);
    let (code, output) = run_with_limit(cmd, tmp.path(), Duration::from_secs(300));
    match code {
        Some(0) => println!("{output}"),
        Some(code) => panic!("the font browser tests failed (exit {code}):\n{output}"),
        None => panic!("the font browser tests did not finish within 5 minutes:\n{output}"),
    }
}

#[test]
fn the_screens_subset_fonts_draw_like_the_whole_fonts() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    browser_ready(&dir);
    let site = Site::new("screens");
    site.build_ok(&[]);
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("subset.mjs"))
        .arg(site.public())
        .arg(repo.join("src").join("fonts").join("noto"))
        .current_dir(&dir);
    let (code, output) = run_with_limit(cmd, site.tmp.path(), Duration::from_secs(300));
    match code {
        Some(0) => println!("{output}"),
        Some(code) => panic!("the subset font comparison failed (exit {code}):\n{output}"),
        None => panic!("the subset font comparison did not finish within 5 minutes:\n{output}"),
    }
}

#[test]
fn a_playing_screen_takes_a_new_build_without_a_blank_frame() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("tests").join("browser");
    browser_ready(&dir);
    let site = Site::new("screens");
    // The gate screen (the first) asks for its playlist every minute.
    site.edit_site_yaml(
        "    seconds: 2\n",
        "    seconds: 2\n    refresh_minutes: 1\n",
    );
    site.build_ok(&[]);
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("refresh.mjs"))
        .arg(&site.root)
        .arg(env!("CARGO_BIN_EXE_mekong"))
        .current_dir(&dir);
    let (code, output) = run_with_limit(cmd, site.tmp.path(), Duration::from_secs(300));
    match code {
        Some(0) => println!("{output}"),
        Some(code) => panic!("the screen refresh test failed (exit {code}):\n{output}"),
        None => panic!("the screen refresh test did not finish within 5 minutes:\n{output}"),
    }
}
