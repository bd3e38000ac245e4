//! Open data from the typed blocks: investment projects as JSON and CSV
//! (`/LANG/investment/projects.json`, `.csv`) for the national
//! external-information database, and events as an iCalendar feed
//! (`/LANG/events.ics`, RFC 5545). Only real translations are exported,
//! never fallback copies.

use crate::config::LangCode;
use crate::i18n::Locales;
use crate::output::{Output, OutputData};
use crate::site::{Page, Site};
use serde::Serialize;

/// One project, as the JSON and CSV exports list it.
#[derive(Serialize)]
struct ProjectRecord<'a> {
    url: String,
    title: &'a str,
    sector: &'a str,
    sector_label: String,
    location: &'a str,
    area_ha: Option<f64>,
    capital_usd: Option<f64>,
    status: crate::content::front_matter::ProjectStatus,
    agency: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    date: Option<String>,
    updated: Option<String>,
}

/// A language's published articles, in `by_date` order (not fallback copies).
pub(super) fn articles<'a>(site: &'a Site, lang: &LangCode) -> impl Iterator<Item = &'a Page> {
    site.by_date
        .get(lang)
        .into_iter()
        .flatten()
        .map(|&id| &site.pages[id])
        .filter(|p| !p.is_fallback)
}

/// The project and event exports of every language that has any.
pub(super) fn build(site: &Site, locales: &Locales) -> Vec<Output> {
    let mut out = Vec::new();
    for lang in &site.config.languages {
        let mut projects: Vec<ProjectRecord<'_>> = articles(site, &lang.code)
            .filter_map(|p| {
                let src = site.source(p)?;
                let project = src.front.project.as_ref()?;
                let contact = project.contact.as_ref();
                Some(ProjectRecord {
                    url: site.permalink(&p.path),
                    title: &p.title,
                    sector: &project.sector,
                    sector_label: locales
                        .message(&lang.code, &format!("sector-{}", project.sector), None)
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| project.sector.clone()),
                    location: &project.location,
                    area_ha: project.area_ha,
                    capital_usd: project.capital_usd,
                    status: project.status,
                    agency: contact.and_then(|c| c.agency.as_deref()),
                    email: contact.and_then(|c| c.email.as_deref()),
                    phone: contact.and_then(|c| c.phone.as_deref()),
                    date: src.front.date.map(|d| d.to_string()),
                    updated: src.front.updated.map(|d| d.to_string()),
                })
            })
            .collect();
        projects.sort_by(|a, b| a.url.cmp(&b.url));
        if let Some(dir) = site.projects_data_path(&lang.code) {
            let dir = dir.trim_start_matches('/');
            let json = serde_json::json!({
                "schema": "mekong-projects/1",
                "language": lang.code,
                "source": site.permalink(&site.config.lang_prefix(&lang.code)),
                "projects": projects,
            });
            let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
            out.push(Output {
                path: format!("{dir}projects.json"),
                data: OutputData::Bytes(text.into_bytes()),
            });
            out.push(Output {
                path: format!("{dir}projects.csv"),
                data: OutputData::Bytes(projects_csv(&projects)),
            });
        }
        if let Some(path) = site.events_calendar_path(&lang.code) {
            out.push(Output {
                path: path.trim_start_matches('/').to_owned(),
                data: OutputData::Bytes(events_ics(site, &lang.code).into_bytes()),
            });
        }
    }
    out
}

fn projects_csv(projects: &[ProjectRecord<'_>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "url",
        "title",
        "sector",
        "sector_label",
        "location",
        "area_ha",
        "capital_usd",
        "status",
        "agency",
        "email",
        "phone",
        "date",
        "updated",
    ]);
    for p in projects {
        let num = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
        let status = serde_json::to_value(p.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = w.write_record([
            p.url.as_str(),
            p.title,
            p.sector,
            &p.sector_label,
            p.location,
            &num(p.area_ha),
            &num(p.capital_usd),
            &status,
            p.agency.unwrap_or(""),
            p.email.unwrap_or(""),
            p.phone.unwrap_or(""),
            p.date.as_deref().unwrap_or(""),
            p.updated.as_deref().unwrap_or(""),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

/// The calendar of a language's events (`site.events_calendar_path` says
/// whether it has any).
fn events_ics(site: &Site, lang: &LangCode) -> String {
    let mut events: Vec<(&Page, &crate::content::front_matter::Event)> = articles(site, lang)
        .filter_map(|p| site.source(p)?.front.event.as_ref().map(|e| (p, e)))
        .collect();
    events.sort_by(|a, b| (a.1.start, &a.0.path).cmp(&(b.1.start, &b.0.path)));
    let host = site
        .config
        .origin
        .split("://")
        .nth(1)
        .unwrap_or("mekong.local");
    let mut s = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!(
            "PRODID:-//mekong//{}//{}",
            ics_text(&site.config.title),
            lang.as_str().to_uppercase()
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        s.push_str(&fold(line));
    }
    for (page, event) in events {
        let src = site.source(page);
        // Stable across builds: the stamp is the article's own date, not the clock.
        let stamp = src
            .and_then(|s| s.front.updated.or(s.front.date))
            .unwrap_or(event.start);
        let uid = blake3::hash(format!("{}{}", page.group, page.lang).as_bytes()).to_hex();
        let mut lines = vec![
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}@{host}", &uid[..16]),
            format!("DTSTAMP:{}T000000Z", stamp.compact()),
            format!("DTSTART;VALUE=DATE:{}", event.start.compact()),
            format!(
                "DTEND;VALUE=DATE:{}",
                event.end.unwrap_or(event.start).next_day().compact()
            ),
            format!("SUMMARY:{}", ics_text(&page.title)),
            format!("URL:{}", site.permalink(&page.path)),
        ];
        if let Some(venue) = &event.venue {
            lines.push(format!("LOCATION:{}", ics_text(venue)));
        }
        if let Some(d) = src.and_then(|s| s.front.description.as_deref()) {
            lines.push(format!("DESCRIPTION:{}", ics_text(d)));
        }
        lines.push("END:VEVENT".into());
        for l in lines {
            s.push_str(&fold(&l));
        }
    }
    s.push_str(&fold("END:VCALENDAR"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "Lễ hội ".repeat(20));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(
            folded.replace("\r\n ", "").strip_suffix("\r\n"),
            Some(line.as_str())
        );
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(ics_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
