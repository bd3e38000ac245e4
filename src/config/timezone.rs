//! `timezone:` in `site.yaml`: the zone of a front-matter time written
//! without one. In: the value as written (`+07:00`). Out: [`UtcOffset`].

use serde::Serialize;
use std::fmt;

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
