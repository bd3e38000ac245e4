//! The editing app (`cms:` in site.yaml): the files of /admin/ and the
//! configuration generated from the site, on a portal under a sub-path
//! with folder articles (tests/fixtures/cms) and with the demo portal's
//! site.yaml; `mekong check` on front matter the app has no field for.
//! The app itself is driven in a browser by tests/browser.rs.

mod common;

use common::*;
use serde_yaml::Value;

fn config_of(site: &Site) -> Value {
    let text = site.read_public("admin/config.yml");
    assert!(text.starts_with("# Written by mekong"), "{text}");
    serde_yaml::from_str(&text).expect("config.yml is YAML")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .into_iter()
        .flatten()
        .map(|s| s.as_str().unwrap_or("").to_owned())
        .collect()
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
    fields
        .as_sequence()
        .and_then(|f| f.iter().find(|f| f["name"].as_str() == Some(name)))
        .unwrap_or_else(|| panic!("no field `{name}`"))
}

#[test]
fn a_sub_path_portal_with_folder_articles_gets_its_editing_app() {
    let site = Site::new("cms");
    site.build_ok(&[]);
    let index = site.read_public("admin/index.html");
    assert!(
        index.contains("<script src=\"decap-cms.js\"></script>"),
        "{index}"
    );
    assert!(
        !index.contains("http"),
        "the app's page loads nothing from elsewhere: {index}"
    );
    assert!(site.has_public("admin/decap-cms.js") && site.has_public("admin/LICENSE"));

    let c = config_of(&site);
    assert_eq!(c["site_url"].as_str(), Some("https://example.org/portal/"));
    assert_eq!(c["backend"]["name"].as_str(), Some("proxy"));
    assert_eq!(
        c["backend"]["proxy_url"].as_str(),
        Some("/__mekong/cms/api/v1")
    );
    assert_eq!(c["i18n"]["structure"].as_str(), Some("multiple_files"));
    assert_eq!(strings(&c["i18n"]["locales"]), ["vi", "en", "lo", "km"]);
    assert_eq!(c["i18n"]["default_locale"].as_str(), Some("vi"));
    assert_eq!(c["locale"].as_str(), Some("vi"));
    // Images: /images/x.jpg from static/, whatever the base path.
    assert_eq!(c["media_folder"].as_str(), Some("static/images"));
    assert_eq!(c["public_folder"].as_str(), Some("/images"));

    let collections = c["collections"].as_sequence().expect("collections");
    let names: Vec<&str> = collections
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(names, ["news", "tourism-folders"]);
    let news = &collections[0];
    assert_eq!(news["folder"].as_str(), Some("content/news"));
    assert_eq!(news["label"].as_str(), Some("Tin tức"));
    assert!(news.get("path").is_none());
    let tourism = &collections[1];
    assert_eq!(tourism["folder"].as_str(), Some("content/tourism"));
    assert_eq!(tourism["path"].as_str(), Some("{{slug}}/index"));
    assert_eq!(tourism["media_folder"].as_str(), Some(""));

    let fields = &news["fields"];
    assert_eq!(field(fields, "title")["i18n"], Value::Bool(true));
    assert_eq!(field(fields, "date")["i18n"].as_str(), Some("duplicate"));
    assert_eq!(field(fields, "image")["i18n"].as_str(), Some("duplicate"));
    let unit = field(fields, "unit");
    assert_eq!(unit["widget"].as_str(), Some("select"));
    assert_eq!(unit["options"][0]["value"].as_str(), Some("so-khdt"));
    assert_eq!(
        unit["options"][0]["label"].as_str(),
        Some("Sở Kế hoạch và Đầu tư")
    );
    let project = field(fields, "project");
    assert_eq!(
        strings(&field(&project["fields"], "sector")["options"]),
        ["industry", "energy", "tourism"]
    );
    assert_eq!(
        strings(&field(&project["fields"], "status")["options"]),
        ["open", "licensed", "operating"]
    );
    assert_eq!(
        field(&project["fields"], "sector")["i18n"].as_str(),
        Some("duplicate")
    );
    assert_eq!(
        field(&project["fields"], "location")["i18n"],
        Value::Bool(true)
    );
    let event = field(fields, "event");
    assert_eq!(
        field(&event["fields"], "start")["widget"].as_str(),
        Some("datetime")
    );
    assert_eq!(
        field(&event["fields"], "start")["format"].as_str(),
        Some("YYYY-MM-DD")
    );
    let place = field(fields, "place");
    assert!(
        field(&place["fields"], "coordinates")["field"]["value_type"].as_str() == Some("float")
    );
}

#[test]
fn the_demo_portals_site_yaml_gives_its_languages_units_and_sectors() {
    let site = Site::new("cms");
    let demo =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("site.yaml"))
            .expect("the demo's site.yaml");
    // The demo's screens name the demo's articles, which this fixture lacks:
    // the editing app's configuration does not depend on them.
    let demo = without_top_level_key(&demo, "screens");
    site.write("site.yaml", demo.as_bytes());
    site.build_ok(&[]);
    let c = config_of(&site);
    assert_eq!(strings(&c["i18n"]["locales"]), ["vi", "en", "lo", "km"]);
    assert_eq!(
        c["site_url"].as_str(),
        Some("https://portal.binhphuoc.example.org/")
    );
    let fields = &c["collections"][0]["fields"];
    let units: Vec<&str> = field(fields, "unit")["options"]
        .as_sequence()
        .expect("unit options")
        .iter()
        .filter_map(|o| o["value"].as_str())
        .collect();
    assert!(
        units.contains(&"so-khdt") && units.contains(&"ttxt"),
        "{units:?}"
    );
    let sectors = strings(&field(&field(fields, "project")["fields"], "sector")["options"]);
    assert_eq!(
        sectors,
        [
            "industry",
            "agriculture",
            "energy",
            "logistics",
            "tourism",
            "urban"
        ]
    );
}

#[test]
fn without_cms_there_is_no_admin() {
    let site = Site::new("cms");
    site.edit_site_yaml("cms: {}\n", "");
    site.build_ok(&[]);
    assert!(!site.has_public("admin/index.html"));
}

#[test]
fn check_reports_front_matter_the_app_cannot_show() {
    let site = Site::new("cms");
    let run = site.check(&[]);
    run.assert_ok();
    let d = run.expect(&Expect {
        file: Some("content/news/hoi-nghi.md"),
        line: Some(5),
        severity: "warning",
        message: &["`translation_key` has no field in the editing app"],
        hint: &["title"],
    });
    assert_eq!(d.count, 1);
}

#[test]
fn a_backend_name_the_app_does_not_know_is_an_error_on_its_line() {
    let site = Site::new("cms");
    site.edit_site_yaml(
        "cms: {}\n",
        "cms:\n  backend:\n    name: forgejo\n    repo: so/portal\n",
    );
    let run = site.check(&[]);
    run.assert_code(1);
    let d = run.expect(&Expect {
        file: Some("site.yaml"),
        severity: "error",
        line: Some(19),
        message: &["`cms.backend.name: forgejo`"],
        hint: &["gitea"],
    });
    assert!(d.message.contains("git server"), "{}", d.message);
}

/// `text` without the top-level `key:` block of a YAML file (the key's line
/// and every indented, comment or blank line after it).
fn without_top_level_key(text: &str, key: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        let top_level = !line.is_empty() && !line.starts_with([' ', '#']);
        if top_level {
            skipping = line.starts_with(&format!("{key}:"));
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
