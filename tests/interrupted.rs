//! Guarantees that need a big site or a killed process: an interrupted
//! build leaves the old or the new site, never a mix, and the next build
//! clears what it left; nothing outside the site's sources, and no dotfile,
//! is ever published; front matter text is escaped in pages.

mod common;

use common::{snapshot, Site};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Adds `n` articles to the fixture so that a build takes long enough to be
/// interrupted in the middle.
fn grow(site: &Site, n: usize) {
    for i in 0..n {
        let body = "Một đoạn văn về đầu tư và du lịch ở Bình Phước. ".repeat(40);
        site.write(
            &format!("content/news/bai-{i:05}.md"),
            format!("---\ntitle: \"Bài {i}\"\ndate: 2025-01-{:02}\ntags: [t{}]\n---\n\n## Mục {i}\n\n{body}\n", i % 28 + 1, i % 7),
        );
    }
}

fn kill_after(site: &Site, signal: &str, after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mekong"))
        .args(["build", "--root", common::path_str(&site.root)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start mekong");
    std::thread::sleep(after);
    let _ = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        assert!(
            Instant::now() < deadline,
            "mekong did not stop after {signal}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn leftovers(site: &Site) -> Vec<String> {
    std::fs::read_dir(&site.root)
        .expect("read site root")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mekong-"))
        .collect()
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one_and_no_litter_after_the_next_build() {
    let site = Site::new("i18n");
    grow(&site, 1500);
    site.build_ok(&[]);
    let old = snapshot(&site.public());
    // Change every page: a new stylesheet changes the fingerprint each page
    // links to. Then kill builds at several moments.
    site.write("static/css/site.css", "body { color: #123; }\n");
    for (signal, ms) in [
        ("-KILL", 150),
        ("-INT", 300),
        ("-KILL", 600),
        ("-TERM", 900),
    ] {
        kill_after(&site, signal, Duration::from_millis(ms));
        let now = snapshot(&site.public());
        assert!(
            now.contains_key(".mekong-output"),
            "{signal} after {ms} ms left a folder without its manifest"
        );
        if now == old {
            continue;
        }
        // The build finished before the signal: then every page is new.
        let fingerprints: std::collections::BTreeSet<String> = now
            .iter()
            .filter(|(k, _)| k.ends_with("index.html"))
            .filter_map(|(_, b)| {
                let text = String::from_utf8_lossy(b);
                let at = text.find("site.css?v=")?;
                Some(text[at..at + 21].to_owned())
            })
            .collect();
        assert_eq!(
            fingerprints.len(),
            1,
            "{signal} after {ms} ms: a mix of old and new pages: {fingerprints:?}"
        );
    }
    let run = site.build_ok(&[]);
    assert!(
        leftovers(&site).is_empty(),
        "staging litter after the next build: {:?}",
        leftovers(&site)
    );
    assert!(run.summary().contains("built"));
}

#[test]
fn dotfiles_and_files_outside_the_sources_are_never_published() {
    let site = Site::new("i18n");
    site.write("static/.env", "SECRET=1");
    site.write("static/.git/config", "[core]");
    site.write("content/news/.draft-notes.md", "---\ntitle: x\n---\n");
    site.write("content/.DS_Store", "x");
    site.write("notes/private.txt", "private");
    site.write("README.txt", "readme");
    site.build_ok(&[]);
    let files = snapshot(&site.public());
    for name in files.keys() {
        let hidden = name
            .split('/')
            .any(|part| part.starts_with('.') && part != ".mekong-output");
        assert!(!hidden, "published a dotfile: {name}");
        assert!(
            !name.contains("private") && !name.contains("README"),
            "published a file from outside the sources: {name}"
        );
    }
}

#[test]
fn front_matter_text_is_escaped_in_pages() {
    let site = Site::new("i18n");
    site.write(
        "content/news/xss.md",
        "---\ntitle: \"<script>alert(1)</script> & co\"\ndescription: \"\\\"><img src=x onerror=alert(1)>\"\ndate: 2025-02-02\n---\n\nText.\n",
    );
    site.build_ok(&[]);
    let html = site.read_public("news/xss/index.html");
    assert!(
        !html.contains("<script>alert(1)"),
        "the title was not escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(
        !html.contains("<img src=x onerror"),
        "the description was not escaped"
    );
}
