//! The resolved site model: [`Site`] and its [`Page`]s and [`Term`]s, and
//! the typed ids that index them. Built by `resolve`, then read — from many
//! render threads at once, without a lock — and replaced, never patched, by
//! `serve`'s in-place update.
//!
//! Comes in: nothing (plain data). Goes out: the read methods every output
//! uses (URLs, translations, `@/` link resolution).

use crate::collation::Collators;
use crate::config::{Config, LangCode};
use crate::content::front_matter::Date;
use crate::content::{Kind, SourcePage};
use crate::markdown::Rendered;
use crate::urls::encode_path;
use std::collections::{BTreeMap, HashMap};
use std::ops::{Index, IndexMut};
use std::path::PathBuf;
use std::sync::Arc;

/// `list[id]` for a typed id, on the vector and on its slices.
macro_rules! typed_index {
    ($id:ty, $item:ty) => {
        impl Index<$id> for [$item] {
            type Output = $item;
            fn index(&self, id: $id) -> &$item {
                &self[id.0]
            }
        }
        impl IndexMut<$id> for [$item] {
            fn index_mut(&mut self, id: $id) -> &mut $item {
                &mut self[id.0]
            }
        }
        impl Index<$id> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $id) -> &$item {
                &self.as_slice()[id]
            }
        }
        impl IndexMut<$id> for Vec<$item> {
            fn index_mut(&mut self, id: $id) -> &mut $item {
                &mut self.as_mut_slice()[id]
            }
        }
    };
}

/// A page of [`Site::pages`]: `site.pages[id]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(usize);

impl PageId {
    /// The page at position `index` of [`Site::pages`].
    pub(crate) fn new(index: usize) -> Self {
        Self(index)
    }

    /// The position in [`Site::pages`].
    pub(crate) fn index(self) -> usize {
        self.0
    }
}

typed_index!(PageId, Page);

/// A source file of [`Site::sources`]: `site.sources[id]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(usize);

impl SourceId {
    /// The source at position `index` of [`Site::sources`].
    pub(crate) fn new(index: usize) -> Self {
        Self(index)
    }

    /// The position in [`Site::sources`].
    pub(crate) fn index(self) -> usize {
        self.0
    }
}

typed_index!(SourceId, Arc<SourcePage>);

/// One page in one language: an article, a section's first page or a home page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Home, section or article.
    pub kind: Kind,
    /// The source file, if any (sections without `_index.LANG.md` have none).
    pub source: Option<SourceId>,
    /// The language the page is published in.
    pub lang: LangCode,
    /// The section's name, for sections and articles in one.
    pub section: Option<String>,
    /// The last URL segment (articles).
    pub slug: String,
    /// The URL path below the base path, unencoded: `/en/tourism/nui-ba-ra/`.
    pub path: String,
    /// Translation group.
    pub group: usize,
    /// The source text is another language's (`untranslated: fallback`).
    pub is_fallback: bool,
    /// Title (from front matter, or Fluent for synthesized sections).
    pub title: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Rendered Markdown (shared: `serve` reuses it for unchanged pages).
    pub rendered: Arc<Rendered>,
    /// The unit (`unit:`) the page is the work of: its source's own, else
    /// its translation group's original's ([`Site::attribute`]).
    pub unit: Option<String>,
    /// The plan tasks the page serves: its translation group's (`plan:` is
    /// written once, on any version), sorted ([`Site::attribute`]).
    pub plan: Vec<String>,
}

/// A tag in one language.
#[derive(Debug, Clone)]
pub struct Term {
    /// As written.
    pub name: String,
    /// Slug.
    pub slug: String,
    /// Articles, newest first.
    pub pages: Vec<PageId>,
}

/// The resolved site.
#[derive(Debug)]
pub struct Site {
    /// Configuration.
    pub config: Config,
    /// Source files.
    pub sources: Vec<Arc<SourcePage>>,
    /// Files in section folders: (absolute source, output path).
    pub section_assets: Vec<(PathBuf, String)>,
    /// Every page of every language.
    pub pages: Vec<Page>,
    /// Translation groups: page ids, in the site's language order.
    pub groups: Vec<Vec<PageId>>,
    /// Section names, sorted.
    pub section_names: Vec<String>,
    /// Per language: the home page.
    pub homes: BTreeMap<LangCode, PageId>,
    /// Per (section, language): the section page and its articles in order.
    pub sections: BTreeMap<(String, LangCode), (PageId, Vec<PageId>)>,
    /// Per language: tags, in the language's alphabetical order.
    pub terms: BTreeMap<LangCode, Vec<Term>>,
    /// Per language: every article, newest first (feeds, search).
    pub by_date: BTreeMap<LangCode, Vec<PageId>>,
    /// `@/` path → translation group.
    pub link_index: HashMap<String, usize>,
    /// The alphabetical order of each language (titles, tags), made once.
    pub(crate) collators: Arc<Collators>,
}

impl Site {
    /// The index of the source read from `file` (relative to the root):
    /// sources are in path order (resolve's, kept by splice).
    pub(crate) fn source_index(&self, file: &std::path::Path) -> Option<usize> {
        self.sources
            .binary_search_by(|s| s.file.as_path().cmp(file))
            .ok()
    }

    /// Pages per language, in the site's language order.
    pub(crate) fn pages_per_language(&self) -> Vec<(LangCode, usize)> {
        let mut counts: Vec<(LangCode, usize)> = self
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), 0))
            .collect();
        // A handful of languages: compared in turn, not hashed per page.
        for p in &self.pages {
            if let Some((_, n)) = counts.iter_mut().find(|(code, _)| *code == p.lang) {
                *n += 1;
            }
        }
        counts
    }

    /// The page's source, if it has one.
    pub fn source(&self, page: &Page) -> Option<&SourcePage> {
        page.source.map(|s| &*self.sources[s])
    }

    /// Every page with its id.
    pub(crate) fn pages_with_ids(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.pages.iter().enumerate().map(|(i, p)| (PageId(i), p))
    }

    /// Encoded URL of a path below the base path: `/portal/en/x/`.
    pub fn url(&self, path: &str) -> String {
        let base = self.config.base_path.trim_end_matches('/');
        encode_path(&format!("{base}{path}"))
    }

    /// Absolute URL: origin + url.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.config.origin, self.url(path))
    }

    /// Whether a language has a tag list (and tag pages): only when its
    /// articles use tags. Links to them ask this, as the renderer does.
    pub(crate) fn has_tag_pages(&self, lang: &LangCode) -> bool {
        self.terms.contains_key(lang)
    }

    /// The folder of a language's project exports, `/en/investment/` (it
    /// holds `projects.json` and `projects.csv`), when the language has
    /// any: an article of its own (not a fallback copy) with a `project:`
    /// block. The exports are written and linked on this one answer.
    pub fn projects_data_path(&self, lang: &LangCode) -> Option<String> {
        self.has_own_article(lang, |s| s.front.project.is_some())
            .then(|| format!("{}investment/", self.config.lang_prefix(lang)))
    }

    /// A language's events calendar, `/en/events.ics`, when it has any: an
    /// article of its own (not a fallback copy) with an `event:` block.
    pub fn events_calendar_path(&self, lang: &LangCode) -> Option<String> {
        self.has_own_article(lang, |s| s.front.event.is_some())
            .then(|| format!("{}events.ics", self.config.lang_prefix(lang)))
    }

    /// Whether an article of `lang` that is not a fallback copy has `what`.
    fn has_own_article(&self, lang: &LangCode, what: impl Fn(&SourcePage) -> bool) -> bool {
        self.by_date.get(lang).is_some_and(|ids| {
            ids.iter().any(|&id| {
                let page = &self.pages[id];
                !page.is_fallback && self.source(page).is_some_and(&what)
            })
        })
    }

    /// The URL path of a language's tag list: `/en/tags/`.
    pub fn terms_path(&self, lang: &LangCode) -> String {
        format!("{}tags/", self.config.lang_prefix(lang))
    }

    /// The URL path of a language's open-data page, `/en/data/` (`/data/`
    /// for a default language at the root, beside the files it lists).
    /// Every language has one; a page of the site's own there is an error
    /// (`urls::check_urls`).
    pub fn data_page_path(&self, lang: &LangCode) -> String {
        data_page_path(&self.config.lang_prefix(lang))
    }

    /// The URL path of a tag's page: `/en/tags/cashew/`.
    pub fn term_path(&self, lang: &LangCode, slug: &str) -> String {
        format!("{}{slug}/", self.terms_path(lang))
    }

    /// Pages of a translation group, in language order.
    pub fn translations(&self, page: &Page) -> &[PageId] {
        &self.groups[page.group]
    }

    /// The sources of a page's translation group (fallback copies left
    /// out): the original first (the default language's version, else the
    /// first in language order), then the others.
    fn group_sources(&self, page: &Page) -> Vec<&SourcePage> {
        let default = &self.config.default_language;
        let mut members: Vec<&Page> = self
            .translations(page)
            .iter()
            .map(|&p| &self.pages[p])
            .filter(|p| !p.is_fallback)
            .collect();
        members.sort_by_key(|p| p.lang != *default);
        members.iter().filter_map(|p| self.source(p)).collect()
    }

    /// Sets [`Page::unit`] and [`Page::plan`] of every page of `groups`
    /// from the group's sources: the one place a translation inherits them.
    /// A page's unit is its own `unit:`, else its group's original's (a
    /// translation is written for the unit that wrote the article); its
    /// plan is every task any version names. `resolve` attributes every
    /// group; `serve`'s updates, the groups of the files they change (an
    /// original's edit reaches its translations). Every output (pages,
    /// lists, feeds, open data, report) reads the pages' fields.
    pub(crate) fn attribute(&mut self, groups: impl IntoIterator<Item = usize>) {
        for g in groups {
            let Some(&first) = self.groups.get(g).and_then(|m| m.first()) else {
                continue;
            };
            let sources = self.group_sources(&self.pages[first]);
            let original = sources.first().and_then(|s| s.front.unit.clone());
            let mut plan: Vec<String> = sources
                .iter()
                .flat_map(|s| s.front.plan.iter().cloned())
                .collect();
            plan.sort();
            plan.dedup();
            for id in self.groups[g].clone() {
                let own = self
                    .source(&self.pages[id])
                    .and_then(|s| s.front.unit.clone());
                let page = &mut self.pages[id];
                page.unit = own.or_else(|| original.clone());
                page.plan = plan.clone();
            }
        }
    }

    /// The translation group of the article at `@/path`: the path as
    /// written, else the file named in another Unicode normalization (a
    /// Mac writes `Đà Lạt.md` decomposed; the link is typed composed).
    pub(crate) fn link_group(&self, path: &str) -> Option<usize> {
        let path = path.trim_start_matches('/');
        self.link_index.get(path).copied().or_else(|| {
            self.link_index
                .iter()
                .filter(|(key, _)| crate::paths::same_text(key, path))
                .min_by_key(|(key, _)| key.as_str())
                .map(|(_, &group)| group)
        })
    }

    /// The page a link `@/path` from a page in `lang` points to: the same
    /// language, else along its fallback chain, else any language.
    pub fn resolve_link(&self, lang: &LangCode, path: &str) -> Option<PageId> {
        let group = self.link_group(path)?;
        let members = &self.groups[group];
        self.config
            .fallback_chain(lang)
            .iter()
            .find_map(|l| {
                members
                    .iter()
                    .copied()
                    .find(|&id| self.pages[id].lang == *l)
            })
            .or_else(|| members.first().copied())
    }
}

/// The open-data page's path below a language's prefix (`/`, `/en/`).
pub(crate) fn data_page_path(prefix: &str) -> String {
    format!("{prefix}data/")
}

/// The files of the site-wide open data, below `/data/` (written by
/// `outputs::open_data`): a page may link to them. tests/open_data.rs
/// checks that a link to every file a build writes there is accepted.
pub(crate) const OPEN_DATA_FILES: [&str; 8] = [
    "articles.json",
    "articles.csv",
    "projects.json",
    "projects.csv",
    "places.json",
    "places.csv",
    "events.json",
    "events.csv",
];

/// The catalogues of the open data, beside it (`outputs::catalog`), written
/// only when the site has an origin: they need absolute URLs.
pub(crate) const OPEN_DATA_CATALOGS: [&str; 2] = ["catalog.jsonld", "csv-metadata.json"];

/// The files of one language's project list (`/en/investment/projects.json`
/// and `.csv`) below its folder, when it has one.
pub(crate) const PROJECT_DATA_FILES: [&str; 2] = ["projects.json", "projects.csv"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lao_paths_are_percent_encoded() {
        assert_eq!(encode_path("/lo/ພູ/"), "/lo/%E0%BA%9E%E0%BA%B9/");
        assert_eq!(encode_path("/en/a b/"), "/en/a%20b/");
    }
}
