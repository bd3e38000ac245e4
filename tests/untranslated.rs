//! `untranslated: fallback` publishes an article in every language, from the
//! nearest language of the fallback chain, with a notice and a canonical
//! link to the original; `untranslated: hide` (the default) does not.
//!
//! Fixture: `tests/fixtures/i18n/` with `untranslated:` changed by the test.
//! `tourism/soc-bom-bo` exists only in vi; `tourism/ho-suoi-lam` in vi and en.
//! The fixture's locales give each language a recognisable notice
//! (`[LO-NOTICE] ...`).

mod common;

use common::*;

const ORIGIN: &str = "https://portal.example.org";

fn fallback_site() -> Site {
    let site = Site::new("i18n");
    site.edit_site_yaml("untranslated: hide", "untranslated: fallback");
    site.build_ok(&[]);
    site
}

#[test]
fn an_article_only_in_vietnamese_is_published_in_every_language_with_a_notice() {
    let site = fallback_site();
    for (lang, notice) in [
        (
            "en",
            "[EN-NOTICE] Not yet available in English; shown in Tiếng Việt.",
        ),
        ("lo", "[LO-NOTICE] ຍັງບໍ່ມີເປັນ ພາສາລາວ; ສະແດງເປັນ Tiếng Việt."),
        ("km", "[KM-NOTICE] មិនទាន់មានជា ភាសាខ្មែរ; បង្ហាញជា Tiếng Việt."),
    ] {
        let html = site.read_public(&format!("{lang}/tourism/soc-bom-bo/index.html"));
        assert_eq!(html_lang(&html).as_deref(), Some(lang));
        assert!(
            html.contains(notice),
            "{lang}: notice `{notice}` missing:\n{html}"
        );
        assert!(
            html.contains("Di tích lịch sử."),
            "{lang}: the vi text is shown"
        );
        assert!(
            html.contains("<h1 lang=\"vi\">Sóc Bom Bo</h1>"),
            "{lang}: the borrowed title is marked as Vietnamese:\n{html}"
        );
    }
    let vi = site.read_public("tourism/soc-bom-bo/index.html");
    assert!(!vi.contains("NOTICE]"), "the original has no notice");
}

#[test]
fn a_fallback_copy_is_canonical_to_the_original() {
    let site = fallback_site();
    for lang in ["en", "lo", "km"] {
        let html = site.read_public(&format!("{lang}/tourism/soc-bom-bo/index.html"));
        assert_eq!(
            canonical(&html),
            Some(format!("{ORIGIN}/tourism/soc-bom-bo/")),
            "{lang}"
        );
        let alternates = hreflang_alternates(&html);
        assert!(
            !alternates.contains_key(lang),
            "a fallback copy is not an alternate in {lang}: {alternates:?}"
        );
    }
}

#[test]
fn a_fallback_copy_borrows_from_the_nearest_language_of_the_chain() {
    let site = fallback_site();
    // lo falls back to [en, vi]: ho-suoi-lam has an en version.
    let html = site.read_public("lo/tourism/ho-suoi-lam/index.html");
    assert!(html.contains("A blue lake in the forest."), "{html}");
    assert!(
        html.contains("[LO-NOTICE] ຍັງບໍ່ມີເປັນ ພາສາລາວ; ສະແດງເປັນ English."),
        "{html}"
    );
    assert_eq!(
        canonical(&html),
        Some(format!("{ORIGIN}/en/tourism/ho-suoi-lam/"))
    );
}

#[test]
fn fallback_copies_stay_out_of_the_sitemap_and_feeds() {
    let site = fallback_site();
    let entries = sitemap_entries(&site.read_public("sitemap.xml"));
    assert!(entries.contains_key(&format!("{ORIGIN}/tourism/soc-bom-bo/")));
    for lang in ["en", "lo", "km"] {
        assert!(
            !entries.contains_key(&format!("{ORIGIN}/{lang}/tourism/soc-bom-bo/")),
            "{lang} copy in the sitemap"
        );
    }
    let lo_feed = site.read_public("lo/tourism/atom.xml");
    assert!(!lo_feed.contains("soc-bom-bo"), "{lo_feed}");
    assert!(!lo_feed.contains("ho-suoi-lam"), "{lo_feed}");
}

#[test]
fn with_untranslated_hide_an_untranslated_article_does_not_exist() {
    let site = Site::new("i18n");
    site.build_ok(&[]);
    for lang in ["en", "lo", "km"] {
        assert!(
            !site.has_public(&format!("{lang}/tourism/soc-bom-bo")),
            "{lang}/tourism/soc-bom-bo must not exist"
        );
        let list = site.read_public(&format!("{lang}/tourism/index.html"));
        assert!(!list.contains("soc-bom-bo"), "{lang} list: {list}");
    }
    assert!(!site.has_public("lo/tourism/ho-suoi-lam"));
    assert!(site.has_public("tourism/soc-bom-bo/index.html"));
}

/// A fallback copy of a vi-only event or project: the language's calendar
/// and project exports are linked exactly when they are written.
#[test]
fn fallback_copies_link_open_data_only_where_it_is_written() {
    let site = Site::new("i18n");
    site.edit_site_yaml("untranslated: hide", "untranslated: fallback");
    site.write(
        "content/investment/_index.md",
        "---\ntitle: Đầu tư\n---\n\nCơ hội đầu tư.\n",
    );
    site.write(
        "content/investment/kcn-b.md",
        "---\ntitle: Khu công nghiệp B\ndate: 2026-01-05\nproject: { sector: industry, location: Chơn Thành, status: open }\n---\n\nMô tả.\n",
    );
    site.write(
        "content/news/le-hoi.md",
        "---\ntitle: Lễ hội\ndate: 2026-03-01\nevent: { start: 2026-04-01 }\n---\n\nTin.\n",
    );
    site.build_ok(&[]);
    // vi has its own event and project: written and linked.
    assert!(site.has_public("events.ics"));
    assert!(site.has_public("investment/projects.json"));
    assert!(site
        .read_public("news/le-hoi/index.html")
        .contains("href=\"/events.ics\""));
    assert!(site
        .read_public("investment/index.html")
        .contains("href=\"/investment/projects.json\""));
    // en only has fallback copies: nothing written, nothing linked.
    assert!(!site.has_public("en/events.ics"));
    assert!(!site.has_public("en/investment/projects.json"));
    let pages = [
        "en/news/le-hoi/index.html",
        "en/index.html",
        "en/investment/index.html",
    ];
    for page in pages {
        let html = site.read_public(page);
        for missing in [
            "/en/events.ics",
            "/en/investment/projects.json",
            "/en/investment/projects.csv",
        ] {
            assert!(
                !html.contains(&format!("href=\"{missing}\"")),
                "{page} links {missing}, which is not written"
            );
        }
    }
}
