//! A build that stays in memory: what `build` runs once and `serve` keeps
//! between edits. In: the [`Options`]; out: per build, outputs handed to a
//! [`Sink`] as they are rendered and a [`Built`] that says what was written
//! and found. Files are read once; what a change re-reads and re-renders is
//! in [`super::incremental`].

use super::claims::Claims;
use super::inputs::{SourceFiles, ThemeData};
use super::options::Options;
pub(super) use super::rerender::Rerender;
use crate::config::{Config, LangCode};
use crate::content::{Bodies, SourcePage, Sources};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::images::{Images, Picture};
use crate::output::{Output, Record, Sink};
use crate::render::{self, Narrow, Owed, Scope, Usage, ValueCache};
use crate::site::{self, MarkdownCache, ResolveOptions, Site};
use crate::theme::Template;
use rayon::prelude::*;
use std::collections::HashSet;
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
    pub page_files: Arc<HashSet<String>>,
    /// Static files replaced (output paths): their variants not written now are gone.
    pub replaced: Vec<String>,
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

/// What one build leaves for the next, so a rebuild redoes only what changed.
pub(super) struct Caches {
    pub(super) markdown: MarkdownCache,
    pub(super) values: ValueCache,
    /// The open data's rows as last serialized (`serve` only).
    pub(super) open_rows: crate::outputs::RowCache,
    /// The image catalog: the photos as last read (the next build reads
    /// only the files changed since).
    pub(super) images: Arc<Images>,
    /// The image cache files the last full build used; `None` before one.
    pub(super) used_images: Option<HashSet<PathBuf>>,
    /// What each page read at its last render (`serve` only).
    pub(super) usage: Option<Usage>,
    /// The search documents of a one-shot build, the next one's search
    /// cache once it succeeds ([`Session::keep_search_cache`]).
    pub(super) search: Option<Arc<crate::search::Spill>>,
}

/// The last successful build.
#[derive(Default)]
pub(super) struct LastBuild {
    /// Its site (taken, and dropped on errors, while a build updates it).
    pub(super) site: Option<Site>,
    /// Every page file of the last build that listed them.
    pub(super) page_files: Arc<HashSet<String>>,
    /// What the last builds left for later (a newer edit came in).
    pub(super) owed: Owed,
}

/// What changed since the last build, for the next one to take up.
#[derive(Default)]
pub(super) struct Edits {
    /// Files read again since the last build.
    pub(super) fresh: Vec<PathBuf>,
    /// Photos read (again) into the image catalog since the last render:
    /// new or changed files, whose pictures are made while pages render.
    pub(super) fresh_images: HashSet<PathBuf>,
    /// After a change of messages only: the languages that show them.
    pub(super) message_langs: Option<HashSet<LangCode>>,
    /// What a change of messages, templates or static files changed.
    pub(super) narrow: Option<Narrow>,
}

/// Seconds per stage, for [`Built::timings`].
pub(super) struct Stopwatch {
    clock: Instant,
    timings: Vec<(&'static str, f64)>,
}

impl Stopwatch {
    pub(super) fn start() -> Stopwatch {
        Stopwatch {
            clock: Instant::now(),
            timings: Vec::new(),
        }
    }

    /// Ends stage `name`, begun at the previous lap.
    pub(super) fn lap(&mut self, name: &'static str) {
        self.lap_since(name, self.clock);
    }

    /// Ends stage `name`, begun at `start`; the next stage begins now.
    pub(super) fn lap_since(&mut self, name: &'static str, start: Instant) {
        self.timings.push((name, start.elapsed().as_secs_f64()));
        self.clock = Instant::now();
    }
}

/// A site loaded in memory.
pub struct Session {
    pub(super) opts: Options,
    pub(super) config: Config,
    pub(super) theme: ThemeData,
    pub(super) sources: SourceFiles,
    pub(super) edits: Edits,
    pub(super) caches: Caches,
    pub(super) last: LastBuild,
    /// Whether pages keep their bodies (`serve`), or a one-shot build reads them again.
    pub(super) bodies: Bodies,
}

/// Templates every site needs.
const REQUIRED_TEMPLATES: [&str; 7] = [
    "page.html",
    "section.html",
    "index.html",
    "404.html",
    "term.html",
    "terms.html",
    "data.html",
];

impl Session {
    /// Reads the configuration, theme, messages and content, for builds
    /// after edits (`serve`).
    pub fn load(opts: &Options) -> Result<Session, Diagnostics> {
        Session::open(opts, Bodies::Kept)
    }

    /// [`Session::load`] for one build: Markdown bodies are read again when
    /// their pages are rendered (see `once.rs`).
    pub fn load_once(opts: &Options) -> Result<Session, Diagnostics> {
        Session::open(opts, Bodies::Reread)
    }

    fn open(opts: &Options, bodies: Bodies) -> Result<Session, Diagnostics> {
        let config = super::options::load_config(opts)?;
        let theme = ThemeData::load(&config);
        let images = Arc::new(Images::new(&config.images, &config.root));
        let sources = SourceFiles::load(&config, bodies);
        Ok(Session {
            opts: opts.clone(),
            config,
            theme,
            sources,
            edits: Edits::default(),
            caches: Caches {
                markdown: MarkdownCache::default(),
                values: ValueCache::default(),
                open_rows: crate::outputs::RowCache::default(),
                images,
                used_images: None,
                usage: (bodies == Bodies::Kept).then(Usage::default),
                search: None,
            },
            last: LastBuild::default(),
            bodies,
        })
    }

    /// Every source file read (drafts included), in path order.
    pub fn sources(&self) -> impl Iterator<Item = &Arc<SourcePage>> {
        self.sources.pages.values()
    }

    /// The Fluent messages.
    pub fn locales(&self) -> &Locales {
        &self.theme.locales
    }

    /// The templates, site over theme.
    pub fn templates(&self) -> &[Template] {
        &self.theme.templates
    }

    /// Problems found while reading (files, messages, templates).
    pub fn load_diagnostics(&self) -> Diagnostics {
        let mut d = self.theme.diagnostics.clone();
        d.extend(self.sources.walk_diagnostics.clone());
        for v in self.sources.diagnostics.values() {
            d.extend(v.iter().cloned());
        }
        d
    }

    /// The site of the last successful build.
    pub fn site(&self) -> Option<&Site> {
        self.last.site.as_ref()
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Reads the theme again; returns the one it replaces.
    pub(super) fn load_theme(&mut self) -> ThemeData {
        std::mem::replace(&mut self.theme, ThemeData::load(&self.config))
    }

    pub(super) fn load_content(&mut self) {
        self.sources = SourceFiles::load(&self.config, self.bodies);
    }

    /// Resolves, renders and hands every output (or, with `partial`, those
    /// a content change touched) to `sink`.
    pub fn build(&mut self, sink: &dyn Sink, partial: bool) -> Result<Built, Diagnostics> {
        let mut watch = Stopwatch::start();
        let fresh = std::mem::take(&mut self.edits.fresh);
        let mut diags = self.diagnostics_to_report(partial, &fresh);
        if partial && !diags.has_errors() {
            if fresh.is_empty() {
                if let Some(built) = self.try_same_site(sink, diags.clone(), &mut watch)? {
                    return Ok(built);
                }
            } else {
                if let Some(built) = self.try_in_place(&fresh, sink, diags.clone(), &mut watch)? {
                    return Ok(built);
                }
                if let Some(built) = self.try_splice(&fresh, sink, diags.clone(), &mut watch)? {
                    return Ok(built);
                }
            }
        }
        let (site, photos) = self.resolve(&mut diags, &mut watch, sink.keeps_files())?;
        let rerender = Rerender::after_resolve(
            partial,
            self.last.site.is_some(),
            self.edits.message_langs.take(),
            self.edits.narrow.take(),
        );
        self.render_and_write(site, &photos, rerender, sink, diags, &mut watch)
    }

    /// Every error, but warnings only of the files read since the last
    /// build: `serve` need not repeat a thousand unchanged warnings per save.
    /// A one-shot build (built once) moves them out instead of copying them.
    pub(super) fn diagnostics_to_report(
        &mut self,
        partial: bool,
        fresh: &[PathBuf],
    ) -> Diagnostics {
        let mut diags = self.theme.diagnostics.clone();
        diags.extend(self.sources.walk_diagnostics.clone());
        if self.bodies == Bodies::Reread {
            for d in std::mem::take(&mut self.sources.diagnostics).into_values() {
                diags.extend(d);
            }
            return diags;
        }
        let all_warnings = !partial || self.last.site.is_none();
        for (file, d) in &self.sources.diagnostics {
            // Names first: a `Path` compares component by component.
            let is_fresh = || {
                fresh
                    .iter()
                    .any(|f| f.file_name() == file.file_name() && f == file)
            };
            if all_warnings || is_fresh() {
                diags.extend(d.iter().cloned());
            } else {
                diags.extend(d.iter().filter(|d| d.is_error()).cloned());
            }
        }
        diags
    }

    /// The sources → a [`Site`] with its Markdown rendered and its photo
    /// files (the image catalog is brought up to them), or every error found
    /// on the way (with the ones already in `diags`). `keeps_files`: the
    /// build's outputs are kept (not `check`'s), and so is its search cache.
    fn resolve(
        &mut self,
        diags: &mut Diagnostics,
        watch: &mut Stopwatch,
        keeps_files: bool,
    ) -> Result<(Site, Vec<(String, PathBuf)>), Diagnostics> {
        let sources = Sources {
            pages: self.sources.pages.values().cloned().collect(),
            section_assets: self.sources.section_assets.clone(),
        };
        let (mut site, d) = site::resolve(
            self.config.clone(),
            sources,
            &self.theme.locales,
            ResolveOptions {
                drafts: self.opts.drafts,
            },
        );
        diags.extend(d);
        for required in REQUIRED_TEMPLATES {
            if !self.theme.templates.iter().any(|t| t.name == required) {
                diags.push(
                    Diagnostic::error(
                        PathBuf::from(format!("templates/{required}")),
                        crate::msg!("template.missing", name = required),
                    )
                    .hint(crate::msg!("template.missing.hint")),
                );
            }
        }
        watch.lap("resolve");
        let photos = crate::outputs::photo_files(&site, &self.theme.statics);
        self.refresh_images(&photos);
        if !self.render_markdown(&mut site, diags, watch, keeps_files) {
            return Err(std::mem::take(diags));
        }
        Ok((site, photos))
    }

    /// Renders `site` (everything, or what `rerender` says), writes the
    /// other outputs, checks that no two outputs share a path, and keeps the
    /// site and the caches for the next build. On errors the new site is
    /// dropped.
    pub(super) fn render_and_write(
        &mut self,
        site: Site,
        photos: &[(String, PathBuf)],
        rerender: Rerender,
        sink: &dyn Sink,
        mut diags: Diagnostics,
        watch: &mut Stopwatch,
    ) -> Result<Built, Diagnostics> {
        // Every output claims its path first, so `check` finds the clashes
        // `build` would hit, and no sink writes over another output.
        let claims = Claims::new(sink);
        // Shared with the template functions while the jobs render (they
        // make the views of the pages they list); theirs is dropped with
        // the render.
        let site = Arc::new(site);
        let sink: &dyn Sink = &claims;
        let list_page_files = rerender.lists_page_files();
        let full = matches!(rerender.scope(self.last.site.as_ref(), &site), Scope::All);
        let mut pictures = self.pictures_known_now(&site, photos, full, &mut diags);
        let (screens, d) = crate::screens::plan(&site, &self.theme.locales, &self.caches.images);
        diags.extend(d);
        pictures.extend(screens.iter().flat_map(|s| s.pictures().iter().cloned()));
        let scope = rerender.scope(self.last.site.as_ref(), &site);
        let images = self.caches.images.clone();
        let make = sink.keeps_files();
        let progress = self.opts.progress;
        // Made once, when the data pages or the outputs first need it; in a
        // one-shot build before the render, its files written at once, so
        // that its transient memory is not added to the render's (`serve`
        // renders the open pages first instead: they need not wait for it).
        let open_data = std::sync::OnceLock::new();
        let rows = (self.bodies == Bodies::Kept).then_some(&self.caches.open_rows);
        let owed = std::mem::take(&mut self.last.owed);
        let previous_page_files = Some(&*self.last.page_files).filter(|f| !f.is_empty());
        let mut written = Vec::new();
        if full && self.bodies == Bodies::Reread {
            let (open, records) = crate::outputs::write_open_data(&site, rows, sink);
            let _ = open_data.set(open);
            written = records;
        }
        let data_page = || {
            open_data
                .get_or_init(|| crate::outputs::open_data(&site, rows))
                .page
                .clone()
        };
        let (rendered, image_diags) = rayon::join(
            || {
                render::render(render::Request {
                    site: &site,
                    templates: &self.theme.templates,
                    locales: self.theme.locales.clone(),
                    statics: self.theme.statics.clone(),
                    images: images.clone(),
                    progress: progress && list_page_files,
                    sink,
                    scope,
                    cache: &mut self.caches.values,
                    keep_views: self.bodies == Bodies::Kept,
                    list_page_files,
                    data_page: &data_page,
                    bodies: (self.bodies == Bodies::Reread).then(|| {
                        let files = site::Files {
                            statics: &self.theme.statics,
                            images: &images,
                        };
                        self.caches.markdown.body_html(files)
                    }),
                    usage: self.caches.usage.as_mut(),
                    owed: &owed.pages,
                    previous_page_files,
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
        let render::Rendered {
            mut records,
            diagnostics: render_diags,
            mut affected,
            page_files,
            image_requests,
            skipped,
        } = rendered;
        if let (
            Some(a),
            Rerender::InPlace {
                front_changed: true,
            },
        ) = (affected.as_mut(), &rerender)
        {
            // The open data lists titles, descriptions, units and plans.
            a.data = true;
        }
        diags.extend(render_diags);
        diags.extend(image_diags);
        watch.lap("render");
        // Then what templates asked for (`image()`) and, in a partial
        // build, the photos of the pages rendered again.
        let mut later = image_requests;
        if !full {
            later.extend(
                site.pages
                    .iter()
                    .enumerate()
                    .filter(|(id, _)| affected.as_ref().is_none_or(|a| a.page(*id)))
                    .flat_map(|(_, p)| p.rendered.pictures().cloned()),
            );
        }
        if make {
            diags.extend(images.prepare(&later, progress));
        }
        pictures.extend(later);
        // A newer edit waits: the pages not begun and the site-wide files
        // are left for the next build (or for `serve` once no edit comes).
        let stop = || sink.wanted_first().is_some_and(|w| w.overtaken());
        let mut overtaken = !skipped.is_empty() || stop();
        if !overtaken {
            if let Some(a) = affected.as_mut() {
                a.absorb(&owed);
            }
        }
        let only = affected.as_ref().filter(|_| !owed.all_outputs);
        let mut extra: Vec<Output> = Vec::new();
        if !overtaken {
            let (locales, statics) = (&self.theme.locales, &self.theme.statics);
            let open = open_data.into_inner();
            match crate::outputs::build(&site, locales, statics, only, open, rows, &stop) {
                Some(outputs) => extra = outputs,
                None => overtaken = true,
            }
        }
        let (owed, only) = if overtaken {
            (Owed::after(owed, skipped, affected.as_ref()), None)
        } else {
            (Owed::default(), Some(only))
        };
        if !diags.has_errors() {
            let (outputs, used) = images.outputs(&pictures);
            extra.extend(outputs);
            let (outputs, d) = crate::screens::outputs(&screens, &images, make);
            extra.extend(outputs);
            diags.extend(d);
            if full && make && !overtaken {
                self.caches.used_images = Some(used);
            }
        }
        written.par_extend(extra.par_iter().map(|o| sink.put(o)));
        drop(extra);
        watch.lap("outputs");
        if let Some(only) = only {
            written.extend(crate::outputs::write_search(&site, only, sink));
            if site.config.search {
                watch.lap("search");
            }
        }
        for w in written {
            match w {
                Ok(r) => records.push(r),
                Err(d) => diags.push(d),
            }
        }
        diags.extend(claims.clashes(&self.config.root));
        self.last.owed = owed;
        if diags.has_errors() {
            return Err(diags);
        }
        if list_page_files {
            self.last.page_files = Arc::new(page_files);
        }
        let pages_per_language = site.pages_per_language();
        // Only this build holds the site now; were it not so, the next
        // build would resolve the site again rather than update this one.
        self.last.site = Arc::into_inner(site);
        Ok(Built {
            records,
            diagnostics: diags,
            pages_per_language,
            gaps: self.theme.locales.gaps(),
            timings: std::mem::take(&mut watch.timings),
            page_files: self.last.page_files.clone(),
            replaced: match rerender {
                Rerender::Narrowed(n) | Rerender::SameSite(n) => n.replaced,
                _ => Vec::new(),
            },
        })
    }

    /// Reads `photos` (output path, file) into a new image catalog, taking
    /// over the files unchanged since the last one, and notes the files
    /// read for the next render.
    pub(super) fn refresh_images(&mut self, photos: &[(String, PathBuf)]) {
        let (images, fresh) = self.caches.images.refreshed(photos);
        self.caches.images = Arc::new(images);
        self.edits.fresh_images.extend(fresh);
    }

    /// Photos whose pages are known before rendering (processed while
    /// pages render): all of them, or in a partial build those read again.
    /// The catalog already holds `files` (refreshed before Markdown).
    fn pictures_known_now(
        &mut self,
        site: &Site,
        files: &[(String, PathBuf)],
        full: bool,
        diags: &mut Diagnostics,
    ) -> Vec<Arc<Picture>> {
        let (photos, d) = crate::outputs::photos(site, files, &self.caches.images);
        diags.extend(d);
        let fresh = std::mem::take(&mut self.edits.fresh_images);
        photos
            .into_iter()
            .chain(
                site.pages
                    .iter()
                    .flat_map(|p| p.rendered.pictures().cloned()),
            )
            .filter(|p| full || fresh.contains(p.source_path()))
            .collect()
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.config.root
    }
}
