//! The typed blocks as features: project cards with filters on the
//! investment section, open data (projects.json / .csv) and the events
//! calendar (events.ics, checked line by line against RFC 5545).

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
