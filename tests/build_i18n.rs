//! A four-language site (vi at the root; en falls back to vi; lo and km fall
//! back to en, then vi): URLs, translation links, hreflang, canonical,
//! sitemap, feeds, pagination, tags, aliases, drafts, 404 pages and robots.txt.
//!
//! Fixture `tests/fixtures/i18n/`:
//! - tourism/nui-ba-ra: vi, en, lo (slug `ພູບາຣາ`), km; tags
//! - tourism/ho-suoi-lam: vi, en; alias `/du-lich/ho-suoi-lam-cu/`
//! - tourism/soc-bom-bo: vi only
//! - tourism/ban-nhap: vi, `draft: true`, the newest date of the site
//! - news/hoi-cho-hat-dieu (2026-05-01): vi, en
//! - news/doan-khach-lao (2026-04-20): all four, with `@/` links
//! - news/mua-mua (2026-04-10): vi only
//!
//! `paginate_by: 2`, `feed_limit: 2`, `untranslated: hide`.

mod common;

use common::*;

const ORIGIN: &str = "https://portal.example.org";
const LAO_SLUG: &str = "ພູບາຣາ";

fn built() -> Site {
    let site = Site::new("i18n");
    site.build_ok(&[]);
    site
}

fn lao_path() -> String {
    format!("/lo/tourism/{}/", pct(LAO_SLUG))
}

#[test]
fn every_language_gets_its_own_url_tree_with_the_default_language_at_the_root() {
    let site = built();
    for file in [
        "index.html",
        "en/index.html",
        "lo/index.html",
        "km/index.html",
        "tourism/nui-ba-ra/index.html",
        "en/tourism/nui-ba-ra/index.html",
        "km/tourism/nui-ba-ra/index.html",
        "news/doan-khach-lao/index.html",
        "km/news/doan-khach-lao/index.html",
    ] {
        assert!(site.has_public(file), "{file} is missing");
    }
    assert!(
        !site.has_public("vi"),
        "the default language lives at the root, not in /vi/"
    );
    let en = site.read_public("en/tourism/nui-ba-ra/index.html");
    assert!(en.contains("Ba Ra Mountain is 723 metres high."), "{en}");
    let vi = site.read_public("tourism/nui-ba-ra/index.html");
    assert!(vi.contains("Núi Bà Rá cao 723 mét."), "{vi}");
}

#[test]
fn each_page_declares_its_language_and_direction_on_the_html_element() {
    let site = built();
    for (file, lang) in [
        ("index.html", "vi"),
        ("tourism/nui-ba-ra/index.html", "vi"),
        ("en/tourism/nui-ba-ra/index.html", "en"),
        (&format!("lo/tourism/{LAO_SLUG}/index.html"), "lo"),
        ("km/tourism/nui-ba-ra/index.html", "km"),
        ("km/news/index.html", "km"),
        ("en/404.html", "en"),
    ] {
        let html = site.read_public(file);
        assert_eq!(html_lang(&html).as_deref(), Some(lang), "{file}");
        let tag = tags(&html, "html")[0];
        assert_eq!(attr(tag, "dir"), Some("ltr"), "{file}: {tag}");
    }
}

#[test]
fn the_language_switcher_links_every_translation_of_the_page() {
    let site = built();
    let vi = site.read_public("tourism/nui-ba-ra/index.html");
    let links = language_links(&vi);
    assert_eq!(
        links.get("en").map(String::as_str),
        Some("/en/tourism/nui-ba-ra/")
    );
    assert_eq!(links.get("lo"), Some(&lao_path()));
    assert_eq!(
        links.get("km").map(String::as_str),
        Some("/km/tourism/nui-ba-ra/")
    );

    // From the Lao page, back to the others.
    let lo = site.read_public(&format!("lo/tourism/{LAO_SLUG}/index.html"));
    let links = language_links(&lo);
    assert_eq!(
        links.get("vi").map(String::as_str),
        Some("/tourism/nui-ba-ra/")
    );
    assert_eq!(
        links.get("en").map(String::as_str),
        Some("/en/tourism/nui-ba-ra/")
    );

    // An article in vi and en only: the other languages' links land on
    // their section page instead of a missing page.
    let en = site.read_public("en/tourism/ho-suoi-lam/index.html");
    let links = language_links(&en);
    assert_eq!(
        links.get("vi").map(String::as_str),
        Some("/tourism/ho-suoi-lam/")
    );
    assert_eq!(links.get("lo").map(String::as_str), Some("/lo/tourism/"));
    assert_eq!(links.get("km").map(String::as_str), Some("/km/tourism/"));
}

#[test]
fn hreflang_alternates_list_every_translation_and_x_default() {
    let site = built();
    let en = site.read_public("en/tourism/nui-ba-ra/index.html");
    let alt = hreflang_alternates(&en);
    let want = |p: &str| format!("{ORIGIN}{p}");
    assert_eq!(alt.get("vi"), Some(&want("/tourism/nui-ba-ra/")));
    assert_eq!(alt.get("en"), Some(&want("/en/tourism/nui-ba-ra/")));
    assert_eq!(alt.get("lo"), Some(&want(&lao_path())));
    assert_eq!(alt.get("km"), Some(&want("/km/tourism/nui-ba-ra/")));
    assert_eq!(
        alt.get("x-default"),
        Some(&want("/tourism/nui-ba-ra/")),
        "x-default is the default language's version"
    );

    let partial = hreflang_alternates(&site.read_public("tourism/ho-suoi-lam/index.html"));
    let langs: Vec<&str> = partial.keys().map(String::as_str).collect();
    assert_eq!(langs, ["en", "vi", "x-default"], "{partial:?}");
}

#[test]
fn the_canonical_url_is_the_page_itself_under_base_url() {
    let site = built();
    for (file, path) in [
        (
            "tourism/nui-ba-ra/index.html",
            "/tourism/nui-ba-ra/".to_string(),
        ),
        (
            "en/tourism/nui-ba-ra/index.html",
            "/en/tourism/nui-ba-ra/".to_string(),
        ),
        (&format!("lo/tourism/{LAO_SLUG}/index.html"), lao_path()),
        ("en/news/index.html", "/en/news/".to_string()),
        ("tourism/page/2/index.html", "/tourism/page/2/".to_string()),
    ] {
        let html = site.read_public(file);
        assert_eq!(
            canonical(&html),
            Some(format!("{ORIGIN}{path}")),
            "canonical of {file}"
        );
    }
}

#[test]
fn internal_links_resolve_to_the_same_article_in_the_page_language_or_its_fallback() {
    let site = built();
    let hrefs = |file: &str| -> Vec<String> {
        tags(&site.read_public(file), "a")
            .into_iter()
            .filter_map(|t| attr(t, "href").map(str::to_owned))
            .collect()
    };
    let vi = hrefs("news/doan-khach-lao/index.html");
    assert!(
        vi.contains(&"/tourism/nui-ba-ra/#duong-len-dinh".to_string()),
        "{vi:?}"
    );
    let en = hrefs("en/news/doan-khach-lao/index.html");
    assert!(en.contains(&"/en/tourism/nui-ba-ra/".to_string()), "{en:?}");
    assert!(
        en.contains(&"/en/tourism/ho-suoi-lam/".to_string()),
        "{en:?}"
    );
    assert!(
        en.contains(&"/tourism/soc-bom-bo/".to_string()),
        "soc-bom-bo exists only in vi: {en:?}"
    );
    let lo = hrefs("lo/news/doan-khach-lao/index.html");
    assert!(lo.contains(&lao_path()), "{lo:?}");
    assert!(
        lo.contains(&"/en/tourism/ho-suoi-lam/".to_string()),
        "lo falls back to en before vi: {lo:?}"
    );
    let km = hrefs("km/news/doan-khach-lao/index.html");
    assert!(km.contains(&"/km/tourism/nui-ba-ra/".to_string()), "{km:?}");
}

#[test]
fn untranslated_articles_are_hidden_in_other_languages_by_default() {
    let site = built();
    assert!(site.has_public("tourism/soc-bom-bo/index.html"));
    for lang in ["en", "lo", "km"] {
        assert!(
            !site.has_public(&format!("{lang}/tourism/soc-bom-bo")),
            "{lang} has no translation of soc-bom-bo"
        );
    }
    assert!(!site.has_public("lo/tourism/ho-suoi-lam"));
    assert!(!site.has_public("km/tourism/ho-suoi-lam"));
}

#[test]
fn the_sitemap_has_xhtml_alternates_for_translated_pages_only() {
    let site = built();
    let xml = site.read_public("sitemap.xml");
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    let entries = sitemap_entries(&xml);

    let full = &entries[&format!("{ORIGIN}/tourism/nui-ba-ra/")];
    for (lang, path) in [
        ("vi", "/tourism/nui-ba-ra/".to_string()),
        ("en", "/en/tourism/nui-ba-ra/".to_string()),
        ("lo", lao_path()),
        ("km", "/km/tourism/nui-ba-ra/".to_string()),
        ("x-default", "/tourism/nui-ba-ra/".to_string()),
    ] {
        let link =
            format!("<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{ORIGIN}{path}\"/>");
        assert!(full.contains(&link), "missing {link} in:\n{full}");
    }
    assert!(full.contains("<lastmod>2026-03-10</lastmod>"), "{full}");

    let partial = &entries[&format!("{ORIGIN}/en/tourism/ho-suoi-lam/")];
    assert!(partial.contains("hreflang=\"vi\""), "{partial}");
    assert!(partial.contains("hreflang=\"en\""), "{partial}");
    assert!(
        !partial.contains("hreflang=\"lo\"") && !partial.contains("hreflang=\"km\""),
        "{partial}"
    );

    let alone = &entries[&format!("{ORIGIN}/tourism/soc-bom-bo/")];
    assert!(
        !alone.contains("xhtml:link"),
        "a page without translations has no alternates: {alone}"
    );

    // No entry for languages that do not have the article.
    for missing in [
        "/lo/tourism/ho-suoi-lam/",
        "/km/tourism/ho-suoi-lam/",
        "/en/tourism/soc-bom-bo/",
        "/lo/news/mua-mua/",
    ] {
        assert!(
            !entries.contains_key(&format!("{ORIGIN}{missing}")),
            "{missing} must not be in the sitemap"
        );
    }
    // Drafts are not published.
    assert!(!xml.contains("ban-nhap"), "{xml}");
}

#[test]
fn a_lao_slug_is_percent_encoded_in_the_sitemap_and_a_unicode_folder_on_disk() {
    let site = built();
    let xml = site.read_public("sitemap.xml");
    let loc = format!("<loc>{ORIGIN}{}</loc>", lao_path());
    assert!(
        loc.contains("%E0%BA%9E%E0%BA%B9%E0%BA%9A%E0%BA%B2%E0%BA%A3%E0%BA%B2"),
        "{loc}"
    );
    assert!(xml.contains(&loc), "missing {loc}");
    assert!(
        !xml.contains(LAO_SLUG),
        "raw Lao letters must not appear in sitemap URLs"
    );

    let folder = site.public().join("lo").join("tourism").join(LAO_SLUG);
    assert!(
        folder.is_dir(),
        "expected the folder {} (Unicode name)",
        folder.display()
    );
    let html = read(&folder.join("index.html"));
    assert!(html.contains("ພູບາຣາສູງ 723 ແມັດ."), "{html}");
    assert!(
        !site.public().join("lo/tourism/nui-ba-ra").exists(),
        "the Lao page uses its own slug"
    );
    assert!(
        !site
            .public()
            .join(format!("lo/tourism/{}", pct(LAO_SLUG)))
            .exists(),
        "the folder name is not percent-encoded on disk"
    );
}

#[test]
fn an_alias_writes_a_redirect_page_to_the_article() {
    let site = built();
    let html = site.read_public("du-lich/ho-suoi-lam-cu/index.html");
    let target = format!("{ORIGIN}/tourism/ho-suoi-lam/");
    assert!(
        html.contains(&format!(
            "<meta http-equiv=\"refresh\" content=\"0; url={target}\">"
        )),
        "{html}"
    );
    assert_eq!(canonical(&html), Some(target.clone()), "{html}");
    assert!(html.contains(&format!("href=\"{target}\"")), "{html}");
    assert!(html.contains("noindex"), "{html}");
    // The alias is not a page of its own in the sitemap.
    assert!(!site
        .read_public("sitemap.xml")
        .contains("du-lich/ho-suoi-lam-cu"));
}

#[test]
fn drafts_are_absent_unless_built_with_drafts() {
    let site = built();
    assert!(!site.has_public("tourism/ban-nhap"));
    assert!(!site.read_public("tourism/index.html").contains("Bản nháp"));
    assert!(!site.read_public("atom.xml").contains("ban-nhap"));
    assert!(!site.read_public("sitemap.xml").contains("ban-nhap"));

    let drafts = Site::new("i18n");
    drafts.build_ok(&["--drafts"]);
    let html = drafts.read_public("tourism/ban-nhap/index.html");
    assert!(html.contains("Bản nháp chưa duyệt"), "{html}");
    assert!(drafts
        .read_public("atom.xml")
        .contains("/tourism/ban-nhap/"));
}

#[test]
fn feeds_exist_per_language_and_per_section_and_are_capped_by_feed_limit() {
    let site = built();
    let vi = site.read_public("atom.xml");
    assert!(vi.contains("xmlns=\"http://www.w3.org/2005/Atom\""), "{vi}");
    assert!(vi.contains("xml:lang=\"vi\""), "{vi}");
    assert_eq!(
        feed_entry_links(&vi),
        [
            format!("{ORIGIN}/news/hoi-cho-hat-dieu/"),
            format!("{ORIGIN}/news/doan-khach-lao/"),
        ],
        "the two newest vi articles (feed_limit: 2), newest first"
    );

    let en = site.read_public("en/atom.xml");
    assert!(en.contains("xml:lang=\"en\""), "{en}");
    assert_eq!(
        feed_entry_links(&en),
        [
            format!("{ORIGIN}/en/news/hoi-cho-hat-dieu/"),
            format!("{ORIGIN}/en/news/doan-khach-lao/"),
        ]
    );
    assert!(en.contains("<title>Cashew fair</title>"), "{en}");

    let tourism = site.read_public("tourism/atom.xml");
    assert_eq!(
        feed_entry_links(&tourism),
        [
            format!("{ORIGIN}/tourism/nui-ba-ra/"),
            format!("{ORIGIN}/tourism/ho-suoi-lam/"),
        ],
        "three vi tourism articles, capped at two"
    );

    let lo = site.read_public("lo/atom.xml");
    assert_eq!(
        feed_entry_links(&lo),
        [
            format!("{ORIGIN}/lo/news/doan-khach-lao/"),
            format!("{ORIGIN}{}", lao_path()),
        ]
    );
    for f in [
        "km/atom.xml",
        "km/tourism/atom.xml",
        "en/news/atom.xml",
        "news/atom.xml",
    ] {
        let xml = site.read_public(f);
        assert!(feed_entry_links(&xml).len() <= 2, "{f}: {xml}");
    }
}

#[test]
fn a_section_longer_than_paginate_by_gets_numbered_pages_with_prev_and_next_links() {
    let site = built();
    let first = site.read_public("tourism/index.html");
    let second = site.read_public("tourism/page/2/index.html");
    assert!(!site.has_public("tourism/page/3"), "3 articles, 2 per page");
    assert!(
        !site.has_public("tourism/page/1"),
        "page 1 is the section itself"
    );

    // Newest first: nui-ba-ra (03-10), ho-suoi-lam (02-01) | soc-bom-bo (01-15).
    assert!(first.contains("href=\"/tourism/nui-ba-ra/\""), "{first}");
    assert!(first.contains("href=\"/tourism/ho-suoi-lam/\""), "{first}");
    assert!(!first.contains("href=\"/tourism/soc-bom-bo/\""), "{first}");
    assert!(second.contains("href=\"/tourism/soc-bom-bo/\""), "{second}");
    assert!(!second.contains("href=\"/tourism/nui-ba-ra/\""), "{second}");

    let rel = |html: &str, r: &str| {
        tags(html, "a")
            .into_iter()
            .find(|t| attr(t, "rel") == Some(r))
            .and_then(|t| attr(t, "href").map(str::to_owned))
    };
    assert_eq!(rel(&first, "next").as_deref(), Some("/tourism/page/2/"));
    assert_eq!(rel(&first, "prev"), None);
    assert_eq!(rel(&second, "prev").as_deref(), Some("/tourism/"));
    assert_eq!(rel(&second, "next"), None);

    // en has two tourism articles: one page.
    assert!(site.has_public("en/tourism/index.html"));
    assert!(!site.has_public("en/tourism/page/2"));
}

#[test]
fn tag_pages_exist_per_language() {
    let site = built();
    let vi = site.read_public("tags/du-lich/index.html");
    assert!(vi.contains("href=\"/tourism/nui-ba-ra/\""), "{vi}");
    assert!(vi.contains("href=\"/tourism/ho-suoi-lam/\""), "{vi}");
    assert!(site.has_public("tags/nui/index.html"));
    let en = site.read_public("en/tags/hiking/index.html");
    assert_eq!(html_lang(&en).as_deref(), Some("en"));
    assert!(en.contains("href=\"/en/tourism/nui-ba-ra/\""), "{en}");
    let lo = site.read_public("lo/tags/ທ່ອງທ່ຽວ/index.html");
    assert!(lo.contains(&format!("href=\"{}\"", lao_path())), "{lo}");
    // The tag list of each language links its tags.
    let list = site.read_public("tags/index.html");
    assert!(list.contains("href=\"/tags/du-lich/\""), "{list}");
    assert!(site
        .read_public("en/tags/index.html")
        .contains("href=\"/en/tags/hiking/\""));
    // An article links its tags in its own language.
    let page = site.read_public("tourism/nui-ba-ra/index.html");
    assert!(page.contains("href=\"/tags/du-lich/\""), "{page}");
}

#[test]
fn every_language_has_its_own_404_page() {
    let site = built();
    for (file, lang) in [
        ("404.html", "vi"),
        ("en/404.html", "en"),
        ("lo/404.html", "lo"),
        ("km/404.html", "km"),
    ] {
        let html = site.read_public(file);
        assert_eq!(html_lang(&html).as_deref(), Some(lang), "{file}");
    }
    // Its links go to the language's home.
    let en = site.read_public("en/404.html");
    assert!(en.contains("href=\"/en/\""), "{en}");
}

#[test]
fn robots_txt_points_at_the_sitemap() {
    let site = built();
    let robots = site.read_public("robots.txt");
    assert!(robots.contains("User-agent: *"), "{robots}");
    assert!(
        robots
            .lines()
            .any(|l| l.trim() == format!("Sitemap: {ORIGIN}/sitemap.xml")),
        "{robots}"
    );
}

#[test]
fn the_summary_counts_pages_per_language() {
    let site = Site::new("i18n");
    let run = site.build_ok(&[]);
    let summary = run.summary();
    // Articles + home + 2 sections per language; drafts not counted.
    // vi: 6 articles, en: 4, lo: 2, km: 2.
    for part in ["vi 9", "en 7", "lo 5", "km 5"] {
        assert!(summary.contains(part), "{part} in {summary}");
    }
}

/// The tag list's language switcher and `hreflang` name only tag lists that
/// are written: a language whose articles have no tags gets its home.
#[test]
fn the_tag_list_links_only_tag_lists_that_exist() {
    let site = Site::new("i18n");
    // Without its two articles, km has no tags and no /km/tags/.
    for km in [
        "content/news/doan-khach-lao.km.md",
        "content/tourism/nui-ba-ra.km.md",
    ] {
        std::fs::remove_file(site.path(km)).expect("remove a km article");
    }
    site.build_ok(&[]);
    assert!(!site.has_public("km/tags/index.html"));
    let list = site.read_public("tags/index.html");
    let switcher = language_links(&list);
    assert_eq!(switcher.get("en").map(String::as_str), Some("/en/tags/"));
    assert_eq!(
        switcher.get("km").map(String::as_str),
        Some("/km/"),
        "{switcher:?}"
    );
    let alternates = hreflang_alternates(&list);
    assert!(alternates.contains_key("en"), "{alternates:?}");
    assert!(!alternates.contains_key("km"), "{alternates:?}");
    for href in switcher.values().chain(alternates.values()) {
        let path = href.trim_start_matches("https://portal.example.org");
        assert!(
            site.has_public(&format!("{}index.html", path.trim_start_matches('/'))),
            "the tag list links {href}, which is not written"
        );
    }
}

/// A `project:` block outside an `investment` section: the home page shows
/// the project but links no `/investment/` that does not exist.
#[test]
fn the_home_page_links_the_investment_section_only_when_it_exists() {
    let site = Site::new("i18n");
    site.write(
        "content/news/du-an-c.md",
        "---\ntitle: Dự án C\ndate: 2026-02-01\nproject: { sector: industry, location: Đồng Xoài, status: open }\n---\n\nMô tả.\n",
    );
    site.build_ok(&[]);
    assert!(!site.has_public("investment/index.html"));
    let home = site.read_public("index.html");
    assert!(home.contains("Dự án C"), "the project is featured:\n{home}");
    assert!(!home.contains("href=\"/investment/\""), "{home}");
}
