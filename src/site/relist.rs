//! `serve`'s path for an edit that moves articles within their lists (a
//! new date, update, weight or tags) without changing any URL: instead of
//! resolving the site again, the lists that hold the edited pages are
//! sorted again and their languages' tag lists rebuilt.
//!
//! Comes in: the site after [`super::with_edits`] (new sources, titles and
//! dates in place) and the edited files. Goes out: the same site with its
//! lists in order, and [`Relisted`], the lists as they were, for the
//! renderer to compare (what moved, and so which list pages to render).

use super::model::{PageId, Site, Term};
use super::resolve::{section_sort, sort_pages, tag_terms};
use crate::config::LangCode;
use crate::content::front_matter::SortBy;
use crate::content::Kind;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// The lists an edit touched, as they were before it.
#[derive(Debug, Default)]
pub(crate) struct Relisted {
    /// Per (section, language): the articles in their old order.
    pub(crate) sections: BTreeMap<(String, LangCode), Vec<PageId>>,
    /// Per language: its tags before (every tag of a touched language).
    pub(crate) terms: BTreeMap<LangCode, Vec<Term>>,
    /// Per language: the articles newest first, before.
    pub(crate) by_date: BTreeMap<LangCode, Vec<PageId>>,
    /// Whether tag pages came, went, or changed their number of pages:
    /// then the set of page files changed.
    pub(crate) page_files_changed: bool,
    /// Whether an edited article got a new date or update (the sitemap's
    /// `lastmod`); set by the caller, who knows the old sources.
    pub(crate) dates_changed: bool,
    /// A page came or went ([`super::splice`]): the ids above are the old
    /// site's, these its page paths.
    pub(crate) old_paths: Option<Vec<String>>,
    /// The URL path of the page a splice took out: its file is removed
    /// with the first pages a reader waits for.
    pub(crate) removed: Option<String>,
    /// Translation groups that lost a page: the rest show one language less.
    pub(crate) groups: Vec<usize>,
}

/// Sorts again the lists holding pages of the `edited` files and rebuilds
/// the tag lists of their languages, exactly as [`super::resolve`] builds
/// them. Returns the touched lists as they were.
pub(crate) fn relist(site: &mut Site, edited: &[PathBuf]) -> Relisted {
    let edited: HashSet<&Path> = edited.iter().map(PathBuf::as_path).collect();
    let touched: Vec<PageId> = site
        .pages_with_ids()
        .filter(|(_, p)| {
            p.kind == Kind::Article && site.source(p).is_some_and(|s| edited.contains(&*s.file))
        })
        .map(|(id, _)| id)
        .collect();
    let langs: BTreeSet<LangCode> = touched
        .iter()
        .map(|&i| site.pages[i].lang.clone())
        .collect();
    let keys: BTreeSet<(String, LangCode)> = touched
        .iter()
        .filter_map(|&i| {
            let p = &site.pages[i];
            Some((p.section.clone()?, p.lang.clone()))
        })
        .collect();
    let mut before = Relisted::default();
    for key in keys {
        let Some((section, members)) = site.sections.get_mut(&key) else {
            continue;
        };
        before.sections.insert(key, members.clone());
        let sort = section_sort(&site.pages[*section], &site.sources);
        sort_pages(members, &site.pages, &site.sources, &site.collators, sort);
    }
    for lang in &langs {
        if let Some(list) = site.by_date.get_mut(lang) {
            before.by_date.insert(lang.clone(), list.clone());
            sort_pages(
                list,
                &site.pages,
                &site.sources,
                &site.collators,
                SortBy::Date,
            );
        }
    }
    if site.config.taxonomies.iter().any(|t| t == "tags") {
        let lists: BTreeMap<LangCode, Vec<PageId>> = langs
            .iter()
            .filter_map(|l| Some((l.clone(), site.by_date.get(l)?.clone())))
            .collect();
        let per = site.config.paginate_by;
        let shape = |terms: &[Term]| -> Vec<(String, usize)> {
            terms
                .iter()
                .map(|t| (t.slug.clone(), t.pages.len().div_ceil(per.max(1)).max(1)))
                .collect()
        };
        for (lang, terms) in tag_terms(&lists, &site.pages, &site.sources, &site.collators) {
            let old = site.terms.insert(lang.clone(), terms).unwrap_or_default();
            before.page_files_changed |= shape(&old) != shape(&site.terms[&lang]);
            before.terms.insert(lang, old);
        }
    }
    before
}
