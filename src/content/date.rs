//! Dates as front matter writes them: `2026-12-01`, `2026-12-01 09:30` or
//! `2026-12-01T09:30:00+07:00` in, a validated [`Date`] out, with the
//! renderings feeds (RFC 3339), calendars (ICS) and pages (`YYYY-MM-DD`) need.
//! A time written without a zone is in the site's [`UtcOffset`]
//! (`timezone:` in `site.yaml`, `+07:00` unless set): an editor in Bình
//! Phước who writes `09:30` means 09:30 there, not in London.

use crate::config::UtcOffset;
use serde::Serialize;
use std::fmt;

/// A calendar date with an optional time, as written in front matter
/// (`2026-12-01`, `2026-12-01T09:30:00+07:00`). Kept as written, with the
/// offset made explicit: a portal's dates are local and never need
/// time-zone arithmetic.
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
    /// Parses `YYYY-MM-DD` with an optional `THH:MM[:SS][Z|±HH:MM]` (or a
    /// space for the `T`); a time without `Z` or an offset is in `zone`.
    pub fn parse(s: &str, zone: UtcOffset) -> Option<Date> {
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
            Some(t) => Some(parse_time(t, zone)?),
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

fn parse_time(t: &str, zone: UtcOffset) -> Option<(u8, u8, u8, i16)> {
    let (clock, offset) = if let Some(c) = t.strip_suffix('Z') {
        (c, 0)
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (c, o) = t.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (oh, om) = o[1..].split_once(':').unwrap_or((&o[1..], "0"));
        let minutes = oh.parse::<i16>().ok()? * 60 + om.parse::<i16>().ok()?;
        (c, sign * minutes)
    } else {
        (t, zone.minutes())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc3339(s: &str, zone: UtcOffset) -> Option<String> {
        Date::parse(s, zone).map(|d| d.rfc3339())
    }

    #[test]
    fn dates_are_validated() {
        let zone = UtcOffset::default();
        assert!(Date::parse("2026-02-29", zone).is_none());
        assert!(Date::parse("2024-02-29", zone).is_some());
        assert_eq!(
            rfc3339("2026-12-01T09:30:00+07:00", UtcOffset::UTC).as_deref(),
            Some("2026-12-01T09:30:00+07:00")
        );
    }

    #[test]
    fn a_time_without_a_zone_is_in_the_sites_zone() {
        let vn = UtcOffset::default();
        for written in [
            "2026-12-01 09:30",
            "2026-12-01T09:30:00",
            "2026-12-01T09:30",
        ] {
            assert_eq!(
                rfc3339(written, vn).as_deref(),
                Some("2026-12-01T09:30:00+07:00"),
                "{written}"
            );
        }
        // A zone written wins over the site's.
        assert_eq!(
            rfc3339("2026-12-01T09:30:00Z", vn).as_deref(),
            Some("2026-12-01T09:30:00Z")
        );
        assert_eq!(
            rfc3339("2026-12-01 09:30", UtcOffset::UTC).as_deref(),
            Some("2026-12-01T09:30:00Z")
        );
        // A date alone is a calendar day, as before: midnight UTC in feeds.
        assert_eq!(
            rfc3339("2026-12-01", vn).as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
    }
}
