//! The browser tests as part of `cargo test`: builds the demo portal (this
//! repository) with the mekong binary under test, installs the Node
//! packages of `tests/browser/` when needed (`npm ci`), and runs
//! `tests/browser/run.mjs` on the output, which drives Debian's Chromium
//! through playwright-core (console errors, failed and external requests,
//! axe-core, the language switcher, search, project filters, images,
//! screenshots into `tests/browser/artifacts/`).
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
