//! A build that stays in memory: what `build` runs once and `serve` keeps
//! between edits. Files are read once; after a change only the files that
//! changed are read again, and only the pages a change touches are
//! rendered and written (see [`render::Scope`]).

use super::options::Options;
use crate::config::{Config, LangCode};
use crate::content::{self, SourcePage, Sources};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::images::{Images, Picture};
use crate::output::{Output, Record, Sink};
use crate::render::{self, Scope, ValueCache};
use crate::site::{self, MarkdownCache, ResolveOptions, Site};
use crate::theme::{self, StaticFiles, Template};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// The result of a build: what was written and what was found.
pub struct Built {
    /// The files, as the sink took them.
    pub records: Vec<Record>,
    /// Warnings (errors are returned instead of a `Built`).
    pub diagnostics: Diagnostics,
    /// Pages per language, in the site's language order.
    pub pages_per_language: Vec<(LangCode, usize)>,
    /// Fluent messages a language takes from its fallbacks.
    pub gaps: Vec<crate::i18n::Gap>,
    /// Seconds per stage.
    pub timings: Vec<(&'static str, f64)>,
    /// Every page file of the site (`serve` removes files not among them).
    pub page_files: Arc<std::collections::HashSet<String>>,
}

impl Built {
    /// Number of HTML files.
    pub fn html_count(&self) -> usize {
        self.records
            .iter()
            .filter(|o| o.path.ends_with(".html"))
            .count()
    }
}

/// What a set of changed files requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Nothing mekong reads.
    None,
    /// Articles or their files: re-read those, render what they touch.
    Content,
    /// Fluent messages only: render the languages that read them.
    Messages,
    /// Static files: copy them.
    Static,
    /// Templates or messages: render every page again.
    Theme,
    /// `site.yaml`: start over.
    Config,
}

/// Templates, static files and messages, read and checked.
struct ThemeData {
    templates: Vec<Template>,
    statics: Arc<StaticFiles>,
    locales: Arc<Locales>,
    diagnostics: Diagnostics,
}

impl ThemeData {
    fn load(config: &Config) -> ThemeData {
        let mut diagnostics = Diagnostics::new();
        let (assets, d) = theme::load(config);
        diagnostics.extend(d);
        let (locales, d) = Locales::build(config, assets.locales);
        diagnostics.extend(d);
        diagnostics.extend(render::check_templates(&assets.templates));
        ThemeData {
            templates: assets.templates,
            statics: Arc::new(assets.statics),
            locales: Arc::new(locales),
            diagnostics,
        }
    }
}

/// What a build renders.
enum How {
    /// Every page.
    All,
    /// What changed since the previous site (see [`Scope::Changed`]).
    SincePrevious,
    /// The site was updated in place: what the edited pages touch.
    InPlace,
    /// Every page of these languages (their messages changed).
    Languages(std::collections::HashSet<LangCode>),
}

/// A site loaded in memory.
pub struct Session {
    opts: Options,
    config: Config,
    templates: Vec<Template>,
    statics: Arc<StaticFiles>,
    locales: Arc<Locales>,
    theme_diags: Diagnostics,
    sources: BTreeMap<PathBuf, Arc<SourcePage>>,
    source_diags: BTreeMap<PathBuf, Vec<Diagnostic>>,
    walk_diags: Diagnostics,
    section_assets: Vec<(PathBuf, String)>,
    site: Option<Site>,
    markdown: MarkdownCache,
    values: ValueCache,
    links: Option<Arc<render::LinkTable>>,
    /// Files read again since the last build.
    fresh: Vec<PathBuf>,
    /// Every page file of the last build that listed them.
    page_files: Arc<std::collections::HashSet<String>>,
    /// After a change of messages only: the languages that show them.
    message_langs: Option<std::collections::HashSet<LangCode>>,
    /// The image pipeline: sources read and their cache, kept between builds.
    images: Arc<Images>,
}

impl Session {
    /// Reads the configuration, theme, messages and content.
    pub fn load(opts: &Options) -> Result<Session, Diagnostics> {
        let config = super::options::load_config(opts)?;
        let loaded = ThemeData::load(&config);
        let images = Arc::new(Images::new(&config.images, &config.root));
        let mut s = Session {
            opts: opts.clone(),
            config,
            templates: loaded.templates,
            statics: loaded.statics,
            locales: loaded.locales,
            theme_diags: loaded.diagnostics,
            sources: BTreeMap::new(),
            source_diags: BTreeMap::new(),
            walk_diags: Diagnostics::new(),
            section_assets: Vec::new(),
            site: None,
            markdown: MarkdownCache::default(),
            values: ValueCache::default(),
            links: None,
            fresh: Vec::new(),
            page_files: Arc::default(),
            message_langs: None,
            images,
        };
        s.load_content();
        Ok(s)
    }

    /// Every source file read (drafts included), in path order.
    pub fn sources(&self) -> impl Iterator<Item = &Arc<SourcePage>> {
        self.sources.values()
    }

    /// The Fluent messages.
    pub fn locales(&self) -> &Locales {
        &self.locales
    }

    /// The templates, site over theme.
    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    /// Problems found while reading (files, messages, templates).
    pub fn load_diagnostics(&self) -> Diagnostics {
        let mut d = self.theme_diags.clone();
        d.extend(self.walk_diags.clone());
        for v in self.source_diags.values() {
            d.extend(v.iter().cloned());
        }
        d
    }

    /// The site of the last successful build.
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    fn load_theme(&mut self) {
        let loaded = ThemeData::load(&self.config);
        self.templates = loaded.templates;
        self.statics = loaded.statics;
        self.locales = loaded.locales;
        self.theme_diags = loaded.diagnostics;
    }

    fn load_content(&mut self) {
        let (sources, d) = content::load(&self.config);
        self.sources = sources
            .pages
            .into_iter()
            .map(|p| (self.config.root.join(&p.file), p))
            .collect();
        self.section_assets = sources.section_assets;
        self.source_diags.clear();
        let mut walk = Diagnostics::new();
        for diag in d {
            match &diag.file {
                Some(f) if f.extension().is_some_and(|e| e == "md") => self
                    .source_diags
                    .entry(self.config.root.join(f))
                    .or_default()
                    .push(diag),
                _ => walk.push(diag),
            }
        }
        self.walk_diags = walk;
    }

    /// What the changed paths require.
    pub fn classify(&self, paths: &[PathBuf]) -> Change {
        let root = &self.config.root;
        let mut change = Change::None;
        for p in paths {
            let rel = p.strip_prefix(root).unwrap_or(p);
            if rel
                .components()
                .any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')))
            {
                continue;
            }
            let first = rel
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .unwrap_or("");
            let is_ftl = p.extension().is_some_and(|e| e == "ftl");
            let c = match first {
                "site.yaml" => Change::Config,
                "locales" if is_ftl => Change::Messages,
                "themes" if is_ftl && rel.components().any(|c| c.as_os_str() == "locales") => {
                    Change::Messages
                }
                "templates" | "locales" | "themes" => Change::Theme,
                "static" => Change::Static,
                "content" => Change::Content,
                _ => Change::None,
            };
            change = change.max(c);
        }
        change
    }

    /// Takes changed files into account. Returns what kind of change it was
    /// (the largest, when several kinds of files changed together).
    pub fn reload(&mut self, paths: &[PathBuf]) -> Result<Change, Diagnostics> {
        let kinds: Vec<Change> = paths
            .iter()
            .map(|p| self.classify(std::slice::from_ref(p)))
            .collect();
        let change = kinds.iter().copied().max().unwrap_or(Change::None);
        if change == Change::Config {
            *self = Session::load(&self.opts)?;
            return Ok(Change::Config);
        }

        if kinds
            .iter()
            .any(|k| matches!(k, Change::Theme | Change::Static | Change::Messages))
        {
            self.load_theme();
        }
        if change == Change::Messages {
            // A message of language L shows in L and in every language whose
            // fallback chain goes through L.
            let changed: Vec<&str> = paths.iter().filter_map(|p| ftl_language(p)).collect();
            let langs = self
                .config
                .languages
                .iter()
                .filter(|l| {
                    self.config
                        .fallback_chain(&l.code)
                        .iter()
                        .any(|c| changed.contains(&c.as_str()))
                })
                .map(|l| l.code.clone())
                .collect();
            self.message_langs = Some(langs);
        }
        if kinds.contains(&Change::Content) {
            self.reload_content(paths);
        }
        Ok(change)
    }

    fn reload_content(&mut self, paths: &[PathBuf]) {
        let mut full = false;
        let content = self.config.root.join("content");
        for p in paths.iter().filter(|p| p.starts_with(&content)) {
            let is_md = p.extension().is_some_and(|e| e == "md");
            let known = self.sources.contains_key(p) || self.source_diags.contains_key(p);
            // New, removed or renamed files, and attachments, change the
            // site's structure: read the content folder again (it is fast).
            if !is_md || !p.is_file() || !known {
                full = true;
                break;
            }
            let assets = self
                .sources
                .get(p)
                .map(|s| s.assets.clone())
                .unwrap_or_default();
            self.source_diags.remove(p);
            self.sources.remove(p);
            self.fresh.push(p.clone());
            match content::load_file(&self.config, p, assets) {
                Ok(Some((page, warnings))) => {
                    if !warnings.is_empty() {
                        self.source_diags.insert(p.clone(), warnings);
                    }
                    self.sources.insert(p.clone(), Arc::new(page));
                }
                Ok(None) => full = true,
                Err(errors) => {
                    self.source_diags.insert(p.clone(), errors);
                }
            }
        }
        if full {
            self.load_content();
        }
    }

    /// Resolves, renders and hands every output (or, with `partial`, those
    /// a content change touched) to `sink`.
    pub fn build(&mut self, sink: &dyn Sink, partial: bool) -> Result<Built, Diagnostics> {
        let mut timings = Vec::new();
        let mut clock = Instant::now();
        let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, f64)>| {
            timings.push((name, clock.elapsed().as_secs_f64()));
            clock = Instant::now();
        };
        let mut diags = self.theme_diags.clone();
        diags.extend(self.walk_diags.clone());
        // Every error, but warnings only of the files read since the last
        // build: `serve` need not repeat a thousand unchanged warnings per save.
        let all_warnings = !partial || self.site.is_none();
        let fresh = std::mem::take(&mut self.fresh);
        for (file, d) in &self.source_diags {
            if all_warnings || fresh.contains(file) {
                diags.extend(d.iter().cloned());
            } else {
                diags.extend(d.iter().filter(|d| d.is_error()).cloned());
            }
        }
        if partial && !diags.has_errors() {
            if let Some(built) = self.try_in_place(&fresh, sink, diags.clone(), &mut timings)? {
                return Ok(built);
            }
        }
        let sources = Sources {
            pages: self.sources.values().cloned().collect(),
            section_assets: self.section_assets.clone(),
        };
        let (mut site, d) = site::resolve(
            self.config.clone(),
            sources,
            &self.locales,
            ResolveOptions {
                drafts: self.opts.drafts,
            },
        );
        diags.extend(d);
        for required in [
            "page.html",
            "section.html",
            "index.html",
            "404.html",
            "term.html",
            "terms.html",
        ] {
            if !self.templates.iter().any(|t| t.name == required) {
                diags.push(
                    Diagnostic::error(PathBuf::from(format!("templates/{required}")), format!("the template `{required}` is missing"))
                        .hint("add it to templates/ or to the theme, or use the built-in theme (`theme: default`)"),
                );
            }
        }
        lap("resolve", &mut timings);
        let files = site::Files {
            statics: &self.statics,
            images: &self.images,
        };
        let (d, markdown) = site::render_markdown(&mut site, files, Some(&self.markdown));
        diags.extend(d);
        lap("markdown", &mut timings);
        if diags.has_errors() {
            return Err(diags);
        }
        self.markdown = markdown;

        let how = match (&self.site, partial, self.message_langs.take()) {
            (Some(_), true, Some(langs)) => How::Languages(langs),
            (Some(_), true, None) => How::SincePrevious,
            _ => How::All,
        };
        self.render_and_write(site, how, sink, diags, timings)
    }

    /// Renders `site` (everything, or what `how` says), writes the other
    /// outputs, checks that no two outputs share a path, and keeps the site
    /// and the caches for the next build. On errors the new site is dropped.
    fn render_and_write(
        &mut self,
        site: Site,
        how: How,
        sink: &dyn Sink,
        mut diags: Diagnostics,
        mut timings: Vec<(&'static str, f64)>,
    ) -> Result<Built, Diagnostics> {
        let clock = Instant::now();
        let scope = match (&how, &self.site) {
            (How::Languages(langs), _) => Scope::Languages(langs),
            (How::SincePrevious, Some(previous)) => Scope::Changed { previous },
            (How::InPlace, _) => Scope::Changed { previous: &site },
            _ => Scope::All,
        };
        // After an in-place update the set of pages is the same: no need to list it again.
        let list_page_files = !matches!(how, How::InPlace);
        let full = matches!(scope, Scope::All);
        // Photos whose pages are known now are processed while pages render.
        let (photos, d) = crate::outputs::photos(&site, &self.statics, &self.images);
        diags.extend(d);
        let fresh = self.images.take_fresh();
        let mut pictures: Vec<Arc<Picture>> = photos
            .into_iter()
            .chain(
                site.pages
                    .iter()
                    .flat_map(|p| p.rendered.pictures().cloned()),
            )
            .filter(|p| full || fresh.contains(p.source_path()))
            .collect();
        let images = self.images.clone();
        let make = sink.keeps_files();
        let progress = self.opts.progress;
        let (mut rendered, image_diags) = rayon::join(
            || {
                render::render(render::Request {
                    site: &site,
                    templates: &self.templates,
                    locales: self.locales.clone(),
                    statics: self.statics.clone(),
                    images: images.clone(),
                    progress: progress && list_page_files,
                    sink,
                    scope,
                    cache: &mut self.values,
                    links: self.links.clone(),
                    list_page_files,
                })
            },
            || {
                if make {
                    images.prepare(&pictures, progress)
                } else {
                    Vec::new()
                }
            },
        );
        let mut records = std::mem::take(&mut rendered.records);
        diags.extend(rendered.diagnostics);
        diags.extend(image_diags);
        timings.push(("render", clock.elapsed().as_secs_f64()));
        let clock = Instant::now();
        // Then what templates asked for (`image()`) and, in a partial
        // build, the photos of the pages rendered again.
        let mut later = images.take_requests();
        if !full {
            later.extend(
                site.pages
                    .iter()
                    .enumerate()
                    .filter(|(id, _)| rendered.affected.as_ref().is_none_or(|a| a.page(*id)))
                    .flat_map(|(_, p)| p.rendered.pictures().cloned()),
            );
        }
        if make {
            diags.extend(images.prepare(&later, progress));
        }
        pictures.extend(later);
        let mut extra: Vec<Output> = crate::outputs::build(
            &site,
            &self.locales,
            &self.statics,
            rendered.affected.as_ref(),
        );
        if !diags.has_errors() {
            extra.extend(images.outputs(&pictures, full && make));
        }
        let written: Vec<Result<Record, Diagnostic>> =
            extra.par_iter().map(|o| sink.put(o)).collect();
        for w in written {
            match w {
                Ok(r) => records.push(r),
                Err(d) => diags.push(d),
            }
        }
        diags.extend(duplicate_outputs(&records));
        timings.push(("outputs", clock.elapsed().as_secs_f64()));
        if diags.has_errors() {
            return Err(diags);
        }
        if list_page_files {
            self.page_files = Arc::new(rendered.page_files);
        }
        self.links = Some(rendered.links);
        let pages_per_language = pages_per_language(&site);
        self.site = Some(site);
        Ok(Built {
            records,
            diagnostics: diags,
            pages_per_language,
            gaps: self.locales.gaps(),
            timings,
            page_files: self.page_files.clone(),
        })
    }

    /// The fast path of an edit: when the edited files keep their URLs,
    /// dates, tags and translations, the site is updated in place and only
    /// the pages that show them are rendered. `None` when it does not apply.
    fn try_in_place(
        &mut self,
        fresh: &[PathBuf],
        sink: &dyn Sink,
        mut diags: Diagnostics,
        timings: &mut Vec<(&'static str, f64)>,
    ) -> Result<Option<Built>, Diagnostics> {
        let clock = Instant::now();
        let Some(site) = self.site.as_ref() else {
            return Ok(None);
        };
        let title_sorts = site::title_sorts(site);
        let by_file: HashMap<&Path, &Arc<SourcePage>> =
            site.sources.iter().map(|s| (s.file.as_path(), s)).collect();
        let mut edited = Vec::new();
        for file in fresh {
            let Some(new) = self.sources.get(file) else {
                return Ok(None);
            };
            match by_file.get(new.file.as_path()) {
                Some(old)
                    if site::structure_key(old, title_sorts)
                        == site::structure_key(new, title_sorts) =>
                {
                    edited.push(new.clone())
                }
                _ => return Ok(None),
            }
        }
        if edited.is_empty() {
            return Ok(None);
        }
        let old_site = self.site.take().expect("checked above");
        let (site, d) = site::with_edits(
            old_site,
            edited,
            site::Files {
                statics: &self.statics,
                images: &self.images,
            },
            &mut self.markdown,
        );
        diags.extend(d);
        timings.push(("update", clock.elapsed().as_secs_f64()));
        if diags.has_errors() {
            // Keep the last good site; the next full build starts clean.
            self.site = None;
            return Err(diags);
        }
        self.render_and_write(site, How::InPlace, sink, diags, std::mem::take(timings))
            .map(Some)
    }

    /// Output paths of pages that exist in `before` but not in the current site.
    pub fn vanished_pages(&self, before: &[String]) -> Vec<String> {
        let now: std::collections::HashSet<&str> = self
            .site
            .iter()
            .flat_map(|s| s.pages.iter().map(|p| p.path.as_str()))
            .collect();
        before
            .iter()
            .filter(|p| !now.contains(p.as_str()))
            .cloned()
            .collect()
    }

    /// URL paths of the current pages.
    pub fn page_paths(&self) -> Vec<String> {
        self.site
            .iter()
            .flat_map(|s| s.pages.iter().map(|p| p.path.clone()))
            .collect()
    }

    /// Removes the image cache's files that the last full build did not
    /// use; returns how many.
    pub fn prune_image_cache(&self) -> usize {
        self.images.prune()
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.config.root
    }
}

/// The language of a `.ftl` file: the folder under `locales/`.
fn ftl_language(path: &Path) -> Option<&str> {
    let parts: Vec<&str> = path.iter().filter_map(|c| c.to_str()).collect();
    let at = parts.iter().rposition(|c| *c == "locales")?;
    parts.get(at + 1).copied().filter(|_| parts.len() > at + 2)
}

fn pages_per_language(site: &Site) -> Vec<(LangCode, usize)> {
    let mut counts: HashMap<&LangCode, usize> = HashMap::new();
    for p in &site.pages {
        *counts.entry(&p.lang).or_default() += 1;
    }
    site.config
        .languages
        .iter()
        .map(|l| (l.code.clone(), counts.get(&l.code).copied().unwrap_or(0)))
        .collect()
}

/// Two outputs at one path (a static file and a page, an alias and a file):
/// one would silently replace the other.
fn duplicate_outputs(records: &[Record]) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, &Record> = HashMap::with_capacity(records.len());
    let mut diags = Vec::new();
    for r in records {
        if let Some(first) = seen.insert(&r.path, r) {
            diags.push(
                Diagnostic::error(
                    None,
                    format!(
                        "two files would be written to /{}: {} and {}",
                        r.path, first.origin, r.origin
                    ),
                )
                .hint("rename one of them, or change the page's `slug` or `aliases`"),
            );
        }
    }
    diags
}
