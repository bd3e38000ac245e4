//! One plan file's text in; its tasks out, with a located diagnostic for
//! every key that is missing, unknown or wrong. Read key by key from a YAML
//! value, so that one bad task does not hide the others.

use super::period::{Day, Period};
use super::{Target, TargetKind, Task};
use crate::config::{Config, LangCode};
use crate::diagnostics::{closest, Diagnostic};
use crate::messages::Message;
use crate::msg;
use serde_yaml::{Mapping, Value};
use std::path::{Path, PathBuf};

const TOP_KEYS: &[&str] = &["tasks"];
const TASK_KEYS: &[&str] = &["id", "title", "lead", "partners", "period", "targets"];
const TARGET_KEYS: &[&str] = &["articles", "events", "projects", "places", "lang"];

struct Ctx<'a> {
    config: &'a Config,
    file: &'a Path,
    text: &'a str,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, line: Option<usize>, message: Message, hint: Message) {
        self.diags.push(
            Diagnostic::error(self.file.to_path_buf(), message)
                .at_line(line)
                .with_source(self.text)
                .hint(hint),
        );
    }

    /// The line of `key:` within the task starting at `task_line`.
    fn key_line(&self, task_line: Option<usize>, key: &str) -> Option<usize> {
        let start = task_line?;
        let lines: Vec<&str> = self.text.lines().collect();
        let first = lines.get(start - 1)?;
        let indent = first.len() - first.trim_start().len();
        for (i, l) in lines.iter().enumerate().skip(start - 1) {
            let lead = l.len() - l.trim_start().len();
            let t = l.trim_start();
            if i > start - 1 && lead <= indent && t.starts_with("- ") {
                break;
            }
            if t.trim_start_matches("- ").starts_with(&format!("{key}:")) {
                return Some(i + 1);
            }
        }
        task_line
    }

    fn unit(&mut self, line: Option<usize>, task: &str, role: &str, id: &str) {
        if let Some(hint) = self.config.units.check(id, role) {
            self.error(
                line,
                msg!("plan.unknown-unit", task = task, key = role, id = id),
                hint,
            );
        }
    }
}

/// What one plan file holds: its valid tasks, the ids of tasks with
/// mistakes (already reported; articles naming them are not reported
/// again), and the diagnostics.
pub(super) struct Read {
    pub(super) tasks: Vec<Task>,
    pub(super) broken: Vec<String>,
    pub(super) diags: Vec<Diagnostic>,
}

/// The tasks of one plan file.
pub(super) fn tasks(config: &Config, file: &Path, text: &str) -> Read {
    let (tasks, broken, diags) = read_tasks(config, file, text);
    Read {
        tasks,
        broken,
        diags,
    }
}

fn read_tasks(
    config: &Config,
    file: &Path,
    text: &str,
) -> (Vec<Task>, Vec<String>, Vec<Diagnostic>) {
    let mut cx = Ctx {
        config,
        file,
        text,
        diags: Vec::new(),
    };
    let value: Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let d = crate::source_text::yaml_error(file, text, 0, &e, TOP_KEYS);
            return (Vec::new(), Vec::new(), vec![d]);
        }
    };
    let example = msg!("plan.not-a-plan.hint");
    let top = match value {
        Value::Mapping(m) => m,
        Value::Null => return (Vec::new(), Vec::new(), Vec::new()),
        _ => {
            cx.error(Some(1), msg!("plan.not-a-plan"), example);
            return (Vec::new(), Vec::new(), cx.diags);
        }
    };
    for key in top.keys() {
        let name = key.as_str().unwrap_or_default();
        if !TOP_KEYS.contains(&name) {
            let line = crate::source_text::key_line(text, &[name]);
            let hint = closest(name, TOP_KEYS.iter().copied())
                .map_or(example.clone(), |c| msg!("plan.did-you-mean", key = c));
            cx.error(line, msg!("plan.unknown-key", key = name), hint);
        }
    }
    let Some(list) = top.get("tasks") else {
        return (Vec::new(), Vec::new(), cx.diags);
    };
    let Value::Sequence(list) = list else {
        let line = crate::source_text::key_line(text, &["tasks"]);
        cx.error(line, msg!("plan.tasks-not-a-list"), example);
        return (Vec::new(), Vec::new(), cx.diags);
    };
    let lines = super::lines::task_lines(text);
    let mut out = Vec::new();
    let mut broken = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let line = lines.get(i).copied();
        let Value::Mapping(m) = item else {
            cx.error(
                line,
                msg!("plan.task-not-key-value", nth = i + 1),
                example.clone(),
            );
            continue;
        };
        match task(&mut cx, m, line, i + 1) {
            Some(t) => out.push(t),
            None => broken.extend(m.get("id").and_then(text_of)),
        }
    }
    (out, broken, cx.diags)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn task(cx: &mut Ctx<'_>, m: &Mapping, line: Option<usize>, nth: usize) -> Option<Task> {
    let errors_before = cx.diags.len();
    for key in m.keys() {
        let name = key.as_str().unwrap_or_default();
        if !TASK_KEYS.contains(&name) {
            let hint = closest(name, TASK_KEYS.iter().copied()).map_or_else(
                || msg!("plan.task-keys", keys = TASK_KEYS.join(", ")),
                |c| msg!("plan.did-you-mean", key = c),
            );
            let l = cx.key_line(line, name);
            cx.error(l, msg!("plan.unknown-task-key", key = name), hint);
        }
    }
    let id = m.get("id").and_then(text_of).unwrap_or_default();
    if id.is_empty() {
        cx.error(
            line,
            msg!("plan.task-without-id", nth = nth),
            msg!("plan.task-without-id.hint"),
        );
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        cx.error(
            cx.key_line(line, "id"),
            msg!("plan.bad-task-id", id = &id),
            msg!("plan.bad-task-id.hint"),
        );
    }
    let name = if id.is_empty() {
        format!("{nth}")
    } else {
        id.clone()
    };
    let titles = titles(cx, m, line, &name);
    let lead = match m.get("lead").and_then(text_of) {
        Some(lead) => {
            let l = cx.key_line(line, "lead");
            cx.unit(l, &name, "lead", &lead);
            lead
        }
        None => {
            let units: Vec<&str> = cx.config.units.iter().map(|u| u.id.as_str()).collect();
            cx.error(
                line,
                msg!("plan.no-lead", task = &name),
                if units.is_empty() {
                    msg!("plan.no-lead.hint")
                } else {
                    msg!("plan.no-lead.units-hint", units = units.join(", "))
                },
            );
            String::new()
        }
    };
    let partners = match m.get("partners") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Sequence(s)) => s.iter().filter_map(text_of).collect(),
        Some(v) => text_of(v).into_iter().collect(),
    };
    let pl = cx.key_line(line, "partners");
    for p in &partners {
        cx.unit(pl, &name, "partners", p);
    }
    let period = period(cx, m, line, &name);
    let targets = targets(cx, m, line, &name);
    if cx.diags.len() > errors_before {
        return None;
    }
    Some(Task {
        id,
        titles,
        lead,
        partners,
        period: period?,
        targets,
        file: cx.file.to_path_buf(),
        line,
    })
}

fn titles(
    cx: &mut Ctx<'_>,
    m: &Mapping,
    line: Option<usize>,
    name: &str,
) -> Vec<(LangCode, String)> {
    let default = cx.config.default_language.clone();
    let l = cx.key_line(line, "title");
    let mut out = Vec::new();
    match m.get("title") {
        Some(Value::Mapping(t)) => {
            let codes: Vec<&str> = cx.config.language_codes().collect();
            for (k, v) in t {
                let lang = k.as_str().unwrap_or_default().to_string();
                if !codes.contains(&lang.as_str()) {
                    let hint = closest(&lang, codes.iter().copied()).map_or_else(
                        || msg!("plan.title-language.hint", codes = codes.join(", ")),
                        |c| msg!("plan.did-you-mean", key = c),
                    );
                    cx.error(
                        l,
                        msg!("plan.title-language", task = name, code = &lang),
                        hint,
                    );
                } else if let Some(text) = text_of(v) {
                    out.push((LangCode(lang), text));
                }
            }
        }
        Some(v) => {
            if let Some(text) = text_of(v) {
                out.push((default.clone(), text));
            }
        }
        None => {}
    }
    if !out.iter().any(|(c, _)| *c == default) {
        cx.error(
            l.or(line),
            msg!(
                "plan.no-default-title",
                task = name,
                code = default.as_str()
            ),
            msg!("plan.no-default-title.hint", code = default.as_str()),
        );
    }
    out
}

fn period(cx: &mut Ctx<'_>, m: &Mapping, line: Option<usize>, name: &str) -> Option<Period> {
    let l = cx.key_line(line, "period");
    let bad = |cx: &mut Ctx<'_>, what: String| {
        cx.error(
            l,
            msg!("plan.bad-period", task = name, value = what),
            msg!("plan.bad-period.hint", forms = msg!("plan.period-forms")),
        );
        None
    };
    match m.get("period") {
        None | Some(Value::Null) => {
            cx.error(
                line,
                msg!("plan.no-period", task = name),
                msg!("plan.no-period.hint", forms = msg!("plan.period-forms")),
            );
            None
        }
        Some(Value::Mapping(p)) => {
            let day = |k: &str| p.get(k).and_then(text_of).and_then(|s| Day::parse(&s));
            match (day("from"), day("to")) {
                (Some(from), Some(to)) if from <= to => Some(Period { from, to }),
                (Some(from), Some(to)) => {
                    cx.error(
                        l,
                        msg!(
                            "plan.period-ends-before-start",
                            task = name,
                            from = from.to_string(),
                            to = to.to_string()
                        ),
                        msg!(
                            "plan.period-ends-before-start.hint",
                            from = from.to_string(),
                            to = to.to_string()
                        ),
                    );
                    None
                }
                _ => bad(cx, "{ … }".into()),
            }
        }
        Some(v) => {
            let s = text_of(v).unwrap_or_default();
            match Period::parse(&s) {
                Some(p) => Some(p),
                None => bad(cx, s),
            }
        }
    }
}

fn targets(cx: &mut Ctx<'_>, m: &Mapping, line: Option<usize>, name: &str) -> Vec<Target> {
    let l = cx.key_line(line, "targets");
    let example = msg!("plan.targets.hint");
    let list = match m.get("targets") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Sequence(s)) => s,
        Some(_) => {
            cx.error(l, msg!("plan.targets-not-a-list", task = name), example);
            return Vec::new();
        }
    };
    let codes: Vec<&str> = cx.config.language_codes().collect();
    // Each item's mistakes at its own line (at `targets:` for a list on one line).
    let items = super::lines::items(cx.text, l);
    let mut out = Vec::new();
    for (nth, item) in list.iter().enumerate() {
        let span = items.get(nth).copied();
        let at =
            |cx: &Ctx<'_>, key: &str| span.map(|s| super::lines::within(cx.text, s, key)).or(l);
        let Value::Mapping(t) = item else {
            cx.error(
                span.map(|(from, _)| from).or(l),
                msg!("plan.target-not-key-value", task = name),
                example.clone(),
            );
            continue;
        };
        let mut kinds = Vec::new();
        for (k, v) in t {
            let key = k.as_str().unwrap_or_default();
            let kind = match key {
                "articles" => TargetKind::Articles,
                "events" => TargetKind::Events,
                "projects" => TargetKind::Projects,
                "places" => TargetKind::Places,
                "lang" => continue,
                _ => {
                    let hint = closest(key, TARGET_KEYS.iter().copied())
                        .map_or(example.clone(), |c| msg!("plan.did-you-mean", key = c));
                    let kl = at(cx, key);
                    cx.error(
                        kl,
                        msg!("plan.unknown-target", task = name, key = key),
                        hint,
                    );
                    continue;
                }
            };
            match v.as_u64() {
                Some(n) if n > 0 => kinds.push((kind, n)),
                _ => cx.error(
                    at(cx, key),
                    msg!("plan.bad-target-count", task = name, key = key),
                    example.clone(),
                ),
            }
        }
        let lang = t.get("lang").and_then(text_of);
        if let Some(lang) = &lang {
            if !codes.contains(&lang.as_str()) {
                let hint = closest(lang, codes.iter().copied()).map_or_else(
                    || msg!("plan.use-one-of", values = codes.join(", ")),
                    |c| msg!("plan.did-you-mean", key = c),
                );
                cx.error(
                    at(cx, "lang"),
                    msg!("plan.unknown-target-language", task = name, code = lang),
                    hint,
                );
            }
        }
        if kinds.len() != 1 {
            if kinds.len() > 1 {
                cx.error(
                    span.map(|(from, _)| from).or(l),
                    msg!("plan.target-counts-two-things", task = name),
                    example.clone(),
                );
            }
            continue;
        }
        let (kind, count) = kinds[0];
        out.push(Target {
            kind,
            count,
            lang: lang.map(LangCode),
        });
    }
    out
}

/// The same task id in periods that share days: which period an article
/// counts for would be ambiguous.
pub(super) fn overlaps(tasks: &[Task]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, a) in tasks.iter().enumerate() {
        if let Some(b) = tasks[..i]
            .iter()
            .find(|b| b.id == a.id && b.period.overlaps(&a.period))
        {
            let first: PathBuf = b.file.clone();
            out.push(
                Diagnostic::error(
                    a.file.clone(),
                    msg!(
                        "plan.task-twice",
                        task = &a.id,
                        first = b.period.to_string(),
                        second = a.period.to_string()
                    ),
                )
                .at_line(a.line)
                .hint(msg!(
                    "plan.task-twice.hint",
                    file = &first,
                    line = b.line.unwrap_or(1).to_string()
                )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            Path::new("/s"),
            "languages:\n  - { code: vi, name: V }\n  - { code: en, name: E }\n  - { code: lo, name: L }\nunits:\n  so-tttt: { vi: Sở TT&TT }\n  so-ngoai-vu: { vi: Sở Ngoại vụ }\n",
        )
        .expect("valid")
    }

    fn read(text: &str) -> (Vec<Task>, Vec<Diagnostic>) {
        let c = config();
        let r = tasks(&c, Path::new("plan.yaml"), text);
        let mut d = r.diags;
        d.extend(overlaps(&r.tasks));
        (r.tasks, d)
    }

    const GOOD: &str = "tasks:\n  - id: ban-tin\n    title: { vi: Bản tin đối ngoại, en: Bulletin }\n    lead: so-ngoai-vu\n    partners: [so-tttt]\n    period: 2026-H1\n    targets:\n      - { articles: 4 }\n      - { articles: 2, lang: lo }\n      - { events: 1 }\n";

    #[test]
    fn a_plan_is_read_with_titles_units_period_and_targets() {
        let (tasks, d) = read(GOOD);
        assert!(d.is_empty(), "{d:?}");
        let t = &tasks[0];
        assert_eq!((t.id.as_str(), t.lead.as_str()), ("ban-tin", "so-ngoai-vu"));
        assert_eq!(t.period.to.to_string(), "2026-06-30");
        assert_eq!(t.targets.len(), 3);
        assert_eq!(t.targets[1].lang.as_ref().map(|l| l.as_str()), Some("lo"));
        assert_eq!(t.line, Some(2));
    }

    #[test]
    fn an_unknown_lead_unit_is_located_with_did_you_mean() {
        let (_, d) = read(&GOOD.replace("lead: so-ngoai-vu", "lead: so-ngoaivu"));
        assert_eq!(d[0].line, Some(4));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `so-ngoai-vu`?"));
    }

    #[test]
    fn a_task_without_a_lead_unit_is_an_error() {
        let (_, d) = read(&GOOD.replace("    lead: so-ngoai-vu\n", ""));
        assert!(d[0].message.contains("no lead unit"), "{}", d[0].message);
        assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("so-tttt")));
    }

    #[test]
    fn an_inverted_period_gets_the_swap() {
        let (_, d) = read(&GOOD.replace(
            "period: 2026-H1",
            "period: { from: 2026-06-30, to: 2026-01-01 }",
        ));
        assert_eq!(d[0].line, Some(6));
        assert!(d[0]
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("from: 2026-01-01, to: 2026-06-30")));
    }

    #[test]
    fn the_same_task_in_overlapping_periods_is_an_error_but_following_periods_are_fine() {
        let second = GOOD.trim_start_matches("tasks:\n");
        let (_, d) = read(&format!("{GOOD}{}", second.replace("2026-H1", "2026-Q2")));
        assert!(d[0].message.contains("overlapping"), "{}", d[0].message);
        assert_eq!(d[0].line, Some(11));
        let (tasks, d) = read(&format!("{GOOD}{}", second.replace("2026-H1", "2026-H2")));
        assert!(d.is_empty() && tasks.len() == 2, "{d:?}");
    }

    #[test]
    fn a_yaml_mistake_and_unknown_keys_are_located() {
        let (_, d) = read("tasks:\n  - id: x\n    title: a: b\n");
        assert_eq!(d[0].line, Some(3));
        let (_, d) = read(&GOOD.replace("partners:", "partner:"));
        assert_eq!(d[0].line, Some(5));
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `partners`?"));
    }
}
