//! One render pass: a [`Request`] comes in (the site, templates, a sink,
//! what to render); [`Rendered`] goes out (what the sink took, the
//! problems, the pictures `image()` asked for, and what `serve` keeps for
//! the next pass). The steps: which pages changed, the shared lists (page
//! ids; views are made as jobs show them), the compiled templates, the
//! job plan, then every job in parallel, each streaming its output into
//! the sink.

use super::cache::{Changes, ValueCache};
use super::context::{self, RenderCtx};
use super::functions::{Services, Shared};
use super::jobs::{self, Job};
use super::links::LinkTable;
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
    /// Pages (URL paths, as [`Job::path`] names them) the last build left
    /// unrendered ([`super::Owed`]): rendered now too.
    pub owed: &'a HashSet<String>,
    /// The page files of the last build that listed them: those gone now
    /// are removed from the sink before any page is written.
    pub previous_page_files: Option<&'a HashSet<String>>,
}

/// What [`render`] gives back.
pub(crate) struct Rendered {
    /// What the sink took.
    pub records: Vec<Record>,
    /// Problems.
    pub diagnostics: Diagnostics,
    /// With [`Scope::Changed`]: what the change touched.
    pub affected: Option<Affected>,
    /// Every page file of the site, rendered now or not.
    pub page_files: HashSet<String>,
    /// The pictures templates asked for with `image()`, for the image
    /// pipeline to make (in no particular order).
    pub(crate) image_requests: Vec<Arc<Picture>>,
    /// Pages (URL paths, as [`Job::path`] names them) not rendered: a
    /// newer edit came in first (see [`super::Owed`]).
    pub skipped: Vec<String>,
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
        list_page_files,
        data_page,
        bodies,
        mut usage,
        owed,
        previous_page_files,
    } = req;
    let Changes {
        changed,
        front_changed,
    } = cache.changes(site, matches!(scope, Scope::All), keep_views);
    let mut narrow = None;
    if let Scope::Relisted(r) = &scope {
        // A deleted article 404s now, not once every page file is listed.
        if let Some(removed) = &r.removed {
            sink.remove_gone(&[&file_of(removed)]);
        }
    }
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
    // Tera functions are shared by every job and see only plain values, so
    // `image()` sends what it planned down a channel, read once below when
    // every job is done (see `functions::Shared::image_requests`).
    let (image_requests, requested) = mpsc::channel();
    let recorder = usage.as_deref_mut().map(|u| Arc::new(u.recorder()));
    let services = Services {
        locales: locales.clone(),
        statics,
        links: LinkTable::of(site),
        images,
        image_requests,
        recorder: recorder.clone(),
    };
    let shared = Arc::new(Shared::new(site, services));
    let tera = match templates::compile(templates, shared) {
        Ok(tera) => tera,
        Err(d) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(d);
            return Rendered {
                records: Vec::new(),
                diagnostics,
                affected: None,
                page_files: HashSet::new(),
                image_requests: Vec::new(),
                skipped: Vec::new(),
            };
        }
    };
    let site_values = context::site_values(site, &locales);
    let narrowed = narrow.zip(usage.as_deref());
    let all = affected.is_none() && only_langs.is_none() && narrowed.is_none();
    let (every_job, jobs) = plan(site, affected.as_ref(), only_langs, narrowed, owed);
    // Once the pages a reader waits for are written: every page file, and
    // those of pages gone removed.
    let mut page_files = HashSet::new();
    let mut list = || {
        if !list_page_files {
            return;
        }
        page_files = every_job.iter().map(|j| file_of(&j.path(site))).collect();
        if let Some(before) = previous_page_files {
            let gone: Vec<&str> = before
                .iter()
                .filter(|f| !page_files.contains(*f))
                .map(String::as_str)
                .collect();
            sink.remove_gone(&gone);
        }
    };
    let ctx = RenderCtx {
        site,
        tera: &tera,
        templates,
        site_values: &site_values,
        data_page,
        bodies,
        recorder: recorder.as_deref(),
    };
    let urgent = |job: Job| affected.as_ref().is_some_and(|a| a.urgent(site, job));
    let (results, skipped) = render_jobs(&ctx, &jobs, sink, progress, &urgent, &mut list);
    if let (Some(u), Some(r)) = (usage, &recorder) {
        u.take(r, all && skipped.is_empty());
    }
    let skipped = skipped.into_iter().map(|i| jobs[i].path(site)).collect();
    let (records, diagnostics) = collect(results);
    Rendered {
        records,
        diagnostics,
        affected,
        page_files,
        image_requests: requested.try_iter().collect(),
        skipped,
    }
}

/// Every job of the site, and those to run now (with those `owed` by the
/// last build).
fn plan(
    site: &Site,
    affected: Option<&Affected>,
    only_langs: Option<&HashSet<LangCode>>,
    narrowed: Option<(&Narrow, &Usage)>,
    owed: &HashSet<String>,
) -> (Vec<Job>, Vec<Job>) {
    let jobs = jobs::plan(site);
    let wanted = |job: Job| {
        let wanted = match (affected, narrowed) {
            (Some(a), Some((n, usage))) => a.wants(site, job) || n.wants(site, job, usage),
            (Some(a), None) => a.wants(site, job),
            (None, Some((n, usage))) => n.wants(site, job, usage),
            (None, None) => true,
        };
        wanted && only_langs.is_none_or(|langs| langs.contains(&site.pages[job.page()].lang))
    };
    let is_owed = |job: Job| match job {
        _ if owed.is_empty() => false,
        Job::Article(id) | Job::Home(id) => owed.contains(&site.pages[id].path),
        _ => owed.contains(&job.path(site)),
    };
    let kept = jobs
        .iter()
        .copied()
        .filter(|&job| wanted(job) || is_owed(job))
        .collect();
    (jobs, kept)
}

/// Renders the jobs in parallel; each output goes into the sink as soon
/// as it is rendered, so a big site never holds its pages in memory.
/// The pages open in a browser and the `urgent` ones go first, then
/// `after_first` runs; once a newer edit waits, the jobs not begun yet are
/// skipped (their indices come back second).
fn render_jobs(
    ctx: &RenderCtx<'_>,
    jobs: &[Job],
    sink: &dyn Sink,
    progress: bool,
    urgent: &(dyn Fn(Job) -> bool + Sync),
    after_first: &mut dyn FnMut(),
) -> (Vec<Result<Vec<Record>, Diagnostic>>, Vec<usize>) {
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
    let wanted = sink.wanted_first();
    let (first, rest): (Vec<usize>, Vec<usize>) = (0..jobs.len()).partition(|&i| {
        wanted.is_some_and(|w| urgent(jobs[i]) || w.files.contains(&file_of(&jobs[i].path(site))))
    });
    // The open-data pages last: the first of them makes the open data (every
    // article's row), which a newer edit should not wait for.
    let (last, rest): (Vec<usize>, Vec<usize>) = rest
        .into_iter()
        .partition(|&i| matches!(jobs[i], Job::Data(_)));
    let overtaken = || wanted.is_some_and(|w| w.overtaken());
    let mut results: Vec<Option<Result<Vec<Record>, Diagnostic>>> =
        (0..jobs.len()).map(|_| None).collect();
    for (n, batch) in [first, rest, last].into_iter().enumerate() {
        let done: Vec<_> = batch
            .par_iter()
            .filter(|_| n == 0 || !overtaken())
            .map(|&i| (i, run(&jobs[i])))
            .collect();
        let first_written = n == 0 && !done.is_empty() && done.iter().all(|(_, r)| r.is_ok());
        if let (Some(w), true) = (wanted, first_written) {
            (w.written)();
        }
        if n == 0 {
            after_first();
        }
        for (i, r) in done {
            results[i] = Some(r);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let skipped = (0..jobs.len()).filter(|&i| results[i].is_none()).collect();
    (results.into_iter().flatten().collect(), skipped)
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
