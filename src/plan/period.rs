//! Periods of a plan and of a report: `2026`, `2026-H1`, `2026-Q3`, or two
//! dates. In: the text as written; out: a [`Period`] of whole days, first
//! and last included, that dates are tested against.

use crate::content::front_matter::{Date, TimeZone};
use serde::Serialize;
use std::fmt;

/// A calendar day without a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day {
    /// Year.
    pub(crate) year: i32,
    /// Month, 1–12.
    pub(crate) month: u8,
    /// Day, 1–31.
    pub(crate) day: u8,
}

impl Day {
    /// The day of a front matter date (its time dropped).
    pub(crate) fn of(d: &Date) -> Day {
        Day {
            year: d.year,
            month: d.month,
            day: d.day,
        }
    }

    /// `YYYY-MM-DD`.
    pub(crate) fn parse(s: &str) -> Option<Day> {
        // A day has no time, so no zone to read it in.
        let d = Date::parse(s, &TimeZone::UTC)?;
        d.time.is_none().then(|| Day::of(&d))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whole days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Period {
    /// First day.
    pub(crate) from: Day,
    /// Last day.
    pub(crate) to: Day,
}

fn last_day(year: i32, month: u8) -> u8 {
    let mut d = Date {
        year,
        month,
        day: 28,
        time: None,
        day_offset: 0,
    };
    while d.next_day().month == month {
        d = d.next_day();
    }
    d.day
}

impl Period {
    /// `2026`, `2026-H1`/`H2`, `2026-Q1`…`Q4`, or `2026-03` (a month).
    /// `None` for anything else.
    pub(crate) fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let months = |first: u8, last: u8| Period {
            from: Day {
                year,
                month: first,
                day: 1,
            },
            to: Day {
                year,
                month: last,
                day: last_day(year, last),
            },
        };
        match rest.map(str::to_ascii_uppercase).as_deref() {
            None => Some(months(1, 12)),
            Some("H1") => Some(months(1, 6)),
            Some("H2") => Some(months(7, 12)),
            Some(q) if q.len() == 2 && q.starts_with('Q') => {
                let n: u8 = q[1..].parse().ok()?;
                (1..=4).contains(&n).then(|| months(3 * n - 2, 3 * n))
            }
            Some(m) if m.len() == 2 => {
                let n: u8 = m.parse().ok()?;
                (1..=12).contains(&n).then(|| months(n, n))
            }
            _ => None,
        }
    }

    /// Whether `day` falls in the period.
    pub(crate) fn contains(&self, day: Day) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether two periods share a day.
    pub(crate) fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// The days both periods share, if any.
    pub(crate) fn intersect(&self, other: &Period) -> Option<Period> {
        self.overlaps(other).then(|| Period {
            from: self.from.max(other.from),
            to: self.to.min(other.to),
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.from, self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (String, String) {
        let p = Period::parse(s).expect(s);
        (p.from.to_string(), p.to.to_string())
    }

    #[test]
    fn halves_quarters_years_and_months_are_whole_days() {
        assert_eq!(p("2026"), ("2026-01-01".into(), "2026-12-31".into()));
        assert_eq!(p("2026-H1"), ("2026-01-01".into(), "2026-06-30".into()));
        assert_eq!(p("2026-h2"), ("2026-07-01".into(), "2026-12-31".into()));
        assert_eq!(p("2026-Q3"), ("2026-07-01".into(), "2026-09-30".into()));
        assert_eq!(p("2028-02"), ("2028-02-01".into(), "2028-02-29".into()));
        for bad in ["26", "2026-Q5", "2026-H3", "2026-13", "next year", ""] {
            assert!(Period::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn periods_overlap_and_contain_days() {
        let h1 = Period::parse("2026-H1").expect("h1");
        let q2 = Period::parse("2026-Q2").expect("q2");
        let h2 = Period::parse("2026-H2").expect("h2");
        assert!(h1.overlaps(&q2) && !h1.overlaps(&h2));
        assert_eq!(h1.intersect(&q2), Some(q2));
        assert!(h1.contains(Day::parse("2026-06-30").expect("day")));
        assert!(!h1.contains(Day::parse("2026-07-01").expect("day")));
    }
}
