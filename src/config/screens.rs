//! `screens:` in `site.yaml`: the LED boards and kiosks a site builds a
//! player for (border gates, squares). In: the list as written. Out:
//! validated [`Screen`]s (size parsed, languages checked against the site's,
//! one selector per `show` entry, date windows read), every problem on its
//! key's line.

use super::LangCode;
use crate::diagnostics::{closest, Diagnostic};
use crate::messages::Message;
use crate::msg;
use crate::source_text::key_line;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// One screen as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScreen {
    name: String,
    languages: Vec<LangCode>,
    size: String,
    #[serde(default = "default_seconds")]
    seconds: u32,
    #[serde(default = "default_refresh")]
    refresh_minutes: u32,
    #[serde(default)]
    ticker: Option<String>,
    #[serde(default)]
    show: Vec<RawShow>,
}

fn default_seconds() -> u32 {
    10
}

fn default_refresh() -> u32 {
    10
}

/// One `show:` entry as written: a selector, a limit and a date window.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawShow {
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    tag: Option<String>,
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    events: Option<String>,
    #[serde(default)]
    projects: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    weekdays: Vec<String>,
    #[serde(default)]
    hours: Option<String>,
}

/// What a `show:` entry picks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Selector {
    /// The newest articles of a section.
    Section(String),
    /// The newest articles with a tag (as written in front matter).
    Tag(String),
    /// One article, by its path below `content/` (`news/x.md`).
    Article(String),
    /// Articles with an `event:` block; each plays until its last day.
    Events,
    /// Investment projects with `status: open`.
    Projects,
}

/// When a slide plays, in the screen's local time. Empty: always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Window {
    /// First day, `YYYY-MM-DD`, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Days of the week, 0 = Sunday … 6 = Saturday (JavaScript's `getDay`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<u8>,
    /// Minutes since midnight, `[start, end)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<[u16; 2]>,
}

/// One validated `show:` entry.
#[derive(Debug, Clone, Serialize)]
pub struct Show {
    /// What it picks.
    pub selector: Selector,
    /// At most this many articles (5 unless set).
    pub limit: usize,
    /// When its slides play.
    pub window: Window,
}

/// One validated screen.
#[derive(Debug, Clone, Serialize)]
pub struct Screen {
    /// Folder name below `/screens/`.
    pub name: String,
    /// The languages it rotates through, in order.
    pub languages: Vec<LangCode>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Seconds per slide.
    pub seconds: u32,
    /// How often the player looks for a new build, in minutes.
    pub refresh_minutes: u32,
    /// Fluent message of the ticker line.
    pub ticker: Option<String>,
    /// What it shows.
    pub show: Vec<Show>,
}

const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// Validates `screens:`; `text` is `site.yaml`, `codes` the site's languages.
pub(super) fn validate(
    raw: Vec<RawScreen>,
    codes: &[&str],
    text: &str,
) -> (Vec<Screen>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut screens = Vec::new();
    let err = |keys: &[&str], msg: Message, hint: Message| {
        let line = key_line(text, keys).or_else(|| key_line(text, &["screens"]));
        Diagnostic::error(PathBuf::from("site.yaml"), msg)
            .at_line(line)
            .with_source(text)
            .hint(hint)
    };
    let mut names: Vec<String> = Vec::new();
    for s in raw {
        let at = |key: &'static str| vec!["screens", key];
        let name_ok = !s.name.is_empty()
            && s.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !name_ok {
            diags.push(err(
                &at("name"),
                msg!("screens.bad-name", name = &s.name),
                msg!("screens.bad-name.hint"),
            ));
        }
        if names.contains(&s.name) {
            diags.push(err(
                &at("name"),
                msg!("screens.twice", name = &s.name),
                msg!("screens.twice.hint"),
            ));
        }
        names.push(s.name.clone());
        if s.languages.is_empty() {
            diags.push(err(
                &at("languages"),
                msg!("screens.no-languages", name = &s.name),
                msg!("screens.no-languages.hint"),
            ));
        }
        for l in &s.languages {
            if !codes.contains(&l.as_str()) {
                let hint = match closest(l.as_str(), codes.iter().copied()) {
                    Some(c) => msg!("screens.did-you-mean", value = c),
                    None => msg!("screens.unknown-language.hint", codes = codes.join(", ")),
                };
                diags.push(err(
                    &at("languages"),
                    msg!(
                        "screens.unknown-language",
                        name = &s.name,
                        code = l.as_str()
                    ),
                    hint,
                ));
            }
        }
        let size = parse_size(&s.size);
        if size.is_none() {
            diags.push(err(
                &at("size"),
                msg!("screens.bad-size", value = &s.size),
                msg!("screens.bad-size.hint"),
            ));
        }
        if !(2..=3600).contains(&s.seconds) {
            diags.push(err(
                &at("seconds"),
                msg!("screens.bad-seconds", value = s.seconds.to_string()),
                msg!("screens.bad-seconds.hint"),
            ));
        }
        if !(1..=1440).contains(&s.refresh_minutes) {
            diags.push(err(
                &at("refresh_minutes"),
                msg!("screens.bad-refresh", value = s.refresh_minutes.to_string()),
                msg!("screens.bad-refresh.hint"),
            ));
        }
        if s.show.is_empty() {
            diags.push(err(
                &at("show"),
                msg!("screens.shows-nothing", name = &s.name),
                msg!("screens.shows-nothing.hint"),
            ));
        }
        let mut show = Vec::new();
        for entry in s.show {
            match read_show(entry) {
                Ok(e) => show.push(e),
                Err((key, msg, hint)) => diags.push(err(&["screens", "show", key], msg, hint)),
            }
        }
        if let Some((width, height)) = size {
            screens.push(Screen {
                name: s.name,
                languages: s.languages,
                width,
                height,
                seconds: s.seconds,
                refresh_minutes: s.refresh_minutes,
                ticker: s.ticker,
                show,
            });
        }
    }
    (screens, diags)
}

/// What is wrong with a `show:` entry: its key, the message, the hint.
type ShowError = (&'static str, Message, Message);

fn read_show(raw: RawShow) -> Result<Show, ShowError> {
    let mut selectors = Vec::new();
    if let Some(s) = raw.section {
        selectors.push(Selector::Section(s));
    }
    if let Some(t) = raw.tag {
        selectors.push(Selector::Tag(t));
    }
    if let Some(a) = raw.article {
        selectors.push(Selector::Article(a.trim_start_matches('/').to_owned()));
    }
    if let Some(e) = raw.events {
        if e != "upcoming" {
            return Err((
                "events",
                msg!("screens.unknown-events", value = &e),
                msg!("screens.unknown-events.hint"),
            ));
        }
        selectors.push(Selector::Events);
    }
    if let Some(p) = raw.projects {
        if p != "open" {
            return Err((
                "projects",
                msg!("screens.unknown-projects", value = &p),
                msg!("screens.unknown-projects.hint"),
            ));
        }
        selectors.push(Selector::Projects);
    }
    if selectors.len() != 1 {
        return Err((
            "show",
            msg!("screens.show-picks", count = selectors.len()),
            msg!("screens.show-picks.hint"),
        ));
    }
    let mut window = Window::default();
    for (key, value, slot) in [
        ("from", raw.from, &mut window.from),
        ("to", raw.to, &mut window.to),
    ] {
        if let Some(v) = value {
            if !is_day(&v) {
                return Err((
                    key,
                    msg!("screens.bad-day", key = key, value = &v),
                    msg!("screens.bad-day.hint"),
                ));
            }
            *slot = Some(v);
        }
    }
    if let (Some(from), Some(to)) = (&window.from, &window.to) {
        if to < from {
            return Err((
                "to",
                msg!("screens.window-ends-before-start", from = from, to = to),
                msg!("screens.window-ends-before-start.hint"),
            ));
        }
    }
    for d in &raw.weekdays {
        let lower = d.to_ascii_lowercase();
        let Some(i) = WEEKDAYS.iter().position(|w| lower.starts_with(w)) else {
            return Err((
                "weekdays",
                msg!("screens.bad-weekday", value = d),
                msg!("screens.bad-weekday.hint"),
            ));
        };
        window.weekdays.push(i as u8);
    }
    if let Some(h) = raw.hours {
        window.hours = Some(parse_hours(&h).ok_or_else(|| {
            (
                "hours",
                msg!("screens.bad-hours", value = &h),
                msg!("screens.bad-hours.hint"),
            )
        })?);
    }
    Ok(Show {
        selector: selectors.remove(0),
        limit: raw.limit.unwrap_or(5).max(1),
        window,
    })
}

/// `1920x1080` (also `×` or `X`) → (1920, 1080).
fn parse_size(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once(['x', 'X', '×'])?;
    let w: u32 = w.trim().parse().ok()?;
    let h: u32 = h.trim().parse().ok()?;
    let ok = |v: u32| (64..=8192).contains(&v);
    (ok(w) && ok(h)).then_some((w, h))
}

fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

/// `07:00-19:30` → [420, 1170]; the end may be `24:00`.
fn parse_hours(s: &str) -> Option<[u16; 2]> {
    let (a, b) = s.split_once('-')?;
    let minutes = |t: &str| -> Option<u16> {
        let (h, m) = t.trim().split_once(':')?;
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h <= 24 && m < 60 && h * 60 + m <= 1440).then_some(h * 60 + m)
    };
    let (a, b) = (minutes(a)?, minutes(b)?);
    (a < b).then_some([a, b])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screens(yaml: &str) -> (Vec<Screen>, Vec<Diagnostic>) {
        let raw: Vec<RawScreen> = serde_yaml::from_str(yaml).expect("yaml");
        validate(raw, &["vi", "en", "km"], yaml)
    }

    #[test]
    fn a_screen_with_windows_is_read() {
        let (s, d) = screens(
            "- name: hoa-lu\n  languages: [vi, en, km]\n  size: 1920x1080\n  show:\n    - section: news\n      from: 2026-04-01\n      to: 2026-04-30\n      weekdays: [sat, sun]\n      hours: \"08:00-20:00\"\n    - projects: open\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!((s[0].width, s[0].height, s[0].seconds), (1920, 1080, 10));
        let w = &s[0].show[0].window;
        assert_eq!(w.weekdays, [6, 0]);
        assert_eq!(w.hours, Some([480, 1200]));
        assert_eq!(s[0].show[1].selector, Selector::Projects);
    }

    #[test]
    fn mistakes_are_named_with_their_fix() {
        let (_, d) = screens(
            "- name: Hoa Lu\n  languages: [vi, lo]\n  size: 1920\n  show:\n    - section: news\n      tag: x\n    - section: news\n      to: 2026-13-01\n",
        );
        let text: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(d.len(), 5, "{text:?}");
        assert!(text[0].contains("not a folder name"));
        assert!(text[1].contains("`lo`"));
        assert!(text[2].contains("not a screen size"));
        assert!(text[3].contains("must pick one thing"));
        assert!(text[4].contains("not a date"));
    }

    #[test]
    fn hours_and_sizes() {
        assert_eq!(parse_hours("00:00-24:00"), Some([0, 1440]));
        assert_eq!(parse_hours("19:00-07:00"), None);
        assert_eq!(parse_size("1080×1920"), Some((1080, 1920)));
        assert_eq!(parse_size("10x10"), None);
    }
}
