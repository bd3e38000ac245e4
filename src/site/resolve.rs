//! Resolve: [`Sources`] → [`Site`]. Files become pages in languages, with
//! URLs, translation groups, sections, tags and fallbacks; two pages (or a
//! page and an alias, or two aliases) at one URL are reported here.
//!
//! Comes in: the config, the loaded sources and the locales (for the
//! titles of sections that have no `_index` file). Goes out: the site, with
//! empty rendered bodies (`render_markdown` fills them), and diagnostics.
//! The steps, in order: drop drafts, group translations, order sections,
//! make home and section pages, make article pages, check URLs and aliases,
//! then build the lists (sections, dates, tags).

use super::model::{Page, PageId, Site, SourceId, Term};
use super::urls::check_urls;
use crate::collation::Collators;
use crate::config::{Config, LangCode, Untranslated};
use crate::content::front_matter::SortBy;
use crate::content::slug::slugify;
use crate::content::{Kind, SourcePage, Sources};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::msg;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Options of the resolve stage.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ResolveOptions {
    /// Publish drafts.
    pub drafts: bool,
}

/// Builds the site model. Errors leave a usable (partial) site so that all
/// problems of a build can be reported together.
pub(crate) fn resolve(
    config: Config,
    sources: Sources,
    locales: &Locales,
    opts: ResolveOptions,
) -> (Site, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Sources {
        pages: all_sources,
        section_assets,
    } = sources;
    let sources: Vec<Arc<SourcePage>> = all_sources
        .into_iter()
        .filter(|s| opts.drafts || !s.front.draft)
        .collect();

    let translations = group_translations(&sources, &mut diags);
    let section_names = ordered_section_names(&sources);
    let mut builder = PageBuilder {
        config: &config,
        sources: &sources,
        locales,
        translations: &translations,
        pages: Vec::new(),
        groups: Vec::new(),
        link_index: translations.link_index.clone(),
    };
    let (homes, section_pages) = builder.add_homes_and_sections(&section_names);
    builder.add_articles();
    let PageBuilder {
        pages,
        groups,
        link_index,
        ..
    } = builder;

    diags.extend(check_urls(&config.root, &config.origin, &pages, &sources));

    let collators = Arc::new(Collators::new(
        config.languages.iter().map(|l| l.code.as_str()),
    ));
    let sections = section_lists(&section_pages, &pages, &sources, &collators);
    let by_date = articles_by_date(&pages, &sources, &collators);
    let terms = if config.taxonomies.iter().any(|t| t == "tags") {
        tag_terms(&by_date, &pages, &sources, &collators)
    } else {
        BTreeMap::new()
    };
    let mut site = Site {
        config,
        sources,
        section_assets,
        pages,
        groups,
        section_names,
        homes,
        sections,
        terms,
        by_date,
        link_index,
        collators,
    };
    site.attribute(0..site.groups.len());
    (site, diags)
}

/// Sources that are versions of one another, before any page exists.
struct Translations {
    /// Group key (`content_path` or `key:…`) → index in `files`, in key order.
    group_of_key: BTreeMap<String, usize>,
    /// Per group: the file of each language.
    files: Vec<BTreeMap<LangCode, SourceId>>,
    /// `content_path` → index in `files`, first seen: the seed of
    /// [`Site::link_index`]. Making pages overwrites every entry with its
    /// page group; only a source whose group makes no page (an `_index`
    /// sharing a `translation_key` with an article) keeps this index, as
    /// before the split.
    link_index: HashMap<String, usize>,
}

/// Groups sources by their translation key, in path order. Two files of one
/// language in a group are an error; the second is left out.
fn group_translations(sources: &[Arc<SourcePage>], diags: &mut Diagnostics) -> Translations {
    let mut t = Translations {
        group_of_key: BTreeMap::new(),
        files: Vec::new(),
        link_index: HashMap::new(),
    };
    for (i, s) in sources.iter().enumerate() {
        let files = &mut t.files;
        let g = *t.group_of_key.entry(s.group_key()).or_insert_with(|| {
            files.push(BTreeMap::new());
            files.len() - 1
        });
        if let Some(&other) = t.files[g].get(&s.lang) {
            diags.push(
                Diagnostic::error(
                    s.file.clone(),
                    msg!(
                        "translation.duplicate",
                        lang = s.lang.as_str(),
                        other = &sources[other].file
                    ),
                )
                .hint(msg!("translation.duplicate.hint")),
            );
            continue;
        }
        t.files[g].insert(s.lang.clone(), SourceId::new(i));
        t.link_index.entry(s.content_path.clone()).or_insert(g);
    }
    t
}

/// Section names in the order of their `_index` weight (the menu order),
/// then by name.
fn ordered_section_names(sources: &[Arc<SourcePage>]) -> Vec<String> {
    let mut names: Vec<String> = sources
        .iter()
        .filter_map(|s| s.section.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let weight = |name: &String| {
        sources
            .iter()
            .filter(|s| s.kind == Kind::Section && s.section.as_ref() == Some(name))
            .find_map(|s| s.front.weight)
            .unwrap_or(i64::MAX)
    };
    names.sort_by_key(|n| (weight(n), n.clone()));
    names
}

/// Makes pages and page groups; ids are positions in `pages`.
struct PageBuilder<'a> {
    config: &'a Config,
    sources: &'a [Arc<SourcePage>],
    locales: &'a Locales,
    translations: &'a Translations,
    pages: Vec<Page>,
    groups: Vec<Vec<PageId>>,
    link_index: HashMap<String, usize>,
}

/// Per (section, language): the section's page.
type SectionPages = BTreeMap<(String, LangCode), PageId>;

impl PageBuilder<'_> {
    fn languages(&self) -> Vec<LangCode> {
        self.config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .collect()
    }

    fn new_group(&mut self) -> usize {
        self.groups.push(Vec::new());
        self.groups.len() - 1
    }

    fn push(&mut self, page: Page) -> PageId {
        let id = PageId::new(self.pages.len());
        self.groups[page.group].push(id);
        self.pages.push(page);
        id
    }

    fn page(
        &self,
        kind: Kind,
        source: Option<SourceId>,
        lang: &LangCode,
        section: Option<String>,
        group: usize,
        title: String,
    ) -> Page {
        Page {
            kind,
            source,
            lang: lang.clone(),
            section,
            slug: String::new(),
            path: String::new(),
            group,
            is_fallback: false,
            title,
            date: source.and_then(|s| self.sources[s].front.date),
            rendered: Arc::default(),
            unit: None,
            plan: Vec::new(),
        }
    }

    fn title_from_fluent(&self, lang: &LangCode, key: &str, fallback: &str) -> String {
        self.locales
            .message(lang, key, None)
            .ok()
            .flatten()
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// Home and section pages exist in every language, with or without a
    /// file; their titles default to Fluent's `site-title` and `nav-SECTION`.
    fn add_homes_and_sections(
        &mut self,
        section_names: &[String],
    ) -> (BTreeMap<LangCode, PageId>, SectionPages) {
        let mut homes = BTreeMap::new();
        let mut section_pages = SectionPages::new();
        let langs = self.languages();
        let home_then_sections =
            std::iter::once(None).chain(section_names.iter().cloned().map(Some));
        for section in home_then_sections {
            let key = match &section {
                None => "_index.md".to_string(),
                Some(s) => format!("{s}/_index.md"),
            };
            let files = self
                .translations
                .group_of_key
                .get(&key)
                .map(|&g| self.translations.files[g].clone())
                .unwrap_or_default();
            let group = self.new_group();
            self.link_index.insert(key, group);
            for lang in &langs {
                let src = files.get(lang).copied();
                let (kind, default_title) = match &section {
                    Some(s) => (
                        Kind::Section,
                        self.title_from_fluent(lang, &format!("nav-{s}"), s),
                    ),
                    None => (
                        Kind::Home,
                        self.title_from_fluent(lang, "site-title", &self.config.title),
                    ),
                };
                let title = src
                    .and_then(|s| self.sources[s].front.title.clone())
                    .unwrap_or(default_title);
                let mut page = self.page(kind, src, lang, section.clone(), group, title);
                page.path = match &section {
                    Some(s) => format!("{}{}/", self.config.lang_prefix(lang), s),
                    None => self.config.lang_prefix(lang),
                };
                let id = self.push(page);
                match &section {
                    Some(s) => {
                        section_pages.insert((s.clone(), lang.clone()), id);
                    }
                    None => {
                        homes.insert(lang.clone(), id);
                    }
                }
            }
        }
        (homes, section_pages)
    }

    /// Articles: each translation group, in each language that has it or,
    /// with `untranslated: fallback`, that can borrow it along its chain.
    fn add_articles(&mut self) {
        let translations = self.translations;
        let langs = self.languages();
        for &g in translations.group_of_key.values() {
            let files = &translations.files[g];
            let Some((_, &first)) = files.iter().next() else {
                continue;
            };
            if self.sources[first].kind != Kind::Article {
                continue;
            }
            let group = self.new_group();
            for s in files.values() {
                self.link_index
                    .insert(self.sources[*s].content_path.clone(), group);
            }
            for lang in &langs {
                let Some((src, is_fallback)) = self.article_source(files, lang) else {
                    continue;
                };
                let s = &self.sources[src];
                let title = s.front.title.clone().unwrap_or_default();
                let mut page = self.page(
                    Kind::Article,
                    Some(src),
                    lang,
                    s.section.clone(),
                    group,
                    title,
                );
                page.is_fallback = is_fallback;
                page.slug = article_slug(s);
                page.path = match &s.section {
                    Some(sec) => format!("{}{}/{}/", self.config.lang_prefix(lang), sec, page.slug),
                    None => format!("{}{}/", self.config.lang_prefix(lang), page.slug),
                };
                self.push(page);
            }
        }
    }

    /// The file an article shows in `lang`, and whether it is borrowed from
    /// another language; `None` when the article is not published in `lang`.
    fn article_source(
        &self,
        files: &BTreeMap<LangCode, SourceId>,
        lang: &LangCode,
    ) -> Option<(SourceId, bool)> {
        if let Some(&s) = files.get(lang) {
            return Some((s, false));
        }
        if self.config.untranslated != Untranslated::Fallback {
            return None;
        }
        let chain = self.config.fallback_chain(lang);
        chain
            .iter()
            .find_map(|l| files.get(l))
            .or_else(|| files.values().next())
            .map(|&s| (s, true))
    }
}

/// The front matter's `slug:` when it has letters left after slugifying,
/// else the file name's.
pub(super) fn article_slug(s: &SourcePage) -> String {
    match &s.front.slug {
        Some(slug) => {
            let cleaned = slugify(slug);
            if cleaned.is_empty() {
                slugify(&s.file_slug)
            } else {
                cleaned
            }
        }
        None => slugify(&s.file_slug),
    }
}

/// Per (section, language): the section page and its articles, sorted by
/// the section's `sort_by`.
fn section_lists(
    section_pages: &SectionPages,
    pages: &[Page],
    sources: &[Arc<SourcePage>],
    collators: &Collators,
) -> BTreeMap<(String, LangCode), (PageId, Vec<PageId>)> {
    let mut sections = BTreeMap::new();
    for ((name, lang), &section_id) in section_pages {
        let sort = section_sort(&pages[section_id], sources);
        let mut members: Vec<PageId> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.kind == Kind::Article && p.lang == *lang && p.section.as_deref() == Some(name)
            })
            .map(|(i, _)| PageId::new(i))
            .collect();
        sort_pages(&mut members, pages, sources, collators, sort);
        sections.insert((name.clone(), lang.clone()), (section_id, members));
    }
    sections
}

pub(super) fn section_sort(section: &Page, sources: &[Arc<SourcePage>]) -> SortBy {
    section
        .source
        .and_then(|s| sources[s].front.sort_by)
        .unwrap_or_default()
}

/// Per language: every article, newest first.
fn articles_by_date(
    pages: &[Page],
    sources: &[Arc<SourcePage>],
    collators: &Collators,
) -> BTreeMap<LangCode, Vec<PageId>> {
    let mut by_date: BTreeMap<LangCode, Vec<PageId>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        if p.kind == Kind::Article {
            by_date
                .entry(p.lang.clone())
                .or_default()
                .push(PageId::new(i));
        }
    }
    for list in by_date.values_mut() {
        sort_pages(list, pages, sources, collators, SortBy::Date);
    }
    by_date
}

/// Per language: the tags of its articles, in the language's alphabetical
/// order (then by slug), each with its articles newest first. Tags that
/// slugify to nothing are left out.
pub(super) fn tag_terms(
    by_date: &BTreeMap<LangCode, Vec<PageId>>,
    pages: &[Page],
    sources: &[Arc<SourcePage>],
    collators: &Collators,
) -> BTreeMap<LangCode, Vec<Term>> {
    let mut terms = BTreeMap::new();
    // Most pages share their tags: each spelling is slugified once.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for (lang, list) in by_date {
        // Each spelling's term (`None`: no slug), and each slug's.
        let mut term_of: HashMap<&str, Option<usize>> = HashMap::new();
        let mut by_slug: HashMap<String, usize> = HashMap::new();
        let mut found: Vec<Term> = Vec::new();
        for &id in list {
            let Some(src) = pages[id].source else {
                continue;
            };
            for tag in &sources[src].front.tags {
                let at = *term_of.entry(tag.as_str()).or_insert_with(|| {
                    let slug = slugs.entry(tag.as_str()).or_insert_with(|| slugify(tag));
                    if slug.is_empty() {
                        return None;
                    }
                    // The first spelling met names the term.
                    let at = *by_slug.entry(slug.clone()).or_insert_with(|| {
                        found.push(Term {
                            name: tag.clone(),
                            slug: slug.clone(),
                            pages: Vec::new(),
                        });
                        found.len() - 1
                    });
                    Some(at)
                });
                if let Some(at) = at {
                    found[at].pages.push(id);
                }
            }
        }
        found.sort_by_cached_key(|t| (collators.key(lang.as_str(), &t.name), t.slug.clone()));
        terms.insert(lang.clone(), found);
    }
    terms
}

/// Sorts articles: by date (newest first), weight (lightest first) or
/// title (in the alphabetical order of each page's language); ties broken
/// by URL so the order never depends on the file system.
pub(crate) fn sort_pages(
    list: &mut [PageId],
    pages: &[Page],
    sources: &[Arc<SourcePage>],
    collators: &Collators,
    by: SortBy,
) {
    let weight = |id: PageId| {
        pages[id]
            .source
            .and_then(|s| sources[s].front.weight)
            .unwrap_or(i64::MAX)
    };
    let newest = |a: PageId, b: PageId| pages[b].date.cmp(&pages[a].date);
    let by_date_or_weight = |a: PageId, b: PageId| match by {
        SortBy::Weight => weight(a).cmp(&weight(b)).then(newest(a, b)),
        _ => newest(a, b),
    };
    match by {
        // One collation key per title, not a collator call per comparison.
        SortBy::Title => list.sort_by_cached_key(|&id| {
            let p = &pages[id];
            (collators.key(p.lang.as_str(), &p.title), p.path.clone())
        }),
        SortBy::Date | SortBy::Weight => list.sort_by(|&a, &b| {
            by_date_or_weight(a, b).then_with(|| pages[a].path.cmp(&pages[b].path))
        }),
    }
}
