//! The typed blocks as features: project cards with filters on the
//! investment section, open data (projects.json / .csv) and the events
//! calendar (events.ics, checked line by line against RFC 5545), and the
//! site-wide open data under /data/ with its DCAT and CSVW catalogues.

mod common;

use common::Site;

fn site_with_projects() -> Site {
    let site = Site::new("i18n");
    site.write(
        "content/investment/_index.md",
        "---\ntitle: \"Đầu tư\"\n---\n\nCơ hội đầu tư.\n",
    );
    site.write(
        "content/investment/kcn-a.md",
        "---\ntitle: \"Khu công nghiệp A\"\ndate: 2026-01-05\nproject:\n  sector: industry\n  location: Chơn Thành\n  area_ha: 1200\n  capital_usd: 45000000\n  status: open\n  contact: { agency: \"Trung tâm XTĐT\", email: ipc@example.org }\n---\n\nMô tả.\n",
    );
    site.write(
        "content/investment/kcn-a.en.md",
        "---\ntitle: \"Industrial park A, \\\"north\\\"\"\ndate: 2026-01-05\nproject:\n  sector: industry\n  location: Chon Thanh\n  area_ha: 1200\n  capital_usd: 45000000\n  status: open\n  contact: { agency: \"Investment Promotion Centre\", email: ipc@example.org }\n---\n\nDescription.\n",
    );
    site.write(
        "content/investment/nong-nghiep-b.md",
        "---\ntitle: \"Nông nghiệp B\"\ndate: 2025-06-01\nproject: { sector: agriculture, location: Lộc Ninh, status: licensed }\n---\n\nMô tả.\n",
    );
    site.write(
        "content/news/hoi-cho.md",
        "---\ntitle: \"Hội chợ điều, rất dài để gập dòng: Bình Phước, Đồng Xoài, Chơn Thành, Lộc Ninh\"\ndate: 2026-11-01\nevent: { start: 2026-12-03, end: 2026-12-07, venue: \"Quảng trường; Đồng Xoài\" }\n---\n\nTin.\n",
    );
    site.build_ok(&[]);
    site
}

#[test]
fn the_investment_section_lists_projects_with_filters_that_are_plain_links() {
    let site = site_with_projects();
    let html = site.read_public("investment/index.html");
    for want in [
        "href=\"#sector-industry\" data-filter=\"sector\" data-value=\"industry\"",
        "href=\"#sector-agriculture\"",
        "href=\"#status-open\"",
        "href=\"#status-licensed\"",
        "href=\"#location-chon-thanh\"",
        "id=\"sector-industry\"",
        "id=\"status-licensed\"",
        "id=\"location-loc-ninh\"",
        "data-sector=\"industry\" data-status=\"open\" data-location=\"Chơn Thành\"",
        "1.200 ha",
        "45.000.000 USD",
        "js/filters.js",
    ] {
        assert!(
            html.contains(want),
            "missing {want:?} in the investment page"
        );
    }
    // English formats numbers its own way.
    let en = site.read_public("en/investment/index.html");
    assert!(en.contains("1,200 ha") && en.contains("45,000,000 USD"));
}

#[test]
fn projects_are_exported_as_json_and_csv_per_language() {
    let site = site_with_projects();
    let json: serde_json::Value =
        serde_json::from_str(&site.read_public("investment/projects.json")).expect("valid JSON");
    assert_eq!(json["schema"], "mekong-projects/1");
    assert_eq!(json["language"], "vi");
    let projects = json["projects"].as_array().expect("a list");
    assert_eq!(projects.len(), 2);
    let a = projects
        .iter()
        .find(|p| p["sector"] == "industry")
        .expect("the industry project");
    assert_eq!(a["location"], "Chơn Thành");
    assert_eq!(a["capital_usd"], 45000000.0);
    assert_eq!(a["status"], "open");
    assert_eq!(a["email"], "ipc@example.org");
    assert!(a["url"]
        .as_str()
        .unwrap_or("")
        .ends_with("/investment/kcn-a/"));

    let csv = site.read_public("en/investment/projects.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("url,title,sector,sector_label,location,area_ha,capital_usd,status,agency,email,phone,date,updated"));
    let row = lines.next().expect("one English project");
    assert!(
        row.contains("\"Industrial park A, \"\"north\"\"\""),
        "RFC 4180 quoting: {row}"
    );
    assert!(
        lines.next().is_none(),
        "only real translations are exported"
    );
}

/// Unfolds RFC 5545 content lines and checks the calendar's structure.
fn parse_ics(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(text.ends_with("\r\n"), "lines end with CRLF");
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "line longer than 75 octets: {raw:?}");
        assert!(!raw.contains('\n'), "bare LF inside a line");
    }
    let unfolded = text.replace("\r\n ", "");
    let mut events = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    let mut depth = Vec::new();
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').expect("NAME:VALUE");
        match (name, value) {
            ("BEGIN", v) => {
                depth.push(v.to_owned());
                if v == "VEVENT" {
                    current = Some(Vec::new());
                }
            }
            ("END", v) => {
                assert_eq!(depth.pop().as_deref(), Some(v), "END matches BEGIN");
                if v == "VEVENT" {
                    events.push(current.take().expect("inside an event"));
                }
            }
            (n, v) => {
                if let Some(e) = current.as_mut() {
                    e.push((n.to_owned(), v.to_owned()));
                }
            }
        }
    }
    assert!(depth.is_empty(), "every BEGIN has its END");
    events
}

#[test]
fn events_are_published_as_an_rfc5545_calendar() {
    let site = site_with_projects();
    let text = site.read_public("events.ics");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    let events = parse_ics(&text);
    assert_eq!(events.len(), 1);
    let get = |k: &str| {
        events[0]
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    for required in [
        "UID",
        "DTSTAMP",
        "DTSTART;VALUE=DATE",
        "DTEND;VALUE=DATE",
        "SUMMARY",
    ] {
        assert!(!get(required).is_empty(), "{required} is missing");
    }
    assert_eq!(get("DTSTART;VALUE=DATE"), "20261203");
    assert_eq!(
        get("DTEND;VALUE=DATE"),
        "20261208",
        "DTEND is the day after the last day"
    );
    assert_eq!(get("LOCATION"), "Quảng trường\\; Đồng Xoài");
    assert!(get("SUMMARY").contains("Hội chợ điều\\, rất dài"));
    // Deterministic: the stamp comes from the article, not the clock.
    assert_eq!(get("DTSTAMP"), "20261101T000000Z");
}

/// The report fixture (three units, a plan, articles over 2025 and 2026,
/// a sub-path base URL) with a project, a place and an event added.
fn national_site() -> Site {
    let site = Site::new("report");
    site.write(
        "content/news/kcn.md",
        "---\ntitle: \"Khu công nghiệp\"\ndate: 2025-03-01\nupdated: 2026-09-30\nunit: so-tttt\nproject: { sector: industry, location: Chơn Thành, area_ha: 1200, status: open }\nplace: { coordinates: [11.4, 106.6], address: \"Chơn Thành\" }\n---\n\nMô tả.\n",
    );
    site.write(
        "content/tourism/le-hoi.md",
        "---\ntitle: \"Lễ hội\"\ndate: 2026-10-01\ntags: [lễ hội, văn hóa]\nevent: { start: 2026-12-03, end: 2026-12-05, venue: \"Đồng Xoài\" }\n---\n\nTin.\n",
    );
    site.build_ok(&[]);
    site
}

const BASE: &str = "https://report.example.org/portal/";

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn articles_csv_rows_match_articles_json_and_every_url_is_under_the_base_url() {
    let site = national_site();
    let json: serde_json::Value =
        serde_json::from_str(&site.read_public("data/articles.json")).expect("valid JSON");
    let items = json["items"].as_array().expect("items");
    let (header, rows) = csv_rows(&site.read_public("data/articles.csv"));
    assert_eq!(items.len(), rows.len());
    // Every language of the fixture, both years.
    for lang in ["vi", "en", "lo"] {
        assert!(items.iter().any(|i| i["language"] == lang), "{lang}");
    }
    for year in ["2025-", "2026-"] {
        assert!(items
            .iter()
            .any(|i| i["date"].as_str().unwrap_or("").starts_with(year)));
    }
    for (item, row) in items.iter().zip(&rows) {
        for (name, cell) in header.iter().zip(row) {
            let want = match &item[name] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(v) => v
                    .iter()
                    .map(|x| x.as_str().unwrap_or("").to_owned())
                    .collect::<Vec<_>>()
                    .join(";"),
                other => other.to_string(),
            };
            assert_eq!(&want, cell, "column {name} of {}", item["url"]);
        }
        assert!(item["url"].as_str().unwrap_or("").starts_with(BASE));
        for t in item["translations"].as_array().expect("a list") {
            assert!(t.as_str().unwrap_or("").starts_with(BASE), "{t}");
        }
    }
    let a1 = items
        .iter()
        .find(|i| i["language"] == "vi" && i["url"] == format!("{BASE}news/a1/"))
        .expect("news/a1 in Vietnamese");
    assert_eq!(a1["unit"], "so-ngoai-vu");
    assert_eq!(a1["unit_name"], "Sở Ngoại vụ");
    assert_eq!(a1["plan"], serde_json::json!(["t-ban-tin"]));
    assert_eq!(a1["translations"].as_array().map(Vec::len), Some(2));

    let projects: serde_json::Value =
        serde_json::from_str(&site.read_public("data/projects.json")).expect("valid JSON");
    assert_eq!(projects["items"][0]["area_ha"], 1200.0);
    assert_eq!(projects["items"][0]["latitude"], 11.4);
    let events: serde_json::Value =
        serde_json::from_str(&site.read_public("data/events.json")).expect("valid JSON");
    let fair = events["items"]
        .as_array()
        .and_then(|v| v.iter().find(|e| e["venue"] == "Đồng Xoài"))
        .expect("the festival");
    assert_eq!(fair["end"], "2026-12-05");
    assert_eq!(fair["tags"], serde_json::json!(["lễ hội", "văn hóa"]));
    let (_, places) = csv_rows(&site.read_public("data/places.csv"));
    assert_eq!(places.len(), 1);
}

#[test]
fn the_csvw_metadata_lists_every_column_of_every_csv() {
    let site = national_site();
    let meta: serde_json::Value =
        serde_json::from_str(&site.read_public("data/csv-metadata.json")).expect("valid JSON");
    let tables = meta["tables"].as_array().expect("tables");
    assert_eq!(tables.len(), 4);
    for table in tables {
        let url = table["url"].as_str().expect("a url");
        let file = url.strip_prefix(BASE).expect("under the base URL");
        let (header, _) = csv_rows(&site.read_public(file));
        let columns = table["tableSchema"]["columns"].as_array().expect("columns");
        let names: Vec<&str> = columns.iter().filter_map(|c| c["name"].as_str()).collect();
        assert_eq!(names, header, "{file}");
        for c in columns {
            for lang in ["vi", "en"] {
                assert!(
                    c["titles"][lang].is_string(),
                    "{file} {} in {lang}",
                    c["name"]
                );
            }
            assert!(c["datatype"].is_string());
        }
    }
}

/// A Python that has rdflib ≥ 6: `MEKONG_PYTHON`, else the venv that
/// tools/test makes (`.venv-test`), else `python3`.
fn python_with_rdflib() -> String {
    let candidates = [
        std::env::var("MEKONG_PYTHON").unwrap_or_default(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/.venv-test/bin/python3").to_owned(),
        "python3".to_owned(),
    ];
    for py in candidates.iter().filter(|p| !p.is_empty()) {
        let ok = std::process::Command::new(py)
            .args([
                "-c",
                "import rdflib,sys; sys.exit(int(rdflib.__version__.split('.')[0]) < 6)",
            ])
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return py.clone();
        }
    }
    panic!(
        "no Python with rdflib >= 6: run tools/test, which makes .venv-test, or set MEKONG_PYTHON"
    );
}

const RDF_CHECK: &str = r#"
import json, sys, rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF
g = rdflib.Graph()
g.parse(sys.argv[1], format="json-ld")
out = {"datasets": {}, "catalog": [str(c) for c in g.subjects(RDF.type, DCAT.Catalog)]}
for ds in g.subjects(RDF.type, DCAT.Dataset):
    dists = []
    for d in g.objects(ds, DCAT.distribution):
        dists.append({
            "download": str(g.value(d, DCAT.downloadURL)),
            "media": str(g.value(d, DCAT.mediaType)),
            "typed": (d, RDF.type, DCAT.Distribution) in g,
        })
    out["datasets"][str(g.value(ds, DCTERMS.identifier))] = {
        "titles": sorted(t.language for t in g.objects(ds, DCTERMS.title)),
        "descriptions": sorted(t.language for t in g.objects(ds, DCTERMS.description)),
        "modified": str(g.value(ds, DCTERMS.modified)),
        "publisher": str(g.value(ds, DCTERMS.publisher)),
        "distributions": sorted(dists, key=lambda d: d["download"]),
    }
print(json.dumps(out))
"#;

#[test]
fn the_dcat_catalogue_is_read_by_rdflib_with_every_dataset_and_distribution() {
    let site = national_site();
    let py = python_with_rdflib();
    let out = std::process::Command::new(&py)
        .args(["-c", RDF_CHECK])
        .arg(site.public().join("data/catalog.jsonld"))
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "rdflib: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let graph: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON from python");
    assert_eq!(
        graph["catalog"],
        serde_json::json!([format!("{BASE}data/catalog.jsonld")])
    );
    let datasets = graph["datasets"].as_object().expect("datasets");
    assert_eq!(datasets.len(), 4);
    for name in ["articles", "projects", "places", "events"] {
        let d = &datasets[name];
        // Every site language (vi, en, lo) has its words.
        assert_eq!(d["titles"], serde_json::json!(["en", "lo", "vi"]), "{name}");
        assert_eq!(d["descriptions"], d["titles"]);
        assert_eq!(d["publisher"], BASE);
        let dists = d["distributions"].as_array().expect("distributions");
        assert_eq!(dists.len(), 2, "{name}");
        for (dist, (ext, media)) in dists
            .iter()
            .zip([("csv", "text/csv"), ("json", "application/json")])
        {
            assert_eq!(dist["download"], format!("{BASE}data/{name}.{ext}"));
            assert_eq!(
                dist["media"],
                format!("http://www.iana.org/assignments/media-types/{media}")
            );
            assert_eq!(dist["typed"], true);
            assert!(site.has_public(&format!("data/{name}.{ext}")));
        }
    }
    // The newest date in each dataset, not the build's clock.
    assert_eq!(datasets["projects"]["modified"], "2026-09-30");
    assert_eq!(datasets["events"]["modified"], "2026-10-01");
}

#[test]
fn without_base_url_the_catalogues_are_left_out_with_one_warning() {
    let site = Site::new("report");
    site.edit_site_yaml("base_url: https://report.example.org/portal/\n", "");
    let run = site.build(&[]);
    run.assert_ok();
    assert!(site.has_public("data/articles.csv"));
    assert!(!site.has_public("data/catalog.jsonld"));
    assert!(!site.has_public("data/csv-metadata.json"));
    let warnings: Vec<_> = run
        .diagnostics()
        .into_iter()
        .filter(|d| d.message.contains("data/catalog.jsonld"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.describe());
}

/// An editor links to the open data from an article ("download the list of
/// projects"): every file a build writes under /data/ and a language's
/// investment folder is a link target the link check accepts, and a wrong
/// file name is still a broken link.
#[test]
fn links_to_every_open_data_file_are_accepted_and_a_wrong_one_is_not() {
    let site = site_with_projects();
    let mut targets: Vec<String> = Vec::new();
    for dir in ["data", "investment", "en/investment"] {
        let listing = std::fs::read_dir(site.public().join(dir)).expect("read the data folder");
        for entry in listing.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.contains('.') && name != "index.html" {
                targets.push(format!("/{dir}/{name}"));
            }
        }
    }
    targets.sort();
    for want in [
        "/data/articles.json",
        "/data/catalog.jsonld",
        "/en/investment/projects.csv",
    ] {
        assert!(
            targets.iter().any(|t| t == want),
            "the build wrote no {want}: {targets:?}"
        );
    }
    let links: String = targets.iter().map(|t| format!("- [{t}]({t})\n")).collect();
    site.write(
        "content/news/du-lieu.md",
        format!("---\ntitle: \"Dữ liệu mở\"\ndate: 2026-02-01\n---\n\nTải về:\n\n{links}"),
    );
    let run = site.check(&[]);
    run.assert_ok();

    site.write(
        "content/news/du-lieu.md",
        "---\ntitle: \"Dữ liệu mở\"\ndate: 2026-02-01\n---\n\n[Dự án](/data/project.json)\n",
    );
    let run = site.check(&[]);
    assert_eq!(run.errors(), 1, "{}", run.describe());
    assert!(
        run.describe().contains("/data/project.json"),
        "{}",
        run.describe()
    );

    // Without an origin the catalogues are not written: a link to one is
    // broken, while the data files themselves still are there.
    site.edit_site_yaml("base_url: https://portal.example.org/", "base_url: /");
    site.write(
        "content/news/du-lieu.md",
        "---\ntitle: \"Dữ liệu mở\"\ndate: 2026-02-01\n---\n\n[CSV](/data/articles.csv) [DCAT](/data/catalog.jsonld)\n",
    );
    let run = site.check(&[]);
    assert_eq!(run.errors(), 1, "{}", run.describe());
    assert!(
        run.describe().contains("/data/catalog.jsonld"),
        "{}",
        run.describe()
    );
}
