//! `mekong report`: what each department published in a period, against the
//! plan. In: the resolved [`Site`], the [`Plan`], the site's messages (for
//! section names), a period and an optional unit. Out: a [`Report`] of
//! plain rows — summary, by unit × section × language, plan tasks against
//! their targets, the period's articles with what is still untranslated —
//! that `text.rs` prints as a table, CSV, JSON or an A4 page and `xlsx.rs`
//! writes as a workbook. Every format shows the same [`Report::sheets`].
//!
//! An article belongs to the period by its date; a page without a date is
//! not counted. A translation group's original is its version in the
//! default language (else its first version); the others are translations.

mod sheets;
pub(crate) mod text;
pub(crate) mod words;
pub(crate) mod xlsx;

use crate::config::LangCode;
use crate::content::Kind;
use crate::i18n::Locales;
use crate::plan::period::{Day, Period};
use crate::plan::{Plan, TargetKind, Task};
use crate::site::{PageId, Site};
use serde::Serialize;
use std::collections::BTreeMap;
use words::Words;

/// How a plan task stands in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Status {
    /// Every target met (or, without targets, at least one article).
    Done,
    /// Some work, not every target.
    Behind,
    /// No article yet.
    NotStarted,
}

impl Status {
    fn message(self) -> &'static str {
        match self {
            Status::Done => "status-done",
            Status::Behind => "status-behind",
            Status::NotStarted => "status-not-started",
        }
    }
}

/// Counts of one unit × section × language.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct UnitRow {
    /// Unit id (empty when articles name none).
    pub(crate) unit: String,
    /// Its name in the report's language.
    pub(crate) unit_name: String,
    /// Section folder.
    pub(crate) section: String,
    /// Its name in the report's language.
    pub(crate) section_name: String,
    /// Language of the pages counted.
    pub(crate) lang: String,
    /// Originals published in the period.
    pub(crate) articles: u64,
    /// Translations published in the period.
    pub(crate) translations: u64,
    /// Originals with a `project:` block.
    pub(crate) projects: u64,
    /// Originals with a `place:` block.
    pub(crate) places: u64,
    /// Originals with an `event:` block.
    pub(crate) events: u64,
}

/// One target of one task (a task without targets has one row, `target`
/// empty).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TaskRow {
    /// Task id.
    pub(crate) task: String,
    /// Its title in the report's language.
    pub(crate) title: String,
    /// Lead unit's name.
    pub(crate) lead: String,
    /// Partner units' names.
    pub(crate) partners: Vec<String>,
    /// The task's days within the report's period.
    pub(crate) from: Day,
    /// Last day.
    pub(crate) to: Day,
    /// What the target counts (`articles`, `events`, …), empty without one.
    pub(crate) target: String,
    /// The target's language, if any.
    pub(crate) target_lang: String,
    /// The target's count (0 without one).
    pub(crate) target_count: u64,
    /// What was done towards it (articles without a target).
    pub(crate) done: u64,
    /// The task's status (over all its targets).
    pub(crate) status: Status,
}

/// One article of the period (its translation group).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleRow {
    /// Title in the report's language, else the original's.
    pub(crate) title: String,
    /// The original's date.
    pub(crate) date: Day,
    /// Unit's name.
    pub(crate) unit: String,
    /// Section's name.
    pub(crate) section: String,
    /// Languages it is published in.
    pub(crate) languages: Vec<String>,
    /// Languages of the site it is still missing.
    pub(crate) missing: Vec<String>,
    /// Plan task ids.
    pub(crate) plan: Vec<String>,
    /// Absolute URL (the version in the report's language, else the original).
    pub(crate) url: String,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Report {
    /// Language of the words.
    pub(crate) lang: String,
    /// Site title.
    pub(crate) site: String,
    /// The period reported on.
    pub(crate) period: Period,
    /// The unit reported on, if one (its name).
    pub(crate) unit: Option<String>,
    /// Unit × section × language counts.
    pub(crate) by_unit: Vec<UnitRow>,
    /// Plan tasks against targets.
    pub(crate) tasks: Vec<TaskRow>,
    /// The period's articles.
    pub(crate) articles: Vec<ArticleRow>,
}

/// What to report on.
pub(crate) struct Query<'a> {
    pub(crate) period: Period,
    pub(crate) unit: Option<&'a str>,
    pub(crate) words: &'a Words,
}

/// A translation group's original page and the period's day of each page.
struct Group {
    original: PageId,
    pages: Vec<PageId>,
}

fn groups(site: &Site) -> Vec<Group> {
    let default = &site.config.default_language;
    site.groups
        .iter()
        .filter_map(|members| {
            let pages: Vec<PageId> = members
                .iter()
                .copied()
                .filter(|&p| site.pages[p].kind == Kind::Article && !site.pages[p].is_fallback)
                .collect();
            let original = pages
                .iter()
                .copied()
                .find(|&p| site.pages[p].lang == *default)
                .or(pages.first().copied())?;
            Some(Group { original, pages })
        })
        .collect()
}

fn day(site: &Site, p: PageId) -> Option<Day> {
    site.pages[p].date.as_ref().map(Day::of)
}

/// Computes the report.
pub(crate) fn compute(site: &Site, plan: &Plan, locales: &Locales, q: &Query<'_>) -> Report {
    let config = &site.config;
    let lang = LangCode(q.words.lang().to_string());
    let chain: Vec<LangCode> = if config.has_language(lang.as_str()) {
        config.fallback_chain(&lang).to_vec()
    } else {
        vec![lang.clone(), config.default_language.clone()]
    };
    // The page's unit, as the pages, open data and feeds show it (`Site::attribute`).
    let unit_of = |p: PageId| -> String { site.pages[p].unit.clone().unwrap_or_default() };
    let unit_name = |id: &str| -> String {
        if id.is_empty() {
            q.words.get("no-unit")
        } else {
            config
                .units
                .get(id)
                .map_or(id.to_string(), |u| u.name(&chain).to_string())
        }
    };
    let section_name = |s: &str| -> String {
        locales
            .message(&lang, &format!("nav-{s}"), None)
            .ok()
            .flatten()
            .unwrap_or_else(|| s.to_string())
    };
    let wanted = |unit: &str| q.unit.is_none_or(|u| u == unit);
    let groups = groups(site);

    let mut by_unit: BTreeMap<(String, String, usize), UnitRow> = BTreeMap::new();
    let lang_index = |l: &LangCode| {
        config
            .languages
            .iter()
            .position(|x| x.code == *l)
            .unwrap_or(usize::MAX)
    };
    let mut articles = Vec::new();
    for g in &groups {
        for &p in &g.pages {
            let page = &site.pages[p];
            let unit = unit_of(p);
            if !wanted(&unit) || !day(site, p).is_some_and(|d| q.period.contains(d)) {
                continue;
            }
            let section = page.section.clone().unwrap_or_default();
            let row = by_unit
                .entry((unit.clone(), section.clone(), lang_index(&page.lang)))
                .or_insert_with(|| UnitRow {
                    unit_name: unit_name(&unit),
                    section_name: section_name(&section),
                    unit,
                    section,
                    lang: page.lang.to_string(),
                    ..UnitRow::default()
                });
            if p == g.original {
                let front = site.source(page).map(|s| &s.front);
                row.articles += 1;
                row.projects += u64::from(front.is_some_and(|f| f.project.is_some()));
                row.places += u64::from(front.is_some_and(|f| f.place.is_some()));
                row.events += u64::from(front.is_some_and(|f| f.event.is_some()));
            } else {
                row.translations += 1;
            }
        }
        let original = &site.pages[g.original];
        let unit = unit_of(g.original);
        let Some(date) = day(site, g.original).filter(|d| q.period.contains(*d)) else {
            continue;
        };
        if !wanted(&unit) {
            continue;
        }
        let shown = g
            .pages
            .iter()
            .copied()
            .find(|&p| site.pages[p].lang == lang)
            .unwrap_or(g.original);
        let has = |l: &LangCode| g.pages.iter().any(|&p| site.pages[p].lang == *l);
        articles.push(ArticleRow {
            title: site.pages[shown].title.clone(),
            date,
            unit: unit_name(&unit),
            section: section_name(original.section.as_deref().unwrap_or_default()),
            languages: config
                .languages
                .iter()
                .filter(|l| has(&l.code))
                .map(|l| l.code.to_string())
                .collect(),
            missing: config
                .languages
                .iter()
                .filter(|l| !has(&l.code))
                .map(|l| l.code.to_string())
                .collect(),
            plan: site.pages[g.original].plan.clone(),
            url: site.permalink(&site.pages[shown].path),
        });
    }
    articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));

    let mut tasks = Vec::new();
    for task in &plan.tasks {
        let involved = q
            .unit
            .is_none_or(|u| task.lead == u || task.partners.iter().any(|p| p == u));
        let Some(window) = task.period.intersect(&q.period).filter(|_| involved) else {
            continue;
        };
        tasks.extend(task_rows(site, &groups, task, window, &chain, &unit_name));
    }
    Report {
        lang: lang.to_string(),
        site: config.title.clone(),
        period: q.period,
        unit: q.unit.map(&unit_name),
        by_unit: by_unit.into_values().collect(),
        tasks,
        articles,
    }
}

fn task_rows(
    site: &Site,
    groups: &[Group],
    task: &Task,
    window: Period,
    chain: &[LangCode],
    unit_name: &dyn Fn(&str) -> String,
) -> Vec<TaskRow> {
    let serving: Vec<&Group> = groups
        .iter()
        .filter(|g| site.pages[g.original].plan.contains(&task.id))
        .collect();
    let in_window = |p: PageId| day(site, p).is_some_and(|d| window.contains(d));
    let has_block = |g: &Group, kind: TargetKind| {
        let front = site.source(&site.pages[g.original]).map(|s| &s.front);
        front.is_some_and(|f| match kind {
            TargetKind::Articles => true,
            TargetKind::Events => f.event.is_some(),
            TargetKind::Projects => f.project.is_some(),
            TargetKind::Places => f.place.is_some(),
        })
    };
    let count = |kind: TargetKind, lang: Option<&LangCode>| -> u64 {
        serving
            .iter()
            .filter(|g| has_block(g, kind))
            .filter(|g| match lang {
                Some(l) => g
                    .pages
                    .iter()
                    .any(|&p| site.pages[p].lang == *l && in_window(p)),
                None => in_window(g.original),
            })
            .count() as u64
    };
    let any = count(TargetKind::Articles, None)
        + task
            .targets
            .iter()
            .map(|t| count(t.kind, t.lang.as_ref()))
            .sum::<u64>();
    let met = task
        .targets
        .iter()
        .all(|t| count(t.kind, t.lang.as_ref()) >= t.count);
    let status = if any == 0 {
        Status::NotStarted
    } else if met {
        Status::Done
    } else {
        Status::Behind
    };
    let row = |target: String, target_lang: String, target_count: u64, done: u64| TaskRow {
        task: task.id.clone(),
        title: task.title(chain).to_string(),
        lead: unit_name(&task.lead),
        partners: task.partners.iter().map(|p| unit_name(p)).collect(),
        from: window.from,
        to: window.to,
        target,
        target_lang,
        target_count,
        done,
        status,
    };
    if task.targets.is_empty() {
        return vec![row(
            String::new(),
            String::new(),
            0,
            count(TargetKind::Articles, None),
        )];
    }
    task.targets
        .iter()
        .map(|t| {
            row(
                t.kind.key().to_string(),
                t.lang.as_ref().map(|l| l.to_string()).unwrap_or_default(),
                t.count,
                count(t.kind, t.lang.as_ref()),
            )
        })
        .collect()
}
