//! Diagnostics: the one type every stage uses to report a problem.
//!
//! A stage never prints and never stops at the first problem: it returns its
//! data together with a [`Diagnostics`] list. The command decides, after the
//! stage, whether an error means stopping. Only `main` renders them, in one
//! of three formats: human (with the offending line and a caret), plain
//! `file:line:col: error: ...` lines for CI logs and problem matchers, and JSON.

use crate::messages::{Message, Messages};
use crate::msg;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How bad a problem is. Errors fail the build; warnings are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the build (exit code 1).
    Error,
    /// Reported, the build goes on.
    Warning,
}

/// One problem, located as precisely as we can, with a fix in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, relative to the site root when it is inside it.
    pub file: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub col: Option<usize>,
    /// Error or warning.
    pub severity: Severity,
    /// The stable English code of the message (`front-matter.bad-date`),
    /// the same in every language: what scripts match on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// What is wrong, in plain words (English; [`Diagnostic::localized`]
    /// gives it in another language).
    pub message: String,
    /// How to fix it (English, as `message`).
    pub hint: Option<String>,
    /// The message and its arguments, to say it in another language.
    #[serde(skip)]
    text: Option<Message>,
    /// The hint and its arguments.
    #[serde(skip)]
    hint_text: Option<Message>,
    /// The offending source line, shown with a caret on a terminal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
    /// How many files had this same warning (grouping); 1 when alone.
    #[serde(skip_serializing_if = "is_one")]
    pub count: usize,
    /// The other files with this same warning, in path order (grouping).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<PathBuf>,
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

impl Diagnostic {
    /// An error about `file`: `Diagnostic::error(file, msg!("group.name", arg = value))`.
    pub fn error(file: impl Into<Option<PathBuf>>, message: Message) -> Self {
        Self::new(Severity::Error, file.into(), message)
    }

    /// A warning about `file`.
    pub fn warning(file: impl Into<Option<PathBuf>>, message: Message) -> Self {
        Self::new(Severity::Warning, file.into(), message)
    }

    fn new(severity: Severity, file: Option<PathBuf>, message: Message) -> Self {
        Diagnostic {
            file,
            line: None,
            col: None,
            severity,
            code: Some(message.id),
            message: message.english(),
            hint: None,
            text: Some(message),
            hint_text: None,
            source_line: None,
            count: 1,
            also_in: Vec::new(),
        }
    }

    /// The same diagnostic with its message and hint in `messages`' language.
    pub fn localized(&self, messages: &Messages) -> Diagnostic {
        let mut d = self.clone();
        if let Some(m) = &self.text {
            d.message = messages.text(m);
        }
        if let Some(h) = &self.hint_text {
            d.hint = Some(messages.text(h));
        }
        d
    }

    /// Names the file when the producer did not know it.
    pub fn located_in(mut self, file: PathBuf) -> Self {
        self.file.get_or_insert(file);
        self
    }

    /// Places the problem at a 1-based line and column.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// Places the problem at a line when it is known.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// Adds the fix: a `msg!`.
    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint.english());
        self.hint_text = Some(hint);
        self
    }

    /// Attaches the source line from the file text, for the caret display.
    pub fn with_source(mut self, text: &str) -> Self {
        if let Some(line) = self.line {
            self.source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        }
        self
    }

    /// Whether this fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn location(&self) -> String {
        let mut out = match &self.file {
            Some(f) => f.display().to_string(),
            None => "mekong".to_owned(),
        };
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
            if let Some(col) = self.col {
                let _ = write!(out, ":{col}");
            }
        }
        out
    }

    /// The other files of a grouped warning: named when there is one, so
    /// that no file is hidden behind a count; counted when there are more.
    fn elsewhere(&self, messages: &Messages) -> String {
        match (self.also_in.as_slice(), self.count - 1) {
            ([one], 1) => one.display().to_string(),
            (files, n) if files.len() == n => {
                messages.text(&msg!("diagnostic.more-files", count = n))
            }
            // The same warning more than once in a file: places, not files.
            (_, n) => messages.text(&msg!("diagnostic.more-places", count = n)),
        }
    }

    fn severity_word(&self, messages: &Messages) -> String {
        messages.text(&match self.severity {
            Severity::Error => msg!("diagnostic.error"),
            Severity::Warning => msg!("diagnostic.warning"),
        })
    }

    /// `file:line:col: error: message (hint: ...)`, one line, in English.
    pub fn to_plain(&self) -> String {
        self.to_plain_in(Messages::english())
    }

    /// `file:line:col: error: message (hint: ...)`, one line, in `messages`' language.
    pub fn to_plain_in(&self, messages: &Messages) -> String {
        let d = self.localized(messages);
        let mut out = format!(
            "{}: {}: {}",
            d.location(),
            d.severity_word(messages),
            d.message
        );
        if d.count > 1 {
            let elsewhere = d.elsewhere(messages);
            let _ = write!(
                out,
                " ({})",
                messages.text(&msg!("diagnostic.and-in", places = elsewhere))
            );
        }
        if let Some(hint) = &d.hint {
            let _ = write!(
                out,
                " ({})",
                messages.text(&msg!("diagnostic.hint", hint = hint))
            );
        }
        out
    }

    /// Several lines in English: location, message, the source line with a caret, the hint.
    pub fn to_human(&self, color: bool) -> String {
        self.to_human_in(color, Messages::english())
    }

    /// [`Diagnostic::to_human`] in `messages`' language.
    pub fn to_human_in(&self, color: bool, messages: &Messages) -> String {
        let localized = self.localized(messages);
        let this = &localized;
        let (red, yellow, bold, blue, reset) = if color {
            (
                "\x1b[31;1m",
                "\x1b[33;1m",
                "\x1b[1m",
                "\x1b[34;1m",
                "\x1b[0m",
            )
        } else {
            ("", "", "", "", "")
        };
        let sev_color = if self.is_error() { red } else { yellow };
        let mut out = format!(
            "{sev_color}{}{reset}{bold}: {}{reset}\n  {blue}-->{reset} {}\n",
            this.severity_word(messages),
            this.message,
            this.location()
        );
        if let (Some(src), Some(line)) = (&self.source_line, self.line) {
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            let _ = writeln!(out, "  {pad} {blue}|{reset}");
            let _ = writeln!(out, "  {blue}{gutter} |{reset} {src}");
            if let Some(col) = self.col {
                let before: String = src.chars().take(col.saturating_sub(1)).collect();
                let indent: String = before
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "  {pad} {blue}|{reset} {indent}{sev_color}^{reset}");
            }
        }
        if self.count > 1 {
            let same = messages.text(&msg!(
                "diagnostic.same-in",
                places = this.elsewhere(messages)
            ));
            let _ = writeln!(out, "  = {same}");
        }
        if let Some(hint) = &this.hint {
            let fix = messages.text(&msg!("diagnostic.fix"));
            let _ = writeln!(out, "  = {bold}{fix}{reset}: {hint}");
        }
        out
    }
}

/// The diagnostics of a run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds many.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings, counting grouped ones once per file.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| d.count)
            .sum()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The raw list.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Sorted by file and line, errors first within a place, with identical
    /// warnings across many files folded into one entry that carries a count.
    /// This is the order users read: the same every run.
    pub fn into_report(self) -> Vec<Diagnostic> {
        // The same warning over many files is shown once: the first file (in
        // path and line order) carries the count and the other files. Files are
        // gathered in a set and attached once, so a warning repeated over tens
        // of thousands of files stays linear.
        let mut grouped: BTreeMap<(String, Option<String>), (Diagnostic, BTreeSet<PathBuf>)> =
            BTreeMap::new();
        let mut out = Vec::new();
        for d in self.items {
            if d.is_error() {
                out.push(d);
                continue;
            }
            let key = (d.message.clone(), d.hint.clone());
            match grouped.get_mut(&key) {
                Some((first, files)) => {
                    first.count += 1;
                    if (&d.file, d.line) < (&first.file, first.line) {
                        let count = first.count;
                        let replaced = std::mem::replace(first, Diagnostic { count, ..d });
                        files.extend(replaced.file);
                    } else {
                        files.extend(d.file);
                    }
                }
                None => {
                    grouped.insert(key, (d, BTreeSet::new()));
                }
            }
        }
        out.extend(grouped.into_values().map(|(mut first, mut files)| {
            if let Some(file) = &first.file {
                files.remove(file);
            }
            first.also_in.extend(files);
            first
        }));
        out.sort_by(|a, b| {
            (&a.file, a.line, a.col, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.col, b.severity, &b.message))
        });
        out.dedup();
        out
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

/// A path as users see it: relative to the site root when inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.chars().count(), |i| before[i + 1..].chars().count())
        + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The closest of `candidates` to `word`, if it is close enough to be a
/// likely typo: the "did you mean" of every unknown-key message.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_warning_over_many_files_is_reported_once_with_a_count() {
        let mut d = Diagnostics::new();
        for i in 0..5 {
            d.push(Diagnostic::warning(
                PathBuf::from(format!("f{i}.md")),
                msg!("yaml.unknown-key", key = "x"),
            ));
        }
        d.push(Diagnostic::error(
            PathBuf::from("a.md"),
            msg!("source.not-utf8"),
        ));
        let report = d.into_report();
        assert_eq!(report.len(), 2);
        let w = report.iter().find(|d| !d.is_error()).expect("warning kept");
        assert_eq!(w.count, 5);
        assert_eq!(w.file.as_deref(), Some(Path::new("f0.md")));
        assert!(w.to_plain().contains("and in 4 more files"));
    }

    #[test]
    fn a_warning_in_one_more_file_names_that_file() {
        let mut d = Diagnostics::new();
        for name in ["b.md", "a.md"] {
            d.push(Diagnostic::warning(
                PathBuf::from(name),
                msg!("yaml.unknown-key", key = "x"),
            ));
        }
        let report = d.into_report();
        let w = &report[0];
        assert_eq!(w.file.as_deref(), Some(Path::new("a.md")));
        assert!(w.to_plain().contains("(and in b.md)"), "{}", w.to_plain());
        assert!(w.to_human(false).contains("the same in b.md"));
        assert!(!w.to_plain().contains("1 more"));
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nđồng x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.find('x').expect("x present");
        assert_eq!(line_col(text, x), (2, 6));
    }

    #[test]
    fn closest_suggests_a_likely_typo_only() {
        assert_eq!(closest("titel", ["title", "date"]), Some("title"));
        assert_eq!(closest("zzzzz", ["title", "date"]), None);
    }

    #[test]
    fn human_rendering_shows_the_line_and_a_caret() {
        let d = Diagnostic::error(PathBuf::from("a.md"), msg!("yaml.unknown-key", key = "two"))
            .at(2, 3)
            .with_source("one\ntwo: x\n")
            .hint(msg!("yaml.did-you-mean", key = "too"));
        let text = d.to_human(false);
        assert!(text.contains("a.md:2:3"));
        assert!(text.contains("two: x"));
        assert!(text.contains("    ^") || text.contains("  ^"));
        assert!(text.contains("fix: did you mean `too`?"), "{text}");
    }
}
