//! Which pages' views changed since the last build: the [`Site`] and what
//! the previous build's views were made from ([`ValueCache`]) come in;
//! whether each page's view and front matter changed go out, and the cache
//! is updated for the next build. Views themselves are made when a job
//! shows them (see [`super::lists`]), never held for every page.

use crate::content::SourcePage;
use crate::markdown::Rendered;
use crate::site::{Page, Site};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// What each page's view was made from in the last `serve` build, keyed by
/// URL path: a page whose source and rendered Markdown are the very same
/// shared values, and whose group gives it the same unit and plan, has the
/// same view.
#[derive(Default)]
pub(crate) struct ValueCache {
    entries: HashMap<String, Made>,
}

/// What one page's view was made from.
struct Made {
    source: Arc<SourcePage>,
    rendered: Arc<Rendered>,
    /// What the page takes from its translation group ([`Page::unit`],
    /// [`Page::plan`]): an edit of its original changes them, not its own
    /// source (its feed entry's author, its open data).
    inherited: (Option<String>, Vec<String>),
}

impl Made {
    fn of(source: Arc<SourcePage>, page: &Page) -> Made {
        Made {
            source,
            rendered: page.rendered.clone(),
            inherited: inherited(page),
        }
    }
}

fn inherited(page: &Page) -> (Option<String>, Vec<String>) {
    (page.unit.clone(), page.plan.clone())
}

/// Per page, in page order: whether its view changed, and whether its
/// front matter changed too (or the page is new): a body edit leaves the
/// open data as it was.
pub(crate) struct Changes {
    pub(crate) changed: Vec<bool>,
    pub(crate) front_changed: Vec<bool>,
}

impl ValueCache {
    /// Which pages changed. After a `full` render the cache holds exactly
    /// this build's pages; after a partial one, the changed ones are
    /// updated. Without `keep` (a one-shot build) it keeps nothing.
    pub(crate) fn changes(&mut self, site: &Site, full: bool, keep: bool) -> Changes {
        let flags: Vec<(bool, bool)> = site
            .pages
            .par_iter()
            .map(|p| {
                let cached = self.entries.get(&p.path);
                match (cached, p.source) {
                    (Some(made), Some(s)) => {
                        let same_src = Arc::ptr_eq(&made.source, &site.sources[s]);
                        // Compared by value: a translation's unit follows
                        // its original's edit (`Site::attribute`).
                        let same_group = made.inherited.0 == p.unit && made.inherited.1 == p.plan;
                        if same_src && Arc::ptr_eq(&made.rendered, &p.rendered) && same_group {
                            (false, false)
                        } else {
                            (
                                true,
                                !same_group || made.source.front != site.sources[s].front,
                            )
                        }
                    }
                    _ => (true, true),
                }
            })
            .collect();
        let changed: Vec<bool> = flags.iter().map(|(c, _)| *c).collect();
        let front_changed: Vec<bool> = flags.iter().map(|(_, f)| *f).collect();
        if full || !keep {
            self.entries.clear();
        }
        for (p, fresh) in site.pages.iter().zip(&changed) {
            if let (Some(s), true) = (p.source, keep && (full || *fresh)) {
                self.entries
                    .insert(p.path.clone(), Made::of(site.sources[s].clone(), p));
            }
        }
        Changes {
            changed,
            front_changed,
        }
    }
}
