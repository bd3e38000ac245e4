//! Numbers and dates in the reader's language, with ICU4X's CLDR data:
//! `1.234.567` in Vietnamese, `1,234,567` in English, `12 tháng 5, 2026`.
//! Fluent's own NUMBER() knows no locale, so Fluent's number hook
//! ([`fluent_number`]) calls this too.
//!
//! A leaf: in, a language code and plain numbers (a date is its year, month
//! and day); out, text. The sites' messages (`i18n`), the templates' `date`
//! filter, the report and mekong's own messages all format through it.

use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::FluentValue;
use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::fieldsets::YMD;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;

/// Formatters of one language, built once per build.
pub struct Formats {
    numbers: DecimalFormatter,
    short: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    medium: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    long: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
}

impl std::fmt::Debug for Formats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Formats")
    }
}

impl Formats {
    /// Formatters for a language code; unknown codes fall back to CLDR's root.
    pub fn new(lang: &str) -> Formats {
        let locale: Locale = lang.parse().unwrap_or(Locale::UNKNOWN);
        let date = |fs: YMD| {
            FixedCalendarDateTimeFormatter::try_new((&locale).into(), fs)
                .or_else(|_| FixedCalendarDateTimeFormatter::try_new(Default::default(), fs))
                .expect("compiled CLDR data has root date patterns")
        };
        Formats {
            numbers: DecimalFormatter::try_new((&locale).into(), Default::default())
                .or_else(|_| DecimalFormatter::try_new(Default::default(), Default::default()))
                .expect("compiled CLDR data has root number symbols"),
            short: date(YMD::short()),
            medium: date(YMD::medium()),
            long: date(YMD::long()),
        }
    }

    /// A number with `decimals` digits after the separator (rounded), or as
    /// many as it has when `None` (at most 6).
    pub fn number(&self, value: f64, decimals: Option<usize>) -> String {
        let text = match decimals {
            Some(d) => format!("{value:.d$}"),
            None => {
                let t = format!("{value:.6}");
                let t = t.trim_end_matches('0').trim_end_matches('.');
                t.to_string()
            }
        };
        match Decimal::try_from_str(&text) {
            Ok(d) => self.numbers.format(&d).to_string(),
            Err(_) => text,
        }
    }

    /// The day `year`-`month`-`day` as `short`, `medium` or `long`, or a
    /// pattern with `%Y %m %d %e`; `YYYY-MM-DD` when it is no calendar day.
    pub fn date(&self, year: i32, month: u8, day: u8, style: &str) -> String {
        let date = Ymd { year, month, day };
        let formatter = match style {
            "short" => &self.short,
            "medium" => &self.medium,
            "long" => &self.long,
            pattern => return pattern_date(&date, pattern),
        };
        match IcuDate::try_new_gregorian(year, month, day) {
            Ok(d) => formatter.format(&d).to_string(),
            Err(_) => pattern_date(&date, "%Y-%m-%d"),
        }
    }
}

/// ICU-backed number formatting for Fluent's placeables (`{ $count }`):
/// Fluent's own formatting knows no grouping separators.
struct IcuNumbers(Formats);

impl intl_memoizer::Memoizable for IcuNumbers {
    type Args = ();
    type Error = ();
    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(IcuNumbers(Formats::new(&lang.to_string())))
    }
}

/// Fluent's number hook (`bundle.set_formatter`): numbers in the bundle's
/// language, with the digits after the separator a message asks for.
pub(crate) fn fluent_number(
    value: &FluentValue<'_>,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let decimals = n.options.minimum_fraction_digits;
            memoizer
                .with_try_get_threadsafe::<IcuNumbers, _, _>((), |f| f.0.number(n.value, decimals))
                .ok()
        }
        _ => None,
    }
}

struct Ymd {
    year: i32,
    month: u8,
    day: u8,
}

fn pattern_date(date: &Ymd, pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&format!("{:04}", date.year)),
            Some('m') => out.push_str(&format!("{:02}", date.month)),
            Some('d') => out.push_str(&format!("{:02}", date.day)),
            Some('e') => out.push_str(&date.day.to_string()),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(Formats::new("vi").number(1234567.0, None), "1.234.567");
        assert_eq!(Formats::new("en").number(1234567.0, None), "1,234,567");
        assert_eq!(Formats::new("en").number(2.5, Some(2)), "2.50");
    }

    #[test]
    fn dates_follow_the_language() {
        let en = Formats::new("en").date(2026, 5, 12, "long");
        assert!(en.contains("May") && en.contains("2026"), "{en}");
        let vi = Formats::new("vi").date(2026, 5, 12, "long");
        assert!(vi.contains("2026") && !vi.contains("May"), "{vi}");
        assert_eq!(
            Formats::new("en").date(2026, 5, 12, "%Y/%m/%d"),
            "2026/05/12"
        );
        assert_eq!(Formats::new("en").date(2026, 2, 30, "long"), "2026-02-30");
        for lang in ["lo", "km"] {
            let s = Formats::new(lang).date(2026, 5, 12, "long");
            assert!(s.contains("2026"), "{lang}: {s}");
        }
    }
}
