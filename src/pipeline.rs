//! The whole build, stage after stage: Config → load → resolve → render.
//! Each stage's diagnostics are collected; the pipeline goes as far as it
//! can so that one run reports every problem, and stops before writing if
//! any is an error.

use crate::config::{Config, LangCode};
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::render::{self, Output};
use crate::site::{self, ResolveOptions, Site};
use crate::theme;
use crate::write::{Record, Sink};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// What a build is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Publish drafts.
    pub drafts: bool,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

/// A rendered site, ready to write.
pub struct Built {
    /// The model.
    pub site: Site,
    /// The files, as the sink took them.
    pub records: Vec<Record>,
    /// Fluent data, for `check`'s report of gaps.
    pub locales: Arc<Locales>,
    /// Warnings (errors stop the pipeline).
    pub diagnostics: Diagnostics,
    /// Time per stage, for `--timings` and the benchmark notes.
    pub timings: Vec<(&'static str, f64)>,
}

impl Built {
    /// Pages per language, in the site's language order.
    pub fn pages_per_language(&self) -> Vec<(LangCode, usize)> {
        let mut counts: BTreeMap<&LangCode, usize> = BTreeMap::new();
        for p in &self.site.pages {
            *counts.entry(&p.lang).or_default() += 1;
        }
        self.site
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), counts.get(&l.code).copied().unwrap_or(0)))
            .collect()
    }

    /// Number of HTML files.
    pub fn html_count(&self) -> usize {
        self.records
            .iter()
            .filter(|o| o.path.ends_with(".html"))
            .count()
    }
}

/// Loads and validates the configuration, with `--base-url` applied.
pub fn load_config(opts: &Options) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&opts.root)?;
    if let Some(url) = &opts.base_url {
        let text = format!("base_url: {url:?}\nlanguages: [{{ code: x, name: x }}]\n");
        let parsed = Config::parse(&opts.root, &text)?;
        config.origin = parsed.origin;
        config.base_path = parsed.base_path;
    }
    Ok(config)
}

/// Runs every stage; outputs go to `sink` as they are rendered.
pub fn build(opts: &Options, sink: &dyn Sink) -> Result<Built, Diagnostics> {
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, f64)>| {
        timings.push((name, clock.elapsed().as_secs_f64()));
        clock = Instant::now();
    };
    let config = load_config(opts)?;
    let mut diags = Diagnostics::new();

    let (assets, d) = theme::load(&config);
    diags.extend(d);
    let (locales, d) = Locales::build(&config, assets.locales.clone());
    diags.extend(d);
    let locales = Arc::new(locales);
    diags.extend(render::check_templates(&assets.templates));
    lap("theme", &mut timings);

    let (sources, d) = content::load(&config);
    diags.extend(d);
    lap("load", &mut timings);

    let (mut site, d) = site::resolve(
        config,
        sources,
        &locales,
        ResolveOptions {
            drafts: opts.drafts,
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
        if !assets.templates.iter().any(|t| t.name == required) {
            diags.push(Diagnostic::error(PathBuf::from(format!("templates/{required}")), format!("the template `{required}` is missing"))
                .hint("add it to templates/ or to the theme, or use the built-in theme (`theme: default`)"));
        }
    }
    let statics = Arc::new(assets.statics);
    diags.extend(site::render_markdown(&mut site, &statics));
    lap("markdown", &mut timings);
    if diags.has_errors() {
        return Err(diags);
    }

    let (mut records, d) = render::render(
        &site,
        &assets.templates,
        locales.clone(),
        statics.clone(),
        opts.progress,
        sink,
    );
    diags.extend(d);
    let extra: Vec<Output> = crate::outputs::build(&site, &locales, &statics);
    let written: Vec<Result<Record, Diagnostic>> = extra.par_iter().map(|o| sink.put(o)).collect();
    for w in written {
        match w {
            Ok(r) => records.push(r),
            Err(d) => diags.push(d),
        }
    }
    diags.extend(duplicate_outputs(&records));
    lap("render", &mut timings);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Built {
        site,
        records,
        locales,
        diagnostics: diags,
        timings,
    })
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
