//! Page views, kept between builds: the [`Site`] and the previous build's
//! [`ValueCache`] come in; every page's template value and whether it
//! changed go out, and the cache is updated for the next build.

use super::views;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use tera::Value;

/// Template views kept between builds by `serve`, keyed by URL path: a
/// page whose source and rendered Markdown are the very same shared values
/// keeps its view.
#[derive(Default)]
pub(crate) struct ValueCache {
    entries: HashMap<
        String,
        (
            Arc<crate::content::SourcePage>,
            Arc<crate::markdown::Rendered>,
            Value,
        ),
    >,
}

/// Every page's view, in page order, whether it was built anew, and
/// whether its front matter changed too (or the page is new): a body edit
/// leaves the open data as it was.
pub(crate) struct PageValues {
    pub(crate) values: Vec<Value>,
    pub(crate) changed: Vec<bool>,
    pub(crate) front_changed: Vec<bool>,
}

impl ValueCache {
    /// The view of every page: built once per build, and not at all for
    /// unchanged pages in `serve`. After a `full` render the cache holds
    /// exactly this build's views; after a partial one, the new ones are
    /// added. Without `keep` (a one-shot build) it keeps nothing.
    pub(crate) fn page_values(&mut self, site: &Site, full: bool, keep: bool) -> PageValues {
        let views: Vec<(Value, bool, bool)> = site
            .pages
            .par_iter()
            .map(|p| {
                let cached = self.entries.get(&p.path);
                if let (Some((src, rendered, value)), Some(s)) = (cached, p.source) {
                    if Arc::ptr_eq(src, &site.sources[s]) && Arc::ptr_eq(rendered, &p.rendered) {
                        return (value.clone(), false, false);
                    }
                }
                let front_changed = match (cached, p.source) {
                    (Some((src, _, _)), Some(s)) => src.front != site.sources[s].front,
                    _ => true,
                };
                let view = Value::from_serializable(&views::page_view(site, p));
                (view, true, front_changed)
            })
            .collect();
        let changed: Vec<bool> = views.iter().map(|(_, c, _)| *c).collect();
        let front_changed: Vec<bool> = views.iter().map(|(_, _, f)| *f).collect();
        let values: Vec<Value> = views.into_iter().map(|(v, _, _)| v).collect();
        if full || !keep {
            self.entries.clear();
        }
        for ((p, v), fresh) in site.pages.iter().zip(&values).zip(&changed) {
            if let (Some(s), true) = (p.source, keep && (full || *fresh)) {
                self.entries.insert(
                    p.path.clone(),
                    (site.sources[s].clone(), p.rendered.clone(), v.clone()),
                );
            }
        }
        PageValues {
            values,
            changed,
            front_changed,
        }
    }
}
