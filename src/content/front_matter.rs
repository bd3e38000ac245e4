//! Front matter: the YAML between `---` lines, split from the body and read
//! into [`FrontMatter`] key by key, so that a wrong type is reported on the
//! line of its key and one bad key does not hide the others.

use crate::diagnostics::{closest, line_col, Diagnostic};
use crate::source_text::key_line;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_yaml::{Mapping, Value};
use std::cell::RefCell;
use std::fmt;
use std::path::PathBuf;

/// A calendar date with an optional time, as written in front matter
/// (`2026-12-01`, `2026-12-01T09:30:00+07:00`). Kept as written: a portal's
/// dates are local and never need time-zone arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, minute, second and UTC offset in minutes, when a time was given.
    pub time: Option<(u8, u8, u8, i16)>,
}

impl Date {
    /// Parses `YYYY-MM-DD` with an optional `THH:MM[:SS][Z|±HH:MM]`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let (date, time) = match s.find(['T', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let mut parts = date.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        if parts.next().is_some()
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        let time = match time {
            None => None,
            Some(t) => Some(parse_time(t)?),
        };
        Some(Date {
            year,
            month,
            day,
            time,
        })
    }

    /// RFC 3339, as feeds and sitemaps want it; midnight UTC when no time was given.
    pub fn rfc3339(&self) -> String {
        let (h, m, s, off) = self.time.unwrap_or((0, 0, 0, 0));
        let offset = if off == 0 {
            "Z".to_string()
        } else {
            let sign = if off < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60)
        };
        format!(
            "{:04}-{:02}-{:02}T{h:02}:{m:02}:{s:02}{offset}",
            self.year, self.month, self.day
        )
    }

    /// The next calendar day (the exclusive end of an all-day ICS event).
    pub fn next_day(&self) -> Date {
        let (mut y, mut m, mut d) = (self.year, self.month, self.day + 1);
        if d > days_in_month(y, m) {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
        Date {
            year: y,
            month: m,
            day: d,
            time: None,
        }
    }

    /// ICS `DATE` value (`20261201`).
    pub fn compact(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.time.is_some() {
            s.serialize_str(&self.rfc3339())
        } else {
            s.serialize_str(&self.to_string())
        }
    }
}

fn parse_time(t: &str) -> Option<(u8, u8, u8, i16)> {
    let (clock, offset) = if let Some(c) = t.strip_suffix('Z') {
        (c, 0)
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (c, o) = t.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (oh, om) = o[1..].split_once(':').unwrap_or((&o[1..], "0"));
        let minutes = oh.parse::<i16>().ok()? * 60 + om.parse::<i16>().ok()?;
        (c, sign * minutes)
    } else {
        (t, 0)
    };
    let mut it = clock.split(':');
    let h: u8 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let s: u8 = it
        .next()
        .map_or(Some(0), |s| s.split('.').next()?.parse().ok())?;
    (h < 24 && m < 60 && s < 61).then_some((h, m, s, offset))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// How a section orders its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first.
    #[default]
    Date,
    /// Lightest first, then newest.
    Weight,
    /// Alphabetical.
    Title,
}

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

/// Everything front matter may say, validated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FrontMatter {
    /// Title (required for articles).
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// One-sentence description for lists, feeds and social cards.
    pub description: Option<String>,
    /// Lead image.
    pub image: Option<String>,
    /// The line of `image:`, for errors about it.
    pub image_line: Option<usize>,
    /// Tags.
    pub tags: Vec<String>,
    /// Drafts are built only with `--drafts`.
    pub draft: bool,
    /// Order within `sort_by: weight` sections.
    pub weight: Option<i64>,
    /// Localized URL slug.
    pub slug: Option<String>,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// Links files with other names as translations.
    pub translation_key: Option<String>,
    /// Template override.
    pub template: Option<String>,
    /// Responsible department.
    pub unit: Option<String>,
    /// Free map for templates.
    pub extra: serde_json::Value,
    /// Investment project.
    pub project: Option<Project>,
    /// Destination.
    pub place: Option<Place>,
    /// Event.
    pub event: Option<Event>,
    /// Section order (section `_index` only).
    pub sort_by: Option<SortBy>,
    /// Section page size (section `_index` only).
    pub paginate_by: Option<usize>,
}

/// Keys of articles and sections.
pub const ARTICLE_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "description",
    "image",
    "tags",
    "draft",
    "weight",
    "slug",
    "aliases",
    "translation_key",
    "template",
    "unit",
    "extra",
    "project",
    "place",
    "event",
];
/// Keys only a section's `_index` takes.
pub const SECTION_KEYS: &[&str] = &["sort_by", "paginate_by"];

/// The parts of a Markdown file.
pub struct Split<'a> {
    /// The YAML text, without the `---` lines.
    pub yaml: &'a str,
    /// The Markdown body.
    pub body: &'a str,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
}

/// Splits front matter from the body. A file without front matter is all
/// body; a front matter block that is never closed is an error, since the
/// whole article would otherwise vanish into YAML.
pub fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Ok(Split {
            yaml: "",
            body: text,
            body_line: 1,
        });
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let l = text[pos..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(Diagnostic::error(None, "the front matter is not closed")
        .at(1, 1)
        .with_source(text)
        .hint(
            "add a line with only `---` after the last front matter line, before the article text",
        ))
}

/// Reads a front matter mapping key by key, collecting diagnostics.
struct Reader<'a> {
    file: &'a PathBuf,
    text: &'a str,
    yaml: &'a str,
    line_offset: usize,
    diags: RefCell<Vec<Diagnostic>>,
}

impl Reader<'_> {
    fn line(&self, path: &[&str]) -> Option<usize> {
        key_line(self.yaml, path).map(|l| l + self.line_offset)
    }

    fn error(&self, path: &[&str], message: String, hint: &str) {
        let mut d = Diagnostic::error(self.file.clone(), message)
            .at_line(self.line(path))
            .with_source(self.text)
            .hint(hint);
        // Point the caret at the value when the line is `key: value`.
        let key = path.last().copied().unwrap_or_default();
        if let Some(src) = &d.source_line {
            if let Some(at) = src.find(&format!("{key}:")) {
                let rest = &src[at + key.len() + 1..];
                let value_at = at + key.len() + 1 + (rest.len() - rest.trim_start().len());
                d.col = Some(src[..value_at].chars().count() + 1);
            }
        }
        self.diags.borrow_mut().push(d);
    }

    fn get<T: DeserializeOwned>(&self, map: &Mapping, path: &[&str], expected: &str) -> Option<T> {
        let key = path.last().copied().unwrap_or_default();
        let value = map.get(key)?;
        if value.is_null() {
            return None;
        }
        match serde_yaml::from_value::<T>(value.clone()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(
                    path,
                    format!(
                        "`{}` should be {expected}, but is {}",
                        path.join("."),
                        describe(value)
                    ),
                    &format!("write {expected}"),
                );
                None
            }
        }
    }

    fn string(&self, map: &Mapping, path: &[&str]) -> Option<String> {
        let key = path.last().copied().unwrap_or_default();
        match map.get(key)? {
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => self.get(map, path, "text"),
        }
    }

    fn date(&self, map: &Mapping, path: &[&str]) -> Option<Date> {
        let raw: String = self.string(map, path)?;
        let date = Date::parse(&raw);
        if date.is_none() {
            self.error(
                path,
                format!("`{}: {raw}` is not a date", path.join(".")),
                "write dates as YYYY-MM-DD, for example 2026-12-01 (a time may follow: 2026-12-01T09:30:00+07:00)",
            );
        }
        date
    }

    fn sub_map<'m>(&self, map: &'m Mapping, key: &str) -> Option<&'m Mapping> {
        match map.get(key)? {
            Value::Mapping(m) => Some(m),
            Value::Null => None,
            other => {
                self.error(
                    &[key],
                    format!(
                        "`{key}` should be a block of keys, but is {}",
                        describe(other)
                    ),
                    &format!("write `{key}:` followed by indented keys"),
                );
                None
            }
        }
    }

    fn check_keys(&self, map: &Mapping, prefix: &str, known: &[&str]) {
        for key in map.keys() {
            let Some(name) = key.as_str() else { continue };
            if !known.contains(&name) {
                let hint = match closest(name, known.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("known keys: {}", known.join(", ")),
                };
                self.error(
                    &[prefix, name],
                    format!("unknown key `{prefix}.{name}`"),
                    &hint,
                );
            }
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "empty".into(),
        Value::Bool(b) => format!("`{b}` (true/false)"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the text `{s}`"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a block of keys".into(),
        Value::Tagged(_) => "a tagged value".into(),
    }
}

/// What reading a file's front matter gave: the values, and the problems.
pub struct Parsed {
    /// The values read (best effort when there are errors).
    pub front: FrontMatter,
    /// Errors and warnings, with lines in the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads front matter text. `is_section` allows `sort_by` and `paginate_by`;
/// `sectors` is the site's list for `project.sector`.
pub fn parse(
    file: &PathBuf,
    text: &str,
    split: &Split<'_>,
    is_section: bool,
    sectors: &[String],
) -> Parsed {
    let r = Reader {
        file,
        text,
        yaml: split.yaml,
        line_offset: 1,
        diags: RefCell::new(Vec::new()),
    };
    let mut front = FrontMatter::default();
    if split.yaml.trim().is_empty() {
        return Parsed {
            front,
            diagnostics: Vec::new(),
        };
    }
    let map: Mapping = match serde_yaml::from_str::<Value>(split.yaml) {
        Ok(Value::Mapping(m)) => m,
        Ok(Value::Null) => Mapping::new(),
        Ok(other) => {
            let d = Diagnostic::error(
                file.clone(),
                format!(
                    "the front matter should be `key: value` lines, but is {}",
                    describe(&other)
                ),
            )
            .at(2, 1)
            .with_source(text)
            .hint("write one `key: value` per line, for example `title: Núi Bà Rá`");
            return Parsed {
                front,
                diagnostics: vec![d],
            };
        }
        Err(e) => {
            let mut d = crate::source_text::yaml_error(file, text, 1, &e, ARTICLE_KEYS);
            if d.source_line.is_none() {
                d = d.with_source(text);
            }
            return Parsed {
                front,
                diagnostics: vec![d],
            };
        }
    };

    for key in map.keys() {
        let Some(name) = key.as_str() else {
            r.error(
                &[],
                "a front matter key is not text".into(),
                "keys are words such as `title` or `date`",
            );
            continue;
        };
        let known = ARTICLE_KEYS.contains(&name) || (is_section && SECTION_KEYS.contains(&name));
        if !known {
            let all = ARTICLE_KEYS.iter().chain(SECTION_KEYS).copied();
            let (message, hint) = if SECTION_KEYS.contains(&name) {
                (
                    format!("`{name}` only applies to a section's `_index.md`; it is ignored here"),
                    "move it to the section's _index.md".to_string(),
                )
            } else {
                let hint = match closest(name, all) {
                    Some(c) => format!("did you mean `{c}`? The key is ignored"),
                    None => "remove it, or put free data under `extra:`".into(),
                };
                (format!("unknown front matter key `{name}`"), hint)
            };
            let d = Diagnostic::warning(file.clone(), message)
                .at_line(r.line(&[name]))
                .hint(hint);
            r.diags.borrow_mut().push(d);
        }
    }

    front.title = r.string(&map, &["title"]);
    front.date = r.date(&map, &["date"]);
    front.updated = r.date(&map, &["updated"]);
    front.description = r.string(&map, &["description"]);
    front.image = r.string(&map, &["image"]);
    front.image_line = r.line(&["image"]);
    front.tags = match map.get("tags") {
        Some(Value::String(s)) => vec![s.clone()],
        _ => r
            .get::<Vec<String>>(&map, &["tags"], "a list of words, like [cashew, fdi]")
            .unwrap_or_default(),
    };
    front.draft = r.get(&map, &["draft"], "true or false").unwrap_or(false);
    front.weight = r.get(&map, &["weight"], "a whole number, like 10");
    front.slug = r.string(&map, &["slug"]);
    front.aliases = r
        .get(
            &map,
            &["aliases"],
            "a list of old URLs, like [\"/old/page/\"]",
        )
        .unwrap_or_default();
    front.translation_key = r.string(&map, &["translation_key"]);
    front.template = r.string(&map, &["template"]);
    front.unit = r.string(&map, &["unit"]);
    front.extra = map
        .get("extra")
        .and_then(|v| serde_json::to_value(v).ok())
        .unwrap_or(serde_json::Value::Object(Default::default()));
    if is_section {
        front.sort_by = r.get(&map, &["sort_by"], "one of date, weight, title");
        front.paginate_by = r.get(&map, &["paginate_by"], "a whole number, like 10");
        if front.paginate_by == Some(0) {
            r.error(
                &["paginate_by"],
                "`paginate_by` must be at least 1".into(),
                "write e.g. `paginate_by: 10`",
            );
            front.paginate_by = None;
        }
    }
    if let Some(s) = &front.slug {
        if s.contains('/') || s.trim().is_empty() {
            r.error(
                &["slug"],
                format!("`slug: {s}` is not a single URL segment"),
                "write a slug without `/`, like `nui-ba-ra`",
            );
            front.slug = None;
        }
    }
    front.project = r
        .sub_map(&map, "project")
        .and_then(|m| project(&r, m, sectors));
    front.place = r.sub_map(&map, "place").and_then(|m| place(&r, m));
    front.event = r.sub_map(&map, "event").and_then(|m| event(&r, m));

    Parsed {
        front,
        diagnostics: r.diags.into_inner(),
    }
}

fn project(r: &Reader<'_>, m: &Mapping, sectors: &[String]) -> Option<Project> {
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
                format!("`project.{key}` is missing"),
                &format!("add `{key}:` under `project:`"),
            );
        }
        v
    };
    let sector = required("sector");
    let location = required("location");
    let status: Option<ProjectStatus> = if m.contains_key("status") {
        r.get(
            m,
            &["project", "status"],
            "one of open, licensed, operating",
        )
    } else {
        r.error(
            &["project"],
            "`project.status` is missing".into(),
            "add `status: open` (or licensed, operating) under `project:`",
        );
        None
    };
    let area_ha: Option<f64> = r.get(m, &["project", "area_ha"], "a number of hectares, like 120");
    let capital_usd: Option<f64> = r.get(
        m,
        &["project", "capital_usd"],
        "a number of US dollars, like 45000000",
    );
    for (key, v) in [("area_ha", area_ha), ("capital_usd", capital_usd)] {
        if v.is_some_and(|v| v < 0.0 || !v.is_finite()) {
            r.error(
                &["project", key],
                format!("`project.{key}` cannot be negative"),
                "write a positive number",
            );
        }
    }
    let contact: Option<Contact> = r.get(
        m,
        &["project", "contact"],
        "a block with agency, email and phone",
    );
    if let Some(s) = &sector {
        if !sectors.iter().any(|x| x == s) {
            let hint = match closest(s, sectors.iter().map(String::as_str)) {
                Some(c) => format!("did you mean `{c}`? Sectors are: {}", sectors.join(", ")),
                None => format!(
                    "use one of: {} (or add it to `sectors:` in site.yaml)",
                    sectors.join(", ")
                ),
            };
            r.error(
                &["project", "sector"],
                format!("`{s}` is not a sector of this site"),
                &hint,
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

fn place(r: &Reader<'_>, m: &Mapping) -> Option<Place> {
    r.check_keys(m, "place", &["coordinates", "opening_hours", "address"]);
    let coordinates: Option<[f64; 2]> = r.get(
        m,
        &["place", "coordinates"],
        "[latitude, longitude] in degrees, like [11.85, 106.97]",
    );
    if let Some([lat, lon]) = coordinates {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            r.error(
                &["place", "coordinates"],
                format!("coordinates [{lat}, {lon}] are not on Earth"),
                "write [latitude, longitude]: latitude first, between -90 and 90",
            );
        }
    }
    Some(Place {
        coordinates,
        opening_hours: r.string(m, &["place", "opening_hours"]),
        address: r.string(m, &["place", "address"]),
    })
}

fn event(r: &Reader<'_>, m: &Mapping) -> Option<Event> {
    r.check_keys(m, "event", &["start", "end", "venue"]);
    let start = r.date(m, &["event", "start"]);
    if !m.contains_key("start") {
        r.error(
            &["event"],
            "`event.start` is missing".into(),
            "add `start: YYYY-MM-DD` under `event:`",
        );
    }
    let end = r.date(m, &["event", "end"]);
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            r.error(
                &["event", "end"],
                format!("the event ends ({e}) before it starts ({s})"),
                "check the dates: `end` is the last day, on or after `start`",
            );
        }
    }
    Some(Event {
        start: start?,
        end,
        venue: r.string(m, &["event", "venue"]),
    })
}

/// The 1-based line of a byte offset in the whole file, for body diagnostics.
pub fn body_line_col(body: &str, body_line: usize, offset: usize) -> (usize, usize) {
    let (l, c) = line_col(body, offset);
    (l + body_line - 1, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Parsed {
        let s = split(text).expect("closed");
        parse(
            &PathBuf::from("a.md"),
            text,
            &s,
            false,
            &["industry".to_string()],
        )
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        let s = split("---\ntitle: A\n---\n\nBody\n").expect("closed");
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split("---\ntitle: A\n\nBody\n").is_err());
    }

    #[test]
    fn wrong_types_are_reported_on_their_line() {
        let p = parse_text("---\ntitle: A\ndate: yesterday\nweight: high\n---\n");
        let lines: Vec<_> = p.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(3), Some(4)]);
        assert!(p.diagnostics[0].message.contains("yesterday"));
    }

    #[test]
    fn unknown_key_is_a_warning_with_a_suggestion() {
        let p = parse_text("---\ntitle: A\ntags: [a]\ndescripton: x\n---\n");
        assert_eq!(p.diagnostics.len(), 1);
        let d = &p.diagnostics[0];
        assert!(!d.is_error());
        assert_eq!(d.line, Some(4));
        assert!(d.hint.as_deref().unwrap_or("").contains("description"));
    }

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

    #[test]
    fn dates_are_validated() {
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(
            Date::parse("2026-12-01T09:30:00+07:00")
                .map(|d| d.rfc3339())
                .as_deref(),
            Some("2026-12-01T09:30:00+07:00")
        );
    }
}
