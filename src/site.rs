//! Resolve: [`Sources`] → [`Site`], the immutable model every output is
//! rendered from. Here files become pages in languages, with URLs,
//! translation groups, sections, tags, fallbacks and rendered Markdown;
//! duplicate URLs, broken links and anchors are found here.
//!
//! Everything is indexed by plain integers ([`PageId`]) into vectors: the
//! renderer reads the site from many threads without a lock.

use crate::config::{Config, LangCode, Untranslated};
use crate::content::front_matter::{Date, SortBy};
use crate::content::slug::slugify;
use crate::content::{Kind, SourcePage, Sources};
use crate::diagnostics::{closest, display_path, Diagnostic, Diagnostics};
use crate::html::escape;
use crate::markdown::{self, ImageHtml, Rendered, Resolver};
use crate::paths::{is_inside, normalize_inside};
use crate::urls::{encode_path, normalize_alias};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a page in [`Site::pages`].
pub type PageId = usize;

/// One page in one language: an article, a section's first page or a home page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Home, section or article.
    pub kind: Kind,
    /// The source file, if any (sections without `_index.LANG.md` have none).
    pub source: Option<usize>,
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
    /// Per language: tags, sorted by slug.
    pub terms: BTreeMap<LangCode, Vec<Term>>,
    /// Per language: every article, newest first (feeds, search).
    pub by_date: BTreeMap<LangCode, Vec<PageId>>,
    /// `@/` path → translation group.
    pub link_index: HashMap<String, usize>,
    /// Each language's fallback chain, computed once.
    pub chains: HashMap<LangCode, Vec<LangCode>>,
}

impl Site {
    /// The page's source, if it has one.
    pub fn source(&self, page: &Page) -> Option<&SourcePage> {
        page.source.map(|s| &*self.sources[s])
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

    /// The URL path of a language's tag list: `/en/tags/`.
    pub fn terms_path(&self, lang: &LangCode) -> String {
        format!("{}tags/", self.config.lang_prefix(lang))
    }

    /// The URL path of a tag's page: `/en/tags/cashew/`.
    pub fn term_path(&self, lang: &LangCode, slug: &str) -> String {
        format!("{}{slug}/", self.terms_path(lang))
    }

    /// Pages of a translation group, in language order.
    pub fn translations(&self, page: &Page) -> &[PageId] {
        &self.groups[page.group]
    }

    /// The page a link `@/path` from a page in `lang` points to: the same
    /// language, else along its fallback chain, else any language.
    pub fn resolve_link(&self, lang: &LangCode, path: &str) -> Option<PageId> {
        let group = *self.link_index.get(path.trim_start_matches('/'))?;
        let members = &self.groups[group];
        self.chains
            .get(lang)
            .map(Vec::as_slice)
            .unwrap_or(std::slice::from_ref(lang))
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

/// Options of the resolve stage.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// Publish drafts.
    pub drafts: bool,
}

/// Builds the site model. Errors leave a usable (partial) site so that all
/// problems of a build can be reported together.
pub fn resolve(
    config: Config,
    sources: Sources,
    locales: &crate::i18n::Locales,
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
    let langs: Vec<LangCode> = config.languages.iter().map(|l| l.code.clone()).collect();

    // Translation groups of sources, in first-seen (path) order.
    let mut group_of_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut group_sources: Vec<BTreeMap<LangCode, usize>> = Vec::new();
    let mut link_index: HashMap<String, usize> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        let key = s.group_key();
        let g = *group_of_key.entry(key).or_insert_with(|| {
            group_sources.push(BTreeMap::new());
            group_sources.len() - 1
        });
        if let Some(&other) = group_sources[g].get(&s.lang) {
            diags.push(
                Diagnostic::error(
                    s.file.clone(),
                    format!(
                        "two files are the `{}` version of the same article: this one and {}",
                        s.lang,
                        sources[other].file.display()
                    ),
                )
                .hint("give one of them a different `translation_key`, or delete the duplicate"),
            );
            continue;
        }
        group_sources[g].insert(s.lang.clone(), i);
        link_index.entry(s.content_path.clone()).or_insert(g);
    }

    let section_names: Vec<String> = sources
        .iter()
        .filter_map(|s| s.section.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Sections in the order of their `_index` weight (the menu order), then by name.
    let section_weight = |name: &String| {
        sources
            .iter()
            .filter(|s| s.kind == Kind::Section && s.section.as_ref() == Some(name))
            .find_map(|s| s.front.weight)
            .unwrap_or(i64::MAX)
    };
    let mut section_names = section_names;
    section_names.sort_by_key(|n| (section_weight(n), n.clone()));
    let title_from_fluent = |lang: &LangCode, key: &str, fallback: &str| -> String {
        locales
            .message(lang, key, None)
            .ok()
            .flatten()
            .unwrap_or_else(|| fallback.to_owned())
    };

    let mut pages: Vec<Page> = Vec::new();
    let mut groups: Vec<Vec<PageId>> = Vec::new();
    let new_page = |kind,
                    source: Option<usize>,
                    lang: &LangCode,
                    section: Option<String>,
                    group,
                    is_fallback,
                    title: String| Page {
        kind,
        source,
        lang: lang.clone(),
        section,
        slug: String::new(),
        path: String::new(),
        group,
        is_fallback,
        title,
        date: source.and_then(|s: usize| sources[s].front.date),
        rendered: Arc::default(),
    };

    // Home and section pages exist in every language, with or without a file.
    let mut homes = BTreeMap::new();
    let mut section_pages: BTreeMap<(String, LangCode), PageId> = BTreeMap::new();
    let mut special_groups: Vec<(Option<String>, usize)> = vec![(None, usize::MAX)];
    special_groups.extend(section_names.iter().map(|s| (Some(s.clone()), usize::MAX)));
    for (section, _) in special_groups {
        let key = match &section {
            None => "_index.md".to_string(),
            Some(s) => format!("{s}/_index.md"),
        };
        let files = group_of_key
            .get(&key)
            .map(|&g| group_sources[g].clone())
            .unwrap_or_default();
        let group = groups.len();
        groups.push(Vec::new());
        link_index.insert(key.clone(), group);
        for lang in &langs {
            let src = files.get(lang).copied();
            let kind = if section.is_some() {
                Kind::Section
            } else {
                Kind::Home
            };
            let default_title = match &section {
                Some(s) => title_from_fluent(lang, &format!("nav-{s}"), s),
                None => title_from_fluent(lang, "site-title", &config.title),
            };
            let title = src
                .and_then(|s| sources[s].front.title.clone())
                .unwrap_or(default_title);
            let mut page = new_page(kind, src, lang, section.clone(), group, false, title);
            page.path = match &section {
                Some(s) => format!("{}{}/", config.lang_prefix(lang), s),
                None => config.lang_prefix(lang),
            };
            let id = pages.len();
            pages.push(page);
            groups[group].push(id);
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

    // Articles: each translation group, in each language that has it or,
    // with `untranslated: fallback`, that can borrow it along its chain.
    for &g in group_of_key.values() {
        let files = &group_sources[g];
        let Some((_, &first)) = files.iter().next() else {
            continue;
        };
        if sources[first].kind != Kind::Article {
            continue;
        }
        let group = groups.len();
        groups.push(Vec::new());
        for s in files.values() {
            link_index.insert(sources[*s].content_path.clone(), group);
        }
        for lang in &langs {
            let (src, is_fallback) = match files.get(lang) {
                Some(&s) => (s, false),
                None if config.untranslated == Untranslated::Fallback => {
                    let chain = config.fallback_chain(lang);
                    match chain
                        .iter()
                        .find_map(|l| files.get(l))
                        .or_else(|| files.values().next())
                    {
                        Some(&s) => (s, true),
                        None => continue,
                    }
                }
                None => continue,
            };
            let s = &sources[src];
            let title = s.front.title.clone().unwrap_or_default();
            let mut page = new_page(
                Kind::Article,
                Some(src),
                lang,
                s.section.clone(),
                group,
                is_fallback,
                title,
            );
            page.slug = match &s.front.slug {
                Some(slug) => {
                    let cleaned = slugify(slug);
                    if cleaned.is_empty() {
                        slugify(&s.file_slug)
                    } else {
                        cleaned
                    }
                }
                None => slugify(&s.file_slug),
            };
            page.path = match &s.section {
                Some(sec) => format!("{}{}/{}/", config.lang_prefix(lang), sec, page.slug),
                None => format!("{}{}/", config.lang_prefix(lang), page.slug),
            };
            let id = pages.len();
            pages.push(page);
            groups[group].push(id);
        }
    }

    // Two pages, or a page and an alias, at one URL: name both files.
    let mut owners: HashMap<String, (PageId, Option<String>)> = HashMap::new();
    for (id, p) in pages.iter().enumerate() {
        if let Some((other, _)) = owners.insert(p.path.clone(), (id, None)) {
            let a = pages[other]
                .source
                .map(|s| sources[s].file.display().to_string())
                .unwrap_or_else(|| "a section".into());
            let file = p.source.map(|s| sources[s].file.clone());
            diags.push(
                Diagnostic::error(
                    file,
                    format!("two pages have the URL {}: this file and {a}", p.path),
                )
                .hint(
                    "give one of them a different `slug:` in its front matter, or rename the file",
                ),
            );
        }
    }
    for p in pages.iter() {
        let Some(src) = p.source else { continue };
        if p.is_fallback {
            continue;
        }
        for alias in &sources[src].front.aliases {
            let path = normalize_alias(alias);
            if normalize_inside(Path::new(path.trim_start_matches('/'))).is_none()
                || path.contains("/./")
            {
                let line = std::fs::read_to_string(config.root.join(&sources[src].file))
                    .ok()
                    .and_then(|t| {
                        t.lines()
                            .position(|l| l.contains(alias.as_str()))
                            .map(|i| i + 1)
                    });
                diags.push(
                    Diagnostic::error(sources[src].file.clone(), format!("alias {alias} leaves the site"))
                        .at_line(line)
                        .hint("an alias is an old URL of this site, like /tin-cu/le-hoi-2024/; it cannot contain `..`"),
                );
                continue;
            }
            if let Some((other, _)) = owners.get(&path) {
                let what = pages[*other]
                    .source
                    .map(|s| sources[s].file.display().to_string())
                    .unwrap_or_else(|| "a section".into());
                diags.push(
                    Diagnostic::error(
                        sources[src].file.clone(),
                        format!("alias {alias} is already the URL of {what}"),
                    )
                    .hint("remove the alias: a redirect would hide that page"),
                );
            } else {
                owners.insert(path, (usize::MAX, None));
            }
        }
    }

    // Lists: section articles sorted by the section's `sort_by`.
    let mut sections = BTreeMap::new();
    for ((name, lang), &section_id) in &section_pages {
        let sort = section_sort(&pages[section_id], &sources);
        let mut members: Vec<PageId> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.kind == Kind::Article && p.lang == *lang && p.section.as_deref() == Some(name)
            })
            .map(|(i, _)| i)
            .collect();
        sort_pages(&mut members, &pages, &sources, sort);
        sections.insert((name.clone(), lang.clone()), (section_id, members));
    }
    let mut by_date: BTreeMap<LangCode, Vec<PageId>> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        if p.kind == Kind::Article {
            by_date.entry(p.lang.clone()).or_default().push(i);
        }
    }
    for list in by_date.values_mut() {
        sort_pages(list, &pages, &sources, SortBy::Date);
    }
    let mut terms: BTreeMap<LangCode, Vec<Term>> = BTreeMap::new();
    if config.taxonomies.iter().any(|t| t == "tags") {
        for (lang, list) in &by_date {
            let mut map: BTreeMap<String, Term> = BTreeMap::new();
            for &id in list {
                let Some(src) = pages[id].source else {
                    continue;
                };
                for tag in &sources[src].front.tags {
                    let slug = slugify(tag);
                    if slug.is_empty() {
                        continue;
                    }
                    map.entry(slug.clone())
                        .or_insert_with(|| Term {
                            name: tag.clone(),
                            slug,
                            pages: Vec::new(),
                        })
                        .pages
                        .push(id);
                }
            }
            terms.insert(lang.clone(), map.into_values().collect());
        }
    }

    let chains = config
        .languages
        .iter()
        .map(|l| (l.code.clone(), config.fallback_chain(&l.code)))
        .collect();
    let site = Site {
        chains,
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
    };
    (site, diags)
}

fn section_sort(section: &Page, sources: &[Arc<SourcePage>]) -> SortBy {
    section
        .source
        .and_then(|s| sources[s].front.sort_by)
        .unwrap_or_default()
}

/// Sorts articles: by date (newest first), weight (lightest first) or
/// title; ties broken by URL so the order never depends on the file system.
pub fn sort_pages(list: &mut [PageId], pages: &[Page], sources: &[Arc<SourcePage>], by: SortBy) {
    let weight = |id: PageId| {
        pages[id]
            .source
            .and_then(|s| sources[s].front.weight)
            .unwrap_or(i64::MAX)
    };
    list.sort_by(|&a, &b| {
        let (pa, pb) = (&pages[a], &pages[b]);
        let primary = match by {
            SortBy::Date => pb.date.cmp(&pa.date),
            SortBy::Weight => weight(a).cmp(&weight(b)).then(pb.date.cmp(&pa.date)),
            SortBy::Title => pa.title.to_lowercase().cmp(&pb.title.to_lowercase()),
        };
        primary.then_with(|| pa.path.cmp(&pb.path))
    });
}

/// Rendered Markdown kept between builds by `serve`: a page whose source
/// file is the same (the same shared value, not merely equal) and whose
/// site has the same URLs is not rendered again.
#[derive(Default)]
pub struct MarkdownCache {
    signature: Option<blake3::Hash>,
    pub(crate) entries: HashMap<String, (Arc<SourcePage>, Arc<Rendered>)>,
}

/// Every URL of the site and what it shows: when this changes, any link may
/// resolve differently and all Markdown is rendered again.
pub fn link_signature(site: &Site) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    for p in &site.pages {
        let src = site.source(p).map_or("", |s| s.content_path.as_str());
        for part in [src, p.lang.as_str(), p.path.as_str()] {
            h.update(part.as_bytes());
            h.update(b"\0");
        }
    }
    h.finalize()
}

/// Renders every page's Markdown in parallel (reusing `cache` where it
/// can), then checks anchors. Returns the cache for the next build.
pub fn render_markdown(
    site: &mut Site,
    files: Files<'_>,
    cache: Option<&MarkdownCache>,
) -> (Diagnostics, MarkdownCache) {
    let signature = link_signature(site);
    let reusable = cache.filter(|c| c.signature == Some(signature));
    let results: Vec<(Arc<Rendered>, Vec<Diagnostic>)> = {
        let site_ref: &Site = site;
        site_ref
            .pages
            .par_iter()
            .map(|page| {
                let Some(src) = page.source.map(|s| &site_ref.sources[s]) else {
                    return (Arc::default(), Vec::new());
                };
                if let Some((cached_src, rendered)) =
                    reusable.and_then(|c| c.entries.get(&page.path))
                {
                    // Reused unless the article or one of its photos changed.
                    if Arc::ptr_eq(cached_src, src) && rendered.pictures().all(|p| p.is_current()) {
                        return (rendered.clone(), Vec::new());
                    }
                }
                let (rendered, d) = render_page(site_ref, page, src, files);
                (Arc::new(rendered), d)
            })
            .collect()
    };
    let mut diags = Diagnostics::new();
    let mut next = MarkdownCache {
        signature: Some(signature),
        entries: HashMap::with_capacity(results.len()),
    };
    for (page, (rendered, d)) in site.pages.iter_mut().zip(results) {
        page.rendered = rendered;
        if d.is_empty() {
            if let Some(s) = page.source {
                next.entries.insert(
                    page.path.clone(),
                    (site.sources[s].clone(), page.rendered.clone()),
                );
            }
        }
        // A fallback page repeats its source's text: report its problems once.
        if !page.is_fallback {
            diags.extend(d);
        }
    }
    for page in &site.pages {
        if page.is_fallback {
            continue;
        }
        let Some(src) = site.source(page) else {
            continue;
        };
        for check in &page.rendered.anchor_checks {
            let Some(target) = site.resolve_link(&page.lang, &check.target) else {
                continue;
            };
            let toc = &site.pages[target].rendered.toc;
            if !toc.iter().any(|t| t.id == check.anchor) {
                let ids: Vec<&str> = toc.iter().map(|t| t.id.as_str()).collect();
                let hint = match closest(&check.anchor, ids.iter().copied()) {
                    Some(c) => format!(
                        "did you mean `#{c}`? Headings of that page: {}",
                        ids.join(", ")
                    ),
                    None if ids.is_empty() => {
                        "that page has no headings; link to the page without `#...`".into()
                    }
                    None => format!("headings of that page: {}", ids.join(", ")),
                };
                diags.push(
                    Diagnostic::error(
                        src.file.clone(),
                        format!(
                            "broken anchor `#{}`: {} has no such heading in `{}`",
                            check.anchor, check.target, site.pages[target].lang
                        ),
                    )
                    .at(check.line, check.col)
                    .hint(hint),
                );
            }
        }
    }
    (diags, next)
}

/// What Markdown rendering reads besides the content: static files (for
/// image paths) and the image pipeline.
#[derive(Clone, Copy)]
pub struct Files<'a> {
    pub statics: &'a crate::theme::StaticFiles,
    pub images: &'a crate::images::Images,
}

/// How Markdown images are laid out: the article column on wide screens,
/// the whole width on phones. Browsers pick the variant from this.
const BODY_IMAGE_SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

fn render_page(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    files: Files<'_>,
) -> (Rendered, Vec<Diagnostic>) {
    let link = |path: &str| {
        site.resolve_link(&page.lang, path)
            .map(|id| site.url(&site.pages[id].path))
    };
    let known =
        |path: &str| closest(path, site.link_index.keys().map(String::as_str)).map(str::to_owned);
    let image = |src_url: &str, alt: &str| -> Result<ImageHtml, String> {
        let resolved = resolve_image(site, page, src, files.statics, src_url)?;
        let url = |p: &str| escape(&site.url(&format!("/{p}")));
        match resolved {
            ImageSource::Local { abs, out } if crate::images::is_raster(&out) => {
                let picture = files.images.picture(&abs, &out, None)?;
                Ok(ImageHtml {
                    html: picture.html(alt, BODY_IMAGE_SIZES, false, &url),
                    picture: Some(picture),
                })
            }
            ImageSource::Local { out, .. } => Ok(ImageHtml {
                html: markdown::plain_img(&url(&out), alt),
                picture: None,
            }),
            ImageSource::Url(u) => Ok(ImageHtml {
                html: markdown::plain_img(&escape(&u), alt),
                picture: None,
            }),
        }
    };
    let resolver = Resolver {
        link: &link,
        image: &image,
        known_paths: &known,
    };
    let (mut rendered, diags) = markdown::render(
        &src.file,
        &src.body,
        src.body_line,
        site.config.markdown.safe,
        &resolver,
    );
    let mut diags = diags;
    if let Some(lead) = &src.front.image {
        let resolved = resolve_image(site, page, src, files.statics, lead).and_then(|r| match r {
            ImageSource::Local { abs, out } if crate::images::is_raster(&out) => {
                let picture = files.images.picture(&abs, &out, None)?;
                rendered.lead_url = Some(site.url(&format!("/{}", picture.fallback.path)));
                rendered.lead = Some(picture);
                Ok(())
            }
            ImageSource::Local { out, .. } => {
                rendered.lead_url = Some(site.url(&format!("/{out}")));
                Ok(())
            }
            ImageSource::Url(u) => {
                rendered.lead_url = Some(u);
                Ok(())
            }
        });
        if let Err(why) = resolved {
            diags.push(
                Diagnostic::error(src.file.clone(), format!("image `{lead}`: {why}"))
                    .at_line(src.front.image_line)
                    .hint("give a path beside the article (`photo.jpg` in content/SECTION/SLUG/) or under static/ (`/images/photo.jpg`)"),
            );
        }
    }
    if site.config.search && page.kind == Kind::Article && !page.is_fallback {
        rendered.search_terms = crate::search::page_terms(src, &rendered);
    }
    (rendered, diags)
}

/// Where an image comes from.
pub enum ImageSource {
    /// A file of the site: its path on disk, and where it is published
    /// (`images/hero.jpg`, `/`-separated, no leading slash, unencoded).
    Local { abs: PathBuf, out: String },
    /// An external or built-in image, used by its URL as it is.
    Url(String),
}

/// Where an image referenced from an article comes from.
/// External URLs pass; local files must exist inside the site.
pub fn resolve_image(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    static_files: &crate::theme::StaticFiles,
    url: &str,
) -> Result<ImageSource, String> {
    if url.contains("://") || url.starts_with("//") || url.starts_with("data:") {
        return Ok(ImageSource::Url(url.to_owned()));
    }
    let clean = url.split(['?', '#']).next().unwrap_or(url);
    let decoded = percent_encoding::percent_decode_str(clean)
        .decode_utf8_lossy()
        .into_owned();
    if let Some(abs) = decoded.strip_prefix('/') {
        let rel = normalize_inside(Path::new(abs)).ok_or("the path leaves the site")?;
        let key = rel.to_string_lossy().replace('\\', "/");
        return match static_files.source(&key) {
            Some(crate::output::FileSource::Disk(abs)) => Ok(ImageSource::Local {
                abs: abs.clone(),
                out: key,
            }),
            Some(crate::output::FileSource::Embedded(_)) => {
                Ok(ImageSource::Url(site.url(&format!("/{key}"))))
            }
            None => Err(format!("there is no static/{key}")),
        };
    }
    // Relative: beside the article's file.
    let dir = src.file.parent().unwrap_or(Path::new(""));
    let joined = dir.join(&decoded);
    let rel = normalize_inside(&joined).ok_or("the path leaves the site")?;
    if !rel.starts_with("content") {
        return Err("the path leaves the content folder".into());
    }
    let abs = site.config.root.join(&rel);
    if !abs.is_file() {
        return Err(format!("there is no file {}", rel.display()));
    }
    if !is_inside(&site.config.root, &abs) {
        return Err("the file is a symlink that points outside the site".into());
    }
    if src.assets.iter().any(|a| a == &abs) {
        // Published beside every language version of the page.
        let beside = rel.strip_prefix(dir).unwrap_or(&rel);
        let out = format!(
            "{}{}",
            page.path.trim_start_matches('/'),
            beside.to_string_lossy().replace('\\', "/")
        );
        return Ok(ImageSource::Local { abs, out });
    }
    let out = display_path(&site.config.root.join("content"), &abs);
    let out = out.to_string_lossy().replace('\\', "/");
    Ok(ImageSource::Local { abs, out })
}

/// What decides a source's place in the site: its URL, its lists, its
/// order, its translations. When an edit leaves this the same, `serve`
/// updates the site in place instead of resolving it again.
pub fn structure_key(s: &SourcePage, title_sorts: bool) -> impl PartialEq {
    let f = &s.front;
    (
        (
            s.kind,
            s.section.clone(),
            s.file_slug.clone(),
            s.lang.clone(),
            s.content_path.clone(),
        ),
        (
            f.date,
            f.updated,
            f.weight,
            f.slug.clone(),
            f.aliases.clone(),
            f.draft,
            f.tags.clone(),
            f.translation_key.clone(),
        ),
        (
            f.sort_by,
            f.paginate_by,
            title_sorts.then(|| f.title.clone()),
        ),
        (s.kind != Kind::Article).then(|| f.title.clone()),
    )
}

/// Whether any section sorts by title (then titles are structure too).
pub fn title_sorts(site: &Site) -> bool {
    site.sources
        .iter()
        .any(|s| s.front.sort_by == Some(SortBy::Title))
}

/// Replaces edited sources whose structure is unchanged: their pages get
/// the new title and freshly rendered Markdown; nothing else is touched.
/// Returns the problems found in those pages.
pub fn update_in_place(
    site: &mut Site,
    edited: Vec<Arc<SourcePage>>,
    files: Files<'_>,
    cache: &mut MarkdownCache,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut touched = Vec::new();
    for new in edited {
        let Some(idx) = site.sources.iter().position(|s| s.file == new.file) else {
            continue;
        };
        site.sources[idx] = new;
        for (id, p) in site.pages.iter().enumerate() {
            if p.source == Some(idx) {
                touched.push(id);
            }
        }
    }
    for &id in &touched {
        let (rendered, d) = {
            let page = &site.pages[id];
            let Some(src) = site.source(page) else {
                continue;
            };
            render_page(site, page, src, files)
        };
        let src = site.pages[id].source.map(|s| site.sources[s].clone());
        let page = &mut site.pages[id];
        if let Some(src) = &src {
            if page.kind == Kind::Article {
                page.title = src.front.title.clone().unwrap_or_default();
            }
        }
        page.rendered = Arc::new(rendered);
        if d.is_empty() {
            if let Some(src) = src {
                cache
                    .entries
                    .insert(page.path.clone(), (src, page.rendered.clone()));
            }
        }
        if !page.is_fallback {
            diags.extend(d);
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        assert_eq!(
            normalize_inside(Path::new("content/a/../b.jpg")),
            Some(PathBuf::from("content/b.jpg"))
        );
        assert_eq!(
            normalize_inside(Path::new("content/../../etc/passwd")),
            None
        );
    }

    #[test]
    fn lao_paths_are_percent_encoded() {
        assert_eq!(encode_path("/lo/ພູ/"), "/lo/%E0%BA%9E%E0%BA%B9/");
        assert_eq!(encode_path("/en/a b/"), "/en/a%20b/");
    }

    #[test]
    fn aliases_are_normalized() {
        assert_eq!(normalize_alias("/tin-cu/x"), "/tin-cu/x/");
        assert_eq!(normalize_alias("old.html"), "/old.html");
    }
}
