//! Dates as front matter writes them: `2026-12-01`, `2026-12-01 09:30` or
//! `2026-12-01T09:30:00+07:00` in, a validated [`Date`] out, with the
//! renderings feeds (RFC 3339), calendars (ICS) and pages (`YYYY-MM-DD`) need.
//! A time written without a zone is in the site's [`TimeZone`]
//! (`timezone:` in `site.yaml`, `+07:00` unless set): an editor in Bình
//! Phước who writes `09:30` means 09:30 there, not in London.
//!
//! Dates compare as instants: `2026-01-01T08:00:00+07:00` is before
//! `2026-01-01T02:00:00Z`, though it reads later.

use crate::config::TimeZone;
use serde::Serialize;
use std::cmp::Ordering;
use std::fmt;

/// A calendar date with an optional time, as written in front matter
/// (`2026-12-01`, `2026-12-01T09:30:00+07:00`). Kept as written, with the
/// offset made explicit; ordered by the instant it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, minute, second and UTC offset in minutes, when a time was given.
    pub time: Option<(u8, u8, u8, i16)>,
    /// For a day without a time: the site's UTC offset in minutes at the
    /// day's first moment, where the day starts among instants (0 when no
    /// zone applies). Shown nowhere.
    pub day_offset: i16,
}

impl Ord for Date {
    /// The earlier instant first; the same instant written two ways (`08:00+07:00`,
    /// `01:00Z`) in a fixed order, so that sorting is deterministic.
    fn cmp(&self, other: &Date) -> Ordering {
        let key = |d: &Date| (d.year, d.month, d.day, d.time, d.day_offset);
        self.instant()
            .cmp(&other.instant())
            .then_with(|| key(self).cmp(&key(other)))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Date {
    /// Parses `YYYY-MM-DD` with an optional `THH:MM[:SS][Z|±HH:MM]` (or a
    /// space for the `T`); a time without `Z` or an offset is in `zone`.
    pub fn parse(s: &str, zone: &TimeZone) -> Option<Date> {
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
        let (time, day_offset) = match time {
            None => (None, zone.minutes_at(year, month, day, (0, 0, 0))?),
            Some(t) => {
                let (h, m, s, written) = parse_time(t)?;
                let offset = match written {
                    Some(offset) => offset,
                    None => zone.minutes_at(year, month, day, (h, m, s))?,
                };
                (Some((h, m, s, offset)), 0)
            }
        };
        Some(Date {
            year,
            month,
            day,
            time,
            day_offset,
        })
    }

    /// Seconds from 1970-01-01T00:00:00Z to the instant this date stands
    /// for: its time at its offset, or for a day alone the day's start in
    /// the site's zone.
    pub fn instant(&self) -> i64 {
        let (h, m, s, offset) = self.time.unwrap_or((0, 0, 0, self.day_offset));
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(h) * 3600
            + i64::from(m) * 60
            + i64::from(s)
            - i64::from(offset) * 60
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
            day_offset: self.day_offset,
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

/// `09:30[:00][Z|±HH:MM]` → hour, minute, second and the offset written
/// (`None` when none is: the site's zone then says which).
fn parse_time(t: &str) -> Option<(u8, u8, u8, Option<i16>)> {
    let (clock, offset) = if let Some(c) = t.strip_suffix('Z') {
        (c, Some(0))
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (c, o) = t.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (oh, om) = o[1..].split_once(':').unwrap_or((&o[1..], "0"));
        let minutes = oh.parse::<i16>().ok()? * 60 + om.parse::<i16>().ok()?;
        (c, Some(sign * minutes))
    } else {
        (t, None)
    };
    let mut it = clock.split(':');
    let h: u8 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let s: u8 = it
        .next()
        .map_or(Some(0), |s| s.split('.').next()?.parse().ok())?;
    (h < 24 && m < 60 && s < 61).then_some((h, m, s, offset))
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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

    fn rfc3339(s: &str, zone: &TimeZone) -> Option<String> {
        Date::parse(s, zone).map(|d| d.rfc3339())
    }

    fn named(zone: &str) -> TimeZone {
        TimeZone::parse(zone).unwrap_or_else(|_| panic!("{zone} is a zone"))
    }

    #[test]
    fn dates_compare_as_instants() {
        let d = |s| Date::parse(s, &TimeZone::default()).unwrap_or_else(|| panic!("{s}"));
        // 01:00 UTC and 02:00 UTC: the first reads later.
        assert!(d("2026-01-01T08:00:00+07:00") < d("2026-01-01T02:00:00Z"));
        assert!(d("2025-12-31T23:30:00-05:00") > d("2026-01-01T02:00:00Z"));
        // The same instant written two ways: ordered, not equal.
        let (a, b) = (d("2026-01-01T08:00:00+07:00"), d("2026-01-01T01:00:00Z"));
        assert_eq!(a.instant(), b.instant());
        assert_ne!(a.cmp(&b), Ordering::Equal);
        // A day alone starts at midnight in the site's zone (17:00 UTC the day before).
        assert!(d("2026-12-01") < d("2026-12-01 05:00"));
        assert!(d("2026-12-01") > d("2026-11-30T16:59:00Z"));
        assert_eq!(d("1970-01-01T00:00:00Z").instant(), 0);
        assert_eq!(d("2000-03-01T00:00:00Z").instant(), 951_868_800);
    }

    #[test]
    fn a_time_in_a_named_zone_has_the_offset_of_its_date() {
        let paris = named("Europe/Paris");
        assert_eq!(
            rfc3339("2026-01-15 09:30", &paris).as_deref(),
            Some("2026-01-15T09:30:00+01:00")
        );
        assert_eq!(
            rfc3339("2026-07-15 09:30", &paris).as_deref(),
            Some("2026-07-15T09:30:00+02:00")
        );
        assert_eq!(
            rfc3339("2026-12-01 09:30", &named("Asia/Ho_Chi_Minh")).as_deref(),
            Some("2026-12-01T09:30:00+07:00")
        );
    }

    #[test]
    fn dates_are_validated() {
        let zone = &TimeZone::default();
        assert!(Date::parse("2026-02-29", zone).is_none());
        assert!(Date::parse("2024-02-29", zone).is_some());
        assert_eq!(
            rfc3339("2026-12-01T09:30:00+07:00", &TimeZone::UTC).as_deref(),
            Some("2026-12-01T09:30:00+07:00")
        );
    }

    #[test]
    fn a_time_without_a_zone_is_in_the_sites_zone() {
        let vn = &TimeZone::default();
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
            rfc3339("2026-12-01 09:30", &TimeZone::UTC).as_deref(),
            Some("2026-12-01T09:30:00Z")
        );
        // A date alone is a calendar day, as before: midnight UTC in feeds.
        assert_eq!(
            rfc3339("2026-12-01", vn).as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
    }
}
