//! The lists template functions show: the [`Site`] and every page's view
//! come in; [`Shared`] goes out, with the articles per section, per
//! language newest first, the events by start date and the projects with
//! the values to filter them by, all sharing the page views (no copies).

use super::functions::Shared;
use super::links::LinkTable;
use crate::content::front_matter::{Date, Project};
use crate::i18n::Locales;
use crate::images::{Images, Picture};
use crate::site::{PageId, Site};
use crate::theme::StaticFiles;
use std::collections::{BTreeSet, HashMap};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use tera::Value;

/// What `Shared` is built from besides the site and its page views.
pub(crate) struct Services {
    pub(crate) locales: Arc<Locales>,
    pub(crate) statics: Arc<StaticFiles>,
    pub(crate) links: Arc<LinkTable>,
    pub(crate) images: Arc<Images>,
    /// Where `image()` sends the pictures it planned.
    pub(crate) image_requests: Sender<Arc<Picture>>,
    /// Where the functions note what each page read (`serve` only).
    pub(crate) recorder: Option<Arc<super::used::Recorder>>,
}

/// The data every template function reads, built once per render.
pub(crate) fn shared(site: &Site, page_values: &[Value], services: Services) -> Shared {
    let Services {
        locales,
        statics,
        links,
        images,
        image_requests,
        recorder,
    } = services;
    Shared {
        locales,
        statics,
        base_path: site.config.base_path.clone(),
        lang_prefixes: site
            .config
            .languages
            .iter()
            .map(|l| (l.code.to_string(), site.config.lang_prefix(&l.code)))
            .collect(),
        lists: section_lists(site, page_values),
        all: newest_first(site, page_values),
        events: events(site, page_values),
        projects: projects(site, page_values),
        links,
        images,
        image_requests,
        root: site.config.root.clone(),
        recorder,
    }
}

/// Articles per (section, lang), in the section's order.
fn section_lists(site: &Site, page_values: &[Value]) -> HashMap<(String, String), Vec<Value>> {
    let mut lists = HashMap::new();
    for ((name, lang), (_, members)) in &site.sections {
        lists.insert(
            (name.clone(), lang.to_string()),
            members
                .iter()
                .map(|&i| page_values[i.index()].clone())
                .collect(),
        );
    }
    lists
}

/// Every article per lang, newest first.
fn newest_first(site: &Site, page_values: &[Value]) -> HashMap<String, Vec<Value>> {
    site.by_date
        .iter()
        .map(|(l, ids)| {
            (
                l.to_string(),
                ids.iter()
                    .map(|&i| page_values[i.index()].clone())
                    .collect(),
            )
        })
        .collect()
}

/// Articles with a `project:` block per lang: `items`, and the sorted
/// `sectors`, `statuses` and `locations` they use.
fn projects(site: &Site, page_values: &[Value]) -> HashMap<String, Value> {
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
            let statuses = facet(&|p| {
                serde_json::to_value(p.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            });
            let facets = serde_json::json!({
                "sectors": facet(&|p| p.sector.clone()),
                "statuses": statuses,
                "locations": facet(&|p| p.location.clone()),
            });
            let mut map = Value::from_serializable(&facets)
                .into_map()
                .unwrap_or_default();
            map.insert(
                "items".into(),
                Value::from(
                    with_project
                        .iter()
                        .map(|&i| page_values[i.index()].clone())
                        .collect::<Vec<_>>(),
                ),
            );
            (l.to_string(), Value::from(map))
        })
        .collect()
}

/// Articles with an `event:` block per lang, by start date (then path).
fn events(site: &Site, page_values: &[Value]) -> HashMap<String, Vec<Value>> {
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
                with_event
                    .into_iter()
                    .map(|(_, _, i)| page_values[i.index()].clone())
                    .collect(),
            )
        })
        .collect()
}
