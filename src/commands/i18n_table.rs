//! `mekong i18n`'s table for people: one row per language, then each
//! language's lists. In: the [`LanguageStatus`] of each language and the
//! reader's [`Messages`]. Out: the text, with the headings and words in the
//! reader's language and the columns as wide as what they hold.

use super::i18n::LanguageStatus;
use crate::messages::Messages;
use crate::msg;
use std::fmt::Write as _;

/// The summary table and the lists of every language.
pub(super) fn table(report: &[LanguageStatus], default: &str, messages: &Messages) -> String {
    let number = |n: usize| messages.formats().number(n as f64, Some(0));
    let headings = [
        msg!("i18n.column.language"),
        msg!("i18n.column.translated"),
        msg!("i18n.column.missing"),
        msg!("i18n.column.stale"),
        msg!("i18n.column.missing-messages"),
        msg!("i18n.column.unused"),
    ]
    .map(|m| messages.text(&m));
    let rows: Vec<[String; 6]> = report
        .iter()
        .map(|st| {
            [
                st.lang.to_string(),
                format!("{}/{}", number(st.translated), number(st.articles)),
                number(st.missing.len()),
                number(st.stale.len()),
                number(st.missing_messages.len()),
                number(st.unused_messages.len()),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([headings[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        let mut out = format!("{:<w$}", cells[0], w = widths[0]);
        for (cell, w) in cells.iter().zip(&widths).skip(1) {
            let _ = write!(out, " {cell:>w$}");
        }
        out.trim_end().to_owned() + "\n"
    };
    let mut s = line(&headings);
    for row in &rows {
        s.push_str(&line(row));
    }
    for st in report {
        let lists = lists(st, default, messages);
        if lists.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}:", st.lang);
        let w = lists
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (kind, detail) in &lists {
            let _ = writeln!(s, "  {kind:<w$}  {detail}");
        }
        if !st.missing.is_empty() {
            let hint = msg!("i18n.new-hint", lang = st.lang.as_str());
            let _ = writeln!(s, "  ({})", messages.text(&hint));
        }
    }
    s
}

/// A language's lines: (kind, what), in the reader's language.
fn lists(st: &LanguageStatus, default: &str, messages: &Messages) -> Vec<(String, String)> {
    let say = |m| messages.text(&m);
    let mut lines = Vec::new();
    for (file, source) in st.missing_files.iter().zip(&st.missing_sources) {
        lines.push((
            say(msg!("i18n.kind.missing-article")),
            say(msg!("i18n.missing-article", file = file, source = source)),
        ));
    }
    for x in &st.stale {
        lines.push((
            say(msg!("i18n.kind.stale")),
            say(msg!(
                "i18n.stale",
                file = &x.file,
                source = &x.source_file,
                source_changed = &x.source_changed,
                changed = &x.translation_changed
            )),
        ));
    }
    for m in &st.missing_messages {
        let text = st
            .message_sources
            .get(m)
            .map(|t| crate::i18n::source::first_line(t))
            .unwrap_or_default();
        lines.push((
            say(msg!("i18n.kind.missing-message")),
            format!("{m:<24} {default}: {text}"),
        ));
    }
    for m in &st.unused_messages {
        lines.push((say(msg!("i18n.kind.unused-message")), m.clone()));
    }
    lines
}
