//! The search cache (`SITE/.mekong-cache/search/`): a build copies what the
//! last one cut and gzipped instead of doing it again, and its output is
//! the same bytes as a build without a cache; an edited article is indexed
//! anew; a damaged cache costs time, never a wrong index.

mod common;

use common::{snapshot, Site};
use std::collections::BTreeMap;
use std::fs;

const CACHE: &str = ".mekong-cache/search/last-build.bin";

/// The i18n fixture with search on.
fn site() -> Site {
    let site = Site::new("i18n");
    site.edit_site_yaml("search: false", "search: true");
    site
}

/// Every file of the Vietnamese index, gzipped ones inflated, as text.
fn vi_index(site: &Site) -> String {
    let mut all = String::new();
    for (path, bytes) in snapshot(&site.public().join("search")) {
        let text = if path.ends_with(".gz") {
            inflate(&bytes)
        } else {
            String::from_utf8(bytes).expect("UTF-8")
        };
        all.push_str(&text);
    }
    all
}

/// A gzipped search file's text.
fn inflate(bytes: &[u8]) -> String {
    // The gzip trailer's last 4 bytes: the inflated size.
    let size = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().expect("a trailer"));
    let mut inflated = vec![0; size as usize];
    libdeflater::Decompressor::new()
        .gzip_decompress(bytes, &mut inflated)
        .expect("a gzipped search file");
    String::from_utf8(inflated).expect("UTF-8")
}

fn outputs(site: &Site) -> BTreeMap<String, Vec<u8>> {
    snapshot(&site.public())
}

#[test]
fn a_build_from_the_cache_writes_the_same_bytes() {
    let site = site();
    site.build_ok(&[]);
    let first = outputs(&site);
    assert!(site.path(CACHE).is_file(), "the first build keeps a cache");
    let cache = fs::read(site.path(CACHE)).expect("the cache");
    site.build_ok(&[]);
    assert_eq!(outputs(&site), first, "a build from the cache differs");
    assert_eq!(
        fs::read(site.path(CACHE)).expect("the cache").len(),
        cache.len(),
        "the second build keeps the same entries"
    );

    // Without the cache, the same bytes again.
    fs::remove_dir_all(site.path(".mekong-cache")).expect("remove the cache");
    site.build_ok(&[]);
    assert_eq!(outputs(&site), first);
}

#[test]
fn an_edited_article_is_indexed_anew() {
    let site = site();
    site.build_ok(&[]);
    assert!(vi_index(&site).contains("\"ba\""));
    let article = site.path("content/tourism/nui-ba-ra.md");
    let text = fs::read_to_string(&article).expect("the article");
    fs::write(&article, format!("{text}\nChợ Thành Vinh.\n")).expect("edit");
    site.build_ok(&[]);
    let index = vi_index(&site);
    assert!(index.contains("\"vinh\""), "the new word is not indexed");
    assert!(
        index.contains("Chợ Thành Vinh"),
        "the new text is not in the excerpts"
    );

    // The same word, from a cold build: the same index.
    fs::remove_dir_all(site.path(".mekong-cache")).expect("remove the cache");
    let warm = outputs(&site);
    site.build_ok(&[]);
    assert_eq!(outputs(&site), warm);
}

#[test]
fn a_damaged_cache_gives_the_same_index() {
    let site = site();
    site.build_ok(&[]);
    let first = outputs(&site);
    let mut bytes = fs::read(site.path(CACHE)).expect("the cache");
    // Damage the entries (their checks fail) and then cut the file short
    // (its table is not read at all).
    for byte in bytes.iter_mut().take(200) {
        *byte ^= 0x55;
    }
    fs::write(site.path(CACHE), &bytes).expect("damage the cache");
    site.build_ok(&[]);
    assert_eq!(outputs(&site), first);
    fs::write(site.path(CACHE), &bytes[..bytes.len() / 2]).expect("cut the cache");
    site.build_ok(&[]);
    assert_eq!(outputs(&site), first);
    fs::write(site.path(CACHE), b"").expect("empty the cache");
    site.build_ok(&[]);
    assert_eq!(outputs(&site), first);
}

#[test]
fn a_failed_build_keeps_the_last_cache_and_search_off_drops_it() {
    let site = site();
    site.build_ok(&[]);
    let cache = fs::read(site.path(CACHE)).expect("the cache");
    site.write("content/tourism/broken.md", "---\ntitle: [\n---\nx\n");
    assert_ne!(site.build(&[]).code, 0);
    assert_eq!(fs::read(site.path(CACHE)).expect("the cache"), cache);
    let leftovers = fs::read_dir(site.path(".mekong-cache/search"))
        .expect("the cache folder")
        .count();
    assert_eq!(leftovers, 1, "a failed build leaves its file behind");
    fs::remove_file(site.path("content/tourism/broken.md")).expect("mend");

    site.edit_site_yaml("search: true", "search: false");
    site.build_ok(&[]);
    assert!(!site.path(".mekong-cache/search").exists());
}

#[test]
fn check_writes_no_search_cache_in_the_site_folder() {
    let site = site();
    site.check(&[]).assert_ok();
    assert!(
        !site.path(".mekong-cache/search").exists(),
        "check left a search cache folder in the site"
    );
    // After a build, check reads and writes nothing there either.
    site.build_ok(&[]);
    let cache = fs::read(site.path(CACHE)).expect("the build's cache");
    site.check(&[]).assert_ok();
    assert_eq!(fs::read(site.path(CACHE)).expect("the cache"), cache);
    let files = fs::read_dir(site.path(".mekong-cache/search")).expect("the cache folder");
    assert_eq!(files.count(), 1, "only the build's cache file is there");
}

/// The names of the Vietnamese fragment files (`search/f/N-HASH.json.gz`).
fn vi_fragment_files(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = snapshot(&site.public().join("search/f"))
        .into_keys()
        .collect();
    names.sort_by_key(|name| {
        name.split('-')
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(usize::MAX)
    });
    names
}

#[test]
fn a_new_article_leaves_the_older_articles_fragment_files_as_they_were() {
    let site = site();
    // Enough news for several fragment files (about 40 KB of text each).
    let paragraph = "Tỉnh Bình Phước mời gọi đầu tư vào khu công nghiệp Minh Hưng, \
                     cửa khẩu Hoa Lư và các vùng trồng điều. "
        .repeat(30);
    for n in 0..60 {
        let (month, day) = (1 + n / 28, 1 + n % 28);
        site.write(
            &format!("content/news/ban-tin-{n:02}.md"),
            format!(
                "---\ntitle: Bản tin số {n}\ndate: 2026-{month:02}-{day:02}\n---\n\n{paragraph}\n"
            ),
        );
    }
    site.build_ok(&[]);
    let before = vi_fragment_files(&site);
    assert!(
        before.len() >= 4,
        "too few fragment files to tell: {before:?}"
    );

    // The newest article of all: it takes the last number.
    site.write(
        "content/news/ban-tin-moi.md",
        format!("---\ntitle: Bản tin mới\ndate: 2026-11-30\n---\n\nBù Gia Mập. {paragraph}\n"),
    );
    site.build_ok(&[]);
    let after = vi_fragment_files(&site);
    let kept = before.iter().filter(|name| after.contains(name)).count();
    assert!(
        kept + 1 >= before.len(),
        "only {kept} of {} fragment files kept their name: {before:?} -> {after:?}",
        before.len()
    );
    assert!(
        vi_index(&site).contains("\"mập\""),
        "the new article's words are indexed"
    );
    // Oldest first: the newest article is the last document of the last file.
    let last = after.last().expect("fragment files");
    let text = inflate(&fs::read(site.public().join("search/f").join(last)).expect("read"));
    let position = text
        .find("Bản tin mới")
        .expect("the new article in the last file");
    assert!(
        !text[position..].contains("],["),
        "the new article is not the last document: {text}"
    );
}
