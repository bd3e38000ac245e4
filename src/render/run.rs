//! One render pass: a [`Request`] comes in (the site, templates, a sink,
//! what to render); [`Rendered`] goes out (what the sink took, the
//! problems, the pictures `image()` asked for, and what `serve` keeps for
//! the next pass). The steps: which pages changed, the shared lists (page
//! ids; views are made as jobs show them), the compiled templates, the
//! job plan, then every job in parallel, each streaming its output into
//! the sink.

use super::cache::{Changes, ValueCache};
use super::context::{self, RenderCtx};
use super::jobs::{self, Job};
use super::links::LinkTable;
use super::lists::{self, Services};
use super::scope::{Affected, Scope};
use super::templates;
use super::used::{Narrow, Usage};
use crate::config::LangCode;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::images::Picture;
use crate::output::{Output, Record, Sink};
use crate::site::{PageId, Site};
use crate::theme::{StaticFiles, Template};
use crate::urls::file_of;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};

/// Everything [`render`] needs.
pub(crate) struct Request<'a> {
    /// The resolved site (shared with the template functions, which make
    /// the views of the pages they list while jobs render).
    pub site: &'a Arc<Site>,
    /// Templates, site over theme.
    pub templates: &'a [Template],
    /// Fluent bundles.
    pub locales: Arc<Locales>,
    /// Static files (for `asset()`).
    pub statics: Arc<StaticFiles>,
    /// The image catalog (for `image()`).
    pub images: Arc<crate::images::Images>,
    /// Show a progress bar on a terminal.
    pub progress: bool,
    /// Where outputs go.
    pub sink: &'a dyn Sink,
    /// What to render.
    pub scope: Scope<'a>,
    /// What the previous build's views were made from; updated with this
    /// build's.
    pub cache: &'a mut ValueCache,
    /// Whether `cache` keeps what this build's views were made from for
    /// the next (not in a one-shot build).
    pub keep_views: bool,
    /// The link table of the previous build, reused if no URL changed.
    pub links: Option<Arc<LinkTable>>,
    /// Whether to list every page file ([`Rendered::page_files`]); not
    /// needed when the site's structure is known to be unchanged.
    pub list_page_files: bool,
    /// The open data the data pages list, made when first asked for.
    pub data_page: super::DataPageSource<'a>,
    /// Where a page's body HTML comes from when the site does not hold it
    /// (a one-shot build); `None`: every page holds its own.
    pub bodies: Option<crate::site::BodyHtml<'a>>,
    /// In `serve`: what each page read, noted as pages render, and read to
    /// narrow [`Scope::Narrowed`].
    pub usage: Option<&'a mut Usage>,
}

/// What [`render`] gives back.
pub(crate) struct Rendered {
    /// What the sink took.
    pub records: Vec<Record>,
    /// Problems.
    pub diagnostics: Diagnostics,
    /// The link table for the next build.
    pub links: Arc<LinkTable>,
    /// With [`Scope::Changed`]: what the change touched.
    pub affected: Option<Affected>,
    /// Every page file of the site, rendered now or not.
    pub page_files: HashSet<String>,
    /// The pictures templates asked for with `image()`, for the image
    /// pipeline to make (in no particular order).
    pub(crate) image_requests: Vec<Arc<Picture>>,
}

/// Renders the site's pages with the templates; returns what the sink
/// took, the problems, and the views for the next build.
pub(crate) fn render(req: Request<'_>) -> Rendered {
    let Request {
        site,
        templates,
        locales,
        statics,
        images,
        progress,
        sink,
        scope,
        cache,
        keep_views,
        links,
        list_page_files,
        data_page,
        bodies,
        mut usage,
    } = req;
    let Changes {
        changed,
        front_changed,
    } = cache.changes(site, matches!(scope, Scope::All), keep_views);
    // Not listing page files, or lists sorted again in place: the site
    // was updated in place, its URLs are the last build's, and so is the
    // link table.
    let same_urls = !list_page_files || matches!(scope, Scope::Relisted(r) if !r.urls_changed);
    let mut narrow = None;
    let (affected, only_langs) = match scope {
        Scope::All => (None, None),
        Scope::Narrowed {
            narrow: n,
            previous,
        } => {
            narrow = Some(n);
            let affected = previous
                .map(|previous| Affected::compute(site, previous, &changed, &front_changed));
            (affected, None)
        }
        Scope::Changed { previous } => (
            Some(Affected::compute(site, previous, &changed, &front_changed)),
            None,
        ),
        Scope::Languages(langs) => (None, Some(langs)),
        Scope::Relisted(before) => (Some(Affected::relisted(site, before, &changed)), None),
    };
    let affected = match affected {
        Some(a) if !super::heads::listed_beside_articles(templates) => Some(a.without_heads()),
        a => a,
    };
    let links = match links {
        Some(table) if same_urls => table,
        previous => LinkTable::reuse_or_build(site, previous),
    };
    // Tera functions are shared by every job and see only plain values, so
    // `image()` sends what it planned down a channel, read once below when
    // every job is done (see `functions::Shared::image_requests`).
    let (image_requests, requested) = mpsc::channel();
    let recorder = usage.as_deref_mut().map(|u| Arc::new(u.recorder()));
    let services = Services {
        locales: locales.clone(),
        statics,
        links: links.clone(),
        images,
        image_requests,
        recorder: recorder.clone(),
    };
    let shared = Arc::new(lists::shared(site, services));
    let tera = match templates::compile(templates, shared) {
        Ok(tera) => tera,
        Err(d) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(d);
            return Rendered {
                records: Vec::new(),
                diagnostics,
                links,
                affected: None,
                page_files: HashSet::new(),
                image_requests: Vec::new(),
            };
        }
    };
    let site_values = context::site_values(site, &locales);
    let narrowed = narrow.zip(usage.as_deref());
    let all = affected.is_none() && only_langs.is_none() && narrowed.is_none();
    let (jobs, page_files) = plan(
        site,
        list_page_files,
        affected.as_ref(),
        only_langs,
        narrowed,
    );
    let ctx = RenderCtx {
        site,
        tera: &tera,
        templates,
        site_values: &site_values,
        data_page,
        bodies,
        recorder: recorder.as_deref(),
    };
    let results = render_jobs(&ctx, &jobs, sink, progress);
    if let (Some(u), Some(r)) = (usage, &recorder) {
        u.take(r, all);
    }
    let (records, diagnostics) = collect(results);
    Rendered {
        records,
        diagnostics,
        links,
        affected,
        page_files,
        image_requests: requested.try_iter().collect(),
    }
}

/// The jobs to run now, and every page file a full render writes
/// (`serve` removes the others) if `list_page_files`.
fn plan(
    site: &Site,
    list_page_files: bool,
    affected: Option<&Affected>,
    only_langs: Option<&HashSet<LangCode>>,
    narrowed: Option<(&Narrow, &Usage)>,
) -> (Vec<Job>, HashSet<String>) {
    let mut jobs = jobs::plan(site);
    let page_files: HashSet<String> = if list_page_files {
        jobs.iter().map(|j| file_of(&j.path(site))).collect()
    } else {
        HashSet::new()
    };
    match (affected, narrowed) {
        (Some(a), Some((n, usage))) => {
            jobs.retain(|job| a.wants(site, *job) || n.wants(site, *job, usage))
        }
        (Some(a), None) => jobs.retain(|job| a.wants(site, *job)),
        (None, Some((n, usage))) => jobs.retain(|job| n.wants(site, *job, usage)),
        (None, None) => {}
    }
    if let Some(langs) = only_langs {
        jobs.retain(|job| langs.contains(&site.pages[job.page()].lang));
    }
    (jobs, page_files)
}

/// Renders the jobs in parallel; each output goes into the sink as soon
/// as it is rendered, so a big site never holds its pages in memory.
fn render_jobs(
    ctx: &RenderCtx<'_>,
    jobs: &[Job],
    sink: &dyn Sink,
    progress: bool,
) -> Vec<Result<Vec<Record>, Diagnostic>> {
    let site = ctx.site;
    let bar = progress_bar(progress && jobs.len() > 2000, jobs.len() as u64);
    // Servers look for /404.html: when the default language lives in a
    // folder, its not-found page is written there too.
    let root_404: Option<PageId> = site
        .config
        .default_language_in_subdir
        .then(|| site.homes[&site.config.default_language]);
    let run = |job: &Job| -> Result<Vec<Record>, Diagnostic> {
        let output = ctx.render_job(*job);
        if let Some(r) = ctx.recorder {
            match &output {
                Ok(o) => r.end(&o.path, true),
                Err(_) => r.end(&file_of(&job.path(site)), false),
            }
        }
        let output = output?;
        let mut records = vec![sink.put(&output)?];
        if let (Job::NotFound(home), Some(default)) = (job, root_404) {
            if *home == default {
                records.push(sink.put(&Output {
                    path: "404.html".into(),
                    data: output.data,
                })?);
            }
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
        Ok(records)
    };
    // The pages a reader has open go first, and are said to be on disk
    // before the others are rendered; the results stay in job order.
    let wanted = sink.wanted_first().filter(|w| !w.files.is_empty());
    let (first, rest): (Vec<usize>, Vec<usize>) = (0..jobs.len())
        .partition(|&i| wanted.is_some_and(|w| w.files.contains(&file_of(&jobs[i].path(site)))));
    let mut results: Vec<Option<Result<Vec<Record>, Diagnostic>>> =
        (0..jobs.len()).map(|_| None).collect();
    for (n, batch) in [first, rest].into_iter().enumerate() {
        let done: Vec<_> = batch.par_iter().map(|&i| (i, run(&jobs[i]))).collect();
        let first_written = n == 0 && !done.is_empty() && done.iter().all(|(_, r)| r.is_ok());
        if let (Some(w), true) = (wanted, first_written) {
            (w.written)();
        }
        for (i, r) in done {
            results[i] = Some(r);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    results.into_iter().flatten().collect()
}

/// The sink's records in job order, and the problems: the same template
/// error on every page is one problem, reported once.
fn collect(results: Vec<Result<Vec<Record>, Diagnostic>>) -> (Vec<Record>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut records = Vec::with_capacity(results.len());
    let mut seen: HashMap<(Option<PathBuf>, Option<usize>, String), usize> = HashMap::new();
    for r in results {
        match r {
            Ok(r) => records.extend(r),
            Err(d) => {
                let key = (d.file.clone(), d.line, d.message.clone());
                let n = seen.entry(key).or_insert(0);
                *n += 1;
                if *n == 1 {
                    diags.push(d);
                }
            }
        }
    }
    (records, diags)
}

fn progress_bar(show: bool, len: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} rendering {pos}/{len} pages {wide_bar} {eta}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}
