//! The open-data pages (`/data/`, `/en/data/`, …): in every language, the
//! datasets of `/data/` with download links to files that exist, and
//! schema.org `Dataset` markup with absolute URLs under a sub-path
//! `base_url`; in the sitemap with hreflang alternates, in the language
//! switcher and the footer. Then what a new site meets: one language, no
//! projects or events, no `base_url`, a content folder called `data`.

mod common;

use common::{Expect, Site};
use serde_json::Value;

const BASE: &str = "https://data.example.org/tinh/";
const DATASETS: [&str; 4] = ["articles", "projects", "places", "events"];

/// The language prefixes of the fixture (vi at the root).
const LANGS: [(&str, &str); 4] = [("vi", ""), ("en", "en/"), ("lo", "lo/"), ("km", "km/")];

/// The JSON-LD of a page (the one `<script type="application/ld+json">`).
fn json_ld(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("a JSON-LD script")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("its end");
    serde_json::from_str(&html[start..end]).expect("the JSON-LD parses")
}

/// Every `href` of the download tables of a page.
fn download_links(html: &str) -> Vec<String> {
    html.split("<table class=\"downloads\">")
        .skip(1)
        .flat_map(|table| {
            let table = &table[..table.find("</table>").expect("the table's end")];
            table
                .split("href=\"")
                .skip(1)
                .map(|rest| rest[..rest.find('"').expect("quoted")].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The dataset titles of catalog.jsonld in a language, by identifier.
fn catalog_titles(site: &Site, lang: &str) -> Vec<(String, String)> {
    let catalog: Value =
        serde_json::from_str(&site.read_public("data/catalog.jsonld")).expect("valid JSON");
    catalog["dcat:dataset"]
        .as_array()
        .expect("datasets")
        .iter()
        .map(|d| {
            let title = d["dct:title"]
                .as_array()
                .and_then(|ts| ts.iter().find(|t| t["@language"] == lang))
                .and_then(|t| t["@value"].as_str())
                .unwrap_or_default();
            (
                d["dct:identifier"].as_str().unwrap_or_default().to_owned(),
                title.to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_language_has_a_data_page_with_datasets_and_downloads_under_the_sub_path() {
    let site = Site::new("open-data");
    site.build_ok(&[]);
    for (lang, prefix) in LANGS {
        let page = format!("{prefix}data/index.html");
        let html = site.read_public(&page);
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{page}");
        let ld = json_ld(&html);
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "DataCatalog", "{page}");
        assert_eq!(ld["url"], format!("{BASE}{prefix}data/"));
        assert_eq!(ld["inLanguage"], lang);
        assert_eq!(
            ld["license"],
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert_eq!(ld["publisher"]["name"], "Cổng dữ liệu thử");
        let datasets = ld["dataset"].as_array().expect("datasets");
        let names: Vec<&str> = datasets
            .iter()
            .filter_map(|d| d["identifier"].as_str())
            .collect();
        assert_eq!(names, DATASETS, "{page}");
        // The words are the catalogue's, in the page's language.
        let titles: Vec<(String, String)> = datasets
            .iter()
            .map(|d| {
                (
                    d["identifier"].as_str().unwrap_or_default().to_owned(),
                    d["name"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        assert_eq!(titles, catalog_titles(&site, lang), "{page}");
        for d in datasets {
            assert_eq!(d["@type"], "Dataset");
            assert!(
                d["description"]
                    .as_str()
                    .is_some_and(|s| s.chars().count() >= 50),
                "{d}"
            );
            assert_eq!(d["inLanguage"], serde_json::json!(["vi", "en", "lo", "km"]));
            assert_eq!(d["license"], ld["license"]);
            assert!(d["@id"]
                .as_str()
                .is_some_and(|id| id.starts_with(&format!("{BASE}data/catalog.jsonld#"))));
            let downloads = d["distribution"].as_array().expect("distributions");
            let formats: Vec<&str> = downloads
                .iter()
                .filter_map(|x| x["encodingFormat"].as_str())
                .collect();
            assert_eq!(formats, ["application/json", "text/csv"]);
            for x in downloads {
                assert_eq!(x["@type"], "DataDownload");
                let url = x["contentUrl"].as_str().expect("a contentUrl");
                let file = url
                    .strip_prefix(BASE)
                    .expect("absolute, under the base URL");
                assert!(site.has_public(file), "{url} is not in the output");
            }
        }
        let modified = |name: &str| {
            datasets
                .iter()
                .find(|d| d["identifier"] == name)
                .map(|d| d["dateModified"].clone())
        };
        assert_eq!(modified("projects"), Some("2026-06-30".into()));
        assert_eq!(modified("events"), Some("2026-10-01".into()));
        assert_eq!(ld["dateModified"], "2026-10-01");

        // The visible links: every dataset file and both catalogues, each a
        // file of the output, under the sub-path.
        let links = download_links(&html);
        assert_eq!(links.len(), DATASETS.len() * 2 + 2, "{links:?}");
        for href in &links {
            let file = href.strip_prefix("/tinh/").expect("under the base path");
            assert!(
                site.has_public(file),
                "{page} links {href}, which is not written"
            );
        }
        for name in ["catalog.jsonld", "csv-metadata.json"] {
            assert!(
                links.contains(&format!("/tinh/data/{name}")),
                "{page}: {name}"
            );
        }
    }
    // Row counts and sizes come from the files themselves.
    assert!(
        site.read_public("data/index.html").contains("7 dòng"),
        "articles: 4 + 2 + 1 rows"
    );
    let en = site.read_public("en/data/index.html");
    assert!(en.contains("<h1>Open data</h1>") && en.contains("7 rows"));
    let size = std::fs::metadata(site.public().join("data/articles.csv")).map_or(0, |m| m.len());
    let kb = format!("{} kB", (size as f64 / 100.0).round() / 10.0);
    assert!(
        en.contains(&format!("<td>{kb}</td>")),
        "the size of articles.csv ({kb}) is shown"
    );
}

#[test]
fn data_pages_are_in_the_sitemap_the_language_switcher_and_the_footer() {
    let site = Site::new("open-data");
    site.build_ok(&[]);
    let sitemap = site.read_public("sitemap.xml");
    for (_, prefix) in LANGS {
        let entry = sitemap
            .split("<url>")
            .find(|u| u.contains(&format!("<loc>{BASE}{prefix}data/</loc>")))
            .unwrap_or_else(|| panic!("{prefix}data/ is not in the sitemap"));
        for (lang, other) in LANGS {
            assert!(
                entry.contains(&format!("hreflang=\"{lang}\" href=\"{BASE}{other}data/\"")),
                "{prefix}data/ has no {lang} alternate:\n{entry}"
            );
        }
        assert!(entry.contains(&format!("hreflang=\"x-default\" href=\"{BASE}data/\"")));
        assert!(entry.contains("<lastmod>2026-10-01</lastmod>"), "{entry}");
    }
    let en = site.read_public("en/data/index.html");
    for (lang, prefix) in LANGS {
        if lang != "en" {
            assert!(
                en.contains(&format!(
                    "<a href=\"/tinh/{prefix}data/\" hreflang=\"{lang}\""
                )),
                "switcher to {lang}"
            );
            assert!(en.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{BASE}{prefix}data/\">"
            )));
        }
    }
    assert!(en.contains("<span aria-current=\"page\" lang=\"en\">English</span>"));
    assert!(site
        .read_public("en/index.html")
        .contains("<li><a href=\"/tinh/en/data/\">Open data</a></li>"));
    assert!(site
        .read_public("index.html")
        .contains("<li><a href=\"/tinh/data/\">Dữ liệu mở</a></li>"));
    // The catalogue points harvesters at the page.
    let catalog: Value =
        serde_json::from_str(&site.read_public("data/catalog.jsonld")).expect("valid JSON");
    assert_eq!(
        catalog["dcat:dataset"][0]["dcat:landingPage"]["@id"],
        format!("{BASE}data/#articles")
    );
}

#[test]
fn a_one_language_site_without_projects_or_events_lists_its_empty_datasets() {
    let site = Site::new("open-data");
    site.write(
        "site.yaml",
        "title: Một ngôn ngữ\nbase_url: https://data.example.org/tinh/\nlanguages:\n  - { code: vi, name: Tiếng Việt }\nsearch: false\n",
    );
    std::fs::remove_dir_all(site.path("content")).expect("remove the content");
    site.write("content/_index.md", "---\ntitle: \"Trang chủ\"\n---\n");
    site.write(
        "content/news/a.md",
        "---\ntitle: \"Tin\"\ndate: 2026-01-02\n---\n\nTin.\n",
    );
    site.build_ok(&[]);
    assert!(!site.has_public("en/data/index.html"));
    let html = site.read_public("data/index.html");
    let ld = json_ld(&html);
    let datasets = ld["dataset"].as_array().expect("datasets");
    assert_eq!(
        datasets.len(),
        4,
        "empty datasets are listed: their files are written"
    );
    assert_eq!(datasets[0]["inLanguage"], serde_json::json!(["vi"]));
    assert!(
        ld.get("license").is_none(),
        "no licence declared, none claimed"
    );
    let projects = &datasets[1];
    assert_eq!(projects["identifier"], "projects");
    assert!(projects.get("dateModified").is_none());
    // The page says the dataset is empty; its CSV is a header alone.
    assert!(
        html.contains("Chưa có mục nào"),
        "the empty datasets are marked"
    );
    assert_eq!(site.read_public("data/projects.csv").lines().count(), 1);
    for href in download_links(&html) {
        assert!(site.has_public(href.trim_start_matches("/tinh/")), "{href}");
    }
    // One language: no alternates anywhere.
    assert!(!html.contains("hreflang=\"en\""));
    let sitemap = site.read_public("sitemap.xml");
    assert!(sitemap.contains(&format!("<loc>{BASE}data/</loc>")));
    assert!(!sitemap.contains("xhtml:link"), "{sitemap}");
}

#[test]
fn without_base_url_the_page_has_relative_links_and_no_dataset_markup() {
    let site = Site::new("open-data");
    site.edit_site_yaml(
        "base_url: https://data.example.org/tinh/",
        "base_url: /tinh/",
    );
    site.build_ok(&[]);
    let html = site.read_public("en/data/index.html");
    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "WebPage", "a Dataset needs absolute URLs");
    let links = download_links(&html);
    assert_eq!(
        links.len(),
        DATASETS.len() * 2,
        "no catalogues without an origin"
    );
    for href in links {
        assert!(site.has_public(href.trim_start_matches("/tinh/")), "{href}");
    }
}

#[test]
fn a_content_folder_or_page_at_a_data_page_is_an_error_with_the_fix() {
    let site = Site::new("open-data");
    site.write("content/data/_index.md", "---\ntitle: \"Dữ liệu\"\n---\n");
    site.write(
        "content/data.en.md",
        "---\ntitle: \"Data\"\n---\n\nOur data.\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    for (file, url) in [
        ("content/data/_index.md", "/data/"),
        ("content/data.en.md", "/en/data/"),
    ] {
        run.expect(&Expect {
            severity: "error",
            file: Some(file),
            message: &[url, "open-data page"],
            hint: &["content/du-lieu/", "slug:"],
            ..Default::default()
        });
    }
}

#[test]
fn a_license_that_is_not_a_url_is_an_error_on_its_line() {
    let site = Site::new("open-data");
    site.edit_site_yaml(
        "license: https://creativecommons.org/licenses/by/4.0/",
        "license: CC BY 4.0",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        line: Some(12),
        message: &["license: CC BY 4.0"],
        hint: &["https://creativecommons.org/licenses/by/4.0/"],
    });
}
