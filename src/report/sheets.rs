//! The report as sheets of typed cells: what the table, CSV, HTML and xlsx
//! formats all show, so that they cannot disagree. In: a [`Report`] and
//! the words; out: four [`Sheet`]s (summary, by unit, plan, articles).

use super::words::Words;
use super::{Report, Status};
use crate::plan::period::Day;

/// One cell: numbers stay numbers and dates stay dates, for the workbook.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text.
    Text(String),
    /// A count.
    Number(u64),
    /// A day.
    Date(Day),
}

impl Cell {
    /// The cell as CSV writes it (dates `YYYY-MM-DD`, numbers in digits).
    pub(crate) fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// A titled table.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    /// The sheet's name in the report's language.
    pub(crate) name: String,
    /// Column headings.
    pub(crate) header: Vec<String>,
    /// Rows, as long as the header.
    pub(crate) rows: Vec<Vec<Cell>>,
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

impl Report {
    /// Summary, by unit, plan, articles.
    pub(crate) fn sheets(&self, w: &Words) -> Vec<Sheet> {
        let h = |ids: &[&str]| ids.iter().map(|id| w.get(id)).collect::<Vec<_>>();
        let sum = |f: &dyn Fn(&super::UnitRow) -> u64| self.by_unit.iter().map(f).sum::<u64>();
        let tasks_with = |s: Status| {
            let mut ids: Vec<&str> = self
                .tasks
                .iter()
                .filter(|r| r.status == s)
                .map(|r| r.task.as_str())
                .collect();
            ids.dedup();
            ids.len() as u64
        };
        let untranslated = self
            .articles
            .iter()
            .filter(|a| !a.missing.is_empty())
            .count() as u64;
        let summary = Sheet {
            name: w.get("sheet-summary"),
            header: h(&["col-item", "col-value"]),
            rows: vec![
                vec![
                    t(w.get("report-unit")),
                    t(self
                        .unit
                        .clone()
                        .unwrap_or_else(|| w.get("report-all-units"))),
                ],
                vec![t(w.get("col-from")), Cell::Date(self.period.from)],
                vec![t(w.get("col-to")), Cell::Date(self.period.to)],
                vec![t(w.get("sum-articles")), Cell::Number(sum(&|r| r.articles))],
                vec![
                    t(w.get("sum-translations")),
                    Cell::Number(sum(&|r| r.translations)),
                ],
                vec![t(w.get("sum-projects")), Cell::Number(sum(&|r| r.projects))],
                vec![t(w.get("sum-places")), Cell::Number(sum(&|r| r.places))],
                vec![t(w.get("sum-events")), Cell::Number(sum(&|r| r.events))],
                vec![
                    t(w.get("sum-tasks-done")),
                    Cell::Number(tasks_with(Status::Done)),
                ],
                vec![
                    t(w.get("sum-tasks-behind")),
                    Cell::Number(tasks_with(Status::Behind)),
                ],
                vec![
                    t(w.get("sum-tasks-not-started")),
                    Cell::Number(tasks_with(Status::NotStarted)),
                ],
                vec![t(w.get("sum-untranslated")), Cell::Number(untranslated)],
            ],
        };
        let by_unit = Sheet {
            name: w.get("sheet-by-unit"),
            header: h(&[
                "col-unit",
                "col-section",
                "col-lang",
                "col-articles",
                "col-translations",
                "col-projects",
                "col-places",
                "col-events",
            ]),
            rows: self
                .by_unit
                .iter()
                .map(|r| {
                    vec![
                        t(&r.unit_name),
                        t(&r.section_name),
                        t(&r.lang),
                        Cell::Number(r.articles),
                        Cell::Number(r.translations),
                        Cell::Number(r.projects),
                        Cell::Number(r.places),
                        Cell::Number(r.events),
                    ]
                })
                .collect(),
        };
        let plan = Sheet {
            name: w.get("sheet-plan"),
            header: h(&[
                "col-task",
                "col-task-title",
                "col-lead",
                "col-partners",
                "col-from",
                "col-to",
                "col-target",
                "col-target-lang",
                "col-target-count",
                "col-done",
                "col-status",
            ]),
            rows: self
                .tasks
                .iter()
                .map(|r| {
                    let target = if r.target.is_empty() {
                        String::new()
                    } else {
                        w.get(&format!("target-{}", r.target))
                    };
                    vec![
                        t(&r.task),
                        t(&r.title),
                        t(&r.lead),
                        t(r.partners.join("; ")),
                        Cell::Date(r.from),
                        Cell::Date(r.to),
                        t(target),
                        t(&r.target_lang),
                        Cell::Number(r.target_count),
                        Cell::Number(r.done),
                        t(w.get(r.status.message())),
                    ]
                })
                .collect(),
        };
        let articles = Sheet {
            name: w.get("sheet-articles"),
            header: h(&[
                "col-title",
                "col-date",
                "col-unit",
                "col-section",
                "col-languages",
                "col-missing",
                "col-plan",
                "col-url",
            ]),
            rows: self
                .articles
                .iter()
                .map(|a| {
                    vec![
                        t(&a.title),
                        Cell::Date(a.date),
                        t(&a.unit),
                        t(&a.section),
                        t(a.languages.join(", ")),
                        t(a.missing.join(", ")),
                        t(a.plan.join(", ")),
                        t(&a.url),
                    ]
                })
                .collect(),
        };
        vec![summary, by_unit, plan, articles]
    }
}
