//! The report as text: a table for the terminal, CSV and JSON for scripts,
//! one printable A4 HTML page. In: a [`Report`], its sheets and the words;
//! out: a string. Numbers and dates in the table and the page are written
//! per ICU in the report's language; CSV keeps digits and `YYYY-MM-DD`.

use super::sheets::{Cell, Sheet};
use super::words::Words;
use super::Report;
use crate::formats::Formats;
use crate::html::escape;
use fluent_bundle::FluentArgs;
use std::fmt::Write as _;

fn shown(cell: &Cell, f: &Formats) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => f.number(*n as f64, Some(0)),
        Cell::Date(d) => f.date(d.year, d.month, d.day, "medium"),
    }
}

fn title(report: &Report, w: &Words, f: &Formats) -> (String, String) {
    let period = format!(
        "{}: {} – {}",
        w.get("report-period"),
        shown(&Cell::Date(report.period.from), f),
        shown(&Cell::Date(report.period.to), f)
    );
    let unit = format!(
        "{}: {}",
        w.get("report-unit"),
        report
            .unit
            .clone()
            .unwrap_or_else(|| w.get("report-all-units"))
    );
    (w.get("report-title"), format!("{period} · {unit}"))
}

/// Aligned columns, one block per sheet.
pub(crate) fn table(report: &Report, sheets: &[Sheet], w: &Words) -> String {
    let f = Formats::new(w.lang());
    let (head, sub) = title(report, w, &f);
    let mut out = format!("{head}\n{sub}\n");
    for sheet in sheets {
        let rows: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|r| r.iter().map(|c| shown(c, &f)).collect())
            .collect();
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
        for r in &rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
        let _ = write!(out, "\n{}\n", sheet.name);
        let line = |cells: &[String], numeric: &dyn Fn(usize) -> bool| {
            let parts: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let pad = " ".repeat(widths[i].saturating_sub(c.chars().count()));
                    if numeric(i) {
                        format!("{pad}{c}")
                    } else {
                        format!("{c}{pad}")
                    }
                })
                .collect();
            parts.join("  ").trim_end().to_string() + "\n"
        };
        let is_number = |i: usize| {
            sheet
                .rows
                .first()
                .is_some_and(|r| matches!(r[i], Cell::Number(_)))
        };
        out += &line(&sheet.header, &|_| false);
        out += &line(
            &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
            &|_| false,
        );
        if rows.is_empty() {
            let _ = writeln!(out, "{}", w.get("none"));
        }
        for r in &rows {
            out += &line(r, &is_number);
        }
    }
    out
}

/// Every sheet as a CSV block (its header row, then its rows), blocks
/// separated by an empty line, in the order summary, by unit, plan, articles.
pub(crate) fn csv(sheets: &[Sheet]) -> String {
    let mut out = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(&sheet.header);
        for r in &sheet.rows {
            let _ = w.write_record(r.iter().map(Cell::plain));
        }
        out += &String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    }
    out
}

/// The report as one JSON object.
pub(crate) fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}

/// One printable A4 page.
pub(crate) fn html(report: &Report, sheets: &[Sheet], w: &Words) -> String {
    let f = Formats::new(w.lang());
    let (head, sub) = title(report, w, &f);
    let mut args = FluentArgs::new();
    args.set("site", report.site.clone());
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n@page {{ size: A4; margin: 15mm; }}\nbody {{ font: 10pt/1.35 system-ui, sans-serif; color: #111; max-width: 180mm; margin: 0 auto; }}\nh1 {{ font-size: 15pt; margin: 0 0 2mm; }}\nh2 {{ font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }}\ntable {{ border-collapse: collapse; width: 100%; font-size: 8.5pt; }}\nth, td {{ border: 0.3mm solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }}\nth {{ background: #eee; }}\ntd.n {{ text-align: right; font-variant-numeric: tabular-nums; }}\ntr {{ break-inside: avoid; }}\n.url {{ word-break: break-all; }}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n<p>{}</p>\n",
        escape(w.lang()),
        escape(&head),
        escape(&head),
        escape(&sub),
        escape(&w.with("report-generated", Some(&args)))
    );
    for sheet in sheets {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<table>\n<thead><tr>",
            escape(&sheet.name)
        );
        for h in &sheet.header {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out += "</tr></thead>\n<tbody>\n";
        if sheet.rows.is_empty() {
            let _ = writeln!(
                out,
                "<tr><td colspan=\"{}\">{}</td></tr>",
                sheet.header.len(),
                escape(&w.get("none"))
            );
        }
        for r in &sheet.rows {
            out += "<tr>";
            for c in r {
                let class = match c {
                    Cell::Number(_) => " class=\"n\"",
                    Cell::Text(t) if t.starts_with("http") => " class=\"url\"",
                    _ => "",
                };
                let _ = write!(out, "<td{class}>{}</td>", escape(&shown(c, &f)));
            }
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    out += "</body>\n</html>\n";
    out
}
