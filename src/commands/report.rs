//! `mekong report`: a department's report against the plan. Checks the site
//! like `check` (a report of a broken site would be wrong), then computes
//! the report for the period and unit asked and prints it, or writes it to
//! `-o FILE`.

use super::{one, Outcome};
use crate::diagnostics::{closest, Diagnostic};
use crate::messages::Message;
use crate::msg;
use crate::pipeline::{Options, Session};
use crate::plan::period::{Day, Period};
use crate::report::{self, text, words::Words, Query};
use std::path::PathBuf;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for the terminal.
    Table,
    /// One CSV block per sheet.
    Csv,
    /// An Excel workbook (needs `-o FILE`).
    Xlsx,
    /// One printable A4 page.
    Html,
    /// One JSON object.
    Json,
}

/// What `mekong report` was asked.
pub struct ReportArgs {
    /// Site options.
    pub pipeline: Options,
    /// `--period` (checked by [`period_problem`]).
    pub period: Option<String>,
    /// `--from` and `--to` (days).
    pub from_to: Option<(String, String)>,
    /// `--unit`.
    pub unit: Option<String>,
    /// `--format`.
    pub format: Format,
    /// `-o FILE`.
    pub output: Option<PathBuf>,
    /// The language of the report's words (see [`words_language`]).
    pub lang: String,
}

/// Why a `--period` value is wrong, for the command line to refuse it.
pub fn period_problem(value: &str) -> Option<Message> {
    Period::parse(value).is_none().then(|| {
        msg!(
            "report.not-a-period",
            value = value,
            forms = msg!("report.period-forms")
        )
    })
}

/// Why a `--from`/`--to` value is wrong.
pub fn day_problem(value: &str) -> Option<Message> {
    Day::parse(value)
        .is_none()
        .then(|| msg!("report.not-a-day", value = value))
}

/// The report's language, chosen as the messages' is: the `--messages`
/// option, else `MEKONG_LANG`, else `LC_ALL`/`LC_MESSAGES`/`LANG`; else
/// (and for a language the report has no words in) Vietnamese.
pub fn words_language(option: Option<&str>) -> String {
    words_language_in(option, |k| std::env::var(k).ok())
}

fn words_language_in(option: Option<&str>, env: impl Fn(&str) -> Option<String>) -> String {
    let option = option.filter(|o| !o.trim().is_empty());
    report::words::language_from_env(|k| match (k, option) {
        // The option is the strongest choice, as MEKONG_LANG is among the variables.
        ("MEKONG_LANG", Some(o)) => Some(o.to_owned()),
        _ => env(k),
    })
}

/// The half-year holding today: the period a department reports on.
fn this_half_year() -> Period {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let half = if month <= 6 { "H1" } else { "H2" };
    Period::parse(&format!("{year:04}-{half}")).unwrap_or(Period {
        from: Day {
            year: 1970,
            month: 1,
            day: 1,
        },
        to: Day {
            year: 1970,
            month: 12,
            day: 31,
        },
    })
}

/// Runs the command.
pub fn run(args: &ReportArgs) -> Outcome {
    match make(args) {
        Ok(outcome) => outcome,
        Err(d) => Outcome::failed(d),
    }
}

fn make(args: &ReportArgs) -> Result<Outcome, crate::diagnostics::Diagnostics> {
    let period = match (&args.period, &args.from_to) {
        (Some(p), _) => Period::parse(p),
        (None, Some((from, to))) => match (Day::parse(from), Day::parse(to)) {
            (Some(from), Some(to)) if from <= to => Some(Period { from, to }),
            (Some(_), Some(_)) => {
                return Err(one(Diagnostic::error(
                    None,
                    msg!("report.from-after-to", from = from, to = to),
                )
                .hint(msg!("report.from-after-to.hint", from = from, to = to))))
            }
            _ => None,
        },
        (None, None) => Some(this_half_year()),
    };
    let Some(period) = period else {
        return Err(one(Diagnostic::error(None, msg!("report.bad-period"))
            .hint(msg!(
                "report.bad-period.hint",
                forms = msg!("report.period-forms")
            ))));
    };
    if args.format == Format::Xlsx && args.output.is_none() {
        return Err(one(Diagnostic::error(
            None,
            msg!("report.xlsx-to-terminal"),
        )
        .hint(msg!("report.xlsx-to-terminal.hint"))));
    }
    let mut session = Session::load_once(&args.pipeline)?;
    let built = session.build(&crate::output::Discard, false)?;
    let Some(site) = session.site() else {
        return Err(built.diagnostics);
    };
    let config = &site.config;
    if let Some(unit) = &args.unit {
        if !config.units.is_empty() && config.units.get(unit).is_none() {
            let hint = match closest(unit, config.units.iter().map(|u| u.id.as_str())) {
                Some(c) => msg!("report.unknown-unit.did-you-mean", unit = c),
                None => msg!(
                    "report.unknown-unit.hint",
                    units = config
                        .units
                        .iter()
                        .map(|u| u.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(one(Diagnostic::error(
                None,
                msg!("report.unknown-unit", unit = unit),
            )
            .hint(hint)));
        }
    }
    let (plan, _) = crate::plan::load(config);
    let words = Words::new(&args.lang);
    let query = Query {
        period,
        unit: args.unit.as_deref(),
        words: &words,
    };
    let report = report::compute(site, &plan, session.locales(), &query);
    let sheets = report.sheets(&words);
    let bytes = match args.format {
        Format::Table => text::table(&report, &sheets, &words).into_bytes(),
        Format::Csv => text::csv(&sheets).into_bytes(),
        Format::Json => text::json(&report).into_bytes(),
        Format::Html => text::html(&report, &sheets, &words).into_bytes(),
        Format::Xlsx => report::xlsx::workbook(&sheets).map_err(|e| {
            one(Diagnostic::error(
                None,
                msg!("report.cannot-make-workbook", error = e.to_string()),
            ))
        })?,
    };
    let mut outcome = Outcome {
        diagnostics: built.diagnostics,
        ..Outcome::default()
    };
    match &args.output {
        Some(file) => {
            std::fs::write(file, &bytes).map_err(|e| {
                one(Diagnostic::error(
                    file.clone(),
                    msg!("report.cannot-write", error = e.to_string()),
                )
                .hint(msg!("report.cannot-write.hint")))
            })?;
            outcome.summary = Some(msg!(
                "summary.report-written",
                file = file.as_path(),
                period = period.to_string()
            ));
        }
        None => outcome.output = String::from_utf8(bytes).unwrap_or_default(),
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::words_language_in;

    #[test]
    fn the_messages_option_chooses_the_reports_words_over_the_environment() {
        let env = |k: &str| (k == "MEKONG_LANG").then(|| "en".to_owned());
        assert_eq!(words_language_in(Some("vi"), env), "vi");
        assert_eq!(words_language_in(None, env), "en");
        assert_eq!(words_language_in(Some("en"), |_| None), "en");
        assert_eq!(words_language_in(Some(" "), env), "en");
        assert_eq!(words_language_in(None, |_| None), "vi");
    }
}
