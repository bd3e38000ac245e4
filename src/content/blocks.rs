//! The typed blocks of front matter: `project:`, `place:` and `event:`
//! mappings in, [`Project`], [`Place`] and [`Event`] out. Each block is
//! checked as a whole (missing keys, unknown sectors, coordinates off the
//! Earth, an event that ends before it starts), every problem reported on
//! its key's line through the front matter reader.

use super::date::Date;
use super::reader::Reader;
use crate::diagnostics::closest;
use crate::msg;
use serde::Serialize;
use serde_yaml::Mapping;

/// Status of an investment project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectStatus {
    /// Looking for investors.
    Open,
    /// An investor holds the licence.
    Licensed,
    /// Built and running.
    Operating,
}

/// Who answers investors' questions about a project.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The agency's name.
    pub agency: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
}

/// `project:` — an investment opportunity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    /// One of the site's `sectors`.
    pub sector: String,
    /// Place name.
    pub location: String,
    /// Area in hectares.
    pub area_ha: Option<f64>,
    /// Capital in US dollars.
    pub capital_usd: Option<f64>,
    /// Where the project stands.
    pub status: ProjectStatus,
    /// Contact.
    pub contact: Option<Contact>,
}

/// `place:` — a destination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Latitude and longitude in degrees.
    pub coordinates: Option<[f64; 2]>,
    /// Free text.
    pub opening_hours: Option<String>,
    /// Postal address.
    pub address: Option<String>,
}

/// `event:` — a festival, fair or conference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// First day.
    pub start: Date,
    /// Last day (inclusive); the start when absent.
    pub end: Option<Date>,
    /// Where it happens.
    pub venue: Option<String>,
}

pub(super) fn project(r: &Reader<'_>, m: &Mapping, sectors: &[String]) -> Option<Project> {
    r.check_keys(
        m,
        "project",
        &[
            "sector",
            "location",
            "area_ha",
            "capital_usd",
            "status",
            "contact",
        ],
    );
    let required = |key: &str| -> Option<String> {
        let v = r.string(m, &["project", key]);
        if v.is_none() && !m.contains_key(key) {
            r.error(
                &["project"],
                msg!("project.missing-key", key = key),
                msg!("project.missing-key.hint", key = key),
            );
        }
        v
    };
    let sector = required("sector");
    let location = required("location");
    let status: Option<ProjectStatus> = if m.contains_key("status") {
        r.get(m, &["project", "status"], msg!("expected.project-status"))
    } else {
        r.error(
            &["project"],
            msg!("project.missing-status"),
            msg!("project.missing-status.hint"),
        );
        None
    };
    let area_ha: Option<f64> = r.get(m, &["project", "area_ha"], msg!("expected.hectares"));
    let capital_usd: Option<f64> = r.get(m, &["project", "capital_usd"], msg!("expected.dollars"));
    for (key, v) in [("area_ha", area_ha), ("capital_usd", capital_usd)] {
        if v.is_some_and(|v| v < 0.0 || !v.is_finite()) {
            r.error(
                &["project", key],
                msg!("project.negative", key = key),
                msg!("project.negative.hint"),
            );
        }
    }
    let contact: Option<Contact> = r.get(m, &["project", "contact"], msg!("expected.contact"));
    if let Some(s) = &sector {
        if !sectors.iter().any(|x| x == s) {
            let hint = match closest(s, sectors.iter().map(String::as_str)) {
                Some(c) => msg!(
                    "project.unknown-sector.did-you-mean",
                    sector = c,
                    sectors = sectors.join(", ")
                ),
                None => msg!("project.unknown-sector.hint", sectors = sectors.join(", ")),
            };
            r.error(
                &["project", "sector"],
                msg!("project.unknown-sector", sector = s),
                hint,
            );
        }
    }
    Some(Project {
        sector: sector?,
        location: location?,
        area_ha,
        capital_usd,
        status: status?,
        contact,
    })
}

pub(super) fn place(r: &Reader<'_>, m: &Mapping) -> Option<Place> {
    r.check_keys(m, "place", &["coordinates", "opening_hours", "address"]);
    let coordinates: Option<[f64; 2]> =
        r.get(m, &["place", "coordinates"], msg!("expected.coordinates"));
    if let Some([lat, lon]) = coordinates {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            r.error(
                &["place", "coordinates"],
                msg!(
                    "place.not-on-earth",
                    lat = lat.to_string(),
                    lon = lon.to_string()
                ),
                msg!("place.not-on-earth.hint"),
            );
        }
    }
    Some(Place {
        coordinates,
        opening_hours: r.string(m, &["place", "opening_hours"]),
        address: r.string(m, &["place", "address"]),
    })
}

pub(super) fn event(r: &Reader<'_>, m: &Mapping) -> Option<Event> {
    r.check_keys(m, "event", &["start", "end", "venue"]);
    let start = r.date(m, &["event", "start"]);
    if !m.contains_key("start") {
        r.error(
            &["event"],
            msg!("event.missing-start"),
            msg!("event.missing-start.hint"),
        );
    }
    let end = r.date(m, &["event", "end"]);
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            r.error(
                &["event", "end"],
                msg!(
                    "event.ends-before-start",
                    end = e.to_string(),
                    start = s.to_string()
                ),
                msg!("event.ends-before-start.hint"),
            );
        }
    }
    Some(Event {
        start: start?,
        end,
        venue: r.string(m, &["event", "venue"]),
    })
}

#[cfg(test)]
mod tests {
    use crate::content::front_matter::parse_text;

    #[test]
    fn typed_blocks_are_validated() {
        let p = parse_text("---\ntitle: A\nproject:\n  sector: mining\n  location: X\n  area_ha: big\n  status: open\nevent:\n  start: 2026-12-03\n  end: 2026-12-01\n---\n");
        let msgs: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.clone()))
            .collect();
        assert!(
            msgs.iter()
                .any(|(l, m)| *l == Some(4) && m.contains("mining")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|(l, m)| *l == Some(6) && m.contains("area_ha")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|(l, m)| *l == Some(10) && m.contains("before it starts")),
            "{msgs:?}"
        );
    }
}
