//! The province's plan as data: `plan.yaml` at the site root, or
//! `plans/*.yaml`. In: the files and the validated [`Config`] (units and
//! languages). Out: a [`Plan`] of tasks (id, titles per language, lead and
//! partner units, period, targets) and a diagnostic for every mistake at its
//! file and line: unknown units, a task without a lead, an inverted period,
//! the same task in overlapping periods, a YAML error.
//!
//! Articles name the tasks they serve with `plan: [task-id, …]`; `mekong
//! report` counts them against the targets.

mod lines;
pub(crate) mod period;
mod read;

use crate::config::{Config, LangCode};
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use period::Period;
use serde::Serialize;
use std::path::PathBuf;

/// What a target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TargetKind {
    /// Articles (translation groups), or their versions in one language.
    Articles,
    /// Articles with an `event:` block.
    Events,
    /// Articles with a `project:` block.
    Projects,
    /// Articles with a `place:` block.
    Places,
}

impl TargetKind {
    /// The key that names it in `plan.yaml`.
    pub(crate) fn key(self) -> &'static str {
        match self {
            TargetKind::Articles => "articles",
            TargetKind::Events => "events",
            TargetKind::Projects => "projects",
            TargetKind::Places => "places",
        }
    }
}

/// At least `count` of `kind` (in `lang`, when given) per period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Target {
    /// What is counted.
    pub(crate) kind: TargetKind,
    /// How many.
    pub(crate) count: u64,
    /// Only versions in this language count.
    pub(crate) lang: Option<LangCode>,
}

/// One row of a plan's annex.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Task {
    /// The id articles name in `plan:`.
    pub(crate) id: String,
    /// Its title per language (the default language's at least).
    pub(crate) titles: Vec<(LangCode, String)>,
    /// The lead unit's id.
    pub(crate) lead: String,
    /// Partner units' ids.
    pub(crate) partners: Vec<String>,
    /// When it runs.
    pub(crate) period: Period,
    /// What it must produce.
    pub(crate) targets: Vec<Target>,
    /// The plan file, relative to the site root.
    #[serde(skip)]
    pub(crate) file: PathBuf,
    /// The line of the task's `id:`.
    #[serde(skip)]
    pub(crate) line: Option<usize>,
}

impl Task {
    /// The title along a language's fallback chain.
    pub(crate) fn title(&self, chain: &[LangCode]) -> &str {
        chain
            .iter()
            .find_map(|l| self.titles.iter().find(|(c, _)| c == l))
            .or(self.titles.first())
            .map_or(self.id.as_str(), |(_, t)| t.as_str())
    }
}

/// Every task of the site's plan files, in file order.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Plan {
    /// The tasks; one id may come back in periods that do not overlap.
    pub(crate) tasks: Vec<Task>,
    /// Ids of tasks with mistakes (reported at plan.yaml, not again at
    /// every article that names them).
    pub(crate) broken: Vec<String>,
}

impl Plan {
    /// Whether a task has this id.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.tasks.iter().any(|t| t.id == id) || self.broken.iter().any(|b| b == id)
    }

    /// Checks a `plan:` value of front matter: `None` when the task
    /// exists, else the hint that fixes it.
    pub(crate) fn check(&self, id: &str) -> Option<Message> {
        if self.has(id) {
            return None;
        }
        if self.tasks.is_empty() && self.broken.is_empty() {
            return Some(msg!("plan.no-plan.hint"));
        }
        if self.tasks.is_empty() {
            // Every task has an error: an empty list would read as "no plan".
            return Some(msg!("plan.unknown-task.no-valid-task"));
        }
        let ids = self.tasks.iter().map(|t| t.id.as_str());
        Some(match crate::diagnostics::closest(id, ids) {
            Some(c) => msg!("plan.unknown-task.did-you-mean", id = c),
            None => {
                let mut ids: Vec<&str> = self.tasks.iter().map(|t| t.id.as_str()).collect();
                ids.dedup();
                msg!("plan.unknown-task.hint", ids = ids.join(", "))
            }
        })
    }
}

/// Reads `plan.yaml` and `plans/*.yaml` (none is an empty plan).
pub(crate) fn load(config: &Config) -> (Plan, Vec<Diagnostic>) {
    let mut files = Vec::new();
    if config.root.join("plan.yaml").is_file() {
        files.push(PathBuf::from("plan.yaml"));
    }
    if let Ok(rd) = std::fs::read_dir(config.root.join("plans")) {
        let mut more: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .filter_map(|p| p.file_name().map(|n| PathBuf::from("plans").join(n)))
            .collect();
        more.sort();
        files.extend(more);
    }
    let mut plan = Plan::default();
    let mut diags = Vec::new();
    for file in files {
        let text = match std::fs::read(config.root.join(&file)) {
            Ok(bytes) => match crate::source_text::decode_utf8(&bytes) {
                Ok(t) => t,
                Err(d) => {
                    diags.push(d.located_in(file));
                    continue;
                }
            },
            Err(e) => {
                diags.push(Diagnostic::error(
                    file,
                    msg!("plan.cannot-read", error = e.to_string()),
                ));
                continue;
            }
        };
        let read = read::tasks(config, &file, &text);
        plan.tasks.extend(read.tasks);
        plan.broken.extend(read.broken);
        diags.extend(read.diags);
    }
    diags.extend(read::overlaps(&plan.tasks));
    (plan, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_whose_every_task_has_an_error_says_so_rather_than_an_empty_list() {
        let plan = Plan {
            tasks: Vec::new(),
            broken: vec!["quang-ba".into()],
        };
        assert_eq!(plan.check("quang-ba"), None, "reported at plan.yaml only");
        let hint = plan
            .check("ban-tin")
            .map(|m| m.english())
            .unwrap_or_default();
        assert!(hint.contains("no valid task"), "{hint}");
    }
}
