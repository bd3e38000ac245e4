//! What `serve`'s partial re-render renders: a [`Scope`] comes in with the
//! site; [`Affected`] goes out, the pages, lists and tags a change touched,
//! which filters the planned jobs and tells the outputs what to rewrite.

use super::jobs::{section_page_size, Job};
use crate::config::LangCode;
use crate::site::{PageId, Relisted, Site};
use std::collections::{HashMap, HashSet};

/// What to render: everything, or what a change touched (for `serve`).
pub(crate) enum Scope<'a> {
    /// Every page.
    All,
    /// Pages whose view changed, their translations' pages, and the lists,
    /// tags and homes that show them; `previous` is the site before the change.
    Changed {
        /// The site before the change.
        previous: &'a Site,
    },
    /// Every page of these languages (their messages changed).
    Languages(&'a HashSet<LangCode>),
    /// The site was updated in place and the lists holding the edited
    /// pages sorted again: these are the lists as they were.
    Relisted(&'a Relisted),
    /// The pages that read what a change of messages, templates or static
    /// files changed (see [`super::used`]), and with `previous` what
    /// changed since that site too.
    Narrowed {
        /// What the change changed.
        narrow: &'a super::used::Narrow,
        /// The site before the change, when its differences render too.
        previous: Option<&'a Site>,
    },
}

/// Which pages of a paginated list need rendering again.
#[derive(Debug, Default, Clone)]
struct PageSet {
    /// Every page from this one on (the order changed from here).
    from: Option<usize>,
    /// With `from`: the last page whose items changed (a list of the same
    /// length is the same again after it); `None`: to the end.
    until: Option<usize>,
    /// Single pages holding a changed item.
    pages: HashSet<usize>,
}

impl PageSet {
    /// Compares a list before and after: items moved → everything from the
    /// first difference on; items changed in place → the pages holding them.
    fn of(
        before: Option<Vec<&str>>,
        after: &[PageId],
        site: &Site,
        changed: &[bool],
        per: usize,
    ) -> Option<PageSet> {
        let per = per.max(1);
        let now: Vec<&str> = after.iter().map(|&i| site.pages[i].path.as_str()).collect();
        let mut set = PageSet::default();
        match before {
            None => set.from = Some(1),
            Some(b) => {
                if b.len() != now.len() {
                    // Every page shows the count and the number of pages.
                    set.from = Some(1);
                } else if let Some((first, last)) = moved(&b, &now) {
                    set.from = Some(first / per + 1);
                    set.until = last.map(|l| l / per + 1);
                }
            }
        }
        for (i, &id) in after.iter().enumerate() {
            if changed[id.index()] {
                set.pages.insert(i / per + 1);
            }
        }
        (set.from.is_some() || !set.pages.is_empty()).then_some(set)
    }

    /// A list whose order did not change: the pages holding changed items.
    fn in_place(items: &[PageId], changed: &[bool], per: usize) -> Option<PageSet> {
        let per = per.max(1);
        let pages: HashSet<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, &id)| changed[id.index()])
            .map(|(i, _)| i / per + 1)
            .collect();
        (!pages.is_empty()).then_some(PageSet {
            from: None,
            until: None,
            pages,
        })
    }

    fn wants(&self, n: usize) -> bool {
        self.from
            .is_some_and(|f| n >= f && self.until.is_none_or(|u| n <= u))
            || self.pages.contains(&n)
    }
}

/// Where two orders of a list differ: the first differing position and,
/// when both have the same length, the last (after it they are the same);
/// `None` when they are equal.
fn moved(before: &[&str], now: &[&str]) -> Option<(usize, Option<usize>)> {
    if before == now {
        return None;
    }
    let first = before
        .iter()
        .zip(now)
        .position(|(x, y)| x != y)
        .unwrap_or(before.len().min(now.len()));
    let last = (before.len() == now.len()).then(|| {
        let same_tail = before
            .iter()
            .rev()
            .zip(now.iter().rev())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        before.len() - 1 - same_tail
    });
    Some((first, last))
}

/// What a content change touched, for `serve`'s partial re-render.
pub(crate) struct Affected {
    /// Pages whose view changed.
    pages: Vec<bool>,
    /// Translation groups with a changed page.
    groups: HashSet<usize>,
    /// Languages with a changed page or list.
    pub langs: HashSet<LangCode>,
    /// Section list pages to render again.
    sections: HashMap<(String, LangCode), PageSet>,
    /// Tag pages to render again.
    tags: HashMap<(LangCode, String), PageSet>,
    /// Sections whose newest articles changed: their articles show them
    /// ([`super::heads`]).
    heads: HashSet<(String, LangCode)>,
    /// Tags that came with the change: their first page is new.
    new_tags: HashSet<(LangCode, String)>,
    /// Whether some URL or date changed (the sitemap needs writing).
    pub sitemap: bool,
    /// Whether a changed page carries data for the exports, the data pages
    /// or the search index (front matter, or any change with search on).
    pub data: bool,
}

impl Affected {
    /// Whether the page's view changed (and it was rendered again).
    pub(crate) fn page(&self, id: usize) -> bool {
        self.pages.get(id).copied().unwrap_or(false)
    }

    /// Whether a section's list (and so its feed) changed.
    pub(crate) fn touches_section(&self, key: &(String, LangCode)) -> bool {
        self.sections.contains_key(key)
    }

    /// What changed between `previous` and `site`, given the pages whose
    /// view changed and those whose front matter did. `site` and `previous`
    /// are the same value when the site was updated in place.
    pub(crate) fn compute(
        site: &Site,
        previous: &Site,
        changed: &[bool],
        front_changed: &[bool],
    ) -> Affected {
        let mut a = Affected::of_pages(site, changed, front_changed);
        let in_place = std::ptr::eq(site, previous);
        if in_place {
            a.lists_in_place(site, changed);
        } else {
            a.sitemap = sitemap_changed(site, previous, changed);
            // The structure changed: exports may have gained or lost entries.
            a.data = true;
            a.lists_reordered(site, previous, changed);
        }
        let old = |key: &(String, LangCode)| {
            let (_, members) = previous.sections.get(key)?;
            let head = members.iter().take(super::heads::SHOWN);
            (!in_place).then(|| head.map(|&i| previous.pages[i].path.clone()).collect())
        };
        a.heads = super::heads::changed_heads(site, old, front_changed);
        a
    }

    /// After [`crate::site::relist`]: the lists it sorted again compared
    /// with their order `before`, the others as in place.
    pub(crate) fn relisted(site: &Site, before: &Relisted, changed: &[bool]) -> Affected {
        let mut a = Affected::of_pages(site, changed, changed);
        a.lists_in_place(site, changed);
        // The exported lists show dates and tags.
        a.sitemap = before.dates_changed;
        a.data = true;
        a.groups.extend(before.groups.iter().copied());
        // The old lists' ids are the old site's when pages came or went.
        let paths = |ids: &[PageId]| -> Vec<&str> {
            ids.iter()
                .map(|&i| match &before.old_paths {
                    Some(old) => old[i.index()].as_str(),
                    None => site.pages[i].path.as_str(),
                })
                .collect()
        };
        for (key, old) in &before.sections {
            let Some((section, members)) = site.sections.get(key) else {
                continue;
            };
            let per = section_page_size(site, *section);
            if let Some(set) = PageSet::of(Some(paths(old)), members, site, changed, per) {
                a.sections.insert(key.clone(), set);
            }
            a.langs.insert(key.1.clone());
        }
        a.langs.extend(before.by_date.keys().cloned());
        let old = |key: &(String, LangCode)| {
            let members = before.sections.get(key)?;
            let head = &members[..members.len().min(super::heads::SHOWN)];
            Some(paths(head).into_iter().map(str::to_owned).collect())
        };
        a.heads = super::heads::changed_heads(site, old, changed);
        for (lang, old_terms) in &before.terms {
            let old: HashMap<&str, &crate::site::Term> =
                old_terms.iter().map(|t| (t.slug.as_str(), t)).collect();
            let terms = site.terms.get(lang).map(Vec::as_slice).unwrap_or(&[]);
            for term in terms {
                let was = old.get(term.slug.as_str()).map(|t| paths(&t.pages));
                if was.is_none() {
                    a.new_tags.insert((lang.clone(), term.slug.clone()));
                }
                let per = site.config.paginate_by;
                if let Some(set) = PageSet::of(was, &term.pages, site, changed, per) {
                    a.tags.insert((lang.clone(), term.slug.clone()), set);
                }
            }
            // A tag that went: the tag list shows it no more.
            for gone in old_terms
                .iter()
                .filter(|t| !terms.iter().any(|n| n.slug == t.slug))
            {
                let set = PageSet {
                    from: Some(1),
                    ..PageSet::default()
                };
                a.tags.insert((lang.clone(), gone.slug.clone()), set);
            }
        }
        a
    }

    /// The changed pages, their groups and languages, and whether they
    /// carry exported data.
    fn of_pages(site: &Site, changed: &[bool], front_changed: &[bool]) -> Affected {
        let mut a = Affected {
            pages: changed.to_vec(),
            groups: HashSet::new(),
            langs: HashSet::new(),
            sections: HashMap::new(),
            tags: HashMap::new(),
            heads: HashSet::new(),
            new_tags: HashSet::new(),
            sitemap: false,
            data: false,
        };
        for (i, p) in site.pages.iter().enumerate() {
            if changed[i] {
                a.groups.insert(p.group);
                a.langs.insert(p.lang.clone());
                // The search index holds bodies; /data/ (and the sizes the
                // data pages show) holds front matter, of every article.
                a.data |= site.config.search || front_changed[i];
            }
        }
        a
    }

    /// Updated in place: every list keeps its order; only the pages that
    /// hold a changed item are affected.
    fn lists_in_place(&mut self, site: &Site, changed: &[bool]) {
        for (key, (section, members)) in &site.sections {
            if let Some(set) =
                PageSet::in_place(members, changed, section_page_size(site, *section))
            {
                self.sections.insert(key.clone(), set);
            }
        }
        for (lang, terms) in &site.terms {
            for term in terms {
                if let Some(set) = PageSet::in_place(&term.pages, changed, site.config.paginate_by)
                {
                    self.tags.insert((lang.clone(), term.slug.clone()), set);
                }
            }
        }
    }

    /// Lists compared with the previous site's: pages from the first moved
    /// item on, and the pages holding changed items.
    fn lists_reordered(&mut self, site: &Site, previous: &Site, changed: &[bool]) {
        let paths = |s: &'_ Site, ids: &[PageId]| -> Vec<String> {
            ids.iter().map(|&i| s.pages[i].path.clone()).collect()
        };
        for (key, (section, members)) in &site.sections {
            let old = previous.sections.get(key).map(|(_, m)| paths(previous, m));
            let old_refs = old.as_ref().map(|v| v.iter().map(String::as_str).collect());
            if let Some(set) = PageSet::of(
                old_refs,
                members,
                site,
                changed,
                section_page_size(site, *section),
            ) {
                self.langs.insert(key.1.clone());
                self.sections.insert(key.clone(), set);
            }
        }
        for (lang, terms) in &site.terms {
            let old_terms: HashMap<&str, &crate::site::Term> = previous
                .terms
                .get(lang)
                .map(|ts| ts.iter().map(|t| (t.slug.as_str(), t)).collect())
                .unwrap_or_default();
            for term in terms {
                let old = old_terms
                    .get(term.slug.as_str())
                    .map(|t| paths(previous, &t.pages));
                if old.is_none() {
                    self.new_tags.insert((lang.clone(), term.slug.clone()));
                }
                let old_refs = old.as_ref().map(|v| v.iter().map(String::as_str).collect());
                if let Some(set) = PageSet::of(
                    old_refs,
                    &term.pages,
                    site,
                    changed,
                    site.config.paginate_by,
                ) {
                    self.tags.insert((lang.clone(), term.slug.clone()), set);
                }
            }
        }
    }

    /// The (section, language) lists the change touched (their feeds).
    pub(crate) fn section_keys(&self) -> impl Iterator<Item = &(String, LangCode)> {
        self.sections.keys()
    }

    /// Adds what the last build left unwritten to what this one writes
    /// besides pages (after the pages are rendered: it renders no list).
    pub(crate) fn absorb(&mut self, owed: &super::Owed) {
        self.sitemap |= owed.sitemap;
        self.data |= owed.data;
        self.langs.extend(owed.langs.iter().cloned());
        for key in &owed.sections {
            self.sections.entry(key.clone()).or_default();
        }
    }

    /// Whether the job is what the editor just made or changed (the edited
    /// or new article, a new tag's page): written first, with the pages
    /// open in a browser.
    pub(crate) fn urgent(&self, site: &Site, job: Job) -> bool {
        match job {
            Job::Article(id) => self.pages[id.index()],
            Job::Term(id, t, 1) => {
                let lang = &site.pages[id].lang;
                site.terms[lang]
                    .get(t)
                    .is_some_and(|term| self.new_tags.contains(&(lang.clone(), term.slug.clone())))
            }
            _ => false,
        }
    }

    /// The same, with no article rendered for its section's newest
    /// articles (no template shows them beside an article).
    pub(crate) fn without_heads(mut self) -> Affected {
        self.heads.clear();
        self
    }

    /// Whether the job shows something the change touched.
    pub(crate) fn wants(&self, site: &Site, job: Job) -> bool {
        match job {
            Job::Article(id) => {
                let p = &site.pages[id];
                self.pages[id.index()]
                    || self.groups.contains(&p.group)
                    || (!self.heads.is_empty()
                        && p.section
                            .as_ref()
                            .is_some_and(|s| self.heads.contains(&(s.clone(), p.lang.clone()))))
            }
            Job::Home(id) => self.langs.contains(&site.pages[id].lang) || self.pages[id.index()],
            Job::Section(id, n) => {
                let p = &site.pages[id];
                self.pages[id.index()]
                    || self
                        .sections
                        .get(&(p.section.clone().unwrap_or_default(), p.lang.clone()))
                        .is_some_and(|s| s.wants(n))
            }
            Job::Terms(id) => self
                .tags
                .iter()
                .any(|((l, _), set)| *l == site.pages[id].lang && set.from.is_some()),
            Job::Term(id, t, n) => {
                let lang = &site.pages[id].lang;
                self.tags
                    .get(&(lang.clone(), site.terms[lang][t].slug.clone()))
                    .is_some_and(|s| s.wants(n))
            }
            Job::NotFound(_) => false,
            Job::Data(_) => self.data,
        }
    }
}

/// Whether a changed page got a new date or pages came or went: the
/// sitemap lists both.
fn sitemap_changed(site: &Site, previous: &Site, changed: &[bool]) -> bool {
    let before: HashMap<&str, &crate::site::Page> = previous
        .pages
        .iter()
        .map(|p| (p.path.as_str(), p))
        .collect();
    let lastmod = |s: &Site, p: &crate::site::Page| {
        s.source(p)
            .and_then(|src| src.front.updated.or(src.front.date))
    };
    let redated = site.pages.iter().enumerate().any(|(i, p)| {
        let same_date = before
            .get(p.path.as_str())
            .is_some_and(|old| lastmod(previous, old) == lastmod(site, p));
        changed[i] && !same_date
    });
    redated || site.pages.len() != previous.pages.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<PageId> {
        (0..n).map(PageId::new).collect()
    }

    #[test]
    fn a_list_updated_in_place_rerenders_only_pages_with_changed_items() {
        // Items 0..5, two per page; item ids 1 and 4 changed.
        let changed = [false, true, false, false, true];
        let set = PageSet::in_place(&ids(5), &changed, 2).expect("some changed");
        assert_eq!(set.from, None);
        assert!(set.wants(1) && !set.wants(2) && set.wants(3));
    }

    #[test]
    fn a_list_without_changed_items_is_untouched() {
        assert!(PageSet::in_place(&ids(2), &[false, false], 10).is_none());
    }

    #[test]
    fn a_move_in_a_list_of_the_same_length_rerenders_up_to_the_last_difference() {
        // Item 3 (page 2 of two per page) moves to the top: positions 0
        // to 3 change, 4 and 5 (page 3) do not.
        let before = ["a", "b", "c", "d", "e", "f"];
        assert_eq!(
            moved(&before, &["d", "a", "b", "c", "e", "f"]),
            Some((0, Some(3)))
        );
        assert_eq!(moved(&before, &before), None);
        // A list that grew: everything from the first difference on.
        assert_eq!(moved(&before[..5], &before), Some((5, None)));
        let set = PageSet {
            from: Some(1),
            until: Some(2),
            pages: HashSet::new(),
        };
        assert!(set.wants(1) && set.wants(2) && !set.wants(3));
    }

    #[test]
    fn a_moved_item_rerenders_every_page_from_its_page_on() {
        let set = PageSet {
            from: Some(2),
            until: None,
            pages: HashSet::new(),
        };
        assert!(!set.wants(1) && set.wants(2) && set.wants(9));
    }
}
