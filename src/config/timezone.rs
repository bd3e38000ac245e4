//! `timezone:` in `site.yaml`: the zone of a front-matter time written
//! without one. In: the value as written (`+07:00`, `Asia/Ho_Chi_Minh`).
//! Out: a [`TimeZone`], which gives the offset from UTC valid at a date and
//! time (summer time included), or the closest zone name for a typo.
//!
//! Zone names and their rules come from the IANA tz database bundled in
//! the binary (jiff), never from the machine's /usr/share/zoneinfo: the
//! same site gives the same output on every machine.

use serde::Serialize;
use std::fmt;

/// The site's time zone: a fixed offset (`+07:00`) or an IANA zone
/// (`Asia/Ho_Chi_Minh`, `Europe/Paris`) whose offset depends on the date.
#[derive(Debug, Clone)]
pub enum TimeZone {
    /// The same offset all year.
    Offset(UtcOffset),
    /// A zone of the tz database.
    Named(jiff::tz::TimeZone),
}

impl Default for TimeZone {
    fn default() -> Self {
        TimeZone::Offset(UtcOffset::default())
    }
}

impl TimeZone {
    /// UTC itself.
    pub const UTC: TimeZone = TimeZone::Offset(UtcOffset::UTC);

    /// Parses an offset ([`UtcOffset::parse`]) or a zone name of the tz
    /// database, in any letter case. `Err` holds the closest zone name
    /// when the value looks like a misspelt one.
    pub fn parse(s: &str) -> Result<TimeZone, Option<String>> {
        if let Some(offset) = UtcOffset::parse(s) {
            return Ok(TimeZone::Offset(offset));
        }
        let name = s.trim();
        let db = jiff::tz::db();
        if let Ok(tz) = db.get(name) {
            // `Etc/Unknown` is the database's "no idea", not a zone.
            if tz.iana_name().is_some_and(|n| n != "Etc/Unknown") {
                return Ok(TimeZone::Named(tz));
            }
        }
        let wanted = name.to_lowercase().replace(' ', "_");
        let names: Vec<String> = db.available().map(|n| n.as_str().to_owned()).collect();
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        let found = crate::diagnostics::closest(&wanted, lower.iter().map(String::as_str));
        Err(found.and_then(|f| {
            let i = lower.iter().position(|l| l == f)?;
            Some(names[i].clone())
        }))
    }

    /// The offset from UTC, in minutes, of the local date and time given:
    /// in a zone with summer time, the one valid then (for a time the clocks
    /// skip, the offset before the change). `None` for a year the tz
    /// database cannot place (before -9999 or after 9999).
    pub fn minutes_at(&self, year: i32, month: u8, day: u8, clock: (u8, u8, u8)) -> Option<i16> {
        let tz = match self {
            TimeZone::Offset(o) => return Some(o.minutes()),
            TimeZone::Named(tz) => tz,
        };
        let (h, m, s) = clock;
        let narrow = |n: u8| i8::try_from(n).ok();
        let dt = jiff::civil::DateTime::new(
            i16::try_from(year).ok()?,
            narrow(month)?,
            narrow(day)?,
            narrow(h)?,
            narrow(m)?,
            narrow(s.min(59))?,
            0,
        )
        .ok()?;
        let instant = tz.to_ambiguous_timestamp(dt).compatible().ok()?;
        i16::try_from(tz.to_offset(instant).seconds() / 60).ok()
    }
}

impl Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeZone::Offset(o) => o.fmt(f),
            TimeZone::Named(tz) => f.write_str(tz.iana_name().unwrap_or("UTC")),
        }
    }
}

/// A fixed offset from UTC in minutes: the zone of a time written without
/// one (`timezone:` in `site.yaml`). Vietnam, Laos and Cambodia are all at
/// `+07:00` all year (no summer time), hence the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcOffset(i16);

impl Default for UtcOffset {
    fn default() -> Self {
        UtcOffset(7 * 60)
    }
}

impl UtcOffset {
    /// UTC itself.
    pub const UTC: UtcOffset = UtcOffset(0);

    /// Parses `+07:00`, `+0700`, `+07`, `-03:30`, `Z` or `UTC`; offsets
    /// beyond ±14:00 (none exists) are refused.
    pub fn parse(s: &str) -> Option<UtcOffset> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") {
            return Some(UtcOffset::UTC);
        }
        let sign = match s.chars().next()? {
            '+' => 1,
            '-' | '−' => -1,
            _ => return None,
        };
        let digits = s[s.chars().next()?.len_utf8()..].replace(':', "");
        if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
            return None;
        }
        let h: i16 = digits[..2].parse().ok()?;
        let m: i16 = match digits.get(2..) {
            Some("") | None => 0,
            Some(m) => m.parse().ok()?,
        };
        (m < 60 && h * 60 + m <= 14 * 60).then_some(UtcOffset(sign * (h * 60 + m)))
    }

    /// Minutes east of UTC.
    pub fn minutes(self) -> i16 {
        self.0
    }
}

impl Serialize for UtcOffset {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for UtcOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        write!(f, "{sign}{:02}:{:02}", self.0.abs() / 60, self.0.abs() % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_as_written() {
        let p = |s| UtcOffset::parse(s).map(|o| o.to_string());
        assert_eq!(p("+07:00").as_deref(), Some("+07:00"));
        assert_eq!(p("+0700").as_deref(), Some("+07:00"));
        assert_eq!(p(" +07 ").as_deref(), Some("+07:00"));
        assert_eq!(p("-03:30").as_deref(), Some("-03:30"));
        assert_eq!(p("UTC").as_deref(), Some("+00:00"));
        for bad in [
            "7",
            "+7",
            "Asia/Ho_Chi_Minh",
            "+15:00",
            "+07:60",
            "+07:0",
            "",
        ] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }
}

#[cfg(test)]
mod zone_tests {
    use super::*;

    fn at(zone: &str, year: i32, month: u8, day: u8, h: u8) -> Option<i16> {
        TimeZone::parse(zone)
            .ok()?
            .minutes_at(year, month, day, (h, 0, 0))
    }

    #[test]
    fn the_regions_zone_names_are_seven_hours_east_all_year() {
        for name in [
            "Asia/Ho_Chi_Minh",
            "Asia/Vientiane",
            "Asia/Phnom_Penh",
            "Asia/Bangkok",
            "asia/ho_chi_minh",
        ] {
            assert_eq!(at(name, 2026, 1, 15, 9), Some(420), "{name}");
            assert_eq!(at(name, 2026, 7, 15, 9), Some(420), "{name}");
        }
        assert_eq!(at("UTC", 2026, 7, 15, 9), Some(0));
        let zone = TimeZone::parse("Asia/Ho_Chi_Minh").map(|z| z.to_string());
        assert_eq!(zone.ok().as_deref(), Some("Asia/Ho_Chi_Minh"));
    }

    #[test]
    fn a_zone_with_summer_time_has_the_offset_of_each_date() {
        assert_eq!(at("Europe/Paris", 2026, 1, 15, 12), Some(60));
        assert_eq!(at("Europe/Paris", 2026, 7, 15, 12), Some(120));
        assert_eq!(at("Australia/Sydney", 2026, 1, 15, 12), Some(660));
        assert_eq!(at("Australia/Sydney", 2026, 7, 15, 12), Some(600));
        // Ho Chi Minh City was at +08:00 until 1975.
        assert_eq!(at("Asia/Ho_Chi_Minh", 1970, 1, 1, 12), Some(480));
    }

    #[test]
    fn an_unknown_zone_name_suggests_the_closest() {
        let suggestion = |s| TimeZone::parse(s).err().flatten();
        assert_eq!(
            suggestion("Asia/Ho_Chi_Min").as_deref(),
            Some("Asia/Ho_Chi_Minh")
        );
        assert_eq!(
            suggestion("Asia/Phnom Penh").as_deref(),
            Some("Asia/Phnom_Penh")
        );
        assert_eq!(
            suggestion("Asia/Vientian").as_deref(),
            Some("Asia/Vientiane")
        );
        assert!(TimeZone::parse("Etc/Unknown").is_err());
        assert!(TimeZone::parse("+15:00").is_err());
    }
}
