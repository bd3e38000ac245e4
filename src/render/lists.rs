//! The lists template functions show: the [`Site`] comes in; [`Lists`]
//! go out (for `functions::Shared`), with the articles per section, per language newest first,
//! the events by start date and the projects with the values to filter
//! them by, as page ids. A page's view is made when a list a
//! template asks for shows it, and each list asked for (`pages(section=
//! 'news', limit=3)`) is made once per render and shared by every page
//! that shows it: no view of every page is held through the render.

use crate::collation::Collators;
use crate::content::front_matter::{Date, Project};
use crate::site::{PageId, Site};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, RwLock};
use tera::{Map, Value};

/// Makes the view of a page, as list items show it.
type MakeView = Box<dyn Fn(PageId) -> Value + Send + Sync>;

/// The articles the list functions (`pages`, `events`, `projects`) show,
/// as page ids, and the lists made from them so far in this render.
pub(crate) struct Lists {
    /// Articles per (section, lang), in the section's order.
    pub(crate) sections: HashMap<(String, String), Vec<PageId>>,
    /// Every article per lang, newest first.
    pub(crate) all: HashMap<String, Vec<PageId>>,
    /// Articles with an `event:` block per lang, by start date.
    pub(crate) events: HashMap<String, Vec<PageId>>,
    /// Articles with a `project:` block per lang, and the `sectors`,
    /// `statuses` and `locations` they use.
    pub(crate) projects: HashMap<String, (Vec<PageId>, Map)>,
    /// Each language's alphabetical order (`pages(sort='title')`).
    pub(crate) collators: Arc<Collators>,
    view: MakeView,
    /// Every list made so far. Templates ask for the same few lists on
    /// thousands of pages (the home's latest news, an article's "more in
    /// this section"): each is made once. Read far more often than
    /// written, so a reader never waits for another.
    made: RwLock<HashMap<ListKey, Value>>,
}

/// A list as a template function asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum ListKey {
    /// `pages()`.
    Pages {
        section: Option<String>,
        lang: String,
        limit: Option<usize>,
        sort: Option<String>,
    },
    /// `events()`.
    Events { lang: String, limit: Option<usize> },
    /// `projects()`.
    Projects { lang: String },
}

impl Lists {
    /// No lists yet; `view` makes a page's view.
    pub(crate) fn new(view: MakeView) -> Lists {
        Lists {
            sections: HashMap::new(),
            all: HashMap::new(),
            events: HashMap::new(),
            projects: HashMap::new(),
            collators: Arc::new(Collators::new([])),
            view,
            made: RwLock::new(HashMap::new()),
        }
    }

    /// The views of these pages, in this order.
    pub(crate) fn views(&self, ids: &[PageId]) -> Vec<Value> {
        ids.iter().map(|&id| (self.view)(id)).collect()
    }

    /// The list `key`, made by `make` the first time it is asked for.
    pub(crate) fn get_or_make(&self, key: ListKey, make: impl FnOnce() -> Value) -> Value {
        if let Some(v) = self.made.read().ok().and_then(|m| m.get(&key).cloned()) {
            return v;
        }
        // Two pages may make the same list at once: both are the same
        // value, and the first one kept is the one every page shows.
        let v = make();
        match self.made.write() {
            Ok(mut m) => m.entry(key).or_insert(v).clone(),
            Err(_) => v,
        }
    }
}

/// The lists of `site` the template functions show, a page's view made
/// when a list first shows it.
pub(crate) fn of_site(site: &Arc<Site>) -> Lists {
    let of = site.clone();
    let mut lists = Lists::new(Box::new(move |id| {
        super::views::page_value(&of, &of.pages[id])
    }));
    lists.sections = section_lists(site);
    lists.all = newest_first(site);
    lists.events = events(site);
    lists.projects = projects(site);
    lists.collators = site.collators.clone();
    lists
}

/// Articles per (section, lang), in the section's order.
fn section_lists(site: &Site) -> HashMap<(String, String), Vec<PageId>> {
    site.sections
        .iter()
        .map(|((name, lang), (_, members))| ((name.clone(), lang.to_string()), members.clone()))
        .collect()
}

/// Every article per lang, newest first.
fn newest_first(site: &Site) -> HashMap<String, Vec<PageId>> {
    site.by_date
        .iter()
        .map(|(l, ids)| (l.to_string(), ids.clone()))
        .collect()
}

/// Articles with a `project:` block per lang, and the sorted `sectors`,
/// `statuses` (ids) and `locations` (in the language's alphabetical
/// order) they use (`items` is added when asked for).
fn projects(site: &Site) -> HashMap<String, (Vec<PageId>, Map)> {
    site.by_date
        .iter()
        .map(|(l, ids)| {
            let with_project: Vec<PageId> = ids
                .iter()
                .copied()
                .filter(|&i| {
                    site.source(&site.pages[i])
                        .is_some_and(|s| s.front.project.is_some())
                })
                .collect();
            let facet = |f: &dyn Fn(&Project) -> String| -> Vec<String> {
                let set: BTreeSet<String> = with_project
                    .iter()
                    .filter_map(|&i| site.source(&site.pages[i])?.front.project.as_ref().map(f))
                    .collect();
                set.into_iter().collect()
            };
            let mut locations = facet(&|p| p.location.clone());
            locations.sort_by_cached_key(|place| site.collators.key(l.as_str(), place));
            let statuses = facet(&|p| {
                serde_json::to_value(p.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            });
            let facets = serde_json::json!({
                "sectors": facet(&|p| p.sector.clone()),
                "statuses": statuses,
                "locations": locations,
            });
            let map = Value::from_serializable(&facets)
                .into_map()
                .unwrap_or_default();
            (l.to_string(), (with_project, map))
        })
        .collect()
}

/// Articles with an `event:` block per lang, by start date (then path).
fn events(site: &Site) -> HashMap<String, Vec<PageId>> {
    site.by_date
        .iter()
        .map(|(l, ids)| {
            let mut with_event: Vec<(Date, &str, PageId)> = ids
                .iter()
                .filter_map(|&i| {
                    site.source(&site.pages[i])
                        .and_then(|s| s.front.event.as_ref())
                        .map(|e| (e.start, site.pages[i].path.as_str(), i))
                })
                .collect();
            with_event.sort();
            (
                l.to_string(),
                with_event.into_iter().map(|(_, _, i)| i).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_list_asked_for_on_many_pages_is_made_once_and_views_only_when_shown() {
        let made = Arc::new(AtomicUsize::new(0));
        let count = made.clone();
        let mut lists = Lists::new(Box::new(move |id| {
            count.fetch_add(1, Ordering::SeqCst);
            Value::from(id.index())
        }));
        let news: Vec<PageId> = (0..100).map(PageId::new).collect();
        lists.sections.insert(("news".into(), "vi".into()), news);
        let key = || ListKey::Pages {
            section: Some("news".into()),
            lang: "vi".into(),
            limit: Some(3),
            sort: None,
        };
        let ids = &lists.sections[&("news".to_owned(), "vi".to_owned())];
        for _ in 0..10 {
            let list = lists.get_or_make(key(), || Value::from(lists.views(&ids[..3])));
            assert_eq!(list.as_array().map(<[Value]>::len), Some(3));
        }
        assert_eq!(made.load(Ordering::SeqCst), 3, "three views, made once");
    }
}
